/** Sets up a new follow-up table: Follow-ups, Team and Settings sheets in the spreadsheet's language, with the current user as the first admin. */

import { COLUMNS } from "../core/columns";
import type { Language } from "../core/language";
import { defaultSettings, settingsGrid } from "../core/settings";
import { type TeamMember, teamGrid } from "../core/team";
import { translator } from "../i18n/translate";
import { tagColumns, tagHeaderRow } from "./column-map";
import { saveRegistry } from "./registry";
import { freshSheetName, layOutColumns, positionsFrom, writeGrid } from "./table-layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The first Team member: the person setting the table up, as admin. */
export function firstMember(email: string, language: Language): TeamMember {
  return { name: email.split("@")[0] ?? email, email, role: "admin", managerEmail: "", reminders: true, language };
}

/**
 * Creates the three sheets (new names, never the team's existing sheets), writes their headers and defaults,
 * tags the Follow-ups columns and records the table. Dropdowns, colouring and protection are applied by the
 * caller once the table can be opened.
 */
export function createTable(spreadsheet: Spreadsheet, language: Language, userEmail: string): void {
  const t = translator(language);
  const followUps = spreadsheet.insertSheet(freshSheetName(spreadsheet, t("sheet.followUps")), 0);
  const keys = COLUMNS.map((column) => column.key);
  layOutColumns(followUps, 1, 1, keys, language);
  followUps.setFrozenRows(1);
  tagColumns(spreadsheet, followUps, positionsFrom(1, keys));
  tagHeaderRow(spreadsheet, followUps, 1);

  const team = spreadsheet.insertSheet(freshSheetName(spreadsheet, t("sheet.team")));
  writeGrid(team, teamGrid([firstMember(userEmail, language)], language));
  const settings = spreadsheet.insertSheet(freshSheetName(spreadsheet, t("sheet.settings")));
  writeGrid(settings, settingsGrid(defaultSettings(language), language));

  saveRegistry(spreadsheet, {
    followUps: followUps.getSheetId(),
    team: team.getSheetId(),
    settings: settings.getSheetId(),
    headerRow: 1,
    nextId: 1,
    createdColumns: keys,
  });
  followUps.activate();
}
