/** Remembers which sheet column holds which field, and which row is the header, with developer metadata on those columns and that row, so renaming or moving columns and adding or deleting rows above the header keep the mapping. */

import { columnLetter } from "../core/a1";
import type { ColumnKey, ColumnPositions } from "../core/columns";
import { COLUMNS } from "../core/columns";

const KEY = "followUpTracker.column";
const HEADER_KEY = "followUpTracker.headerRow";
const KNOWN = new Set<string>(COLUMNS.map((c) => c.key));

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The add-on's metadata under `key` on the columns (or rows) of `sheet`, with the column (or row) it is on now. */
function located(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  key: string,
  on: "column" | "row",
): { metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata; index: number }[] {
  const sheetId = sheet.getSheetId();
  const found: { metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata; index: number }[] = [];
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(key).find()) {
    const location = metadata.getLocation();
    const range = on === "column" ? location.getColumn() : location.getRow();
    if (!range || range.getSheet().getSheetId() !== sheetId) continue;
    found.push({ metadata, index: on === "column" ? range.getColumn() : range.getRow() });
  }
  return found;
}

/**
 * The columns of `sheet` tagged by the add-on. Developer metadata on a column moves with it when the team
 * inserts, deletes or drags columns, and does not care about the header text
 * (developers.google.com/sheets/api/guides/metadata), so the mapping survives renames and moves.
 */
export function readColumnPositions(spreadsheet: Spreadsheet, sheet: Sheet): ColumnPositions {
  const positions: ColumnPositions = {};
  for (const { metadata, index } of located(spreadsheet, sheet, KEY, "column")) {
    const key = metadata.getValue();
    if (key && KNOWN.has(key)) positions[key as ColumnKey] = index;
  }
  return positions;
}

/** Tags each column of `positions` (replacing earlier tags of the add-on on this sheet). */
export function tagColumns(spreadsheet: Spreadsheet, sheet: Sheet, positions: ColumnPositions): void {
  for (const { metadata } of located(spreadsheet, sheet, KEY, "column")) metadata.remove();
  for (const [key, column] of Object.entries(positions)) {
    const letter = columnLetter(column);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(KEY, key);
  }
}

/**
 * The header row of `sheet` as tagged, or null when the tag is gone (the header row itself was deleted). Row metadata
 * moves with its row, so a title row inserted or deleted above the header keeps this right.
 */
export function readHeaderRow(spreadsheet: Spreadsheet, sheet: Sheet): number | null {
  return located(spreadsheet, sheet, HEADER_KEY, "row")[0]?.index ?? null;
}

/** Tags `row` of `sheet` as the header row (replacing an earlier tag of the add-on on this sheet). */
export function tagHeaderRow(spreadsheet: Spreadsheet, sheet: Sheet, row: number): void {
  for (const { metadata } of located(spreadsheet, sheet, HEADER_KEY, "row")) metadata.remove();
  sheet.getRange(`${row}:${row}`).addDeveloperMetadata(HEADER_KEY, "header");
}
