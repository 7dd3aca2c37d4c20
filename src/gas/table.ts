/** Opens the follow-up table of the active spreadsheet: its sheets, column positions, Settings, Team and language, read in a few batched calls. */

import type { ColumnPositions } from "../core/columns";
import { type Language, languageFromLocale } from "../core/language";
import { parseSettings, type Settings } from "../core/settings";
import { parseTeam, type TeamMember } from "../core/team";
import { readColumnPositions } from "./column-map";
import { loadRegistry, type TableRegistry } from "./registry";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Everything an operation on the table needs, read once. */
export interface Table {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  registry: TableRegistry;
  followUps: Sheet;
  team: Sheet;
  settingsSheet: Sheet;
  positions: ColumnPositions;
  settings: Settings;
  members: TeamMember[];
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
  const settings = parseSettings(settingsSheet.getDataRange().getValues()).settings;
  const members = parseTeam(team.getDataRange().getValues()).members;
  return {
    spreadsheet,
    registry,
    followUps,
    team,
    settingsSheet,
    positions: readColumnPositions(spreadsheet, followUps),
    settings,
    members,
    language: documentLanguage(spreadsheet, settings),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}

/** True when `value` is a problem rather than a table. */
export function isTableProblem(value: Table | TableProblem): value is TableProblem {
  return "kind" in value;
}
