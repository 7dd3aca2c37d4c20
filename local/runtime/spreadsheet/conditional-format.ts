/** Conditional formatting for the emulated Spreadsheet service: SpreadsheetApp.newConditionalFormatRule(), rules, and Sheet.get/setConditionalFormatRules. */

import type { Kernel } from "../kernel";
import type { SheetModel, SpreadsheetContext } from "./model";

/** SpreadsheetApp.newConditionalFormatRule(). */
export function newConditionalFormatRule(_kernel: Kernel): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
  throw new Error("not implemented yet");
}

/** SpreadsheetApp.BooleanCriteria and SpreadsheetApp.InterpolationType. */
export const BooleanCriteria = {} as Record<string, string>;
export const InterpolationType = {} as Record<string, string>;

/** Sheet.getConditionalFormatRules(): immutable copies of the stored rules. */
export function conditionalFormatRulesOf(
  _ctx: SpreadsheetContext,
  _sheet: SheetModel,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  throw new Error("not implemented yet");
}

/** Sheet.setConditionalFormatRules(rules): replaces all rules of the sheet, after validating the argument. */
export function setConditionalFormatRules(_ctx: SpreadsheetContext, _sheet: SheetModel, _rules: unknown): void {
  throw new Error("not implemented yet");
}
