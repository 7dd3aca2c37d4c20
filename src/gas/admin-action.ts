/** The start of an admins-only menu action (release to the pool, archive): the table opened, messages in its language, and everyone but an admin on the Team sheet told the action is theirs only. */

import type { Language } from "../core/language";
import { memberByEmail } from "../core/team";
import type { MessageKey } from "../i18n/messages";
import { translator } from "../i18n/translate";
import { documentLanguage, isTableProblem, openTable, type Table } from "./table";

/** What an admins-only action goes on with once its user may act. */
export interface AdminAction {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui: GoogleAppsScript.Base.Ui;
  table: Table;
  language: Language;
  t: (key: MessageKey) => string;
  /** The admin's email, as the action records who acted. */
  email: string;
  /** Shows a message under the action's title with an OK button. */
  tell(message: string): void;
}

/**
 * Opens the table for the action titled `title`; when it is not set up, or the user is not an admin, says so
 * (`adminsOnly`) and returns null.
 */
export function startAdminAction(title: MessageKey, adminsOnly: MessageKey): AdminAction | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const table = openTable(spreadsheet);
  const language = isTableProblem(table) ? documentLanguage(spreadsheet) : table.language;
  const t = translator(language);
  const tell = (message: string) => void ui.alert(t(title), message, ui.ButtonSet.OK);
  if (isTableProblem(table)) {
    tell(t("sync.notSetUp"));
    return null;
  }
  const email = Session.getActiveUser().getEmail();
  if (memberByEmail(table.members, email)?.role !== "admin") {
    tell(t(adminsOnly));
    return null;
  }
  return { spreadsheet, ui, table, language, t, email, tell };
}
