/** Evaluates a conditional-format formula over a sheet's rows with the runtime's formula engine, as Sheets applies a rule per row. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { evaluateRuleFormula } from "../../local/runtime/spreadsheet/formula-rules";

/** A Sheets serial day number (days since 1899-12-30) of a calendar date. */
export function serialOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25569;
}

/**
 * The result of `formula` (written for the top-left cell A`firstRow`, as the add-on's rules are) for rows
 * firstRow..lastRow of the open spreadsheet's sheet `sheetName`, with TODAY() the given serial (Sheets takes today
 * in the spreadsheet's time zone). The engine moves relative references to each row as Sheets applies a rule.
 */
export function evaluatePerRow(
  runtime: AppsScriptRuntime,
  sheetName: string,
  formula: string,
  firstRow: number,
  lastRow: number,
  todaySerial: number,
): boolean[] {
  const spreadsheet = runtime.spreadsheets.get(runtime.documentId ?? "");
  const sheet = spreadsheet?.sheets.find((s) => s.name === sheetName);
  if (!spreadsheet || !sheet) throw new Error(`no sheet ${sheetName} in the open spreadsheet`);
  const area = { row: firstRow, column: 1, numRows: lastRow - firstRow + 1, numColumns: 1 };
  const [results = []] = evaluateRuleFormula(spreadsheet, sheet, formula, area, [area], {
    today: todaySerial,
    now: todaySerial,
  });
  return results.map(([value]) => value === true);
}
