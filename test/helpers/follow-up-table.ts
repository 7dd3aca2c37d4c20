/** Test helper: a set-up follow-up table with a team and some follow-ups, and a way to submit the sidebar's form as google.script.run would. */

import type { AppsScriptRuntime, RuntimeOptions, User } from "../../local/runtime/runtime";
import type { FollowUpForm, SaveRequest, SaveResult } from "../../src/core/sidebar-api";
import { EN_REP, runtimeOnDist, ZH_REP } from "./runtime";
import { typeTable } from "./workbook";

/** Team rows below the header: name, email, role, manager's email, reminders, language. */
export const TEAM = [
  ["li.lei", "li.lei@example.com", "管理员", "", true, "zh"],
  ["李四", "li.si@example.com", "销售", "li.lei@example.com", true, "zh"],
  ["Ann Lee", "ann.lee@example.com", "rep", "li.lei@example.com", true, "en"],
];

/** The sheet and menu names of a table in each language. */
export const NAMES = {
  zh: {
    followUps: "跟进记录",
    team: "团队",
    setUp: "设置/接管跟进表",
    sync: "同步与修复",
    user: ZH_REP,
    locale: "zh_CN",
  },
  en: {
    followUps: "Follow-ups",
    team: "Team",
    setUp: "Set up / adopt table",
    sync: "Sync & repair",
    user: EN_REP,
    locale: "en_US",
  },
} as const;

/**
 * A table (Asia/Shanghai) set up by the language's user (zh: li.lei, en: ann.lee) at `now` (default Friday
 * 2026-11-27 09:00 in Shanghai), with TEAM and `rows` typed below the header, synced.
 */
export function followUpTable(
  rows: unknown[][] = [],
  options: { user?: User; language?: "zh" | "en" } & Partial<
    Pick<RuntimeOptions, "now" | "mailDailyLimit" | "cost" | "activeSpreadsheetInTimeTriggers">
  > = {},
): AppsScriptRuntime {
  const names = NAMES[options.language ?? "zh"];
  const { user: _user, language: _language, ...runtimeOptions } = options;
  const runtime = runtimeOnDist({ user: names.user, locale: names.locale, ...runtimeOptions });
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu(names.setUp);
  const ss = runtime.inspect().getActiveSpreadsheet();
  ss.getSheetByName(names.team)?.getRange(2, 1, TEAM.length, 6).setValues(TEAM);
  const sheet = ss.getSheetByName(names.followUps);
  if (rows.length > 0 && sheet) {
    // Room below the data, as a sheet in use has: saving then never needs to grow the sheet.
    const needed = rows.length + 101;
    if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
    sheet.getRange(2, 1, rows.length, 17).setValues(rows.map((r) => [...r, ...Array(17 - r.length).fill("")]));
    runtime.ui.answerNext("OK");
    runtime.clickMenu(names.sync);
  }
  if (options.user) runtime.user = options.user;
  return runtime;
}

/**
 * A team's own sheet typed into the first sheet (header on `headerRow`), `arrange`d as the team keeps it (formats …),
 * adopted through the menu (answering YES), with `members` (TEAM's shape) on the Team sheet. Returns the sheet.
 */
export function adoptTeamSheet(
  runtime: AppsScriptRuntime,
  table: unknown[][],
  headerRow: number,
  options: { members?: unknown[][]; arrange?: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void } = {},
): GoogleAppsScript.Spreadsheet.Sheet {
  const { members = TEAM.slice(0, 2), arrange } = options;
  const sheet = typeTable(runtime, table, headerRow);
  arrange?.(sheet);
  runtime.open("LIMITED");
  runtime.ui.answerNext("YES");
  runtime.ui.answerNext("OK");
  runtime.clickMenu(NAMES.zh.setUp);
  runtime
    .inspect()
    .getActiveSpreadsheet()
    .getSheetByName(NAMES.zh.team)
    ?.getRange(2, 1, members.length, 6)
    .setValues(members);
  return sheet;
}

/** A typed row: id, customer, contact, contact info, date, method, need, summary, stage, next step, next date, owner. */
export function typedRow(
  customer: string,
  owner: string,
  nextDate = "2026/11/30",
  contactInfo = "",
  stage = "已报价",
): unknown[] {
  return [
    "",
    customer,
    "张三",
    contactInfo,
    "2026/11/20",
    "电话",
    "要报价",
    "介绍产品",
    stage,
    "回访",
    nextDate,
    owner,
  ];
}

/** A complete, valid form (today is 2026-11-27 in Shanghai in these tests). */
export function form(overrides: Partial<FollowUpForm> = {}): FollowUpForm {
  return {
    customer: "杭州某网络",
    contact: "王五",
    contactInfo: "13900139000",
    date: "2026-11-27",
    method: "电话",
    need: "想要年度套餐报价",
    summary: "电话沟通了价格区间",
    stage: "需求确认",
    nextStep: "发正式报价单",
    nextDate: "2026-11-30",
    owner: "li.lei",
    source: "展会",
    score: "4",
    notes: "",
    ...overrides,
  };
}

let requests = 0;

/** Calls saveFollowUp as the sidebar does (a fresh request id unless given). */
export function submit(
  runtime: AppsScriptRuntime,
  formValue: FollowUpForm,
  confirmed: string[] = [],
  requestId = `request-${++requests}`,
): SaveResult {
  const request: SaveRequest = { form: formValue, confirmed, requestId };
  return runtime.run("saveFollowUp", [request]) as SaveResult;
}
