/** The conditional-format formulas that colour overdue rows red and due-today rows amber, written for the table's current columns. */

import { columnLetter } from "./a1";
import { DONE_TEXTS } from "./due";
import type { Settings } from "./settings";
import { sheetTrim } from "./text";

/** The two row colourings the add-on manages. */
export type RowColouring = "overdue" | "dueToday";

/** Background colours: Google Sheets' palette "light red 3" and "light yellow 2". */
export const ROW_COLOURS: Readonly<Record<RowColouring, string>> = { overdue: "#f4cccc", dueToday: "#ffe599" };

/** Where the formula reads from: 1-based sheet columns (done and superseded may be missing), and the first data row. */
export interface RuleColumns {
  nextDate: number;
  stage: number;
  done?: number;
  superseded?: number;
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
 * The custom formula for `colouring`, written for the top-left cell of the coloured range (column A of `firstRow`),
 * with absolute columns and relative rows so it shifts down the table. It is ./due's rule, spelled for the sheet:
 * open = the next date is a date (a number), the done cell holds none of the done texts (`TRIM(cell&"")`, compared
 * case-insensitively as Sheets does), the add-on's superseded cell is not TRUE, and the stage is not one of kind
 * won/lost; overdue = open and the next date's day < TODAY(); due today = open and = TODAY(). TODAY() is the
 * spreadsheet's time zone's date. Closed stage names are listed inline (a rule cannot read another sheet), so Sync
 * rewrites the rule when Settings change. Each row costs O(1): no lookups over the table.
 */
export function rowColouringFormula(colouring: RowColouring, columns: RuleColumns, settings: Settings): string {
  const cell = (column: number) => `$${columnLetter(column)}${columns.firstRow}`;
  const next = cell(columns.nextDate);
  const stage = `TRIM(${cell(columns.stage)}&"")`;
  const open: string[] = [];
  if (columns.done !== undefined) {
    const done = `TRIM(${cell(columns.done)}&"")`;
    open.push(`NOT(OR(${DONE_TEXTS.map((text) => `${done}=${literal(text)}`).join(",")}))`);
  }
  if (columns.superseded !== undefined) open.push(`${cell(columns.superseded)}<>TRUE()`);
  for (const s of settings.stages) if (s.kind !== "open") open.push(`${stage}<>${literal(sheetTrim(s.name))}`);
  const when = colouring === "overdue" ? `INT(${next})<TODAY()` : `INT(${next})=TODAY()`;
  return `=IF(ISNUMBER(${next}),AND(${[...open, when, marker(colouring)].join(",")}),FALSE)`;
}

/** Which of the add-on's colourings a rule formula is, or null for the team's own rules. */
export function colouringOfFormula(formula: string): RowColouring | null {
  const match = /N\("followup-tracker:(overdue|dueToday)"\)=0/.exec(formula);
  return match ? (match[1] as RowColouring) : null;
}
