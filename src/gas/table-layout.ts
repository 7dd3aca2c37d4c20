/** Lays out the add-on's own columns and sheets: header cells, widths, number formats, and fresh sheet names. */

import { type ColumnKey, type ColumnKind, type ColumnPositions, columnSpec } from "../core/columns";
import type { Language } from "../core/language";
import { asLiteral, literalGrid } from "../core/literal";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Number formats by column kind: dates as 2026-11-27, timestamps with the time, free text as plain text, amounts
 * grouped. Ids have none: the add-on writes them as literal text ("FU-000123", ../core/sync-plan), which Sheets never
 * converts, and a format over every row of the column cost 10 s at adoption of 100,000 rows.
 */
const FORMATS: Partial<Record<ColumnKind, string>> = {
  date: "yyyy-mm-dd",
  timestamp: "yyyy-mm-dd hh:mm",
  text: "@",
  score: "0",
  // Amounts typed as numbers show as 12,000; text such as "12万" stays as typed (../core/amounts reads both).
  amount: "#,##0",
};

/**
 * Writes the header cells of `keys` (at their positions, which must be contiguous and in order from
 * `firstColumn`), bold, and gives their data cells a width and number format. Only these columns are touched.
 */
export function layOutColumns(
  sheet: Sheet,
  headerRow: number,
  firstColumn: number,
  keys: readonly ColumnKey[],
  language: Language,
): void {
  if (keys.length === 0) return;
  sheet
    .getRange(headerRow, firstColumn, 1, keys.length)
    .setValues([keys.map((key) => asLiteral(columnSpec(key).header[language]))])
    .setFontWeight("bold");
  const dataRows = Math.max(1, sheet.getMaxRows() - headerRow);
  keys.forEach((key, i) => {
    const spec = columnSpec(key);
    sheet.setColumnWidth(firstColumn + i, spec.width);
    const format = FORMATS[spec.kind];
    if (format) sheet.getRange(headerRow + 1, firstColumn + i, dataRows, 1).setNumberFormat(format);
  });
}

/** Positions of `keys` laid out from `firstColumn` in order. */
export function positionsFrom(firstColumn: number, keys: readonly ColumnKey[]): ColumnPositions {
  return Object.fromEntries(keys.map((key, i) => [key, firstColumn + i]));
}

/** `base`, or "base 2", "base 3"… when the spreadsheet already has a sheet of that name (never reuse the team's). */
export function freshSheetName(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, base: string): string {
  const taken = new Set(spreadsheet.getSheets().map((sheet) => sheet.getName().toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

/** Writes a grid (rows of equal length) at A1 of a new sheet, text stored literally, and freezes its header row. */
export function writeGrid(sheet: Sheet, grid: readonly (readonly unknown[])[]): void {
  if (grid.length === 0) return;
  sheet.getRange(1, 1, grid.length, grid[0]?.length ?? 1).setValues(literalGrid(grid));
  sheet.getRange(1, 1, 1, grid[0]?.length ?? 1).setFontWeight("bold");
  sheet.setFrozenRows(1);
}
