/** Finds a team's existing follow-up table in a sheet's values: its header row, which column is which, and what to append. */

import { COLUMNS, type ColumnKey, type ColumnPositions, missingColumns } from "./columns";
import { cellText, normalizeHeader } from "./text";

export interface DetectedTable {
  /** 1-based sheet row of the header. */
  headerRow: number;
  columns: ColumnPositions;
  /** `byContext`: a follow-up-date header read as the next date because a contact-date column stands to its left. */
  recognised: { key: ColumnKey; column: number; header: string; byContext?: true }[];
  /** Non-empty header cells the add-on leaves alone. */
  unrecognised: { column: number; header: string }[];
  /** Column of the last non-empty header cell. */
  lastColumn: number;
  /** Last column holding anything in the header row or below it (data may stick out past the header). */
  lastUsedColumn: number;
}

export interface AdoptionPlan extends DetectedTable {
  /** Needed columns the table lacks, in COLUMNS order, to append from `firstAppendColumn`. */
  toAppend: ColumnKey[];
  /** Sheet column of the first appended column: after the header and after any data sticking out past it. */
  firstAppendColumn: number;
}

/** What a header cell names: a column, or "the follow-up date", which context decides (`resolveFollowUpDates`). */
type HeaderKey = ColumnKey | "followUpDate";

interface HeaderName {
  readonly key: HeaderKey;
  readonly name: string;
  /** Long enough to be found inside a longer header ("跟进内容摘要" holds "跟进内容"). */
  readonly containable: boolean;
}

function isContainable(name: string): boolean {
  return (name.match(/[\u4e00-\u9fff]/g) ?? []).length >= 2 || (name.match(/[a-z]/g) ?? []).length >= 4;
}

/**
 * Headers that name "the follow-up date" without saying which: the day of the contact, or the day to follow up.
 * Teams use them both ways (the article's 跟进时间 is the contact; a template's "Date | Follow-up Date" means the date
 * to follow up), so context decides, by one rule (`resolveFollowUpDates`). The add-on's own contact-date headers
 * (跟进时间, Follow-up date) are among them: alone, they are what they always were.
 */
const FOLLOW_UP_DATE_NAMES = ["跟进时间", "跟进日期", "回访时间", "回访日期", "follow-up date", "follow-up time"].map(
  normalizeHeader,
);

/**
 * Every header text and alias of the team's columns, normalised, longest first so containment prefers the most
 * specific name. The add-on's own columns (ids, stamps) are never matched: a team's "ID" column stays the team's.
 */
const HEADER_NAMES: readonly HeaderName[] = [
  ...COLUMNS.filter((spec) => spec.owner === "team").flatMap((spec) =>
    [spec.header.zh, spec.header.en, ...spec.aliases]
      .map(normalizeHeader)
      .filter((name) => !FOLLOW_UP_DATE_NAMES.includes(name))
      .map((name): HeaderName => ({ key: spec.key, name, containable: isContainable(name) })),
  ),
  ...FOLLOW_UP_DATE_NAMES.map((name): HeaderName => ({ key: "followUpDate", name, containable: isContainable(name) })),
].sort((a, b) => b.name.length - a.name.length);

/** The next contact's date, said by its first and last words: "下次沟通时间", "下一次拜访日期", "Next meeting date". */
const NEXT_DATE_HEADER = /^(?:下次|下一次|下回|next).*(?:日期|时间|date|time|day)$/;

/** The text of a cell that can be a header: numbers, dates and booleans are data, not headers. */
function headerText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function isFilled(value: unknown): boolean {
  return cellText(value) !== "";
}

function exactKey(normalized: string): HeaderKey | undefined {
  return HEADER_NAMES.find((n) => n.name === normalized)?.key;
}

function containedKey(normalized: string): HeaderKey | undefined {
  if (NEXT_DATE_HEADER.test(normalized)) return "nextDate";
  return HEADER_NAMES.find((n) => n.containable && normalized.includes(n.name))?.key;
}

/**
 * THE RULE for "the follow-up date" headers (跟进时间, 跟进日期, 回访时间, 回访日期, Follow-up date, Follow-up time),
 * taken left to right (`ambiguous`, in column order): such a column is the NEXT follow-up date when a contact-date column stands to its left (a
 * contact-date header such as 日期, 联系时间, Date, Contact date, Last contact, or an earlier follow-up-date header) and
 * the table names no next date of its own ("Date | Follow-up Date", "跟进时间 | 回访日期"); otherwise it is the CONTACT
 * date, when the table has none yet ("Follow-up date" alone, or before "Next follow-up date"). Anything else is left
 * alone. Returns the columns it made next dates (decided by context, to say so).
 */
