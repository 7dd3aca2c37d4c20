/** Formulas of an emulated Range in A1 and R1C1 notation; they are written by the same user-entered path as setValue("=…"). */

import { mapRect, writeEntered } from "./grid";
import { a1ToR1C1, moveFormula, r1c1ToA1 } from "./r1c1";
import { checkShape } from "./range-base";
import { RangeFormatting } from "./range-formatting";

type Range = GoogleAppsScript.Spreadsheet.Range;

export class RangeFormulas extends RangeFormatting {
  getFormula(): string {
    this.call("getFormula", { cellsRead: 1 });
    this.settleCells();
    return this.topLeft()?.formula ?? "";
  }

  getFormulas(): string[][] {
    this.call("getFormulas", { cellsRead: this.size });
    this.settleCells();
    return mapRect(this.sheet, this, (cell) => cell?.formula ?? "");
  }

  /**
   * "Returns the formula (R1C1 notation) for a given cell, or null if none"
   * (developers.google.com/apps-script/reference/spreadsheet/range#getFormulaR1C1()); zero offsets are written bare
   * ("R[-1]C", as Sheets writes R1C1) [UNCONFIRMED], and null is what the reference and its typings say [UNCONFIRMED:
   * whether Apps Script gives "" as getFormula does].
   */
  getFormulaR1C1(): string | null {
    this.call("getFormulaR1C1", { cellsRead: 1 });
    this.settleCells();
    const formula = this.topLeft()?.formula;
    return formula === undefined ? null : a1ToR1C1(formula, this.row, this.column);
  }

  /** Every cell's formula in R1C1 relative to that cell, null where there is none (as getFormulaR1C1). */
  getFormulasR1C1(): (string | null)[][] {
    this.call("getFormulasR1C1", { cellsRead: this.size });
    this.settleCells();
    return mapRect(this.sheet, this, (cell) => cell?.formula ?? null).map((line, i) =>
      line.map((formula, j) => (formula === null ? null : a1ToR1C1(formula, this.row + i, this.column + j))),
    );
  }

  /**
   * "Updates the formula for this range. The given formula must be in A1 notation." On several cells the formula is
   * the top-left cell's and fills the others with its relative references moved, as Sheets fills a range
   * [UNCONFIRMED on the reference page; commonly relied on]. Text without "=" is entered as typed [UNCONFIRMED].
   */
  setFormula(...args: unknown[]): Range {
    this.call("setFormula", { cellsWritten: this.size });
    const [formula] = args;
    if (args.length !== 1 || typeof formula !== "string") throw this.fail("setFormula", args);
    return this.enter("setFormula", args, (i, j) => this.filled(formula, i, j));
  }

  /** "Sets a rectangular grid of formulas (must match dimensions of this range). The given formulas must be in A1 notation." */
  setFormulas(...args: unknown[]): Range {
    this.call("setFormulas", { cellsWritten: this.size });
    const grid = this.formulaGrid("setFormulas", args);
    return this.enter("setFormulas", args, (i, j) => grid[i]?.[j]);
  }

  /** "Updates the formula for this range. The given formula must be in R1C1 notation": each cell reads it from itself. */
  setFormulaR1C1(...args: unknown[]): Range {
    this.call("setFormulaR1C1", { cellsWritten: this.size });
    const [formula] = args;
    if (args.length !== 1 || typeof formula !== "string") throw this.fail("setFormulaR1C1", args);
    return this.enter("setFormulaR1C1", args, (i, j) => r1c1ToA1(formula, this.row + i, this.column + j));
  }

  /** "Sets a rectangular grid of formulas (must match dimensions of this range). The formulas should be in R1C1 notation." */
  setFormulasR1C1(...args: unknown[]): Range {
    this.call("setFormulasR1C1", { cellsWritten: this.size });
    const grid = this.formulaGrid("setFormulasR1C1", args);
    return this.enter("setFormulasR1C1", args, (i, j) =>
      r1c1ToA1(grid[i]?.[j] as string, this.row + i, this.column + j),
    );
  }

  /** The top-left cell's A1 formula as the cell (i, j) of the range receives it. */
  private filled(formula: string, i: number, j: number): string {
    if (!formula.startsWith("=")) return formula;
    return moveFormula(formula, this.row, this.column, this.row + i, this.column + j);
  }

  private formulaGrid(method: string, args: unknown[]): string[][] {
    if (args.length !== 1) throw this.fail(method, args);
    const grid = checkShape(this.workbook, `Range.${method}`, args[0], this.numRows, this.numColumns);
    if (!grid.every((line) => line.every((f) => typeof f === "string"))) throw this.fail(method, args);
    return grid as string[][];
  }

  /** Writes through the user-entered path setValue uses (protection, validation, evaluation of the formulas). */
  private enter(method: string, args: unknown[], formulaAt: (i: number, j: number) => unknown): Range {
    writeEntered(this.workbook, this.sheet, this, formulaAt, `${this.className}.${method}`, args);
    return this.self();
  }
}
