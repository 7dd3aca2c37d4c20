/** Reads the Follow-ups data rows in one call and writes one column's changed cells as one block. */

import { type FollowUp, type RowProblem, readFollowUps } from "../core/follow-ups";
import { asLiteral } from "../core/literal";
import type { Table } from "./table";

/** The data rows as read, and the follow-ups in them. */
export interface TableRows {
  firstRow: number;
  /** Rows below the header, as getValues() returned them. */
  values: unknown[][];
  /** Columns read: the sheet's used width or the add-on's last column, whichever is wider. */
  width: number;
  followUps: FollowUp[];
  problems: RowProblem[];
}

/** Reads every data row of the table with one getValues call. */
export function readRows(table: Table): TableRows {
  const sheet = table.followUps;
  const firstRow = table.registry.headerRow + 1;
  const lastRow = sheet.getLastRow();
  const width = Math.max(sheet.getLastColumn(), ...Object.values(table.positions));
  const values = lastRow >= firstRow ? sheet.getRange(firstRow, 1, lastRow - firstRow + 1, width).getValues() : [];
  return { firstRow, values, width, ...readFollowUps(values, firstRow, table.positions, table.timeZone) };
}

/**
 * Writes the changed cells of one column as one block spanning the first to the last changed row. The cells in
 * between are written back exactly as they are: a formula as its formula, text as literal text (so `'=1+1` or a
 * date typed as text stays text), numbers, booleans and dates as read. Two calls, whatever the number of rows.
 */
export function writeColumnChanges(
  table: Table,
  rows: TableRows,
  column: number | undefined,
  changes: readonly [number, unknown][],
): void {
  if (column === undefined || changes.length === 0) return;
  const top = changes.reduce((min, [row]) => Math.min(min, row), Number.POSITIVE_INFINITY);
  const bottom = changes.reduce((max, [row]) => Math.max(max, row), 0);
  const range = table.followUps.getRange(top, column, bottom - top + 1, 1);
  const formulas = range.getFormulas();
  const block: unknown[][] = formulas.map(([formula], i) => [
    formula ? formula : asLiteral(rows.values[top - rows.firstRow + i]?.[column - 1] ?? ""),
  ]);
  for (const [row, value] of changes) block[row - top] = [value];
  range.setValues(block);
}
