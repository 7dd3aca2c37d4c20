/** Conditional formatting for the emulated Spreadsheet service: SpreadsheetApp.newConditionalFormatRule(), rules, and Sheet.get/setConditionalFormatRules. */

import type { Kernel } from "../kernel";
import { signatureError } from "./errors";
import type { ConditionalFormatRuleModel, GridRangeRef, SheetModel, SpreadsheetContext } from "./model";
import { checkArguments, is, outputValue, type ParameterCheck, type StoredValue, storeValue } from "./validation";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

/** An enum object whose members are their own names, as Apps Script enums print. */
function enumOf<const T extends readonly string[]>(names: T): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name])));
}

/** SpreadsheetApp.BooleanCriteria, complete (developers.google.com/apps-script/reference/spreadsheet/boolean-criteria). */
export const BooleanCriteria = enumOf([
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "DATE_NOT_EQUAL_TO",
  "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE",
  "DATE_EQUAL_TO_RELATIVE",
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
  "TEXT_NOT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
]);

/** SpreadsheetApp.InterpolationType (developers.google.com/apps-script/reference/spreadsheet/interpolation-type). */
export const InterpolationType = enumOf(["NUMBER", "PERCENT", "PERCENTILE", "MIN", "MAX"]);

/** SpreadsheetApp.RelativeDate, accepted by whenDateAfter/Before/EqualTo. */
export const RelativeDate = enumOf(["TODAY", "TOMORROW", "YESTERDAY", "PAST_WEEK", "PAST_MONTH", "PAST_YEAR"]);

// ---------------------------------------------------------------------------------------------
// Colours
// ---------------------------------------------------------------------------------------------

/** CSS named colours (CSS Color Module Level 4), which Apps Script accepts wherever it takes a colour string. */
const CSS_COLORS = new Map(
  (
    "aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4 " +
    "black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a burlywood:deb887 " +
    "cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc " +
    "crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 " +
    "darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f " +
    "darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 darksalmon:e9967a darkseagreen:8fbc8f " +
    "darkslateblue:483d8b darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 " +
    "deeppink:ff1493 deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222 " +
    "floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700 " +
    "goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080 honeydew:f0fff0 hotpink:ff69b4 " +
    "indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5 " +
    "lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff " +
    "lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 " +
    "lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 " +
    "lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff " +
    "maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db " +
    "mediumseagreen:3cb371 mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc " +
    "mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 " +
    "navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500 " +
    "orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee " +
    "palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd " +
    "powderblue:b0e0e6 purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 " +
    "saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d " +
    "silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa " +
    "springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 " +
    "turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32"
  )
    .split(" ")
    .map((entry) => entry.split(":") as [string, string]),
);

/**
 * "#rrggbb", "#rgb" or a CSS colour name, normalised to lowercase "#rrggbb". Anything else throws
 * "Invalid argument: color" [UNCONFIRMED: no source shows Apps Script's text for a bad colour].
 */
export function normalizeColor(kernel: Kernel, color: string): string {
  const text = color.trim().toLowerCase();
  const named = CSS_COLORS.get(text);
  if (named) return `#${named}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${[...text.slice(1)].map((d) => d + d).join("")}`;
  throw kernel.exception("Invalid argument: color");
}

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
interface RuleBody {
  condition: { criteria: BooleanCriteriaName; values: readonly StoredValue[] } | null;
  format: Readonly<RuleFormat>;
  gradient: Readonly<{ min: GradientPoint | null; mid: GradientPoint | null; max: GradientPoint | null }> | null;
}

/**
 * A rule as stored on the sheet. `ranges` is the source of truth for where it applies (the core shifts
 * it on row/column inserts and deletes). A CUSTOM_FORMULA is stored as written, relative to the top-left
 * cell of the first range, as Sheets does: "=$K2<TODAY()" on A2:Q means row 2 there and row n below.
 */
interface StoredRule extends ConditionalFormatRuleModel, RuleBody {}

const NO_FORMAT: Readonly<RuleFormat> = Object.freeze({
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
});

