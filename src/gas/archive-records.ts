/** The yearly archive spreadsheets the add-on made: their record (in the main spreadsheet's own metadata), opening them, the Archives sheet that links to them, and their follow-ups as the weekly review counts them. */

import { type ArchiveRecord, archivesGrid } from "../core/archive-plan";
import { type ArchiveRead, archivedForReview, archivePlaceOf } from "../core/archive-rows";
import type { ColumnPositions } from "../core/columns";
import { dayInZone } from "../core/dates";
import { type FollowUp, readFollowUps } from "../core/follow-ups";
import type { Language } from "../core/language";
import { literalGrid } from "../core/literal";
import { fill, translator } from "../i18n/translate";
import { growSheet, trimSheet } from "./sheet-size";
import { ownSheet, readValue, writeValue } from "./spreadsheet-metadata";
import type { Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The record, year by year. Kept in spreadsheet metadata rather than document properties: the weekly review reads
 * it from the hourly trigger, which may run without an active document (./spreadsheet-metadata).
 */
const RECORDS_KEY = "followUpTracker.archives";
const SHEET_KEY = "followUpTracker.archivesSheet";
const SHEET_WIDTH = 5;

/** The link that opens a spreadsheet, made from its id (no call). */
export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** The archives recorded for `spreadsheet`, oldest year first (none before the first archiving). */
export function loadArchiveRecords(spreadsheet: Spreadsheet): ArchiveRecord[] {
  const text = readValue(spreadsheet, RECORDS_KEY);
  if (!text) return [];
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(
      (r): r is ArchiveRecord =>
        typeof r === "object" &&
        r !== null &&
        typeof r.year === "number" &&
        typeof r.id === "string" &&
        typeof r.sheetId === "number",
    )
    .map((r) => ({
      year: r.year,
      id: r.id,
      sheetId: r.sheetId,
      positions: (typeof r.positions === "object" && r.positions !== null ? r.positions : {}) as ColumnPositions,
      customers: typeof r.customers === "number" ? r.customers : 0,
      rows: typeof r.rows === "number" ? r.rows : 0,
      at: typeof r.at === "number" ? r.at : null,
    }))
    .sort((a, b) => a.year - b.year);
}

/** Stores the record. */
export function saveArchiveRecords(spreadsheet: Spreadsheet, records: readonly ArchiveRecord[]): void {
  writeValue(spreadsheet, RECORDS_KEY, JSON.stringify([...records].sort((a, b) => a.year - b.year)));
}

/** An archive spreadsheet opened, and its sheet of follow-ups. */
export interface OpenArchive {
  record: ArchiveRecord;
  archive: Spreadsheet;
  sheet: Sheet;
}

/**
 * Opens a recorded archive (the full spreadsheets scope); throws, in `language`, naming the year and the link, when it
 * cannot be opened (deleted, or not shared with this user: the admin who archived owns it).
 */
export function openArchive(record: ArchiveRecord, language: Language): OpenArchive {
  let archive: Spreadsheet;
  try {
    archive = SpreadsheetApp.openById(record.id);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      fill(translator(language)("archive.cannotOpen"), { year: record.year, url: spreadsheetUrl(record.id), detail }),
    );
  }
  const sheets = archive.getSheets();
  const sheet = sheets.find((s) => s.getSheetId() === record.sheetId) ?? (sheets[0] as Sheet);
  return { record, archive, sheet };
}

/**
 * Rewrites the Archives sheet (the add-on's own, warning-protected): one line per archive with its link, customers,
 * rows and when rows were last archived; cut to what it uses (empty cells count against the cell limit).
 */
export function writeArchivesSheet(
  spreadsheet: Spreadsheet,
  language: Language,
  records: readonly ArchiveRecord[],
): void {
  const t = translator(language);
  const sheet = ownSheet(spreadsheet, SHEET_KEY, t("archive.sheet"), (created) => {
    created.protect().setDescription(t("archive.protection")).setWarningOnly(true);
    created.setFrozenRows(1);
  });
  const grid = archivesGrid(records, language, spreadsheetUrl);
  sheet.clearContents();
  growSheet(sheet, grid.length);
  sheet.getRange(1, 1, grid.length, SHEET_WIDTH).setValues(literalGrid(grid));
  sheet.getRange(1, 1, 1, SHEET_WIDTH).setFontWeight("bold");
  sheet.getRange(2, SHEET_WIDTH, Math.max(1, grid.length - 1), 1).setNumberFormat("yyyy-mm-dd hh:mm");
  trimSheet(sheet, grid.length, SHEET_WIDTH);
}

/** The archives' follow-ups for the weekly review, and the link that opens any row the review names. */
export interface ArchivedFollowUps extends ArchiveRead {
  /** The table's row link extended to archived rows: those open the archive's row. */
  link(tableLink: (row: number) => string): (row: number) => string;
}

/**
 * Every recorded archive read whole (one getValues each) with the table's reader, renumbered past the table's rows and
 * each id once (../core/archive-rows archivedForReview): what the review counts beside the table's follow-ups
 * (`inTable`). Throws when an archive cannot be opened: a review that silently left out a year would count wrong.
 */
export function archivedFollowUps(table: Table, inTable: readonly FollowUp[]): ArchivedFollowUps {
  const records = loadArchiveRecords(table.spreadsheet);
  if (records.length === 0) return { followUps: [], problems: [], link: (tableLink) => tableLink };
  const reading = { language: table.language, today: dayInZone(Date.now(), table.timeZone), settings: table.settings };
  const places: string[] = [];
  const reads = records.map((record) => {
    const { sheet } = openArchive(record, table.language);
    places.push(`${spreadsheetUrl(record.id)}#gid=${record.sheetId}`);
    const [header = [], ...values] = sheet.getDataRange().getValues();
    return readFollowUps(values, 2, record.positions, table.timeZone, header, reading);
  });
  const archived = archivedForReview(reads, inTable);
  return {
    ...archived,
    link: (tableLink) => (row) => {
      const place = archivePlaceOf(row);
      return place ? `${places[place.archive]}&range=A${place.row}` : tableLink(row);
    },
  };
}
