/** Evaluates a conditional-format formula over sheet rows with HyperFormula, a maintained spreadsheet engine, as Sheets would per row. */

import { HyperFormula } from "hyperformula";
import type { SheetModel } from "../../local/runtime/spreadsheet/model";

/** A Sheets serial day number (days since 1899-12-30) of a calendar date. */
export function serialOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25569;
}

/**
 * The result of `formula` (written for the top-left cell at `firstRow`) for rows firstRow..lastRow, with the
 * sheet's stored values (dates are serials, as Sheets stores them). The formula is filled down by the engine's
 * copy/paste, which moves relative references exactly as Sheets applies a rule to each row of its range.
 * TODAY() is the given serial: Sheets takes today in the spreadsheet's time zone.
 */
export function evaluatePerRow(
  sheet: SheetModel,
  formula: string,
  firstRow: number,
  lastRow: number,
  todaySerial: number,
): boolean[] {
  const width = Math.max(...sheet.rows.slice(0, lastRow).map((r) => r?.length ?? 0));
  const data = Array.from({ length: lastRow }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const value = sheet.rows[r]?.[c]?.value;
      return value === undefined || value === "" ? null : value;
    }),
  );
  const engine = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  const column = width + 1;
  engine.setCellContents(
    { sheet: 0, row: firstRow - 1, col: column },
    formula.replace(/TODAY\(\)/g, String(todaySerial)),
  );
  engine.copy({
    start: { sheet: 0, row: firstRow - 1, col: column },
    end: { sheet: 0, row: firstRow - 1, col: column },
  });
  for (let row = firstRow; row < lastRow; row++) engine.paste({ sheet: 0, row, col: column });
  const results = Array.from({ length: lastRow - firstRow + 1 }, (_, i) =>
    engine.getCellValue({ sheet: 0, row: firstRow - 1 + i, col: column }),
  );
  engine.destroy();
  return results.map((value) => value === true);
}
