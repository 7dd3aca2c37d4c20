/** Where the add-on keeps what it knows about a spreadsheet's table — the sheets' ids, the header row, the next id — in the spreadsheet itself. */

import type { ColumnKey } from "../core/columns";
import { readValue, writeValue } from "./spreadsheet-metadata";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEY = "followUpTracker.table";

/** The table's sheets (by id, which survives renaming), its header row when set up, the next id number, and the columns the add-on created. */
export interface TableRegistry {
  followUps: number;
  team: number;
  settings: number;
  /** The header row when the table was set up; the row tag (./column-map) says where it is now. */
  headerRow: number;
  nextId: number;
  /**
   * Columns the add-on created (all of a new table's; the appended ones of an adopted table): only these get its
   * number formats, date and checkbox validations. Absent in tables set up before it was recorded: then only the
   * add-on's own data columns count.
   */
  createdColumns?: ColumnKey[];
  /**
   * Ids of rows saved from the sidebar with a confirmed owner change: the hand-overs that move a customer to another
   * owner (a row typed into the sheet never does; see ../core/customers). Absent until the first one.
   */
  handovers?: string[];
}

/** The confirmed hand-overs of the registry, as ../core/customers takes them. */
export function handoversOf(registry: TableRegistry): ReadonlySet<string> {
  return new Set(Array.isArray(registry.handovers) ? registry.handovers.filter((id) => typeof id === "string") : []);
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
