/** Sync & repair: ids and logged-at times for hand-typed rows, superseded rows marked done, rules re-applied; cells it cannot read are reported, never changed. */

import { readFollowUps } from "../core/follow-ups";
import { highestIdNumber, planSync, type SyncPlan } from "../core/sync-plan";
import { saveRegistry } from "./registry";
import type { Table } from "./table";
import { applyRowColouring, applyValidation } from "./table-rules";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a sync did. */
export interface SyncOutcome {
  plan: SyncPlan;
  followUps: number;
}

/**
 * Reads the table in one call, plans in memory, and writes at most one block per add-on column (id,
 * logged-at, done): the number of service calls does not depend on the number of rows. Run it under the
 * document lock. Idempotent: a second run finds nothing to change.
 */
export function syncTable(table: Table, now: number): SyncOutcome {
  const { followUps: sheet, positions, registry } = table;
  const firstRow = registry.headerRow + 1;
  const lastRow = sheet.getLastRow();
  const width = Math.max(sheet.getLastColumn(), ...Object.values(positions));
  const values = lastRow >= firstRow ? sheet.getRange(firstRow, 1, lastRow - firstRow + 1, width).getValues() : [];
  const read = readFollowUps(values, firstRow, positions, table.timeZone);
  const plan = planSync({
    followUps: read.followUps,
    problems: read.problems,
    settings: table.settings,
    team: table.members,
    now,
    nextIdNumber: Math.max(registry.nextId, highestIdNumber(read.followUps) + 1),
  });
  writeColumn(
    sheet,
    values,
    firstRow,
    positions.id,
    plan.ids.map((c) => [c.row, c.id]),
  );
  writeColumn(
    sheet,
    values,
    firstRow,
    positions.loggedAt,
    plan.loggedAt.map((c) => [c.row, new Date(c.at)]),
  );
  writeColumn(
    sheet,
    values,
    firstRow,
    positions.done,
    plan.done.map((row) => [row, true]),
  );
  if (plan.nextIdNumber !== registry.nextId) {
    registry.nextId = plan.nextIdNumber;
    saveRegistry(registry);
  }
  applyValidation(table);
  applyRowColouring(table);
  return { plan, followUps: read.followUps.length };
}

/**
 * Writes the changed cells of one column as one block spanning the first to the last changed row; the
 * cells in between get back the values just read, so nothing else changes.
 */
function writeColumn(
  sheet: Sheet,
  values: readonly (readonly unknown[])[],
  firstRow: number,
  column: number | undefined,
  changes: readonly [number, unknown][],
): void {
  if (column === undefined || changes.length === 0) return;
  const top = changes.reduce((min, [row]) => Math.min(min, row), Number.POSITIVE_INFINITY);
  const bottom = changes.reduce((max, [row]) => Math.max(max, row), 0);
  const block: unknown[][] = Array.from({ length: bottom - top + 1 }, (_, i) => [
    values[top - firstRow + i]?.[column - 1] ?? "",
  ]);
  for (const [row, value] of changes) block[row - top] = [value];
  sheet.getRange(top, column, block.length, 1).setValues(block);
}
