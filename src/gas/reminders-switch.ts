/** Menu: Reminders on/off — exactly one hourly trigger per spreadsheet, deleted before it is created — and the repair of a trigger that stopped, on Sync, on opening with full authorization, and from the menu. */

import { clear, raise } from "../core/reminder-status";
import { memberByEmail } from "../core/team";
import { workdaysText } from "../core/workdays";
import { fill, translator } from "../i18n/translate";
import { withDocumentLock } from "./lock";
import { loadReminderState, type ReminderState, saveReminderState } from "./reminder-state";
import { openStatus, type StatusStore } from "./status";
import type { Table } from "./table";

/** The global function the hourly trigger runs (src/main.ts). */
export const HOURLY_HANDLER = "runHourly";
/** User property naming the spreadsheet of a trigger, for runs that get no active spreadsheet. */
export const TRIGGER_SPREADSHEET_PREFIX = "followUpTracker.triggerSpreadsheet.";
/** A trigger that has not run for this long is taken as silently disabled by Google. */
export const STALE_MS = 3 * 60 * 60 * 1000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** This user's hourly triggers for `spreadsheet` (an add-on may have one per type per user per document). */
function ownTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === HOURLY_HANDLER);
}

/** Deletes this user's hourly triggers for the spreadsheet and forgets which spreadsheet they served. */
function deleteOwnTriggers(spreadsheet: Spreadsheet): void {
  const properties = PropertiesService.getUserProperties();
  for (const trigger of ownTriggers(spreadsheet)) {
    properties.deleteProperty(TRIGGER_SPREADSHEET_PREFIX + trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  }
}

/** Whether the reminders' trigger has run (or was made) recently enough to count as working. */
function isRunning(state: ReminderState, now: number): boolean {
  return now - Math.max(state.createdAt, state.lastRunAt ?? 0) < STALE_MS;
}

/** Replaces this user's hourly trigger with a new one and records the user as the reminders' owner. */
function startTrigger(spreadsheet: Spreadsheet, userEmail: string, now: number): void {
  deleteOwnTriggers(spreadsheet);
  const trigger = ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  PropertiesService.getUserProperties().setProperty(
    TRIGGER_SPREADSHEET_PREFIX + trigger.getUniqueId(),
    spreadsheet.getId(),
  );
  saveReminderState(spreadsheet, {
    owner: userEmail,
    triggerUid: trigger.getUniqueId(),
    createdAt: now,
    lastRunAt: null,
  });
}

/**
 * Turns reminders on (delete-then-create: however often it is clicked there is one trigger), off, or — when the
 * recorded trigger is gone or has not run for hours — creates it again. Returns the message for the user.
 */
export function switchReminders(table: Table, userEmail: string, now: number): string {
  const t = translator(table.language);
  const done = withDocumentLock(() => {
    const { spreadsheet } = table;
    const state = loadReminderState(spreadsheet);
    const running = state !== null && isRunning(state, now);
    if (state && running && state.owner.toLowerCase() !== userEmail.toLowerCase()) {
      // Someone else's working trigger (we cannot see other users' triggers); a stale one may be taken over.
      return fill(t("reminders.ownedByOther"), { owner: state.owner });
    }
    const healthy =
      state !== null && running && ownTriggers(spreadsheet).some((t) => t.getUniqueId() === state.triggerUid);
    if (state && healthy) {
      deleteOwnTriggers(spreadsheet);
      saveReminderState(spreadsheet, null);
      // With reminders off, what went wrong with them no longer needs anyone's attention.
      const store = openStatus(spreadsheet);
      store.status.problems = [];
      store.save();
      return t("reminders.off");
    }
    startTrigger(spreadsheet, userEmail, now);
    noteTriggerRestarted(openStatus(spreadsheet));
    return state
      ? t("reminders.repaired")
      : fill(t("reminders.on"), {
          hour: table.settings.reminderHour,
          days: workdaysText(table.settings.workdays, table.language),
        });
  });
  return done ? done.value : t("error.busy");
}

function noteTriggerRestarted(store: StatusStore): void {
  clear(store.status, "triggerStopped");
  store.save();
}

/**
 * Checks that the reminders, when on, still run. The owner's trigger that is gone (deleted, or not run for hours) is
 * recreated when `repair` is set and the user may: the owner, or a Team admin when the owner's trigger has stopped
 * (we cannot see another user's triggers, only that they stopped running). Otherwise the stop is recorded in the
 * status (`store`, which a caller that shows the status passes in), which the admins see. Returns the reminders'
 * state as read and, when a trigger was recreated, a message. Call it under the document lock.
 */
export function checkReminders(
  table: Table,
  userEmail: string,
  now: number,
  repair: boolean,
  store: StatusStore = openStatus(table.spreadsheet),
): { state: ReminderState | null; restarted: string | null } {
  const { spreadsheet } = table;
  const state = loadReminderState(spreadsheet);
  if (!state) return { state, restarted: null };
  const isOwner = state.owner.toLowerCase() === userEmail.toLowerCase();
  const gone = isOwner && !ownTriggers(spreadsheet).some((t) => t.getUniqueId() === state.triggerUid);
  if (!gone && isRunning(state, now)) return { state, restarted: null };
  const isAdmin = memberByEmail(table.members, userEmail)?.role === "admin";
  if (repair && (isOwner || isAdmin)) {
    startTrigger(spreadsheet, userEmail, now);
    noteTriggerRestarted(store);
    return { state, restarted: fill(translator(table.language)("reminders.restarted"), { owner: state.owner }) };
  }
  raise(store.status, "triggerStopped", state.owner, state.lastRunAt ?? state.createdAt);
  store.save();
  return { state, restarted: null };
}
