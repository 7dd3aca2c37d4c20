/** The customer index sheet (the add-on's own, hidden): written whole when an operation has read the whole table anyway, patched for the rows edited or appended since, and trusted by the sidebar only while its stamp says it is current. */

import { runsOf } from "../core/cell-writes";
import {
  entryCells,
  entryOf,
  INDEX_COLUMNS,
  type IndexEntry,
  identityOf,
  indexColumn,
  indexEntries,
  indexKeyOf,
  rowsOfCell,
} from "../core/customer-index";
import { customerKey, type KnownCustomer, phoneDigits } from "../core/customer-match";
import { dayInZone } from "../core/dates";
import { agendaOf } from "../core/due";
import { fingerprint } from "../core/fingerprint";
import { type FollowUp, type RowProblem, readFollowUps } from "../core/follow-ups";
import { literalGrid } from "../core/literal";
import { type PoolEvent, poolOf } from "../core/pool";
import { highestIdNumber } from "../core/sync-plan";
import { translator } from "../i18n/translate";
import { readPoolEvents } from "./pool-log";
import { handoversOf, loadRegistry } from "./registry";
import { trimSheet } from "./sheet-size";
import { ownSheet, readValue, recordedSheet, writeValue } from "./spreadsheet-metadata";
import type { Table } from "./table";
import { readRows, type TableRows } from "./table-rows";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SHEET_KEY = "followUpTracker.customerIndex";
const STAMP_KEY = "followUpTracker.customerIndexStamp";
const EDITED_KEY = "followUpTracker.customerIndexEdited";
const WIDTH = INDEX_COLUMNS.length;
/** Rows recorded as edited by hand before the index is rebuilt instead of patched. */
const EDITED_LIMIT = 500;
/** Index lines written one run at a time before a whole rewrite is cheaper. */
const RUN_LIMIT = 40;

/**
 * What the index was computed from: the table's rows up to `through`, and everything else an entry depends on; and
 * the highest id number in the table then (a save that reads only its customer's rows takes the next one from it).
 */
interface Stamp {
  through: number;
  basis: string;
  highestId: number;
}

/** Writes the stamp. */
function writeStamp(table: Table, stamp: Stamp): void {
  writeValue(table.spreadsheet, STAMP_KEY, JSON.stringify(stamp));
}

/**
 * What an entry depends on besides its rows and the Pool log: Settings and Team (a change to either may change every
 * entry: the index is rebuilt) and the hand-overs. Whoever adds to the Pool log marks the customers' rows edited.
 */
function basisOf(table: Table): string {
  return fingerprint(
    JSON.stringify([INDEX_COLUMNS, table.settings, table.members, [...handoversOf(table.registry)].sort()]),
  );
}

/** The index sheet when it exists (lookups read it as it is). */
export function existingIndex(table: Table): Sheet | null {
  return recordedSheet(table.spreadsheet, SHEET_KEY) ?? null;
}

/** An empty index: its header, then one blank line (the index grows with the customers, never a 1000-row grid). */
function layOutIndex(sheet: Sheet, table: Table): void {
  trimSheet(sheet, 2, WIDTH);
  sheet.getRange(1, 1, 1, WIDTH).setValues([translator(table.language)("index.header").split("|")]);
}

/** The index sheet, made (hidden, warning-protected) on first use. */
function indexSheet(table: Table): Sheet {
  const t = translator(table.language);
  return ownSheet(table.spreadsheet, SHEET_KEY, t("index.sheet"), (created) => {
    created.protect().setDescription(t("index.protection")).setWarningOnly(true);
    created.hideSheet();
    layOutIndex(created, table);
  });
}

function readStamp(table: Table): Stamp | null {
  const text = readValue(table.spreadsheet, STAMP_KEY);
  if (!text) return null;
  const stamp = JSON.parse(text) as Partial<Stamp>;
  return typeof stamp.through === "number" && typeof stamp.basis === "string" && typeof stamp.highestId === "number"
    ? { through: stamp.through, basis: stamp.basis, highestId: stamp.highestId }
    : null;
}

