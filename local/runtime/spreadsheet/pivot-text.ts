/** How pivot tables read source cells: group keys, the order of group values, the text a cell displays, and the labels of the output. */

import type { CellValue, SheetModel } from "./model";
import { displayValue } from "./number-format";

/** A source cell as the pivot sees it: its value and number format. */
export interface SourceCell {
  value: CellValue;
  format: string | undefined;
}

const EMPTY: SourceCell = { value: "", format: undefined };

/** The stored cell at 1-based (row, column), read straight from the model so serials keep their date format. */
export function cellAt(sheet: SheetModel, row: number, column: number): SourceCell {
  const cell = sheet.rows[row - 1]?.[column - 1];
  return cell ? { value: cell.value, format: cell.numberFormat } : EMPTY;
}

/** Identity of a value within a group: equal keys fall in one group ("1" text and 1 number stay apart). */
export function keyOf(value: CellValue): string {
  if (value === "") return "";
  return `${typeof value}:${value}`;
}

/** Rank of a value's kind in Sheets' ascending sort: numbers (and dates), text, booleans; blanks last. */
function kindRank(value: CellValue): number {
  if (value === "") return 3;
  if (typeof value === "number") return 0;
  if (typeof value === "string") return 1;
  return 2;
}

/**
 * Orders two group values ascending, as Sheets sorts (numbers < text < FALSE < TRUE), text compared with the
 * spreadsheet locale's collation and case-insensitively. Blank groups sort last in both directions
 * [UNCONFIRMED: as SORT() does; no source shows where a pivot puts its blank row], so `ascending` is applied here.
 */
export function compareGroupValues(a: CellValue, b: CellValue, collator: Intl.Collator, ascending: boolean): number {
  const ra = kindRank(a);
  const rb = kindRank(b);
  if (ra === 3 || rb === 3) return ra - rb;
  const sign = ascending ? 1 : -1;
  if (ra !== rb) return sign * (ra - rb);
  if (typeof a === "string" && typeof b === "string") {
    const byLocale = collator.compare(a, b);
    return sign * (byLocale !== 0 ? byLocale : a < b ? -1 : a > b ? 1 : 0);
  }
  return sign * (Number(a) - Number(b));
}

/** The collator for a Sheets locale such as "zh_CN" or "en_US". */
export function collatorFor(locale: string): Intl.Collator {
  return new Intl.Collator(locale.replace("_", "-"), { sensitivity: "base" });
}

/** The text a cell shows under its number format (dates through their pattern), as getDisplayValue() returns it. */
export function displayText(cell: SourceCell): string {
  return displayValue(cell.value, cell.format);
}

/** Labels Sheets writes into pivot output, by spreadsheet locale. */
export interface PivotLabels {
  grandTotal: string;
  subtotal(label: string): string;
  valueName(summarizeFunction: string, header: string): string;
}

/**
 * "Grand Total", "Pen Total" and "SUM of Units" are the English labels of the Sheets API reference
 * (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/pivot-tables#PivotGroup, fields
 * `label` and `repeatHeadings`). Sheets localises them by the spreadsheet locale; [UNCONFIRMED] the Chinese
 * totals "总计" and "… 汇总" follow Sheets' zh UI wording, and value headers keep the "SUM of X" form.
 */
export function pivotLabels(locale: string): PivotLabels {
  const chinese = locale.toLowerCase().startsWith("zh");
  return {
    grandTotal: chinese ? "总计" : "Grand Total",
    subtotal: (label) => (chinese ? `${label} 汇总` : `${label} Total`),
    valueName: (fn, header) => `${fn} of ${header}`,
  };
}
