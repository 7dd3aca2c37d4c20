/** Pivot tables for the emulated Spreadsheet service: Range.createPivotTable, groups, values, filters, and the output cells they compute. */

import type { Kernel } from "../kernel";
import type { GridRangeRef, SheetModel, SpreadsheetContext } from "./model";

/** Range.createPivotTable(sourceData) on the anchor cell. */
export function createPivotTable(
  _ctx: SpreadsheetContext,
  _anchor: { sheetId: number; row: number; column: number },
  _source: GridRangeRef,
): GoogleAppsScript.Spreadsheet.PivotTable {
  throw new Error("not implemented yet");
}

/** Sheet.getPivotTables(). */
export function pivotTablesOf(_ctx: SpreadsheetContext, _sheet: SheetModel): GoogleAppsScript.Spreadsheet.PivotTable[] {
  throw new Error("not implemented yet");
}

/** Recomputes and rewrites the output of every pivot table of the spreadsheet (Sheets does this live). */
export function refreshPivotTables(_ctx: SpreadsheetContext): void {
  throw new Error("not implemented yet");
}

/** SpreadsheetApp.newFilterCriteria(). */
export function newFilterCriteria(_kernel: Kernel): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
  throw new Error("not implemented yet");
}

/** SpreadsheetApp.PivotTableSummarizeFunction and SpreadsheetApp.PivotValueDisplayType. */
export const PivotTableSummarizeFunction = {} as Record<string, string>;
export const PivotValueDisplayType = {} as Record<string, string>;
