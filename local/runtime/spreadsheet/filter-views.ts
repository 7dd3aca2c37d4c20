/** Filter views (Sheets API FilterView, reachable through the Sheets advanced service only): the batchUpdate requests that add, update and delete them, how they move with their cells, and which rows one shows. */

import { clockAt } from "./formula-engine";
import { evaluateRuleFormula } from "./formula-rules";
import type { RuleFormula } from "./formula-shift";
import { columnLetter, type FilterViewModel, type GridRangeRef, type SheetModel, shiftRange } from "./model";
import type { Workbook } from "./workbook";

type FilterView = GoogleAppsScript.Sheets.Schema.FilterView;
type FilterCriteria = GoogleAppsScript.Sheets.Schema.FilterCriteria;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type SortSpec = GoogleAppsScript.Sheets.Schema.SortSpec;

/**
 * A FilterSpec (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#FilterSpec), which
 * @types/google-apps-script's FilterView predates: "filterSpecs[]: The filter criteria for showing/hiding values per
 * column. Both criteria and filterSpecs are populated in responses. If both fields are specified in an update
 * request, this field takes precedence." `criteria` (the map by column index) is the deprecated form of the same.
 */
export interface FilterSpec {
  columnIndex?: number;
  filterCriteria?: FilterCriteria;
}

/** A FilterView as the current API has it. */
export type ApiFilterView = FilterView & { filterSpecs?: FilterSpec[] };

/** Why the API refused a request: its message, as the API's error body words it. */
export class RequestRefused extends Error {}

/**
 * The API's refusals. Every request error is prefixed "Invalid requests[i].<kind>: " and a missing grid is "No grid
 * with id: N" (both as a Sheets API emulator verified against the live API reports them:
 * github.com/strukto-ai/mirage, integ/server/gws/sheets/request.ts); a range past the grid is the commonly quoted
 * "Range ('Sheet1'!A1:B1001) exceeds grid limits. Max rows: 1000, max columns: 26". The fields-mask texts are Google's
 * usual ones. [UNCONFIRMED] wordings: a filter view id that does not exist or is taken, a criterion outside the view's
 * columns, a condition type filters do not take, a start after an end.
 */
export const FILTER_VIEW_ERRORS = {
  invalid: (index: number, kind: string, text: string) => `Invalid requests[${index}].${kind}: ${text}`,
  noGrid: (sheetId: number) => `No grid with id: ${sheetId}`,
  noFilterView: (id: number) => `No filter view with id: ${id}`,
  takenId: (id: number) => `Duplicate filter view id: ${id}`,
  gridLimits: (sheet: SheetModel, ref: GridRangeRef) =>
    `Range ('${sheet.name}'!${a1(ref)}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
  emptyRange: "The range must contain at least one row and one column.",
  specOutside: (column: number) => `Filter column index ${column} is outside the filter view's range.`,
  noFields: "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
  badField: (field: string) => `Invalid field: ${field}`,
  conditionNotForFilters: (type: string) =>
    `Invalid filter criteria: condition type ${type} is not supported by filters.`,
  conditionValues: (type: string) => `Invalid filter criteria: condition type ${type} needs exactly one value.`,
  /** The JSON decoder's words for a value an enum does not have (here the path of the condition's type). */
  badEnum: (path: string, value: unknown) =>
    `Invalid value at '${path}' (type.googleapis.com/google.apps.sheets.v4.ConditionType), ${JSON.stringify(value)}`,
} as const;

function a1(ref: Omit<GridRangeRef, "sheetId">): string {
  const end = `${columnLetter(ref.column + ref.numColumns - 1)}${ref.row + ref.numRows - 1}`;
  return `${columnLetter(ref.column)}${ref.row}:${end}`;
}

/**
 * ConditionType values (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#ConditionType), and
 * those the reference says filters do not take: ONE_OF_RANGE, ONE_OF_LIST, BOOLEAN, TEXT_IS_EMAIL, TEXT_IS_URL and
 * DATE_IS_VALID are "supported by data validation" only, FILTER_EXPRESSION by data source sheet filters only.
 */
