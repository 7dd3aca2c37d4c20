/** Rebuilds the table's record when the spreadsheet's metadata lost it: the Follow-ups sheet by its column tags, the Team and Settings sheets by their header rows. */

import { isSettingsHeader } from "../core/settings";
import { isTeamHeader } from "../core/team";
import { readHeaderRow } from "./column-map";
import { saveRegistry, type TableRegistry } from "./registry";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The registry rebuilt and saved, or null when the sheets cannot be told apart (no tagged columns, or no single
 * Team or Settings sheet). The next id number restarts at 1: Sync and saves always take the highest id in use + 1.
 */
export function recoverRegistry(spreadsheet: Spreadsheet): TableRegistry | null {
  const tagged = spreadsheet.createDeveloperMetadataFinder().withKey("followUpTracker.column").find();
  const followUpsId = tagged
    .map((m) => m.getLocation().getColumn()?.getSheet().getSheetId())
    .find((id) => id !== undefined);
  const sheets = spreadsheet.getSheets();
  const followUps = sheets.find((sheet) => sheet.getSheetId() === followUpsId);
  if (!followUps) return null;
  const firstRows = sheets.map((sheet) => ({
    sheet,
    row: sheet.getRange(1, 1, 1, Math.min(9, sheet.getMaxColumns())).getValues()[0],
  }));
  const teams = firstRows.filter((s) => s.sheet !== followUps && isTeamHeader(s.row));
  const settings = firstRows.filter((s) => s.sheet !== followUps && isSettingsHeader(s.row));
  if (teams.length !== 1 || settings.length !== 1) return null;
  const registry: TableRegistry = {
    followUps: followUps.getSheetId(),
    team: teams[0].sheet.getSheetId(),
    settings: settings[0].sheet.getSheetId(),
    headerRow: readHeaderRow(spreadsheet, followUps) ?? 1,
    nextId: 1,
  };
  saveRegistry(spreadsheet, registry);
  return registry;
}
