/** Reads the Follow-ups rows in only the columns an operation needs: one call per run of adjacent columns, whatever the number of rows. */

import { runsOf } from "../core/cell-writes";
import { rowsToReadWhole } from "../core/follow-ups";
import type { Table } from "./table";
import { readRuns, rowsOfGrid, type SomeColumns } from "./table-rows";

/** Copies `grid`, read from sheet row `top` and column `left`, into `values` (whose first line is sheet row `firstRow`). */
function place(
  values: unknown[][],
  grid: readonly (readonly unknown[])[],
  top: number,
  left: number,
  firstRow: number,
) {
  grid.forEach((line, i) => {
    const target = values[top - firstRow + i];
    line.forEach((cell, j) => {
      target[left - 1 + j] = cell;
    });
  });
}

/**
 * The table's rows read in `columns` (1-based sheet columns) only: the header row whole, then each run of adjacent
 * columns from the first data row down in one call, then the other cells of the rows that may read otherwise without
 * them (../core/follow-ups `rowsToReadWhole`: rows blank in every cell read, rows that may repeat the header), one
 * call per run of those rows and of the other columns, or one span of rows when they are many. Every other cell is
 * undefined, which no cell read from the sheet is; the follow-ups are read from the cells as for a whole read.
 */
export function readColumns(table: Table, columns: readonly number[]): SomeColumns {
  const sheet = table.followUps;
  const lastRow = Math.max(sheet.getLastRow(), table.headerRow);
  const width = Math.max(sheet.getLastColumn(), ...Object.values(table.positions));
  const header = sheet.getRange(table.headerRow, 1, 1, width).getValues()[0];
  const firstRow = table.headerRow + 1;
  const count = lastRow - table.headerRow;
  const values: unknown[][] = Array.from({ length: count }, () => Array(width).fill(undefined));
  const read = new Set(columns.filter((column) => column >= 1 && column <= width));
  if (count > 0) {
    for (const [left, right] of runsOf(read)) {
      place(values, sheet.getRange(firstRow, left, count, right - left + 1).getValues(), firstRow, left, firstRow);
    }
    const others = runsOf(Array.from({ length: width }, (_, i) => i + 1).filter((column) => !read.has(column)));
    for (const [top, bottom] of readRuns(rowsToReadWhole(values, firstRow, header, table.positions))) {
      for (const [left, right] of others) {
        const grid = sheet.getRange(top, left, bottom - top + 1, right - left + 1).getValues();
        place(values, grid, top, left, firstRow);
      }
    }
  }
  return { ...rowsOfGrid(table, [header, ...values]), columnsRead: [...read].sort((a, b) => a - b) };
}
