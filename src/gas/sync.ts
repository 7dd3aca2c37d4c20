/** Sync & repair: ids and logged-at times for hand-typed rows, superseded rows marked done, rules re-applied; cells it cannot read are reported, never changed. */

import { highestIdNumber, planSync, type SyncPlan } from "../core/sync-plan";
import { saveRegistry } from "./registry";
import type { Table } from "./table";
import { readRows, writeColumnChanges } from "./table-rows";
import { applyRowColouring, applyValidation } from "./table-rules";

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
  const { positions, registry } = table;
  const rows = readRows(table);
  const plan = planSync({
    followUps: rows.followUps,
    problems: rows.problems,
    settings: table.settings,
    team: table.members,
    now,
    nextIdNumber: Math.max(registry.nextId, highestIdNumber(rows.followUps) + 1),
  });
  writeColumnChanges(
    table,
    rows,
    positions.id,
    plan.ids.map((c) => [c.row, c.id]),
  );
  writeColumnChanges(
    table,
    rows,
    positions.loggedAt,
    plan.loggedAt.map((c) => [c.row, new Date(c.at)]),
  );
  writeColumnChanges(
    table,
    rows,
    positions.done,
    plan.done.map((row) => [row, true]),
  );
  if (plan.nextIdNumber !== registry.nextId) {
    registry.nextId = plan.nextIdNumber;
    saveRegistry(table.spreadsheet, registry);
  }
  applyValidation(table);
  applyRowColouring(table);
  return { plan, followUps: rows.followUps.length };
}
