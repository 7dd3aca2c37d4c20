/** Finds a team's existing follow-up table in a sheet's values: its header row, which column is which, and what to append. */

import { COLUMNS, type ColumnKey, type ColumnPositions, missingColumns } from "./columns";
import { cellText, normalizeHeader } from "./text";

export interface DetectedTable {
  /** 1-based sheet row of the header. */
  headerRow: number;
  columns: ColumnPositions;
  recognised: { key: ColumnKey; column: number; header: string }[];
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

interface HeaderName {
  readonly key: ColumnKey;
  readonly name: string;
  /** Long enough to be found inside a longer header ("跟进内容摘要" holds "跟进内容"). */
  readonly containable: boolean;
}

function isContainable(name: string): boolean {
  return (name.match(/[\u4e00-\u9fff]/g) ?? []).length >= 2 || (name.match(/[a-z]/g) ?? []).length >= 4;
}

/**
 * Every header text and alias of the team's columns, normalised, longest first so containment prefers the most
 * specific name. The add-on's own columns (ids, stamps) are never matched: a team's "ID" column stays the team's.
 */
const HEADER_NAMES: readonly HeaderName[] = COLUMNS.filter((spec) => spec.owner === "team")
  .flatMap((spec) =>
    [spec.header.zh, spec.header.en, ...spec.aliases].map((text) => {
      const name = normalizeHeader(text);
      return { key: spec.key, name, containable: isContainable(name) };
    }),
  )
  .sort((a, b) => b.name.length - a.name.length);

/** The text of a cell that can be a header: numbers, dates and booleans are data, not headers. */
function headerText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function isFilled(value: unknown): boolean {
  return cellText(value) !== "";
}

function exactKey(normalized: string): ColumnKey | undefined {
  return HEADER_NAMES.find((n) => n.name === normalized)?.key;
}

function containedKey(normalized: string): ColumnKey | undefined {
  return HEADER_NAMES.find((n) => n.containable && normalized.includes(n.name))?.key;
}

/** Maps one row's cells to columns: exact names first, then headers containing a name; each key once, leftmost wins. */
function mapRow(row: readonly unknown[]): Map<number, ColumnKey> {
  const normalized = row.map((cell) => normalizeHeader(headerText(cell)));
  const byColumn = new Map<number, ColumnKey>();
  const taken = new Set<ColumnKey>();
  for (const match of [exactKey, containedKey]) {
    normalized.forEach((text, index) => {
      if (text === "" || byColumn.has(index)) return;
      const key = match(text);
      if (key && !taken.has(key)) {
        byColumn.set(index, key);
        taken.add(key);
      }
    });
  }
  return byColumn;
}

function lastFilledColumn(row: readonly unknown[]): number {
  for (let index = row.length - 1; index >= 0; index--) if (isFilled(row[index])) return index + 1;
  return 0;
}

/** The header row of the team's table in the top `maxScanRows` rows and its columns, or null when there is none. */
export function detectTable(values: readonly (readonly unknown[])[], maxScanRows = 30): DetectedTable | null {
  let index = -1;
  let mapping = new Map<number, ColumnKey>();
  const scanned = Math.min(values.length, maxScanRows);
  for (let candidate = 0; candidate < scanned; candidate++) {
    const candidateMapping = mapRow(values[candidate]);
    const hasCustomer = [...candidateMapping.values()].includes("customer");
    if (candidateMapping.size >= 2 && hasCustomer && candidateMapping.size > mapping.size) {
      index = candidate;
      mapping = candidateMapping;
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
      recognised.push({ key, column: column + 1, header: cellText(cell) });
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

/** The adoption of a detected table: the needed columns it lacks, appended after its last column. */
export function planAdoption(table: DetectedTable): AdoptionPlan {
  const toAppend = missingColumns(table.columns);
  const firstAppendColumn = Math.max(table.lastColumn, table.lastUsedColumn) + 1;
  return { ...table, toAppend, firstAppendColumn };
}
