/** Menu: Reminders on/off — exactly one hourly trigger per spreadsheet, deleted before it is created, recreated when it stopped running. */

import { fill, translator } from "../i18n/translate";
import { withDocumentLock } from "./lock";
import { loadReminderState, saveReminderState } from "./reminder-state";
import type { Table } from "./table";

/** The global function the hourly trigger runs (src/main.ts). */
export const HOURLY_HANDLER = "runHourly";
/** User property naming the spreadsheet of a trigger, for runs that get no active spreadsheet. */
export const TRIGGER_SPREADSHEET_PREFIX = "followUpTracker.triggerSpreadsheet.";
/** A trigger that has not run for this long is taken as silently disabled by Google. */
const STALE_MS = 3 * 60 * 60 * 1000;

/** This user's hourly triggers for `spreadsheet` (an add-on may have one per type per user per document). */
function ownTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === HOURLY_HANDLER);
}

/** Deletes this user's hourly triggers for the spreadsheet and forgets which spreadsheet they served. */
function deleteOwnTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const properties = PropertiesService.getUserProperties();
  for (const trigger of ownTriggers(spreadsheet)) {
    properties.deleteProperty(TRIGGER_SPREADSHEET_PREFIX + trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  }
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
    const running = state !== null && now - Math.max(state.createdAt, state.lastRunAt ?? 0) < STALE_MS;
    if (state && running && state.owner.toLowerCase() !== userEmail.toLowerCase()) {
      // Someone else's working trigger (we cannot see other users' triggers); a stale one may be taken over.
      return fill(t("reminders.ownedByOther"), { owner: state.owner });
    }
    const healthy =
      state !== null && running && ownTriggers(spreadsheet).some((t) => t.getUniqueId() === state.triggerUid);
    deleteOwnTriggers(spreadsheet);
    if (state && healthy) {
      saveReminderState(spreadsheet, null);
      return t("reminders.off");
    }
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
    return state ? t("reminders.repaired") : fill(t("reminders.on"), { hour: table.settings.reminderHour });
  });
  return done ? done.value : t("error.busy");
}
