/** summary.json: what the dry run did, read back from the workbook — the column mapping, the rows and the unreadable or vague ones by CSV line, the digests sent, the weekly review's figures. */

import { type ReviewSummary, readReview } from "./review-readback";
import { type DigestCounts, sentDigests, tableRows } from "./workbook-readback";

/** A row the table could not read, with the CSV line it came from. */
export interface UnreadableSummaryRow {
  /** The CSV line the record starts on. */
  line: number;
  /** The sheet row it was typed into. */
  row: number;
  /** What is wrong, with the cell ("K5") and the sentence that says it in the table's language. */
  problems: { column: string; kind: string; value: string; cell: string; text: string }[];
}

export interface Summary {
  /** The day the hourly run saw as today (spreadsheet zone). */
  today: string;
  /** How adoption maps the CSV's columns, one line each (every column: mapped to what, or left alone), then the columns it appends and the column the reminders follow, in the run's language. */
  mapping: string[];
  /** Follow-up rows the table holds (blank rows are not rows). */
  rows: number;
  unreadableRows: number;
  unreadable: UnreadableSummaryRow[];
  /** Readable rows to clean up: a vague status (跟进中, TBD …) that is no stage; they are still reminded. */
  vagueStatuses: { line: number; row: number; status: string }[];
  digests: DigestCounts[];
  /** Null when the run did not build the review (not the review day and hour, and no --review). */
  review: ReviewSummary | null;
  /** .eml files written to out/outbox. */
  emails: number;
  /** The group-chat posts written, as files under out/ ("posts/01-wecom.json"); none without --chat. */
  posts: string[];
}

/** The summary of a finished run; `lines` holds the CSV line of each record (record n is sheet row n). */
export function readSummary(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  run: { today: string; lines: readonly number[]; emails: number; posts: string[]; mapping: string[] },
): Summary {
  const { rows, unreadable, vague } = tableRows(spreadsheet, run.today);
  return {
    today: run.today,
    mapping: run.mapping,
    rows,
    unreadableRows: unreadable.length,
    unreadable: unreadable.map((u) => ({ line: run.lines[u.row - 1] ?? 0, ...u })),
    vagueStatuses: vague.map((v) => ({ line: run.lines[v.row - 1] ?? 0, ...v })),
    digests: sentDigests(spreadsheet, run.today),
    review: readReview(spreadsheet),
    emails: run.emails,
    posts: run.posts,
  };
}