const CONDITION_TYPES = new Set([
  "NUMBER_GREATER",
  "NUMBER_GREATER_THAN_EQ",
  "NUMBER_LESS",
  "NUMBER_LESS_THAN_EQ",
  "NUMBER_EQ",
  "NUMBER_NOT_EQ",
  "NUMBER_BETWEEN",
  "NUMBER_NOT_BETWEEN",
  "TEXT_CONTAINS",
  "TEXT_NOT_CONTAINS",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "TEXT_EQ",
  "TEXT_NOT_EQ",
  "TEXT_IS_EMAIL",
  "TEXT_IS_URL",
  "DATE_EQ",
  "DATE_BEFORE",
  "DATE_AFTER",
  "DATE_ON_OR_BEFORE",
  "DATE_ON_OR_AFTER",
  "DATE_BETWEEN",
  "DATE_NOT_BETWEEN",
  "DATE_NOT_EQ",
  "DATE_IS_VALID",
  "ONE_OF_RANGE",
  "ONE_OF_LIST",
  "BLANK",
  "NOT_BLANK",
  "CUSTOM_FORMULA",
  "BOOLEAN",
  "FILTER_EXPRESSION",
  "CONDITION_TYPE_UNSPECIFIED",
]);
const NOT_FOR_FILTERS = new Set([
  "ONE_OF_RANGE",
  "ONE_OF_LIST",
  "BOOLEAN",
  "TEXT_IS_EMAIL",
  "TEXT_IS_URL",
  "DATE_IS_VALID",
  "FILTER_EXPRESSION",
  "CONDITION_TYPE_UNSPECIFIED",
]);

/** The FilterView fields an updateFilterView `fields` mask may name (the reference's FilterView fields). */
const VIEW_FIELDS = [
  "filterViewId",
  "title",
  "range",
  "namedRangeId",
  "tableId",
  "sortSpecs",
  "criteria",
  "filterSpecs",
] as const;

/** The filter views of a spreadsheet while a batch is applied: committed only when every request passed. */
export class FilterViewDraft {
  private readonly views = new Map<SheetModel, FilterViewModel[]>();

  constructor(private readonly wb: Workbook) {
    for (const sheet of wb.spreadsheet.sheets) this.views.set(sheet, (sheet.filterViews ?? []).map(cloneView));
  }

  /** Stores the draft in the model (a sheet without filter views keeps none). */
  commit(): void {
    for (const [sheet, views] of this.views) {
      if (views.length > 0) sheet.filterViews = views;
      else delete sheet.filterViews;
    }
  }

  private all(): FilterViewModel[] {
    return [...this.views.values()].flat();
  }

  private find(id: unknown): { sheet: SheetModel; view: FilterViewModel } | null {
    for (const [sheet, views] of this.views) {
      const view = views.find((v) => v.id === id);
      if (view) return { sheet, view };
    }
    return null;
  }

  /**
   * AddFilterViewRequest: "The filterViewId field is optional; if one is not set, an id will be randomly generated.
   * (It is an error to specify the ID of a filter that already exists.)" Returns the reply's filter.
   */
  add(body: GoogleAppsScript.Sheets.Schema.AddFilterViewRequest, refuse: Refuse, index: number): ApiFilterView {
    const filter = (body.filter ?? {}) as ApiFilterView;
    if (filter.filterViewId !== undefined && this.find(filter.filterViewId)) {
      refuse(FILTER_VIEW_ERRORS.takenId(filter.filterViewId));
    }
    const { sheet, range } = this.rangeOf(filter.range ?? {}, refuse);
    const view: FilterViewModel = {
      id: filter.filterViewId ?? this.freshId(),
      title: filter.title ?? "",
      range,
      specs: specsOf(filter, range, refuse, { index, request: "add_filter_view" }),
      sortSpecs: structuredClone(filter.sortSpecs ?? []),
    };
    this.views.get(sheet)?.push(view);
    return viewJson(view);
  }

