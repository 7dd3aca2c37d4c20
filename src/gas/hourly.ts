/** The one hourly trigger's work: open the spreadsheet (with or without an active one), make sure only one run works at a time, and send what is due (daily digests, the weekly review). */

import { dayInZone, hourInZone, isoOfDay } from "../core/dates";
import { sendDailyDigests } from "./daily-digests";
import { loadReminderState, saveReminderState } from "./reminder-state";
import { HOURLY_HANDLER, TRIGGER_SPREADSHEET_PREFIX } from "./reminders-switch";
import { isReviewTime, sendWeeklyReview } from "./review-mail";
import { isTableProblem, openTable } from "./table";
import { readRows } from "./table-rows";

/**
 * The spreadsheet this trigger serves. An add-on's time-driven trigger may get no active spreadsheet (community
 * reports; [UNCONFIRMED] which), so the id stored when the trigger was created is the fallback (openById needs the
 * spreadsheets scope).
 */
function spreadsheetFor(triggerUid: string | undefined): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = triggerUid
    ? PropertiesService.getUserProperties().getProperty(TRIGGER_SPREADSHEET_PREFIX + triggerUid)
    : null;
  return id ? SpreadsheetApp.openById(id) : null;
}

/** Deletes a trigger that serves no spreadsheet any more (the table or the reminders were removed). */
function retire(triggerUid: string | undefined): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === triggerUid && trigger.getHandlerFunction() === HOURLY_HANDLER)
      ScriptApp.deleteTrigger(trigger);
  }
  if (triggerUid) PropertiesService.getUserProperties().deleteProperty(TRIGGER_SPREADSHEET_PREFIX + triggerUid);
}

/**
 * Runs under the user lock, not the document lock: it writes nothing to the table (so reps' sidebar saves are never
 * held up), only the reminder log and state, and overlapping runs of the same trigger are the same user's.
 */
export function runHourlyJob(event: { triggerUid?: string } | undefined): void {
  const startedAt = Date.now();
  const triggerUid = event?.triggerUid;
  const spreadsheet = spreadsheetFor(triggerUid);
  const state = spreadsheet ? loadReminderState(spreadsheet) : null;
  if (!spreadsheet || !state || (triggerUid !== undefined && state.triggerUid !== triggerUid)) {
    retire(triggerUid);
    return;
  }
  const lock = LockService.getUserLock();
  if (!lock.tryLock(1000)) return; // the previous run is still going
  try {
    const running = { ...state, lastRunAt: startedAt };
    saveReminderState(spreadsheet, running);
    const table = openTable(spreadsheet);
    if (isTableProblem(table)) return;
    const today = dayInZone(startedAt, table.timeZone);
    const day = isoOfDay(today);
    if (hourInZone(startedAt, table.timeZone) >= table.settings.reminderHour && running.digestsSentOn !== day) {
      const run = sendDailyDigests(table, readRows(table), today, startedAt);
      // Everyone due was served: the day's later runs skip reading the table (one email a day per person anyway).
      if (run.postponed === 0 && run.deferred === 0) saveReminderState(spreadsheet, { ...running, digestsSentOn: day });
    }
    if (isReviewTime(table, startedAt, today)) sendWeeklyReview(table, today);
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}
