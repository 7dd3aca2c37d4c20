/** summary.json: what the dry run did, read back from the workbook — the rows and the unreadable ones by CSV line, the digests sent, the weekly review's figures. */

import { type ReviewSummary, readReview } from "./review-readback";
import { type DigestCounts, sentDigests, tableRows } from "./workbook-readback";

/** A row the table could not read, with the CSV line it came from. */
export interface UnreadableSummaryRow {
  /** The CSV line the record starts on. */
  line: number;
  /** The sheet row it was typed into. */
  row: number;
  problems: { column: string; kind: string; value: string }[];
}

export interface Summary {
  /** The day the hourly run saw as today (spreadsheet zone). */
  today: string;
  /** Follow-up rows the table holds (blank rows are not rows). */
  rows: number;
  unreadableRows: number;
  unreadable: UnreadableSummaryRow[];
  digests: DigestCounts[];
  /** Null when the run did not build the review (not the review day and hour, and no --review). */
  review: ReviewSummary | null;
  /** .eml files written to out/outbox. */
  emails: number;
}

/** The summary of a finished run; `lines` holds the CSV line of each record (record n is sheet row n). */
export function readSummary(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  run: { today: string; lines: readonly number[]; emails: number },
): Summary {
  const { rows, unreadable } = tableRows(spreadsheet);
  return {
    today: run.today,
    rows,
    unreadableRows: unreadable.length,
    unreadable: unreadable.map((u) => ({ line: run.lines[u.row - 1] ?? 0, ...u })),
    digests: sentDigests(spreadsheet, run.today),
    review: readReview(spreadsheet),
    emails: run.emails,
  };
}