  /** UpdateFilterViewRequest: the fields named in `fields` ("*" for all) take the request's values. */
  update(body: GoogleAppsScript.Sheets.Schema.UpdateFilterViewRequest, refuse: Refuse, index: number): void {
    const filter = (body.filter ?? {}) as ApiFilterView;
    const found = this.find(filter.filterViewId ?? 0);
    if (!found) refuse(FILTER_VIEW_ERRORS.noFilterView(filter.filterViewId ?? 0));
    const fields = fieldsOf(body.fields, refuse);
    const { view } = found;
    let sheet = found.sheet;
    if (fields.has("range")) {
      const placed = this.rangeOf(filter.range ?? {}, refuse);
      view.range = placed.range;
      if (placed.sheet !== sheet) {
        this.views.set(
          sheet,
          (this.views.get(sheet) ?? []).filter((v) => v !== view),
        );
        this.views.get(placed.sheet)?.push(view);
        sheet = placed.sheet;
      }
    }
    if (fields.has("title")) view.title = filter.title ?? "";
    if (fields.has("sortSpecs")) view.sortSpecs = structuredClone(filter.sortSpecs ?? []);
    if (fields.has("filterSpecs") || fields.has("criteria")) {
      const given = fields.has("filterSpecs") ? { filterSpecs: filter.filterSpecs } : { criteria: filter.criteria };
      view.specs = specsOf(given, view.range, refuse, { index, request: "update_filter_view" });
    }
    for (const spec of view.specs) {
      if (!within(view.range, spec.column)) refuse(FILTER_VIEW_ERRORS.specOutside(spec.column - 1));
    }
  }

  /** DeleteFilterViewRequest. */
  delete(body: GoogleAppsScript.Sheets.Schema.DeleteFilterViewRequest, refuse: Refuse): void {
    const found = this.find(body.filterId ?? 0);
    if (!found) refuse(FILTER_VIEW_ERRORS.noFilterView(body.filterId ?? 0));
    this.views.set(
      found.sheet,
      (this.views.get(found.sheet) ?? []).filter((v) => v !== found.view),
    );
  }

  /** A random-looking id no filter view of the spreadsheet has. */
  private freshId(): number {
    const taken = new Set(this.all().map((v) => v.id));
    let id = this.wb.newObjectId();
    while (taken.has(id)) id = this.wb.newObjectId();
    return id;
  }

  /**
   * A GridRange on one of the spreadsheet's grids: unset fields are 0 (the JSON's defaults: sheet 0, from the first
   * row and column) and unset ends run to the grid's edge; a range past the grid is refused.
   */
  private rangeOf(range: GridRange, refuse: Refuse): { sheet: SheetModel; range: GridRangeRef } {
    const sheetId = range.sheetId ?? 0;
    const sheet = this.wb.spreadsheet.sheets.find((s) => s.id === sheetId);
    if (!sheet) return refuse(FILTER_VIEW_ERRORS.noGrid(sheetId));
    const startRow = range.startRowIndex ?? 0;
    const startColumn = range.startColumnIndex ?? 0;
    const endRow = range.endRowIndex ?? sheet.maxRows;
    const endColumn = range.endColumnIndex ?? sheet.maxColumns;
    if (startRow < 0 || startColumn < 0 || endRow <= startRow || endColumn <= startColumn) {
      refuse(FILTER_VIEW_ERRORS.emptyRange);
    }
    const ref = {
      sheetId,
      row: startRow + 1,
      column: startColumn + 1,
      numRows: endRow - startRow,
      numColumns: endColumn - startColumn,
    };
    if (endRow > sheet.maxRows || endColumn > sheet.maxColumns) refuse(FILTER_VIEW_ERRORS.gridLimits(sheet, ref));
    return { sheet, range: ref };
  }
}

