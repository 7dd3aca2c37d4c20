/** Embedded charts for the emulated Spreadsheet service: Sheet.newChart()'s EmbeddedChartBuilder, EmbeddedChart objects, and inserting, listing, updating and removing them (developers.google.com/apps-script/reference/spreadsheet/embedded-chart). */

import { ChartType } from "../charts-service";
import { memberOf } from "../enums";
import { MESSAGES, requireIntegers, signatureError } from "./errors";
import type { ChartModel, GridRangeRef, SheetModel } from "./model";
import { assertCanEdit } from "./protection";
import type { Workbook } from "./workbook";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type ContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type ChartTypeValue = GoogleAppsScript.Charts.ChartType;

/**
 * The texts of the chart errors. No public source quotes Apps Script's own wording for these cases, so every
 * one is [UNCONFIRMED]; each case throws (the stricter choice) rather than being let through.
 */
export const CHART_MESSAGES = {
  noRanges: "The chart must have at least one data range.",
  noChartType: "The chart type must be set before the chart is built.",
  otherSheet: "The chart was built for another sheet.",
  alreadyInserted: "The chart is already on a sheet: use Sheet.updateChart() to change it.",
  notOnSheet: "The chart is not on this sheet.",
} as const;

/** What a chart is, apart from its id; builders edit a private copy, stored charts are ChartModels. */
interface ChartSpec {
  chartType: string | null;
  ranges: GridRangeRef[];
  anchor: ChartModel["anchor"];
  options: Map<string, unknown>;
  numHeaders: number;
}

function copySpec(spec: ChartSpec): ChartSpec {
  return {
    chartType: spec.chartType,
    ranges: spec.ranges.map((r) => ({ ...r })),
    anchor: { ...spec.anchor },
    options: new Map(spec.options),
    numHeaders: spec.numHeaders,
  };
}

function sameRect(a: GridRangeRef, b: GridRangeRef): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row === b.row &&
    a.column === b.column &&
    a.numRows === b.numRows &&
    a.numColumns === b.numColumns
  );
}

/** Range objects for stored rectangles; a range whose sheet was deleted is gone [UNCONFIRMED: Sheets may show #REF!]. */
function rangesOf(wb: Workbook, refs: readonly GridRangeRef[]): Range[] {
  return refs.filter((r) => wb.spreadsheet.sheets.some((s) => s.id === r.sheetId)).map((r) => wb.rangeOf(r));
}

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

type BuilderMethods =
  | "addRange"
  | "removeRange"
  | "clearRanges"
  | "getRanges"
  | "setChartType"
  | "getChartType"
  | "setPosition"
  | "getContainer"
  | "setOption"
  | "setNumHeaders"
  | "asAreaChart"
  | "asBarChart"
  | "asColumnChart"
  | "asLineChart"
  | "asPieChart"
  | "asScatterChart"
  | "asTableChart"
  | "build";

/**
 * EmbeddedChartBuilder (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder), from
 * Sheet.newChart() or EmbeddedChart.modify(). Every call is counted ("EmbeddedChartBuilder.*", free). The
 * asXxxChart() methods set the type and return this same builder: the type-specific setters (setTitle,
 * setStacked, ...) are not emulated, so a script calling them fails loudly.
 */
class FakeEmbeddedChartBuilder implements Pick<Builder, BuilderMethods> {
  constructor(
    private readonly wb: Workbook,
    /** The sheet the chart is for (Sheet.newChart's sheet, or the modified chart's). */
    private readonly home: SheetModel,
    /** The stored chart this builder modifies, or null for a new one. */
    private readonly chartId: number | null,
    private readonly spec: ChartSpec,
  ) {}

  private call(method: string): void {
    this.wb.kernel.call("Spreadsheet", `EmbeddedChartBuilder.${method}`);
  }

  private self(): Builder {
    return this as unknown as Builder;
  }

  private ref(method: string, range: unknown): GridRangeRef {
    if (typeof range !== "object" || range === null)
      throw signatureError(this.wb.kernel, `EmbeddedChartBuilder.${method}`, [range]);
    return this.wb.refOf(range as Range);
  }

  /** "If the range has already been added to the chart, it is not added again" (reference). */
  addRange(range: Range): Builder {
    this.call("addRange");
    const ref = this.ref("addRange", range);
    if (!this.spec.ranges.some((r) => sameRect(r, ref))) this.spec.ranges.push(ref);
    return this.self();
  }

  /** A range the chart does not have is ignored. */
  removeRange(range: Range): Builder {
    this.call("removeRange");
    const ref = this.ref("removeRange", range);
    this.spec.ranges = this.spec.ranges.filter((r) => !sameRect(r, ref));
    return this.self();
  }

  clearRanges(): Builder {
    this.call("clearRanges");
    this.spec.ranges = [];
    return this.self();
  }

  getRanges(): Range[] {
    this.call("getRanges");
    return rangesOf(this.wb, this.spec.ranges);
  }

