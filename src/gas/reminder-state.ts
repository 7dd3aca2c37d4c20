/** Who runs a spreadsheet's reminders (one hourly trigger of one user), kept in the spreadsheet so any context can read it. */

import { readValue, writeValue } from "./spreadsheet-metadata";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEY = "followUpTracker.reminders";

/** The reminders' owner and trigger, when it was set up, and when a run last started. */
export interface ReminderState {
  owner: string;
  triggerUid: string;
  createdAt: number;
  lastRunAt: number | null;
  /** The day (yyyy-mm-dd) whose digests all went out: later runs that day need not read the table again. */
  digestsSentOn?: string;
}

export function loadReminderState(spreadsheet: Spreadsheet): ReminderState | null {
  const text = readValue(spreadsheet, KEY);
  return text ? (JSON.parse(text) as ReminderState) : null;
}

/** Saves the state, or removes it (reminders off) when `state` is null. */
export function saveReminderState(spreadsheet: Spreadsheet, state: ReminderState | null): void {
  writeValue(spreadsheet, KEY, state ? JSON.stringify(state) : null);
}
