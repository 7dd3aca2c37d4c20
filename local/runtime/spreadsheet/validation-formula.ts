/** Data validation with a custom formula (requireFormulaSatisfied): the formula is evaluated by the spreadsheet's formula engine with the value being written in place, relative to the cell it checks. */

import { clockAt } from "./formula-engine";
import { type CellOverride, evaluateRuleFormula } from "./formula-rules";
import type { Cell, CellValue, SheetModel } from "./model";
import { isDataValidation, specOf } from "./validation";
import type { Workbook } from "./workbook";

/** A value about to be written, at its 1-based place on the sheet. */
export type PendingValue = CellOverride;

/**
 * True when the cell's rule is a rejecting custom formula that is not TRUE for `pending` (with every value of the
 * same write in place). The formula was written for the top-left cell of the range the rule was set on
 * (cell.validationOffset says how far this cell is from it) and moves with the cell, as Sheets applies it
 * (support.google.com/docs/answer/186103, "Custom formula is"). Empty never fails.
 */
export function rejectsByFormula(
  wb: Workbook,
  sheet: SheetModel,
  cell: Cell,
  pending: PendingValue,
  write: readonly PendingValue[],
): boolean {
  if (!isDataValidation(cell.validation)) return false;
  const spec = specOf(cell.validation);
  const [formula] = spec.values;
  if (spec.criteria !== "CUSTOM_FORMULA" || spec.allowInvalid || pending.value === "") return false;
  if (typeof formula !== "string") return false;
  const offset = cell.validationOffset ?? { rows: 0, columns: 0 };
  const anchor = { row: pending.row - offset.rows, column: pending.column - offset.columns };
  // The engine reads every sheet's cells as stored: pivot output a rule may read is brought up to date first.
  wb.settlePivots();
  const [[[result]]] = evaluateRuleFormula(
    wb.spreadsheet,
    sheet,
    formula,
    anchor,
    [{ row: pending.row, column: pending.column, numRows: 1, numColumns: 1 }],
    clockAt(wb.kernel.now(), wb.spreadsheet.timeZone),
    write,
  ) as [[[CellValue]]];
  return result !== true;
}
