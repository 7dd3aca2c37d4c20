/** The per-spreadsheet context shared by the Spreadsheet, Sheet, Range and Protection objects: call accounting, lookups, settling formulas and pivot tables before reads, and the SpreadsheetContext handed to the validation, conditional-format and pivot modules. */

import { type Kernel, SCOPES } from "../kernel";
import { MAX_CELLS } from "../limits";
import { type A1Reference, parseA1, resolveA1 } from "./a1";
import { MESSAGES } from "./errors";
import { WorkbookFormulas } from "./formula-engine";
import { clearCells, readRect, writeComputedValues } from "./grid";
import type { CellValue, GridRangeRef, SheetModel, SpreadsheetContext, SpreadsheetModel } from "./model";
import { StalePivots } from "./pivot-staleness";
import { FakeRange } from "./range";
import { FakeSheet } from "./sheet";
import { FakeSpreadsheet } from "./spreadsheet";
import { type SpreadsheetStore, scrambledId } from "./store";

/** Options of every call touching a document: authorization, and one of the two Sheets scopes. */
export const DOCUMENT_CALL = {
  needsAuth: true,
  scopes: [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets],
} as const;

/** A rectangle of one sheet, without the sheet. */
type Rect = Omit<GridRangeRef, "sheetId">;

function gridRef(sheet: SheetModel, rect: Rect): GridRangeRef {
  return { sheetId: sheet.id, row: rect.row, column: rect.column, numRows: rect.numRows, numColumns: rect.numColumns };
}

