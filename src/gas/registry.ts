/** Where the add-on keeps what it knows about a spreadsheet's table — the sheets' ids, the header row, the next id, the reminders' owner — in the spreadsheet itself. */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEY = "followUpTracker.table";

/** The table's sheets (by id, which survives renaming), its header row, the next id number, and who runs reminders. */
export interface TableRegistry {
  followUps: number;
  team: number;
  settings: number;
  headerRow: number;
  nextId: number;
  /** The user whose hourly trigger sends this spreadsheet's reminders, and that trigger's id. */
  reminders?: { owner: string; triggerUid: string };
}

/**
 * Spreadsheet-level developer metadata with PROJECT visibility (only this script sees it). Unlike document
 * properties it can be read wherever the spreadsheet can be opened, including a time-driven trigger that has no
 * active document (developers.google.com/apps-script/reference/spreadsheet/developer-metadata).
 */
function entry(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | undefined {
  return spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET)
    .find()[0];
}

/** The registry of `spreadsheet`, or null before set-up. */
export function loadRegistry(spreadsheet: Spreadsheet): TableRegistry | null {
  const text = entry(spreadsheet)?.getValue();
  if (!text) return null;
  const parsed = JSON.parse(text) as Partial<TableRegistry>;
  if (
    typeof parsed.followUps !== "number" ||
    typeof parsed.team !== "number" ||
    typeof parsed.settings !== "number" ||
    typeof parsed.headerRow !== "number"
  ) {
    return null;
  }
  return { ...(parsed as TableRegistry), nextId: typeof parsed.nextId === "number" ? parsed.nextId : 1 };
}

export function saveRegistry(spreadsheet: Spreadsheet, registry: TableRegistry): void {
  const text = JSON.stringify(registry);
  const existing = entry(spreadsheet);
  if (existing) existing.setValue(text);
  else spreadsheet.addDeveloperMetadata(KEY, text, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}