  /** Only Charts.ChartType values; anything else is a signature error. */
  setChartType(type: ChartTypeValue): Builder {
    this.call("setChartType");
    const name = memberOf(ChartType, type);
    if (name === null) throw signatureError(this.wb.kernel, "EmbeddedChartBuilder.setChartType", [type]);
    this.spec.chartType = name;
    return this.self();
  }

  /** The type set so far, or null. */
  getChartType(): ChartTypeValue {
    this.call("getChartType");
    return this.spec.chartType as unknown as ChartTypeValue;
  }

  /**
   * Anchors the chart's top-left corner to a cell of its sheet, offset by pixels. An anchor outside the sheet
   * or a negative offset is refused [UNCONFIRMED: texts are the core's bounds texts and "Invalid argument"].
   */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    this.call("setPosition");
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    requireIntegers(this.wb.kernel, "EmbeddedChartBuilder.setPosition", args);
    this.wb.settleSheet(this.home);
    if (anchorRowPos < 1 || anchorRowPos > this.home.maxRows) throw this.wb.exception(MESSAGES.rowsOutOfBounds);
    if (anchorColPos < 1 || anchorColPos > this.home.maxColumns) throw this.wb.exception(MESSAGES.columnsOutOfBounds);
    if (offsetX < 0) throw this.wb.exception("Invalid argument: offsetX");
    if (offsetY < 0) throw this.wb.exception("Invalid argument: offsetY");
    this.spec.anchor = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }

  getContainer(): ContainerInfo {
    this.call("getContainer");
    return containerInfo(this.wb, this.spec.anchor);
  }

  /** Stores the value as given, under the (possibly dotted) name; getOptions().get(name) returns it. */
  setOption(option: string, value: unknown): Builder {
    this.call("setOption");
    if (typeof option !== "string")
      throw signatureError(this.wb.kernel, "EmbeddedChartBuilder.setOption", [option, value]);
    this.spec.options.set(option, value);
    return this.self();
  }

  setNumHeaders(headers: number): Builder {
    this.call("setNumHeaders");
    requireIntegers(this.wb.kernel, "EmbeddedChartBuilder.setNumHeaders", [headers]);
    this.spec.numHeaders = headers;
    return this.self();
  }

  private as<T>(method: string, type: keyof typeof ChartType): T {
    this.call(method);
    this.spec.chartType = type;
    return this as unknown as T;
  }

  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.as("asAreaChart", "AREA");
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as("asBarChart", "BAR");
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as("asColumnChart", "COLUMN");
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as("asLineChart", "LINE");
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as("asPieChart", "PIE");
  }

  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this.as("asScatterChart", "SCATTER");
  }

  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.as("asTableChart", "TABLE");
  }

  /**
   * A chart value reflecting the builder; nothing changes on the sheet until insertChart/updateChart.
   * Building without ranges or without a chart type throws (texts [UNCONFIRMED]; ranges checked first).
   */
  build(): Chart {
    this.call("build");
    if (this.spec.ranges.length === 0) throw this.wb.exception(CHART_MESSAGES.noRanges);
    if (this.spec.chartType === null) throw this.wb.exception(CHART_MESSAGES.noChartType);
    return new FakeEmbeddedChart(this.wb, this.home, this.chartId, copySpec(this.spec)) as unknown as Chart;
  }
}

// ---------------------------------------------------------------------------------------------
// Chart objects
// ---------------------------------------------------------------------------------------------

/** ContainerInfo: the anchor as it was when asked (developers.google.com/apps-script/reference/spreadsheet/container-info). */
function containerInfo(wb: Workbook, anchor: ChartModel["anchor"]): ContainerInfo {
  const { row, column, offsetX, offsetY } = anchor;
  const read = (method: string, value: number) => () => {
    wb.call(`ContainerInfo.${method}`);
    return value;
  };
  return {
    getAnchorRow: read("getAnchorRow", row),
    getAnchorColumn: read("getAnchorColumn", column),
    getOffsetX: read("getOffsetX", offsetX),
    getOffsetY: read("getOffsetY", offsetY),
  };
}

type ChartMethods = "getChartId" | "getRanges" | "getOptions" | "getContainerInfo" | "getNumHeaders" | "modify";

/**
 * EmbeddedChart. From getCharts() it is a view of the stored chart (later shifts and updates show); from
 * build() it is a value that holds its own copy. Its calls are counted like other document objects'.
 */
export class FakeEmbeddedChart implements Pick<Chart, ChartMethods> {
  constructor(
    readonly wb: Workbook,
    /** The sheet the chart is (or is to be) on. */
    readonly home: SheetModel,
    /** The stored chart's id; null for a chart built by Sheet.newChart() (reference: "null if the chart is not in a spreadsheet"). */
    readonly chartId: number | null,
    readonly spec: ChartSpec,
  ) {}

  private call(method: string): void {
    this.wb.call(`EmbeddedChart.${method}`);
  }

