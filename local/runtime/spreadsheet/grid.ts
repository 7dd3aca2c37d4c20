/** Cell storage of a sheet: reading values as getValues() returns them, user-entered writes with their checks, computed writes, clearing, and the last row/column with content. */

import { isDate, MESSAGES, signatureError, validationViolation } from "./errors";
import { a1Of, type Cell, type CellValue, type GridRangeRef, type SheetModel, shownFormat } from "./model";
import { dateFormatsOf, displayValue, isDateTimeFormat, msToSerial, serialToMs } from "./number-format";
import { assertCanEdit } from "./protection";
import { interpretEntered } from "./user-entered";
import { rejectsValue } from "./validation-check";
import { type PendingValue, rejectsByFormula } from "./validation-formula";
import type { Workbook } from "./workbook";

/** The cell properties that are formatting (cleared by clearFormat, inherited by inserted rows/columns). */
export const FORMAT_KEYS = [
  "numberFormat",
  "background",
  "fontColor",
  "fontWeight",
  "horizontalAlignment",
  "wrap",
] as const;

/** Apps Script caps one cell at 50,000 characters. */
const MAX_CELL_CHARACTERS = 50_000;

export function cellAt(sheet: SheetModel, row: number, column: number): Cell | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

export function ensureCell(sheet: SheetModel, row: number, column: number): Cell {
  let cells = sheet.rows[row - 1];
  if (!cells) {
    cells = [];
    sheet.rows[row - 1] = cells;
  }
  let cell = cells[column - 1];
  if (!cell) {
    cell = { value: "" };
    cells[column - 1] = cell;
  }
  return cell;
}

/** True when a cell holds a value or a formula (what getLastRow/getLastColumn look for). */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
}

/** A cell's value as getDisplayValues() shows it. */
export function shownText(cell: Cell): string {
  assertEvaluated(cell);
  return displayValue(cell.value, shownFormat(cell));
}

/** A cell's value as getValues() returns it: "" for empty, and a Date (current realm) for date/time formats. */
export function outputValue(wb: Workbook, cell: Cell | undefined): unknown {
  if (cell === undefined) return "";
  assertEvaluated(cell);
  const value = cell.value;
  const format = shownFormat(cell);
  if (typeof value === "number" && format !== undefined && isDateTimeFormat(format)) {
    // Serials are wall-clock times of the spreadsheet's zone (developers.google.com/apps-script/reference/spreadsheet/range#getValues()).
    return wb.kernel.newDate(serialToMs(value, wb.spreadsheet.timeZone));
  }
  return value;
}

/** Fresh rows of values for a rectangle; O(cells), no per-cell string work. */
export function readRect(wb: Workbook, sheet: SheetModel, ref: Omit<GridRangeRef, "sheetId">): unknown[][] {
  wb.settleValues(sheet, ref);
  const out: unknown[][] = new Array(ref.numRows);
  for (let i = 0; i < ref.numRows; i++) {
    const cells = sheet.rows[ref.row - 1 + i];
    const line: unknown[] = new Array(ref.numColumns);
    for (let j = 0; j < ref.numColumns; j++) line[j] = cells ? outputValue(wb, cells[ref.column - 1 + j]) : "";
    out[i] = line;
  }
  return out;
}

/** Maps every cell of a rectangle (existing or not) through `read`. */
export function mapRect<T>(
  sheet: SheetModel,
  ref: Omit<GridRangeRef, "sheetId">,
  read: (cell: Cell | undefined) => T,
): T[][] {
  const out: T[][] = new Array(ref.numRows);
  for (let i = 0; i < ref.numRows; i++) {
    const cells = sheet.rows[ref.row - 1 + i];
    const line: T[] = new Array(ref.numColumns);
    for (let j = 0; j < ref.numColumns; j++) line[j] = read(cells?.[ref.column - 1 + j]);
    out[i] = line;
  }
  return out;
}

