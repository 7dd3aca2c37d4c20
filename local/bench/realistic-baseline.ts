/** The realistic baseline: a batched reminder script in the style of Google's own tutorials (one getValues, a loop, one email per owner), run on a copy of the bench's workbook. */

import type { AppsScriptRuntime } from "../runtime/runtime";
import { BASELINE_SHEETS, measureBaseline } from "./baseline-workbook";
import type { Measurement } from "./measurement";
import { type Scenario, TEAM_TABLE_COLUMNS } from "./workload";

/** The baseline's name in the bench's output. */
export const BATCHED_HOURLY = "batched hourly run";

/**
 * The script, modelled on Google's tutorial "Sending emails from a Spreadsheet"
 * (developers.google.com/apps-script/articles/sending_emails: one getDataRange().getValues(), a loop over the rows,
 * MailApp.sendEmail): reads the Team sheet and the follow-ups with one getValues each, collects each owner's open
 * rows whose next date has passed, and sends each owner one email listing them. It writes nothing back, so it has
 * no round trips to pay, and no record of what it sent either (a second run the same day sends everything again).
 */
function batchedSource(): string {
  const c = TEAM_TABLE_COLUMNS;
  return `
function remindOverdue() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var team = ss.getSheetByName(${JSON.stringify(BASELINE_SHEETS.team)}).getDataRange().getValues();
  var emails = {};
  for (var t = 1; t < team.length; t++) {
    emails[team[t][0]] = team[t][1];
  }
  var data = ss.getSheetByName(${JSON.stringify(BASELINE_SHEETS.followUps)}).getDataRange().getValues();
  var today = new Date();
  today.setHours(0, 0, 0, 0);
  var overdue = {};
  for (var i = 1; i < data.length; i++) {
    var row = data[i];
    var stage = row[${c.stage - 1}];
    var nextDate = row[${c.nextDate - 1}];
    var owner = row[${c.owner - 1}];
    if (row[${c.done - 1}] === true || stage === "已成交" || stage === "已流失") continue;
    if (!(nextDate instanceof Date) || nextDate >= today || !emails[owner]) continue;
    (overdue[owner] = overdue[owner] || []).push(row[${c.customer - 1}] + " 的下次跟进日期 " + nextDate + " 已过");
  }
  for (var name in overdue) {
    var lines = overdue[name];
    MailApp.sendEmail(emails[name], "跟进提醒：" + lines.length + " 位客户已逾期", lines.join("\\n") + "\\n请尽快跟进。");
  }
}
`;
}

/**
 * Runs the batched script once, on the bench's day after the reminder hour and with the same mail quota, on a copy
 * of the follow-ups (the adopted first sheet) and the Team sheet of `workbook`.
 */
export function measureBatchedHourly(workbook: AppsScriptRuntime, scenario: Scenario): Measurement {
  return measureBaseline(
    { name: BATCHED_HOURLY, functionName: "remindOverdue", source: batchedSource },
    workbook,
    scenario,
  );
}
