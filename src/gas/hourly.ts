/** The one hourly trigger's work: only from its own trigger, under the user lock; open the spreadsheet (with or without an active one); send what is due (daily digests, the weekly review); and record every way it fails so an admin hears of it. */

import { cellLimitWarning } from "../core/cell-limit";
import { dayInZone, hourInZone, isoOfDay } from "../core/dates";
import { hourlyColumns } from "../core/hourly-columns";
import { languageFromLocale } from "../core/language";
import { clear, expire, needsAlert, noteGivenUp, type ReminderStatus, raise } from "../core/reminder-status";
import { isValidEmail } from "../core/team";
import { isWorkday, previousWorkday } from "../core/workdays";
import { fill, translator } from "../i18n/translate";
import { postChatReminders } from "./chat-posts";
import { checkIndex } from "./customer-index";
import { sendDailyDigests } from "./daily-digests";
import { keepLogSmall, logSheet } from "./reminder-log";
import { loadReminderState, type ReminderState, saveReminderState } from "./reminder-state";
import { HOURLY_HANDLER, TRIGGER_SPREADSHEET_PREFIX } from "./reminders-switch";
import { errorMessage } from "./retry";
import { isReviewTime, sendWeeklyReview } from "./review-mail";
import { recordedBatch, undeliveredOf } from "./send-once";
import { alertAdmins, alertTableAdmins, openStatus, showStatus, statusView } from "./status";
import { isTableProblem, openTable, type Table } from "./table";
import { readColumns } from "./table-columns";
import { recoverRegistry } from "./table-recovery";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Addresses a status line names before "… and N more". */
const LISTED = 10;
/** Apps Script stops an execution after 6 minutes: a run that started longer ago and never ended was cut short. */
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/**
 * The trigger's unique id when `event` is a time-driven event of one of this user's own hourly triggers; anything
 * else is refused. Every top-level function can be called from a browser through google.script.run; this one must
 * only run as the trigger that the reminders' owner made (a rep calling it would send the day's digests from their
 * own address and use up the day).
 */
function ownTriggerUid(event: unknown): string {
  const uid = typeof event === "object" && event !== null ? (event as { triggerUid?: unknown }).triggerUid : undefined;
  const mine =
    typeof uid === "string" &&
    ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid && t.getHandlerFunction() === HOURLY_HANDLER);
  if (!mine) throw new Error(`${HOURLY_HANDLER} runs only from its own hourly trigger`);
  return uid;
}

/**
 * The spreadsheet this trigger serves. An add-on's time-driven trigger may get no active spreadsheet (community
 * reports; [UNCONFIRMED] which), so the id stored when the trigger was created is the fallback (openById needs the
 * spreadsheets scope).
 */
function spreadsheetFor(triggerUid: string): Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getUserProperties().getProperty(TRIGGER_SPREADSHEET_PREFIX + triggerUid);
  return id ? SpreadsheetApp.openById(id) : null;
}

/** Deletes a trigger that serves no spreadsheet any more (the spreadsheet is gone, or another trigger took over). */
function retire(triggerUid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === triggerUid && trigger.getHandlerFunction() === HOURLY_HANDLER)
      ScriptApp.deleteTrigger(trigger);
  }
  PropertiesService.getUserProperties().deleteProperty(TRIGGER_SPREADSHEET_PREFIX + triggerUid);
}

/**
 * Google's documented pattern for add-on triggers after an update added a scope
 * (developers.google.com/apps-script/reference/script/authorization-info): the trigger runs without asking, and a call
 * to a service not authorized throws. So check first; when authorization is required, email the user the
 * authorization URL at most once a day and do nothing else. Returns whether the run may go on.
 */
function authorized(startedAt: number, triggerUid: string): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return true;
  const user = Session.getEffectiveUser().getEmail();
  const language = languageFromLocale(Session.getActiveUserLocale());
  const properties = PropertiesService.getUserProperties();
  const today = new Date(startedAt).toDateString();
  let spreadsheetName = "";
  try {
    const spreadsheet = spreadsheetFor(triggerUid);
    spreadsheetName = spreadsheet?.getName() ?? "";
    if (spreadsheet) {
      const store = openStatus(spreadsheet);
      raise(store.status, "authorization", user, startedAt);
      store.save();
    }
  } catch {
    // The spreadsheet itself may need the missing authorization: the email below still reaches the user.
  }
  if (properties.getProperty("followUpTracker.lastAuthEmailDate") !== today && MailApp.getRemainingDailyQuota() > 0) {
    const t = translator(language);
    MailApp.sendEmail(
      user,
      t("status.reauthorize.subject"),
      fill(t("status.reauthorize.body"), { spreadsheet: spreadsheetName, url: info.getAuthorizationUrl() ?? "" }),
    );
    properties.setProperty("followUpTracker.lastAuthEmailDate", today);
  }
  return false;
}