function wholeSheet(sheet: SheetModel): GridRangeRef {
  return { sheetId: sheet.id, row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
}

export class Workbook implements SpreadsheetContext {
  readonly kernel: Kernel;
  /** The spreadsheet's formulas, evaluated by the formula engine once the stale pivot tables are settled. */
  readonly formulas: WorkbookFormulas;
  /** The pivot tables writes left stale, recomputed before anything can observe them. */
  private readonly pivots: StalePivots;

  constructor(
    readonly store: SpreadsheetStore,
    readonly spreadsheet: SpreadsheetModel,
  ) {
    this.kernel = store.kernel;
    this.pivots = new StalePivots(this);
    this.formulas = new WorkbookFormulas(spreadsheet, this.kernel, () => this.settlePivots());
  }

  /** Counts a call of a document method ("Class.method"), with the cells it reads or writes. */
  call(method: string, cells: { cellsRead?: number; cellsWritten?: number } = {}): void {
    this.kernel.call("Spreadsheet", method, { ...DOCUMENT_CALL, ...cells });
  }

  /** Before a pivot renders: the stale pivots (./model SpreadsheetContext). */
  settleFormulas(): void {
    this.settlePivots();
  }

  exception(message: string): Error {
    return this.kernel.exception(message);
  }

  sheetById(sheetId: number): SheetModel {
    const sheet = this.spreadsheet.sheets.find((s) => s.id === sheetId);
    if (!sheet) throw new Error(`spreadsheet ${this.spreadsheet.id} has no sheet with id ${sheetId}`);
    return sheet;
  }

  rangeOf(ref: GridRangeRef): GoogleAppsScript.Spreadsheet.Range {
    const range = this.range(this.sheetById(ref.sheetId), ref.row, ref.column, ref.numRows, ref.numColumns);
    return range as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  /** Foreign objects (or ranges of another spreadsheet) are refused with Apps Script's generic text [UNCONFIRMED]. */
  refOf(range: GoogleAppsScript.Spreadsheet.Range): GridRangeRef {
    if (range instanceof FakeRange && range.workbook === this) return range.ref();
    throw this.exception("Invalid argument: range");
  }

  readValues(ref: GridRangeRef): unknown[][] {
    return readRect(this, this.sheetById(ref.sheetId), ref);
  }

  /** A pivot's output written: formulas and the pivots reading those cells see it. */
  writeComputed(ref: GridRangeRef, values: CellValue[][]): void {
    writeComputedValues(this.sheetById(ref.sheetId), ref, values);
    this.formulas.changed();
    this.pivots.sourceChanged(ref);
  }

  /** A pivot's old output cleared, with the same consequences as writeComputed. */
  clearRect(ref: GridRangeRef): void {
    clearCells(this.sheetById(ref.sheetId), ref, { contents: true, formats: true });
    this.formulas.changed();
    this.pivots.sourceChanged(ref);
  }

  /**
   * Renders the pivot tables writes left stale (Sheets recomputes a pivot as its source changes; here it happens
   * when something could see the difference). Formulas stay lazy: they are evaluated for the pivots only.
   */
  settlePivots(): void {
    this.pivots.settle(() => this.formulas.settle());
  }

  /**
   * Before a write into `rect` of `sheet`, or a read of its cells' formats or formulas: the stale pivots whose
   * output may lie there are rendered, so the write lands on, or the read sees, the cells Sheets has there now.
   */
  settleBefore(sheet: SheetModel, rect: Rect): void {
    if (this.pivots.reaches(gridRef(sheet, rect))) this.settlePivots();
  }

  /**
   * Before values of `rect` of `sheet` are read: the stale pivots whose output may lie there, then the formulas
   * (which may read any pivot's output, so all stale pivots are rendered first when the spreadsheet has formulas).
   */
  settleValues(sheet: SheetModel, rect: Rect): void {
    this.settleBefore(sheet, rect);
    if (this.formulas.present) this.formulas.settle();
  }

  /** Before the size of `sheet` is read or relied on: stale pivots anchored on it may grow it. */
  settleSheet(sheet: SheetModel): void {
    if (this.pivots.anchoredOn(sheet)) this.settlePivots();
  }

  /** A sheet by id for code relying on its size (whole rows and columns): settleSheet first. */
  sizedSheet(sheetId: number): SheetModel {
    const sheet = this.sheetById(sheetId);
    this.settleSheet(sheet);
    return sheet;
  }

  /** Set while batchChanges runs: the marks its writes call for, made once it ends. */
  private pendingMarks: (() => void)[] | null = null;

  private markStale(mark: () => void): void {
    if (this.pendingMarks) this.pendingMarks.push(mark);
    else mark();
  }

  /**
   * After values of `rect` of `sheet` changed (all of a sheet whose rows or columns moved), or anything may have
   * (without them: the locale or zone changed): formulas recompute on the next read, and the pivots that may see the
   * change are marked stale (./pivot-staleness), every pivot when formulas may carry the change anywhere.
   */
  cellsChanged(sheet?: SheetModel, rect?: Rect): void {
    this.formulas.changed();
    const area = sheet && rect ? gridRef(sheet, rect) : null;
    this.markStale(() => {
      if (area === null || this.formulas.present) this.pivots.markAll();
      else this.pivots.valuesChanged(area);
    });
  }

  /** After formats (or notes, validation) of `rect` changed: pivots reading those cells show them differently. */
  formatsChanged(sheet: SheetModel, rect: Rect): void {
    const area = gridRef(sheet, rect);
    this.markStale(() => this.pivots.sourceChanged(area));
  }

  /** After `sheet` was deleted: pivots reading it show #REF!, formulas reading it too. */
  sheetDeleted(sheet: SheetModel): void {
    this.cellsChanged(sheet, wholeSheet(sheet));
  }

  /**
   * Runs `body` (one service call writing several ranges, e.g. RangeList.setValue) with the stale marks of its
   * writes made once at its end, also when it throws: a range of the call written into a pivot's territory does
   * not render a pivot an earlier range of the same call made stale (no script code runs in between).
   */
  batchChanges<T>(body: () => T): T {
    if (this.pendingMarks) return body();
    const pending: (() => void)[] = [];
    this.pendingMarks = pending;
    try {
      return body();
    } finally {
      this.pendingMarks = null;
      for (const mark of pending) mark();
    }
  }

  /**
   * Throws when growing the spreadsheet by `extra` cells would pass the 10,000,000-cell limit (../limits MAX_CELLS),
   * counting the rows and columns stale pivots grow their sheets by.
   */
  assertCellLimit(extra: number): void {
    this.settlePivots();
    const total = this.spreadsheet.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
    if (total + extra > MAX_CELLS) throw this.exception(MESSAGES.cellLimit);
  }

  /** A deterministic id for a new protection or piece of developer metadata. */
  newObjectId(): number {
    return scrambledId(this.spreadsheet.nextObjectId++ + 7919);
  }

  /** The person typing in the Sheets UI while runtime.userEdit writes for them outside any execution (../edit-events). */
  editingPerson: string | null = null;

  /** The user the running execution acts as, else the person editing; null otherwise (tests inspecting the workbook). */
  actingUser(): string | null {
    return this.kernel.execution?.effectiveUser ?? this.editingPerson;
  }

  activeSheetModel(): SheetModel {
    const { sheets, activeSheetIndex } = this.spreadsheet;
    return sheets[activeSheetIndex] ?? (sheets[0] as SheetModel);
  }

  spreadsheetObject(): FakeSpreadsheet {
    return new FakeSpreadsheet(this);
  }

  sheetObject(sheet: SheetModel): FakeSheet {
    return new FakeSheet(this, sheet);
  }

  range(sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number): FakeRange {
    return new FakeRange(this, sheet, row, column, numRows, numColumns);
  }

  /** A range by coordinates, with Sheet.getRange's bounds errors (developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)). */
  checkedRange(sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number): FakeRange {
    if (row < 1) throw this.exception(MESSAGES.startRowTooSmall);
    if (column < 1) throw this.exception(MESSAGES.startColumnTooSmall);
    if (numRows < 1) throw this.exception(MESSAGES.rowsAtLeastOne);
    if (numColumns < 1) throw this.exception(MESSAGES.columnsAtLeastOne);
    const outside = () => row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns;
    if (outside()) this.settleSheet(sheet);
    if (outside()) throw this.exception(MESSAGES.outsideSheet);
    return this.settledRange(sheet, { row, column, numRows, numColumns });
  }

  /** A range whose cells a stale pivot may cover comes after that pivot is rendered (edit events read cells directly). */
  private settledRange(sheet: SheetModel, rect: Rect): FakeRange {
    this.settleBefore(sheet, rect);
    return this.range(sheet, rect.row, rect.column, rect.numRows, rect.numColumns);
  }

  /** The range an A1 string names, on its own sheet ("Sheet1!A1") or on `sheet`; throws "Range not found". */
  rangeByA1(text: string, sheet: SheetModel, sheetPrefixMustMatch: boolean): FakeRange {
    const parsed: A1Reference | null = parseA1(text);
    if (!parsed) throw this.exception(MESSAGES.rangeNotFound);
    let target = sheet;
    if (parsed.sheetName !== null) {
      const named = this.spreadsheet.sheets.find((s) => s.name === parsed.sheetName);
      // Sheet.getRange("Other!A1") is refused rather than redirected (stricter) [UNCONFIRMED].
      if (!named || (sheetPrefixMustMatch && named !== sheet)) throw this.exception(MESSAGES.rangeNotFound);
      target = named;
    }
    // A1 beyond the grid gives "Range not found" [UNCONFIRMED: getRange(row, column) gives the "outside" text].
    // Whole rows or columns ("A:A") and ranges past the grid depend on its size, which stale pivots may grow.
    const openEnded = parsed.endRow === null || parsed.endColumn === null;
    let rect = openEnded ? null : resolveA1(parsed, target.maxRows, target.maxColumns);
    if (!rect) {
      this.settleSheet(target);
      rect = resolveA1(parsed, target.maxRows, target.maxColumns);
    }
    if (!rect) throw this.exception(MESSAGES.rangeNotFound);
    return this.settledRange(target, rect);
  }
}