/** Rows edited by hand since the index was written (onEdit), or "all" when too many to patch. */
function readEdited(table: Table): number[] | "all" {
  const text = readValue(table.spreadsheet, EDITED_KEY);
  if (!text) return [];
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? parsed.filter((n): n is number => Number.isInteger(n)) : "all";
}

/**
 * Records rows of the Follow-ups sheet as edited (from onEdit, or an operation that changed a row the index covers),
 * so the next sidebar call patches their customers. Past EDITED_LIMIT rows the index is rebuilt instead.
 */
export function markRowsEdited(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: readonly number[]): void {
  if (rows.length === 0) return;
  const text = readValue(spreadsheet, EDITED_KEY);
  const known = text ? (JSON.parse(text) as unknown) : [];
  if (!Array.isArray(known)) return;
  const all = [...new Set([...known, ...rows])];
  writeValue(spreadsheet, EDITED_KEY, JSON.stringify(all.length > EDITED_LIMIT ? "all" : all));
}

/**
 * From onEdit: records the rows edited in the Follow-ups sheet. Never throws (an edit must not fail because of the
 * add-on); without authorization (AuthMode.NONE) it does nothing.
 */
export function noteTableEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (e.authMode === ScriptApp.AuthMode.NONE) return;
  try {
    const registry = loadRegistry(e.source);
    if (!registry || e.range.getSheet().getSheetId() !== registry.followUps) return;
    const first = e.range.getRow();
    const count = Math.min(e.range.getNumRows(), EDITED_LIMIT + 1);
    markRowsEdited(
      e.source,
      Array.from({ length: count }, (_, i) => first + i),
    );
  } catch (error) {
    console.warn(`customer index: edit not noted: ${String(error)}`);
  }
}

/**
 * Writes `entries` in place of the lines `replaced` (0-based lines below the header; a line whose entry is gone is
 * blanked) and appends the entries whose identity has no line; `identities` are the lines' identities as read.
 * Writes each run of lines in one call, or everything in one call when the runs are many.
 */
function placeEntries(
  sheet: Sheet,
  identities: readonly string[],
  replaced: ReadonlySet<number>,
  entries: readonly IndexEntry[],
  before?: readonly (readonly unknown[])[],
): void {
  const lineOf = new Map(identities.map((identity, line) => [identity, line]));
  const lines = new Map<number, string[]>([...replaced].map((line) => [line, Array(WIDTH).fill("")]));
  let end = identities.length;
  for (const entry of entries) {
    const line = lineOf.get(identityOf(entry));
    if (line !== undefined && replaced.has(line)) lines.set(line, entryCells(entry));
    else lines.set(end++, entryCells(entry));
  }
  const changed = [...lines.keys()].filter((line) => {
    const old = before?.[line];
    return !old || (lines.get(line) as string[]).some((cell, i) => cell !== String(old[i] ?? ""));
  });
  const runs = runsOf(changed);
  if (runs.length > RUN_LIMIT) {
    const grid = Array.from(
      { length: end },
      (_, line) => lines.get(line) ?? before?.[line]?.map(String) ?? Array(WIDTH).fill(""),
    );
    ensureRows(sheet, end + 1, before === undefined);
    writeLines(sheet, 0, grid, before);
    return;
  }
  for (const [first, last] of runs) {
    ensureRows(sheet, last + 2, before === undefined);
    const grid = Array.from({ length: last - first + 1 }, (_, i) => lines.get(first + i) as string[]);
    writeLines(sheet, first, grid, before);
  }
}

/**
 * Writes `grid` at index line `first`, without its right-hand columns that are blank both in it and in what the sheet
 * held there (`before`, every line as read; when not given, all columns are written): blank cells stay blank unwritten
 * (the pool column of a table nobody released a customer from, for one).
 */
