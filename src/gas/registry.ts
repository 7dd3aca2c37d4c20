/** Where the add-on keeps what it knows about this spreadsheet's table: the sheets' ids and the header row, in document properties. */

const KEY = "followUpTracker.table";

/** The table's sheets (by id, which survives renaming), its header row, and the next id number to hand out. */
export interface TableRegistry {
  followUps: number;
  team: number;
  settings: number;
  headerRow: number;
  nextId: number;
}

/** The registry of this document, or null before set-up. */
export function loadRegistry(): TableRegistry | null {
  const text = PropertiesService.getDocumentProperties().getProperty(KEY);
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

export function saveRegistry(registry: TableRegistry): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(registry));
}
