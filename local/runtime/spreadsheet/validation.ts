/** Data validation for the emulated Spreadsheet service: SpreadsheetApp.newDataValidation(), DataValidation rules and the check made when a script writes into a validated cell. */

import type { Kernel } from "../kernel";
import { isDate, signatureError } from "./errors";
import { type CellValue, SERIAL_EPOCH_OFFSET_DAYS, type SpreadsheetContext } from "./model";

type Range = GoogleAppsScript.Spreadsheet.Range;

// ---------------------------------------------------------------------------------------------
// Argument checking shared with ./conditional-format
// ---------------------------------------------------------------------------------------------

/** A check of one parameter of an Apps Script method. */
export type ParameterCheck = (value: unknown) => boolean;

/** Parameter checks. Apps Script does not coerce between JS types here: a string is no number. */
export const is = {
  string: (v: unknown): v is string => typeof v === "string",
  /** NaN and ±Infinity are refused [UNCONFIRMED]: Sheets cannot store them. */
  number: (v: unknown): v is number => typeof v === "number" && Number.isFinite(v),
  boolean: (v: unknown): v is boolean => typeof v === "boolean",
  /** A valid Date of any realm; an Invalid Date is refused [UNCONFIRMED]. */
  date: (v: unknown): v is Date => isDate(v) && !Number.isNaN(v.getTime()),
  /** A Range object: the core's Range class is checked again (ctx.refOf) when the rule is used. */
  range: (v: unknown): v is Range =>
    typeof v === "object" &&
    v !== null &&
    typeof (v as Partial<Range>).getA1Notation === "function" &&
    typeof (v as Partial<Range>).getSheet === "function",
  array: (v: unknown): v is unknown[] => Array.isArray(v),
  primitive: (v: unknown): v is CellValue => ["string", "number", "boolean"].includes(typeof v),
  orNull:
    (check: ParameterCheck): ParameterCheck =>
    (v) =>
      v === null || check(v),
  arrayOf:
    (check: ParameterCheck): ParameterCheck =>
    (v) =>
      Array.isArray(v) && v.every(check),
  member:
    (values: Readonly<Record<string, string>>): ParameterCheck =>
    (v) =>
      typeof v === "string" && Object.hasOwn(values, v) && values[v] === v,
};

/**
 * Throws Apps Script's signature error unless `args` has between `required.length` and
 * `required.length + optional.length` items, each passing its check. Apps Script resolves
 * overloads by count and type, so extra arguments fail too.
 */
export function checkArguments(
  kernel: Kernel,
  method: string,
  args: readonly unknown[],
  required: readonly ParameterCheck[],
  optional: readonly ParameterCheck[] = [],
): void {
  const checks = [...required, ...optional];
  const countOk = args.length >= required.length && args.length <= checks.length;
  if (!countOk || args.some((arg, i) => !checks[i]?.(arg))) throw signatureError(kernel, method, args);
}

// ---------------------------------------------------------------------------------------------
// Stored criteria values
// ---------------------------------------------------------------------------------------------

/** A date argument as rules keep it: the instant, so getters can rebuild a Date in the current realm. */
export class StoredDate {
  constructor(readonly epochMs: number) {
    Object.freeze(this);
  }
}

/** A criteria argument as stored: primitives, dates, (frozen) lists, or Range objects. */
export type StoredValue = CellValue | null | StoredDate | Range | readonly StoredValue[];

/** Copies an argument for storage, so later changes to the caller's objects cannot reach the rule. */
export function storeValue(value: unknown): StoredValue {
  if (isDate(value)) return new StoredDate(value.getTime());
  if (Array.isArray(value)) return Object.freeze(value.map(storeValue));
  return value as StoredValue;
}

/** A stored value as getCriteriaValues() hands it out: Dates in the current realm, fresh arrays. */
export function outputValue(kernel: Kernel, value: StoredValue): unknown {
  if (value instanceof StoredDate) return kernel.newDate(value.epochMs);
  if (Array.isArray(value)) return value.map((v: StoredValue) => outputValue(kernel, v));
  return value;
}

