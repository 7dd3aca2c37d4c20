/** Conditional formatting for the emulated Spreadsheet service: SpreadsheetApp.newConditionalFormatRule() and the rule objects it builds (stored rules live in ./conditional-format-rules). */

import type { Kernel } from "../kernel";
import {
  checkedCall,
  is,
  outputValue,
  type ParameterCheck,
  type ParameterChecks,
  SHARED_CRITERIA_PARAMETERS,
  type SharedCriteria,
  type StoredValue,
  storeValue,
} from "./criteria-arguments";
import { normalizeColor } from "./css-colors";
import { BooleanCriteria, InterpolationType, RelativeDate } from "./enums";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

// ---------------------------------------------------------------------------------------------
// Rule data
// ---------------------------------------------------------------------------------------------

type BooleanCriteriaName = string;

/** The format a boolean rule applies; null leaves the cell's own format. */
interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

interface GradientPoint {
  color: string;
  type: string;
  value: string;
}

/** What a rule is, apart from its ranges; frozen and shared freely between models and views. */
export interface RuleBody {
  condition: { criteria: BooleanCriteriaName; values: readonly StoredValue[] } | null;
  format: Readonly<RuleFormat>;
  gradient: Readonly<{ min: GradientPoint | null; mid: GradientPoint | null; max: GradientPoint | null }> | null;
}

const NO_FORMAT: Readonly<RuleFormat> = Object.freeze({
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
});

/** The body and ranges behind each rule object handed out. */
export const ruleData = new WeakMap<object, { body: RuleBody; ranges: () => Range[] }>();

/** SpreadsheetApp.newConditionalFormatRule(). */
export function newConditionalFormatRule(kernel: Kernel): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
  return new ConditionalFormatRuleBuilder(kernel, { condition: null, format: NO_FORMAT, gradient: null }, []);
}

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

const colorOrNull = is.orNull(is.string);
const booleanOrNull = is.orNull(is.boolean);
const dateOrRelative: ParameterCheck = (v) => is.date(v) || is.member(RelativeDate)(v);

/** ConditionalFormatRuleBuilder (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder). */
class ConditionalFormatRuleBuilder implements Builder {
  readonly #kernel: Kernel;
  #body: RuleBody;
  #ranges: readonly Range[];

  constructor(kernel: Kernel, body: RuleBody, ranges: readonly Range[]) {
    this.#kernel = kernel;
    this.#body = body;
    this.#ranges = ranges;
  }

  #call(method: string, args: readonly unknown[], required: ParameterChecks, optional: ParameterChecks = []) {
    checkedCall(this.#kernel, `ConditionalFormatRuleBuilder.${method}`, args, required, optional);
  }

