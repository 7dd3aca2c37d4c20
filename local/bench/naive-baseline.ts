/** The naive baseline: a reminder script written the way many published ones are (a getValue per cell, an email per overdue row), run on a copy of the bench's workbook. */

import type { AppsScriptRuntime } from "../runtime/runtime";
import { BASELINE_SHEETS, measureBaseline } from "./baseline-workbook";
import type { Measurement } from "./measurement";
import { type Scenario, TEAM_TABLE_COLUMNS } from "./workload";

/** The baseline's name in the bench's output. */
export const NAIVE_HOURLY = "naive hourly run";

/**
 * The script: reads the Team sheet and then every follow-up row cell by cell, and for each open row whose next
 * date has passed reads the customer, sends its owner one email and stamps the row's "reminded" cell.
 */
function naiveSource(remindedColumn: number): string {
  const c = TEAM_TABLE_COLUMNS;
  return `
function remindOverdue() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var team = ss.getSheetByName(${JSON.stringify(BASELINE_SHEETS.team)});
  var emails = {};
  var teamRows = team.getLastRow();
  for (var t = 2; t <= teamRows; t++) {
    emails[team.getRange(t, 1).getValue()] = team.getRange(t, 2).getValue();
  }
  var sheet = ss.getSheetByName(${JSON.stringify(BASELINE_SHEETS.followUps)});
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

/**
 * Runs the naive script once, on the bench's day after the reminder hour and with the same mail quota, on a copy
 * of the follow-ups (the adopted first sheet) and the Team sheet of `workbook`.
 */
export function measureNaiveHourly(workbook: AppsScriptRuntime, scenario: Scenario): Measurement {
  return measureBaseline(
    { name: NAIVE_HOURLY, functionName: "remindOverdue", source: naiveSource },
    workbook,
    scenario,
  );
}
