/** Keeps one of the add-on's own sheets to the rows and columns it uses: Google's 10 million-cell limit counts every cell of every grid, empty ones too. */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Cuts `sheet` down to `rows` × `columns` (at least two rows: Sheets keeps one below a frozen header). A fixed number
 * of calls whatever the sizes.
 */
export function trimSheet(sheet: Sheet, rows: number, columns: number): void {
  const keptRows = Math.max(rows, 2);
  if (sheet.getMaxRows() > keptRows) sheet.deleteRows(keptRows + 1, sheet.getMaxRows() - keptRows);
  if (sheet.getMaxColumns() > columns) sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
}

/** Grows `sheet` to at least `rows` × `columns`, exactly (no spare cells to count against the limit). */
export function growSheet(sheet: Sheet, rows: number, columns = 0): void {
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (columns > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}
