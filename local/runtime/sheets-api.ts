/** The Sheets advanced service (Sheets API v4 as Apps Script exposes it) as far as the add-on uses it: Spreadsheets.batchUpdate with filter-view requests, and Spreadsheets.get of the spreadsheet, its sheets and their filter views. */

import { type Kernel, SCOPES } from "./kernel";
import { scriptSignatureError } from "./signature";
import { type ApiFilterView, FilterViewDraft, type Refuse, RequestRefused, viewJson } from "./spreadsheet/filter-views";
import type { SpreadsheetModel } from "./spreadsheet/model";
import type { SpreadsheetStore } from "./spreadsheet/store";

type Request = GoogleAppsScript.Sheets.Schema.Request;

/**
 * The manifest entry that enables the service (developers.google.com/apps-script/manifest/dependencies:
 * EnabledAdvancedService's serviceId "shown in the API discovery document", its userSymbol "used to refer to this
 * service in the code", its version); "v4 is the only version of the Sheets API currently available as an advanced
 * service" (developers.google.com/apps-script/advanced/sheets).
 */
export const SHEETS_SERVICE = { serviceId: "sheets", version: "v4" } as const;

/** The methods emulated, as @types/google-apps-script types them. */
export interface EmulatedSheets {
  Spreadsheets: Pick<GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection, "batchUpdate" | "get">;
}

/**
 * Scopes that let a script call each method, the first the one the add-on declares (the methods' "Authorization
 * scopes" on developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate and …/get). The REST API
 * takes no `spreadsheets.currentonly`.
 */
const BATCH_UPDATE_SCOPES = [SCOPES.spreadsheets, SCOPES.drive, SCOPES.driveFile] as const;
const GET_SCOPES = [
  SCOPES.spreadsheets,
  SCOPES.spreadsheetsReadonly,
  SCOPES.drive,
  SCOPES.driveFile,
  SCOPES.driveReadonly,
] as const;

/** Request kinds the API has that @types/google-apps-script's Sheets.Schema.Request does not list yet. */
const NEWER_REQUEST_KINDS = [
  "addDataSource",
  "addSlicer",
  "cancelDataSourceRefresh",
  "deleteDataSource",
  "deleteDuplicates",
  "refreshDataSource",
  "trimWhitespace",
  "updateDataSource",
  "updateEmbeddedObjectBorder",
  "updateSlicerSpec",
] as const;

/**
 * Every kind of Request the API has (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request): a kind
 * outside it is refused by the API's JSON decoder; one inside it that the runtime does not emulate fails loudly.
 */
const REQUEST_KINDS: ReadonlySet<string> = new Set<keyof Request | (typeof NEWER_REQUEST_KINDS)[number]>([
  ...NEWER_REQUEST_KINDS,
  "addBanding",
  "addChart",
  "addConditionalFormatRule",
  "addDimensionGroup",
  "addFilterView",
  "addNamedRange",
  "addProtectedRange",
  "addSheet",
  "addTable",
  "appendCells",
  "appendDimension",
  "autoFill",
  "autoResizeDimensions",
  "clearBasicFilter",
  "copyPaste",
  "createDeveloperMetadata",
  "cutPaste",
  "deleteBanding",
  "deleteConditionalFormatRule",
  "deleteDeveloperMetadata",
  "deleteDimension",
  "deleteDimensionGroup",
  "deleteEmbeddedObject",
  "deleteFilterView",
  "deleteNamedRange",
  "deleteProtectedRange",
  "deleteRange",
  "deleteSheet",
  "deleteTable",
  "duplicateFilterView",
  "duplicateSheet",
  "findReplace",
  "insertDimension",
  "insertRange",
  "mergeCells",
  "moveDimension",
  "pasteData",
  "randomizeRange",
  "repeatCell",
  "setBasicFilter",
  "setDataValidation",
  "sortRange",
  "textToColumns",
  "unmergeCells",
  "updateBanding",
  "updateBorders",
  "updateCells",
  "updateChartSpec",
  "updateConditionalFormatRule",
  "updateDeveloperMetadata",
  "updateDimensionGroup",
  "updateDimensionProperties",
  "updateEmbeddedObjectPosition",
  "updateFilterView",
  "updateNamedRange",
  "updateProtectedRange",
  "updateSheetProperties",
  "updateSpreadsheetProperties",
  "updateTable",
]);

