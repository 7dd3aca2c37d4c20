/** Conditional-format rules stored on a sheet: Sheet.getConditionalFormatRules() and Sheet.setConditionalFormatRules(). */

import { isConditionalFormatRule, makeRule, type RuleBody, ruleData } from "./conditional-format";
import { signatureError } from "./errors";
import type { RuleFormula } from "./formula-shift";
import type { ConditionalFormatRuleModel, GridRangeRef, SheetModel, SpreadsheetContext } from "./model";

type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * A rule as stored on the sheet. `ranges` is the source of truth for where it applies (the core shifts
 * it on row/column inserts and deletes). A CUSTOM_FORMULA is stored as written, relative to the top-left
 * cell of the first range, as Sheets does: "=$K2<TODAY()" on A2:Q means row 2 there and row n below.
 */
interface StoredRule extends ConditionalFormatRuleModel, RuleBody {}

/**
 * Sheet.getConditionalFormatRules(): immutable copies of the stored rules, new objects on every call.
 * The caller (the core's Sheet method) makes the kernel.call; this builds the views.
 */
export function conditionalFormatRulesOf(
  ctx: SpreadsheetContext,
  sheet: SheetModel,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return (sheet.conditionalFormatRules as StoredRule[]).map((stored) => {
    const refs = stored.ranges.map((ref) => ({ ...ref }));
    const body: RuleBody = { condition: stored.condition, format: stored.format, gradient: stored.gradient };
    return makeRule(ctx.kernel, body, () => refs.map((ref) => ctx.rangeOf({ ...ref })));
  });
}

const DIFFERENT_SHEET = "Conditional format rule cannot reference a different sheet.";

/**
 * Sheet.setConditionalFormatRules(rules): replaces all rules of the sheet, after validating the argument.
 * The caller (the core's Sheet method) makes the kernel.call. Nothing is stored unless every rule is valid.
 * A rule applying to, or whose formula names, another sheet fails with Apps Script's text
 * "Conditional format rule cannot reference a different sheet." (seen in public Apps Script error
 * handlers; which of the two cases raises it in today's Sheets is [UNCONFIRMED], so both do here).
 */
export function setConditionalFormatRules(ctx: SpreadsheetContext, sheet: SheetModel, rules: unknown): void {
  if (!Array.isArray(rules) || !rules.every(isConditionalFormatRule)) {
    throw signatureError(ctx.kernel, "Sheet.setConditionalFormatRules", [rules]);
  }
  const stored = rules.map((rule: object): StoredRule => {
    const { body, ranges } = ruleData.get(rule) as { body: RuleBody; ranges: () => Range[] };
    const refs: GridRangeRef[] = ranges().map((range) => ({ ...ctx.refOf(range) }));
    if (refs.some((ref) => ref.sheetId !== sheet.id) || namesOtherSheet(body, sheet.name)) {
      throw ctx.kernel.exception(DIFFERENT_SHEET);
    }
    return { ranges: refs, condition: body.condition, format: body.format, gradient: body.gradient };
  });
  sheet.conditionalFormatRules = stored;
}

/** Sheet references ("Other!A1", "'My sheet'!A1") outside string literals of any formula argument. */
function namesOtherSheet(body: RuleBody, sheetName: string): boolean {
  const formulas = (body.condition?.values ?? []).filter((v): v is string => typeof v === "string" && v[0] === "=");
  return formulas.some((formula) => {
    const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
    return [...code.matchAll(/(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!/g)].some(
      ([, quoted, bare]) => (quoted?.replace(/''/g, "'") ?? bare) !== sheetName,
    );
  });
}

/** Every formula of the sheet's rules, with the rule's first range, so a structural change can rewrite it (./formula-shift). */
export function ruleFormulasOf(sheet: SheetModel): RuleFormula[] {
  const found: RuleFormula[] = [];
  for (const rule of sheet.conditionalFormatRules as StoredRule[]) {
    const [first] = rule.ranges;
    if (!first) continue;
    (rule.condition?.values ?? []).forEach((value, k) => {
      if (!isFormula(value)) return;
      found.push({
        anchor: { row: first.row, column: first.column },
        range: first,
        formula: value,
        update(formula) {
          const condition = rule.condition as NonNullable<StoredRule["condition"]>;
          rule.condition = Object.freeze({
            ...condition,
            values: Object.freeze(condition.values.map((v, j) => (j === k ? formula : v))),
          });
        },
      });
    });
  }
  return found;
}

function isFormula(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("=");
}