function resolveFollowUpDates(ambiguous: readonly number[], byColumn: Map<number, ColumnKey>): number[] {
  const byContext: number[] = [];
  const columnOf = (key: ColumnKey) => [...byColumn].find(([, k]) => k === key)?.[0];
  for (const index of ambiguous) {
    const contactDate = columnOf("date");
    if (contactDate !== undefined && contactDate < index && columnOf("nextDate") === undefined) {
      byColumn.set(index, "nextDate");
      byContext.push(index);
    } else if (contactDate === undefined) {
      byColumn.set(index, "date");
    }
  }
  return byContext;
}

/**
 * Maps one row's cells to columns: exact names first, then headers containing a name; each key once, leftmost wins.
 * The follow-up-date headers of each pass are decided by context at the end of that pass, so an exact "跟进时间"
 * outranks a "创建时间" that merely contains 时间. Returns the mapping and the columns decided by context.
 */
function mapRow(row: readonly unknown[]): { byColumn: Map<number, ColumnKey>; byContext: Set<number> } {
  const normalized = row.map((cell) => normalizeHeader(headerText(cell)));
  const byColumn = new Map<number, ColumnKey>();
  const byContext = new Set<number>();
  const seen = new Set<number>();
  for (const match of [exactKey, containedKey]) {
    const ambiguous: number[] = [];
    normalized.forEach((text, index) => {
      if (text === "" || seen.has(index)) return;
      const key = match(text);
      if (key === "followUpDate") ambiguous.push(index);
      else if (key && ![...byColumn.values()].includes(key)) byColumn.set(index, key);
      else return;
      seen.add(index);
    });
    for (const index of resolveFollowUpDates(ambiguous, byColumn)) byContext.add(index);
  }
  return { byColumn, byContext };
}

function lastFilledColumn(row: readonly unknown[]): number {
  for (let index = row.length - 1; index >= 0; index--) if (isFilled(row[index])) return index + 1;
  return 0;
}

/** How many rows from the top of a sheet the header is looked for in. */
export const HEADER_SCAN_ROWS = 30;

/**
 * The header row of the team's table in the top `maxScanRows` rows and its columns, or null when there is none.
 * `values` may stop below those rows: `withCellsBelow` then adds what the rows under them hold past the columns used.
 */
export function detectTable(
  values: readonly (readonly unknown[])[],
  maxScanRows = HEADER_SCAN_ROWS,
): DetectedTable | null {
  let index = -1;
  let mapping = new Map<number, ColumnKey>();
  let byContext = new Set<number>();
  const scanned = Math.min(values.length, maxScanRows);
  for (let candidate = 0; candidate < scanned; candidate++) {
    const candidateMapping = mapRow(values[candidate]);
    const hasCustomer = [...candidateMapping.byColumn.values()].includes("customer");
    if (candidateMapping.byColumn.size >= 2 && hasCustomer && candidateMapping.byColumn.size > mapping.size) {
      index = candidate;
      mapping = candidateMapping.byColumn;
      byContext = candidateMapping.byContext;
    }
  }
  if (index < 0) return null;
  const header = values[index];
  const columns: ColumnPositions = {};
  const recognised: DetectedTable["recognised"] = [];
  const unrecognised: DetectedTable["unrecognised"] = [];
  header.forEach((cell, column) => {
    const key = mapping.get(column);
    if (key) {
      columns[key] = column + 1;
      recognised.push({
        key,
        column: column + 1,
        header: cellText(cell),
        ...(byContext.has(column) && { byContext: true }),
      });
    } else if (isFilled(cell)) {
      unrecognised.push({ column: column + 1, header: cellText(cell) });
    }
  });
  const lastColumn = lastFilledColumn(header);
  let lastUsedColumn = lastColumn;
  for (let row = index; row < values.length; row++)
    lastUsedColumn = Math.max(lastUsedColumn, lastFilledColumn(values[row]));
  return { headerRow: index + 1, columns, recognised, unrecognised, lastColumn, lastUsedColumn };
}

/**
 * `table` as detected in the top rows of a sheet, with the last used column moved right when the rows below them hold
 * anything further right (`cells`: those rows, from sheet column `firstColumn`), as detectTable over every row would.
 */
export function withCellsBelow(
  table: DetectedTable,
  cells: readonly (readonly unknown[])[],
  firstColumn: number,
): DetectedTable {
  let lastUsedColumn = table.lastUsedColumn;
  for (const row of cells) {
    const filled = lastFilledColumn(row);
    if (filled > 0) lastUsedColumn = Math.max(lastUsedColumn, firstColumn - 1 + filled);
  }
  return { ...table, lastUsedColumn };
}

/** The adoption of a detected table: the needed columns it lacks, appended after its last column. */
export function planAdoption(table: DetectedTable): AdoptionPlan {
  const toAppend = missingColumns(table.columns);
  const firstAppendColumn = Math.max(table.lastColumn, table.lastUsedColumn) + 1;
  return { ...table, toAppend, firstAppendColumn };
}