function writeLines(
  sheet: Sheet,
  first: number,
  grid: readonly (readonly string[])[],
  before?: readonly (readonly unknown[])[],
): void {
  let width = before ? 0 : WIDTH;
  grid.forEach((line, i) => {
    const held = before?.[first + i] ?? [];
    for (let column = WIDTH; column > width; column--) {
      if (line[column - 1] !== "" || String(held[column - 1] ?? "") !== "") {
        width = column;
        break;
      }
    }
  });
  if (width === 0) return;
  sheet.getRange(first + 2, 1, grid.length, width).setValues(literalGrid(grid.map((line) => line.slice(0, width))));
}

/** Rows added at once when a save or a patch appends a customer, so growing is rare. */
const GROWTH_ROWS = 500;

/** Grows the index sheet to `rows` rows when needed (by GROWTH_ROWS at least when `spare`). */
function ensureRows(sheet: Sheet, rows: number, spare: boolean): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, spare ? Math.max(rows - max, GROWTH_ROWS) : rows - max);
}

/** The identity of each line as read: its key, or "#row" for a row without a customer; "" for a blank line. */
function identitiesOf(lines: readonly (readonly unknown[])[]): string[] {
  const key = INDEX_COLUMNS.indexOf("key");
  const rows = INDEX_COLUMNS.indexOf("rows");
  return lines.map((line) => {
    const listed = rowsOfCell(line[rows]);
    if (listed.length === 0) return "";
    return identityOf({ key: String(line[key] ?? ""), rows: listed });
  });
}

/** The entries of rows read from the table, with the Pool log's events. */
function entriesOf(
  table: Table,
  followUps: readonly FollowUp[],
  problems: readonly RowProblem[],
  events: readonly PoolEvent[],
): IndexEntry[] {
  const agenda = agendaOf(followUps, problems, table.settings);
  return indexEntries({
    followUps,
    problems,
    settings: table.settings,
    team: table.members,
    handovers: handoversOf(table.registry),
    pool: poolOf(events, agenda.latest, (ms) => dayInZone(ms, table.timeZone)),
  });
}

/**
 * Writes the index from the whole table as `rows` read it (Sync, a release, a sidebar call that cannot patch): only
 * the lines that changed, keeping each customer on its line. Call it under the document lock, with rows read under it.
 */
export function rebuildIndex(table: Table, rows: TableRows): Stamp {
  const events = readPoolEvents(table.spreadsheet);
  const entries = entriesOf(table, rows.followUps, rows.problems, events);
  const sheet = indexSheet(table);
  // An index of another layout (an earlier version's columns; its stamp's basis names them, so it is never trusted)
  // starts again empty rather than keep cells that would be read as other columns.
  if (sheet.getMaxColumns() !== WIDTH) {
    sheet.clear();
    layOutIndex(sheet, table);
  }
  const before = readIndexColumns(sheet, "key", "pool");
  const identities = identitiesOf(before);
  placeEntries(sheet, identities, new Set(identities.keys()), entries, before);
  writeValue(table.spreadsheet, EDITED_KEY, null);
  const stamp: Stamp = {
    through: rows.firstRow + rows.values.length - 1,
    basis: basisOf(table),
    highestId: highestIdNumber(rows.followUps),
  };
  writeStamp(table, stamp);
  return stamp;
}

/**
 * Compares the index with the table as the daily digests read it (every row, in the columns an entry needs among
 * others: ../core/hourly-columns), without the document lock (a time trigger has none): every customer whose line
 * differs is recorded as edited, so the next sidebar call patches it under the lock. Catches what onEdit does not see (pastes, other scripts, rows sorted). Never writes an index line.
 */
