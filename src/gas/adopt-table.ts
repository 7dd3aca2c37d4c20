/** Adopts the team's existing table: appends the columns the add-on needs after theirs, tags every column, and builds Team and Settings from what the table holds. */

import type { ColumnPositions } from "../core/columns";
import { readFollowUps } from "../core/follow-ups";
import {
  type AdoptionPlan,
  detectTable,
  HEADER_SCAN_ROWS,
  planAdoption,
  withCellsBelow,
} from "../core/header-detection";
import type { Language } from "../core/language";
import { addMethods, addStages, defaultSettings, settingsGrid } from "../core/settings";
import { type TeamMember, teamGrid } from "../core/team";
import { translator } from "../i18n/translate";
import { tagColumns, tagHeaderRow } from "./column-map";
import { firstMember } from "./create-table";
import { saveRegistry } from "./registry";
import { growSheet } from "./sheet-size";
import { freshSheetName, layOutColumns, positionsFrom, writeGrid } from "./table-layout";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Blank rows adoption keeps below the team's rows: the rows typed next by hand get the dropdowns there (the rows
 * typed before keep none), so a sheet its rows fill exactly (a CSV imported to size) is given room.
 */
const ROOM_BELOW = 100;

/** What adoption added to Settings from the table's own values. */
export interface AdoptionResult {
  positions: ColumnPositions;
  valuesAdded: string[];
  /** The team's columns from the header row down, as read once the add-on's columns were laid out. */
  grid: unknown[][];
  /** The row below the last one the team typed: where the dropdowns on the team's list columns begin. */
  dropdownsFrom: number;
}

/** A team's table found on a sheet, as the confirmation shows it. */
export interface FoundTable {
  plan: AdoptionPlan;
  /** The stage column from the header row down (statusesOf), empty when the table has none. */
  stageCells: unknown[];
}

/**
 * The team's table on `sheet`, or null when its top rows hold no recognisable header. Reads what the question needs,
 * not the whole table (adoption reads that once, under the lock, after the user said yes): the top rows in full, the
 * cells right of the used columns below them (usually none: only when the sheet holds something further right), and
 * the stage column.
 */
export function findTeamTable(sheet: Sheet): FoundTable | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return null;
  const top = sheet.getRange(1, 1, Math.min(lastRow, HEADER_SCAN_ROWS), lastColumn).getValues();
  const detected = detectTable(top);
  if (!detected) return null;
  const below = top.length + 1;
  const beside = detected.lastUsedColumn + 1;
  const table =
    below <= lastRow && beside <= lastColumn
      ? withCellsBelow(
          detected,
          sheet.getRange(below, beside, lastRow - below + 1, lastColumn - beside + 1).getValues(),
          beside,
        )
      : detected;
  const plan = planAdoption(table);
  const stage = plan.columns.stage;
  const stageCells =
    stage === undefined
      ? []
      : sheet
          .getRange(plan.headerRow, stage, lastRow - plan.headerRow + 1, 1)
          .getValues()
          .map(([cell]) => cell);
  return { plan, stageCells };
}

/** Distinct non-empty texts, in first-seen order. */
function distinct(texts: readonly string[]): string[] {
  return [...new Set(texts.filter((text) => text !== ""))];
}

/**
 * Writes only new cells: the appended header cells (and their columns' formats), the column and header-row tags,
 * and the new Team and Settings sheets. The team's cells, column order and formats are never changed. Stages,
 * methods and owners come from the follow-ups as the table's reader sees them (a header row pasted again inside the
 * data is not a follow-up, so its texts become nothing).
 */
export function adoptTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: Sheet,
  plan: AdoptionPlan,
  language: Language,
  userEmail: string,
): AdoptionResult {
  const t = translator(language);
  // After the last column holding anything, so data the team typed right of its header is never overwritten.
  const firstNew = plan.firstAppendColumn;
  const lastNew = firstNew + plan.toAppend.length - 1;
  if (lastNew > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), lastNew - sheet.getMaxColumns());
  const lastRow = sheet.getLastRow();
  growSheet(sheet, lastRow + ROOM_BELOW);
  layOutColumns(sheet, plan.headerRow, firstNew, plan.toAppend, language);
  const positions: ColumnPositions = { ...plan.columns, ...positionsFrom(firstNew, plan.toAppend) };
  tagColumns(spreadsheet, sheet, positions);
  tagHeaderRow(spreadsheet, sheet, plan.headerRow);

  const grid = sheet
    .getRange(plan.headerRow, 1, Math.max(1, lastRow - plan.headerRow + 1), Math.max(1, plan.lastUsedColumn))
    .getValues();
  const [header = [], ...data] = grid;
  const { followUps } = readFollowUps(
    data,
    plan.headerRow + 1,
    plan.columns,
    spreadsheet.getSpreadsheetTimeZone(),
    header,
  );
  const withStages = addStages(defaultSettings(language), distinct(followUps.map((f) => f.stage)));
  const withMethods = addMethods(withStages.settings, distinct(followUps.map((f) => f.method)));
  const members: TeamMember[] = [firstMember(userEmail, language)];
  for (const name of distinct(followUps.map((f) => f.owner))) {
    if (members.some((m) => m.name.toLowerCase() === name.toLowerCase())) continue;
    members.push({ name, email: "", role: "rep", managerEmail: "", reminders: true, language: "" });
  }
  const team = spreadsheet.insertSheet(freshSheetName(spreadsheet, t("sheet.team")));
  writeGrid(team, teamGrid(members, language));
  const settings = spreadsheet.insertSheet(freshSheetName(spreadsheet, t("sheet.settings")));
  writeGrid(settings, settingsGrid(withMethods.settings, language));

  saveRegistry(spreadsheet, {
    followUps: sheet.getSheetId(),
    team: team.getSheetId(),
    settings: settings.getSheetId(),
    headerRow: plan.headerRow,
    nextId: 1,
    createdColumns: [...plan.toAppend],
  });
  sheet.activate();
  return { positions, valuesAdded: [...withStages.added, ...withMethods.added], grid, dropdownsFrom: lastRow + 1 };
}
