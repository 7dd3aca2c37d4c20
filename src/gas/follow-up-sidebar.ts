/** The follow-up sidebar's server side: open it, give it the table's data, save a follow-up, select a row. */

import { ownershipOf } from "../core/customers";
import { dayInZone, isoOfDay } from "../core/dates";
import { agendaOf } from "../core/due";
import { ownersWithPool, poolItems } from "../core/pool";
import { needsAlert, statusLines } from "../core/reminder-status";
import { stageCadenceDays } from "../core/settings";
import type { SidebarData } from "../core/sidebar-api";
import { customerSummaries, dueItemsFor } from "../core/sidebar-data";
import { memberByEmail, type TeamMember } from "../core/team";
import { translator } from "../i18n/translate";
import { poolOfTable } from "./pool-log";
import { handoversOf } from "./registry";
import { checkReminders } from "./reminders-switch";
import { alertTableAdmins, openStatus } from "./status";
import { documentLanguage, isTableProblem, openTable, type Table } from "./table";
import { readRows } from "./table-rows";

/** The open table, or an exception with the localised reason (the sidebar shows the message). */
export function requireTable(): Table {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openTable(spreadsheet);
  if (isTableProblem(table)) throw new Error(translator(documentLanguage(spreadsheet))("sync.notSetUp"));
  return table;
}

/** The Team member the current user is (by email), if any. */
export function currentMember(table: Table): TeamMember | undefined {
  return memberByEmail(table.members, Session.getActiveUser().getEmail());
}

/** Opens the sidebar on its "log" or "due" tab (menu items; sidebars need AuthMode.FULL). */
export function showFollowUpSidebar(tab: "log" | "due"): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openTable(spreadsheet);
  const language = isTableProblem(table) ? documentLanguage(spreadsheet) : table.language;
  const t = translator(language);
  const template = HtmlService.createTemplateFromFile("FollowUp");
  template.lang = language;
  template.tab = tab;
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(t("sidebar.title")));
}

/**
 * What the reminders' status says, for an admin or the reminders' owner; nothing for everyone else. Whoever opens the
 * sidebar first checks that the reminders still run (a trigger that stopped is recorded, not repaired, here) and, when
 * one stopped, emails the admins about it once that day: the hourly run that would have told them is what stopped.
 */
function reminderProblems(table: Table, member: TeamMember | undefined, now: number): string[] {
  const email = Session.getActiveUser().getEmail();
  const store = openStatus(table.spreadsheet);
  const { state } = checkReminders(table, email, now, false, store);
  const today = dayInZone(now, table.timeZone);
  if (state && store.status.problems.some((p) => p.kind === "triggerStopped") && needsAlert(store.status, today)) {
    try {
      alertTableAdmins(table, store.status, state.owner, now);
      store.save();
    } catch (error) {
      console.warn(`admins not alerted from the sidebar: ${String(error)}`);
    }
  }
  const isOwner = state !== null && email !== "" && state.owner.toLowerCase() === email.toLowerCase();
  if (member?.role !== "admin" && !isOwner) return [];
  return statusLines(store.status, table.language, table.timeZone);
}

/** Everything the sidebar shows, read in one pass over the table. */
export function loadSidebarData(): SidebarData {
  const table = requireTable();
  const rows = readRows(table);
  const now = Date.now();
  const today = dayInZone(now, table.timeZone);
  const member = currentMember(table);
  const agenda = agendaOf(rows.followUps, rows.problems, table.settings);
  const pool = poolOfTable(table, agenda);
  const { owners } = ownershipOf(rows.followUps, rows.problems, table.members, handoversOf(table.registry));
  return {
    language: table.language,
    today: isoOfDay(today),
    userName: member?.name ?? "",
    stages: table.settings.stages.map((s) => ({ name: s.name, kind: s.kind, cadenceDays: stageCadenceDays(s) })),
    gradeCadence: table.settings.gradeCadence,
    methods: [...table.settings.methods],
    sources: [...table.settings.sources],
    owners: table.members.map((m) => m.name),
    customers: customerSummaries(rows.followUps, agenda, ownersWithPool(owners, pool)),
    myDue: dueItemsFor(rows.followUps, agenda, today, table.members, member, pool),
    pool: poolItems(pool, agenda.latest, today),
    reminderProblems: reminderProblems(table, member, now),
  };
}

/** Selects a follow-up's row in the sheet (from the "My follow-ups" list). */
export function selectFollowUpRow(row: unknown): void {
  const table = requireTable();
  const first = table.headerRow + 1;
  if (typeof row !== "number" || !Number.isInteger(row) || row < first || row > table.followUps.getLastRow()) {
    throw new Error(translator(table.language)("form.invalid"));
  }
  table.followUps.activate();
  table.followUps.getRange(row, 1, 1, table.followUps.getLastColumn()).activate();
}
