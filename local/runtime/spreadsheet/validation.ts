/** Data validation for the emulated Spreadsheet service: SpreadsheetApp.newDataValidation(), DataValidation rules and the check made when a script writes into a validated cell. */

import type { Kernel } from "../kernel";
import type { CellValue, SpreadsheetContext } from "./model";

/** SpreadsheetApp.newDataValidation(). */
export function newDataValidation(_kernel: Kernel): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  throw new Error("not implemented yet");
}

/** SpreadsheetApp.DataValidationCriteria. */
export const DataValidationCriteria = {} as Record<string, string>;

/** True for DataValidation objects built by newDataValidation().build() or copied from a cell. */
export function isDataValidation(_value: unknown): boolean {
  throw new Error("not implemented yet");
}

/** True when the rule rejects invalid input (setAllowInvalid(false)) and `value` does not meet its criteria. */
export function rejectsValue(_rule: unknown, _value: CellValue, _ctx: SpreadsheetContext): boolean {
  throw new Error("not implemented yet");
}
