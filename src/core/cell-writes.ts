/** Planned writes to the Follow-ups sheet as single cells that remember what they held when read, grouped into the fewest writes that touch no other cell. */

import { columnLetter } from "./a1";
import { ADD_ON_COLUMNS, type ColumnKey, type ColumnPositions } from "./columns";
import { isDateCell } from "./due";

/** One cell to change: where, what it held when the plan was made, and what it should hold. */
export interface CellChange {
  row: number;
  column: number;
  before: unknown;
  after: unknown;
}

/**
 * One write: a run of adjacent changed cells of one column ("block", one setValues), or the same value at scattered
 * cells of one column ("scatter", one RangeList call). Neither covers a cell that is not being changed.
 */
export type WriteOp =
  | { kind: "block"; column: number; firstRow: number; values: unknown[] }
  | { kind: "scatter"; column: number; rows: number[]; value: unknown };

/** Two cell values are the same: equal primitives, equal instants, or both blank. */
export function sameCell(a: unknown, b: unknown): boolean {
  if (isDateCell(a) || isDateCell(b)) return isDateCell(a) && isDateCell(b) && a.getTime() === b.getTime();
  const blank = (v: unknown) => v === "" || v === null || v === undefined;
  return (blank(a) && blank(b)) || a === b;
}

/** A key that equal values share (for grouping the same value written to many cells). */
function valueKey(value: unknown): string {
  if (isDateCell(value)) return `date:${value.getTime()}`;
  if (value === "" || value === null || value === undefined) return "blank";
  return `${typeof value}:${String(value)}`;
}

/** Row numbers (in any order, repeats ignored) as runs of consecutive rows, [first, last] pairs in order. */
export function runsOf(rows: Iterable<number>): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/**
 * The writes for `changes`, per column: a value written to cells in two or more separate runs goes out as one
 * scatter write; every other change goes out in blocks of adjacent changed rows. So the number of writes stays
 * small however many rows a change touches, and no write covers a row it does not change.
 */
export function writeOps(changes: readonly CellChange[]): WriteOp[] {
  const ops: WriteOp[] = [];
  const columns = [...new Set(changes.map((c) => c.column))].sort((a, b) => a - b);
  for (const column of columns) {
    const inColumn = changes.filter((c) => c.column === column).sort((a, b) => a.row - b.row);
    const byValue = new Map<string, CellChange[]>();
    for (const change of inColumn) {
      const group = byValue.get(valueKey(change.after));
      if (group) group.push(change);
      else byValue.set(valueKey(change.after), [change]);
    }
    const blockRows = new Map<number, unknown>();
    for (const group of byValue.values()) {
      const rows = group.map((c) => c.row);
      if (runsOf(rows).length > 1) ops.push({ kind: "scatter", column, rows, value: group[0].after });
      else for (const change of group) blockRows.set(change.row, change.after);
    }
    for (const [first, last] of runsOf(blockRows.keys())) {
      const values = Array.from({ length: last - first + 1 }, (_, i) => blockRows.get(first + i));
      ops.push({ kind: "block", column, firstRow: first, values });
    }
  }
  return ops;
}

/** A1 ranges of one column's rows, adjacent rows merged ("R5", "R9:R12"). */
export function a1RangesOf(column: number, rows: readonly number[]): string[] {
  const letter = columnLetter(column);
  return runsOf(rows).map(([first, last]) =>
    first === last ? `${letter}${first}` : `${letter}${first}:${letter}${last}`,
  );
}

/** The key of the column at a sheet column, if the table maps one there. */
function keyAt(positions: ColumnPositions, column: number): ColumnKey | undefined {
  return (Object.entries(positions) as [ColumnKey, number][]).find(([, c]) => c === column)?.[0];
}

/**
 * The changes that would touch a column the team owns (anything but the add-on's own columns). Every planner's
 * changes must leave this empty: the writer refuses to run otherwise (the first promise: nothing the team typed
 * changes; the row a user appends from the sidebar is written on its own, after checking it is still empty).
 */
export function changesToTeamColumns(changes: readonly CellChange[], positions: ColumnPositions): CellChange[] {
  return changes.filter((c) => {
    const key = keyAt(positions, c.column);
    return key === undefined || !ADD_ON_COLUMNS.includes(key);
  });
}
