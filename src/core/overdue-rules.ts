/** The conditional-format formulas that colour overdue rows red and due-today rows amber, written for the table's current columns. */

import { columnLetter } from "./a1";

/** The two row colourings the add-on manages. */
export type RowColouring = "overdue" | "dueToday";

/** Background colours: Google Sheets' palette "light red 3" and "light yellow 2". */
export const ROW_COLOURS: Readonly<Record<RowColouring, string>> = { overdue: "#f4cccc", dueToday: "#ffe599" };

/** Where the formula reads from: 1-based sheet columns, and the first data row (the formula's row). */
export interface RuleColumns {
  nextDate: number;
  done: number;
  stage: number;
  firstRow: number;
}

/** Marks the add-on's own rules so Sync can replace them and keep the team's: N("text") is 0 in Sheets. */
function marker(colouring: RowColouring): string {
  return `N("followup-tracker:${colouring}")=0`;
}

/** A string literal for a formula ("" doubles quotes). */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The custom formula for `colouring`, written for the top-left cell of the coloured range (column A of
 * `firstRow`), with absolute columns and relative rows so it shifts down the table. SPEC definitions:
 * open = has a next date, not done, stage not of kind won/lost; overdue = open and next date < today;
 * due today = open and next date = today, where TODAY() is the spreadsheet's time zone's date. Closed stage
 * names are listed inline (a rule cannot read another sheet), so Sync rewrites the rule when Settings change.
 * Each row costs O(1): no lookups over the table. A next date that is not a date (text) colours nothing.
 */
export function rowColouringFormula(
  colouring: RowColouring,
  columns: RuleColumns,
  closedStages: readonly string[],
): string {
  const row = columns.firstRow;
  const next = `$${columnLetter(columns.nextDate)}${row}`;
  const done = `$${columnLetter(columns.done)}${row}`;
  const stage = `TRIM($${columnLetter(columns.stage)}${row})`;
  const open = [`${done}<>TRUE()`, ...closedStages.map((name) => `${stage}<>${literal(name.trim())}`)];
  const when = colouring === "overdue" ? `INT(${next})<TODAY()` : `INT(${next})=TODAY()`;
  return `=IF(ISNUMBER(${next}),AND(${[...open, when, marker(colouring)].join(",")}),FALSE)`;
}

/** Which of the add-on's colourings a rule formula is, or null for the team's own rules. */
export function colouringOfFormula(formula: string): RowColouring | null {
  const match = /N\("followup-tracker:(overdue|dueToday)"\)=0/.exec(formula);
  return match ? (match[1] as RowColouring) : null;
}
