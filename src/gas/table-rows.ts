/** Reads the Follow-ups header and data rows in one call, and writes planned cell changes only where they were planned, after checking nobody changed those cells meanwhile. */

import { a1RangesOf, type CellChange, changesToTeamColumns, runsOf, sameCell, writeOps } from "../core/cell-writes";
import { dayInZone } from "../core/dates";
import { type FollowUp, type RowProblem, readFollowUps } from "../core/follow-ups";
import { asLiteral } from "../core/literal";
import { translator } from "../i18n/translate";
import type { Table } from "./table";

/** The data rows as read, and the follow-ups in them. */
export interface TableRows {
  firstRow: number;
  /** Rows below the header, as getValues() returned them. */
  values: unknown[][];
  /** The header row as read. */
  header: unknown[];
  /** Columns read: the sheet's used width or the add-on's last column, whichever is wider. */
  width: number;
  followUps: FollowUp[];
  problems: RowProblem[];
}

/**
 * Rows read in some columns only (./table-columns): the cells of the others are undefined and their fields blank, so
 * nothing is ever planned or written from them (`writeChanges` and `withChanges` refuse them by type).
 */
export interface SomeColumns extends TableRows {
  /** The columns read in every row (1-based). */
  columnsRead: readonly number[];
}

/** Rows a write may be planned from: read in every column. */
type WholeRows<Rows> = Rows & { columnsRead?: never };

/** Reads the header row and every data row of the table with one getValues call. */
export function readRows(table: Table): TableRows {
  const sheet = table.followUps;
  const lastRow = Math.max(sheet.getLastRow(), table.headerRow);
  const width = Math.max(sheet.getLastColumn(), ...Object.values(table.positions));
  return rowsOfGrid(table, sheet.getRange(table.headerRow, 1, lastRow - table.headerRow + 1, width).getValues());
}

/**
 * The table's rows from a grid read from its header row down, as wide as the sheet's used columns or narrower (the
 * cells right of it are empty: adoption read the team's columns before appending its own), without reading again.
 */
export function rowsOfGrid(table: Table, grid: readonly (readonly unknown[])[]): TableRows {
  const width = Math.max(...grid.map((row) => row.length), ...Object.values(table.positions));
  const padded = grid.map((row) => [...row, ...Array(width - row.length).fill("")]);
  const firstRow = table.headerRow + 1;
  const [header = [], ...values] = padded;
  return {
    firstRow,
    values,
    header,
    width,
    ...readFollowUps(values, firstRow, table.positions, table.timeZone, header, {
      language: table.language,
      today: dayInZone(Date.now(), table.timeZone),
      settings: table.settings,
    }),
  };
}

/** The rows as they are once `changes` are written: the cells changed in a copy, the follow-ups read again from it. */
export function withChanges(table: Table, rows: WholeRows<TableRows>, changes: readonly CellChange[]): TableRows {
  if (changes.length === 0) return rows;
  const values = rows.values.map((line) => [...line]);
  for (const change of changes) {
    const line = values[change.row - rows.firstRow];
    if (line) line[change.column - 1] = change.after;
  }
  return {
    ...rows,
    values,
    ...readFollowUps(values, rows.firstRow, table.positions, table.timeZone, rows.header, {
      language: table.language,
      today: dayInZone(Date.now(), table.timeZone),
      settings: table.settings,
    }),
  };
}

/** Someone changed the table between the read a plan was made from and its write: nothing was written. */
export class TableChangedError extends Error {}

/**
 * Rows read one run at a time up to this many runs (a save's customer, the rows an hourly run reads whole); past it,
 * one span (Sync), so that calls never grow with rows.
 */
const RUNS_READ_APART = 10;

/** The rows `rows` covers as [first, last] runs of adjacent rows, or one span when they fall in many runs. */
export function readRuns(rows: readonly number[]): [number, number][] {
  const runs = runsOf(rows);
  return runs.length > RUNS_READ_APART ? [[runs[0][0], runs[runs.length - 1][1]]] : runs;
}

/**
 * Checks, just before writing, that every cell `changes` touches still holds what the plan read, and that each of
 * those rows still has the customer it had (a row inserted or deleted above shifts them): per column, one narrow read
 * per run of changed rows when they are few (a save: a customer's rows far apart), else one read of their span
 * (Sync), whatever the number of rows. Throws TableChangedError, in the table's language, when anything differs.
 */
function checkUnchanged(
  table: Table,
  rows: Pick<TableRows, "firstRow" | "values">,
  changes: readonly CellChange[],
): void {
  if (changes.length === 0) return;
  const planned = new Map(changes.map((c) => [`${c.row}:${c.column}`, c.before]));
  const changedRows = [...new Set(changes.map((c) => c.row))];
  const customerColumn = table.positions.customer;
  const columns = new Set(changes.map((c) => c.column));
  if (customerColumn !== undefined) columns.add(customerColumn);
  for (const column of columns) {
    for (const [top, bottom] of readRuns(changedRows)) {
      const now = table.followUps.getRange(top, column, bottom - top + 1, 1).getValues();
      for (const row of changedRows) {
        if (row < top || row > bottom) continue;
        const key = `${row}:${column}`;
        if (!planned.has(key) && column !== customerColumn) continue;
        const expected = planned.has(key) ? planned.get(key) : rows.values[row - rows.firstRow]?.[column - 1];
        if (!sameCell(now[row - top]?.[0], expected)) {
          throw new TableChangedError(translator(table.language)("write.tableChanged"));
        }
      }
    }
  }
}

/**
 * Writes planned changes under the caller's document lock: refuses any change to a column the team owns (the first
 * promise), re-reads the target cells and refuses if someone changed them since the plan's read, then writes each
 * run of adjacent changed cells, or the same value at scattered cells in one RangeList call. No write covers a cell
 * that is not being changed.
 */
export function writeChanges(
  table: Table,
  rows: WholeRows<Pick<TableRows, "firstRow" | "values">>,
  changes: readonly CellChange[],
): void {
  if (changes.length === 0) return;
  const intruding = changesToTeamColumns(changes, table.positions);
  if (intruding.length > 0) {
    throw new Error(`refusing to write cells the team owns: row ${intruding[0].row}, column ${intruding[0].column}`);
  }
  checkUnchanged(table, rows, changes);
  const sheet = table.followUps;
  for (const op of writeOps(changes)) {
    if (op.kind === "block") {
      sheet.getRange(op.firstRow, op.column, op.values.length, 1).setValues(op.values.map((v) => [asLiteral(v)]));
    } else {
      const list = sheet.getRangeList(a1RangesOf(op.column, op.rows));
      if (op.value === "") list.clearContent();
      else list.setValue(asLiteral(op.value));
    }
  }
}
