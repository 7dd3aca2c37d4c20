/** Test helper: a set-up follow-up table with a team and some follow-ups, and a way to submit the sidebar's form as google.script.run would. */

import type { AppsScriptRuntime, User } from "../../local/runtime/runtime";
import type { FollowUpForm, SaveRequest, SaveResult } from "../../src/core/sidebar-api";
import { runtimeOnDist, ZH_REP } from "./runtime";

/** Team rows below the header: name, email, role, manager's email, reminders, language. */
export const TEAM = [
  ["li.lei", "li.lei@example.com", "管理员", "", true, "zh"],
  ["李四", "li.si@example.com", "销售", "li.lei@example.com", true, "zh"],
  ["Ann Lee", "ann.lee@example.com", "销售", "li.lei@example.com", true, "en"],
];

/** A zh table (Asia/Shanghai) set up by li.lei, with TEAM and `rows` typed below the header, synced. */
export function followUpTable(rows: unknown[][] = [], options: { user?: User } = {}): AppsScriptRuntime {
  const runtime = runtimeOnDist({ user: ZH_REP });
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu("设置/接管跟进表");
  const ss = runtime.inspect().getActiveSpreadsheet();
  ss.getSheetByName("团队")?.getRange(2, 1, TEAM.length, 6).setValues(TEAM);
  const sheet = ss.getSheetByName("跟进记录");
  if (rows.length > 0 && sheet) {
    // Room below the data, as a sheet in use has: saving then never needs to grow the sheet.
    const needed = rows.length + 101;
    if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
    sheet.getRange(2, 1, rows.length, 17).setValues(rows.map((r) => [...r, ...Array(17 - r.length).fill("")]));
    runtime.ui.answerNext("OK");
    runtime.clickMenu("同步与修复");
  }
  if (options.user) runtime.user = options.user;
  return runtime;
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
