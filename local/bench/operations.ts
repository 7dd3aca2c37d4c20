/** The add-on's operations as a user and the hourly trigger run them on the built bundle, measured on a table of a scenario's size. */

import type { SaveRequest, SaveResult } from "../../src/core/sidebar-api";
import type { Project } from "../runtime/loader";
import { DAILY_RECIPIENTS } from "../runtime/mail";
import { AppsScriptRuntime } from "../runtime/runtime";
import { timeDrivenEvent } from "../runtime/trigger-schedule";
import { type Measurement, measure } from "./measurement";
import { BENCH_NOW, MANAGER, repName, type Scenario, TEAM_TABLE_HEADER, teamRows, teamTable } from "./workload";

export const MENU = {
  setUp: "设置/接管跟进表",
  sync: "同步与修复",
  reminders: "提醒开关",
  review: "生成周报",
} as const;

const TEAM_SHEET = "团队";
export const HOUR = 3_600_000;

/** The operations measured, as the bench's output names them. */
export const OPERATIONS = {
  setUp: "set up (new table)",
  adopt: "adopt",
  sync: "sync & repair",
  open: "sidebar open",
  save: "sidebar save",
  hourly: "hourly run (digests)",
  idleHourly: "hourly run, 1 h later",
  review: "weekly review",
} as const;

/** A runtime on the bundle for a Workspace user (1,500 email recipients a day) with one empty Chinese spreadsheet in Shanghai, at `now` (the bench's instant by default). */
export function benchRuntime(project: Project, now = BENCH_NOW): AppsScriptRuntime {
  const runtime = new AppsScriptRuntime(project, {
    now,
    user: { email: MANAGER.email, locale: MANAGER.locale },
    scriptTimeZone: "Asia/Shanghai",
    mailDailyLimit: DAILY_RECIPIENTS.workspace,
  });
  runtime.createSpreadsheet({ name: "销售跟进表", timeZone: "Asia/Shanghai", locale: "zh_CN" });
  return runtime;
}

/** Types the team's table (`table`, below the header) into the first sheet in one setValues (outside any execution, so it costs nothing); returns that sheet's id. */
export function typeTeamTable(runtime: AppsScriptRuntime, table: unknown[][]): number {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
  if (!sheet) throw new Error("the new spreadsheet has no sheet");
  const rows = [[...TEAM_TABLE_HEADER], ...table];
  // Room below the data, as a sheet in use has.
  const needed = rows.length + 100;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, TEAM_TABLE_HEADER.length).setValues(rows);
  return sheet.getSheetId();
}

/** Replaces the Team sheet's members (adoption lists the owners it found, without emails) with the scenario's team. */
export function writeTeam(runtime: AppsScriptRuntime, scenario: Scenario): void {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName(TEAM_SHEET);
  if (!sheet) throw new Error(`no "${TEAM_SHEET}" sheet after adoption`);
  const rows = teamRows(scenario);
  if (sheet.getLastRow() > 1) sheet.getRange(2, 1, sheet.getLastRow() - 1, 6).clearContent();
  sheet.getRange(2, 1, rows.length, 6).setValues(rows);
}

/** Clicks a menu item, answering its dialogs in order. */
export function click(runtime: AppsScriptRuntime, caption: string, answers: ("OK" | "YES")[]): void {
  for (const answer of answers) runtime.ui.answerNext(answer);
  runtime.clickMenu(caption);
}

/** Set up on an empty spreadsheet: the new table, its Settings and Team sheets. */
function measureSetUp(project: Project, scenario: Scenario): Measurement {
  const runtime = benchRuntime(project);
  runtime.open("LIMITED");
  return measure(runtime, OPERATIONS.setUp, scenario, () => click(runtime, MENU.setUp, ["OK"]));
}

/** A new rep's follow-up as the sidebar sends it, for a customer the table does not know. */
function sidebarRequest(): SaveRequest {
  return {
    form: {
      customer: "新客户甲",
      contact: "王五",
      contactInfo: "13900139000",
      date: "2026-11-27",
      method: "电话",
      need: "想要年度套餐报价",
      summary: "电话沟通了价格区间",
      stage: "需求确认",
      nextStep: "发正式报价单",
      nextDate: "2026-11-30",
      owner: repName(0),
      source: "展会",
      score: "4",
      notes: "",
    },
    confirmed: [],
    requestId: "bench-request-1",
  };
}

/** Turns reminders on from the menu; returns the unique id of the hourly trigger it installed. */
export function turnRemindersOn(runtime: AppsScriptRuntime): string {
  click(runtime, MENU.reminders, ["OK"]);
  const trigger = runtime.triggers.list()[0];
  if (!trigger) throw new Error("turning reminders on installed no trigger");
  return trigger.uniqueId;
}

/** Runs the hourly trigger's function now, as the trigger would, and checks how many emails (digests, reviews) it sent. */
export function runHourly(runtime: AppsScriptRuntime, triggerUid: string, expectedEmails: number): void {
  const sentBefore = runtime.outbox.messages.length;
  runtime.run("runHourly", [timeDrivenEvent(runtime.kernel.now(), triggerUid)], {
    kind: "timeTrigger",
    spreadsheetId: null,
  });
  const sent = runtime.outbox.messages.length - sentBefore;
  if (sent !== expectedEmails) throw new Error(`the hourly run sent ${sent} emails, not ${expectedEmails}`);
}

/**
 * Every operation on a table of the scenario's size: set up, adopt, Sync & repair, a rep opening the sidebar (and
 * the bytes it receives), one sidebar save, the hourly
 * run that sends the day's digests (one to each rep and the manager), the next hour's run (the day's digests are
 * out: what each later run of the day costs), one weekly review build. Returns the workbook's runtime too, for the
 * baseline.
 */
export function measureOperations(
  project: Project,
  scenario: Scenario,
): { measurements: Measurement[]; runtime: AppsScriptRuntime } {
  const measurements = [measureSetUp(project, scenario)];
  const runtime = benchRuntime(project);
  typeTeamTable(runtime, teamTable(scenario));
  runtime.open("LIMITED");
  measurements.push(measure(runtime, OPERATIONS.adopt, scenario, () => click(runtime, MENU.setUp, ["YES", "OK"])));
  writeTeam(runtime, scenario);
  measurements.push(measure(runtime, OPERATIONS.sync, scenario, () => click(runtime, MENU.sync, ["OK"])));
  // A rep opens the sidebar: everything it needs comes back in one call.
  const manager = runtime.user;
  runtime.user = { email: `${repName(0)}@example.com`, locale: "zh_CN" };
  measurements.push(measure(runtime, OPERATIONS.open, scenario, () => runtime.run("sidebarData")));
  runtime.user = manager;
  measurements.push(
    measure(runtime, OPERATIONS.save, scenario, () => {
      const result = runtime.run("saveFollowUp", [sidebarRequest()]) as SaveResult;
      if (!result.ok) throw new Error(`saveFollowUp refused the form: ${JSON.stringify(result)}`);
    }),
  );
  const uid = turnRemindersOn(runtime);
  measurements.push(measure(runtime, OPERATIONS.hourly, scenario, () => runHourly(runtime, uid, scenario.owners + 1)));
  runtime.kernel.setNow(runtime.kernel.now() + HOUR);
  measurements.push(measure(runtime, OPERATIONS.idleHourly, scenario, () => runHourly(runtime, uid, 0)));
  measurements.push(measure(runtime, OPERATIONS.review, scenario, () => click(runtime, MENU.review, ["OK"])));
  return { measurements, runtime };
}
