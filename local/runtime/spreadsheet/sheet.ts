/** The Sheet class of the emulated service (developers.google.com/apps-script/reference/spreadsheet/sheet). */

import { chartsOf, insertChart, newChart, removeChart, updateChart } from "./charts";
import { conditionalFormatRulesOf, setConditionalFormatRules } from "./conditional-format-rules";
import { isInteger, MESSAGES, requireIntegers, sheetNameTaken, signatureError } from "./errors";
import { renameInFormulas } from "./formula-shift";
import { type ClearWhat, clearCells, lastContentColumn, lastContentRow, writeEntered } from "./grid";
import type { SheetModel } from "./model";
import { namedRangesOf } from "./named-ranges";
import { pivotTablesOf } from "./pivot";
import { assertCanEdit, createProtection, FakeProtection, protectionsOf } from "./protection";
import { FakeRangeList } from "./range-list";
import { copySheet } from "./sheet-copy";
import { activeCellOf, currentCellOf, nameTaken, selectRange } from "./spreadsheet";
import { deleteDimension, insertDimension } from "./structure";
import type { Workbook } from "./workbook";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type SheetMethods =
  | "getName"
  | "setName"
  | "getSheetId"
  | "getIndex"
  | "getParent"
  | "getRange"
  | "getRangeList"
  | "getDataRange"
  | "getLastRow"
  | "getLastColumn"
  | "getMaxRows"
  | "getMaxColumns"
  | "appendRow"
  | "insertRowsBefore"
  | "insertRowsAfter"
  | "insertRowBefore"
  | "insertRowAfter"
  | "insertColumnsBefore"
  | "insertColumnsAfter"
  | "insertColumnBefore"
  | "insertColumnAfter"
  | "deleteRow"
  | "deleteRows"
  | "deleteColumn"
  | "deleteColumns"
  | "hideSheet"
  | "showSheet"
  | "isSheetHidden"
  | "setFrozenRows"
  | "getFrozenRows"
  | "setFrozenColumns"
  | "getFrozenColumns"
  | "setColumnWidth"
  | "setColumnWidths"
  | "getColumnWidth"
  | "setTabColor"
  | "activate"
  | "clear"
  | "clearContents"
  | "protect"
  | "getProtections"
  | "getConditionalFormatRules"
  | "setConditionalFormatRules"
  | "getPivotTables"
  | "newChart"
  | "insertChart"
  | "getCharts"
  | "removeChart"
  | "updateChart"
  | "autoResizeColumns"
  | "getActiveCell"
  | "getActiveRange"
  | "getCurrentCell"
  | "setActiveRange"
  | "copyTo"
  | "getNamedRanges";

/** Column width Sheets gives a column nobody resized. */
const DEFAULT_COLUMN_WIDTH = 100;

export class FakeSheet implements Pick<Sheet, SheetMethods> {
  constructor(
    readonly workbook: Workbook,
    readonly model: SheetModel,
  ) {}

  private call(method: string): void {
    this.workbook.call(`Sheet.${method}`);
  }

  private self(): Sheet {
    return this as unknown as Sheet;
  }

  getName(): string {
    this.call("getName");
    return this.model.name;
  }

  setName(name: string): Sheet {
    this.call("setName");
    if (typeof name !== "string" || name === "") throw signatureError(this.workbook.kernel, "Sheet.setName", [name]);
    if (nameTaken(this.workbook, name, this.model)) throw this.workbook.exception(sheetNameTaken(name));
    renameInFormulas(this.workbook.spreadsheet, this.model, name);
    this.model.name = name;
    this.workbook.formulas.changed();
    return this.self();
  }

  getSheetId(): number {
    this.call("getSheetId");
    return this.model.id;
  }

