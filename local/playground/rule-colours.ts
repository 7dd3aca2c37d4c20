/** Evaluates a sheet's conditional-format rules at the simulated time with HyperFormula, a maintained spreadsheet engine, as Sheets applies them per cell. */

import { HyperFormula } from "hyperformula";
import type { RuleBody } from "../runtime/spreadsheet/conditional-format";
import type { ConditionalFormatRuleModel, GridRangeRef, SheetModel } from "../runtime/spreadsheet/model";

/** A stored rule: where it applies and what it is (as ../runtime/spreadsheet/conditional-format-rules keeps it). */
type StoredRule = ConditionalFormatRuleModel & RuleBody;

/** The format of the first rule that holds for a cell (Sheets applies the earliest matching rule). */
export interface RuleMatch {
  /** The rule's position on the sheet (0-based). */
  rule: number;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/** Sheets serials of the simulated moment in the spreadsheet's zone: TODAY() and NOW(). */
export interface SheetTime {
  today: number;
  now: number;
}

/** The rules this evaluator can decide: boolean CUSTOM_FORMULA rules (the add-on's; others are listed, not applied). */
function formulaOf(rule: StoredRule): string | null {
  const formula = rule.condition?.criteria === "CUSTOM_FORMULA" ? rule.condition.values[0] : null;
  return typeof formula === "string" && formula.startsWith("=") ? formula : null;
}

/**
 * The matching rule per cell of rows 1..lastRow ([row-1][column-1]). Each formula is written for the top-left cell of
 * the rule's first range; the engine's copy/paste moves its relative references to every cell it applies to, exactly as
 * Sheets does. TODAY() and NOW() are the simulated moment (Sheets takes them in the spreadsheet's time zone).
 */
export function ruleMatches(sheet: SheetModel, lastRow: number, time: SheetTime): (RuleMatch | undefined)[][] {
  const rules = sheet.conditionalFormatRules as StoredRule[];
  const matches: (RuleMatch | undefined)[][] = Array.from({ length: lastRow }, () => []);
  const width = Math.max(1, ...sheet.rows.slice(0, lastRow).map((r) => r?.length ?? 0));
  const data = Array.from({ length: lastRow }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const value = sheet.rows[r]?.[c]?.value;
      return value === undefined || value === "" ? null : value;
    }),
  );
  const engine = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  // Each rule gets scratch columns right of the data, one per sheet column it may cover.
  let scratch = width;
  rules.forEach((rule, index) => {
    const formula = formulaOf(rule);
    const ranges = rule.ranges.filter((range) => range.row <= lastRow);
    const [anchor] = rule.ranges;
    if (!formula || !anchor || ranges.length === 0) return;
    const firstColumn = Math.min(...ranges.map((range) => range.column));
    const lastColumn = Math.max(...ranges.map((range) => range.column + range.numColumns - 1));
    const at = (row: number, column: number) => ({ sheet: 0, row: row - 1, col: scratch + column - firstColumn });
    engine.setCellContents(at(anchor.row, anchor.column), withTime(formula, time));
    engine.copy({ start: at(anchor.row, anchor.column), end: at(anchor.row, anchor.column) });
    for (let column = firstColumn; column <= lastColumn; column++) {
      if (column !== anchor.column) engine.paste(at(anchor.row, column));
    }
    // The formula's whole row, then pasted down every row the ranges cover.
    engine.copy({ start: at(anchor.row, firstColumn), end: at(anchor.row, lastColumn) });
    const rows = new Set(ranges.flatMap((range) => rowsOf(range, lastRow)));
    for (const row of rows) if (row !== anchor.row) engine.paste(at(row, firstColumn));
    for (const range of ranges) {
      for (const row of rowsOf(range, lastRow)) {
        for (let column = range.column; column < range.column + range.numColumns; column++) {
          const cells = matches[row - 1] as (RuleMatch | undefined)[];
          if (cells[column - 1] || engine.getCellValue(at(row, column)) !== true) continue;
          const { background, fontColor, bold } = rule.format;
          cells[column - 1] = { rule: index, background, fontColor, bold };
        }
      }
    }
    scratch += lastColumn - firstColumn + 1;
  });
  engine.destroy();
  return matches;
}

/** One line per rule for the page, e.g. "A2:Q1000: =IF(…) → #f4cccc". */
export function describeRules(sheet: SheetModel, a1: (range: GridRangeRef) => string): string[] {
  return (sheet.conditionalFormatRules as StoredRule[]).map((rule) => {
    const where = rule.ranges.map(a1).join(",");
    const formula = formulaOf(rule);
    const what = formula ?? `${rule.condition?.criteria ?? "gradient"} (not evaluated here)`;
    return `${where}: ${what} → ${rule.format.background ?? rule.format.fontColor ?? "format"}`;
  });
}

function rowsOf(range: GridRangeRef, lastRow: number): number[] {
  const end = Math.min(range.row + range.numRows - 1, lastRow);
  return Array.from({ length: Math.max(0, end - range.row + 1) }, (_, i) => range.row + i);
}

/** The formula with TODAY() and NOW() replaced by the simulated moment's serials (outside string literals). */
function withTime(formula: string, time: SheetTime): string {
  return formula.replace(/("(?:[^"]|"")*")|\bTODAY\(\)|\bNOW\(\)/gi, (match, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    return String(/^today/i.test(match) ? time.today : time.now);
  });
}
