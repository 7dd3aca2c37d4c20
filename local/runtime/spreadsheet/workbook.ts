/** The per-spreadsheet context shared by the Spreadsheet, Sheet, Range and Protection objects: call accounting, lookups, and the SpreadsheetContext handed to the validation, conditional-format and pivot modules. */

import { type Kernel, SCOPES } from "../kernel";
import { MAX_CELLS } from "../limits";
import { type A1Reference, parseA1, resolveA1 } from "./a1";
import { MESSAGES } from "./errors";
import { WorkbookFormulas } from "./formula-engine";
import { clearCells, readRect, writeComputedValues } from "./grid";
import type { CellValue, GridRangeRef, SheetModel, SpreadsheetContext, SpreadsheetModel } from "./model";
import { refreshPivotTables } from "./pivot";
import { FakeRange } from "./range";
import { FakeSheet } from "./sheet";
import { FakeSpreadsheet } from "./spreadsheet";
import { type SpreadsheetStore, scrambledId } from "./store";

/** Options of every call touching a document: authorization, and one of the two Sheets scopes. */
export const DOCUMENT_CALL = {
  needsAuth: true,
  scopes: [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets],
} as const;

export class Workbook implements SpreadsheetContext {
  readonly kernel: Kernel;
  /** The spreadsheet's formulas, evaluated by the formula engine. */
  readonly formulas: WorkbookFormulas;

  constructor(
    readonly store: SpreadsheetStore,
    readonly spreadsheet: SpreadsheetModel,
  ) {
    this.kernel = store.kernel;
    this.formulas = new WorkbookFormulas(spreadsheet, this.kernel);
  }

  /** Counts a call of a document method ("Class.method"), with the cells it reads or writes. */
  call(method: string, cells: { cellsRead?: number; cellsWritten?: number } = {}): void {
    this.kernel.call("Spreadsheet", method, { ...DOCUMENT_CALL, ...cells });
  }

  settleFormulas(): void {
    this.formulas.settle();
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

  writeComputed(ref: GridRangeRef, values: CellValue[][]): void {
    writeComputedValues(this.sheetById(ref.sheetId), ref, values);
  }

  clearRect(ref: GridRangeRef): void {
    clearCells(this.sheetById(ref.sheetId), ref, { contents: true, formats: true });
  }

  /** Set while batchChanges runs: whether a write happened that the pivot tables have not seen yet. */
  private pendingChange: { changed: boolean } | null = null;

  /** After a write into cells: formulas and pivot tables recompute, as Sheets does live. */
  cellsChanged(): void {
    this.formulas.changed();
    if (this.pendingChange) {
      this.pendingChange.changed = true;
      return;
    }
    if (this.spreadsheet.sheets.some((s) => s.pivotTables.length > 0)) {
      refreshPivotTables(this);
      this.formulas.changed();
    }
  }

  /**
   * Runs `body` (one service call writing several ranges, e.g. RangeList.setValue) with the pivot refresh of
   * cellsChanged() done once at its end, also when it throws; no script code runs in between, so nothing can
   * observe the difference.
   */
  batchChanges<T>(body: () => T): T {
    if (this.pendingChange) return body();
    const pending = { changed: false };
    this.pendingChange = pending;
    try {
      return body();
    } finally {
      this.pendingChange = null;
      if (pending.changed) this.cellsChanged();
    }
  }

  /** Throws when growing the spreadsheet by `extra` cells would pass the 10,000,000-cell limit (../limits MAX_CELLS). */
  assertCellLimit(extra: number): void {
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
    if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns)
      throw this.exception(MESSAGES.outsideSheet);
    return this.range(sheet, row, column, numRows, numColumns);
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
    const rect = resolveA1(parsed, target.maxRows, target.maxColumns);
    if (!rect) throw this.exception(MESSAGES.rangeNotFound);
    return this.range(target, rect.row, rect.column, rect.numRows, rect.numColumns);
  }
}
