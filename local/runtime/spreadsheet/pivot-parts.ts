/** The PivotGroup, PivotValue and PivotFilter objects of a pivot table; every change re-renders the pivot's output at once, as Sheets does. */

import type { SpreadsheetContext } from "./model";
import { criteriaDataOf, FakeFilterCriteria, type FilterCriteriaData } from "./pivot-filter";
import {
  callPivot,
  DISPLAY_TYPES,
  type DisplayType,
  type PivotFilterModel,
  type PivotGroupModel,
  type PivotValueModel,
  requireArgs,
  type StoredPivot,
  type SummarizeFunction,
  summarizeFunctionOf,
} from "./pivot-model";
import { renderPivot } from "./pivot-output";

type GasPivotTable = GoogleAppsScript.Spreadsheet.PivotTable;
type GasPivotGroup = GoogleAppsScript.Spreadsheet.PivotGroup;
type GasPivotValue = GoogleAppsScript.Spreadsheet.PivotValue;
type GasPivotFilter = GoogleAppsScript.Spreadsheet.PivotFilter;

/** Whether the pivot is still stored on its sheet (remove() takes it off). */
function isLive(ctx: SpreadsheetContext, pivot: StoredPivot): boolean {
  return ctx.sheetById(pivot.anchor.sheetId).pivotTables.includes(pivot);
}

/**
 * Throws when the object was removed. No source gives Apps Script's text for using a removed pivot part;
 * [UNCONFIRMED] we refuse rather than silently act on a detached object.
 */
export function requireLive(
  ctx: SpreadsheetContext,
  pivot: StoredPivot,
  part?: { list: unknown[]; item: unknown },
): void {
  if (!isLive(ctx, pivot)) throw ctx.kernel.exception("The pivot table no longer exists.");
  if (part && !part.list.includes(part.item)) throw ctx.kernel.exception("This pivot table item no longer exists.");
}

/**
 * A pivot filter's criteria. The reference allows hidden values only on Grid sheet filters and a pivot
 * filter has no hidden list (Sheets API PivotFilterCriteria: visibleValues, condition); [UNCONFIRMED] we throw
 * instead of dropping them. whenFormulaSatisfied conditions cannot be evaluated here: a host Error says so.
 */
export function pivotCriteria(
  ctx: SpreadsheetContext,
  criteria: unknown,
  method: string,
  args: unknown[],
): FilterCriteriaData {
  const data = criteriaDataOf(criteria);
  requireArgs(ctx.kernel, data !== null, method, args);
  const checked = data as FilterCriteriaData;
  if (checked.hiddenValues.length > 0) {
    throw ctx.kernel.exception("Hidden values are not supported in pivot table filters. Use visible values instead.");
  }
  if (checked.criteriaType === "CUSTOM_FORMULA") {
    throw new Error("Pivot filters with whenFormulaSatisfied are not emulated: the formula cannot be evaluated.");
  }
  return checked;
}

type PivotGroupMethods =
  | "getDimension"
  | "getIndex"
  | "getPivotTable"
  | "getSourceDataColumn"
  | "isSortAscending"
  | "remove"
  | "resetDisplayName"
  | "setDisplayName"
  | "showTotals"
  | "sortAscending"
  | "sortDescending"
  | "totalsAreShown";