/**
 * Throws the API's refusal of the request being applied: `text` after the request's "Invalid requests[i].<kind>: "
 * prefix, or as it is when the JSON decoder refused the request (`decoding`).
 */
export type Refuse = (text: string, decoding?: "decoding") => never;

function cloneView(view: FilterViewModel): FilterViewModel {
  return structuredClone(view);
}

function within(range: GridRangeRef, column: number): boolean {
  return column >= range.column && column < range.column + range.numColumns;
}

/** An updateFilterView `fields` mask as the set of FilterView fields it names ("*": all of them). */
function fieldsOf(mask: string | undefined, refuse: Refuse): Set<string> {
  const names = (mask ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) refuse(FILTER_VIEW_ERRORS.noFields);
  if (names.includes("*")) return new Set(VIEW_FIELDS);
  for (const name of names) {
    const top = name.split(/[./]/)[0] ?? "";
    if (!(VIEW_FIELDS as readonly string[]).includes(top)) refuse(FILTER_VIEW_ERRORS.badField(name));
    if (top !== name) throw new Error(`updateFilterView: the nested field ${name} is not emulated`);
  }
  return new Set(names);
}

/**
 * The criteria of a request's filter view, by absolute sheet column: its filterSpecs, else its (deprecated) criteria
 * map keyed by column index; each checked (a condition type filters take, CUSTOM_FORMULA with its one formula) and
 * inside the view's columns.
 */
function specsOf(
  filter: Pick<ApiFilterView, "filterSpecs" | "criteria">,
  range: GridRangeRef,
  refuse: Refuse,
  at: { index: number; request: "add_filter_view" | "update_filter_view" },
): FilterViewModel["specs"] {
  const given: FilterSpec[] =
    filter.filterSpecs ??
    Object.entries((filter.criteria ?? {}) as Record<string, FilterCriteria>).map(([column, criteria]) => ({
      columnIndex: Number(column),
      filterCriteria: criteria,
    }));
  return given.map((spec, k) => {
    const column = (spec.columnIndex ?? 0) + 1;
    if (!within(range, column)) refuse(FILTER_VIEW_ERRORS.specOutside(column - 1));
    const criteria = spec.filterCriteria ?? {};
    const condition = criteria.condition;
    if (condition) {
      const type = condition.type ?? "CONDITION_TYPE_UNSPECIFIED";
      if (!CONDITION_TYPES.has(type)) {
        const path = `requests[${at.index}].${at.request}.filter.filter_specs[${k}].filter_criteria.condition.type`;
        refuse(FILTER_VIEW_ERRORS.badEnum(path, type), "decoding");
      }
      if (NOT_FOR_FILTERS.has(type)) refuse(FILTER_VIEW_ERRORS.conditionNotForFilters(type));
      if (type === "CUSTOM_FORMULA" && (condition.values ?? []).length !== 1) {
        refuse(FILTER_VIEW_ERRORS.conditionValues(type));
      }
    }
    return { column, criteria: structuredClone(criteria) };
  });
}

/** A GridRange as the API answers it: fields at their default (sheet 0, index 0) are left out. */
function gridRangeJson(ref: GridRangeRef): GridRange {
  const json: GridRange = {};
  if (ref.sheetId !== 0) json.sheetId = ref.sheetId;
  if (ref.row > 1) json.startRowIndex = ref.row - 1;
  json.endRowIndex = ref.row - 1 + ref.numRows;
  if (ref.column > 1) json.startColumnIndex = ref.column - 1;
  json.endColumnIndex = ref.column - 1 + ref.numColumns;
  return json;
}

