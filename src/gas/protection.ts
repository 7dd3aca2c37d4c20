/** Protects the header row, the Team sheet and the Settings sheet so a rep's stray edit cannot break the table. */

import { en, zh } from "../i18n/messages";
import { translator } from "../i18n/translate";
import type { Table } from "./table";

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The add-on's protections start with its name in either language; the team's own are left alone. */
function isOurs(protection: Protection): boolean {
  const description = protection.getDescription();
  return description.startsWith(zh["app.name"]) || description.startsWith(en["app.name"]);
}

/**
 * Admins (Team role admin) and the owner may edit; everyone else is stopped. Only the spreadsheet's owner
 * can restrict editors, so when someone else sets the table up the protections are warning-only (editors see
 * a warning before changing a protected cell), and when someone else runs Sync the existing protections are
 * left as they are (developers.google.com/apps-script/reference/spreadsheet/protection).
 */
export function protectTable(table: Table, userEmail: string): void {
  const t = translator(table.language);
  const { spreadsheet } = table;
  const ownerEmail = spreadsheet.getOwner()?.getEmail() ?? "";
  const enforce = ownerEmail !== "" && ownerEmail.toLowerCase() === userEmail.toLowerCase();
  const existing = [SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.ProtectionType.SHEET]
    .flatMap((type) => spreadsheet.getProtections(type))
    .filter(isOurs);
  if (!enforce && existing.length > 0) return;
  for (const protection of existing) protection.remove();
  const admins = table.members.filter((m) => m.role === "admin" && m.email !== "").map((m) => m.email);
  const header = table.followUps.getRange(table.headerRow, 1, 1, table.followUps.getMaxColumns()).protect();
  const targets: [Protection, string][] = [
    [header, t("protection.header")],
    [table.team.protect(), t("protection.team")],
    [table.settingsSheet.protect(), t("protection.settings")],
  ];
  for (const [protection, description] of targets) {
    protection.setDescription(description);
    if (!enforce) {
      protection.setWarningOnly(true);
      continue;
    }
    protection.removeEditors(protection.getEditors().map((user) => user.getEmail()));
    protection.addEditors([ownerEmail, ...admins]);
  }
}
