/** The workbook as the page draws it: each sheet's visible values, formats, dropdowns and frozen rows, with conditional-format colours at the simulated time. */

import { clockAt } from "../runtime/spreadsheet/formula-engine";
import { shownText as shownTextOf } from "../runtime/spreadsheet/grid";
import { a1Of, type Cell, type SheetModel, type SpreadsheetModel } from "../runtime/spreadsheet/model";
import type { FormulaClock } from "../runtime/spreadsheet/sheets-functions";
import { specOf } from "../runtime/spreadsheet/validation";
import { describeRules, type RuleMatch, ruleMatches } from "./rule-colours";
import type { CellView, SheetView } from "./view-types";

/** Empty rows and columns drawn past the data, as a sheet shows some blank grid. */
const MARGIN = { rows: 5, columns: 1 };
const MIN_GRID = { rows: 20, columns: 6 };
const DEFAULT_COLUMN_WIDTH = 100;

/** Every sheet of the spreadsheet at the simulated instant `now`. */
export function workbookView(spreadsheet: SpreadsheetModel, now: number): SheetView[] {
  const clock = clockAt(now, spreadsheet.timeZone);
  return spreadsheet.sheets.map((sheet) => sheetView(spreadsheet, sheet, clock));
}

function sheetView(spreadsheet: SpreadsheetModel, sheet: SheetModel, clock: FormulaClock): SheetView {
  const used = usedExtent(sheet);
  const rows = Math.min(sheet.maxRows, Math.max(MIN_GRID.rows, used.rows + MARGIN.rows, sheet.frozenRows));
  const columns = Math.min(sheet.maxColumns, Math.max(MIN_GRID.columns, used.columns + MARGIN.columns));
  const matches = ruleMatches(spreadsheet, sheet, rows, clock);
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths: Array.from({ length: columns }, (_, c) => sheet.columnWidths.get(c + 1) ?? DEFAULT_COLUMN_WIDTH),
    rows: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => cellView(sheet.rows[r]?.[c], matches[r]?.[c])),
    ),
    rules: describeRules(sheet, a1Of),
  };
}

/** The last row and column holding a value (1-based; 0 for an empty sheet). */
function usedExtent(sheet: SheetModel): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell && cell.value !== "") {
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    });
  });
  return { rows, columns };
}

function cellView(cell: Cell | undefined, match: RuleMatch | undefined): CellView {
  const view: CellView = { text: cell ? (cell.notEmulated ? "#N/A (not emulated)" : shownTextOf(cell)) : "" };
  const criteria = cell?.validation ? specOf(cell.validation).criteria : null;
  if (criteria === "VALUE_IN_LIST" || criteria === "VALUE_IN_RANGE") view.dropdown = true;
  if (criteria === "CHECKBOX") {
    view.checkbox = true;
    view.text = cell?.value === true ? "☑" : "☐";
  }
  const background = match?.background ?? cell?.background;
  if (background) view.background = background;
  const color = match?.fontColor ?? cell?.fontColor;
  if (color) view.color = color;
  if (match?.bold ?? cell?.fontWeight === "bold") view.bold = true;
  if (cell?.horizontalAlignment) view.align = cell.horizontalAlignment;
  if (cell?.wrap) view.wrap = true;
  if (match) view.rule = match.rule;
  return view;
}
