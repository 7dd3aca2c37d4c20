/** The check data validation makes when a script writes into a validated cell: does a stored value meet a rule's criteria. */

import { StoredDate, type StoredValue } from "./criteria-arguments";
import { isDate } from "./errors";
import type { CellValue, SpreadsheetContext } from "./model";
import { msToSerial } from "./number-format";
import { type CriteriaName, specOf, type ValidationSpec } from "./validation";

type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * True when the rule rejects invalid input (setAllowInvalid(false)) and `value` (a stored value: dates
 * are serial numbers) does not meet its criteria. Empty never fails. Custom formulas are checked by
 * ./validation-formula with the formula engine; criteria arguments that are formulas ("=B1", possible through
 * withCriteria) never reject [not emulated].
 */
export function rejectsValue(rule: unknown, value: CellValue, ctx: SpreadsheetContext): boolean {
  const spec = specOf(rule);
  if (spec.allowInvalid || value === "") return false;
  return !meetsCriteria(spec, value, ctx);
}

/** The text Sheets shows for a stored value (booleans are TRUE/FALSE). */
function cellText(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

const isFormula = (v: unknown) => typeof v === "string" && v.startsWith("=");

/** Loose checks [UNCONFIRMED]: Sheets does not document its email/URL patterns. A URL needs a dotted host. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const URL_PATTERN = /^((https?|ftp):\/\/)?([a-z0-9-]+\.)+[a-z0-9-]{2,}(:\d+)?([/?#]\S*)?$/i;

function meetsCriteria(spec: ValidationSpec, value: CellValue, ctx: SpreadsheetContext): boolean {
  const args = spec.values;
  if (spec.criteria === "CUSTOM_FORMULA" || args.some(isFormula)) return true;
  switch (spec.criteria) {
    case "VALUE_IN_LIST":
      // A list given through withCriteria in another shape matches nothing.
      return Array.isArray(args[0]) && args[0].includes(cellText(value));
    case "VALUE_IN_RANGE":
      return ctx
        .readValues(ctx.refOf(args[0] as Range))
        .flat()
        .some((item) => sameValue(item, value, ctx.spreadsheet.timeZone));
    case "CHECKBOX":
      // Strict equality [UNCONFIRMED]: Sheets may compare a custom checked value as text.
      return args.length === 0 ? typeof value === "boolean" : args.includes(value);
    case "TEXT_CONTAINS":
      // Case-sensitive here and case-insensitive in DOES_NOT_CONTAIN: the stricter reading of each [UNCONFIRMED].
      return cellText(value).includes(args[0] as string);
    case "TEXT_DOES_NOT_CONTAIN":
      return !cellText(value)
        .toLowerCase()
        .includes((args[0] as string).toLowerCase());
    case "TEXT_EQUAL_TO":
      return cellText(value) === args[0];
    case "TEXT_IS_VALID_EMAIL":
      return typeof value === "string" && EMAIL.test(value);
    case "TEXT_IS_VALID_URL":
      return typeof value === "string" && URL_PATTERN.test(value);
    case "DATE_IS_VALID_DATE":
      // Any number passes [UNCONFIRMED]: the stored value carries no number format to tell a date from a count.
      return typeof value === "number";
    case null:
      return true;
    default:
      return typeof value === "number" && meetsComparison(spec.criteria, value, args, ctx.spreadsheet.timeZone);
  }
}

/** Number and date comparisons; dates compare whole days of the spreadsheet's time zone. Between is inclusive. */
function meetsComparison(criteria: CriteriaName, value: number, args: readonly StoredValue[], timeZone: string) {
  const isDateCriteria = criteria.startsWith("DATE_");
  const bounds = args.map((arg) => {
    const n = arg instanceof StoredDate ? msToSerial(arg.epochMs, timeZone) : Number(arg);
    return isDateCriteria ? Math.floor(n) : n;
  });
  const v = isDateCriteria ? Math.floor(value) : value;
  const [a = Number.NaN, b = Number.NaN] = bounds;
  const between = v >= Math.min(a, b) && v <= Math.max(a, b);
  switch (criteria.replace(/^(DATE|NUMBER)_/, "")) {
    case "AFTER":
    case "GREATER_THAN":
      return v > a;
    case "ON_OR_AFTER":
    case "GREATER_THAN_OR_EQUAL_TO":
      return v >= a;
    case "BEFORE":
    case "LESS_THAN":
      return v < a;
    case "ON_OR_BEFORE":
    case "LESS_THAN_OR_EQUAL_TO":
      return v <= a;
    case "EQUAL_TO":
      return v === a;
    case "NOT_EQUAL_TO":
      return v !== a;
    case "BETWEEN":
      return between;
    case "NOT_BETWEEN":
      return !between;
    default:
      return true;
  }
}

/** A value read from the source range (Dates for date cells) against a stored cell value. */
function sameValue(item: unknown, value: CellValue, timeZone: string): boolean {
  if (item === "" || item === null || item === undefined) return false;
  if (isDate(item)) return typeof value === "number" && msToSerial(item.getTime(), timeZone) === value;
  return cellText(item) === cellText(value);
}
