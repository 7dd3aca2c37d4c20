/** Criteria arguments shared by data validation and conditional-format builders: parameter checks, the conditions both offer, and how argument values are stored and handed back. */

import type { Kernel } from "../kernel";
import { isDate, signatureError } from "./errors";
import type { CellValue } from "./model";

type Range = GoogleAppsScript.Spreadsheet.Range;

// ---------------------------------------------------------------------------------------------
// Parameter checks
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

/** A list of parameter checks. */
export type ParameterChecks = readonly ParameterCheck[];

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

/** Counts a call of a builder or rule method ("DataValidationBuilder.build") and checks its arguments. */
export function checkedCall(
  kernel: Kernel,
  method: string,
  args: readonly unknown[],
  required: ParameterChecks = [],
  optional: ParameterChecks = [],
): void {
  kernel.call("Spreadsheet", method);
  checkArguments(kernel, method, args, required, optional);
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

// ---------------------------------------------------------------------------------------------
// Conditions both builders offer
// ---------------------------------------------------------------------------------------------

/** The number and text comparisons both DataValidationCriteria and BooleanCriteria list, in their order. */
export const COMPARISON_CRITERIA = [
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
] as const;

/**
 * The parameters of the number, text and formula conditions that DataValidationBuilder.require*() and
 * ConditionalFormatRuleBuilder.when*() share, by criteria name (requireNumberBetween and whenNumberBetween
 * both take two numbers).
 */
export const SHARED_CRITERIA_PARAMETERS = {
  CUSTOM_FORMULA: [is.string],
  NUMBER_BETWEEN: [is.number, is.number],
  NUMBER_EQUAL_TO: [is.number],
  NUMBER_GREATER_THAN: [is.number],
  NUMBER_GREATER_THAN_OR_EQUAL_TO: [is.number],
  NUMBER_LESS_THAN: [is.number],
  NUMBER_LESS_THAN_OR_EQUAL_TO: [is.number],
  NUMBER_NOT_BETWEEN: [is.number, is.number],
  NUMBER_NOT_EQUAL_TO: [is.number],
  TEXT_CONTAINS: [is.string],
  TEXT_DOES_NOT_CONTAIN: [is.string],
  TEXT_EQUAL_TO: [is.string],
} as const satisfies Record<string, ParameterChecks>;

/** A criteria name of SHARED_CRITERIA_PARAMETERS. */
export type SharedCriteria = keyof typeof SHARED_CRITERIA_PARAMETERS;
