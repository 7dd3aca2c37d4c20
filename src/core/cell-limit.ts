/** Google's 10 million-cell limit per spreadsheet: how much of it the sheets take (empty cells count), and when the admins are warned (at 70%, before writes start failing). */

/** Cells a spreadsheet may hold, empty ones included (support.google.com/drive/answer/37603). */
export const CELL_LIMIT = 10_000_000;

/** The share of the limit at which the admins are warned. */
export const CELL_WARNING_SHARE = 0.7;

/** One sheet's grid: its name and size. */
export interface SheetGrid {
  name: string;
  rows: number;
  columns: number;
}

/**
 * The warning's detail when the sheets take 70% of the limit or more: the cells used, the share and the largest
 * sheets ("7,320,000 (73%) — 跟进记录 7,000,000, 提醒记录 300,000"); null below it.
 */
export function cellLimitWarning(sheets: readonly SheetGrid[]): string | null {
  const sized = sheets.map((s) => ({ name: s.name, cells: s.rows * s.columns })).sort((a, b) => b.cells - a.cells);
  const total = sized.reduce((sum, s) => sum + s.cells, 0);
  if (total < CELL_LIMIT * CELL_WARNING_SHARE) return null;
  const number = (n: number) => n.toLocaleString("en-US");
  const largest = sized.slice(0, 3).map((s) => `${s.name} ${number(s.cells)}`);
  return `${number(total)} (${Math.floor((total / CELL_LIMIT) * 100)}%) — ${largest.join(", ")}`;
}
