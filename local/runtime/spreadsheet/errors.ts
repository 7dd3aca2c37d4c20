/** The exact texts of the errors the emulated Spreadsheet core throws, and the argument-signature check Apps Script applies. */

import type { Kernel } from "../kernel";
import { isDate, SPREADSHEET_NAMING, signatureError as sharedSignatureError } from "../signature";

export { isDate };

/**
 * Messages as Apps Script words them. Sources: public issue threads and scripts quoting the real exceptions
 * (e.g. github.com/googleworkspace/solutions/issues/128, github.com/Elijas/auto-youtube-subscription-playlist-2/issues/99,
 * RomainVialard's ErrorHandler list of normalized Sheets errors).
 */
export const MESSAGES = {
  startRowTooSmall: "The starting row of the range is too small.",
  startColumnTooSmall: "The starting column of the range is too small.",
  rowsAtLeastOne: "The number of rows in the range must be at least 1.",
  columnsAtLeastOne: "The number of columns in the range must be at least 1.",
  outsideSheet: "The coordinates of the range are outside the dimensions of the sheet.",
  rangeNotFound: "Range not found",
  cellOutOfRange: "Cell reference out of range",
  rowsOutOfBounds: "Those rows are out of bounds.",
  columnsOutOfBounds: "Those columns are out of bounds.",
  deleteAllRows: "Sorry, it is not possible to delete all non-frozen rows.",
  deleteAllColumns: "Sorry, it is not possible to delete all non-frozen columns.",
  removeAllSheets: "You can't remove all the sheets in a document.",
  hideAllSheets: "You can't hide all the sheets in a document.",
  tooManyCharacters: "Your input contains more than the maximum of 50000 characters in a single cell.",
  cellLimit: "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
  protectedCell:
    "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
  metadataOnArbitraryRange:
    "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.",
  openByIdFailed: "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
} as const;

export function sheetNameTaken(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

export function rowsMismatch(dataRows: number, rangeRows: number): string {
  return `The number of rows in the data does not match the number of rows in the range. The data has ${dataRows} but the range has ${rangeRows}.`;
}

export function columnsMismatch(dataColumns: number, rangeColumns: number): string {
  return `The number of columns in the data does not match the number of columns in the range. The data has ${dataColumns} but the range has ${rangeColumns}.`;
}

/** Wording from scripts quoting the real exception; Apps Script may append the rule's help text [UNCONFIRMED]. */
export function validationViolation(a1: string): string {
  return `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
}

/** "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange."; `method` as counted ("Sheet.getRange"). */
export function signatureError(kernel: Kernel, method: string, args: readonly unknown[]): Error {
  return sharedSignatureError(kernel, `SpreadsheetApp.${method}`, args, SPREADSHEET_NAMING);
}

/** True for an integer; Apps Script's Integer parameters refuse fractions here (stricter choice) [UNCONFIRMED]. */
export function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** Throws the signature error unless every argument is an integer. */
export function requireIntegers(kernel: Kernel, method: string, args: readonly unknown[]): void {
  if (!args.every(isInteger)) throw signatureError(kernel, method, args);
}
