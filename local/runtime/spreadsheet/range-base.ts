/** The geometry of an emulated Range (position, size, A1 notation, offsets) and the helpers its subclasses share. */

import { columnsMismatch, MESSAGES, requireIntegers, rowsMismatch, signatureError } from "./errors";
import { type ClearWhat, clearCells, updateRect } from "./grid";
import { a1Of, type Cell, type GridRangeRef, type SheetModel } from "./model";
import { assertCanEdit } from "./protection";
import type { Workbook } from "./workbook";

type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Checks a 2-D argument against the range's size with Apps Script's messages: the rows first, then the
 * columns of the first row that differs.
 */
export function checkShape(
  wb: Workbook,
  method: string,
  data: unknown,
  numRows: number,
  numColumns: number,
): unknown[][] {
  if (!Array.isArray(data) || !data.every(Array.isArray)) throw signatureError(wb.kernel, method, [data]);
  if (data.length !== numRows) throw wb.exception(rowsMismatch(data.length, numRows));
  for (const line of data as unknown[][])
    if (line.length !== numColumns) throw wb.exception(columnsMismatch(line.length, numColumns));
  return data as unknown[][];
}

export class RangeBase {
  constructor(
    readonly workbook: Workbook,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  /** The rectangle (what SpreadsheetContext.refOf returns). */
  ref(): GridRangeRef {
    const { row, column, numRows, numColumns } = this;
    return { sheetId: this.sheet.id, row, column, numRows, numColumns };
  }

  protected get size(): number {
    return this.numRows * this.numColumns;
  }

  protected self(): Range {
    return this as unknown as Range;
  }

  /** The class counters and errors name: "Range" (the ranges a RangeList call works on name "RangeList"). */
  protected get className(): string {
    return "Range";
  }

  protected call(method: string, cells: { cellsRead?: number; cellsWritten?: number } = {}): void {
    this.workbook.call(`${this.className}.${method}`, cells);
  }

  protected fail(method: string, args: unknown[]): Error {
    return signatureError(this.workbook.kernel, `${this.className}.${method}`, args);
  }

  /**
   * Changes the cells' properties (formats, notes, validation) after the protection check; counted as cells
   * written. Pivots reading the cells show them anew; those whose output may lie here are rendered first.
   */
  protected update(apply: (cell: Cell, i: number, j: number) => void): Range {
    this.workbook.settleBefore(this.sheet, this);
    assertCanEdit(this.workbook, this.sheet, this);
    updateRect(this.sheet, this, apply);
    this.workbook.formatsChanged(this.sheet, this);
    return this.self();
  }

  protected clearing(method: string, what: ClearWhat): Range {
    this.call(method, { cellsWritten: this.size });
    this.workbook.settleBefore(this.sheet, this);
    assertCanEdit(this.workbook, this.sheet, this);
    clearCells(this.sheet, this, what);
    if (what.contents) this.workbook.cellsChanged(this.sheet, this);
    else this.workbook.formatsChanged(this.sheet, this);
    return this.self();
  }

  /** Before the cells' formats or formulas are read: stale pivot output there is rendered (it sets and clears them). */
  protected settleCells(): void {
    this.workbook.settleBefore(this.sheet, this);
  }

  getRow(): number {
    this.call("getRow");
    return this.row;
  }

  getColumn(): number {
    this.call("getColumn");
    return this.column;
  }

  getNumRows(): number {
    this.call("getNumRows");
    return this.numRows;
  }

  getNumColumns(): number {
    this.call("getNumColumns");
    return this.numColumns;
  }

  /** The end row of the range (not of the data). */
  getLastRow(): number {
    this.call("getLastRow");
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    this.call("getLastColumn");
    return this.column + this.numColumns - 1;
  }

  /** Always bounded ("A1:A1000" even for a range got as "A:A") [UNCONFIRMED]. */
  getA1Notation(): string {
    this.call("getA1Notation");
    return a1Of(this);
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.call("getSheet");
    return this.workbook.sheetObject(this.sheet) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  offset(...args: number[]): Range {
    this.call("offset");
    if (args.length < 2 || args.length > 4) throw this.fail("offset", args);
    requireIntegers(this.workbook.kernel, "Range.offset", args);
    const [rowOffset = 0, columnOffset = 0, numRows, numColumns] = args;
    return this.workbook.checkedRange(
      this.sheet,
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    ) as unknown as Range;
  }

  /** A cell of the range, 1-based relative to its top-left corner. */
  getCell(...args: number[]): Range {
    this.call("getCell");
    if (args.length !== 2) throw this.fail("getCell", args);
    requireIntegers(this.workbook.kernel, "Range.getCell", args);
    const [row = 0, column = 0] = args;
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns)
      throw this.workbook.exception(MESSAGES.cellOutOfRange);
    return this.workbook.range(this.sheet, this.row + row - 1, this.column + column - 1, 1, 1) as unknown as Range;
  }

  protected topLeft(): Cell | undefined {
    return this.sheet.rows[this.row - 1]?.[this.column - 1];
  }
}