/**
 * The API's own texts, each as a source quotes it: an empty batch "Must specify at least one request."
 * (github.com/googleapis/google-api-nodejs-client/issues/1001); an unknown request kind is the JSON decoder's
 * "Invalid JSON payload received. Unknown name "DeleteRange" at 'requests[0]': Cannot find field."
 * (github.com/googleapis/google-api-python-client/issues/930); a request setting no kind "Invalid requests[0]: No
 * request set." and one setting two [UNCONFIRMED] (github.com/strukto-ai/mirage, integ/server/gws/sheets/batch.ts);
 * a spreadsheet that is not there "Requested entity was not found."; a `fields` path that names no field "Request
 * contains an invalid argument." (github.com/ringo380/claude-google-sheets-mcp/pull/4).
 */
export const SHEETS_API_ERRORS = {
  noRequests: "Must specify at least one request.",
  unknownKind: (kind: string, index: number) =>
    `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${index}]': Cannot find field.`,
  noKind: (index: number) => `Invalid requests[${index}]: No request set.`,
  twoKinds: (index: number, second: string) =>
    `Invalid JSON payload received. Oneof field 'kind' is already set. Cannot set '${second}' at 'requests[${index}]'`,
  notFound: "Requested entity was not found.",
  invalidArgument: "Request contains an invalid argument.",
} as const;

/**
 * How Apps Script surfaces an API error: a GoogleJsonResponseException "API call to sheets.spreadsheets.batchUpdate
 * failed with error: <the API's message>" (the wording scripts quote, e.g. "GoogleJsonResponseException: API call to
 * sheets.spreadsheets.batchUpdate failed with error: Quota exceeded for quota metric 'Write requests' …"), with the
 * HTTP code and message in `details`.
 */