class FakePivotGroup implements Pick<GasPivotGroup, PivotGroupMethods> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly pivot: StoredPivot,
    private readonly group: PivotGroupModel,
    private readonly dimension: "ROWS" | "COLUMNS",
    private readonly owner: GasPivotTable,
  ) {}

  private list(): PivotGroupModel[] {
    return this.dimension === "ROWS" ? this.pivot.rowGroups : this.pivot.columnGroups;
  }

  private begin(method: string): PivotGroupModel {
    callPivot(this.ctx, `PivotGroup.${method}`);
    requireLive(this.ctx, this.pivot, { list: this.list(), item: this.group });
    this.ctx.settleFormulas(); // as PivotTable's methods do (./pivot-table)
    return this.group;
  }

  private change(method: string, apply: (group: PivotGroupModel) => void): GasPivotGroup {
    apply(this.begin(method));
    renderPivot(this.ctx, this.pivot);
    return this as unknown as GasPivotGroup;
  }

  getDimension(): GoogleAppsScript.Spreadsheet.Dimension {
    this.begin("getDimension");
    return this.dimension as unknown as GoogleAppsScript.Spreadsheet.Dimension;
  }

  getIndex(): number {
    return this.list().indexOf(this.begin("getIndex"));
  }

  getPivotTable(): GasPivotTable {
    this.begin("getPivotTable");
    return this.owner;
  }

  getSourceDataColumn(): number {
    return this.begin("getSourceDataColumn").sourceColumn;
  }

  isSortAscending(): boolean {
    return this.begin("isSortAscending").ascending;
  }

  totalsAreShown(): boolean {
    return this.begin("totalsAreShown").showTotals;
  }

  showTotals(showTotals: boolean): GasPivotGroup {
    requireArgs(this.ctx.kernel, typeof showTotals === "boolean", "PivotGroup.showTotals", [showTotals]);
    return this.change("showTotals", (g) => {
      g.showTotals = showTotals;
    });
  }

  sortAscending(): GasPivotGroup {
    return this.change("sortAscending", (g) => {
      g.ascending = true;
    });
  }

  sortDescending(): GasPivotGroup {
    return this.change("sortDescending", (g) => {
      g.ascending = false;
    });
  }

  setDisplayName(name: string): GasPivotGroup {
    requireArgs(this.ctx.kernel, typeof name === "string", "PivotGroup.setDisplayName", [name]);
    return this.change("setDisplayName", (g) => {
      g.displayName = name;
    });
  }

  resetDisplayName(): GasPivotGroup {
    return this.change("resetDisplayName", (g) => {
      g.displayName = null;
    });
  }

  remove(): void {
    const list = this.list();
    list.splice(list.indexOf(this.begin("remove")), 1);
    renderPivot(this.ctx, this.pivot);
  }
}

export function asGroup(
  ctx: SpreadsheetContext,
  pivot: StoredPivot,
  group: PivotGroupModel,
  dimension: "ROWS" | "COLUMNS",
  owner: GasPivotTable,
): GasPivotGroup {
  return new FakePivotGroup(ctx, pivot, group, dimension, owner) as unknown as GasPivotGroup;
}

type PivotValueMethods =
  | "getDisplayType"
  | "getFormula"
  | "getPivotTable"
  | "getSummarizedBy"
  | "setDisplayName"
  | "showAs"
  | "summarizeBy";

