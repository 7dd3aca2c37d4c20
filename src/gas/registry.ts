/** Where the add-on keeps what it knows about a spreadsheet's table — the sheets' ids, the header row, the next id — in the spreadsheet itself. */

import { readValue, writeValue } from "./spreadsheet-metadata";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEY = "followUpTracker.table";

/** The table's sheets (by id, which survives renaming), its header row and the next id number. */
export interface TableRegistry {
  followUps: number;
  team: number;
  settings: number;
  headerRow: number;
  nextId: number;
}

/** The registry of `spreadsheet`, or null before set-up. */
export function loadRegistry(spreadsheet: Spreadsheet): TableRegistry | null {
  const text = readValue(spreadsheet, KEY);
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

/** Stores the registry in the spreadsheet's own metadata (readable from a trigger without an active document). */
export function saveRegistry(spreadsheet: Spreadsheet, registry: TableRegistry): void {
  writeValue(spreadsheet, KEY, JSON.stringify(registry));
}
