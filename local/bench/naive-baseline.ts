/** The naive baseline: a reminder script written the way many published ones are (a getValue per cell, an email per overdue row), run on a copy of the bench's workbook. */

import { projectFromSources } from "../runtime/loader";
import { DAILY_RECIPIENTS } from "../runtime/mail";
import { AppsScriptRuntime } from "../runtime/runtime";
import { type Measurement, measure } from "./measurement";
import { BENCH_NOW, MANAGER, type Scenario, TEAM_TABLE_COLUMNS } from "./workload";

/** The baseline's name in the bench's output. */
export const NAIVE_HOURLY = "naive hourly run";

const FOLLOW_UPS = "跟进记录";
const TEAM = "团队";

/**
 * The script: reads the Team sheet and then every follow-up row cell by cell, and for each open row whose next
 * date has passed reads the customer, sends its owner one email and stamps the row's "reminded" cell.
 */
function naiveSource(remindedColumn: number): string {
  const c = TEAM_TABLE_COLUMNS;
  return `
function remindOverdue() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var team = ss.getSheetByName(${JSON.stringify(TEAM)});
  var emails = {};
  var teamRows = team.getLastRow();
  for (var t = 2; t <= teamRows; t++) {
    emails[team.getRange(t, 1).getValue()] = team.getRange(t, 2).getValue();
  }
  var sheet = ss.getSheetByName(${JSON.stringify(FOLLOW_UPS)});
  var today = new Date();
  today.setHours(0, 0, 0, 0);
  var lastRow = sheet.getLastRow();
  for (var row = 2; row <= lastRow; row++) {
    var done = sheet.getRange(row, ${c.done}).getValue();
    var stage = sheet.getRange(row, ${c.stage}).getValue();
    var nextDate = sheet.getRange(row, ${c.nextDate}).getValue();
    var owner = sheet.getRange(row, ${c.owner}).getValue();
    if (done === true || stage === "已成交" || stage === "已流失") continue;
    if (!(nextDate instanceof Date) || nextDate >= today || !emails[owner]) continue;
    var customer = sheet.getRange(row, ${c.customer}).getValue();
    MailApp.sendEmail(emails[owner], "跟进提醒：" + customer, customer + " 的下次跟进日期 " + nextDate + " 已过，请尽快跟进。");
    sheet.getRange(row, ${remindedColumn}).setValue(new Date());
  }
}
`;
}

/** A bound script project of the naive source, loaded the way a clasp rootDir is. */
function naiveRuntime(remindedColumn: number, oauthScopes: string[]): AppsScriptRuntime {
  const project = projectFromSources(
    { "Code.js": naiveSource(remindedColumn) },
    { timeZone: "Asia/Shanghai", oauthScopes },
  );
  return new AppsScriptRuntime(project, {
    now: BENCH_NOW,
    user: { email: MANAGER.email, locale: MANAGER.locale },
    addOn: false,
    mailDailyLimit: DAILY_RECIPIENTS.workspace,
  });
}

/** Copies a sheet's values into a sheet of another workbook, outside any execution, leaving one free column after them. */
function copyValues(from: GoogleAppsScript.Spreadsheet.Sheet, to: GoogleAppsScript.Spreadsheet.Sheet): void {
  const values = from.getDataRange().getValues();
  const width = values[0]?.length ?? 0;
  if (values.length > to.getMaxRows()) to.insertRowsAfter(to.getMaxRows(), values.length - to.getMaxRows());
  if (width + 1 > to.getMaxColumns()) to.insertColumnsAfter(to.getMaxColumns(), width + 1 - to.getMaxColumns());
  to.getRange(1, 1, values.length, width).setValues(values);
}

/**
 * Runs the naive script once, on the bench's day after the reminder hour and with the same mail quota, on a copy
 * of the follow-ups (the adopted first sheet) and the Team sheet of `workbook`.
 */
export function measureNaiveHourly(workbook: AppsScriptRuntime, scenario: Scenario): Measurement {
  const source = workbook.inspect().getActiveSpreadsheet();
  const followUps = source.getSheets()[0];
  const team = source.getSheetByName(TEAM);
  if (!followUps || !team) throw new Error("the workbook has no follow-ups or Team sheet to copy");
  const width = followUps.getLastColumn();
  const runtime = naiveRuntime(width + 1, workbook.project.manifest.oauthScopes ?? []);
  runtime.createSpreadsheet({ name: "销售跟进表", timeZone: "Asia/Shanghai", locale: "zh_CN" });
  const copy = runtime.inspect().getActiveSpreadsheet();
  const firstSheet = copy.getSheets()[0];
  if (!firstSheet) throw new Error("the copy has no sheet");
  copyValues(followUps, firstSheet.setName(FOLLOW_UPS));
  copyValues(team, copy.insertSheet(TEAM));
  return measure(runtime, NAIVE_HOURLY, scenario, () => {
    runtime.run("remindOverdue", [], { kind: "timeTrigger" });
  });
}
