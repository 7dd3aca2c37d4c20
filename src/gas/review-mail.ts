/** The weekly step of the hourly run: on the Settings review day and hour, rebuild the review and email it to each manager once, in the manager's language (Team sheet), through the same send-once protocol as the digests. */

import { type Day, hourInZone, isoOfDay, mondayOf, weekdayOfDay } from "../core/dates";
import { agendaOf } from "../core/due";
import { renderReviewEmail, topOverdue } from "../core/review";
import { recipientKey, shouldSend } from "../core/send-record";
import { isValidEmail } from "../core/team";
import { type BatchRun, openBatch, sendBatch } from "./send-once";
import type { Table } from "./table";
import { readRows } from "./table-rows";
import { buildWeeklyReview, rowLink } from "./weekly-review";

/** Whether this hour is at or after the review hour of the review day (spreadsheet zone). */
export function isReviewTime(table: Table, now: number, today: Day): boolean {
  return (
    weekdayOfDay(today) === table.settings.reviewWeekday && hourInZone(now, table.timeZone) >= table.settings.reviewHour
  );
}

/**
 * Rebuilds the review and emails it to each manager and admin on the Team sheet, once each per week (the batch
 * "review <Monday of the week reviewed>" of the send record: a later run finds them recorded and does nothing, not
 * even the rebuild). Returns what the run did, or null when there was nothing left to send.
 */
export function sendWeeklyReview(table: Table, today: Day, startedAt: number): BatchRun | null {
  const managers = table.members.filter((m) => (m.role === "manager" || m.role === "admin") && isValidEmail(m.email));
  const key = `review ${isoOfDay(mondayOf(today) - 7)}`;
  const { batch } = openBatch(table.spreadsheet, key);
  if (!managers.some((m) => shouldSend(batch.entries[recipientKey(m.email)]))) return null;
  const rows = readRows(table);
  const { content, currency, review } = buildWeeklyReview(table, today, rows);
  const url = table.spreadsheet.getUrl();
  const agenda = agendaOf(rows.followUps, rows.problems, table.settings);
  const overdue = topOverdue(rows.followUps, agenda, today, rowLink(table));
  const outgoing = managers.map((manager) => ({
    email: manager.email,
    note: "",
    send: () => {
      const mail = renderReviewEmail({
        kpis: content.kpis,
        funnel: content.funnel,
        reps: content.reps,
        lists: content.lists,
        topOverdue: overdue,
        settings: table.settings,
        currency,
        reviewUrl: `${url}#gid=${review.getSheetId()}`,
        spreadsheetName: table.spreadsheet.getName(),
        language: manager.language || table.language,
      });
      MailApp.sendEmail({ to: manager.email, subject: mail.subject, body: mail.text, htmlBody: mail.html });
    },
  }));
  return sendBatch(table.spreadsheet, table.language, key, outgoing, startedAt);
}
