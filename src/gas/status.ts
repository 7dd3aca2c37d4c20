/** Keeps the reminders' status in the spreadsheet's metadata, shows it on the Settings sheet, and emails it to the admins at most once a day. */

import { type Day, dayInZone, isoOfDay, localTimeText } from "../core/dates";
import type { Language } from "../core/language";
import { asLiteral } from "../core/literal";
import { parseStatus, type ReminderStatus, renderStatusAlert, statusLines } from "../core/reminder-status";
import { isValidEmail } from "../core/team";
import { fill, translator } from "../i18n/translate";
import type { ReminderState } from "./reminder-state";
import { type Outgoing, sendBatch } from "./send-once";
import { openValue } from "./spreadsheet-metadata";
import type { Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const STATUS_KEY = "followUpTracker.status";
/** Where the Settings sheet shows the status: column K, below its title, this many lines. */
const VIEW_COLUMN = 11;
const VIEW_LINES = 12;

/** The reminders' status as read, and `save`, which writes it back only when it changed. */
export interface StatusStore {
  status: ReminderStatus;
  save: () => void;
}

/** Opens the status kept in the spreadsheet's metadata (one lookup). */
export function openStatus(spreadsheet: Spreadsheet): StatusStore {
  const stored = openValue(spreadsheet, STATUS_KEY);
  const status = parseStatus(stored.value);
  let saved = JSON.stringify(status);
  return {
    status,
    save() {
      const text = JSON.stringify(status);
      if (text === saved) return;
      stored.set(text);
      saved = text;
    },
  };
}

/** The status as lines in `language` (what is wrong), or one line saying all is well or that reminders are off. */
export function statusView(
  status: ReminderStatus,
  state: ReminderState | null,
  language: Language,
  timeZone: string,
): string[] {
  const t = translator(language);
  const lines = statusLines(status, language, timeZone);
  if (lines.length > 0) return lines;
  if (!state) return [t("status.off")];
  return [fill(t("status.ok"), { time: state.lastRunAt ? localTimeText(state.lastRunAt, timeZone) : "–" })];
}

/**
 * Shows the status on the Settings sheet (a block of the add-on's own in column K), writing only when it changed. Best
 * effort: Settings is protected for admins, and the reminders' owner need not be one; the status itself is in the
 * spreadsheet's metadata, the sidebar and the admins' emails whatever happens here.
 */
export function showStatus(table: Table, lines: readonly string[]): void {
  try {
    writeStatus(table, lines);
  } catch (error) {
    console.warn(`reminder status not shown on Settings: ${String(error)}`);
  }
}

function writeStatus(table: Table, lines: readonly string[]): void {
  const t = translator(table.language);
  const shown = [t("status.title"), ...lines.slice(0, VIEW_LINES)];
  const wanted = Array.from({ length: VIEW_LINES + 1 }, (_, i) => [shown[i] ?? ""]);
  const range = table.settingsSheet.getRange(1, VIEW_COLUMN, VIEW_LINES + 1, 1);
  const current = range.getValues().map(([cell]) => String(cell));
  if (current.every((cell, i) => cell === wanted[i][0])) return;
  // Stored literally: a detail may quote an error message or a cell a person typed.
  range.setValues(wanted.map(([line]) => [asLiteral(line)]));
}

/**
 * Emails the status to the Team's admins (or, when the Team names none, to `fallback`, the reminders' owner) once a
 * day, through the send-once protocol, and notes the day in the status.
 */
export function alertAdmins(
  spreadsheet: Spreadsheet,
  status: ReminderStatus,
  options: {
    today: Day;
    language: Language;
    timeZone: string;
    admins: readonly { email: string; language: Language | "" }[];
    fallback: string;
    startedAt: number;
  },
): void {
  const admins = options.admins.filter((a) => isValidEmail(a.email.trim()));
  const recipients = admins.length > 0 ? admins : [{ email: options.fallback, language: "" as const }];
  const day = isoOfDay(options.today);
  const outgoing: Outgoing[] = recipients
    .filter((r) => isValidEmail(r.email.trim()))
    .map((r) => {
      const mail = renderStatusAlert(status, {
        language: r.language || options.language,
        timeZone: options.timeZone,
        spreadsheetName: spreadsheet.getName(),
        url: spreadsheet.getUrl(),
      });
      return {
        email: r.email.trim(),
        note: `${status.problems.length}`,
        send: () =>
          MailApp.sendEmail({ to: r.email.trim(), subject: mail.subject, body: mail.text, htmlBody: mail.html }),
      };
    });
  const run = sendBatch(spreadsheet, options.language, `alert ${day}`, outgoing, options.startedAt);
  if (run.sent > 0 || run.settled) status.alertedOn = day;
}

/** `alertAdmins` for a table: its admins, language and zone, today in that zone; `owner` (the reminders') as fallback. */
export function alertTableAdmins(table: Table, status: ReminderStatus, owner: string, now: number): void {
  alertAdmins(table.spreadsheet, status, {
    today: dayInZone(now, table.timeZone),
    language: table.language,
    timeZone: table.timeZone,
    admins: table.members.filter((m) => m.role === "admin"),
    fallback: owner,
    startedAt: now,
  });
}
