/** Who runs a spreadsheet's reminders (one hourly trigger of one user), kept in the spreadsheet so any context can read it. */

import { readValue, writeValue } from "./spreadsheet-metadata";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEY = "followUpTracker.reminders";

/** The reminders' owner and trigger, when it was set up, and when a run last started and ended. */
export interface ReminderState {
  owner: string;
  triggerUid: string;
  createdAt: number;
  /** When the last hourly run started (epoch ms). */
  lastRunAt: number | null;
  /** When the last hourly run got to its end; before `lastRunAt` while a run works, or when one was cut short. */
  lastEndAt?: number;
  /** The day (yyyy-mm-dd) whose digests are all settled (sent, or given up and reported): later runs skip them. */
  digestsSettledOn?: string;
}

export function loadReminderState(spreadsheet: Spreadsheet): ReminderState | null {
  const text = readValue(spreadsheet, KEY);
  return text ? (JSON.parse(text) as ReminderState) : null;
}

/** Saves the state, or removes it (reminders off) when `state` is null. */
export function saveReminderState(spreadsheet: Spreadsheet, state: ReminderState | null): void {
  writeValue(spreadsheet, KEY, state ? JSON.stringify(state) : null);
}