/** The body and ranges behind each rule object handed out. */
const ruleData = new WeakMap<object, { body: RuleBody; ranges: () => Range[] }>();

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

  #call(method: string, args: readonly unknown[], required: ParameterCheck[], optional: ParameterCheck[] = []) {
    this.#kernel.call("Spreadsheet", `ConditionalFormatRuleBuilder.${method}`);
    checkArguments(this.#kernel, `ConditionalFormatRuleBuilder.${method}`, args, required, optional);
  }

  /** Sets a boolean condition; a rule has a boolean condition or a gradient, never both. */
  #when(criteria: BooleanCriteriaName, values: readonly unknown[]): this {
    const condition = Object.freeze({ criteria, values: Object.freeze(values.map(storeValue)) });
    this.#body = { ...this.#body, condition, gradient: null };
    return this;
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
    this.#call("whenFormulaSatisfied", args, [is.string]);
    return this.#when("CUSTOM_FORMULA", args);
  }

  whenNumberBetween(...args: unknown[]): this {
    this.#call("whenNumberBetween", args, [is.number, is.number]);
    return this.#when("NUMBER_BETWEEN", args);
  }

  whenNumberEqualTo(...args: unknown[]): this {
    this.#call("whenNumberEqualTo", args, [is.number]);
    return this.#when("NUMBER_EQUAL_TO", args);
  }

  whenNumberGreaterThan(...args: unknown[]): this {
    this.#call("whenNumberGreaterThan", args, [is.number]);
    return this.#when("NUMBER_GREATER_THAN", args);
  }

  whenNumberGreaterThanOrEqualTo(...args: unknown[]): this {
    this.#call("whenNumberGreaterThanOrEqualTo", args, [is.number]);
    return this.#when("NUMBER_GREATER_THAN_OR_EQUAL_TO", args);
  }

  whenNumberLessThan(...args: unknown[]): this {
    this.#call("whenNumberLessThan", args, [is.number]);
    return this.#when("NUMBER_LESS_THAN", args);
  }

  whenNumberLessThanOrEqualTo(...args: unknown[]): this {
    this.#call("whenNumberLessThanOrEqualTo", args, [is.number]);
    return this.#when("NUMBER_LESS_THAN_OR_EQUAL_TO", args);
  }

  whenNumberNotBetween(...args: unknown[]): this {
    this.#call("whenNumberNotBetween", args, [is.number, is.number]);
    return this.#when("NUMBER_NOT_BETWEEN", args);
  }

  whenNumberNotEqualTo(...args: unknown[]): this {
    this.#call("whenNumberNotEqualTo", args, [is.number]);
    return this.#when("NUMBER_NOT_EQUAL_TO", args);
  }

  whenTextContains(...args: unknown[]): this {
    this.#call("whenTextContains", args, [is.string]);
    return this.#when("TEXT_CONTAINS", args);
  }

  whenTextDoesNotContain(...args: unknown[]): this {
    this.#call("whenTextDoesNotContain", args, [is.string]);
    return this.#when("TEXT_DOES_NOT_CONTAIN", args);
  }

  whenTextEndsWith(...args: unknown[]): this {
    this.#call("whenTextEndsWith", args, [is.string]);
    return this.#when("TEXT_ENDS_WITH", args);
  }

  whenTextEqualTo(...args: unknown[]): this {
    this.#call("whenTextEqualTo", args, [is.string]);
    return this.#when("TEXT_EQUAL_TO", args);
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
function makeRule(kernel: Kernel, body: RuleBody, ranges: () => Range[]): Rule {
  const call = (method: string, args: readonly unknown[]) => {
    kernel.call("Spreadsheet", `ConditionalFormatRule.${method}`);
    checkArguments(kernel, `ConditionalFormatRule.${method}`, args, []);
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
      kernel.call("Spreadsheet", `BooleanCondition.${method}`);
      checkArguments(kernel, `BooleanCondition.${method}`, args, []);
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
      kernel.call("Spreadsheet", `GradientCondition.${method}`);
      checkArguments(kernel, `GradientCondition.${method}`, args, []);
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

// ---------------------------------------------------------------------------------------------
// Sheet.getConditionalFormatRules / setConditionalFormatRules
// ---------------------------------------------------------------------------------------------

/**
 * Sheet.getConditionalFormatRules(): immutable copies of the stored rules, new objects on every call.
 * The caller (the core's Sheet method) makes the kernel.call; this builds the views.
 */
export function conditionalFormatRulesOf(
  ctx: SpreadsheetContext,
  sheet: SheetModel,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return (sheet.conditionalFormatRules as StoredRule[]).map((stored) => {
    const refs = stored.ranges.map((ref) => ({ ...ref }));
    const body: RuleBody = { condition: stored.condition, format: stored.format, gradient: stored.gradient };
    return makeRule(ctx.kernel, body, () => refs.map((ref) => ctx.rangeOf({ ...ref })));
  });
}

const DIFFERENT_SHEET = "Conditional format rule cannot reference a different sheet.";

/**
 * Sheet.setConditionalFormatRules(rules): replaces all rules of the sheet, after validating the argument.
 * The caller (the core's Sheet method) makes the kernel.call. Nothing is stored unless every rule is valid.
 * A rule applying to, or whose formula names, another sheet fails with Apps Script's text
 * "Conditional format rule cannot reference a different sheet." (seen in public Apps Script error
 * handlers; which of the two cases raises it in today's Sheets is [UNCONFIRMED], so both do here).
 */
export function setConditionalFormatRules(ctx: SpreadsheetContext, sheet: SheetModel, rules: unknown): void {
  if (!Array.isArray(rules) || !rules.every(isConditionalFormatRule)) {
    throw signatureError(ctx.kernel, "Sheet.setConditionalFormatRules", [rules]);
  }
  const stored = rules.map((rule: object): StoredRule => {
    const { body, ranges } = ruleData.get(rule) as { body: RuleBody; ranges: () => Range[] };
    const refs: GridRangeRef[] = ranges().map((range) => ({ ...ctx.refOf(range) }));
    if (refs.some((ref) => ref.sheetId !== sheet.id) || namesOtherSheet(body, sheet.name)) {
      throw ctx.kernel.exception(DIFFERENT_SHEET);
    }
    return { ranges: refs, condition: body.condition, format: body.format, gradient: body.gradient };
  });
  sheet.conditionalFormatRules = stored;
}

/** Sheet references ("Other!A1", "'My sheet'!A1") outside string literals of any formula argument. */
function namesOtherSheet(body: RuleBody, sheetName: string): boolean {
  const formulas = (body.condition?.values ?? []).filter((v): v is string => typeof v === "string" && v[0] === "=");
  return formulas.some((formula) => {
    const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
    return [...code.matchAll(/(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!/g)].some(
      ([, quoted, bare]) => (quoted?.replace(/''/g, "'") ?? bare) !== sheetName,
    );
  });
}

/** True for rule objects made by a builder here or by getConditionalFormatRules(). */
export function isConditionalFormatRule(value: unknown): boolean {
  return typeof value === "object" && value !== null && ruleData.has(value);
}
