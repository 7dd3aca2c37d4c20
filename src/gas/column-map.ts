/** Remembers which sheet column holds which field with developer metadata on the columns, so renaming or moving columns keeps the mapping. */

import { columnLetter } from "../core/a1";
import type { ColumnKey, ColumnPositions } from "../core/columns";
import { COLUMNS } from "../core/columns";

const KEY = "followUpTracker.column";
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
