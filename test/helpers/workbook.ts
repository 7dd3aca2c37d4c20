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
