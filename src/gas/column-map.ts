/** Remembers which sheet column holds which field, and which row is the header, with developer metadata on those columns and that row, so renaming or moving columns and adding or deleting rows above the header keep the mapping. */

import { columnLetter } from "../core/a1";
import type { ColumnKey, ColumnPositions } from "../core/columns";
import { COLUMNS } from "../core/columns";

const KEY = "followUpTracker.column";
const HEADER_KEY = "followUpTracker.headerRow";
const KNOWN = new Set<string>(COLUMNS.map((c) => c.key));

/**
 * The columns of `sheet` tagged by the add-on. Developer metadata on a column moves with it when the team
 * inserts, deletes or drags columns, and does not care about the header text
 * (developers.google.com/sheets/api/guides/metadata), so the mapping survives renames and moves.
 */
export function readColumnPositions(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
): ColumnPositions {
  const positions: ColumnPositions = {};
  const sheetId = sheet.getSheetId();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(KEY).find()) {
    const column = metadata.getLocation().getColumn();
    const key = metadata.getValue();
    if (!column || !key || !KNOWN.has(key) || column.getSheet().getSheetId() !== sheetId) continue;
    positions[key as ColumnKey] = column.getColumn();
  }
  return positions;
}

/** Tags each column of `positions` (replacing earlier tags of the add-on on this sheet). */
export function tagColumns(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  positions: ColumnPositions,
): void {
  const sheetId = sheet.getSheetId();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(KEY).find()) {
    const column = metadata.getLocation().getColumn();
    if (column && column.getSheet().getSheetId() === sheetId) metadata.remove();
  }
  for (const [key, column] of Object.entries(positions)) {
    const letter = columnLetter(column);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(KEY, key);
  }
}

/**
 * The header row of `sheet` as tagged, or null when the tag is gone (the header row itself was deleted). Row metadata
 * moves with its row, so a title row inserted or deleted above the header keeps this right.
 */
export function readHeaderRow(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
): number | null {
  const sheetId = sheet.getSheetId();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(HEADER_KEY).find()) {
    const row = metadata.getLocation().getRow();
    if (row && row.getSheet().getSheetId() === sheetId) return row.getRow();
  }
  return null;
}

/** Tags `row` of `sheet` as the header row (replacing an earlier tag of the add-on on this sheet). */
export function tagHeaderRow(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
): void {
  const sheetId = sheet.getSheetId();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(HEADER_KEY).find()) {
    const location = metadata.getLocation().getRow();
    if (location && location.getSheet().getSheetId() === sheetId) metadata.remove();
  }
  sheet.getRange(`${row}:${row}`).addDeveloperMetadata(HEADER_KEY, "header");
}
