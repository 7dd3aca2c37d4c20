/** Who runs a spreadsheet's reminders (one hourly trigger of one user), kept in the spreadsheet so any context can read it. */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEY = "followUpTracker.reminders";

/** The reminders' owner and trigger, when it was set up, and when a run last started. */
export interface ReminderState {
  owner: string;
  triggerUid: string;
  createdAt: number;
  lastRunAt: number | null;
}

function entry(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | undefined {
  return spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET)
    .find()[0];
}

export function loadReminderState(spreadsheet: Spreadsheet): ReminderState | null {
  const text = entry(spreadsheet)?.getValue();
  return text ? (JSON.parse(text) as ReminderState) : null;
}

/** Saves the state, or removes it (reminders off) when `state` is null. */
export function saveReminderState(spreadsheet: Spreadsheet, state: ReminderState | null): void {
  const existing = entry(spreadsheet);
  if (!state) {
    existing?.remove();
    return;
  }
  const text = JSON.stringify(state);
  if (existing) existing.setValue(text);
  else spreadsheet.addDeveloperMetadata(KEY, text, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}