export function checkIndex(table: Table, rows: TableRows): void {
  const sheet = existingIndex(table);
  if (!sheet || !readStamp(table)) return;
  const entries = entriesOf(table, rows.followUps, rows.problems, readPoolEvents(table.spreadsheet));
  const before = readIndexColumns(sheet, "key", "pool");
  const identities = identitiesOf(before);
  const lineOf = new Map(identities.map((identity, line) => [identity, line]));
  const stale = new Set<number>();
  const seen = new Set<number>();
  for (const entry of entries) {
    const line = lineOf.get(identityOf(entry));
    if (line !== undefined) seen.add(line);
    const old = line === undefined ? undefined : before[line];
    if (old && entryCells(entry).every((cell, i) => cell === String(old[i] ?? ""))) continue;
    for (const row of entry.rows) stale.add(row);
    if (old) for (const row of rowsOfCell(old[INDEX_COLUMNS.indexOf("rows")])) stale.add(row);
  }
  identities.forEach((identity, line) => {
    if (identity !== "" && !seen.has(line))
      for (const row of rowsOfCell(before[line][INDEX_COLUMNS.indexOf("rows")])) stale.add(row);
  });
  markRowsEdited(table.spreadsheet, [...stale]);
}

/** Some of the table's rows as read: by sheet row, with the follow-ups and problems in them. */
export interface SomeRows {
  header: unknown[];
  width: number;
  /** Sparse, by `row - firstRow`, like TableRows' values. */
  values: unknown[][];
  firstRow: number;
  followUps: FollowUp[];
  problems: RowProblem[];
}

/**
 * Reads `rowNumbers` of the Follow-ups sheet (one call per run of adjacent rows, and one for the header unless
 * `known` gives the header and width an earlier read of the same execution found).
 */
export function readSomeRows(
  table: Table,
  rowNumbers: Iterable<number>,
  known?: Pick<SomeRows, "header" | "width">,
): SomeRows {
  const sheet = table.followUps;
  const width = known?.width ?? Math.max(sheet.getLastColumn(), ...Object.values(table.positions));
  const header = known?.header ?? sheet.getRange(table.headerRow, 1, 1, width).getValues()[0];
  const firstRow = table.headerRow + 1;
  const values: unknown[][] = [];
  const followUps: FollowUp[] = [];
  const problems: RowProblem[] = [];
  const reading = { language: table.language, today: dayInZone(Date.now(), table.timeZone), settings: table.settings };
  for (const [first, last] of runsOf([...rowNumbers].filter((r) => r >= firstRow))) {
    const grid = sheet.getRange(first, 1, last - first + 1, width).getValues();
    grid.forEach((line, i) => {
      values[first + i - firstRow] = line;
    });
    const read = readFollowUps(grid, first, table.positions, table.timeZone, header, reading);
    followUps.push(...read.followUps);
    problems.push(...read.problems);
  }
  return { header, width, values, firstRow, followUps, problems };
}

/** What the sidebar reads from a current index. */
export interface CurrentIndex {
  sheet: Sheet;
  /** The Pool log, as the entries were computed with it. */
  events: PoolEvent[];
  stamp: Stamp;
}

/**
 * The index, current: rebuilt from the whole table when it is missing, was computed from other Settings, Team,
 * hand-overs or Pool log, lost track of the rows (rows deleted, too many edits), or does not match the rows it lists;
 * else patched for the rows edited by hand (onEdit) or appended below since it was written. Reads only those rows and
 * the rows of their customers. Call it under the document lock: it reads the registry again (the next id and the
 * hand-overs may have moved since the table was opened) into `table`.
 */
export function currentIndex(table: Table): CurrentIndex {
  table.registry = loadRegistry(table.spreadsheet) ?? table.registry;
  const events = readPoolEvents(table.spreadsheet);
  const sheet = indexSheet(table);
  const stamp = readStamp(table);
  const edited = readEdited(table);
  const last = Math.max(table.followUps.getLastRow(), table.headerRow);
  const rebuilt = () => ({ sheet, events, stamp: rebuildIndex(table, readRows(table)) });
  if (!stamp || stamp.basis !== basisOf(table) || edited === "all" || last < stamp.through) return rebuilt();
  const pending = new Set(edited.filter((row) => row <= last));
  for (let row = stamp.through + 1; row <= last; row++) pending.add(row);
  if (pending.size > EDITED_LIMIT) return rebuilt();
  if (pending.size === 0) return { sheet, events, stamp };
  const read = patch(table, sheet, pending, events);
  if (!read) return rebuilt();
  writeValue(table.spreadsheet, EDITED_KEY, null);
  const patched = { through: last, basis: basisOf(table), highestId: Math.max(stamp.highestId, highestIdNumber(read)) };
  writeStamp(table, patched);
  return { sheet, events, stamp: patched };
}