/** The serial number (days since 1899-12-30, wall clock of `timeZone`) of an instant, as Sheets stores dates. */
export function serialOf(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClockMs =
    Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) +
    (((epochMs % 1000) + 1000) % 1000);
  return wallClockMs / 86_400_000 + SERIAL_EPOCH_OFFSET_DAYS;
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetApp.DataValidationCriteria
// ---------------------------------------------------------------------------------------------

const CRITERIA_NAMES = [
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
] as const;

type CriteriaName = (typeof CRITERIA_NAMES)[number];

/**
 * SpreadsheetApp.DataValidationCriteria: each member is its own name, as the enum prints
 * (developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria). The undocumented
 * *_RELATIVE members are left out: rules made with them are broken in Apps Script (issuetracker 418495831).
 */
export const DataValidationCriteria: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(CRITERIA_NAMES.map((name) => [name, name])),
);

// ---------------------------------------------------------------------------------------------
// Builder and rule
// ---------------------------------------------------------------------------------------------

/** Everything a rule holds; frozen once built. */
interface ValidationSpec {
  criteria: CriteriaName | null;
  values: readonly StoredValue[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** Sheets refuses list rules longer than this (PLATFORM.md; error text below seen in Apps Script logs). */
const LIST_LIMIT = 500;

const built = new WeakMap<object, ValidationSpec>();

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** SpreadsheetApp.newDataValidation(). */
export function newDataValidation(kernel: Kernel): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  return new DataValidationBuilder(kernel, { criteria: null, values: [], allowInvalid: true, helpText: null });
}

/** DataValidationBuilder (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder). */
class DataValidationBuilder implements Builder {
  readonly #kernel: Kernel;
  #spec: ValidationSpec;

  constructor(kernel: Kernel, spec: ValidationSpec) {
    this.#kernel = kernel;
    this.#spec = spec;
  }

  #call(method: string, args: readonly unknown[], required: ParameterCheck[], optional: ParameterCheck[] = []) {
    this.#kernel.call("Spreadsheet", `DataValidationBuilder.${method}`);
    checkArguments(this.#kernel, `DataValidationBuilder.${method}`, args, required, optional);
  }

  #require(criteria: CriteriaName, values: readonly unknown[]): this {
    this.#spec = { ...this.#spec, criteria, values: Object.freeze(values.map(storeValue)) };
    return this;
  }

  /** Fails as Apps Script does for a rule with no criteria [UNCONFIRMED text] or a list over 500 items. */
  build(...args: unknown[]): GoogleAppsScript.Spreadsheet.DataValidation {
    this.#call("build", args, []);
    const spec = this.#spec;
    if (spec.criteria === null) {
      throw this.#kernel.exception("You must set a criteria before building the data validation rule.");
    }
    const list = spec.values[0];
    if (spec.criteria === "VALUE_IN_LIST" && Array.isArray(list) && list.length > LIST_LIMIT) {
      // Apps Script raises this when the rule reaches the sheet; the emulation fails one step earlier.
      throw this.#kernel.exception(
        'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
      );
    }
    const rule = new DataValidation(this.#kernel);
    built.set(rule, Object.freeze({ ...spec }));
    return Object.freeze(rule);
  }

