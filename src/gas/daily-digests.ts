/** Sends the day's reminder digests: once per recipient per day, after the reminder hour, within the mail quota and the time budget, logging every outcome. */

import { type Day, isoOfDay } from "../core/dates";
import { buildDigests, type Digest, renderDigest } from "../core/digest";
import { fill, translator } from "../i18n/translate";
import { appendLog, isDue, type LogEntry, logKey, logSheet, readLog } from "./reminder-log";
import { isTransient, withRetry } from "./retry";
import type { Table } from "./table";
import type { TableRows } from "./table-rows";

/** Stop starting new emails this long after the run began: Apps Script stops any execution at 6 minutes. */
export const TIME_BUDGET_MS = 4 * 60 * 1000;

/** What a run did. */
export interface DigestRun {
  sent: number;
  deferred: number;
  failed: number;
  /** Recipients left for the next run because the time budget ran out. */
  postponed: number;
}

/**
 * Sends today's digests that are due: at or after the Settings reminder hour (spreadsheet zone), to recipients whose
 * digest the log does not show as sent (or sending: a run that stopped between sending and logging may have sent it,
 * and twice is worse than an admin checking). Recipients deferred yesterday go first. Before each email the daily
 * quota is checked; when it is spent, everyone left is logged as deferred and served first tomorrow. An email that
 * still fails after retries is logged as failed, the others go on, and the run then ends with an error naming them;
 * the next day's admin digest lists yesterday's undelivered digests.
 */
export function sendDailyDigests(table: Table, rows: TableRows, today: Day, startedAt: number): DigestRun {
  const run: DigestRun = { sent: 0, deferred: 0, failed: 0, postponed: 0 };
  const spreadsheetUrl = table.spreadsheet.getUrl();
  const sheetId = table.followUps.getSheetId();
  const sheet = logSheet(table.spreadsheet, table.language);
  const log = readLog(sheet);
  const day = isoOfDay(today);
  const yesterday = isoOfDay(today - 1);
  const digests = buildDigests({
    followUps: rows.followUps,
    rowProblems: rows.problems,
    settings: table.settings,
    team: table.members,
    today,
    link: (row) => `${spreadsheetUrl}#gid=${sheetId}&range=A${row}`,
    defaultLanguage: table.language,
    // Yesterday's digests that never went out: the admins hear of them in today's digest.
    undelivered: [...log.values()].filter((e) => e.day === yesterday && e.status === "failed"),
  });
  if (digests.length === 0) return run;
  const isDeferred = (d: Digest, on: string) => log.get(logKey(on, d.to))?.status === "deferred";
  const pending = digests
    .filter((d) => isDue(log.get(logKey(day, d.to))))
    .sort((a, b) => Number(isDeferred(b, yesterday)) - Number(isDeferred(a, yesterday)));
  const deferred: LogEntry[] = [];
  const failures: { email: string; detail: string }[] = [];
  for (const [index, digest] of pending.entries()) {
    if (Date.now() - startedAt > TIME_BUDGET_MS) {
      run.postponed = pending.length - index;
      break;
    }
    if (MailApp.getRemainingDailyQuota() < 1) {
      deferred.push(...deferrals(pending.slice(index), day, log));
      break;
    }
    const counts = `${digest.overdue.length}/${digest.dueToday.length}/${digest.upcoming.length}`;
    appendLog(sheet, [{ day, email: digest.to, status: "sending", detail: counts }], new Date());
    const { subject, text, html } = renderDigest(digest, { spreadsheetName: table.spreadsheet.getName(), today: day });
    try {
      withRetry(() => MailApp.sendEmail({ to: digest.to, subject, body: text, htmlBody: html }));
    } catch (error) {
      const message =
        typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
      if (/for one day/i.test(message)) {
        deferred.push(...deferrals(pending.slice(index), day, log));
        break;
      }
      run.failed++;
      failures.push({ email: digest.to, detail: message });
      appendLog(
        sheet,
        [{ day, email: digest.to, status: "failed", detail: `${isTransient(error) ? "transient: " : ""}${message}` }],
        new Date(),
      );
      continue;
    }
    appendLog(sheet, [{ day, email: digest.to, status: "sent", detail: counts }], new Date());
    run.sent++;
  }
  appendLog(sheet, deferred, new Date());
  run.deferred = deferred.length;
  if (failures.length > 0) {
    // Ending the run with an error makes Apps Script email its failure summary to the trigger's owner: a persistent
    // mail failure reaches a person even when no digest can be sent. Everything is logged first.
    throw new Error(
      fill(translator(table.language)("reminders.failedRun"), {
        count: failures.length,
        emails: failures.map((f) => f.email).join(", "),
        detail: failures[0]?.detail ?? "",
      }),
    );
  }
  return run;
}

/** Deferral entries for recipients not already logged as deferred today (one line each per day, not per hour). */
function deferrals(rest: readonly Digest[], day: string, log: ReadonlyMap<string, LogEntry>): LogEntry[] {
  return rest
    .filter((d) => log.get(logKey(day, d.to))?.status !== "deferred")
    .map((d) => ({ day, email: d.to, status: "deferred", detail: "quota" }));
}