function apiError(kernel: Kernel, method: "batchUpdate" | "get", message: string, code: number): Error {
  const error = kernel.exception(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
  error.name = "GoogleJsonResponseException";
  Object.assign(error, { details: { code, message } });
  return error;
}

/** The Sheets service of one execution (its global is the manifest's userSymbol, usually `Sheets`). */
export function createSheetsService(kernel: Kernel, store: SpreadsheetStore): EmulatedSheets {
  const spreadsheetOf = (id: unknown, method: "batchUpdate" | "get", args: readonly unknown[]): SpreadsheetModel => {
    if (typeof id !== "string") throw scriptSignatureError(kernel, `Sheets.Spreadsheets.${method}`, args);
    const model = store.get(id);
    if (!model) throw apiError(kernel, method, SHEETS_API_ERRORS.notFound, 404);
    return model;
  };
  const batchUpdate = (resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest, id: string) => {
    kernel.call("Sheets", "Sheets.Spreadsheets.batchUpdate", { needsAuth: true, scopes: BATCH_UPDATE_SCOPES });
    if (typeof resource !== "object" || resource === null) {
      throw scriptSignatureError(kernel, "Sheets.Spreadsheets.batchUpdate", [resource, id]);
    }
    const model = spreadsheetOf(id, "batchUpdate", [resource, id]);
    const requests = resource.requests ?? [];
    if (requests.length === 0) throw apiError(kernel, "batchUpdate", SHEETS_API_ERRORS.noRequests, 400);
    if (resource.includeSpreadsheetInResponse)
      throw new Error("batchUpdate: includeSpreadsheetInResponse is not emulated");
    const draft = new FilterViewDraft(store.workbook(model));
    const replies = requests.map((request, index) => {
      try {
        return applyRequest(draft, request, index);
      } catch (error) {
        if (error instanceof RequestRefused) throw apiError(kernel, "batchUpdate", error.message, 400);
        throw error;
      }
    });
    // "If any request is not valid then the entire request will fail and nothing will be applied."
    draft.commit();
    return { spreadsheetId: model.id, replies };
  };
  const get = (id: string, optionalArgs?: object) => {
    kernel.call("Sheets", "Sheets.Spreadsheets.get", { needsAuth: true, scopes: GET_SCOPES });
    const model = spreadsheetOf(id, "get", optionalArgs === undefined ? [id] : [id, optionalArgs]);
    const args = (optionalArgs ?? {}) as { fields?: unknown; ranges?: unknown; includeGridData?: unknown };
    if (args.includeGridData || args.ranges !== undefined)
      throw new Error("get: grid data and ranges are not emulated");
    const whole = spreadsheetJson(model);
    if (args.fields === undefined) return whole;
    const selection = parseFields(String(args.fields));
    if (!selection) throw apiError(kernel, "get", SHEETS_API_ERRORS.invalidArgument, 400);
    const picked = project(whole, SPREADSHEET_FIELDS, selection);
    if (picked === INVALID) throw apiError(kernel, "get", SHEETS_API_ERRORS.invalidArgument, 400);
    return picked as GoogleAppsScript.Sheets.Schema.Spreadsheet;
  };
  return { Spreadsheets: { batchUpdate, get } as EmulatedSheets["Spreadsheets"] };
}

/** Applies one request of a batch to the draft and returns its reply (empty for requests that have none). */
function applyRequest(
  draft: FilterViewDraft,
  request: Request,
  index: number,
): GoogleAppsScript.Sheets.Schema.Response {
  const kinds = Object.keys(request ?? {});
  const [kind, second] = kinds;
  if (kind === undefined) throw new RequestRefused(SHEETS_API_ERRORS.noKind(index));
  for (const name of kinds) {
    if (!REQUEST_KINDS.has(name)) {
      throw new RequestRefused(SHEETS_API_ERRORS.unknownKind(name, index));
    }
  }
  if (second !== undefined) throw new RequestRefused(SHEETS_API_ERRORS.twoKinds(index, second));
  const refuse: Refuse = (text, decoding) => {
    throw new RequestRefused(decoding ? text : `Invalid requests[${index}].${kind}: ${text}`);
  };
  if (request.addFilterView) return { addFilterView: { filter: draft.add(request.addFilterView, refuse, index) } };
  if (request.updateFilterView) {
    draft.update(request.updateFilterView, refuse, index);
    return {};
  }
  if (request.deleteFilterView) {
    draft.delete(request.deleteFilterView, refuse);
    return {};
  }
  throw new Error(`Sheets.Spreadsheets.batchUpdate: the ${kind} request is not emulated`);
}

/** What the runtime knows of a spreadsheet, as Spreadsheets.get returns it without a field mask. */
function spreadsheetJson(model: SpreadsheetModel): GoogleAppsScript.Sheets.Schema.Spreadsheet {
  return {
    spreadsheetId: model.id,
    properties: { title: model.name, locale: model.locale, timeZone: model.timeZone },
    sheets: model.sheets.map((sheet, index) => {
      const filterViews: ApiFilterView[] = (sheet.filterViews ?? []).map(viewJson);
      return {
        properties: {
          sheetId: sheet.id,
          title: sheet.name,
          index,
          sheetType: "GRID",
          gridProperties: {
            rowCount: sheet.maxRows,
            columnCount: sheet.maxColumns,
            ...(sheet.frozenRows > 0 ? { frozenRowCount: sheet.frozenRows } : {}),
            ...(sheet.frozenColumns > 0 ? { frozenColumnCount: sheet.frozenColumns } : {}),
          },
          ...(sheet.hidden ? { hidden: true } : {}),
        },
        ...(filterViews.length > 0 ? { filterViews } : {}),
      };
    }),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${model.id}/edit`,
  };
}

/**
 * The fields of the resources get returns, from the reference's Spreadsheet, Sheet, SheetProperties and FilterView:
 * a nested object for a message the runtime models, `true` for a value it models, `false` for a field the API has
 * and the runtime does not model (asking for it fails loudly rather than answer nothing).
 */
type FieldTree = { readonly [name: string]: FieldTree | boolean };
const GRID_RANGE_FIELDS: FieldTree = {
  sheetId: true,
  startRowIndex: true,
  endRowIndex: true,
  startColumnIndex: true,
  endColumnIndex: true,
};
const FILTER_VIEW_FIELDS: FieldTree = {
  filterViewId: true,
  title: true,
  range: GRID_RANGE_FIELDS,
  namedRangeId: true,
  tableId: true,
  sortSpecs: true,
  criteria: true,
  filterSpecs: true,
};
const SPREADSHEET_FIELDS: FieldTree = {
  spreadsheetId: true,
  spreadsheetUrl: true,
  properties: {
    title: true,
    locale: true,
    timeZone: true,
    autoRecalc: false,
    defaultFormat: false,
    iterativeCalculationSettings: false,
    spreadsheetTheme: false,
    importFunctionsExternalUrlAccessAllowed: false,
  },
  sheets: {
    properties: {
      sheetId: true,
      title: true,
      index: true,
      sheetType: true,
      gridProperties: {
        rowCount: true,
        columnCount: true,
        frozenRowCount: true,
        frozenColumnCount: true,
        hideGridlines: false,
        rowGroupControlAfter: false,
        columnGroupControlAfter: false,
      },
      hidden: true,
      tabColor: false,
      tabColorStyle: false,
      rightToLeft: false,
      dataSourceSheetProperties: false,
    },
    filterViews: FILTER_VIEW_FIELDS,
    data: false,
    merges: false,
    conditionalFormats: false,
    protectedRanges: false,
    basicFilter: false,
    charts: false,
    bandedRanges: false,
    developerMetadata: false,
    rowGroups: false,
    columnGroups: false,
    slicers: false,
    tables: false,
  },
  namedRanges: false,
  developerMetadata: false,
  dataSources: false,
  dataSourceSchedules: false,
};

/** A parsed `fields` mask: each name with its sub-selection (null: all of it). */
type Selection = Map<string, Selection | null>;

const INVALID = Symbol("invalid field");

/**
 * Parses a `fields` mask ("sheets(properties(sheetId,title),filterViews(filterViewId,title))", "sheets.properties",
 * "sheets/filterViews", "*"): "Use a/b to select a field b that is nested within field a"; "a sub-selector … by
 * placing expressions in parentheses" (developers.google.com/sheets/api/guides/field-masks). Null when it is not one;
 * spaces are not allowed (the API rejects "properties, sheets.properties": ringo380/claude-google-sheets-mcp#4).
 */
function parseFields(text: string): Selection | null {
  let at = 0;
  const list = (): Selection | null => {
    const selection: Selection = new Map();
    for (;;) {
      const match = /^(\*|[A-Za-z][A-Za-z0-9]*)/.exec(text.slice(at));
      if (!match) return null;
      at += match[0].length;
      let path = [match[0]];
      while (text[at] === "." || text[at] === "/") {
        const next = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(at + 1));
        if (!next) return null;
        at += 1 + next[0].length;
        path = [...path, next[0]];
      }
      let inner: Selection | null = null;
      if (text[at] === "(") {
        at++;
        inner = list();
        if (!inner || text[at] !== ")") return null;
        at++;
      }
      const leaf = path.reduceRight<Selection | null>((sub, name) => new Map([[name, sub]]), inner);
      for (const [name, sub] of leaf ?? []) merge(selection, name, sub);
      if (text[at] !== ",") return selection;
      at++;
    }
  };
  const selection = list();
  return selection && at === text.length ? selection : null;
}

function merge(selection: Selection, name: string, sub: Selection | null): void {
  const had = selection.get(name);
  if (!selection.has(name)) selection.set(name, sub);
  else if (had === null || sub === null) selection.set(name, null);
  else if (had) for (const [inner, more] of sub) merge(had, inner, more);
}

/** The parts of `value` a selection names, checked against `fields`; INVALID when it names a field the API lacks. */
function project(value: unknown, fields: FieldTree, selection: Selection): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => project(item, fields, selection));
    return items.includes(INVALID) ? INVALID : items;
  }
  const source = (value ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, sub] of selection) {
    const names = name === "*" ? Object.keys(fields) : [name];
    for (const field of names) {
      const known = fields[field];
      if (known === undefined) return INVALID;
      if (known === false) {
        if (name === "*") continue;
        throw new Error(`Sheets.Spreadsheets.get: the field ${field} is not emulated`);
      }
      if (!(field in source)) continue;
      if (sub === null || name === "*") out[field] = source[field];
      else if (known === true) return INVALID;
      else {
        const picked = project(source[field], known, sub);
        if (picked === INVALID) return INVALID;
        out[field] = picked;
      }
    }
  }
  return out;
}