  copy(...args: unknown[]): Builder {
    this.#call("copy", args, []);
    return new DataValidationBuilder(this.#kernel, this.#spec);
  }

  getAllowInvalid(...args: unknown[]): boolean {
    this.#call("getAllowInvalid", args, []);
    return this.#spec.allowInvalid;
  }

  getCriteriaType(...args: unknown[]): Criteria {
    this.#call("getCriteriaType", args, []);
    return this.#spec.criteria as unknown as Criteria;
  }

  getCriteriaValues(...args: unknown[]): unknown[] {
    this.#call("getCriteriaValues", args, []);
    return this.#spec.values.map((v) => outputValue(this.#kernel, v));
  }

  getHelpText(...args: unknown[]): string | null {
    this.#call("getHelpText", args, []);
    return this.#spec.helpText;
  }

  /** No argument: TRUE/FALSE; one: that value or blank; two: either value. */
  requireCheckbox(...args: unknown[]): this {
    this.#call("requireCheckbox", args, [], [is.primitive, is.primitive]);
    return this.#require("CHECKBOX", args);
  }

  requireDate(...args: unknown[]): this {
    this.#call("requireDate", args, []);
    return this.#require("DATE_IS_VALID_DATE", []);
  }

  requireDateAfter(...args: unknown[]): this {
    this.#call("requireDateAfter", args, [is.date]);
    return this.#require("DATE_AFTER", args);
  }

  requireDateBefore(...args: unknown[]): this {
    this.#call("requireDateBefore", args, [is.date]);
    return this.#require("DATE_BEFORE", args);
  }

  requireDateBetween(...args: unknown[]): this {
    this.#call("requireDateBetween", args, [is.date, is.date]);
    return this.#require("DATE_BETWEEN", args);
  }

  requireDateEqualTo(...args: unknown[]): this {
    this.#call("requireDateEqualTo", args, [is.date]);
    return this.#require("DATE_EQUAL_TO", args);
  }

  requireDateNotBetween(...args: unknown[]): this {
    this.#call("requireDateNotBetween", args, [is.date, is.date]);
    return this.#require("DATE_NOT_BETWEEN", args);
  }

  requireDateOnOrAfter(...args: unknown[]): this {
    this.#call("requireDateOnOrAfter", args, [is.date]);
    return this.#require("DATE_ON_OR_AFTER", args);
  }

  requireDateOnOrBefore(...args: unknown[]): this {
    this.#call("requireDateOnOrBefore", args, [is.date]);
    return this.#require("DATE_ON_OR_BEFORE", args);
  }

  requireFormulaSatisfied(...args: unknown[]): this {
    this.#call("requireFormulaSatisfied", args, [is.string]);
    return this.#require("CUSTOM_FORMULA", args);
  }

  requireNumberBetween(...args: unknown[]): this {
    this.#call("requireNumberBetween", args, [is.number, is.number]);
    return this.#require("NUMBER_BETWEEN", args);
  }

  requireNumberEqualTo(...args: unknown[]): this {
    this.#call("requireNumberEqualTo", args, [is.number]);
    return this.#require("NUMBER_EQUAL_TO", args);
  }

  requireNumberGreaterThan(...args: unknown[]): this {
    this.#call("requireNumberGreaterThan", args, [is.number]);
    return this.#require("NUMBER_GREATER_THAN", args);
  }

  requireNumberGreaterThanOrEqualTo(...args: unknown[]): this {
    this.#call("requireNumberGreaterThanOrEqualTo", args, [is.number]);
    return this.#require("NUMBER_GREATER_THAN_OR_EQUAL_TO", args);
  }

  requireNumberLessThan(...args: unknown[]): this {
    this.#call("requireNumberLessThan", args, [is.number]);
    return this.#require("NUMBER_LESS_THAN", args);
  }

  requireNumberLessThanOrEqualTo(...args: unknown[]): this {
    this.#call("requireNumberLessThanOrEqualTo", args, [is.number]);
    return this.#require("NUMBER_LESS_THAN_OR_EQUAL_TO", args);
  }

  requireNumberNotBetween(...args: unknown[]): this {
    this.#call("requireNumberNotBetween", args, [is.number, is.number]);
    return this.#require("NUMBER_NOT_BETWEEN", args);
  }

  requireNumberNotEqualTo(...args: unknown[]): this {
    this.#call("requireNumberNotEqualTo", args, [is.number]);
    return this.#require("NUMBER_NOT_EQUAL_TO", args);
  }

  requireTextContains(...args: unknown[]): this {
    this.#call("requireTextContains", args, [is.string]);
    return this.#require("TEXT_CONTAINS", args);
  }

  requireTextDoesNotContain(...args: unknown[]): this {
    this.#call("requireTextDoesNotContain", args, [is.string]);
    return this.#require("TEXT_DOES_NOT_CONTAIN", args);
  }

  requireTextEqualTo(...args: unknown[]): this {
    this.#call("requireTextEqualTo", args, [is.string]);
    return this.#require("TEXT_EQUAL_TO", args);
  }

  requireTextIsEmail(...args: unknown[]): this {
    this.#call("requireTextIsEmail", args, []);
    return this.#require("TEXT_IS_VALID_EMAIL", []);
  }

  requireTextIsUrl(...args: unknown[]): this {
    this.#call("requireTextIsUrl", args, []);
    return this.#require("TEXT_IS_VALID_URL", []);
  }

  /** Criteria values become [list, showDropdown], as getCriteriaValues() reports them. */
  requireValueInList(...args: unknown[]): this {
    this.#call("requireValueInList", args, [is.arrayOf(is.string)], [is.boolean]);
    return this.#require("VALUE_IN_LIST", [args[0], args[1] ?? true]);
  }

  /** Criteria values become [range, showDropdown]. */
  requireValueInRange(...args: unknown[]): this {
    this.#call("requireValueInRange", args, [is.range], [is.boolean]);
    return this.#require("VALUE_IN_RANGE", [args[0], args[1] ?? true]);
  }

  setAllowInvalid(...args: unknown[]): this {
    this.#call("setAllowInvalid", args, [is.boolean]);
    this.#spec = { ...this.#spec, allowInvalid: args[0] as boolean };
    return this;
  }

  setHelpText(...args: unknown[]): this {
    this.#call("setHelpText", args, [is.string]);
    this.#spec = { ...this.#spec, helpText: args[0] as string };
    return this;
  }

  /** Takes any arguments, unchecked, as Apps Script does (it is the documented way around the require* checks). */
  withCriteria(...args: unknown[]): this {
    this.#call("withCriteria", args, [is.member(DataValidationCriteria), is.array]);
    return this.#require(args[0] as CriteriaName, args[1] as unknown[]);
  }
}

/** DataValidation (developers.google.com/apps-script/reference/spreadsheet/data-validation); its spec lives in `built`. */
class DataValidation implements GoogleAppsScript.Spreadsheet.DataValidation {
  readonly #kernel: Kernel;

