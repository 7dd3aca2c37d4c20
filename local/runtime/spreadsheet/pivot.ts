/** Pivot tables for the emulated Spreadsheet service: Range.createPivotTable, groups, values, filters, and the output cells they compute. */

import { enumOf } from "../enums";
import type { Kernel } from "../kernel";
import type { GridRangeRef, SheetModel, SpreadsheetContext } from "./model";
import { FakeFilterCriteriaBuilder } from "./pivot-filter";
import { DISPLAY_TYPES, type StoredPivot, SUMMARIZE_FUNCTIONS } from "./pivot-model";
import { renderPivot } from "./pivot-output";
import { asPivotTable, removePivot } from "./pivot-table";

/**
 * Range.createPivotTable(sourceData) on the anchor cell (the core counts the call). A pivot already anchored
 * on that cell is replaced [UNCONFIRMED]. An anchor inside the source would overwrite its own data;
 * [UNCONFIRMED] we refuse it.
 */
export function createPivotTable(
  ctx: SpreadsheetContext,
  anchor: { sheetId: number; row: number; column: number },
  source: GridRangeRef,
): GoogleAppsScript.Spreadsheet.PivotTable {
  const inSource =
    anchor.sheetId === source.sheetId &&
    anchor.row >= source.row &&
    anchor.row < source.row + source.numRows &&
    anchor.column >= source.column &&
    anchor.column < source.column + source.numColumns;
  if (inSource) throw ctx.kernel.exception("The pivot table anchor cell cannot be inside its source data range.");
  // A pivot replaced or rendered here sees the other pivots' output as it is now.
  ctx.settleFormulas();
  const sheet = ctx.sheetById(anchor.sheetId);
  for (const old of sheet.pivotTables.filter((p) => p.anchor.row === anchor.row && p.anchor.column === anchor.column)) {
    removePivot(ctx, old as StoredPivot);
  }
  const pivot: StoredPivot = {
    anchor: { ...anchor },
    source: { ...source },
    output: null,
    rowGroups: [],
    columnGroups: [],
    values: [],
    filters: [],
    valuesOrientation: "COLUMNS",
    written: null,
  };
  sheet.pivotTables.push(pivot);
  renderPivot(ctx, pivot);
  return asPivotTable(ctx, pivot);
}

/** Sheet.getPivotTables(): objects over the stored pivots (the core counts the call). */
export function pivotTablesOf(ctx: SpreadsheetContext, sheet: SheetModel): GoogleAppsScript.Spreadsheet.PivotTable[] {
  return sheet.pivotTables.map((pivot) => asPivotTable(ctx, pivot as StoredPivot));
}

/**
 * Recomputes and rewrites the output of the pivot tables of the spreadsheet that `due` picks (every one by
 * default), in sheet order. `due` is asked when a pivot's turn comes, so it sees what earlier renders changed.
 */
export function refreshPivotTables(ctx: SpreadsheetContext, due: (pivot: StoredPivot) => boolean = () => true): void {
  ctx.settleFormulas();
  for (const sheet of ctx.spreadsheet.sheets) {
    for (const pivot of sheet.pivotTables as StoredPivot[]) if (due(pivot)) renderPivot(ctx, pivot);
  }
}

/** SpreadsheetApp.newFilterCriteria() (the core counts the call; the builder counts its own). */
export function newFilterCriteria(kernel: Kernel): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
  return new FakeFilterCriteriaBuilder(kernel) as unknown as GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;
}

/** SpreadsheetApp.PivotTableSummarizeFunction and SpreadsheetApp.PivotValueDisplayType. */
export const PivotTableSummarizeFunction: Readonly<Record<string, string>> = enumOf(SUMMARIZE_FUNCTIONS);
export const PivotValueDisplayType: Readonly<Record<string, string>> = enumOf(DISPLAY_TYPES);
