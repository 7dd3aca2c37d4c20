/** Reads the simulation's results back from the workbook, as a person would see them: the table's rows and problems, the Reminder log's digests, the Weekly review's KPI cells and pivot output. */

import { columnLetter } from "../../src/core/a1";
import { dayFromYmd } from "../../src/core/dates";
import { problemSentence, type RowProblem, readFollowUps } from "../../src/core/follow-ups";
import { parseSettings } from "../../src/core/settings";
import { planSync } from "../../src/core/sync-plan";
import { parseTeam } from "../../src/core/team";
import { readColumnPositions, readHeaderRow } from "../../src/gas/column-map";
import { statusOfLogText } from "../../src/gas/reminder-log";
import { documentLanguage } from "../../src/gas/table";

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
  /** Each problem with its cell ("K5") and the sentence that tells the team, in the table's language. */
  problems: { column: string; kind: RowProblem["kind"]; value: string; cell: string; text: string }[];
}

/**
 * The follow-ups the table holds, the rows it cannot read, and the readable rows whose status is too vague to be a
 * stage, by the add-on's own reading rules (no row left out) as of `today` ("yyyy-mm-dd": dates typed without a year
 * are read near it), in the table's language.
 */
export function tableRows(
  spreadsheet: Spreadsheet,
  today: string,
): {
  rows: number;
  unreadable: UnreadableRow[];
  vague: { row: number; status: string }[];
} {
  const table = tableSheets(spreadsheet);
  if (!table) throw new Error("the table was not adopted");
  const positions = readColumnPositions(spreadsheet, table.followUps);
  const headerRow = readHeaderRow(spreadsheet, table.followUps) ?? table.headerRow;
  const firstRow = headerRow + 1;
  const lastRow = Math.max(table.followUps.getLastRow(), headerRow);
  const width = Math.max(table.followUps.getLastColumn(), ...Object.values(positions));
  const [header, ...values] = table.followUps.getRange(headerRow, 1, lastRow - headerRow + 1, width).getValues();
  const settings = parseSettings(table.settings.getDataRange().getValues()).settings;
  const language = documentLanguage(spreadsheet, settings);
  const [year, month, day] = today.split("-").map(Number);
  const read = readFollowUps(values, firstRow, positions, spreadsheet.getSpreadsheetTimeZone(), header, {
    language,
    today: dayFromYmd(year, month, day),
  });
  const { problems } = planSync({
    table: { firstRow, values, positions },
    ...read,
    settings,
    team: parseTeam(table.team.getDataRange().getValues()).members,
    now: Number.POSITIVE_INFINITY,
    nextIdNumber: 1,
  });
  const byRow = new Map<number, UnreadableRow>();
  for (const problem of problems.filter((p) => UNREADABLE.has(p.kind))) {
    const entry = byRow.get(problem.row) ?? { row: problem.row, problems: [] };
    const column = positions[problem.column];
    entry.problems.push({
      column: problem.column,
      kind: problem.kind,
      value: problem.value,
      cell: column === undefined ? "" : `${columnLetter(column)}${problem.row}`,
      text: problemSentence(problem, positions, language, header),
    });
    byRow.set(problem.row, entry);
  }
  return {
    rows: read.followUps.length,
    unreadable: [...byRow.values()].sort((a, b) => a.row - b.row),
    vague: problems.filter((p) => p.kind === "vagueStage").map((p) => ({ row: p.row, status: p.value })),
  };
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
    .filter(([logged, , status]) => String(logged) === day && statusOfLogText(status) === "sent")
    .map(([, to, , , detail]) => {
      const [overdue = 0, dueToday = 0, upcoming = 0] = String(detail).split("/").map(Number);
      return { to: String(to), overdue, dueToday, upcoming };
    });
}
