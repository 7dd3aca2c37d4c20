/** The Reminder log sheet: one row per email outcome (sent, deferred, failed, given up) in the table's language, for people to read; the send record (../core/send-record) is what makes each email go out once, and this log is its second line of defence. */

import type { Day } from "../core/dates";
import type { Language } from "../core/language";
import { asLiteral } from "../core/literal";
import { logRetention } from "../core/log-retention";
import { cellText } from "../core/text";
import { translate, translator } from "../i18n/translate";
import { withRetry } from "./retry";
import { ownSheet } from "./spreadsheet-metadata";
import { writeGrid } from "./table-layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What happened to one recipient's email of one batch (see ../core/send-record's SendStatus). */
export type DigestStatus = "sending" | "sent" | "deferred" | "failed" | "gaveUp";

export interface LogEntry {
  day: string;
  email: string;
  status: DigestStatus;
  detail: string;
}

/** Rows read back at the start of a run: enough for two days of a large team. */
const RECENT_ROWS = 3000;
const METADATA_KEY = "followUpTracker.reminderLog";
const STATUSES: readonly DigestStatus[] = ["sending", "sent", "deferred", "failed", "gaveUp"];

/** A status cell's text in either language (or as an older version wrote it, the status itself) → the status. */
const STATUS_BY_TEXT = new Map<string, DigestStatus>(
  STATUSES.flatMap((status) => [
    [status.toLowerCase(), status],
    ...(["zh", "en"] as const).map((language): [string, DigestStatus] => [
      translate(language, `log.state.${status}`).toLowerCase(),
      status,
    ]),
  ]),
);

/** The status a log cell shows, in either language or as an older version wrote it; undefined for anything else. */
export function statusOfLogText(text: unknown): DigestStatus | undefined {
  return STATUS_BY_TEXT.get(cellText(text).toLowerCase());
}

/** The log sheet (the add-on's own, created on first use with headers in the table's language, warning-protected); its statuses are written in the language of `appendLog`'s caller. */
export function logSheet(spreadsheet: Spreadsheet, language: Language): Sheet {
  const t = translator(language);
  const sheet = ownSheet(spreadsheet, METADATA_KEY, t("log.sheet"), (created) =>
    created.protect().setDescription(t("log.protection")).setWarningOnly(true),
  );
  // The header goes in whenever it is missing, which also completes a sheet whose first layout failed midway.
  if (sheet.getLastRow() === 0) {
    withRetry(() =>
      writeGrid(sheet, [[t("log.day"), t("log.email"), t("log.status"), t("log.time"), t("log.detail")]]),
    );
  }
  return sheet;
}

/** The latest status per "day|email" among the recent rows (one read). */
export function readLog(sheet: Sheet): Map<string, LogEntry> {
  const last = sheet.getLastRow();
  const first = Math.max(2, last - RECENT_ROWS + 1);
  const latest = new Map<string, LogEntry>();
  if (last < first) return latest;
  for (const [day, email, text, , detail] of sheet.getRange(first, 1, last - first + 1, 5).getValues()) {
    const status = statusOfLogText(text);
    if (status === undefined) continue;
    const entry = {
      day: String(day),
      email: String(email).toLowerCase(),
      status,
      detail: String(detail),
    };
    latest.set(logKey(entry.day, entry.email), entry);
  }
  return latest;
}

export function logKey(day: string, email: string): string {
  return `${day}|${email.toLowerCase()}`;
}

/** Appends entries in one write (retried when the service hiccups), each status as a word of `language`. */
export function appendLog(sheet: Sheet, entries: readonly LogEntry[], at: Date, language: Language): void {
  if (entries.length === 0) return;
  const t = translator(language);
  const rows = entries.map((e) => [
    asLiteral(e.day),
    asLiteral(e.email),
    asLiteral(t(`log.state.${e.status}`)),
    at,
    asLiteral(e.detail),
  ]);
  withRetry(() => {
    const row = sheet.getLastRow() + 1;
    if (row + rows.length - 1 > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(rows.length, 500));
    sheet.getRange(row, 1, rows.length, 5).setValues(rows);
  });
}

/**
 * Lines read from the top of the log to fold at once (150,000 cells, about 1.5 s): far more than a day of a 200-rep
 * team's lines, so a log that was not folded for a long time (an older version's year of lines) is caught up in a day.
 */
const FOLD_ROWS = 50_000;

/** Columns the log uses: a new sheet's others would only count against the 10 million-cell limit. */
const LOG_WIDTH = 5;

/** A summary line's status cell, in either language. */
function isSummaryText(text: string): boolean {
  return (["zh", "en"] as const).some((language) => translate(language, "log.state.summary") === text);
}

/** A day's counts as the summary line says them in `language`: "已发送 198，已放弃 2" / "sent 198, gave up 2". */
function summaryText(counts: Record<string, number>, language: Language): string {
  const t = translator(language);
  return Object.entries(counts)
    .map(([text, count]) => {
      const status = statusOfLogText(text);
      return `${status ? t(`log.state.${status}`) : text} ${count}`;
    })
    .join(language === "zh" ? "，" : ", ");
}

/**
 * Keeps the log small (../core/log-retention): the detail lines of days older than DETAIL_DAYS become one summary
 * line per day, in place at the top (one read, one write, one delete), and the sheet keeps only the columns it uses.
 */
export function keepLogSmall(sheet: Sheet, today: Day, language: Language): void {
  if (sheet.getMaxColumns() > LOG_WIDTH) sheet.deleteColumns(LOG_WIDTH + 1, sheet.getMaxColumns() - LOG_WIDTH);
  const last = sheet.getLastRow();
  if (last < 2) return;
  const top = sheet.getRange(2, 1, Math.min(FOLD_ROWS, last - 1), 3).getValues();
  const plan = logRetention(top, today, isSummaryText);
  if (plan.expired === 0) return;
  const summary = asLiteral(translate(language, "log.state.summary"));
  const rows = plan.folded.map(({ day, counts }) => [
    asLiteral(day),
    "",
    summary,
    new Date(),
    asLiteral(summaryText(counts, language)),
  ]);
  const start = 2 + plan.summaries;
  withRetry(() => {
    sheet.getRange(start, 1, rows.length, LOG_WIDTH).setValues(rows);
    if (plan.expired > rows.length) sheet.deleteRows(start + rows.length, plan.expired - rows.length);
  });
}