  /** 1-based position among the sheets. */
  getIndex(): number {
    this.call("getIndex");
    return this.workbook.spreadsheet.sheets.indexOf(this.model) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.call("getParent");
    return this.workbook.spreadsheetObject() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). */
  getRange(...args: unknown[]): Range {
    this.call("getRange");
    const [row, column, numRows = 1, numColumns = 1] = args;
    if (args.length === 1 && typeof row === "string")
      return this.workbook.rangeByA1(row, this.model, true) as unknown as Range;
    if (args.length < 2 || args.length > 4 || !args.every(isInteger))
      throw signatureError(this.workbook.kernel, "Sheet.getRange", args);
    return this.workbook.checkedRange(
      this.model,
      row as number,
      column as number,
      numRows as number,
      numColumns as number,
    ) as unknown as Range;
  }

  /**
   * The ranges of a non-empty list of A1 notations on this sheet, in order
   * (developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)). Each notation is read
   * as getRange(a1Notation) reads it, with its errors ("Range not found"; R1C1 is not read, as there).
   * Elements that are not strings get the signature error (stricter than a conversion) [UNCONFIRMED]. The
   * reference asks for a non-empty list; an empty one is refused here with "Invalid argument: a1Notations"
   * [UNCONFIRMED: text, and whether Apps Script refuses it here or at the first use of the list].
   */
  getRangeList(...args: unknown[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.call("getRangeList");
    const [a1Notations] = args;
    if (args.length !== 1 || !Array.isArray(a1Notations) || !a1Notations.every((a1) => typeof a1 === "string"))
      throw signatureError(this.workbook.kernel, "Sheet.getRangeList", args);
    if (a1Notations.length === 0) throw this.workbook.exception("Invalid argument: a1Notations");
    const ranges = a1Notations.map((a1: string) => this.workbook.rangeByA1(a1, this.model, true));
    return new FakeRangeList(this.workbook, ranges) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }

  /** A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    this.call("getDataRange");
    this.settleContent();
    const rows = Math.max(1, lastContentRow(this.model));
    const columns = Math.max(1, lastContentColumn(this.model));
    return this.workbook.range(this.model, 1, 1, rows, columns) as unknown as Range;
  }

  getLastRow(): number {
    this.call("getLastRow");
    this.settleContent();
    return lastContentRow(this.model);
  }

  getLastColumn(): number {
    this.call("getLastColumn");
    this.settleContent();
    return lastContentColumn(this.model);
  }

  /**
   * Before the cells with content are looked for: formulas' array results fill cells below and beside them, and
   * pivot tables their output (both evaluated lazily, on read).
   */
  private settleContent(): void {
    this.workbook.settleValues(this.model, this.wholeSheet());
  }

  getMaxRows(): number {
    this.call("getMaxRows");
    this.workbook.settleSheet(this.model);
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.call("getMaxColumns");
    this.workbook.settleSheet(this.model);
    return this.model.maxColumns;
  }

  /**
   * Writes after the last row with content, interpreting values like setValues; the sheet grows by a row
   * (and by columns for a longer row [UNCONFIRMED]) when full.
   */
  appendRow(...args: unknown[][]): Sheet {
    const [rowContents] = args;
    this.workbook.call("Sheet.appendRow", { cellsWritten: Array.isArray(rowContents) ? rowContents.length : 0 });
    if (!Array.isArray(rowContents) || args.length !== 1)
      throw signatureError(this.workbook.kernel, "Sheet.appendRow", args);
    if (rowContents.length === 0) throw this.workbook.exception(MESSAGES.columnsAtLeastOne);
    this.settleContent();
    const row = lastContentRow(this.model) + 1;
    const ref = { row, column: 1, numRows: 1, numColumns: rowContents.length };
    const extraRows = row > this.model.maxRows ? 1 : 0;
    const extraColumns = Math.max(0, rowContents.length - this.model.maxColumns);
    assertCanEdit(this.workbook, this.model, ref);
    this.workbook.assertCellLimit(
      extraRows * (this.model.maxColumns + extraColumns) + extraColumns * this.model.maxRows,
    );
    this.model.maxRows += extraRows;
    this.model.maxColumns += extraColumns;
    writeEntered(this.workbook, this.model, ref, (_i, j) => rowContents[j], "Sheet.appendRow", [rowContents]);
    return this.self();
  }

  /** Shared checks of the insert methods; the texts for bad positions are [UNCONFIRMED]. */
  private insert(method: string, dim: "ROWS" | "COLUMNS", position: unknown, howMany: unknown, after: boolean): Sheet {
    this.call(method);
    const args = howMany === undefined ? [position] : [position, howMany];
    requireIntegers(this.workbook.kernel, `Sheet.${method}`, args);
    const pos = position as number;
    const count = (howMany ?? 1) as number;
    this.workbook.settleSheet(this.model);
    const max = dim === "ROWS" ? this.model.maxRows : this.model.maxColumns;
    const outOfBounds = dim === "ROWS" ? MESSAGES.rowsOutOfBounds : MESSAGES.columnsOutOfBounds;
    if (pos < 1 || pos > max || count < 1) throw this.workbook.exception(outOfBounds);
    insertDimension(this.workbook, this.model, dim, after ? pos + 1 : pos, count, pos);
    this.workbook.cellsChanged(this.model, this.wholeSheet());
    return this.self();
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insert("insertRowsBefore", "ROWS", beforePosition, howMany, false);
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insert("insertRowsAfter", "ROWS", afterPosition, howMany, true);
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insert("insertRowBefore", "ROWS", beforePosition, undefined, false);
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insert("insertRowAfter", "ROWS", afterPosition, undefined, true);
  }

  insertColumnsBefore(columnIndex: number, numColumns: number): Sheet {
    return this.insert("insertColumnsBefore", "COLUMNS", columnIndex, numColumns, false);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insert("insertColumnsAfter", "COLUMNS", afterPosition, howMany, true);
  }

  insertColumnBefore(beforePosition: number): Sheet {
    return this.insert("insertColumnBefore", "COLUMNS", beforePosition, undefined, false);
  }

  insertColumnAfter(afterPosition: number): Sheet {
    return this.insert("insertColumnAfter", "COLUMNS", afterPosition, undefined, true);
  }

  /** Shared checks of the delete methods: bounds, then "not possible to delete all non-frozen rows". */
  private remove(method: string, dim: "ROWS" | "COLUMNS", position: unknown, howMany: unknown): void {
    this.call(method);
    const args = howMany === undefined ? [position] : [position, howMany];
    requireIntegers(this.workbook.kernel, `Sheet.${method}`, args);
    const at = position as number;
    const count = (howMany ?? 1) as number;
    const rows = dim === "ROWS";
    this.workbook.settleSheet(this.model);
    const max = rows ? this.model.maxRows : this.model.maxColumns;
    if (at < 1 || count < 1 || at + count - 1 > max)
      throw this.workbook.exception(rows ? MESSAGES.rowsOutOfBounds : MESSAGES.columnsOutOfBounds);
    const frozen = rows ? this.model.frozenRows : this.model.frozenColumns;
    const frozenLeft = frozen - Math.max(0, Math.min(frozen, at + count - 1) - at + 1);
    if (max - count - frozenLeft <= 0)
      throw this.workbook.exception(rows ? MESSAGES.deleteAllRows : MESSAGES.deleteAllColumns);
    const ref = rows
      ? { row: at, column: 1, numRows: count, numColumns: this.model.maxColumns }
      : { row: 1, column: at, numRows: this.model.maxRows, numColumns: count };
    assertCanEdit(this.workbook, this.model, ref);
    deleteDimension(this.workbook, this.model, dim, at, count);
    this.workbook.cellsChanged(this.model, this.wholeSheet());
  }

  deleteRow(rowPosition: number): Sheet {
    this.remove("deleteRow", "ROWS", rowPosition, undefined);
    return this.self();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.remove("deleteRows", "ROWS", rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.remove("deleteColumn", "COLUMNS", columnPosition, undefined);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.remove("deleteColumns", "COLUMNS", columnPosition, howMany);
  }

  /** Hiding the only visible sheet throws; a hidden active sheet hands activity to the first visible one [UNCONFIRMED]. */
  hideSheet(): Sheet {
    this.call("hideSheet");
    const ss = this.workbook.spreadsheet;
    const visible = ss.sheets.filter((s) => !s.hidden);
    if (!this.model.hidden && visible.length === 1) throw this.workbook.exception(MESSAGES.hideAllSheets);
    this.model.hidden = true;
    if (this.workbook.activeSheetModel() === this.model) {
      ss.activeSheetIndex = ss.sheets.findIndex((s) => !s.hidden);
      ss.activeRange = null;
    }
    return this.self();
  }

  showSheet(): Sheet {
    this.call("showSheet");
    this.model.hidden = false;
    return this.self();
  }

  isSheetHidden(): boolean {
    this.call("isSheetHidden");
    return this.model.hidden;
  }

  /** Freezing every row is refused; its text is [UNCONFIRMED]. */
  setFrozenRows(rows: number): void {
    this.call("setFrozenRows");
    requireIntegers(this.workbook.kernel, "Sheet.setFrozenRows", [rows]);
    this.workbook.settleSheet(this.model);
    if (rows < 0 || rows >= this.model.maxRows) throw this.workbook.exception(MESSAGES.rowsOutOfBounds);
    this.model.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.call("getFrozenRows");
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.call("setFrozenColumns");
    requireIntegers(this.workbook.kernel, "Sheet.setFrozenColumns", [columns]);
    this.workbook.settleSheet(this.model);
    if (columns < 0 || columns >= this.model.maxColumns) throw this.workbook.exception(MESSAGES.columnsOutOfBounds);
    this.model.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this.call("getFrozenColumns");
    return this.model.frozenColumns;
  }

  private checkColumns(method: string, start: number, count: number, args: unknown[]): void {
    requireIntegers(this.workbook.kernel, `Sheet.${method}`, args);
    this.workbook.settleSheet(this.model);
    if (start < 1 || count < 1 || start + count - 1 > this.model.maxColumns)
      throw this.workbook.exception(MESSAGES.columnsOutOfBounds);
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.call("setColumnWidth");
    this.checkColumns("setColumnWidth", columnPosition, 1, [columnPosition, width]);
    this.model.columnWidths.set(columnPosition, width);
    return this.self();
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    this.call("setColumnWidths");
    this.checkColumns("setColumnWidths", startColumn, numColumns, [startColumn, numColumns, width]);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this.self();
  }

  getColumnWidth(columnPosition: number): number {
    this.call("getColumnWidth");
    this.checkColumns("getColumnWidth", columnPosition, 1, [columnPosition]);
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Resizing to fit needs rendered text; the call is counted and checked, the widths stay. */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    this.call("autoResizeColumns");
    this.checkColumns("autoResizeColumns", startColumn, numColumns, [startColumn, numColumns]);
    return this.self();
  }

  setTabColor(color: string | null): Sheet {
    this.call("setTabColor");
    if (color !== null && typeof color !== "string")
      throw signatureError(this.workbook.kernel, "Sheet.setTabColor", [color]);
    this.model.tabColor = color;
    return this.self();
  }

  activate(): Sheet {
    this.call("activate");
    const ss = this.workbook.spreadsheet;
    ss.activeSheetIndex = ss.sheets.indexOf(this.model);
    ss.activeRange = null;
    return this.self();
  }

  private wholeSheet() {
    return { row: 1, column: 1, numRows: this.model.maxRows, numColumns: this.model.maxColumns };
  }

  /** Clears contents and formats; notes and validation stay [UNCONFIRMED]. */
  clear(): Sheet {
    this.call("clear");
    return this.clearAll({ contents: true, formats: true });
  }

  clearContents(): Sheet {
    this.call("clearContents");
    return this.clearAll({ contents: true });
  }

  private clearAll(what: ClearWhat): Sheet {
    this.workbook.settleSheet(this.model);
    const whole = this.wholeSheet();
    assertCanEdit(this.workbook, this.model, whole);
    clearCells(this.model, whole, what);
    this.workbook.cellsChanged(this.model, whole);
    return this.self();
  }

  /** The sheet's protection: the existing one if any (reference), else a new one mirroring the file's editors. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.call("protect");
    const existing = this.workbook.spreadsheet.protections.find(
      (p) => p.type === "SHEET" && p.range.sheetId === this.model.id,
    );
    const model =
      existing ?? createProtection(this.workbook, "SHEET", { sheetId: this.model.id, ...this.wholeSheet() });
    return new FakeProtection(this.workbook, model) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.call("getProtections");
    return protectionsOf(
      this.workbook,
      "Sheet.getProtections",
      type,
      this.model,
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.call("getConditionalFormatRules");
    return conditionalFormatRulesOf(this.workbook, this.model);
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.call("setConditionalFormatRules");
    setConditionalFormatRules(this.workbook, this.model, rules);
  }

  getPivotTables(): GoogleAppsScript.Spreadsheet.PivotTable[] {
    this.call("getPivotTables");
    return pivotTablesOf(this.workbook, this.model);
  }

  // Embedded charts live in ./charts; these count the call and delegate.

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.call("newChart");
    return newChart(this.workbook, this.model);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call("insertChart");
    insertChart(this.workbook, this.model, chart);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.call("getCharts");
    return chartsOf(this.workbook, this.model);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call("removeChart");
    removeChart(this.workbook, this.model, chart);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call("updateChart");
    updateChart(this.workbook, this.model, chart);
  }

  // The selection (developers.google.com/apps-script/reference/spreadsheet/sheet#getActiveRange()).

  /** "Returns the active cell in this sheet": the selection's top-left cell, or A1 when nothing is selected here [UNCONFIRMED]. */
  getActiveCell(): Range {
    this.call("getActiveCell");
    return activeCellOf(this.workbook, this.model) as unknown as Range;
  }

  /** "Returns the selected range in the active sheet, or null if there is no active range." */
  getActiveRange(): Range | null {
    this.call("getActiveRange");
    const ref = this.workbook.spreadsheet.activeRange;
    return ref ? this.workbook.rangeOf(ref) : null;
  }

  /** "Returns the current cell in the active sheet or null if there is no current cell": the selection's top-left cell. */
  getCurrentCell(): Range | null {
    this.call("getCurrentCell");
    return currentCellOf(this.workbook);
  }

  /**
   * "Sets the specified range as the active range in the active sheet, with the top left cell in the range as the
   * current cell." A range of another sheet is refused [UNCONFIRMED text]; this sheet becomes the active one.
   */
  setActiveRange(...args: unknown[]): Range {
    this.call("setActiveRange");
    const [range] = args;
    if (args.length !== 1 || typeof range !== "object" || range === null)
      throw signatureError(this.workbook.kernel, "Sheet.setActiveRange", args);
    const ref = this.workbook.refOf(range as Range);
    if (ref.sheetId !== this.model.id) throw this.workbook.exception("Invalid argument: range");
    selectRange(this.workbook, this.workbook.range(this.model, ref.row, ref.column, ref.numRows, ref.numColumns));
    return range as Range;
  }

  /** The copy, "Copy of <name>", in the given spreadsheet (./sheet-copy). */
  copyTo(...args: unknown[]): Sheet {
    this.call("copyTo");
    // The copy holds the cells as Sheets shows them: pivot output is copied as values.
    this.workbook.settlePivots();
    const copied = args.length === 1 ? copySheet(this.model, args[0]) : null;
    if (!copied) throw signatureError(this.workbook.kernel, "Sheet.copyTo", args);
    return copied.wb.sheetObject(copied.copy) as unknown as Sheet;
  }

  /** "Gets all the named ranges in this sheet." */
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    this.call("getNamedRanges");
    return namedRangesOf(this.workbook, this.model.id);
  }
}
