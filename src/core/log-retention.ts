/** How long the Reminder log keeps a line per email: 90 days of detail; older days are folded into one summary line each (how many emails went out, failed, were given up), so a year at 200 reps stays small. */

import type { Day } from "./dates";
import { isoOfDay } from "./dates";
import { cellText } from "./text";

/** Days of one line per email the log keeps. */
export const DETAIL_DAYS = 90;

/** One day's emails by status, as its summary line counts them. */
export interface DaySummary {
  day: string;
  counts: Record<string, number>;
}

/** What to do with the top of the log: the summary lines already there, and the detail lines to fold. */
export interface LogRetention {
  /** Summary lines at the top of the log, kept as they are. */
  summaries: number;
  /** Detail lines right below them older than the kept days, to be replaced by `folded`. */
  expired: number;
  /** One summary per day of the expired lines, oldest first. */
  folded: DaySummary[];
}

/** The date a log line's day cell names: "2025-11-24", or the same after a word ("review 2025-11-24", "alert …"). */
const LINE_DATE = /\d{4}-\d{2}-\d{2}/;

/**
 * The top of the log (rows below the header as day, email, status), read oldest first: the summary lines (their
 * status `isSummary`), then the detail lines of days before `today` − DETAIL_DAYS, each day cell folded into counts by
 * status (a review's or an alert's lines fold apart from the digests' of that day); the first line of a kept day, or
 * one naming no date, ends it. Lines are appended day by day, so the expired ones are at the top.
 */
export function logRetention(
  rows: readonly (readonly unknown[])[],
  today: Day,
  isSummary: (status: string) => boolean,
): LogRetention {
  const cutoff = isoOfDay(today - DETAIL_DAYS);
  let summaries = 0;
  while (summaries < rows.length && isSummary(cellText(rows[summaries]?.[2]))) summaries++;
  const folded = new Map<string, Record<string, number>>();
  let expired = 0;
  for (const row of rows.slice(summaries)) {
    const day = cellText(row[0]);
    const date = LINE_DATE.exec(day)?.[0];
    if (date === undefined || date >= cutoff || isSummary(cellText(row[2]))) break;
    const counts = folded.get(day) ?? {};
    const status = cellText(row[2]);
    counts[status] = (counts[status] ?? 0) + 1;
    folded.set(day, counts);
    expired++;
  }
  return { summaries, expired, folded: [...folded].map(([day, counts]) => ({ day, counts })) };
}
