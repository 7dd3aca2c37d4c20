/** Menu: Archive closed customers (admins only) — moves customers closed more than the Settings months ago into a yearly archive spreadsheet under the document lock: rows written, read back and checked, the archive recorded, and only then deleted from the Follow-ups sheet; a run that stops midway leaves rows in both places, never in neither. */

import {
  type ArchivedCustomer,
  type ArchiveRecord,
  archiveName,
  deletionRuns,
  planArchive,
} from "../core/archive-plan";
import {
  type ArchivedRow,
  type ArchiveLayout,
  archivedRow,
  archiveLayout,
  differingCells,
  type RowCells,
} from "../core/archive-rows";
import { runsOf } from "../core/cell-writes";
import { customerKey } from "../core/customer-match";
import { dayInZone } from "../core/dates";
import type { FollowUp } from "../core/follow-ups";
import { literalGrid } from "../core/literal";
import { highestIdNumber } from "../core/sync-plan";
import { cellText } from "../core/text";
import { fill, translator } from "../i18n/translate";
import { startAdminAction } from "./admin-action";
import {
  loadArchiveRecords,
  type OpenArchive,
  openArchive,
  saveArchiveRecords,
  writeArchivesSheet,
} from "./archive-records";
import { rebuildIndex } from "./customer-index";
import { withDocumentLock } from "./lock";
import { loadRegistry, saveRegistry } from "./registry";
import { growSheet } from "./sheet-size";
import type { Table } from "./table";
import { readRows, rowsOfGrid, type TableRows } from "./table-rows";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Runs of adjacent rows one execution deletes at most: each costs a deletion and three narrow reads (formulas, number
 * formats, notes). A deletion in a sheet of many rows is assumed to take up to a second [UNCONFIRMED], so a run of 100
 * stays well inside the six minutes an execution has; more customers wait for the next run.
 */
const MAX_RUNS = 100;
/** Runs of already archived rows read one by one up to this many; past it, their span at once. */
const RUNS_READ_APART = 10;

/** A run's outcome went wrong in a way the user is told about (nothing was deleted). */
class ArchiveStopped extends Error {}

/** What one archive got in this run. */
interface YearOutcome {
  year: number;
  name: string;
  customers: number;
  rows: number;
}

/** What a run did. */
interface Outcome {
  years: YearOutcome[];
  customers: number;
  rows: number;
  /** Ready customers left for the next run. */
  remaining: number;
}

