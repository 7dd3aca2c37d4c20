/** Saves the simulated workbook as .xlsx with exceljs: every sheet's values and number formats, header styling, column widths, frozen rows, data validations and conditional formats. */

import ExcelJS from "exceljs";
import type { AppsScriptRuntime } from "../runtime/runtime";
import { a1Of, type Cell, type SheetModel } from "../runtime/spreadsheet/model";

type Validation = GoogleAppsScript.Spreadsheet.DataValidation;
/** exceljs keeps range validations in `dataValidations` (lib/doc/data-validations.js), which its types leave out. */
type Worksheet = ExcelJS.Worksheet & { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } };

/** "#f4cccc" → "FFF4CCCC". */
function argb(colour: string): string {
  return `FF${colour.replace("#", "").toUpperCase()}`;
}

/** An A1 range with absolute rows and columns, on its sheet: 'Settings'!$A$2:$A$1000. */
function absoluteReference(range: GoogleAppsScript.Spreadsheet.Range): string {
  const sheet = range.getSheet().getName().replace(/'/g, "''");
  return `'${sheet}'!${range.getA1Notation().replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
}

/** Excel's nearest equivalent of a Sheets rule, or null when Excel has none. */
function excelValidation(rule: Validation): ExcelJS.DataValidation | null {
  const values = rule.getCriteriaValues();
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    // Sheets' "show a warning" keeps invalid input and marks it; Excel's warning style asks and then keeps it.
    errorStyle: rule.getAllowInvalid() ? "warning" : "stop",
    ...(rule.getHelpText() ? { prompt: rule.getHelpText(), showInputMessage: true } : {}),
  };
  switch (String(rule.getCriteriaType())) {
    case "VALUE_IN_RANGE":
      return {
        ...common,
        type: "list",
        formulae: [absoluteReference(values[0] as GoogleAppsScript.Spreadsheet.Range)],
      };
    case "VALUE_IN_LIST":
      return { ...common, type: "list", formulae: [`"${(values[0] as string[]).join(",")}"`] };
    case "CHECKBOX":
      return { ...common, type: "list", formulae: ['"TRUE,FALSE"'] };
    case "NUMBER_BETWEEN":
      return { ...common, type: "decimal", operator: "between", formulae: [values[0], values[1]] };
    case "DATE_IS_VALID_DATE":
      return { ...common, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case "CUSTOM_FORMULA":
      return { ...common, type: "custom", formulae: [String(values[0]).replace(/^=/, "")] };
    default:
      return null;
  }
}

/** The cell's value, format and look on the Excel cell. */
function copyCell(cell: Cell, target: ExcelJS.Cell): void {
  target.value = cell.formula ? { formula: cell.formula.slice(1), result: cell.value } : cell.value;
  if (cell.numberFormat) target.numFmt = cell.numberFormat;
  if (cell.fontWeight === "bold" || cell.fontColor)
    target.font = {
      bold: cell.fontWeight === "bold",
      ...(cell.fontColor ? { color: { argb: argb(cell.fontColor) } } : {}),
    };
  if (cell.background) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(cell.background) } };
  if (cell.wrap) target.alignment = { wrapText: true };
  if (cell.note) target.note = cell.note;
}

/** One validation per run of cells down a column sharing the same rule (rules are immutable and shared). */
function copyValidations(model: SheetModel, sheet: Worksheet): void {
  const width = Math.max(0, ...model.rows.map((row) => row?.length ?? 0));
  for (let column = 1; column <= width; column++) {
    let start = 0;
    let current: unknown;
    for (let row = 1; row <= model.rows.length + 1; row++) {
      const rule = model.rows[row - 1]?.[column - 1]?.validation;
      if (rule === current) continue;
      const excel = current ? excelValidation(current as Validation) : null;
      if (excel) sheet.dataValidations.add(a1Of({ row: start, column, numRows: row - start, numColumns: 1 }), excel);
      start = row;
      current = rule;
    }
  }
}

/** Custom-formula conditional formats (the overdue and due-today colouring) as Excel expression rules. */
function copyConditionalFormats(source: GoogleAppsScript.Spreadsheet.Sheet, sheet: ExcelJS.Worksheet): void {
  source.getConditionalFormatRules().forEach((rule, index) => {
    const condition = rule.getBooleanCondition();
    if (!condition || String(condition.getCriteriaType()) !== "CUSTOM_FORMULA") return;
    const background = condition.getBackground();
    for (const range of rule.getRanges()) {
      sheet.addConditionalFormatting({
        ref: range.getA1Notation(),
        rules: [
          {
            type: "expression",
            priority: index + 1,
            formulae: [String(condition.getCriteriaValues()[0]).replace(/^=/, "")],
            style: background
              ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(background) } } }
              : {},
          },
        ],
      });
    }
  });
}

/** Writes the runtime's open spreadsheet to `file`. */
export async function writeXlsx(runtime: AppsScriptRuntime, file: string): Promise<void> {
  const model = runtime.spreadsheets.get(runtime.documentId ?? "");
  if (!model) throw new Error("no spreadsheet to save");
  const spreadsheet = runtime.inspect().getActiveSpreadsheet();
  const workbook = new ExcelJS.Workbook();
  for (const sheetModel of model.sheets) {
    const sheet = workbook.addWorksheet(sheetModel.name, {
      state: sheetModel.hidden ? "hidden" : "visible",
      views:
        sheetModel.frozenRows + sheetModel.frozenColumns > 0
          ? [{ state: "frozen", ySplit: sheetModel.frozenRows, xSplit: sheetModel.frozenColumns }]
          : [],
    });
    for (const [column, pixels] of sheetModel.columnWidths) sheet.getColumn(column).width = Math.round(pixels / 7);
    sheetModel.rows.forEach((cells, index) => {
      if (!cells) return;
      const row = sheet.getRow(index + 1);
      cells.forEach((cell, column) => {
        if (cell && (cell.value !== "" || cell.formula || cell.background || cell.fontWeight))
          copyCell(cell, row.getCell(column + 1));
      });
    });
    copyValidations(sheetModel, sheet as Worksheet);
    const source = spreadsheet.getSheets().find((s) => s.getSheetId() === sheetModel.id);
    if (source) copyConditionalFormats(source, sheet);
  }
  await workbook.xlsx.writeFile(file);
}
