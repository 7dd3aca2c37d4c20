/** The table's menu commands: Set up / adopt, Sync & repair, Settings; each reports to the user in their language. */

import { adoptedNotes, adoptionQuestion } from "../core/adoption-report";
import { columnSpec } from "../core/columns";
import { collisionReport } from "../core/customers";
import { dayInZone } from "../core/dates";
import type { Language } from "../core/language";
import { listText, syncReport } from "../core/report";
import { fill, translator } from "../i18n/translate";
import { adoptTable, findTeamTable } from "./adopt-table";
import { createTable } from "./create-table";
import { withDocumentLock } from "./lock";
import { protectTable } from "./protection";
import { checkReminders, switchReminders } from "./reminders-switch";
import { type Adopted, type SyncOutcome, syncTable } from "./sync";
import { documentLanguage, isTableProblem, openTable, type Table, type TableProblem } from "./table";
import { TableChangedError } from "./table-rows";
import { buildWeeklyReview } from "./weekly-review";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function userEmail(): string {
  return Session.getActiveUser().getEmail();
}

function tell(language: Language, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(translator(language)("setup.title"), message, ui.ButtonSet.OK);
}

function problemMessage(problem: TableProblem, language: Language): string {
  const t = translator(language);
  if (problem.kind === "notSetUp") return t("sync.notSetUp");
  const name = { followUps: t("sheet.followUps"), team: t("sheet.team"), settings: t("sheet.settings") }[problem.which];
  return fill(t("sync.missingSheet"), { name });
}

/**
 * Applies dropdowns, colouring and protection and syncs, for a table just created or adopted (`adopted`: the rows
 * adoption read, so the table is read once, and where the team's dropdowns begin).
 */
function finish(spreadsheet: Spreadsheet, now: number, adopted?: Adopted): Table & { assigned: number } {
  const table = openTable(spreadsheet);
  if (isTableProblem(table)) throw new Error(`the table just set up cannot be opened: ${table.kind}`);
  const outcome = syncTable(table, now, adopted);
  protectTable(table, userEmail());
  return { ...table, assigned: outcome.plan.counts.ids };
}

/**
 * Menu: Set up / adopt table. An existing table on the active sheet (a recognisable header) is adopted after
 * the user confirms the mapping; otherwise a new table is created. A spreadsheet already set up is left alone.
 */
export function setUpOrAdopt(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(spreadsheet);
  const t = translator(language);
  const existing = openTable(spreadsheet);
  if (!isTableProblem(existing)) {
    tell(existing.language, fill(t("setup.alreadyDone"), { followUps: existing.followUps.getName() }));
    return;
  }
  const sheet = spreadsheet.getActiveSheet();
  const found = findTeamTable(sheet);
  if (!found) {
    const done = withDocumentLock(() => {
      createTable(spreadsheet, language, userEmail());
      return finish(spreadsheet, Date.now());
    });
    if (!done) {
      tell(language, t("error.busy"));
      return;
    }
    tell(
      language,
      fill(t("setup.created"), {
        followUps: done.value.followUps.getName(),
        team: done.value.team.getName(),
        settings: done.value.settingsSheet.getName(),
      }),
    );
    return;
  }
  const { plan } = found;
  const ui = SpreadsheetApp.getUi();
  const question = adoptionQuestion(plan, found.stageCells, sheet.getName(), language);
  if (ui.alert(t("setup.title"), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
    tell(language, t("adopt.cancelled"));
    return;
  }
  const done = withDocumentLock(() => {
    const result = adoptTable(spreadsheet, sheet, plan, language, userEmail());
    return {
      result,
      table: finish(spreadsheet, Date.now(), { read: result.grid, dropdownsFrom: result.dropdownsFrom }),
    };
  });
  if (!done) {
    tell(language, t("error.busy"));
    return;
  }
  const lines = [
    fill(t("adopt.done"), {
      sheet: sheet.getName(),
      recognised: plan.recognised.length,
      added: plan.toAppend.length,
      rows: done.value.table.assigned,
    }),
  ];
  if (done.value.result.valuesAdded.length > 0) {
    lines.push(fill(t("adopt.valuesAdded"), { values: listText(done.value.result.valuesAdded, language) }));
  }
  lines.push(...adoptedNotes(plan, language));
  tell(language, lines.join("\n\n"));
}

/** Menu: Sync & repair. */
export function syncAndRepair(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openTable(spreadsheet);
  if (isTableProblem(table)) {
    tell(documentLanguage(spreadsheet), problemMessage(table, documentLanguage(spreadsheet)));
    return;
  }
  const t = translator(table.language);
  let done: { value: SyncOutcome & { restarted: string | null } } | null;
  try {
    done = withDocumentLock(() => {
      const outcome = syncTable(table, Date.now());
      protectTable(table, userEmail());
      return { ...outcome, restarted: checkReminders(table, userEmail(), Date.now(), true).restarted };
    });
  } catch (error) {
    if (error instanceof TableChangedError) {
      tell(table.language, error.message);
      return;
    }
    throw error;
  }
  if (!done) {
    tell(table.language, t("error.busy"));
    return;
  }
  const { plan, added, restarted, collisions } = done.value;
  const lines = [syncReport(plan.counts, plan.problems, table.teamProblems, table.language)];
  lines.push(...collisionReport(collisions, table.language));
  if (restarted) lines.push("", restarted);
  if (added.length > 0) {
    const columns = listText(
      added.map((key) => columnSpec(key).header[table.language]),
      table.language,
    );
    lines.push("", fill(t("sync.columnsAdded"), { columns }));
  }
  tell(table.language, lines.join("\n"));
}

/** Menu: Settings — opens the Settings sheet. */
export function openSettings(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openTable(spreadsheet);
  if (isTableProblem(table)) {
    tell(documentLanguage(spreadsheet), problemMessage(table, documentLanguage(spreadsheet)));
    return;
  }
  table.settingsSheet.activate();
}

/** Menu: Reminders on/off. */
export function toggleReminders(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openTable(spreadsheet);
  if (isTableProblem(table)) {
    tell(documentLanguage(spreadsheet), problemMessage(table, documentLanguage(spreadsheet)));
    return;
  }
  tell(table.language, switchReminders(table, userEmail(), Date.now()));
}

/** Menu: Build weekly review — rebuilds the review sheets now and shows them. */
export function buildReview(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openTable(spreadsheet);
  if (isTableProblem(table)) {
    tell(documentLanguage(spreadsheet), problemMessage(table, documentLanguage(spreadsheet)));
    return;
  }
  const t = translator(table.language);
  const done = withDocumentLock(() => buildWeeklyReview(table, dayInZone(Date.now(), table.timeZone)));
  if (!done) {
    tell(table.language, t("error.busy"));
    return;
  }
  done.value.review.activate();
  tell(
    table.language,
    fill(t("review.built"), { sheet: done.value.review.getName(), rows: done.value.content.rows.length }),
  );
}

/**
 * Opening the spreadsheet with full authorization: reminders that stopped (the trigger gone or disabled) are started
 * again when the user may (see `checkReminders`). Never lets a failure reach the menu.
 */
export function repairOnOpen(): void {
  try {
    const table = openTable(SpreadsheetApp.getActiveSpreadsheet());
    if (isTableProblem(table)) return;
    withDocumentLock(() => checkReminders(table, userEmail(), Date.now(), true));
  } catch (error) {
    console.warn(`reminders not checked on open: ${String(error)}`);
  }
}
