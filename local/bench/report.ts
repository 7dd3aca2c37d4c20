/** How the bench prints its measurements: an aligned table, whether each operation's calls stay flat as rows grow, and ours against the naive baseline. */

import type { Measurement } from "./measurement";

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

/** Our hourly run as a share of the naive script's Spreadsheet calls and estimated time, for one scenario. */
export function formatComparison(ours: Measurement, naive: Measurement): string {
  const share = (a: number, b: number) => `${((100 * a) / b).toFixed(2)}%`;
  const stopped = naive.outcome !== "completed";
  const naiveText = stopped
    ? `naive STOPPED after ${seconds(naive.estimatedMs)} ("${naive.outcome}") with ${count(naive.spreadsheetCalls)} calls made, ${count(naive.cellsRead)} cells read one by one, ${count(naive.emails)} emails sent`
    : `naive ${count(naive.spreadsheetCalls)} calls, ${seconds(naive.estimatedMs)}, ${count(naive.emails)} emails`;
  const bound = stopped ? "at most " : "";
  return (
    `${count(ours.rows)} rows, ${count(ours.owners)} owners: ours ${count(ours.spreadsheetCalls)} calls, ` +
    `${seconds(ours.estimatedMs)}, ${count(ours.emails)} digests | ${naiveText} | ours = ${bound}` +
    `${share(ours.spreadsheetCalls, naive.spreadsheetCalls)} of its calls, ${bound}${share(ours.estimatedMs, naive.estimatedMs)} of its time`
  );
}
