/** Sends the day's reminder digests through the send-once protocol: once per recipient per workday, after the reminder hour, within the mail quota and the time budget. */

import { type Day, isoOfDay } from "../core/dates";
import { buildDigests, type Digest, renderDigest } from "../core/digest";
import type { ReminderStatus } from "../core/reminder-status";
import { recipientKey } from "../core/send-record";
import { previousWorkday } from "../core/workdays";
import { filteredViewLinks } from "./filter-views";
import { readPoolEvents } from "./pool-log";
import { handoversOf } from "./registry";
import { type BatchRun, recordedBatch, sendBatch } from "./send-once";
import type { Table } from "./table";
import type { TableRows } from "./table-rows";

/**
 * Builds today's digests (./due's rule over the rows just read, so what fell due on the days off before is overdue
 * today; admins also get every problem, the 撞单 typed into the sheet, the Team sheet's and the reminders' own status)
 * and sends each at most once (see `sendBatch`). Called on workdays only (../gas/hourly). Returns what the run did,
 * with the digests (the group-robot posts list their items); whoever did not get their digest by the end of the day is
 * reported the next day.
 */
export function sendDailyDigests(
  table: Table,
  rows: TableRows,
  today: Day,
  startedAt: number,
  status: ReminderStatus,
): BatchRun & { digests: Digest[] } {
  const spreadsheetUrl = table.spreadsheet.getUrl();
  const sheetId = table.followUps.getSheetId();
  const day = isoOfDay(today);
  const digests = buildDigests({
    followUps: rows.followUps,
    rowProblems: rows.problems,
    settings: table.settings,
    team: table.members,
    teamProblems: table.teamProblems,
    settingsProblems: table.settingsProblems,
    handovers: handoversOf(table.registry),
    today,
    link: (row) => `${spreadsheetUrl}#gid=${sheetId}&range=A${row}`,
    defaultLanguage: table.language,
    status,
    timeZone: table.timeZone,
    poolEvents: readPoolEvents(table.spreadsheet),
  });
  const spreadsheetName = table.spreadsheet.getName();
  // A digest listing only part of the rep's overdue and due-today rows links to the rep's filtered view of them all.
  const filteredViews = filteredViewLinks(table, digests, today);
  const outgoing = digests.map((digest) => ({
    email: digest.to,
    note: `${digest.overdue.length}/${digest.dueToday.length}/${digest.upcoming.length}`,
    send: () => {
      const filteredView = filteredViews.get(digest.to.trim().toLowerCase());
      const { subject, text, html } = renderDigest(digest, { spreadsheetName, today: day, filteredView });
      MailApp.sendEmail({ to: digest.to, subject, body: text, htmlBody: html });
    },
  }));
  // Whoever the quota left waiting on the last workday goes first today.
  const lastWorkday = isoOfDay(previousWorkday(table.settings.workdays, today));
  const waited = recordedBatch(table.spreadsheet, lastWorkday)?.batch;
  const waitedBefore = (email: string) => waited?.entries[recipientKey(email)]?.status === "deferred";
  const run = sendBatch(table.spreadsheet, table.language, day, outgoing, startedAt, waitedBefore);
  // An admin's digest that went out carried the status: that is today's email about it.
  const statusMailed = digests.some((d) => d.problems.some((p) => p.kind === "status"));
  if (statusMailed && run.sent > 0) status.alertedOn = day;
  return { ...run, digests };
}