/** Applies `update` to every cell of a rectangle, creating cells as needed. */
export function updateRect(
  sheet: SheetModel,
  ref: Omit<GridRangeRef, "sheetId">,
  update: (cell: Cell, i: number, j: number) => void,
): void {
  for (let i = 0; i < ref.numRows; i++)
    for (let j = 0; j < ref.numColumns; j++) update(ensureCell(sheet, ref.row + i, ref.column + j), i, j);
}

/** Last row with content (0 when none); scans from the bottom. */
export function lastContentRow(sheet: SheetModel): number {
  for (let r = Math.min(sheet.rows.length, sheet.maxRows); r >= 1; r--) {
    if (sheet.rows[r - 1]?.some(hasContent)) return r;
  }
  return 0;
}

/** Last column with content (0 when none); one linear pass over the stored cells. */
export function lastContentColumn(sheet: SheetModel): number {
  let last = 0;
  for (const cells of sheet.rows) {
    if (!cells) continue;
    for (let c = cells.length; c > last; c--) {
      if (hasContent(cells[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/**
 * Writes values as Range.setValues does (strings interpreted as typed, Dates as serials of the spreadsheet's
 * zone): checks protection, the 50,000-character limit and data validation before changing anything. A stale
 * pivot whose output may lie there is rendered first, as Sheets had rendered it by then.
 */
export function writeEntered(
  wb: Workbook,
  sheet: SheetModel,
  ref: Omit<GridRangeRef, "sheetId">,
  valueAt: (i: number, j: number) => unknown,
  method: string,
  args: readonly unknown[],
): void {
  wb.settleBefore(sheet, ref);
  assertCanEdit(wb, sheet, ref);
  const { locale, timeZone } = wb.spreadsheet;
  const now = wb.kernel.now();
  const { numRows, numColumns } = ref;
  const values: CellValue[] = new Array(numRows * numColumns);
  const formulas = new Map<number, string>();
  const formats = new Map<number, string>();
  let validated = false;
  for (let i = 0; i < numRows; i++) {
    const cells = sheet.rows[ref.row - 1 + i];
    for (let j = 0; j < numColumns; j++) {
      const k = i * numColumns + j;
      const cell = cells?.[ref.column - 1 + j];
      if (cell?.validation !== undefined) validated = true;
      const input = valueAt(i, j);
      if (typeof input === "string") {
        if (input.length > MAX_CELL_CHARACTERS) throw wb.exception(MESSAGES.tooManyCharacters);
        if (input === "") {
          values[k] = "";
          continue;
        }
        const plainText = cell?.numberFormat === "@";
        const entered = interpretEntered(input, { locale, timeZone, now, plainText });
        values[k] = entered.value;
        if (entered.formula !== undefined) formulas.set(k, entered.formula);
        if (entered.format !== undefined && cell?.numberFormat === undefined) formats.set(k, entered.format);
      } else if ((typeof input === "number" && Number.isFinite(input)) || typeof input === "boolean") {
        values[k] = input;
      } else if (input === null || input === undefined) {
        values[k] = "";
      } else if (isDate(input) && !Number.isNaN(input.getTime())) {
        values[k] = msToSerial(input.getTime(), timeZone);
        if (cell?.numberFormat === undefined) formats.set(k, dateFormatsOf(locale).dateTime);
      } else {
        // Objects, functions, NaN/Infinity and Invalid Dates are refused (stricter) [UNCONFIRMED].
        throw signatureError(wb.kernel, method, args);
      }
    }
  }
  if (validated) checkValidation(wb, sheet, ref, values, formulas);
  commit(wb, sheet, ref, values, formulas, formats);
  wb.cellsChanged(sheet, ref);
}

/** Writing a value a rejecting rule refuses throws, naming the cell; formula cells are not checked [UNCONFIRMED]. */
function checkValidation(
  wb: Workbook,
  sheet: SheetModel,
  ref: Omit<GridRangeRef, "sheetId">,
  values: CellValue[],
  formulas: Map<number, string>,
): void {
  // Every value of the write, for custom-formula rules that read the cells around them (built when first needed).
  let write: PendingValue[] | null = null;
  const pendingOf = () => {
    write ??= values.map((value, k) => ({
      row: ref.row + Math.floor(k / ref.numColumns),
      column: ref.column + (k % ref.numColumns),
      value,
    }));
    return write;
  };
  for (let i = 0; i < ref.numRows; i++) {
    for (let j = 0; j < ref.numColumns; j++) {
      const k = i * ref.numColumns + j;
      const cell = cellAt(sheet, ref.row + i, ref.column + j);
      const rule = cell?.validation;
      if (cell === undefined || rule === undefined || formulas.has(k)) continue;
      const value = values[k] as CellValue;
      const pending = { row: ref.row + i, column: ref.column + j, value };
      if (rejectsValue(rule, value, wb) || rejectsByFormula(wb, sheet, cell, pending, pendingOf())) {
        const a1 = a1Of({ row: ref.row + i, column: ref.column + j, numRows: 1, numColumns: 1 });
        throw wb.exception(validationViolation(a1));
      }
    }
  }
}

function commit(
  wb: Workbook,
  sheet: SheetModel,
  ref: Omit<GridRangeRef, "sheetId">,
  values: CellValue[],
  formulas: Map<number, string>,
  formats: Map<number, string>,
): void {
  for (let i = 0; i < ref.numRows; i++) {
    for (let j = 0; j < ref.numColumns; j++) {
      const k = i * ref.numColumns + j;
      const value = values[k] as CellValue;
      const formula = formulas.get(k);
      if (value === "" && formula === undefined && cellAt(sheet, ref.row + i, ref.column + j) === undefined) continue;
      const cell = ensureCell(sheet, ref.row + i, ref.column + j);
      setValue(cell, value);
      if (formula !== undefined) cell.formula = formula;
      const format = formats.get(k);
      if (format !== undefined) cell.numberFormat = format;
    }
  }
  // A formula's value is computed by the spreadsheet's formula engine on the next read (Workbook.call).
  if (formulas.size > 0) wb.formulas.formulaWritten();
}

/**
 * Puts a plain value in a cell: no formula, not a spilled value of another cell's array formula any more. Each key
 * is deleted only when present: `delete` of an absent key still costs a call into V8's runtime, which at millions of
 * cells written was a large part of a bench run.
 */
export function setValue(cell: Cell, value: CellValue): void {
  cell.value = value;
  if ("formula" in cell) delete cell.formula;
  if ("spill" in cell) delete cell.spill;
  if ("resultFormat" in cell) delete cell.resultFormat;
  if ("notEmulated" in cell) delete cell.notEmulated;
}

/** Reading a formula the runtime cannot evaluate fails loudly (Google would compute it; the runtime will not guess). */
export function assertEvaluated(cell: Cell): void {
  if (cell.notEmulated !== undefined && cell.formula !== undefined) throw new Error(cell.notEmulated);
}

/** Writes computed values (pivot output) as they are: no parsing, checks or counting; formats are kept. */
export function writeComputedValues(sheet: SheetModel, ref: GridRangeRef, values: CellValue[][]): void {
  updateRect(sheet, ref, (cell, i, j) => setValue(cell, values[i]?.[j] ?? ""));
}

/** What a clear removes. */
export interface ClearWhat {
  contents?: boolean;
  formats?: boolean;
  notes?: boolean;
  validations?: boolean;
}

/** Clears parts of the existing cells of a rectangle. */
export function clearCells(sheet: SheetModel, ref: Omit<GridRangeRef, "sheetId">, what: ClearWhat): void {
  const lastRow = Math.min(ref.row + ref.numRows - 1, sheet.rows.length);
  for (let r = ref.row; r <= lastRow; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells) continue;
    const lastColumn = Math.min(ref.column + ref.numColumns - 1, cells.length);
    for (let c = ref.column; c <= lastColumn; c++) {
      const cell = cells[c - 1];
      if (!cell) continue;
      if (what.contents) setValue(cell, "");
      if (what.formats) for (const key of FORMAT_KEYS) delete cell[key];
      if (what.notes) delete cell.note;
      if (what.validations) {
        delete cell.validation;
        delete cell.validationOffset;
      }
    }
  }
}