/** A stored filter view as the API returns it: both filterSpecs and the deprecated criteria map, as the reference says. */
export function viewJson(view: FilterViewModel): ApiFilterView {
  const json: ApiFilterView = { filterViewId: view.id };
  if (view.title !== "") json.title = view.title;
  json.range = gridRangeJson(view.range);
  if (view.sortSpecs.length > 0) json.sortSpecs = structuredClone(view.sortSpecs as SortSpec[]);
  if (view.specs.length > 0) {
    json.criteria = Object.fromEntries(view.specs.map((s) => [String(s.column - 1), structuredClone(s.criteria)]));
    json.filterSpecs = view.specs.map((s) => ({
      columnIndex: s.column - 1,
      filterCriteria: structuredClone(s.criteria),
    }));
  }
  return json;
}

/** The CUSTOM_FORMULA formulas of a sheet's filter views, so a structural change rewrites them as it does rule formulas. */
export function filterViewFormulasOf(sheet: SheetModel): RuleFormula[] {
  return (sheet.filterViews ?? []).flatMap((view) =>
    view.specs.flatMap((spec) => {
      const condition = spec.criteria.condition;
      const value = condition?.type === "CUSTOM_FORMULA" ? condition.values?.[0] : undefined;
      const formula = value?.userEnteredValue;
      if (!value || typeof formula !== "string" || !formula.startsWith("=")) return [];
      return [
        {
          anchor: { row: view.range.row + 1, column: spec.column },
          range: view.range,
          formula,
          update(rewritten: string) {
            value.userEnteredValue = rewritten;
          },
        },
      ];
    }),
  );
}

/**
 * Moves a sheet's filter views when rows or columns are inserted (delta > 0) or deleted at 1-based `at`, as Sheets
 * moves what is stored by position: the range shifts or resizes, a criterion moves with its column. A view whose
 * range is deleted entirely goes, and so does a criterion whose column is deleted [UNCONFIRMED both].
 */
export function shiftFilterViews(sheet: SheetModel, dim: "ROWS" | "COLUMNS", at: number, delta: number): void {
  if (!sheet.filterViews) return;
  sheet.filterViews = sheet.filterViews.filter((view) => {
    const range = shiftRange(view.range, dim, at, delta);
    if (!range) return false;
    view.range = range;
    if (dim === "COLUMNS") {
      view.specs = view.specs.flatMap((spec) => {
        if (spec.column < at) return [spec];
        if (delta < 0 && spec.column < at - delta) return [];
        return [{ ...spec, column: spec.column + delta }];
      });
    }
    return true;
  });
  if (sheet.filterViews.length === 0) delete sheet.filterViews;
}

/**
 * The rows a filter view shows at the runtime's clock: the data rows of its range (its first row is the header) for
 * which every criterion holds. A CUSTOM_FORMULA criterion is evaluated by the spreadsheet's formula engine, written
 * for the first data row of the criterion's column and moved to each row, as "Custom formula is" applies it
 * (support.google.com/docs/answer/3540681); a row shows when the formula is TRUE. Other criteria (hidden values,
 * other condition types) and sort orders are not emulated: asking fails rather than guess.
 */
export function rowsShown(wb: Workbook, sheet: SheetModel, view: FilterViewModel): number[] {
  const first = view.range.row + 1;
  const count = view.range.numRows - 1;
  let shown = Array.from({ length: count }, () => true);
  if (count === 0) return [];
  wb.settlePivots();
  const clock = clockAt(wb.kernel.now(), wb.spreadsheet.timeZone);
  for (const spec of view.specs) {
    const { condition, hiddenValues } = spec.criteria;
    const formula = condition?.values?.[0]?.userEnteredValue;
    if ((hiddenValues ?? []).length > 0 || condition?.type !== "CUSTOM_FORMULA" || typeof formula !== "string") {
      throw new Error(`filter view ${view.id}: only CUSTOM_FORMULA criteria are evaluated (not emulated: the others)`);
    }
    const area = { row: first, column: spec.column, numRows: count, numColumns: 1 };
    const [results = []] = evaluateRuleFormula(wb.spreadsheet, sheet, formula, area, [area], clock);
    shown = shown.map((keep, i) => keep && results[i]?.[0] === true);
  }
  return shown.flatMap((keep, i) => (keep ? [first + i] : []));
}
