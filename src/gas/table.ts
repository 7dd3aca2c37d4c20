/** Opens the follow-up table of the active spreadsheet: its sheets, column positions, Settings, Team and language, read in a few batched calls. */

import { ADD_ON_COLUMNS, type ColumnKey, type ColumnPositions } from "../core/columns";
import { type Language, languageFromLocale } from "../core/language";
import { parseSettings, type Settings, type SettingsProblem } from "../core/settings";
import { parseTeam, type TeamMember, type TeamProblem } from "../core/team";
import { readColumnPositions, readHeaderRow } from "./column-map";
import { loadRegistry, type TableRegistry } from "./registry";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Everything an operation on the table needs, read once. */
export interface Table {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  registry: TableRegistry;
  followUps: Sheet;
  team: Sheet;
  settingsSheet: Sheet;
  /** The header row now (its row tag), else where it was set up. */
  headerRow: number;
  /** Whether the header row carries its tag (Sync puts it back when the header row was deleted and retyped). */
  headerRowTagged: boolean;
  positions: ColumnPositions;
  /** Columns the add-on created itself (see TableRegistry.createdColumns). */
  createdColumns: ReadonlySet<ColumnKey>;
  settings: Settings;
  settingsProblems: SettingsProblem[];
  members: TeamMember[];
  teamProblems: TeamProblem[];
  language: Language;
  timeZone: string;
}

/** Why the table could not be opened. */
export type TableProblem = { kind: "notSetUp" } | { kind: "missingSheet"; which: "followUps" | "team" | "settings" };

/** The language of the document: the Settings choice, else the spreadsheet's locale. */
export function documentLanguage(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, settings?: Settings): Language {
  if (settings && settings.language !== "auto") return settings.language;
  return languageFromLocale(spreadsheet.getSpreadsheetLocale());
}

/** Reads the table of `spreadsheet`, or says why it cannot. */
export function openTable(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Table | TableProblem {
  const registry = loadRegistry(spreadsheet);
  if (!registry) return { kind: "notSetUp" };
  const byId = new Map(spreadsheet.getSheets().map((sheet) => [sheet.getSheetId(), sheet]));
  const followUps = byId.get(registry.followUps);
  const team = byId.get(registry.team);
  const settingsSheet = byId.get(registry.settings);
  if (!followUps) return { kind: "missingSheet", which: "followUps" };
  if (!team) return { kind: "missingSheet", which: "team" };
  if (!settingsSheet) return { kind: "missingSheet", which: "settings" };
  const { settings, problems: settingsProblems } = parseSettings(settingsSheet.getDataRange().getValues());
  const { members, problems: teamProblems } = parseTeam(team.getDataRange().getValues());
  const taggedHeaderRow = readHeaderRow(spreadsheet, followUps);
  return {
    spreadsheet,
    registry,
    followUps,
    team,
    settingsSheet,
    headerRow: taggedHeaderRow ?? registry.headerRow,
    headerRowTagged: taggedHeaderRow !== null,
    positions: readColumnPositions(spreadsheet, followUps),
    createdColumns: new Set(registry.createdColumns ?? ADD_ON_COLUMNS),
    settings,
    settingsProblems,
    members,
    teamProblems,
    language: documentLanguage(spreadsheet, settings),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}

/** True when `value` is a problem rather than a table. */
export function isTableProblem(value: Table | TableProblem): value is TableProblem {
  return "kind" in value;
}
