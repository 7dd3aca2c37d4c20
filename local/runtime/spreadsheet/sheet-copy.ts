/** Sheet.copyTo(spreadsheet): a new sheet "Copy of <name>" with the source's cells (values, formulas, formats, notes, validation), layout and conditional-format rules. */

import type { SheetModel } from "./model";
import { FakeSpreadsheet, nameTaken } from "./spreadsheet";
import { newSheetModel, scrambledId } from "./store";
import type { Workbook } from "./workbook";

/**
 * "Copies the sheet to a given spreadsheet, which can be the same spreadsheet as the source. The copied sheet is
 * named "Copy of [original name]."" (developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet)).
 * The copy goes after the last sheet and the active sheet stays [UNCONFIRMED]; a taken name gets " 2", " 3"…
 * [UNCONFIRMED]. Not copied: protections, developer metadata, named ranges [UNCONFIRMED], and pivot tables and charts
 * [not emulated]. Returns the target workbook and the new sheet, or null when `target` is not a Spreadsheet.
 */
export function copySheet(sheet: SheetModel, target: unknown): { wb: Workbook; copy: SheetModel } | null {
  if (!(target instanceof FakeSpreadsheet)) return null;
  const wb = target.workbook;
  wb.assertCellLimit(sheet.maxRows * sheet.maxColumns);
  const base = `Copy of ${sheet.name}`;
  let name = base;
  for (let n = 2; nameTaken(wb, name, null); n++) name = `${base} ${n}`;
  const copy: SheetModel = {
    ...newSheetModel(scrambledId(wb.spreadsheet.nextSheetId++), name, sheet.maxRows, sheet.maxColumns),
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    rows: sheet.rows.map((cells) => cells?.map((cell) => (cell ? { ...cell } : undefined))),
    columnWidths: new Map(sheet.columnWidths),
    tabColor: sheet.tabColor,
  };
  copy.conditionalFormatRules = sheet.conditionalFormatRules.map((rule) => ({
    ...structuredClone(rule),
    ranges: rule.ranges.map((ref) => ({ ...ref, sheetId: copy.id })),
  }));
  wb.spreadsheet.sheets.push(copy);
  if (copy.rows.some((cells) => cells?.some((cell) => cell?.formula !== undefined))) wb.formulas.formulaWritten();
  wb.cellsChanged(copy, { row: 1, column: 1, numRows: copy.maxRows, numColumns: copy.maxColumns });
  return { wb, copy };
}