  constructor(kernel: Kernel) {
    this.#kernel = kernel;
  }

  #spec(method: string, args: readonly unknown[]): ValidationSpec {
    this.#kernel.call("Spreadsheet", `DataValidation.${method}`);
    checkArguments(this.#kernel, `DataValidation.${method}`, args, []);
    return specOf(this);
  }

  copy(...args: unknown[]): Builder {
    return new DataValidationBuilder(this.#kernel, this.#spec("copy", args));
  }

  getAllowInvalid(...args: unknown[]): boolean {
    return this.#spec("getAllowInvalid", args).allowInvalid;
  }

  getCriteriaType(...args: unknown[]): Criteria {
    return this.#spec("getCriteriaType", args).criteria as unknown as Criteria;
  }

  getCriteriaValues(...args: unknown[]): unknown[] {
    return this.#spec("getCriteriaValues", args).values.map((v) => outputValue(this.#kernel, v));
  }

  /** null when no help text was set (the reference page says so; the typings say string). */
  getHelpText(...args: unknown[]): string {
    return this.#spec("getHelpText", args).helpText as string;
  }
}

/** True for DataValidation objects built by newDataValidation().build() or copied from a cell. */
export function isDataValidation(value: unknown): boolean {
  return typeof value === "object" && value !== null && built.has(value);
}

function specOf(rule: unknown): ValidationSpec {
  const spec = typeof rule === "object" && rule !== null ? built.get(rule) : undefined;
  if (!spec) throw new TypeError("not a DataValidation built by newDataValidation()");
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Checking a written value
// ---------------------------------------------------------------------------------------------

/**
 * True when the rule rejects invalid input (setAllowInvalid(false)) and `value` (a stored value: dates
 * are serial numbers) does not meet its criteria. Empty never fails. Custom formulas, and criteria
 * arguments that are formulas ("=B1", possible through withCriteria), cannot be evaluated without a
 * formula engine: they never reject.
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
    const n = arg instanceof StoredDate ? serialOf(arg.epochMs, timeZone) : Number(arg);
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
  if (isDate(item)) return typeof value === "number" && serialOf(item.getTime(), timeZone) === value;
  return cellText(item) === cellText(value);
}
