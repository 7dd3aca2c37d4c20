/** Rewrites formulas when rows or columns are inserted or deleted, by the formula engine's own structural operations, as Sheets moves references (on every sheet, and in conditional-format rules). */

import type { RawCellContent } from "hyperformula";
import { toEngine } from "./formula-dialect";
import { buildEngine, type EngineInput, engineInput } from "./formula-engine";
import type { GridRangeRef, SheetModel, SpreadsheetModel } from "./model";
import { withClock } from "./sheets-functions";

type Dimension = "ROWS" | "COLUMNS";

/** A conditional-format rule's formula, as the rule stores it (see ./conditional-format-rules). */
export interface RuleFormula {
  /** The top-left cell of the rule's first range, before the change. */
  anchor: { row: number; column: number };
  /** The rule's first range before the change (where the rule still applies after it). */
  range: Omit<GridRangeRef, "sheetId">;
  formula: string;
  /** Stores the rewritten formula. */
  update(formula: string): void;
}

/**
 * Inserts (delta > 0) or deletes (delta < 0) rows or columns at 1-based `at` of `sheet` in an engine holding every
 * formula of the spreadsheet and the sheet's rule formulas, then stores each formula as the engine rewrote it: a
 * reference past `at` moves, relative or absolute alike; a cell reference into deleted cells becomes #REF!; a range
 * loses its deleted part; references from other sheets move too. A rule's formula is kept relative to the rule's
 * first cell: when that cell is deleted, the formula is the one of the first cell that remains.
 * Call before the model's rows are moved (cells are found at their places before the change).
 */
export function shiftFormulas(
  spreadsheet: SpreadsheetModel,
  sheet: SheetModel,
  dim: Dimension,
  at: number,
  delta: number,
  rules: readonly RuleFormula[],
): void {
  const input = engineInput(spreadsheet, true);
  if (input.formulas.length === 0 && rules.length === 0) return;
  const index = spreadsheet.sheets.indexOf(sheet);
  const data = input.sheets[index]?.data as RawCellContent[][];
  // Rule formulas sit in scratch columns beyond the grid, which no change of the grid's columns deletes.
  const scratchColumn = (k: number) => Math.max(sheet.maxColumns, ...data.map((line) => line.length)) + k;
  const lastDeleted = at - delta - 1;
  const placed: PlacedRule[] = rules.map((rule, k) => {
    const { range } = rule;
    // A rule whose first row is deleted keeps applying from the first row that remains.
    const firstKept = range.row + range.numRows - 1 > lastDeleted ? lastDeleted + 1 : null;
    const moved = dim === "ROWS" && delta < 0 && rule.anchor.row >= at && rule.anchor.row <= lastDeleted;
    return { rule, column: scratchColumn(k), row: moved ? firstKept : rule.anchor.row };
  });
  // Only the formulas' text is read back; values computed meanwhile are thrown away, so any clock will do.
  withClock({ today: 0, now: 0 }, () => rewrite(input, index, dim, at, delta, placed));
}

/** A rule formula placed in a scratch cell of the engine (row null: its rule's first range is deleted). */
interface PlacedRule {
  rule: RuleFormula;
  row: number | null;
  column: number;
}

function rewrite(
  input: EngineInput,
  index: number,
  dim: Dimension,
  at: number,
  delta: number,
  placed: readonly PlacedRule[],
): void {
  const lastDeleted = at - delta - 1;
  const engine = buildEngine(input);
  try {
    // The engine's own text of each formula before the change: one it leaves as it was keeps the text as typed.
    const before = input.formulas.map((f) => engine.getCellFormula({ sheet: f.sheet, row: f.row, col: f.column }));
    for (const p of placed) {
      if (p.row === null) continue;
      const origin = { sheet: index, row: p.rule.anchor.row - 1, col: p.column };
      engine.setCellContents(origin, toEngine(p.rule.formula));
      if (p.row !== p.rule.anchor.row) {
        engine.copy({ start: origin, end: origin });
        engine.paste({ sheet: index, row: p.row - 1, col: p.column });
      }
    }
    const ruleBefore = placed.map((p) =>
      p.row === null || p.row !== p.rule.anchor.row
        ? null
        : engine.getCellFormula({ sheet: index, row: p.row - 1, col: p.column }),
    );
    if (dim === "ROWS") {
      if (delta > 0) engine.addRows(index, [at - 1, delta]);
      else engine.removeRows(index, [at - 1, -delta]);
    } else if (delta > 0) engine.addColumns(index, [at - 1, delta]);
    else engine.removeColumns(index, [at - 1, -delta]);

    const after = (position: number, changed: boolean) => {
      if (!changed || position < at) return position;
      if (delta > 0) return position + delta;
      return position > lastDeleted ? position + delta : null;
    };
    input.formulas.forEach((f, k) => {
      const onSheet = f.sheet === index;
      const row = after(f.row + 1, onSheet && dim === "ROWS");
      const column = after(f.column + 1, onSheet && dim === "COLUMNS");
      if (row === null || column === null) return; // deleted with its row or column
      const text = engine.getCellFormula({ sheet: f.sheet, row: row - 1, col: column - 1 });
      if (text !== undefined && text !== before[k]) f.cell.formula = text;
    });
    placed.forEach((p, k) => {
      if (p.row === null) return;
      const row = dim === "ROWS" ? after(p.row, true) : p.row;
      // Scratch columns lie beyond every inserted or deleted column, so they all move by delta.
      const column = dim === "COLUMNS" ? p.column + delta : p.column;
      const text = row === null ? undefined : engine.getCellFormula({ sheet: index, row: row - 1, col: column });
      if (text !== undefined && text !== ruleBefore[k]) p.rule.update(text);
    });
  } finally {
    engine.destroy();
  }
}

/** Sheets rewrites every formula naming a sheet when the sheet is renamed ("Old!A1" becomes "New!A1"). Call before renaming. */
export function renameInFormulas(spreadsheet: SpreadsheetModel, sheet: SheetModel, name: string): void {
  const input = engineInput(spreadsheet, true);
  if (input.formulas.length === 0) return;
  withClock({ today: 0, now: 0 }, () => {
    const engine = buildEngine(input);
    try {
      const at = (f: EngineInput["formulas"][number]) => ({ sheet: f.sheet, row: f.row, col: f.column });
      const before = input.formulas.map((f) => engine.getCellFormula(at(f)));
      engine.renameSheet(spreadsheet.sheets.indexOf(sheet), name);
      input.formulas.forEach((f, k) => {
        const text = engine.getCellFormula(at(f));
        if (text !== undefined && text !== before[k]) f.cell.formula = text;
      });
    } finally {
      engine.destroy();
    }
  });
}
