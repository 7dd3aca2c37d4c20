/** How the bench prints its measurements: an aligned table, whether each operation's calls stay flat as rows grow, ours against the naive and the batched baselines, and the cells each sheet takes after a year. */

import type { Measurement } from "./measurement";
import type { YearCells } from "./year";

const count = (n: number) => n.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const COLUMNS: [string, (m: Measurement) => string][] = [
  ["rows", (m) => count(m.rows)],
  ["owners", (m) => count(m.owners)],
  ["operation", (m) => m.operation],
  ["Sheets calls", (m) => count(m.spreadsheetCalls)],
  ["all calls", (m) => count(m.serviceCalls)],
  ["cells read", (m) => count(m.cellsRead)],
  ["cells written", (m) => count(m.cellsWritten)],
  ["emails", (m) => count(m.emails)],
  ["reply", (m) => (m.replyBytes === 0 ? "" : `${count(Math.round(m.replyBytes / 1024))} KB`)],
  ["est. Apps Script", (m) => seconds(m.estimatedMs)],
  ["of it mail", (m) => (m.estimatedMailMs === 0 ? "" : seconds(m.estimatedMailMs))],
  ["local CPU", (m) => `${count(m.cpuMs)} ms`],
  ["outcome", (m) => m.outcome],
];

/** Text columns left-aligned, figures right-aligned, one line per measurement. */
export function formatTable(measurements: Measurement[]): string {
  const cells = [COLUMNS.map(([title]) => title), ...measurements.map((m) => COLUMNS.map(([, value]) => value(m)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const leftAligned = new Set(["operation", "outcome"]);
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return leftAligned.has(COLUMNS[i]?.[0] ?? "") ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** For each operation and team size: the Spreadsheet calls at every table size, and whether they are all equal. */
export function formatFlatness(measurements: Measurement[]): string {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const key = `${m.operation}, ${count(m.owners)} owners`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups]
    .map(([key, group]) => {
      const calls = group.map((m) => `${count(m.spreadsheetCalls)} at ${count(m.rows)} rows`);
      const flat = new Set(group.map((m) => m.spreadsheetCalls)).size === 1;
      return `${flat ? "flat    " : "GROWS   "}${key}: ${calls.join(", ")}`;
    })
    .join("\n");
}

/** How many times `a` is `b`: "0.013×", "1.50×", "129×". */
function ratio(a: number, b: number): string {
  const r = a / b;
  return `${r < 0.1 ? r.toFixed(3) : r < 10 ? r.toFixed(2) : r.toFixed(0)}×`;
}

/** A run's estimated time, with the part spent on mail. */
const timeWithMail = (m: Measurement) => `${seconds(m.estimatedMs)} (mail ${seconds(m.estimatedMailMs)})`;

/** What a baseline did, and our run's Spreadsheet calls and estimated time as a multiple of its own. */
function against(ours: Measurement, baseline: Measurement): string {
  const stopped = baseline.outcome !== "completed";
  const did = stopped
    ? `STOPPED after ${seconds(baseline.estimatedMs)} ("${baseline.outcome}") with ${count(baseline.spreadsheetCalls)} calls made, ${count(baseline.cellsRead)} cells read, ${count(baseline.emails)} emails sent`
    : `${count(baseline.spreadsheetCalls)} calls, ${timeWithMail(baseline)}, ${count(baseline.emails)} emails`;
  // A stopped baseline would have needed more: ours is at most this multiple of what it would have taken.
  const bound = stopped ? "at most " : "";
  return (
    `${baseline.operation}: ${did}; ours = ${bound}${ratio(ours.spreadsheetCalls, baseline.spreadsheetCalls)} its calls, ` +
    `${bound}${ratio(ours.estimatedMs, baseline.estimatedMs)} its time`
  );
}

/** Our hourly run against each baseline's run of the same scenario: calls and estimated time, and their ratios. */
export function formatComparison(ours: Measurement, baselines: Measurement[]): string {
  return [
    `${count(ours.rows)} rows, ${count(ours.owners)} owners: ours ${count(ours.spreadsheetCalls)} calls, ${timeWithMail(ours)}, ${count(ours.emails)} digests`,
    ...baselines.map((baseline) => `  vs ${against(ours, baseline)}`),
  ].join("\n");
}

/** Columns a text takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((width, ch) => width + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * The year's sheets, each with its grid's cells and what it is (the team's table, its Settings and Team, or a
 * derived or log sheet of the add-on); the total against the 10 million-cell limit; the derived and log sheets
 * against the Follow-ups sheet with the target met or not; and the Reminder log lines retention left unfolded.
 */
export function formatYear(year: YearCells): string {
  const kindOf = (name: string) =>
    name === year.followUpsSheet
      ? "Follow-ups"
      : year.derivedAndLogSheets.includes(name)
        ? "derived / log"
        : "Settings / Team";
  const rows = Object.entries(year.sheetCells).map(([name, cells]) => [name, kindOf(name), count(cells)]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => displayWidth(row[i] ?? ""))));
  const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
  const lines = rows.map(
    ([name = "", kind = "", cells = ""]) =>
      `  ${pad(name, widths[0] ?? 0)}  ${pad(kind, widths[1] ?? 0)}  ${cells.padStart(widths[2] ?? 0)}`,
  );
  return [
    `One year at ${count(year.owners)} reps (${count(year.rows)} follow-ups over 52 weeks; cells = max rows × max columns):`,
    ...lines,
    `  total: ${count(year.totalCells)} of ${count(year.cellLimit)} cells (${percent(year.totalCells / year.cellLimit)})`,
    `  derived and log sheets: ${count(year.derivedAndLogCells)} cells = ${percent(year.derivedAndLogShare)} of the Follow-ups sheet ` +
      `(target ≤ ${percent(year.targetShare)}): ${year.targetMet ? "met" : "NOT MET"}`,
    `  Reminder log: ${count(year.logLinesAged)} lines copied from the real days to age it to a year; ` +
      `${count(year.logLinesPastRetention)} lines older than 90 days left unfolded by its retention`,
  ].join("\n");
}