class FakePivotValue implements Pick<GasPivotValue, PivotValueMethods> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly pivot: StoredPivot,
    private readonly value: PivotValueModel,
    private readonly owner: GasPivotTable,
  ) {}

  private begin(method: string): PivotValueModel {
    callPivot(this.ctx, `PivotValue.${method}`);
    requireLive(this.ctx, this.pivot, { list: this.pivot.values, item: this.value });
    this.ctx.settleFormulas(); // as PivotTable's methods do (./pivot-table)
    return this.value;
  }

  private change(method: string, apply: (value: PivotValueModel) => void): GasPivotValue {
    apply(this.begin(method));
    renderPivot(this.ctx, this.pivot);
    return this as unknown as GasPivotValue;
  }

  getDisplayType(): GoogleAppsScript.Spreadsheet.PivotValueDisplayType {
    return this.begin("getDisplayType").displayType as unknown as GoogleAppsScript.Spreadsheet.PivotValueDisplayType;
  }

  /** Only calculated values have a formula. */
  getFormula(): string | null {
    this.begin("getFormula");
    return null;
  }

  getPivotTable(): GasPivotTable {
    this.begin("getPivotTable");
    return this.owner;
  }

  /** Not in @types/google-apps-script yet; see the PivotValue reference page. */
  getSourceDataColumn(): number {
    return this.begin("getSourceDataColumn").sourceColumn;
  }

  getSummarizedBy(): GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction {
    return this.begin("getSummarizedBy")
      .summarizeFunction as unknown as GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction;
  }

  setDisplayName(name: string): GasPivotValue {
    requireArgs(this.ctx.kernel, typeof name === "string", "PivotValue.setDisplayName", [name]);
    return this.change("setDisplayName", (v) => {
      v.displayName = name;
    });
  }

  showAs(displayType: GoogleAppsScript.Spreadsheet.PivotValueDisplayType): GasPivotValue {
    const type = displayType as unknown;
    requireArgs(this.ctx.kernel, DISPLAY_TYPES.includes(type as DisplayType), "PivotValue.showAs", [displayType]);
    return this.change("showAs", (v) => {
      v.displayType = type as DisplayType;
    });
  }

  summarizeBy(summarizeFunction: GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction): GasPivotValue {
    const fn = summarizeFunctionOf(summarizeFunction);
    requireArgs(this.ctx.kernel, fn !== null, "PivotValue.summarizeBy", [summarizeFunction]);
    if (fn === "CUSTOM") throw this.ctx.kernel.exception("Invalid argument: summarizeFunction");
    return this.change("summarizeBy", (v) => {
      v.summarizeFunction = fn as SummarizeFunction;
    });
  }

  /** Not in @types/google-apps-script yet; see the PivotValue reference page. */
  remove(): void {
    this.pivot.values.splice(this.pivot.values.indexOf(this.begin("remove")), 1);
    renderPivot(this.ctx, this.pivot);
  }
}

export function asValue(
  ctx: SpreadsheetContext,
  pivot: StoredPivot,
  value: PivotValueModel,
  owner: GasPivotTable,
): GasPivotValue {
  return new FakePivotValue(ctx, pivot, value, owner) as unknown as GasPivotValue;
}

type PivotFilterMethods =
  | "getFilterCriteria"
  | "getPivotTable"
  | "getSourceDataColumn"
  | "remove"
  | "setFilterCriteria";

class FakePivotFilter implements Pick<GasPivotFilter, PivotFilterMethods> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly pivot: StoredPivot,
    private readonly filter: PivotFilterModel,
    private readonly owner: GasPivotTable,
  ) {}

  private begin(method: string): PivotFilterModel {
    callPivot(this.ctx, `PivotFilter.${method}`);
    requireLive(this.ctx, this.pivot, { list: this.pivot.filters, item: this.filter });
    this.ctx.settleFormulas(); // as PivotTable's methods do (./pivot-table)
    return this.filter;
  }

  getFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteria {
    const { criteria } = this.begin("getFilterCriteria");
    return new FakeFilterCriteria(this.ctx.kernel, criteria) as unknown as GoogleAppsScript.Spreadsheet.FilterCriteria;
  }

  getPivotTable(): GasPivotTable {
    this.begin("getPivotTable");
    return this.owner;
  }

  getSourceDataColumn(): number {
    return this.begin("getSourceDataColumn").sourceColumn;
  }

  setFilterCriteria(filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria): GasPivotFilter {
    const filter = this.begin("setFilterCriteria");
    filter.criteria = pivotCriteria(this.ctx, filterCriteria, "PivotFilter.setFilterCriteria", [filterCriteria]);
    renderPivot(this.ctx, this.pivot);
    return this as unknown as GasPivotFilter;
  }

  remove(): void {
    this.pivot.filters.splice(this.pivot.filters.indexOf(this.begin("remove")), 1);
    renderPivot(this.ctx, this.pivot);
  }
}

export function asFilter(
  ctx: SpreadsheetContext,
  pivot: StoredPivot,
  filter: PivotFilterModel,
  owner: GasPivotTable,
): GasPivotFilter {
  return new FakePivotFilter(ctx, pivot, filter, owner) as unknown as GasPivotFilter;
}
