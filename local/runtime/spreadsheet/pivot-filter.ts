/** SpreadsheetApp.newFilterCriteria(): the FilterCriteriaBuilder, immutable FilterCriteria, and how a pivot filter tests a source cell. */

import type { Kernel } from "../kernel";
import { isDate } from "../signature";
import { msToSerial } from "./number-format";
import { requireArgs } from "./pivot-model";
import { displayText, type SourceCell } from "./pivot-text";

/** The content of a FilterCriteria (developers.google.com/apps-script/reference/spreadsheet/filter-criteria-builder). */
export interface FilterCriteriaData {
  visibleValues: readonly string[];
  hiddenValues: readonly string[];
  /** A SpreadsheetApp.BooleanCriteria name, or null when the criteria has no boolean condition. */
  criteriaType: string | null;
  /** Arguments of the condition: numbers, strings, or epoch milliseconds for dates. */
  criteriaValues: readonly (number | string)[];
}

const EMPTY_CRITERIA: FilterCriteriaData = {
  visibleValues: [],
  hiddenValues: [],
  criteriaType: null,
  criteriaValues: [],
};

/** Criteria types that take dates; their values are stored as epoch milliseconds. */
const DATE_TYPES = new Set(["DATE_AFTER", "DATE_BEFORE", "DATE_EQUAL_TO"]);

type FilterCriteriaMethods = "copy" | "getCriteriaType" | "getCriteriaValues" | "getHiddenValues" | "getVisibleValues";

/** A built, immutable FilterCriteria. */
export class FakeFilterCriteria implements Pick<GoogleAppsScript.Spreadsheet.FilterCriteria, FilterCriteriaMethods> {
  constructor(
    private readonly kernel: Kernel,
    readonly data: FilterCriteriaData,
  ) {}

  copy(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    this.kernel.call("Spreadsheet", "FilterCriteria.copy");
    return new FakeFilterCriteriaBuilder(
      this.kernel,
      this.data,
    ) as unknown as GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.kernel.call("Spreadsheet", "FilterCriteria.getCriteriaType");
    return this.data.criteriaType as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }

  getCriteriaValues(): unknown[] {
    this.kernel.call("Spreadsheet", "FilterCriteria.getCriteriaValues");
    return criteriaValuesOf(this.kernel, this.data);
  }

  getHiddenValues(): string[] {
    this.kernel.call("Spreadsheet", "FilterCriteria.getHiddenValues");
    return [...this.data.hiddenValues];
  }

  getVisibleValues(): string[] {
    this.kernel.call("Spreadsheet", "FilterCriteria.getVisibleValues");
    return [...this.data.visibleValues];
  }
}

type BuilderMethods =
  | FilterCriteriaMethods
  | "build"
  | "setHiddenValues"
  | "setVisibleValues"
  | "whenCellEmpty"
  | "whenCellNotEmpty"
  | "whenDateAfter"
  | "whenDateBefore"
  | "whenDateEqualTo"
  | "whenFormulaSatisfied"
  | "whenNumberBetween"
  | "whenNumberEqualTo"
  | "whenNumberGreaterThan"
  | "whenNumberGreaterThanOrEqualTo"
  | "whenNumberLessThan"
  | "whenNumberLessThanOrEqualTo"
  | "whenNumberNotBetween"
  | "whenNumberNotEqualTo"
  | "whenTextContains"
  | "whenTextDoesNotContain"
  | "whenTextEndsWith"
  | "whenTextEqualTo"
  | "whenTextStartsWith";

type Builder = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;

/** SpreadsheetApp.newFilterCriteria(). RelativeDate overloads of whenDate… are not emulated (they throw the signature error). */
export class FakeFilterCriteriaBuilder implements Pick<Builder, BuilderMethods> {
  private data: FilterCriteriaData;

  constructor(
    private readonly kernel: Kernel,
    data: FilterCriteriaData = EMPTY_CRITERIA,
  ) {
    this.data = data;
  }

  private call(method: string): void {
    this.kernel.call("Spreadsheet", `FilterCriteriaBuilder.${method}`);
  }

  private chain(): Builder {
    return this as unknown as Builder;
  }

  build(): GoogleAppsScript.Spreadsheet.FilterCriteria {
    this.call("build");
    return new FakeFilterCriteria(this.kernel, this.data) as unknown as GoogleAppsScript.Spreadsheet.FilterCriteria;
  }