  /** Sets a boolean condition; a rule has a boolean condition or a gradient, never both. */
  #when(criteria: BooleanCriteriaName, values: readonly unknown[]): this {
    const condition = Object.freeze({ criteria, values: Object.freeze(values.map(storeValue)) });
    this.#body = { ...this.#body, condition, gradient: null };
    return this;
  }

  /** A condition shared with DataValidationBuilder, checked against the same parameters. */
  #shared(method: string, criteria: SharedCriteria, args: unknown[]): this {
    this.#call(method, args, SHARED_CRITERIA_PARAMETERS[criteria]);
    return this.#when(criteria, args);
  }

  /** A date, or a RelativeDate (which turns the criteria into its *_RELATIVE form). */
  #whenDate(method: string, criteria: "DATE_AFTER" | "DATE_BEFORE" | "DATE_EQUAL_TO", args: unknown[]): this {
    this.#call(method, args, [dateOrRelative]);
    return this.#when(typeof args[0] === "string" ? `${criteria}_RELATIVE` : criteria, args);
  }

  #format(method: string, args: unknown[], check: ParameterCheck, key: keyof RuleFormat): this {
    this.#call(method, args, [check]);
    const raw = args[0] as string | boolean | null;
    const value = typeof raw === "string" ? normalizeColor(this.#kernel, raw) : raw;
    this.#body = { ...this.#body, format: Object.freeze({ ...this.#body.format, [key]: value }), gradient: null };
    return this;
  }

  #gradient(method: string, args: unknown[], point: "min" | "mid" | "max", fixedType?: "MIN" | "MAX"): this {
    if (fixedType) this.#call(method, args, [is.string]);
    else this.#call(method, args, [is.string, is.member(InterpolationType), is.string]);
    const color = normalizeColor(this.#kernel, args[0] as string);
    const spec = (
      fixedType ? { color, type: fixedType, value: "" } : { color, type: args[1], value: args[2] }
    ) as GradientPoint;
    const gradient = { min: null, mid: null, max: null, ...this.#body.gradient, [point]: Object.freeze(spec) };
    this.#body = { condition: null, format: NO_FORMAT, gradient: Object.freeze(gradient) };
    return this;
  }

  /**
   * Fails without ranges ("The conditional format rule must contain at least one range.", the text a
   * public Apps Script mock records) or without a condition, or a gradient lacking its min or max
   * point [UNCONFIRMED text].
   */
  build(...args: unknown[]): Rule {
    this.#call("build", args, []);
    if (this.#ranges.length === 0) {
      throw this.#kernel.exception("The conditional format rule must contain at least one range.");
    }
    const { condition, gradient } = this.#body;
    if (!condition && !(gradient?.min && gradient.max)) {
      throw this.#kernel.exception("The conditional format rule must contain a condition.");
    }
    const ranges = [...this.#ranges];
    return makeRule(this.#kernel, this.#body, () => [...ranges]);
  }

  copy(...args: unknown[]): Builder {
    this.#call("copy", args, []);
    return new ConditionalFormatRuleBuilder(this.#kernel, this.#body, this.#ranges);
  }

  getBooleanCondition(...args: unknown[]): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.#call("getBooleanCondition", args, []);
    return booleanConditionOf(this.#kernel, this.#body);
  }

  getGradientCondition(...args: unknown[]): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    this.#call("getGradientCondition", args, []);
    return gradientConditionOf(this.#kernel, this.#body);
  }

  getRanges(...args: unknown[]): Range[] {
    this.#call("getRanges", args, []);
    return [...this.#ranges];
  }

  setBackground(...args: unknown[]): this {
    return this.#format("setBackground", args, colorOrNull, "background");
  }

  setBold(...args: unknown[]): this {
    return this.#format("setBold", args, booleanOrNull, "bold");
  }

  setFontColor(...args: unknown[]): this {
    return this.#format("setFontColor", args, colorOrNull, "fontColor");
  }

  setItalic(...args: unknown[]): this {
    return this.#format("setItalic", args, booleanOrNull, "italic");
  }

  setStrikethrough(...args: unknown[]): this {
    return this.#format("setStrikethrough", args, booleanOrNull, "strikethrough");
  }

  setUnderline(...args: unknown[]): this {
    return this.#format("setUnderline", args, booleanOrNull, "underline");
  }

  setGradientMaxpoint(...args: unknown[]): this {
    return this.#gradient("setGradientMaxpoint", args, "max", "MAX");
  }

  setGradientMaxpointWithValue(...args: unknown[]): this {
    return this.#gradient("setGradientMaxpointWithValue", args, "max");
  }

  setGradientMidpointWithValue(...args: unknown[]): this {
    return this.#gradient("setGradientMidpointWithValue", args, "mid");
  }

  setGradientMinpoint(...args: unknown[]): this {
    return this.#gradient("setGradientMinpoint", args, "min", "MIN");
  }

  setGradientMinpointWithValue(...args: unknown[]): this {
    return this.#gradient("setGradientMinpointWithValue", args, "min");
  }

  setRanges(...args: unknown[]): this {
    this.#call("setRanges", args, [is.arrayOf(is.range)]);
    this.#ranges = Object.freeze([...(args[0] as Range[])]);
    return this;
  }

  whenCellEmpty(...args: unknown[]): this {
    this.#call("whenCellEmpty", args, []);
    return this.#when("CELL_EMPTY", []);
  }

  whenCellNotEmpty(...args: unknown[]): this {
    this.#call("whenCellNotEmpty", args, []);
    return this.#when("CELL_NOT_EMPTY", []);
  }

  whenDateAfter(...args: unknown[]): this {
    return this.#whenDate("whenDateAfter", "DATE_AFTER", args);
  }

  whenDateBefore(...args: unknown[]): this {
    return this.#whenDate("whenDateBefore", "DATE_BEFORE", args);
  }

  whenDateEqualTo(...args: unknown[]): this {
    return this.#whenDate("whenDateEqualTo", "DATE_EQUAL_TO", args);
  }

  /** The formula is kept as written, relative to the top-left cell of the rule's first range. */
  whenFormulaSatisfied(...args: unknown[]): this {
    return this.#shared("whenFormulaSatisfied", "CUSTOM_FORMULA", args);
  }

  whenNumberBetween(...args: unknown[]): this {
    return this.#shared("whenNumberBetween", "NUMBER_BETWEEN", args);
  }

  whenNumberEqualTo(...args: unknown[]): this {
    return this.#shared("whenNumberEqualTo", "NUMBER_EQUAL_TO", args);
  }

  whenNumberGreaterThan(...args: unknown[]): this {
    return this.#shared("whenNumberGreaterThan", "NUMBER_GREATER_THAN", args);
  }

  whenNumberGreaterThanOrEqualTo(...args: unknown[]): this {
    return this.#shared("whenNumberGreaterThanOrEqualTo", "NUMBER_GREATER_THAN_OR_EQUAL_TO", args);
  }

  whenNumberLessThan(...args: unknown[]): this {
    return this.#shared("whenNumberLessThan", "NUMBER_LESS_THAN", args);
  }

  whenNumberLessThanOrEqualTo(...args: unknown[]): this {
    return this.#shared("whenNumberLessThanOrEqualTo", "NUMBER_LESS_THAN_OR_EQUAL_TO", args);
  }

  whenNumberNotBetween(...args: unknown[]): this {
    return this.#shared("whenNumberNotBetween", "NUMBER_NOT_BETWEEN", args);
  }

  whenNumberNotEqualTo(...args: unknown[]): this {
    return this.#shared("whenNumberNotEqualTo", "NUMBER_NOT_EQUAL_TO", args);
  }

  whenTextContains(...args: unknown[]): this {
    return this.#shared("whenTextContains", "TEXT_CONTAINS", args);
  }

  whenTextDoesNotContain(...args: unknown[]): this {
    return this.#shared("whenTextDoesNotContain", "TEXT_DOES_NOT_CONTAIN", args);
  }

  whenTextEndsWith(...args: unknown[]): this {
    this.#call("whenTextEndsWith", args, [is.string]);
    return this.#when("TEXT_ENDS_WITH", args);
  }

  whenTextEqualTo(...args: unknown[]): this {
    return this.#shared("whenTextEqualTo", "TEXT_EQUAL_TO", args);
  }

  whenTextStartsWith(...args: unknown[]): this {
    this.#call("whenTextStartsWith", args, [is.string]);
    return this.#when("TEXT_STARTS_WITH", args);
  }

  /** Arguments are not checked against the criteria, as in Apps Script. */
  withCriteria(...args: unknown[]): this {
    this.#call("withCriteria", args, [is.member(BooleanCriteria), is.array]);
    return this.#when(args[0] as BooleanCriteriaName, args[1] as unknown[]);
  }
}

// ---------------------------------------------------------------------------------------------
// Rule views
// ---------------------------------------------------------------------------------------------

/** A frozen ConditionalFormatRule over `body`; `ranges` makes the Range objects getRanges() returns. */
export function makeRule(kernel: Kernel, body: RuleBody, ranges: () => Range[]): Rule {
  const call = (method: string, args: readonly unknown[]) => {
    checkedCall(kernel, `ConditionalFormatRule.${method}`, args);
  };
  const rule: Rule = {
    copy: (...args: unknown[]) => {
      call("copy", args);
      return new ConditionalFormatRuleBuilder(kernel, body, ranges());
    },
    getBooleanCondition: (...args: unknown[]) => {
      call("getBooleanCondition", args);
      return booleanConditionOf(kernel, body);
    },
    getGradientCondition: (...args: unknown[]) => {
      call("getGradientCondition", args);
      return gradientConditionOf(kernel, body);
    },
    getRanges: (...args: unknown[]) => {
      call("getRanges", args);
      return ranges();
    },
  };
  ruleData.set(rule, { body, ranges });
  return Object.freeze(rule);
}

function booleanConditionOf(kernel: Kernel, body: RuleBody): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
  const { condition, format } = body;
  if (!condition) return null;
  const get =
    <T>(method: string, value: () => T) =>
    (...args: unknown[]): T => {
      checkedCall(kernel, `BooleanCondition.${method}`, args);
      return value();
    };
  return Object.freeze({
    getBackground: get("getBackground", () => format.background),
    getBold: get("getBold", () => format.bold),
    getCriteriaType: get(
      "getCriteriaType",
      () => condition.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria,
    ),
    getCriteriaValues: get("getCriteriaValues", () => condition.values.map((v) => outputValue(kernel, v))),
    getFontColor: get("getFontColor", () => format.fontColor),
    getItalic: get("getItalic", () => format.italic),
    getStrikethrough: get("getStrikethrough", () => format.strikethrough),
    getUnderline: get("getUnderline", () => format.underline),
  });
}

/** An unset point reads as "" for colour and value and null for type [UNCONFIRMED]. */
function gradientConditionOf(kernel: Kernel, body: RuleBody): GoogleAppsScript.Spreadsheet.GradientCondition | null {
  const { gradient } = body;
  if (!gradient) return null;
  const get =
    <T>(method: string, value: () => T) =>
    (...args: unknown[]): T => {
      checkedCall(kernel, `GradientCondition.${method}`, args);
      return value();
    };
  type Interpolation = GoogleAppsScript.Spreadsheet.InterpolationType;
  const type = (point: GradientPoint | null) => (point?.type ?? null) as Interpolation | null;
  return Object.freeze({
    getMaxColor: get("getMaxColor", () => gradient.max?.color ?? ""),
    getMaxType: get("getMaxType", () => type(gradient.max)),
    getMaxValue: get("getMaxValue", () => gradient.max?.value ?? ""),
    getMidColor: get("getMidColor", () => gradient.mid?.color ?? ""),
    getMidType: get("getMidType", () => type(gradient.mid)),
    getMidValue: get("getMidValue", () => gradient.mid?.value ?? ""),
    getMinColor: get("getMinColor", () => gradient.min?.color ?? ""),
    getMinType: get("getMinType", () => type(gradient.min)),
    getMinValue: get("getMinValue", () => gradient.min?.value ?? ""),
  });
}

/** True for rule objects made by a builder here or by Sheet.getConditionalFormatRules(). */
export function isConditionalFormatRule(value: unknown): boolean {
  return typeof value === "object" && value !== null && ruleData.has(value);
}
