/** Spreadsheet enums as name strings: those the core owns (ProtectionType, Dimension, WrapStrategy, developer metadata) and conditional formatting's. */

import { enumOf } from "../enums";
import { COMPARISON_CRITERIA } from "./criteria-arguments";

export { memberOf } from "../enums";

/** developers.google.com/apps-script/reference/spreadsheet/protection-type */
export const ProtectionType = enumOf(["RANGE", "SHEET"]);
/** developers.google.com/apps-script/reference/spreadsheet/dimension */
export const Dimension = enumOf(["COLUMNS", "ROWS"]);
/** developers.google.com/apps-script/reference/spreadsheet/wrap-strategy */
export const WrapStrategy = enumOf(["WRAP", "OVERFLOW", "CLIP"]);
/** developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility */
export const DeveloperMetadataVisibility = enumOf(["DOCUMENT", "PROJECT"]);
/** developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location-type */
export const DeveloperMetadataLocationType = enumOf(["SPREADSHEET", "SHEET", "ROW", "COLUMN"]);

/** SpreadsheetApp.BooleanCriteria, complete (developers.google.com/apps-script/reference/spreadsheet/boolean-criteria). */
export const BooleanCriteria: Readonly<Record<string, string>> = enumOf([
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "DATE_NOT_EQUAL_TO",
  "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE",
  "DATE_EQUAL_TO_RELATIVE",
  ...COMPARISON_CRITERIA,
  "TEXT_NOT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
]);

/** SpreadsheetApp.InterpolationType (developers.google.com/apps-script/reference/spreadsheet/interpolation-type). */
export const InterpolationType: Readonly<Record<string, string>> = enumOf([
  "NUMBER",
  "PERCENT",
  "PERCENTILE",
  "MIN",
  "MAX",
]);

/** SpreadsheetApp.RelativeDate, accepted by whenDateAfter/Before/EqualTo. */
export const RelativeDate: Readonly<Record<string, string>> = enumOf([
  "TODAY",
  "TOMORROW",
  "YESTERDAY",
  "PAST_WEEK",
  "PAST_MONTH",
  "PAST_YEAR",
]);