/** The table, rebuilding its record when the metadata lost it; null (and the status says why) when it cannot be had. */
function tableOf(spreadsheet: Spreadsheet, status: ReminderStatus, now: number): Table | null {
  let table = openTable(spreadsheet);
  if (isTableProblem(table) && table.kind === "notSetUp" && recoverRegistry(spreadsheet)) {
    raise(status, "tableRecovered", "", now);
    table = openTable(spreadsheet);
  }
  if (isTableProblem(table)) {
    raise(status, "tableLost", table.kind === "missingSheet" ? table.which : "", now);
    return null;
  }
  clear(status, "tableLost");
  return table;
}

/** The last workday's digests that did not surely go out become a status line (once; a day off had none to send). */
function reportLastWorkday(table: Table, status: ReminderStatus, today: number, now: number): void {
  const day = isoOfDay(previousWorkday(table.settings.workdays, today));
  const recorded = recordedBatch(table.spreadsheet, day);
  if (!recorded || recorded.batch.reported) return;
  const { emails, unknown } = undeliveredOf(
    recorded.batch,
    table.members.map((m) => m.email),
  );
  if (emails.length + unknown > 0) {
    const t = translator(table.language);
    const named =
      emails.length > LISTED
        ? [...emails.slice(0, LISTED), fill(t("list.more"), { count: emails.length - LISTED })]
        : emails;
    const detail = [...named, ...(unknown > 0 ? [fill(t("status.notOnTeam"), { count: unknown })] : [])].join(", ");
    raise(status, "undelivered", detail, now, day);
  }
  recorded.batch.reported = true;
  recorded.save();
}

/** The day's work once the table is open: digests at the reminder hour, the review, the admins' alert. */
function work(table: Table, state: ReminderState, status: ReminderStatus, startedAt: number): void {
  const today = dayInZone(startedAt, table.timeZone);
  const day = isoOfDay(today);
  const afterReminderHour = hourInZone(startedAt, table.timeZone) >= table.settings.reminderHour;
  // A day off sends no digest and so has none to report: what went wrong on the last workday stays news until the next.
  const workday = isWorkday(table.settings.workdays, today);
  expire(status, previousWorkday(table.settings.workdays, today));
  reportLastWorkday(table, status, today, startedAt);
  const reachable = table.members.some((m) => m.reminders && isValidEmail(m.email));
  if (reachable) clear(status, "noRecipients");
  else raise(status, "noRecipients", "", startedAt);
  if (workday && afterReminderHour && state.digestsSettledOn !== day) {
    // Once a day, with the digests that tell the admins: how close the spreadsheet is to Google's cell limit.
    const grids = table.spreadsheet
      .getSheets()
      .map((s) => ({ name: s.getName(), rows: s.getMaxRows(), columns: s.getMaxColumns() }));
    const nearLimit = cellLimitWarning(grids);
    if (nearLimit) raise(status, "cellLimit", nearLimit, startedAt);
    else clear(status, "cellLimit");
    keepLogSmall(logSheet(table.spreadsheet, table.language), today, table.language);
    // Only the columns the digests and the index check look at: a team's own columns are never read here.
    const rows = readColumns(table, hourlyColumns(table.positions));
    const run = sendDailyDigests(table, rows, today, startedAt, status);
    // The group chats after the emails: the same items, and a failing robot never holds up anyone's email.
    const posts = postChatReminders(table, run.digests, today, startedAt, status);
    checkIndex(table, rows);
    if (run.deferred > 0) raise(status, "quota", String(run.deferred), startedAt, day);
    noteGivenUp(status, run.gaveUp, startedAt, day);
    // Everyone deferred earlier today got their digest after all.
    if (run.settled) clear(status, "quota", day);
    if (run.settled && posts.settled) state.digestsSettledOn = day;
  }
  if (isReviewTime(table, startedAt, today)) {
    const review = sendWeeklyReview(table, today, startedAt);
    if (review && review.gaveUp.length > 0) {
      raise(status, "reviewFailed", review.gaveUp.map((g) => `${g.email}: ${g.detail}`).join("; "), startedAt);
    } else if (review && review.sent > 0) clear(status, "reviewFailed");
  }
  // The admins' digests carry the status; a separate alert only for what arose once they were settled.
  if (afterReminderHour && state.digestsSettledOn === day && needsAlert(status, today)) {
    alertTableAdmins(table, status, state.owner, startedAt);
  }
}

