/** Data validation for the emulated Spreadsheet service: SpreadsheetApp.newDataValidation() and the DataValidation rules it builds (./validation-check checks written values). */

import type { Kernel } from "../kernel";
import {
  COMPARISON_CRITERIA,
  checkedCall,
  is,
  outputValue,
  type ParameterChecks,
  SHARED_CRITERIA_PARAMETERS,
  type SharedCriteria,
  type StoredValue,
  storeValue,
} from "./criteria-arguments";

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
  ...COMPARISON_CRITERIA,
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
] as const;

export type CriteriaName = (typeof CRITERIA_NAMES)[number];

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
export interface ValidationSpec {
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

  #call(method: string, args: readonly unknown[], required: ParameterChecks, optional: ParameterChecks = []) {
    checkedCall(this.#kernel, `DataValidationBuilder.${method}`, args, required, optional);
  }

  #require(criteria: CriteriaName, values: readonly unknown[]): this {
    this.#spec = { ...this.#spec, criteria, values: Object.freeze(values.map(storeValue)) };
    return this;
  }

  /** A condition shared with ConditionalFormatRuleBuilder, checked against the same parameters. */
  #shared(method: string, criteria: SharedCriteria, args: unknown[]): this {
    this.#call(method, args, SHARED_CRITERIA_PARAMETERS[criteria]);
    return this.#require(criteria, args);
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
    return this.#shared("requireFormulaSatisfied", "CUSTOM_FORMULA", args);
  }

  requireNumberBetween(...args: unknown[]): this {
    return this.#shared("requireNumberBetween", "NUMBER_BETWEEN", args);
  }

  requireNumberEqualTo(...args: unknown[]): this {
    return this.#shared("requireNumberEqualTo", "NUMBER_EQUAL_TO", args);
  }

  requireNumberGreaterThan(...args: unknown[]): this {
    return this.#shared("requireNumberGreaterThan", "NUMBER_GREATER_THAN", args);
  }

  requireNumberGreaterThanOrEqualTo(...args: unknown[]): this {
    return this.#shared("requireNumberGreaterThanOrEqualTo", "NUMBER_GREATER_THAN_OR_EQUAL_TO", args);
  }

  requireNumberLessThan(...args: unknown[]): this {
    return this.#shared("requireNumberLessThan", "NUMBER_LESS_THAN", args);
  }

  requireNumberLessThanOrEqualTo(...args: unknown[]): this {
    return this.#shared("requireNumberLessThanOrEqualTo", "NUMBER_LESS_THAN_OR_EQUAL_TO", args);
  }

  requireNumberNotBetween(...args: unknown[]): this {
    return this.#shared("requireNumberNotBetween", "NUMBER_NOT_BETWEEN", args);
  }

  requireNumberNotEqualTo(...args: unknown[]): this {
    return this.#shared("requireNumberNotEqualTo", "NUMBER_NOT_EQUAL_TO", args);
  }

  requireTextContains(...args: unknown[]): this {
    return this.#shared("requireTextContains", "TEXT_CONTAINS", args);
  }

  requireTextDoesNotContain(...args: unknown[]): this {
    return this.#shared("requireTextDoesNotContain", "TEXT_DOES_NOT_CONTAIN", args);
  }

  requireTextEqualTo(...args: unknown[]): this {
    return this.#shared("requireTextEqualTo", "TEXT_EQUAL_TO", args);
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
    checkedCall(this.#kernel, `DataValidation.${method}`, args);
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

export function specOf(rule: unknown): ValidationSpec {
  const spec = typeof rule === "object" && rule !== null ? built.get(rule) : undefined;
  if (!spec) throw new TypeError("not a DataValidation built by newDataValidation()");
  return spec;
}
