/** The follow-up sidebar's server side: open it, give it the table's data, save a follow-up, select a row. */

import {
  dueItemsOf,
  dueOfCell,
  entryOf,
  INDEX_COLUMNS,
  LOOKUP_LIMIT,
  matchingCustomers,
  poolItemsOf,
  poolOfCell,
  summaryOf,
} from "../core/customer-index";
import { customerKey } from "../core/customer-match";
import { dayInZone, isoOfDay } from "../core/dates";
import { needsAlert, statusLines } from "../core/reminder-status";
import { stageCadenceDays } from "../core/settings";
import { type CustomerSummary, DUE_LISTED, type SidebarData } from "../core/sidebar-api";
import { memberByEmail, type TeamMember } from "../core/team";
import { translator } from "../i18n/translate";
import { currentIndex, existingIndex, readIndexColumns } from "./customer-index";
import { withDocumentLock } from "./lock";
import { checkReminders } from "./reminders-switch";
import { alertTableAdmins, openStatus } from "./status";
import { documentLanguage, isTableProblem, openTable, type Table } from "./table";
import { recoverRegistry } from "./table-recovery";

/**
 * The open table, or an exception with the localised reason (the sidebar shows the message). A table whose record
 * was lost is found again by its column tags, as the hourly run does, so nobody's save waits for that run.
 */
export function requireTable(): Table {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let table = openTable(spreadsheet);
  if (isTableProblem(table) && table.kind === "notSetUp" && recoverRegistry(spreadsheet))
    table = openTable(spreadsheet);
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

/**
 * Everything the sidebar shows, from the customer index (brought up to date under the document lock first): the
 * user's due list and the pool from two of its columns, never the whole table; customers are looked up as the
 * user types (findCustomers).
 */
export function loadSidebarData(): SidebarData {
  const table = requireTable();
  const now = Date.now();
  const today = dayInZone(now, table.timeZone);
  const member = currentMember(table);
  const index = withDocumentLock(() => currentIndex(table));
  if (!index) throw new Error(translator(table.language)("error.busy"));
  const lines = readIndexColumns(index.value.sheet, "due", "pool");
  const due = dueItemsOf(
    lines.map(([dueCell]) => dueOfCell(dueCell)),
    table.members,
    member,
    today,
  );
  return {
    language: table.language,
    today: isoOfDay(today),
    userName: member?.name ?? "",
    stages: table.settings.stages.map((s) => ({ name: s.name, kind: s.kind, cadenceDays: stageCadenceDays(s) })),
    gradeCadence: table.settings.gradeCadence,
    methods: [...table.settings.methods],
    sources: [...table.settings.sources],
    owners: table.members.map((m) => m.name),
    myDue: due.slice(0, DUE_LISTED),
    myDueCount: due.length,
    pool: poolItemsOf(
      lines.map(([, poolCell]) => poolOfCell(poolCell)),
      today,
    ),
    reminderProblems: reminderProblems(table, member, now),
  };
}

/**
 * The customers matching what the user typed (names starting with it first), at most LOOKUP_LIMIT, from the
 * customer index as it stands: two of its columns, then the lines found.
 */
export function findCustomersRequest(typed: unknown): CustomerSummary[] {
  if (typeof typed !== "string" || typed.trim() === "" || typed.length > 200) return [];
  const table = requireTable();
  const sheet = existingIndex(table);
  if (!sheet) return [];
  const keys = readIndexColumns(sheet, "key", "key");
  const names = readIndexColumns(sheet, "name", "name").map(([name], line) => ({
    key: String(keys[line]?.[0] ?? ""),
    name: String(name),
  }));
  return matchingCustomers(typed, names, customerKey(typed), LOOKUP_LIMIT).flatMap((line) => {
    const entry = entryOf(sheet.getRange(line + 2, 1, 1, INDEX_COLUMNS.length).getValues()[0]);
    return entry ? [summaryOf(entry)] : [];
  });
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
