/** Structural changes of a sheet (inserting and deleting rows or columns) and how they move everything stored by position. */

import { ruleFormulasOf } from "./conditional-format-rules";
import { filterViewFormulasOf, shiftFilterViews } from "./filter-views";
import { type RuleFormula, shiftFormulas } from "./formula-shift";
import { FORMAT_KEYS } from "./grid";
import { type Cell, type GridRangeRef, type SheetModel, shiftRange } from "./model";
import { shiftNamedRanges } from "./named-ranges";
import type { Workbook } from "./workbook";

type Dimension = "ROWS" | "COLUMNS";

/** The formatting (and validation) an inserted cell inherits from its neighbour, as Sheets does [UNCONFIRMED for validation]. */
function inheritedCell(from: Cell | undefined): Cell | undefined {
  if (!from) return undefined;
  const cell: Cell = { value: "" };
  let any = false;
  for (const key of FORMAT_KEYS) {
    if (from[key] !== undefined) {
      (cell as unknown as Record<string, unknown>)[key] = from[key];
      any = true;
    }
  }
  if (from.validation !== undefined) {
    cell.validation = from.validation;
    any = true;
  }
  return any ? cell : undefined;
}

/**
 * Inserts `count` rows or columns at 1-based position `at`; `inheritFrom` is the neighbour whose formats the
 * new ones take (the row/column above for "after", below for "before"), or null.
 */
export function insertDimension(
  wb: Workbook,
  sheet: SheetModel,
  dim: Dimension,
  at: number,
  count: number,
  inheritFrom: number | null,
): void {
  wb.assertCellLimit(dim === "ROWS" ? count * sheet.maxColumns : count * sheet.maxRows);
  shiftFormulas(wb.spreadsheet, sheet, dim, at, count, storedFormulasOf(sheet));
  if (dim === "ROWS") {
    const source = inheritFrom === null ? undefined : sheet.rows[inheritFrom - 1];
    const fresh = Array.from({ length: count }, () => (source ? source.map((c) => inheritedCell(c)) : undefined));
    if (at - 1 < sheet.rows.length) sheet.rows.splice(at - 1, 0, ...(fresh as (Cell | undefined)[][]));
    else if (source) for (const [k, cells] of fresh.entries()) sheet.rows[at - 1 + k] = cells as (Cell | undefined)[];
    sheet.maxRows += count;
    if (at <= sheet.frozenRows) sheet.frozenRows += count;
  } else {
    for (const cells of sheet.rows) {
      if (!cells) continue;
      const source = inheritFrom === null ? undefined : cells[inheritFrom - 1];
      const fresh = Array.from({ length: count }, () => inheritedCell(source));
      if (at - 1 < cells.length) cells.splice(at - 1, 0, ...fresh);
      else if (source) for (const [k, cell] of fresh.entries()) cells[at - 1 + k] = cell;
    }
    sheet.maxColumns += count;
    if (at <= sheet.frozenColumns) sheet.frozenColumns += count;
    const inheritedWidth = inheritFrom === null ? undefined : sheet.columnWidths.get(inheritFrom);
    shiftWidths(sheet, at, count);
    if (inheritedWidth !== undefined) for (let c = at; c < at + count; c++) sheet.columnWidths.set(c, inheritedWidth);
  }
  shiftStored(wb, sheet, dim, at, count);
}

/**
 * The formulas a sheet stores outside its cells, relative to where they apply: its conditional-format rules' and its
 * filter views' custom formulas, which Sheets moves with the cells as it does a rule's [UNCONFIRMED for filter views].
 */
function storedFormulasOf(sheet: SheetModel): RuleFormula[] {
  return [...ruleFormulasOf(sheet), ...filterViewFormulasOf(sheet)];
}

