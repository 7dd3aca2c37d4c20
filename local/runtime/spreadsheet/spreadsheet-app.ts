/** The global SpreadsheetApp of the emulated runtime (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app). */

import { type Kernel, SCOPES } from "../kernel";
import { MAX_CELLS } from "../limits";
import { newConditionalFormatRule } from "./conditional-format";
import {
  BooleanCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  InterpolationType,
  ProtectionType,
  WrapStrategy,
} from "./enums";
import { isInteger, MESSAGES, signatureError } from "./errors";
import type { SpreadsheetModel } from "./model";
import { newFilterCriteria, PivotTableSummarizeFunction, PivotValueDisplayType } from "./pivot";
import type { SpreadsheetStore } from "./store";
import { DataValidationCriteria, newDataValidation } from "./validation";

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

type AppMembers =
  | "getActiveSpreadsheet"
  | "getActive"
  | "openById"
  | "create"
  | "getActiveSheet"
  | "getActiveRange"
  | "getUi"
  | "flush"
  | "newDataValidation"
  | "newConditionalFormatRule"
  | "newFilterCriteria"
  | "DataValidationCriteria"
  | "BooleanCriteria"
  | "InterpolationType"
  | "PivotTableSummarizeFunction"
  | "PivotValueDisplayType"
  | "ProtectionType"
  | "Dimension"
  | "WrapStrategy"
  | "DeveloperMetadataVisibility"
  | "DeveloperMetadataLocationType";

const DOCUMENT = { needsAuth: true, scopes: [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets] } as const;

/**
 * SpreadsheetApp. Inside an execution the active spreadsheet is the one the execution is bound to (null when
 * unbound); outside any execution (tests inspecting the workbook) it is the store's first spreadsheet.
 */
export function createSpreadsheetApp(deps: {
  kernel: Kernel;
  store: SpreadsheetStore;
  getUi: () => GoogleAppsScript.Base.Ui;
}): App {
  const { kernel, store } = deps;

  const activeModel = (): SpreadsheetModel | null => {
    const execution = kernel.execution;
    if (!execution) return store.all()[0] ?? null;
    return execution.activeSpreadsheetId === null ? null : (store.get(execution.activeSpreadsheetId) ?? null);
  };
  const active = (): Spreadsheet | null => {
    const model = activeModel();
    return model ? (store.workbook(model).spreadsheetObject() as unknown as Spreadsheet) : null;
  };

  const app: Pick<App, AppMembers> = {
    getActiveSpreadsheet() {
      kernel.call("Spreadsheet", "SpreadsheetApp.getActiveSpreadsheet", DOCUMENT);
      return active() as Spreadsheet;
    },
    getActive() {
      kernel.call("Spreadsheet", "SpreadsheetApp.getActive", DOCUMENT);
      return active() as Spreadsheet;
    },
    /** Needs the full spreadsheets scope (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)). */
    openById(id: string) {
      kernel.call("Spreadsheet", "SpreadsheetApp.openById", { needsAuth: true, scopes: [SCOPES.spreadsheets] });
      if (typeof id !== "string") throw signatureError(kernel, "openById", [id]);
      const model = store.get(id);
      if (!model) throw kernel.exception(MESSAGES.openByIdFailed);
      return store.workbook(model).spreadsheetObject() as unknown as Spreadsheet;
    },
    /**
     * "Creates a new spreadsheet with the given name", optionally "with the given name and the specified number of rows
     * and columns" (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)): a new file,
     * so the full spreadsheets scope, as openById. The file is the effective user's; its one sheet is the locale's
     * first sheet ("Sheet1", "工作表1"), 1000 × 26 unless sized. Which locale and time zone a new file gets is
     * [UNCONFIRMED]: here the active user's locale and the script's time zone (callers that care set both). The text
     * for a size below 1 is [UNCONFIRMED]; a size over the cell limit gets the limit's own error.
     */
    create(...args: unknown[]) {
      kernel.call("Spreadsheet", "SpreadsheetApp.create", { needsAuth: true, scopes: [SCOPES.spreadsheets] });
      const [name, rows = 1000, columns = 26] = args;
      if (
        (args.length !== 1 && args.length !== 3) ||
        typeof name !== "string" ||
        !isInteger(rows) ||
        !isInteger(columns)
      )
        throw signatureError(kernel, "create", args);
      if (rows < 1) throw kernel.exception("Invalid argument: rows");
      if (columns < 1) throw kernel.exception("Invalid argument: columns");
      if (rows * columns > MAX_CELLS) throw kernel.exception(MESSAGES.cellLimit);
      const execution = kernel.requireExecution("SpreadsheetApp.create");
      const model = store.create({
        name,
        timeZone: kernel.scriptTimeZone,
        locale: execution.userLocale,
        owner: execution.effectiveUser,
      });
      const [sheet] = model.sheets;
      if (sheet) Object.assign(sheet, { maxRows: rows, maxColumns: columns });
      return store.workbook(model).spreadsheetObject() as unknown as Spreadsheet;
    },
    getActiveSheet() {
      kernel.call("Spreadsheet", "SpreadsheetApp.getActiveSheet", DOCUMENT);
      const model = activeModel();
      const wb = model && store.workbook(model);
      return (wb ? wb.sheetObject(wb.activeSheetModel()) : null) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    },
    getActiveRange() {
      kernel.call("Spreadsheet", "SpreadsheetApp.getActiveRange", DOCUMENT);
      const model = activeModel();
      const ref = model?.activeRange;
      return (model && ref ? store.workbook(model).rangeOf(ref) : null) as GoogleAppsScript.Spreadsheet.Range;
    },
    /** Counted (and refused where Apps Script refuses it) by the Ui module. */
    getUi() {
      return deps.getUi();
    },
    /** Applies pending changes: here, recomputes the pivot tables writes left stale in every spreadsheet. */
    flush() {
      kernel.call("Spreadsheet", "SpreadsheetApp.flush", DOCUMENT);
      for (const model of store.all()) store.workbook(model).settlePivots();
    },
    newDataValidation() {
      kernel.call("Spreadsheet", "SpreadsheetApp.newDataValidation", { needsAuth: true });
      return newDataValidation(kernel);
    },
    newConditionalFormatRule() {
      kernel.call("Spreadsheet", "SpreadsheetApp.newConditionalFormatRule", { needsAuth: true });
      return newConditionalFormatRule(kernel);
    },
    newFilterCriteria() {
      kernel.call("Spreadsheet", "SpreadsheetApp.newFilterCriteria", { needsAuth: true });
      return newFilterCriteria(kernel);
    },
    DataValidationCriteria: DataValidationCriteria as unknown as App["DataValidationCriteria"],
    BooleanCriteria: BooleanCriteria as unknown as App["BooleanCriteria"],
    InterpolationType: InterpolationType as unknown as App["InterpolationType"],
    PivotTableSummarizeFunction: PivotTableSummarizeFunction as unknown as App["PivotTableSummarizeFunction"],
    PivotValueDisplayType: PivotValueDisplayType as unknown as App["PivotValueDisplayType"],
    ProtectionType: ProtectionType as unknown as App["ProtectionType"],
    Dimension: Dimension as unknown as App["Dimension"],
    WrapStrategy: WrapStrategy as unknown as App["WrapStrategy"],
    DeveloperMetadataVisibility: DeveloperMetadataVisibility as unknown as App["DeveloperMetadataVisibility"],
    DeveloperMetadataLocationType: DeveloperMetadataLocationType as unknown as App["DeveloperMetadataLocationType"],
  };
  return app as App;
}
