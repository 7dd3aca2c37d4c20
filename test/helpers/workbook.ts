/** Test helpers to arrange a team's sheet and to look at the workbook the way a person would (values, formats, rules). */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { Cell, SheetModel } from "../../local/runtime/spreadsheet/model";

/** The stored model of a sheet, by name, with its formulas' values as Sheets would show them by now. */
export function sheetModel(runtime: AppsScriptRuntime, name: string): SheetModel {
  const spreadsheet = runtime.spreadsheets.get(runtime.documentId ?? "");
  const sheet = spreadsheet?.sheets.find((s) => s.name === name);
  if (!spreadsheet || !sheet) throw new Error(`no sheet "${name}"`);
  runtime.spreadsheets.workbook(spreadsheet).formulas.settle();
  return sheet;
}

/** Every stored fact of a cell a person can see except data validation (which adoption adds on purpose). */
type CellLook = Omit<Cell, "validation" | "validationOffset">;

/** The look of a rectangle of cells (1-based, inclusive), for before/after comparisons. */
export function snapshotCells(sheet: SheetModel, rows: number, columns: number): (CellLook | null)[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const cell = sheet.rows[r]?.[c];
      if (!cell) return null;
      const { validation: _validation, validationOffset: _offset, ...look } = cell;
      return look;
    }),
  );
}

/** Types a table into the first sheet as a person would (strings are read like typed input), with a bold, coloured header. */
export function typeTable(
  runtime: AppsScriptRuntime,
  rows: unknown[][],
  headerRow = 1,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
  if (!sheet) throw new Error("no sheet");
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array(width - r.length).fill("")]);
  if (padded.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), padded.length - sheet.getMaxRows());
  sheet.getRange(1, 1, padded.length, width).setValues(padded);
  sheet.getRange(headerRow, 1, 1, width).setFontWeight("bold").setBackground("#cfe2f3");
  return sheet;
}

/** The value the add-on keeps under `key` in the spreadsheet's own developer metadata (its records), or null. */
export function metadataValue(runtime: AppsScriptRuntime, key: string): string | null {
  const found = runtime.inspect().getActiveSpreadsheet().createDeveloperMetadataFinder().withKey(key).find()[0];
  return found?.getValue() ?? null;
}

/** A data validation rule as a person reads it in the rule editor: criteria, values (a range as Sheet!A1), help, strictness. */
function ruleLook(rule: unknown): unknown {
  if (rule === undefined) return undefined;
  const validation = rule as GoogleAppsScript.Spreadsheet.DataValidation;
  const values = validation.getCriteriaValues().map((value) => {
    const range = value as Partial<GoogleAppsScript.Spreadsheet.Range>;
    return typeof range.getA1Notation === "function" && typeof range.getSheet === "function"
      ? `${range.getSheet().getName()}!${range.getA1Notation()}`
      : value;
  });
  return {
    criteria: String(validation.getCriteriaType()),
    values,
    helpText: validation.getHelpText(),
    allowInvalid: validation.getAllowInvalid(),
  };
}

/** One cell as stored: value, formula, number format, validation rule and formatting (absent facts left out). */
function cellLook(cell: Cell | undefined): string {
  if (!cell) return "";
  const { validation, validationOffset: _offset, ...rest } = cell;
  return JSON.stringify({ ...rest, ...(validation !== undefined && { validation: ruleLook(validation) }) });
}

/**
 * Everything adoption and Sync leave in a workbook, sheet by sheet, cell by cell (values, formulas, number formats,
 * validation, formatting) as runs of equal cells down each column, with each sheet's size, frozen rows, widths and
 * conditional-format rules, and the spreadsheet's protections and developer metadata: for before/after comparisons.
 */
export function workbookLook(runtime: AppsScriptRuntime): unknown {
  const spreadsheet = runtime.spreadsheets.get(runtime.documentId ?? "");
  if (!spreadsheet) throw new Error("no open spreadsheet");
  runtime.spreadsheets.workbook(spreadsheet).formulas.settle();
  const sheets = spreadsheet.sheets.map((sheet) => {
    const columns: Record<string, string[]> = {};
    for (let c = 0; c < sheet.maxColumns; c++) {
      const runs: string[] = [];
      const looks = Array.from({ length: sheet.maxRows }, (_, r) => cellLook(sheet.rows[r]?.[c]));
      let start = 0;
      looks.forEach((look, r) => {
        if (looks[r + 1] === look) return;
        if (look !== "") runs.push(`${start + 1}-${r + 1}: ${look}`);
        start = r + 1;
      });
      if (runs.length > 0) columns[String(c + 1)] = runs;
    }
    return {
      name: sheet.name,
      hidden: sheet.hidden,
      size: [sheet.maxRows, sheet.maxColumns],
      frozen: [sheet.frozenRows, sheet.frozenColumns],
      widths: Object.fromEntries(sheet.columnWidths),
      conditionalFormatRules: JSON.parse(JSON.stringify(sheet.conditionalFormatRules)),
      columns,
    };
  });
  return {
    sheets,
    protections: spreadsheet.protections.map(({ id: _id, ...protection }) => protection),
    developerMetadata: spreadsheet.developerMetadata.map(({ id: _id, ...metadata }) => metadata),
  };
}
