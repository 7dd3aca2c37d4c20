/** Turns the CSV's records into what a person would type into the sheet: dates as ISO text, the team's text kept as text, numbers and ticks where the column holds them. */

import { type ColumnKey, columnSpec } from "../../src/core/columns";
import type { DetectedTable } from "../../src/core/header-detection";
import { asLiteral } from "../../src/core/literal";
import { isoFromExported } from "./exported-dates";

const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;
const TICK = /^(true|false)$/i;

/** What to type for one data cell of a column of `key` (undefined: a column of the team's own). */
function typedCell(key: ColumnKey | undefined, text: string): unknown {
  if (text.trim() === "") return "";
  const kind = key === undefined ? "own" : columnSpec(key).kind;
  if (kind === "date" || kind === "timestamp") return isoFromExported(text) ?? asLiteral(text);
  if (kind === "done") return TICK.test(text.trim()) ? text.trim().toUpperCase() : asLiteral(text);
  if ((kind === "score" || kind === "own") && PLAIN_NUMBER.test(text.trim())) return text.trim();
  return asLiteral(text);
}

/**
 * The grid to type from A1: the rows above and at the header as text, then each data row cell by cell. Dates are
 * rewritten as ISO text (the same day in every locale); a date that cannot be read is typed as text, so the table
 * reports it instead of guessing.
 */
export function typedGrid(records: readonly (readonly string[])[], table: DetectedTable): unknown[][] {
  const keyAt = new Map<number, ColumnKey>(table.recognised.map((r) => [r.column - 1, r.key]));
  return records.map((record, index) =>
    index < table.headerRow ? record.map(asLiteral) : record.map((text, column) => typedCell(keyAt.get(column), text)),
  );
}

/** Whether a record holds nothing but blanks (the table skips such rows). */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.every((text) => text.trim() === "");
}