  copy(): Builder {
    this.call("copy");
    return new FakeFilterCriteriaBuilder(this.kernel, this.data) as unknown as Builder;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.call("getCriteriaType");
    return this.data.criteriaType as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }

  getCriteriaValues(): unknown[] {
    this.call("getCriteriaValues");
    return criteriaValuesOf(this.kernel, this.data);
  }

  getHiddenValues(): string[] {
    this.call("getHiddenValues");
    return [...this.data.hiddenValues];
  }

  getVisibleValues(): string[] {
    this.call("getVisibleValues");
    return [...this.data.visibleValues];
  }

  /** "Sets the values to hide. Clears any existing visible or hidden values." */
  setHiddenValues(values: string[]): Builder {
    this.call("setHiddenValues");
    this.data = { ...this.data, visibleValues: [], hiddenValues: this.valueList("setHiddenValues", values) };
    return this.chain();
  }

  /** "Sets the values to show on a pivot table. Clears any existing visible or hidden values." */
  setVisibleValues(values: string[]): Builder {
    this.call("setVisibleValues");
    this.data = { ...this.data, hiddenValues: [], visibleValues: this.valueList("setVisibleValues", values) };
    return this.chain();
  }

  /**
   * A String[] argument. The reference says it throws if a value is null but not with which text;
   * [UNCONFIRMED] we use Apps Script's generic "Invalid argument" wording.
   */
  private valueList(method: string, values: unknown): string[] {
    requireArgs(this.kernel, Array.isArray(values), `FilterCriteriaBuilder.${method}`, [values]);
    const list = values as unknown[];
    if (list.some((v) => v === null || v === undefined)) throw this.kernel.exception("Invalid argument: values");
    requireArgs(
      this.kernel,
      list.every((v) => typeof v === "string"),
      `FilterCriteriaBuilder.${method}`,
      [values],
    );
    return [...(list as string[])];
  }

  private condition(
    method: string,
    type: string,
    args: readonly unknown[],
    kind: "number" | "string" | "date",
  ): Builder {
    this.call(method);
    const ok = args.every((a) =>
      kind === "date"
        ? isDate(a) && !Number.isNaN(a.getTime())
        : typeof a === kind && (kind !== "number" || Number.isFinite(a)),
    );
    requireArgs(this.kernel, ok, `FilterCriteriaBuilder.${method}`, args);
    const values = args.map((a) => (isDate(a) ? a.getTime() : (a as number | string)));
    this.data = { ...this.data, criteriaType: type, criteriaValues: values };
    return this.chain();
  }

  whenCellEmpty(): Builder {
    return this.condition("whenCellEmpty", "CELL_EMPTY", [], "string");
  }
  whenCellNotEmpty(): Builder {
    return this.condition("whenCellNotEmpty", "CELL_NOT_EMPTY", [], "string");
  }
  whenDateAfter(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this.condition("whenDateAfter", "DATE_AFTER", [date], "date");
  }
  whenDateBefore(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this.condition("whenDateBefore", "DATE_BEFORE", [date], "date");
  }
  whenDateEqualTo(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this.condition("whenDateEqualTo", "DATE_EQUAL_TO", [date], "date");
  }
  whenFormulaSatisfied(formula: string): Builder {
    return this.condition("whenFormulaSatisfied", "CUSTOM_FORMULA", [formula], "string");
  }
  whenNumberBetween(start: number, end: number): Builder {
    return this.condition("whenNumberBetween", "NUMBER_BETWEEN", [start, end], "number");
  }
  whenNumberEqualTo(number: number): Builder {
    return this.condition("whenNumberEqualTo", "NUMBER_EQUAL_TO", [number], "number");
  }
  whenNumberGreaterThan(number: number): Builder {
    return this.condition("whenNumberGreaterThan", "NUMBER_GREATER_THAN", [number], "number");
  }
  whenNumberGreaterThanOrEqualTo(number: number): Builder {
    return this.condition("whenNumberGreaterThanOrEqualTo", "NUMBER_GREATER_THAN_OR_EQUAL_TO", [number], "number");
  }
  whenNumberLessThan(number: number): Builder {
    return this.condition("whenNumberLessThan", "NUMBER_LESS_THAN", [number], "number");
  }
  whenNumberLessThanOrEqualTo(number: number): Builder {
    return this.condition("whenNumberLessThanOrEqualTo", "NUMBER_LESS_THAN_OR_EQUAL_TO", [number], "number");
  }
  whenNumberNotBetween(start: number, end: number): Builder {
    return this.condition("whenNumberNotBetween", "NUMBER_NOT_BETWEEN", [start, end], "number");
  }
  whenNumberNotEqualTo(number: number): Builder {
    return this.condition("whenNumberNotEqualTo", "NUMBER_NOT_EQUAL_TO", [number], "number");
  }
  whenTextContains(text: string): Builder {
    return this.condition("whenTextContains", "TEXT_CONTAINS", [text], "string");
  }
  whenTextDoesNotContain(text: string): Builder {
    return this.condition("whenTextDoesNotContain", "TEXT_DOES_NOT_CONTAIN", [text], "string");
  }
  whenTextEndsWith(text: string): Builder {
    return this.condition("whenTextEndsWith", "TEXT_ENDS_WITH", [text], "string");
  }
  whenTextEqualTo(text: string): Builder {
    return this.condition("whenTextEqualTo", "TEXT_EQUAL_TO", [text], "string");
  }
  whenTextStartsWith(text: string): Builder {
    return this.condition("whenTextStartsWith", "TEXT_STARTS_WITH", [text], "string");
  }
}