/** Asks an admin to archive the customers closed long enough ago, and archives them; everyone else is told it is for admins. */
export function archiveClosedCustomers(): void {
  const action = startAdminAction("archive.title", "archive.adminsOnly");
  if (!action) return;
  const { spreadsheet, ui, table: opened, language, t, tell } = action;
  const months = opened.settings.archiveMonths;
  const rows = readRows(opened);
  const plan = planArchive(rows.followUps, rows.problems, opened.settings, today(opened), MAX_RUNS);
  const held = plan.heldBack > 0 ? [fill(t("archive.heldBack"), { count: plan.heldBack })] : [];
  if (plan.customers.length === 0) return void tell([fill(t("archive.none"), { months }), ...held].join("\n\n"));
  const sheet = opened.followUps.getName();
  const name = spreadsheet.getName();
  const question = [
    fill(t("archive.question"), {
      customers: plan.customers.length,
      rows: plan.customers.reduce((sum, c) => sum + c.rows.length, 0),
      months,
      sheet,
      list: t("archive.sheet"),
      archives: yearsOf(plan.customers)
        .map((y) => fill(t("archive.line"), { name: archiveName(name, y.year, language), ...y }))
        .join("\n"),
    }),
    ...(plan.remaining > 0 ? [fill(t("archive.runAgain"), { count: plan.remaining })] : []),
    ...held,
  ].join("\n\n");
  if (ui.alert(t("archive.title"), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const asked = new Set(plan.customers.map((c) => c.customerKey));
  let done: { value: Outcome } | null;
  try {
    done = withDocumentLock(() => archiveNow(opened, asked));
  } catch (error) {
    if (error instanceof ArchiveStopped) return void tell(error.message);
    throw error;
  }
  if (!done) return void tell(t("error.busy"));
  const { years, customers, remaining } = done.value;
  const lines = [
    fill(t("archive.done"), {
      customers,
      rows: done.value.rows,
      list: t("archive.sheet"),
      archives: years.map((y) => fill(t("archive.line"), { ...y })).join("\n"),
    }),
  ];
  if (remaining > 0) lines.push(fill(t("archive.runAgain"), { count: remaining }));
  tell(lines.join("\n\n"));
}

/** Today in the spreadsheet's zone. */
function today(table: Table): number {
  return dayInZone(Date.now(), table.timeZone);
}

/** The customers and rows of each year, oldest year first. */
function yearsOf(customers: readonly ArchivedCustomer[]): { year: number; customers: number; rows: number }[] {
  const years = [...new Set(customers.map((c) => c.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const of = customers.filter((c) => c.year === year);
    return { year, customers: of.length, rows: of.reduce((sum, c) => sum + c.rows.length, 0) };
  });
}

/**
 * Under the document lock: reads the table again and archives the customers `asked` about that are still ready.
 * Every archive is written and checked before any row is deleted; the ids handed out so far are kept in use (an
 * archived row's id is never given again, so an archive recognises its rows by id).
 */
function archiveNow(table: Table, asked: ReadonlySet<string>): Outcome {
  const t = translator(table.language);
  const rows = readRows(table);
  const plan = planArchive(rows.followUps, rows.problems, table.settings, today(table), MAX_RUNS);
  const customers = plan.customers.filter((c) => asked.has(c.customerKey));
  const remaining = plan.remaining + plan.customers.length - customers.length;
  if (customers.length === 0) return { years: [], customers: 0, rows: 0, remaining };
  keepIdsInUse(table, rows.followUps);
  const cells = readRowCells(table, rows, customers);
  const records = loadArchiveRecords(table.spreadsheet);
  const years: YearOutcome[] = [];
  for (const { year } of yearsOf(customers)) {
    const of = customers.filter((c) => c.year === year);
    const target = archiveOf(table, records, year);
    placeRows(table, rows, cells, target, of, records);
    years.push({
      year,
      name: target.archive.getName(),
      customers: of.length,
      rows: of.reduce((sum, c) => sum + c.rows.length, 0),
    });
  }
  const now = Date.now();
  for (const { year } of years) {
    const record = records.find((r) => r.year === year) as ArchiveRecord;
    record.at = now;
  }
  saveArchiveRecords(table.spreadsheet, records);
  deleteArchivedRows(table, rows, customers, t("archive.tableChanged"));
  const deleted = new Set(customers.flatMap((c) => c.rows));
  const kept = rows.values.filter((_, i) => !deleted.has(rows.firstRow + i));
  rebuildIndex(table, rowsOfGrid(table, [rows.header, ...kept]));
  writeArchivesSheet(table.spreadsheet, table.language, records);
  return { years, customers: customers.length, rows: deleted.size, remaining };
}

/** The registry's next id stays above every id the table holds now, so no archived id is handed out again. */
function keepIdsInUse(table: Table, followUps: readonly FollowUp[]): void {
  const registry = loadRegistry(table.spreadsheet) ?? table.registry;
  const next = highestIdNumber(followUps) + 1;
  if (registry.nextId >= next) return;
  registry.nextId = next;
  saveRegistry(table.spreadsheet, registry);
  table.registry = registry;
}

/** Formulas, number formats and notes of the rows to archive (their values were read with the table): three reads a run. */
function readRowCells(table: Table, rows: TableRows, customers: readonly ArchivedCustomer[]): Map<number, RowCells> {
  const cells = new Map<number, RowCells>();
  for (const [first, last] of runsOf(customers.flatMap((c) => c.rows))) {
    const range = table.followUps.getRange(first, 1, last - first + 1, rows.width);
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    const notes = range.getNotes();
    for (let row = first; row <= last; row++) {
      const i = row - first;
      cells.set(row, {
        values: rows.values[row - rows.firstRow] ?? [],
        formulas: formulas[i] ?? [],
        formats: formats[i] ?? [],
        notes: notes[i] ?? [],
      });
    }
  }
  return cells;
}

/**
 * The archive of `year`: the recorded one, else a new spreadsheet in the table's time zone and locale, recorded at
 * once (before anything is written into it, so a run that stops later finds it again instead of making another).
 */
function archiveOf(table: Table, records: ArchiveRecord[], year: number): OpenArchive {
  const recorded = records.find((r) => r.year === year);
  if (recorded) return openArchive(recorded, table.language);
  const archive = SpreadsheetApp.create(archiveName(table.spreadsheet.getName(), year, table.language));
  archive.setSpreadsheetTimeZone(table.timeZone);
  archive.setSpreadsheetLocale(table.spreadsheet.getSpreadsheetLocale());
  const sheet = archive.getSheets()[0] as Sheet;
  const record: ArchiveRecord = {
    year,
    id: archive.getId(),
    sheetId: sheet.getSheetId(),
    positions: {},
    customers: 0,
    rows: 0,
    at: null,
  };
  records.push(record);
  saveArchiveRecords(table.spreadsheet, records);
  sheet.setName(table.followUps.getName());
  sheet.protect().setDescription(translator(table.language)("archive.protection")).setWarningOnly(true);
  // The header row and one below it to start with: the archive grows with its rows, never a 1000-row grid.
  sheet.deleteRows(3, sheet.getMaxRows() - 2);
  return { record, archive, sheet };
}

/** Writes archived rows from archive row `first` on: number formats, then values (formulas), then notes. */
function writeArchived(sheet: Sheet, first: number, lines: readonly ArchivedRow[], width: number): void {
  const range = sheet.getRange(first, 1, lines.length, width);
  range.setNumberFormats(lines.map((line) => line.formats));
  range.setValues(lines.map((line) => line.values));
  range.setNotes(lines.map((line) => line.notes));
}

/**
 * Writes the customers' rows into their archive, below its earlier rows, and reads them back: a row the archive already
 * holds (same id: a run that stopped before deleting) is compared instead, and written again in its place only when it
 * differs. Throws ArchiveStopped when what is read back differs from the table (nothing is deleted then). Records the
 * archive's columns before its first row, and its customers and rows after.
 */
function placeRows(
  table: Table,
  rows: TableRows,
  cells: ReadonlyMap<number, RowCells>,
  target: OpenArchive,
  customers: readonly ArchivedCustomer[],
  records: ArchiveRecord[],
): void {
  const { sheet, record } = target;
  const lastRow = sheet.getLastRow();
  const header = lastRow === 0 ? null : (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []);
  const layout = archiveLayout(
    { header: rows.header, positions: table.positions, width: rows.width },
    header ? { header: header.map(cellText), positions: record.positions } : null,
  );
  const width = layout.header.length;
  if (!header || width > header.length || JSON.stringify(layout.positions) !== JSON.stringify(record.positions)) {
    growSheet(sheet, 2, width);
    // A new archive is as wide as the table: empty columns would count against its own cell limit.
    if (!header && sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
    sheet
      .getRange(1, 1, 1, width)
      .setValues(literalGrid([layout.header]))
      .setFontWeight("bold");
    sheet.setFrozenRows(1);
    record.positions = layout.positions;
    saveArchiveRecords(table.spreadsheet, records);
  }
  const held = archivedKeys(sheet, layout, Math.max(lastRow, 1));
  const byRow = new Map(rows.followUps.map((f) => [f.row, f]));
  const placing = customers.flatMap((c) => c.rows).sort((a, b) => a - b);
  const fresh: number[] = [];
  const again: { row: number; at: number }[] = [];
  for (const row of placing) {
    const at = held.rowOfId.get(idOf(byRow.get(row)));
    if (at === undefined) fresh.push(row);
    else again.push({ row, at });
  }
  const line = (row: number, at: number) => archivedRow(layout, cells.get(row) as RowCells, row, at, table.timeZone);
  const differing = differingRows(sheet, again, line, width);
  for (const { row, at } of differing) writeArchived(sheet, at, [line(row, at)], width);
  const start = Math.max(lastRow, 1) + 1;
  const written = fresh.map((row, i) => line(row, start + i));
  if (written.length > 0) {
    growSheet(sheet, start + written.length - 1, width);
    writeArchived(sheet, start, written, width);
  }
  SpreadsheetApp.flush();
  const readBack = written.length > 0 ? sheet.getRange(start, 1, written.length, width).getValues() : [];
  const wrong =
    differingCells(
      written.map((w) => w.expected),
      readBack,
    ) + differingRows(sheet, differing, line, width).length;
  if (wrong > 0) {
    throw new ArchiveStopped(
      fill(translator(table.language)("archive.notVerified"), { name: target.archive.getName(), cells: wrong }),
    );
  }
  const keys = new Set([...held.customerKeys, ...customers.map((c) => c.customerKey)]);
  record.customers = keys.size;
  record.rows = Math.max(lastRow, 1) - 1 + written.length;
}

/** A follow-up's id as archives match it. */
function idOf(followUp: FollowUp | undefined): string {
  return (followUp?.id ?? "").trim().toUpperCase();
}

/** The archive row of each id it holds, and its customers' keys (its id and customer columns only). */
function archivedKeys(
  sheet: Sheet,
  layout: ArchiveLayout,
  lastRow: number,
): { rowOfId: Map<string, number>; customerKeys: Set<string> } {
  const rowOfId = new Map<string, number>();
  const customerKeys = new Set<string>();
  if (lastRow < 2) return { rowOfId, customerKeys };
  const column = (at: number | undefined) =>
    at === undefined
      ? []
      : sheet
          .getRange(2, at, lastRow - 1, 1)
          .getValues()
          .map(([cell]) => cellText(cell));
  column(layout.positions.id).forEach((id, i) => {
    if (id !== "") rowOfId.set(id.toUpperCase(), i + 2);
  });
  for (const name of column(layout.positions.customer)) if (name !== "") customerKeys.add(customerKey(name));
  return { rowOfId, customerKeys };
}

/**
 * The rows of `placed` whose archive row differs from the table's (each `line`): one read per run of their archive
 * rows, or of their span when the runs are many.
 */
function differingRows(
  sheet: Sheet,
  placed: readonly { row: number; at: number }[],
  line: (row: number, at: number) => ArchivedRow,
  width: number,
): { row: number; at: number }[] {
  if (placed.length === 0) return [];
  const runs = runsOf(placed.map((p) => p.at));
  const first = runs[0] as [number, number];
  const spans = runs.length > RUNS_READ_APART ? [[first[0], (runs[runs.length - 1] as [number, number])[1]]] : runs;
  const differing: { row: number; at: number }[] = [];
  for (const [top, bottom] of spans as [number, number][]) {
    const read = sheet.getRange(top, 1, bottom - top + 1, width).getValues();
    for (const p of placed) {
      if (p.at >= top && p.at <= bottom && differingCells([line(p.row, p.at).expected], [read[p.at - top] ?? []]) > 0)
        differing.push(p);
    }
  }
  return differing;
}

/**
 * Deletes the archived rows from the Follow-ups sheet, bottom run first, after checking that each still holds its id
 * (one read of the id column over their span): when someone inserted or deleted rows meanwhile, nothing is deleted
 * and ArchiveStopped says so (the archive already holds the rows; the next run recognises and deletes them).
 */
function deleteArchivedRows(
  table: Table,
  rows: TableRows,
  customers: readonly ArchivedCustomer[],
  changedMessage: string,
): void {
  const sheet = table.followUps;
  const idColumn = table.positions.id as number;
  const runs = deletionRuns(customers);
  const top = runs[runs.length - 1]?.[0] ?? rows.firstRow;
  const bottom = runs[0]?.[1] ?? rows.firstRow;
  const ids = sheet.getRange(top, idColumn, bottom - top + 1, 1).getValues();
  const byRow = new Map(rows.followUps.map((f) => [f.row, f]));
  for (const [first, last] of runs) {
    for (let row = first; row <= last; row++) {
      if (cellText(ids[row - top]?.[0]).toUpperCase() !== idOf(byRow.get(row))) {
        throw new ArchiveStopped(fill(changedMessage, { sheet: sheet.getName() }));
      }
    }
  }
  // Sheets refuses to delete every non-frozen row: keep one empty row below when the table would have none left.
  const deleting = runs.reduce((sum, [first, last]) => sum + last - first + 1, 0);
  if (sheet.getMaxRows() - deleting <= sheet.getFrozenRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  for (const [first, last] of runs) sheet.deleteRows(first, last - first + 1);
}
