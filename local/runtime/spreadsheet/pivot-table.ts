/** The PivotTable object scripts use; every change re-renders the pivot's output at once, as Sheets does. */

import type { SpreadsheetContext } from "./model";
import {
  callPivot,
  type PivotFilterModel,
  type PivotGroupModel,
  type PivotValueModel,
  requireArgs,
  requireSourceColumn,
  type StoredPivot,
  type SummarizeFunction,
  summarizeFunctionOf,
} from "./pivot-model";
import { renderPivot } from "./pivot-output";
import { asFilter, asGroup, asValue, pivotCriteria, requireLive } from "./pivot-parts";

type GasPivotTable = GoogleAppsScript.Spreadsheet.PivotTable;
type GasPivotGroup = GoogleAppsScript.Spreadsheet.PivotGroup;
type GasPivotValue = GoogleAppsScript.Spreadsheet.PivotValue;
type GasPivotFilter = GoogleAppsScript.Spreadsheet.PivotFilter;

type PivotTableMethods =
  | "addColumnGroup"
  | "addFilter"
  | "addPivotValue"
  | "addRowGroup"
  | "getAnchorCell"
  | "getColumnGroups"
  | "getFilters"
  | "getPivotValues"
  | "getRowGroups"
  | "getValuesDisplayOrientation"
  | "remove"
  | "setValuesDisplayOrientation";

export class FakePivotTable implements Pick<GasPivotTable, PivotTableMethods> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly pivot: StoredPivot,
  ) {}

  private self(): GasPivotTable {
    return this as unknown as GasPivotTable;
  }

  private begin(method: string): StoredPivot {
    callPivot(this.ctx, `PivotTable.${method}`);
    requireLive(this.ctx, this.pivot);
    // A change renders this pivot over the cells as they are now: pivots a write left stale are settled first.
    this.ctx.settleFormulas();
    return this.pivot;
  }

  private addGroup(method: string, list: PivotGroupModel[], column: unknown, dimension: "ROWS" | "COLUMNS") {
    const pivot = this.begin(method);
    const sourceColumn = requireSourceColumn(this.ctx, pivot, column, `PivotTable.${method}`, [column]);
    const group: PivotGroupModel = { sourceColumn, showTotals: true, ascending: true, displayName: null };
    list.push(group);
    renderPivot(this.ctx, pivot);
    return asGroup(this.ctx, pivot, group, dimension, this.self());
  }

  addRowGroup(sourceDataColumn: number): GasPivotGroup {
    return this.addGroup("addRowGroup", this.pivot.rowGroups, sourceDataColumn, "ROWS");
  }

  addColumnGroup(sourceDataColumn: number): GasPivotGroup {
    return this.addGroup("addColumnGroup", this.pivot.columnGroups, sourceDataColumn, "COLUMNS");
  }

  /** CUSTOM belongs to calculated values (addCalculatedPivotValue, not emulated); [UNCONFIRMED] refused here. */
  addPivotValue(
    sourceDataColumn: number,
    summarizeFunction: GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction,
  ): GasPivotValue {
    const pivot = this.begin("addPivotValue");
    const args = [sourceDataColumn, summarizeFunction];
    const fn = summarizeFunctionOf(summarizeFunction);
    requireArgs(this.ctx.kernel, fn !== null, "PivotTable.addPivotValue", args);
    const sourceColumn = requireSourceColumn(this.ctx, pivot, sourceDataColumn, "PivotTable.addPivotValue", args);
    if (fn === "CUSTOM") throw this.ctx.kernel.exception("Invalid argument: summarizeFunction");
    const value: PivotValueModel = {
      sourceColumn,
      summarizeFunction: fn as SummarizeFunction,
      displayName: null,
      displayType: "DEFAULT",
    };
    pivot.values.push(value);
    renderPivot(this.ctx, pivot);
    return asValue(this.ctx, pivot, value, this.self());
  }

  addFilter(sourceDataColumn: number, filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria): GasPivotFilter {
    const pivot = this.begin("addFilter");
    const args = [sourceDataColumn, filterCriteria];
    const criteria = pivotCriteria(this.ctx, filterCriteria, "PivotTable.addFilter", args);
    const sourceColumn = requireSourceColumn(this.ctx, pivot, sourceDataColumn, "PivotTable.addFilter", args);
    const filter: PivotFilterModel = { sourceColumn, criteria };
    pivot.filters.push(filter);
    renderPivot(this.ctx, pivot);
    return asFilter(this.ctx, pivot, filter, this.self());
  }

  getAnchorCell(): GoogleAppsScript.Spreadsheet.Range {
    const { anchor } = this.begin("getAnchorCell");
    return this.ctx.rangeOf({ ...anchor, numRows: 1, numColumns: 1 });
  }

  /** Not in @types/google-apps-script yet; see the PivotTable reference page. */
  getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.ctx.rangeOf(this.begin("getSourceDataRange").source);
  }

  getRowGroups(): GasPivotGroup[] {
    const pivot = this.begin("getRowGroups");
    return pivot.rowGroups.map((g) => asGroup(this.ctx, pivot, g, "ROWS", this.self()));
  }

  getColumnGroups(): GasPivotGroup[] {
    const pivot = this.begin("getColumnGroups");
    return pivot.columnGroups.map((g) => asGroup(this.ctx, pivot, g, "COLUMNS", this.self()));
  }

  getPivotValues(): GasPivotValue[] {
    const pivot = this.begin("getPivotValues");
    return pivot.values.map((v) => asValue(this.ctx, pivot, v, this.self()));
  }

  getFilters(): GasPivotFilter[] {
    const pivot = this.begin("getFilters");
    return pivot.filters.map((f) => asFilter(this.ctx, pivot, f, this.self()));
  }

  /** Values are laid out as columns by default (Sheets API PivotValueLayout HORIZONTAL). */
  getValuesDisplayOrientation(): GoogleAppsScript.Spreadsheet.Dimension {
    return this.begin("getValuesDisplayOrientation")
      .valuesOrientation as unknown as GoogleAppsScript.Spreadsheet.Dimension;
  }

  setValuesDisplayOrientation(dimension: GoogleAppsScript.Spreadsheet.Dimension): GasPivotTable {
    const pivot = this.begin("setValuesDisplayOrientation");
    const name = dimension as unknown;
    requireArgs(this.ctx.kernel, name === "ROWS" || name === "COLUMNS", "PivotTable.setValuesDisplayOrientation", [
      dimension,
    ]);
    pivot.valuesOrientation = name as "ROWS" | "COLUMNS";
    renderPivot(this.ctx, pivot);
    return this.self();
  }

  /** Deletes the pivot table and its output cells. */
  remove(): void {
    const pivot = this.begin("remove");
    removePivot(this.ctx, pivot);
  }
}

/** Takes a pivot off its sheet and clears the cells it wrote. */
export function removePivot(ctx: SpreadsheetContext, pivot: StoredPivot): void {
  const sheet = ctx.sheetById(pivot.anchor.sheetId);
  sheet.pivotTables.splice(sheet.pivotTables.indexOf(pivot), 1);
  if (pivot.output) ctx.clearRect(pivot.output);
  pivot.output = null;
  pivot.written = null;
}

export function asPivotTable(ctx: SpreadsheetContext, pivot: StoredPivot): GasPivotTable {
  return new FakePivotTable(ctx, pivot) as unknown as GasPivotTable;
}
