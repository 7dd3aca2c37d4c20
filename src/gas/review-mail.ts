/** The weekly step of the hourly run: on the Settings review day and hour, rebuild the review and email it to each manager once. */

import { type Day, hourInZone, isoOfDay, mondayOf, weekdayOfDay } from "../core/dates";
import { renderReviewEmail, topOverdue } from "../core/review";
import { isValidEmail } from "../core/team";
import { appendLog, isDue, logKey, logSheet, readLog } from "./reminder-log";
import { withRetry } from "./retry";
import type { Table } from "./table";
import { readRows } from "./table-rows";
import { buildWeeklyReview } from "./weekly-review";

/** Whether this hour is at or after the review hour of the review day (spreadsheet zone). */
export function isReviewTime(table: Table, now: number, today: Day): boolean {
  return (
    weekdayOfDay(today) === table.settings.reviewWeekday && hourInZone(now, table.timeZone) >= table.settings.reviewHour
  );
}

/**
 * Rebuilds the review and emails it to each manager and admin on the Team sheet, once each per week, logged like the
 * daily digests (a later run finds them logged and does nothing, not even the rebuild); the quota is checked before
 * each email and whoever does not fit is left for the next hour. Returns how many were sent.
 */
export function sendWeeklyReview(table: Table, today: Day): number {
  const managers = table.members.filter((m) => (m.role === "manager" || m.role === "admin") && isValidEmail(m.email));
  const log = logSheet(table.spreadsheet, table.language);
  const entries = readLog(log);
  const day = `review ${isoOfDay(mondayOf(today) - 7)}`;
  const pending = managers.filter((m) => isDue(entries.get(logKey(day, m.email))));
  if (pending.length === 0) return 0;
  const rows = readRows(table);
  const { kpis, review } = buildWeeklyReview(table, today, rows);
  const url = table.spreadsheet.getUrl();
  const sheetId = table.followUps.getSheetId();
  const overdue = topOverdue(rows.followUps, table.settings, today, (row) => `${url}#gid=${sheetId}&range=A${row}`);
  let sent = 0;
  for (const manager of pending) {
    if (MailApp.getRemainingDailyQuota() < 1) break;
    const mail = renderReviewEmail({
      kpis,
      topOverdue: overdue,
      reviewUrl: `${url}#gid=${review.getSheetId()}`,
      spreadsheetName: table.spreadsheet.getName(),
      language: manager.language || table.language,
    });
    appendLog(log, [{ day, email: manager.email, status: "sending", detail: "" }], new Date());
    withRetry(() =>
      MailApp.sendEmail({ to: manager.email, subject: mail.subject, body: mail.text, htmlBody: mail.html }),
    );
    appendLog(log, [{ day, email: manager.email, status: "sent", detail: "" }], new Date());
    sent++;
  }
  return sent;
}