/** Deletes `count` rows or columns starting at `at` (bounds already checked). */
export function deleteDimension(wb: Workbook, sheet: SheetModel, dim: Dimension, at: number, count: number): void {
  shiftFormulas(wb.spreadsheet, sheet, dim, at, -count, storedFormulasOf(sheet));
  const overlap = (frozen: number) => Math.max(0, Math.min(frozen, at + count - 1) - at + 1);
  if (dim === "ROWS") {
    if (at - 1 < sheet.rows.length) sheet.rows.splice(at - 1, count);
    sheet.maxRows -= count;
    sheet.frozenRows -= overlap(sheet.frozenRows);
  } else {
    for (const cells of sheet.rows) if (cells && at - 1 < cells.length) cells.splice(at - 1, count);
    sheet.maxColumns -= count;
    sheet.frozenColumns -= overlap(sheet.frozenColumns);
    shiftWidths(sheet, at, -count);
  }
  shiftStored(wb, sheet, dim, at, -count);
}

function shiftWidths(sheet: SheetModel, at: number, delta: number): void {
  const moved = new Map<number, number>();
  for (const [column, width] of sheet.columnWidths) {
    if (column < at) moved.set(column, width);
    else if (delta > 0) moved.set(column + delta, width);
    else if (column >= at - delta) moved.set(column + delta, width);
  }
  sheet.columnWidths = moved;
}

/** Moves rule ranges, filter views, pivot anchors and sources, chart ranges and anchors, named ranges, protections, developer metadata and the selection. */
function shiftStored(wb: Workbook, sheet: SheetModel, dim: Dimension, at: number, delta: number): void {
  const shift = (ref: GridRangeRef): GridRangeRef | null =>
    ref.sheetId === sheet.id ? shiftRange(ref, dim, at, delta) : ref;
  const model = wb.spreadsheet;

  sheet.conditionalFormatRules = sheet.conditionalFormatRules.filter((rule) => {
    rule.ranges = rule.ranges.map(shift).filter((r): r is GridRangeRef => r !== null);
    return rule.ranges.length > 0;
  });
  shiftFilterViews(sheet, dim, at, delta);
  // Formulas (cells of every sheet, and the rules') were rewritten by the formula engine before the cells moved.
  wb.formulas.changed();

  for (const s of model.sheets) {
    // A pivot whose anchor or whole source is deleted goes away [UNCONFIRMED: Sheets may show #REF!].
    s.pivotTables = s.pivotTables.filter((pivot) => {
      const anchor = shift({ ...pivot.anchor, numRows: 1, numColumns: 1 });
      const source = shift(pivot.source);
      if (!anchor || !source) return false;
      pivot.anchor = { sheetId: anchor.sheetId, row: anchor.row, column: anchor.column };
      pivot.source = source;
      pivot.output = pivot.output ? shift(pivot.output) : null;
      return true;
    });
  }

  for (const s of model.sheets) {
    // Chart data moves with its cells; a range deleted entirely leaves the chart [UNCONFIRMED]. The anchor
    // moves with its cell, to the first row/column after the deleted ones when its own goes [UNCONFIRMED].
    for (const chart of s.charts ?? []) {
      chart.ranges = chart.ranges.map(shift).filter((r): r is GridRangeRef => r !== null);
      if (s !== sheet) continue;
      const key = dim === "ROWS" ? "row" : "column";
      const cell = shift({ ...chart.anchor, sheetId: s.id, numRows: 1, numColumns: 1 });
      chart.anchor[key] = cell ? cell[key] : Math.min(at, dim === "ROWS" ? s.maxRows : s.maxColumns);
    }
  }

  shiftNamedRanges(model, shift);

  model.protections = model.protections.filter((p) => {
    p.unprotectedRanges = p.unprotectedRanges.map(shift).filter((r): r is GridRangeRef => r !== null);
    if (p.type === "SHEET") return true;
    const range = shift(p.range);
    if (range) p.range = range;
    return range !== null;
  });

  const kind = dim === "ROWS" ? "ROW" : "COLUMN";
  model.developerMetadata = model.developerMetadata.filter((m) => {
    const loc = m.location;
    if (loc.type !== kind || loc.sheetId !== sheet.id || loc.index < at) return true;
    if (delta > 0) loc.index += delta;
    else if (loc.index < at - delta)
      return false; // deleted with its row/column (Sheets API: DeveloperMetadata)
    else loc.index += delta;
    return true;
  });

  if (model.activeRange) model.activeRange = shift(model.activeRange);
}
