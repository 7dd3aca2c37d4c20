/** Sync & repair: the add-on's own columns brought up to date (ids, logged-at stamps, superseded marks), missing ones added, rules re-applied; the team's cells are never written, and cells it cannot read are reported. */

import { type ColumnKey, missingColumns } from "../core/columns";
import { type Collision, handoversPresent, ownershipOf } from "../core/customers";
import { missingSettingCells } from "../core/settings-completion";
import { highestIdNumber, planSync, type SyncPlan } from "../core/sync-plan";
import { tagColumns, tagHeaderRow } from "./column-map";
import { rebuildIndex } from "./customer-index";
import { handoversOf, saveRegistry } from "./registry";
import type { Table } from "./table";
import { layOutColumns, positionsFrom } from "./table-layout";
import { readRows, rowsOfGrid, withChanges, writeChanges } from "./table-rows";
import { applyRowColouring, applyValidation } from "./table-rules";

/** What a sync did. */
export interface SyncOutcome {
  plan: SyncPlan;
  followUps: number;
  /** Columns the add-on was missing and appended (e.g. a table set up by an older version). */
  added: ColumnKey[];
  /** 撞单 typed into the sheet, for the report (the customers stay their owners'). */
  collisions: Collision[];
}

/**
 * Appends the needed columns the table lacks (its own data columns, or a needed column deleted by hand) after the
 * last used column, as adoption does, and records them as the add-on's. A fixed number of calls.
 */
function appendMissingColumns(table: Table): ColumnKey[] {
  const missing = missingColumns(table.positions);
  if (missing.length === 0) return [];
  const sheet = table.followUps;
  const first = Math.max(sheet.getLastColumn(), ...Object.values(table.positions)) + 1;
  const last = first + missing.length - 1;
  if (last > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), last - sheet.getMaxColumns());
  layOutColumns(sheet, table.headerRow, first, missing, table.language);
  table.positions = { ...table.positions, ...positionsFrom(first, missing) };
  tagColumns(table.spreadsheet, sheet, table.positions);
  table.createdColumns = new Set([...table.createdColumns, ...missing]);
  table.registry.createdColumns = [...table.createdColumns];
  return missing;
}

/**
 * Shows on an older Settings sheet what a new one shows (a row for reminder days, currency…; the stages' detail
 * columns), in the add-on's own sheet and only in empty cells. Best effort: Settings is protected for admins, and a
 * rep's Sync leaves it for an admin's; the settings in effect are the same either way.
 */
function completeSettings(table: Table): void {
  const sheet = table.settingsSheet;
  // Read again here, under the document lock, not reused from when the table was opened: an admin may have typed in
  // Settings since, and only the cells empty in this read are written.
  const cells = missingSettingCells(sheet.getDataRange().getValues(), table.settings, table.language);
  try {
    for (const cell of cells) sheet.getRange(cell.row, cell.column).setValue(cell.value);
  } catch (error) {
    console.warn(`Settings not completed: ${String(error)}`);
  }
}

/** What adoption hands to its first sync, read and decided under the same lock. */
export interface Adopted {
  /** The grid from the header row down that adoption read, so the table is read once. */
  read: readonly (readonly unknown[])[];
  /** Where the team's list columns get their dropdowns: below the rows typed before adoption (./table-rules). */
  dropdownsFrom: number;
}

/**
 * Reads the table in one call (or takes the grid `adopted` read), plans in memory, and writes only the changed cells
 * of the add-on's own columns (re-checked just before writing: when someone changed them meanwhile, nothing is
 * written and TableChangedError says so). The number of service calls does not depend on the number of rows. Run it under the document lock.
 * Idempotent: a second run finds nothing to change.
 */
export function syncTable(table: Table, now: number, adopted?: Adopted): SyncOutcome {
  const added = appendMissingColumns(table);
  if (!table.headerRowTagged) tagHeaderRow(table.spreadsheet, table.followUps, table.headerRow);
  const { positions, registry } = table;
  const rows = adopted ? rowsOfGrid(table, adopted.read) : readRows(table);
  const plan = planSync({
    table: { firstRow: rows.firstRow, values: rows.values, positions },
    followUps: rows.followUps,
    problems: rows.problems,
    settings: table.settings,
    team: table.members,
    now,
    nextIdNumber: Math.max(registry.nextId, highestIdNumber(rows.followUps) + 1),
  });
  writeChanges(table, rows, plan.changes);
  const handovers = handoversPresent([...handoversOf(registry)], rows.followUps);
  if (
    plan.nextIdNumber !== registry.nextId ||
    added.length > 0 ||
    registry.headerRow !== table.headerRow ||
    handovers.length !== handoversOf(registry).size
  ) {
    registry.nextId = plan.nextIdNumber;
    registry.headerRow = table.headerRow;
    if (registry.handovers) registry.handovers = handovers;
    saveRegistry(table.spreadsheet, registry);
  }
  // The index from the rows as now written (ids and stamps included), without reading the table again.
  rebuildIndex(table, withChanges(table, rows, plan.changes));
  applyValidation(table, adopted?.dropdownsFrom);
  applyRowColouring(table);
  completeSettings(table);
  const { collisions } = ownershipOf(rows.followUps, rows.problems, table.members, handoversOf(registry));
  return { plan, followUps: rows.followUps.length, added, collisions };
}