  getChartId(): number | null {
    this.call("getChartId");
    return this.chartId;
  }

  getRanges(): Range[] {
    this.call("getRanges");
    return rangesOf(this.wb, this.spec.ranges);
  }

  /** ChartOptions: get(name) returns the value set, or null when the option was never set. */
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.call("getOptions");
    const options = new Map(this.spec.options);
    const wb = this.wb;
    return {
      get(option: string): unknown {
        wb.call("ChartOptions.get");
        if (typeof option !== "string") throw signatureError(wb.kernel, "ChartOptions.get", [option]);
        return options.has(option) ? options.get(option) : null;
      },
    };
  }

  getContainerInfo(): ContainerInfo {
    this.call("getContainerInfo");
    return containerInfo(this.wb, this.spec.anchor);
  }

  /** The number set with setNumHeaders, else -1 [UNCONFIRMED: what Apps Script reports for "automatic"]. */
  getNumHeaders(): number {
    this.call("getNumHeaders");
    return this.spec.numHeaders;
  }

  /** A builder starting from this chart; its build() keeps this chart's id, for Sheet.updateChart. */
  modify(): Builder {
    this.call("modify");
    return new FakeEmbeddedChartBuilder(this.wb, this.home, this.chartId, copySpec(this.spec)) as unknown as Builder;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet operations (the core counts the Sheet.* call itself)
// ---------------------------------------------------------------------------------------------

/** Sheet.newChart(): an empty builder anchored at A1 until setPosition [UNCONFIRMED default position]. */
export function newChart(wb: Workbook, sheet: SheetModel): Builder {
  const spec: ChartSpec = {
    chartType: null,
    ranges: [],
    anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: new Map(),
    numHeaders: -1,
  };
  return new FakeEmbeddedChartBuilder(wb, sheet, null, spec) as unknown as Builder;
}

/** The chart object behind an argument; anything this spreadsheet did not make is a signature error. */
function chartArgument(wb: Workbook, method: string, chart: unknown): FakeEmbeddedChart {
  if (chart instanceof FakeEmbeddedChart && chart.wb === wb) return chart;
  throw signatureError(wb.kernel, method, [chart]);
}

/**
 * Changing charts needs edit rights where the chart is anchored: a protected sheet (unless the anchor is in
 * one of its unprotected ranges), or a protected range over the anchor cell [UNCONFIRMED for ranges], refuses.
 */
function assertCanEditChart(wb: Workbook, sheet: SheetModel, anchor: ChartModel["anchor"]): void {
  assertCanEdit(wb, sheet, { row: anchor.row, column: anchor.column, numRows: 1, numColumns: 1 });
}

/** Sheet.insertChart(chart): stores a copy under a new id. */
export function insertChart(wb: Workbook, sheet: SheetModel, chart: unknown): void {
  const built = chartArgument(wb, "Sheet.insertChart", chart);
  if (built.home !== sheet) throw wb.exception(CHART_MESSAGES.otherSheet);
  if (built.chartId !== null) throw wb.exception(CHART_MESSAGES.alreadyInserted);
  const spec = copySpec(built.spec);
  assertCanEditChart(wb, sheet, spec.anchor);
  const model: ChartModel = { ...spec, chartType: spec.chartType as string, id: wb.newObjectId() };
  sheet.charts = [...(sheet.charts ?? []), model];
}

/** Sheet.getCharts(): views of the stored charts, in insertion order. */
export function chartsOf(wb: Workbook, sheet: SheetModel): Chart[] {
  return (sheet.charts ?? []).map((m) => new FakeEmbeddedChart(wb, sheet, m.id, m) as unknown as Chart);
}

function storedChart(wb: Workbook, sheet: SheetModel, method: string, chart: unknown): ChartModel {
  const given = chartArgument(wb, method, chart);
  const stored = (sheet.charts ?? []).find((m) => m.id === given.chartId);
  if (!stored || given.home !== sheet) throw wb.exception(CHART_MESSAGES.notOnSheet);
  return stored;
}

/** Sheet.removeChart(chart): the chart must be on this sheet. */
export function removeChart(wb: Workbook, sheet: SheetModel, chart: unknown): void {
  const stored = storedChart(wb, sheet, "Sheet.removeChart", chart);
  assertCanEditChart(wb, sheet, stored.anchor);
  sheet.charts = (sheet.charts ?? []).filter((m) => m !== stored);
}

/** Sheet.updateChart(chart): a chart rebuilt from modify() replaces the stored one with the same id. */
export function updateChart(wb: Workbook, sheet: SheetModel, chart: unknown): void {
  const stored = storedChart(wb, sheet, "Sheet.updateChart", chart);
  const spec = copySpec((chart as FakeEmbeddedChart).spec);
  assertCanEditChart(wb, sheet, stored.anchor);
  assertCanEditChart(wb, sheet, spec.anchor);
  Object.assign(stored, spec, { chartType: spec.chartType as string });
}
