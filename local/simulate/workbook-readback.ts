/** Reads the simulation's results back from the workbook, as a person would see them: the table's rows and problems, the Reminder log's digests, the Weekly review's KPI cells and pivot output. */

import { type RowProblem, readFollowUps } from "../../src/core/follow-ups";
import { parseSettings } from "../../src/core/settings";
import { planSync } from "../../src/core/sync-plan";
import { parseTeam } from "../../src/core/team";
import { readColumnPositions, readHeaderRow } from "../../src/gas/column-map";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The add-on's record of its table (src/gas/registry.ts). */
interface Registry {
  followUps: number;
  team: number;
  settings: number;
  headerRow: number;
}

/** The value the add-on keeps under `key` in the spreadsheet's developer metadata. */
function metadataValue(spreadsheet: Spreadsheet, key: string): string | null {
  return spreadsheet.createDeveloperMetadataFinder().withKey(key).find()[0]?.getValue() ?? null;
}

function sheetById(spreadsheet: Spreadsheet, id: number): Sheet {
  const sheet = spreadsheet.getSheets().find((s) => s.getSheetId() === id);
  if (!sheet) throw new Error(`the workbook has no sheet ${id}`);
  return sheet;
}

/** The add-on's own sheet recorded under `key`, or null when it was never made. */
export function taggedSheet(spreadsheet: Spreadsheet, key: string): Sheet | null {
  const id = metadataValue(spreadsheet, key);
  return id === null ? null : sheetById(spreadsheet, Number(id));
}

/** The table's sheets, or null when the spreadsheet was not set up. */
export function tableSheets(
  spreadsheet: Spreadsheet,
): { followUps: Sheet; team: Sheet; settings: Sheet; headerRow: number } | null {
  const text = metadataValue(spreadsheet, "followUpTracker.table");
  if (text === null) return null;
  const registry = JSON.parse(text) as Registry;
  return {
    followUps: sheetById(spreadsheet, registry.followUps),
    team: sheetById(spreadsheet, registry.team),
    settings: sheetById(spreadsheet, registry.settings),
    headerRow: registry.headerRow,
  };
}

/** Problems that keep a row out of the reminders or the review: the weekly review's "unreadable rows". */
const UNREADABLE = new Set<RowProblem["kind"]>([
  "notADate",
  "missingDate",
  "missingCustomer",
  "unknownStage",
  "missingStage",
]);

/** A row the table cannot use as it stands, with what is wrong with it. */
export interface UnreadableRow {
  /** Sheet row, which is also the CSV record number. */
  row: number;
  problems: { column: string; kind: RowProblem["kind"]; value: string }[];
}

/** The follow-ups the table holds and the rows it cannot read, by the add-on's own reading rules (no row left out). */
export function tableRows(spreadsheet: Spreadsheet): { rows: number; unreadable: UnreadableRow[] } {
  const table = tableSheets(spreadsheet);
  if (!table) throw new Error("the table was not adopted");
  const positions = readColumnPositions(spreadsheet, table.followUps);
  const headerRow = readHeaderRow(spreadsheet, table.followUps) ?? table.headerRow;
  const firstRow = headerRow + 1;
  const lastRow = Math.max(table.followUps.getLastRow(), headerRow);
  const width = Math.max(table.followUps.getLastColumn(), ...Object.values(positions));
  const [header, ...values] = table.followUps.getRange(headerRow, 1, lastRow - headerRow + 1, width).getValues();
  const read = readFollowUps(values, firstRow, positions, spreadsheet.getSpreadsheetTimeZone(), header);
  const { problems } = planSync({
    table: { firstRow, values, positions },
    ...read,
    settings: parseSettings(table.settings.getDataRange().getValues()).settings,
    team: parseTeam(table.team.getDataRange().getValues()).members,
    now: Number.POSITIVE_INFINITY,
    nextIdNumber: 1,
  });
  const byRow = new Map<number, UnreadableRow>();
  for (const problem of problems.filter((p) => UNREADABLE.has(p.kind))) {
    const entry = byRow.get(problem.row) ?? { row: problem.row, problems: [] };
    entry.problems.push({ column: problem.column, kind: problem.kind, value: problem.value });
    byRow.set(problem.row, entry);
  }
  return { rows: read.followUps.length, unreadable: [...byRow.values()].sort((a, b) => a.row - b.row) };
}

/** One digest as the Reminder log records it. */
export interface DigestCounts {
  to: string;
  overdue: number;
  dueToday: number;
  upcoming: number;
}

/** The digests the Reminder log shows as sent on `day` (yyyy-mm-dd), with their "overdue/due today/upcoming" counts. */
export function sentDigests(spreadsheet: Spreadsheet, day: string): DigestCounts[] {
  const log = taggedSheet(spreadsheet, "followUpTracker.reminderLog");
  if (!log || log.getLastRow() < 2) return [];
  return log
    .getRange(2, 1, log.getLastRow() - 1, 5)
    .getValues()
    .filter(([logged, , status]) => String(logged) === day && status === "sent")
    .map(([, to, , , detail]) => {
      const [overdue = 0, dueToday = 0, upcoming = 0] = String(detail).split("/").map(Number);
      return { to: String(to), overdue, dueToday, upcoming };
    });
}