/** getCriteriaValues(): a fresh array, dates rebuilt in the current realm. */
function criteriaValuesOf(kernel: Kernel, data: FilterCriteriaData): unknown[] {
  return data.criteriaValues.map((v) =>
    data.criteriaType && DATE_TYPES.has(data.criteriaType) ? kernel.newDate(v as number) : v,
  );
}

/** The criteria content of a FilterCriteria built by this module, or null for anything else. */
export function criteriaDataOf(value: unknown): FilterCriteriaData | null {
  return value instanceof FakeFilterCriteria ? value.data : null;
}

/** The calendar day of an instant in a time zone, as a whole date serial. */
function daySerial(ms: number, timeZone: string): number {
  return Math.floor(msToSerial(ms, timeZone));
}

/**
 * Whether a pivot filter keeps a source row, from the cell in the filtered column. Visible values and the
 * condition must both hold (Sheets API PivotFilterCriteria: "values that are both in visibleValues and meet
 * condition are shown"). Visible values match the cell's displayed text; text conditions ignore case
 * (FilterCriteriaBuilder reference: "The text isn't case-sensitive"); number and date conditions only match
 * numbers; date conditions compare calendar days in the spreadsheet's time zone [UNCONFIRMED for date-times].
 */
export function criteriaAccepts(data: FilterCriteriaData, cell: SourceCell, timeZone: string): boolean {
  const text = displayText(cell);
  if (data.visibleValues.length > 0 && !data.visibleValues.includes(text)) return false;
  if (data.criteriaType === null) return true;
  const { value } = cell;
  const lower = text.toLowerCase();
  const needle = String(data.criteriaValues[0]).toLowerCase();
  const a = Number(data.criteriaValues[0]);
  const b = Number(data.criteriaValues[1]);
  switch (data.criteriaType) {
    case "CELL_EMPTY":
      return value === "";
    case "CELL_NOT_EMPTY":
      return value !== "";
    case "TEXT_CONTAINS":
      return lower.includes(needle);
    case "TEXT_DOES_NOT_CONTAIN":
      return !lower.includes(needle);
    case "TEXT_STARTS_WITH":
      return lower.startsWith(needle);
    case "TEXT_ENDS_WITH":
      return lower.endsWith(needle);
    case "TEXT_EQUAL_TO":
      return lower === needle;
  }
  if (typeof value !== "number") return false;
  switch (data.criteriaType) {
    case "NUMBER_BETWEEN":
      return value >= Math.min(a, b) && value <= Math.max(a, b);
    case "NUMBER_NOT_BETWEEN":
      return value < Math.min(a, b) || value > Math.max(a, b);
    case "NUMBER_EQUAL_TO":
      return value === a;
    case "NUMBER_NOT_EQUAL_TO":
      return value !== a;
    case "NUMBER_GREATER_THAN":
      return value > a;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return value >= a;
    case "NUMBER_LESS_THAN":
      return value < a;
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return value <= a;
    case "DATE_AFTER":
      return Math.floor(value) > daySerial(a, timeZone);
    case "DATE_BEFORE":
      return Math.floor(value) < daySerial(a, timeZone);
    case "DATE_EQUAL_TO":
      return Math.floor(value) === daySerial(a, timeZone);
  }
  throw new Error(`pivot filter condition ${data.criteriaType} is not emulated`);
}