/**
 * Recomputes the entries of the customers `pending` rows belonged to or belong to now, from all their rows, and
 * returns the follow-ups it read; null when a row the index lists for a customer names another one and was not
 * edited (rows moved: rebuild instead).
 */
function patch(
  table: Table,
  sheet: Sheet,
  pending: ReadonlySet<number>,
  events: readonly PoolEvent[],
): FollowUp[] | null {
  const keyColumn = INDEX_COLUMNS.indexOf("key");
  const rowsColumn = INDEX_COLUMNS.indexOf("rows");
  // The key and rows columns only (two reads), laid out as lines of the index for identitiesOf.
  const keys = readIndexColumns(sheet, "key", "key");
  const rowCells = readIndexColumns(sheet, "rows", "rows");
  const lines = keys.map(([key], i) => {
    const line: unknown[] = Array(WIDTH).fill("");
    line[keyColumn] = key;
    line[rowsColumn] = rowCells[i]?.[0];
    return line;
  });
  const identities = identitiesOf(lines);
  const lineOfRow = new Map<number, number>();
  const lineOfKey = new Map<string, number>();
  lines.forEach((line, index) => {
    for (const row of rowsOfCell(line[rowsColumn])) lineOfRow.set(row, index);
    const key = String(line[keyColumn] ?? "");
    if (key !== "" && identities[index] !== "") lineOfKey.set(key, index);
  });
  const edited = readSomeRows(table, pending);
  const affected = new Set<number>();
  for (const row of pending) {
    const line = lineOfRow.get(row);
    if (line !== undefined) affected.add(line);
  }
  for (const f of edited.followUps) {
    const line = lineOfKey.get(indexKeyOf(f.customerKey));
    if (line !== undefined) affected.add(line);
  }
  const listed = new Set<number>();
  for (const line of affected) for (const row of rowsOfCell(lines[line][rowsColumn])) listed.add(row);
  const others = readSomeRows(
    table,
    [...listed].filter((row) => !pending.has(row)),
    edited,
  );
  // A listed row that was not edited must still name the customer of its line.
  for (const f of others.followUps) {
    const line = lineOfRow.get(f.row);
    if (line === undefined || identities[line] !== identityOf({ key: f.customerKey, rows: [f.row] })) return null;
  }
  if (others.followUps.length !== [...listed].filter((row) => !pending.has(row)).length) return null;
  const followUps = [...edited.followUps, ...others.followUps];
  const problems = [...edited.problems, ...others.problems];
  placeEntries(sheet, identities, affected, entriesOf(table, followUps, problems, events));
  return followUps;
}

/** Reads index columns `from`..`to` (names of INDEX_COLUMNS) of every line. */
export function readIndexColumns(
  sheet: Sheet,
  from: (typeof INDEX_COLUMNS)[number],
  to: (typeof INDEX_COLUMNS)[number],
): unknown[][] {
  const first = INDEX_COLUMNS.indexOf(from) + 1;
  const width = INDEX_COLUMNS.indexOf(to) + 2 - first;
  const last = sheet.getLastRow();
  return last < 2 ? [] : sheet.getRange(2, first, last - 1, width).getValues();
}

/** The index line of each customer key (the key column only). */
export function linesOfKeys(sheet: Sheet): Map<string, number> {
  const lineOfKey = new Map<string, number>();
  readIndexColumns(sheet, "key", "key").forEach(([key], line) => {
    if (key !== "" && key !== null) lineOfKey.set(String(key), line);
  });
  return lineOfKey;
}

/** Lines read one call each up to this many; more, and the name and owner columns are read whole instead. */
const LINES_READ_ONE_BY_ONE = 20;