/** After a run failed: the admins' alert, if today's is still to go (best effort: the failure may be the mail's). */
function alertOnFailure(
  spreadsheet: Spreadsheet,
  table: Table | null,
  status: ReminderStatus,
  state: ReminderState,
  startedAt: number,
): void {
  try {
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const today = dayInZone(startedAt, timeZone);
    if (!needsAlert(status, today)) return;
    if (table) alertTableAdmins(table, status, state.owner, startedAt);
    else {
      const language = languageFromLocale(spreadsheet.getSpreadsheetLocale());
      alertAdmins(spreadsheet, status, { today, language, timeZone, admins: [], fallback: state.owner, startedAt });
    }
  } catch {
    // The status itself is saved by the caller: Settings and the sidebar still show it.
  }
}

/**
 * Runs under the user lock, not the document lock: it writes nothing to the table (so reps' sidebar saves are never
 * held up), only the send record, the status, the Reminder log and Settings' status block; overlapping runs of the
 * same trigger are the same user's. Every failure is recorded in the status before the run ends, because nobody
 * reliably gets Apps Script's own failure emails for an add-on's trigger.
 */
export function runHourlyJob(event: unknown): void {
  const triggerUid = ownTriggerUid(event);
  const startedAt = Date.now();
  if (!authorized(startedAt, triggerUid)) return;
  const spreadsheet = spreadsheetFor(triggerUid);
  if (!spreadsheet) {
    retire(triggerUid);
    return;
  }
  const recorded = loadReminderState(spreadsheet);
  if (recorded && recorded.triggerUid !== triggerUid) {
    retire(triggerUid);
    return;
  }
  const lock = LockService.getUserLock();
  if (!lock.tryLock(1000)) return; // the previous run is still going
  const store = openStatus(spreadsheet);
  const { status } = store;
  // The state lost with the spreadsheet's metadata is rebuilt: this trigger is this user's, for this spreadsheet.
  const state: ReminderState = recorded ?? {
    owner: Session.getEffectiveUser().getEmail(),
    triggerUid,
    createdAt: startedAt,
    lastRunAt: null,
  };
  let table: Table | null = null;
  // A run that fails once and recovers next hour has failed no one; one that fails again is mailed about.
  const failedBefore = status.problems.find((p) => p.kind === "runFailed");
  clear(status, "runFailed");
  try {
    const previous = state.lastRunAt;
    if (previous !== null && (state.lastEndAt ?? 0) < previous && startedAt - previous > EXECUTION_LIMIT_MS) {
      // Kept for the day it happened: what it left unsent goes out next hour, but the admins should know.
      raise(status, "runCutShort", "", previous, isoOfDay(dayInZone(previous, spreadsheet.getSpreadsheetTimeZone())));
    }
    clear(status, "triggerStopped");
    clear(status, "authorization");
    state.lastRunAt = startedAt;
    saveReminderState(spreadsheet, state);
    table = tableOf(spreadsheet, status, startedAt);
    if (table) work(table, state, status, startedAt);
    else alertOnFailure(spreadsheet, null, status, state, startedAt);
  } catch (error) {
    raise(status, "runFailed", errorMessage(error), failedBefore?.since ?? startedAt);
    if (failedBefore) alertOnFailure(spreadsheet, table, status, state, startedAt);
    throw error;
  } finally {
    try {
      // The status first: it is what the admins see when everything else fails.
      store.save();
      state.lastEndAt = Date.now();
      saveReminderState(spreadsheet, state);
      if (table) showStatus(table, statusView(status, state, table.language, table.timeZone));
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
