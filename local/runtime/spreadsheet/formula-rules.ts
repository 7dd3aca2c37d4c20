/** Rule formulas (conditional formatting, data-validation custom formulas) evaluated per cell by the spreadsheet's formula engine, as Sheets applies a rule to each cell of its ranges. */

import type { HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { assertEvaluable, toEngine } from "./formula-dialect";
import { buildEngine, engineInput, sheetsValue } from "./formula-engine";
import type { CellValue, GridRangeRef, SheetModel, SpreadsheetModel } from "./model";
import { type FormulaClock, withClock } from "./sheets-functions";

/** A value put in a cell for the evaluation only (the value a data-validation rule is checking). */
export interface CellOverride {
  row: number;
  column: number;
  value: CellValue;
}

/**
 * The value of `formula`, written for the cell `anchor` (the top-left cell of the rule's first range), at every
 * cell of `areas` ([area][row][column], 1-based areas on `sheet`). Relative references move with the cell, as Sheets
 * applies a custom-formula rule (support.google.com/docs/answer/78413: "relative to the top-left cell of the range").
 * The engine sees the whole spreadsheet (other sheets too) with `overrides` in place, on the clock given.
 */
export function evaluateRuleFormula(
  spreadsheet: SpreadsheetModel,
  sheet: SheetModel,
  formula: string,
  anchor: { row: number; column: number },
  areas: readonly Omit<GridRangeRef, "sheetId">[],
  clock: FormulaClock,
  overrides: readonly CellOverride[] = [],
): CellValue[][][] {
  const index = spreadsheet.sheets.indexOf(sheet);
  if (index < 0) throw new Error(`sheet ${sheet.name} is not in spreadsheet ${spreadsheet.id}`);
  assertEvaluable(formula, `a rule on ${sheet.name}`);
  const input = engineInput(spreadsheet);
  // Cells calling a function the runtime does not evaluate are #N/A to the rule [not emulated].
  const data = input.sheets[index]?.data as RawCellContent[][];
  for (const { row, column, value } of overrides) {
    const line = data[row - 1] ?? [];
    data[row - 1] = line;
    line[column - 1] = value === "" ? null : typeof value === "string" ? `'${value}` : value;
  }
  // Scratch columns right of everything on the sheet, one per sheet column the rule covers.
  const width = Math.max(sheet.maxColumns, ...data.map((line) => line.length));
  const firstColumn = Math.min(anchor.column, ...areas.map((a) => a.column));
  const scratch = (row: number, column: number): SimpleCellAddress => ({
    sheet: index,
    row: row - 1,
    col: width + column - firstColumn,
  });
  return withClock(clock, () => {
    const engine = buildEngine(input);
    try {
      engine.setCellContents(scratch(anchor.row, anchor.column), toEngine(formula));
      // A formula that reads the same cells from every column of a row (a row rule: $K2 …) is worked out once a row.
      const sameAcross = sameInEveryColumn(engine, formula, scratch(anchor.row, anchor.column));
      for (const area of areas) fill(engine, scratch, anchor, sameAcross ? { ...area, numColumns: 1 } : area);
      return areas.map((area) =>
        Array.from({ length: area.numRows }, (_, i) =>
          Array.from({ length: area.numColumns }, (_, j) =>
            sheetsValue(engine.getCellValue(scratch(area.row + i, area.column + (sameAcross ? 0 : j)))),
          ),
        ),
      );
    } finally {
      engine.destroy();
    }
  });
}

/** Functions whose value depends on the cell a formula is in, whatever its references. */
const WHERE_IT_STANDS = /\b(?:COLUMNS?|CELL|OFFSET|INDIRECT|ADDRESS)\s*\(/i;

/**
 * Whether the formula at `at`, moved one column right, is the same formula reading the same cells (every column
 * reference absolute) and calls nothing that reads where it stands: then it has one value across each row.
 */
function sameInEveryColumn(engine: HyperFormula, formula: string, at: SimpleCellAddress): boolean {
  if (WHERE_IT_STANDS.test(formula)) return false;
  const right = { ...at, col: at.col + 1 };
  engine.copy({ start: at, end: at });
  engine.paste(right);
  const same = engine.getCellFormula(right) === engine.getCellFormula(at);
  engine.setCellContents(right, null);
  return same;
}

/**
 * Fills an area's scratch cells with the anchor's formula moved to each cell: copy the anchor to the area's corner,
 * then double the filled block across and down (each paste moves relative references by its offset, so every
 * pasted cell holds the anchor's formula as moved to its own place, whatever block it came from).
 */
function fill(
  engine: HyperFormula,
  scratch: (row: number, column: number) => SimpleCellAddress,
  anchor: { row: number; column: number },
  area: Omit<GridRangeRef, "sheetId">,
): void {
  if (area.row !== anchor.row || area.column !== anchor.column) {
    engine.copy({ start: scratch(anchor.row, anchor.column), end: scratch(anchor.row, anchor.column) });
    engine.paste(scratch(area.row, area.column));
  }
  for (let filled = 1; filled < area.numColumns; filled *= 2) {
    engine.copy({ start: scratch(area.row, area.column), end: scratch(area.row, area.column + filled - 1) });
    engine.paste(scratch(area.row, area.column + filled));
  }
  const lastColumn = area.column + area.numColumns - 1;
  for (let filled = 1; filled < area.numRows; filled *= 2) {
    engine.copy({ start: scratch(area.row, area.column), end: scratch(area.row + filled - 1, lastColumn) });
    engine.paste(scratch(area.row + filled, area.column));
  }
}
