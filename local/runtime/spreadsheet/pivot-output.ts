/** Writes a pivot table's computed cells at its anchor, replacing its previous output, as Sheets re-renders a pivot live. */

import type { CellValue, GridRangeRef, SheetModel, SpreadsheetContext } from "./model";
import { computePivot } from "./pivot-compute";
import type { StoredPivot } from "./pivot-model";

/** True when the stored cell at 1-based (row, column) is not what the pivot last wrote there. */
function changedSinceWritten(
  sheet: SheetModel,
  output: GridRangeRef,
  written: CellValue[][],
  row: number,
  column: number,
) {
  const cell = sheet.rows[row - 1]?.[column - 1];
  return cell?.formula !== undefined || (cell?.value ?? "") !== written[row - output.row]?.[column - output.column];
}

/**
 * Clears the previous output, keeping any cell a user wrote over it since (clearing it would lose their data;
 * in Sheets their value stays and blocks the pivot, see `blocked`).
 */
function clearPrevious(ctx: SpreadsheetContext, sheet: SheetModel, pivot: StoredPivot): void {
  const output = pivot.output;
  if (!output) return;
  const written = pivot.written;
  // Rows or columns inserted or deleted across the output reshape it: the cells no longer line up with what
  // was written, so the whole rectangle is taken as the pivot's.
  if (!written || written.length !== output.numRows || written[0]?.length !== output.numColumns) {
    ctx.clearRect(output);
    pivot.output = null;
    pivot.written = null;
    return;
  }
  for (let row = output.row; row < output.row + output.numRows; row++) {
    let runStart = -1;
    for (let column = output.column; column <= output.column + output.numColumns; column++) {
      const keep =
        column === output.column + output.numColumns || changedSinceWritten(sheet, output, written, row, column);
      if (!keep && runStart < 0) runStart = column;
      if (keep && runStart >= 0) {
        ctx.clearRect({ sheetId: output.sheetId, row, column: runStart, numRows: 1, numColumns: column - runStart });
        runStart = -1;
      }
    }
  }
  pivot.output = null;
  pivot.written = null;
}

/**
 * True when a cell of `rect` other than the anchor holds data. Sheets does not overwrite data with a pivot: the
 * anchor shows #REF! ("Array result was not expanded because it would overwrite data in …").
 */
function blocked(sheet: SheetModel, rect: GridRangeRef): boolean {
  for (let row = rect.row; row < rect.row + rect.numRows; row++) {
    const cells = sheet.rows[row - 1];
    if (!cells) continue;
    for (let column = rect.column; column < rect.column + rect.numColumns; column++) {
      if (row === rect.row && column === rect.column) continue;
      const cell = cells[column - 1];
      if (cell && (cell.value !== "" || cell.formula !== undefined)) return true;
    }
  }
  return false;
}

function write(ctx: SpreadsheetContext, pivot: StoredPivot, rect: GridRangeRef, cells: CellValue[][]): void {
  ctx.writeComputed(rect, cells);
  pivot.output = rect;
  pivot.written = cells;
}

/** Renders done since the process started, for tests that check how often pivots recompute. */
export const pivotRenders = { count: 0 };

/** Recomputes one pivot from its source and rewrites its output cells. */
export function renderPivot(ctx: SpreadsheetContext, pivot: StoredPivot): void {
  pivotRenders.count++;
  const sheet = ctx.sheetById(pivot.anchor.sheetId);
  clearPrevious(ctx, sheet, pivot);
  const { spreadsheet } = ctx;
  const source = spreadsheet.sheets.find((s) => s.id === pivot.source.sheetId);
  if (!source) {
    // The source sheet was deleted: Sheets shows #REF! in the anchor.
    write(ctx, pivot, { ...pivot.anchor, numRows: 1, numColumns: 1 }, [["#REF!"]]);
    return;
  }
  const grid = computePivot(pivot, source, spreadsheet.locale, spreadsheet.timeZone);
  if (!grid) return;
  const rect: GridRangeRef = {
    ...pivot.anchor,
    numRows: grid.cells.length,
    numColumns: (grid.cells[0] as CellValue[]).length,
  };
  if (blocked(sheet, rect)) {
    write(ctx, pivot, { ...pivot.anchor, numRows: 1, numColumns: 1 }, [["#REF!"]]);
    return;
  }
  // [UNCONFIRMED] Sheets adds rows/columns for a pivot that outgrows the grid rather than failing.
  sheet.maxRows = Math.max(sheet.maxRows, rect.row + rect.numRows - 1);
  sheet.maxColumns = Math.max(sheet.maxColumns, rect.column + rect.numColumns - 1);
  write(ctx, pivot, rect, grid.cells);
  for (const [at, format] of grid.formats) {
    const [y, x] = at.split(",").map(Number) as [number, number];
    const cell = sheet.rows[rect.row + y - 1]?.[rect.column + x - 1];
    if (cell) cell.numberFormat = format;
  }
}
