/** What ./pivot stores on a PivotTableModel (groups, values, filters), the pivot enums, and the argument checks the pivot objects share. */

import type { Kernel } from "../kernel";
import { SCOPES } from "../kernel";
import { PIVOT_NAMING, signatureError as sharedSignatureError } from "../signature";
import type { PivotTableModel, SpreadsheetContext } from "./model";
import type { FilterCriteriaData } from "./pivot-filter";

/** SpreadsheetApp.PivotTableSummarizeFunction, in the reference's order. */
export const SUMMARIZE_FUNCTIONS = [
  "CUSTOM",
  "SUM",
  "COUNTA",
  "COUNT",
  "COUNTUNIQUE",
  "AVERAGE",
  "MAX",
  "MIN",
  "MEDIAN",
  "PRODUCT",
  "STDEV",
  "STDEVP",
  "VAR",
  "VARP",
] as const;
export type SummarizeFunction = (typeof SUMMARIZE_FUNCTIONS)[number];

/** SpreadsheetApp.PivotValueDisplayType (developers.google.com/apps-script/reference/spreadsheet/pivot-value-display-type). */
export const DISPLAY_TYPES = [
  "DEFAULT",
  "PERCENT_OF_ROW_TOTAL",
  "PERCENT_OF_COLUMN_TOTAL",
  "PERCENT_OF_GRAND_TOTAL",
] as const;
export type DisplayType = (typeof DISPLAY_TYPES)[number];

export type Orientation = "ROWS" | "COLUMNS";

export interface PivotGroupModel {
  /** Absolute sheet column (1 = A). */
  sourceColumn: number;
  showTotals: boolean;
  ascending: boolean;
  displayName: string | null;
}

export interface PivotValueModel {
  sourceColumn: number;
  summarizeFunction: SummarizeFunction;
  displayName: string | null;
  displayType: DisplayType;
}

export interface PivotFilterModel {
  sourceColumn: number;
  criteria: FilterCriteriaData;
}

/** A PivotTableModel as ./pivot fills it in. */
export interface StoredPivot extends PivotTableModel {
  rowGroups: PivotGroupModel[];
  columnGroups: PivotGroupModel[];
  values: PivotValueModel[];
  filters: PivotFilterModel[];
  valuesOrientation: Orientation;
  /** The cells last written at `output`, to tell them from data a user typed over them since. */
  written: (string | number | boolean)[][] | null;
}

/** Scopes of every PivotTable/PivotGroup/PivotValue/PivotFilter method (reference pages, "Authorization"). */
const PIVOT_SCOPES = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets] as const;

/** Counts a call of a pivot object method ("PivotTable.addRowGroup", ...). */
export function callPivot(ctx: SpreadsheetContext, method: string): void {
  ctx.kernel.call("Spreadsheet", method, { needsAuth: true, scopes: PIVOT_SCOPES });
}

/**
 * "The parameters (String) don't match the method signature for SpreadsheetApp.PivotTable.addRowGroup.",
 * the error Apps Script throws when an argument has the wrong type; trailing undefined arguments are not listed.
 */
export function signatureError(kernel: Kernel, method: string, args: readonly unknown[]): Error {
  return sharedSignatureError(kernel, `SpreadsheetApp.${method}`, args, PIVOT_NAMING);
}

/** Throws the signature error unless `ok`. */
export function requireArgs(kernel: Kernel, ok: boolean, method: string, args: readonly unknown[]): void {
  if (!ok) throw signatureError(kernel, method, args);
}

/** The summarize function an argument names, or null. */
export function summarizeFunctionOf(value: unknown): SummarizeFunction | null {
  return (SUMMARIZE_FUNCTIONS as readonly unknown[]).includes(value) ? (value as SummarizeFunction) : null;
}

/**
 * Checks that `column` is an absolute sheet column inside the pivot's source range
 * (developers.google.com/apps-script/reference/spreadsheet/pivot-table#addRowGroup(Integer): "the absolute
 * number of the column in the spreadsheet"). No source gives the error text for a column outside the
 * source; [UNCONFIRMED] we throw Apps Script's generic "Invalid argument" wording rather than accept it.
 */
export function requireSourceColumn(
  ctx: SpreadsheetContext,
  pivot: StoredPivot,
  column: unknown,
  method: string,
  args: readonly unknown[],
): number {
  requireArgs(ctx.kernel, typeof column === "number" && Number.isInteger(column), method, args);
  const col = column as number;
  const { source } = pivot;
  if (col < source.column || col >= source.column + source.numColumns) {
    throw ctx.kernel.exception("Invalid argument: sourceDataColumn");
  }
  return col;
}
