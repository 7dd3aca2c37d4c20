/** Evaluates a sheet's conditional-format rules at the simulated time with the runtime's formula engine, as Sheets applies them per cell. */

import type { RuleBody } from "../runtime/spreadsheet/conditional-format";
import { notEmulatedIn } from "../runtime/spreadsheet/formula-dialect";
import { evaluateRuleFormula } from "../runtime/spreadsheet/formula-rules";
import type {
  ConditionalFormatRuleModel,
  GridRangeRef,
  SheetModel,
  SpreadsheetModel,
} from "../runtime/spreadsheet/model";
import type { FormulaClock } from "../runtime/spreadsheet/sheets-functions";

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

/** The rules this evaluator can decide: boolean CUSTOM_FORMULA rules (the add-on's; others are listed, not applied). */
function formulaOf(rule: StoredRule): string | null {
  const formula = rule.condition?.criteria === "CUSTOM_FORMULA" ? rule.condition.values[0] : null;
  return typeof formula === "string" && formula.startsWith("=") ? formula : null;
}

/**
 * The matching rule per cell of rows 1..lastRow ([row-1][column-1]), by the spreadsheet's own formula engine at the
 * runtime's clock: each formula is written for the top-left cell of the rule's first range and moves with the cell, as
 * Sheets applies it. A rule whose formula calls a function the runtime does not evaluate colours nothing.
 */
export function ruleMatches(
  spreadsheet: SpreadsheetModel,
  sheet: SheetModel,
  lastRow: number,
  clock: FormulaClock,
): (RuleMatch | undefined)[][] {
  const rules = sheet.conditionalFormatRules as StoredRule[];
  const matches: (RuleMatch | undefined)[][] = Array.from({ length: lastRow }, () => []);
  rules.forEach((rule, index) => {
    const formula = formulaOf(rule);
    const [anchor] = rule.ranges;
    const areas = rule.ranges
      .filter((range) => range.row <= lastRow)
      .map((range) => ({ ...range, numRows: Math.min(range.numRows, lastRow - range.row + 1) }));
    if (!formula || !anchor || areas.length === 0 || notEmulatedIn(formula)) return;
    const results = evaluateRuleFormula(spreadsheet, sheet, formula, anchor, areas, clock);
    areas.forEach((area, a) => {
      results[a]?.forEach((line, i) => {
        const cells = matches[area.row - 1 + i] as (RuleMatch | undefined)[];
        line.forEach((value, j) => {
          if (value !== true || cells[area.column - 1 + j]) return;
          const { background, fontColor, bold } = rule.format;
          cells[area.column - 1 + j] = { rule: index, background, fontColor, bold };
        });
      });
    });
  });
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