/**
 * The customers a follow-up of `customer` with `contactInfo` may be — the same customer key, or the same phone
 * digits — in name order, as the warnings compare them (../core/customer-match warningsFor), and the index line of
 * each customer key. Reads the key and phone columns, then only the lines found.
 */
export function customersLike(
  sheet: Sheet,
  customer: string,
  contactInfo: string,
): { known: KnownCustomer[]; lineOfKey: Map<string, number> } {
  const key = indexKeyOf(customerKey(customer));
  const phone = phoneDigits(contactInfo);
  const lineOfKey = new Map<string, number>();
  const found: { line: number; phone: string }[] = [];
  readIndexColumns(sheet, "key", "phone").forEach(([lineKey, linePhone], line) => {
    const text = String(lineKey ?? "");
    if (text === "") return;
    lineOfKey.set(text, line);
    if (text === key || (phone !== "" && String(linePhone) === phone)) found.push({ line, phone: String(linePhone) });
  });
  const whole = found.length > LINES_READ_ONE_BY_ONE ? readIndexColumns(sheet, "name", "owner") : null;
  const known = found
    .map(({ line, phone: digits }) => {
      const [name, owner] = whole?.[line] ?? sheet.getRange(line + 2, indexColumn("name"), 1, 2).getValues()[0];
      return { name: String(name), owner: String(owner), phone: digits };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { known, lineOfKey };
}

/** A customer's rows as a save or a claim reads them, and where its index line is. */
export interface CustomerRows {
  key: string;
  /** Its index line (0-based below the header), or null for a customer the index does not have. */
  line: number | null;
  /** The rows the index lists for it. */
  listed: number[];
  rows: SomeRows;
}

/**
 * The rows of customer `key`, as the index lists them, checked: when a listed row no longer names the customer (rows
 * moved without the index noticing), the index is rebuilt from the whole table and the rows taken from that read.
 */
export function customerRows(
  table: Table,
  index: CurrentIndex,
  key: string,
  lineOfKey: ReadonlyMap<string, number>,
): CustomerRows {
  const line = lineOfKey.get(indexKeyOf(key));
  const entry = line === undefined ? null : entryOf(index.sheet.getRange(line + 2, 1, 1, WIDTH).getValues()[0]);
  const listed = entry?.rows ?? [];
  const rows = readSomeRows(table, listed);
  if (rows.followUps.length === listed.length && rows.followUps.every((f) => f.customerKey === key)) {
    return { key, line: line ?? null, listed, rows };
  }
  const all = readRows(table);
  index.stamp = rebuildIndex(table, all);
  const followUps = all.followUps.filter((f) => f.customerKey === key);
  const rebuilt = linesOfKeys(index.sheet);
  return {
    key,
    line: rebuilt.get(indexKeyOf(key)) ?? null,
    listed: followUps.map((f) => f.row),
    rows: { ...all, followUps, problems: all.problems.filter((p) => followUps.some((f) => f.row === p.row)) },
  };
}

/** Writes the customer's entry recomputed from its rows as they are now (`after`), and moves the stamp to `through`. */
export function updateCustomer(
  table: Table,
  index: CurrentIndex,
  customer: CustomerRows,
  after: SomeRows,
  through: number,
  events: readonly PoolEvent[],
): void {
  const entries = entriesOf(table, after.followUps, after.problems, events);
  // Only the customer's line is known: the other lines' identities are not read (placeEntries appends a new customer).
  const sheet = index.sheet;
  const identities: string[] = Array(Math.max(sheet.getLastRow() - 1, 0)).fill("");
  const replaced = new Set<number>();
  if (customer.line !== null) {
    identities[customer.line] = indexKeyOf(customer.key);
    replaced.add(customer.line);
  }
  placeEntries(sheet, identities, replaced, entries);
  const highestId = Math.max(index.stamp.highestId, highestIdNumber(after.followUps));
  writeStamp(table, { through, basis: basisOf(table), highestId });
}
