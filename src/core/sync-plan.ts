/** What a sync writes to the Follow-ups sheet — only the add-on's own columns (ids, logged-at stamps, superseded marks) — and which cells it leaves to a person. */

import type { CellChange } from "./cell-writes";
import type { ColumnKey, ColumnPositions } from "./columns";
import { type Agenda, agendaOf, missingNextDates } from "./due";
import type { FollowUp, RowProblem } from "./follow-ups";
import { type Settings, stageKindOf } from "./settings";
import { isVagueStage } from "./stage-words";
import { ownerOf, type TeamMember } from "./team";

export interface SyncPlan {
  /** Cells to write, all in the add-on's own columns. */
  changes: CellChange[];
  /** How many of each the changes hold, for the report. */
  counts: { ids: number; loggedAt: number; superseded: number; unsuperseded: number };
  /** Everything a person has to look at, by row. */
  problems: RowProblem[];
  /** The number of the next id to hand out after this plan. */
  nextIdNumber: number;
}

/** The table as read: the data rows' cells (`values[0]` is sheet row `firstRow`) and where each column is. */
export interface TableCells {
  firstRow: number;
  values: readonly (readonly unknown[])[];
  positions: ColumnPositions;
}

export interface SyncInput {
  table: TableCells;
  followUps: FollowUp[];
  /** The problems `readFollowUps` found. */
  problems: RowProblem[];
  settings: Settings;
  team: TeamMember[];
  /** Epoch ms. */
  now: number;
  /** The number of the next id to hand out. */
  nextIdNumber: number;
}

const ID_PATTERN = /^FU-(\d+)$/i;

/** The id with number `n`: "FU-000123" (at least six digits). */
export function followUpId(n: number): string {
  return `FU-${String(n).padStart(6, "0")}`;
}

/** The largest N of the "FU-N" ids in use, 0 when there is none. */
export function highestIdNumber(followUps: readonly FollowUp[]): number {
  return followUps.reduce((highest, f) => {
    const match = ID_PATTERN.exec(f.id.trim());
    return match ? Math.max(highest, Number(match[1])) : highest;
  }, 0);
}

/** The cell of `key` in sheet row `row` as read ("" when the table lacks the column). */
export function cellAt(table: TableCells, row: number, key: ColumnKey): unknown {
  const column = table.positions[key];
  return column === undefined ? "" : (table.values[row - table.firstRow]?.[column - 1] ?? "");
}

/** A change of `key`'s cell in `row` to `after`, remembering what the cell held. */
export function changeOf(table: TableCells, row: number, key: ColumnKey, after: unknown): CellChange {
  return { row, column: table.positions[key] as number, before: cellAt(table, row, key), after };
}

/** New ids for rows without one, in row order; a row repeating an earlier row's id (a copied row) gets a new one. */
function planIds(input: SyncInput): { changes: CellChange[]; nextIdNumber: number } {
  const rows = [...input.followUps].sort((a, b) => a.row - b.row);
  const inUse = new Set(rows.map((f) => f.id.trim().toUpperCase()));
  const kept = new Set<string>();
  const changes: CellChange[] = [];
  let next = input.nextIdNumber;
  for (const { row, id } of rows) {
    const key = id.trim().toUpperCase();
    if (key !== "" && !kept.has(key)) {
      kept.add(key);
      continue;
    }
    while (inUse.has(followUpId(next))) next++;
    inUse.add(followUpId(next));
    changes.push(changeOf(input.table, row, "id", followUpId(next++)));
  }
  return { changes, nextIdNumber: next };
}

/** The cells a person has to fix that need Settings and Team to be seen: missing, vague or unknown stages, unknown owners, missing next dates. */
function lookupProblems(input: SyncInput, agenda: Agenda): RowProblem[] {
  const problems: RowProblem[] = [];
  // A next date that is not a date is reported once, as such, not again as a missing next date.
  for (const f of input.followUps) {
    const kind = stageKindOf(input.settings, f.stage);
    if (f.stage === "") problems.push({ row: f.row, column: "stage", kind: "missingStage", value: "" });
    else if (isVagueStage(f.stage)) problems.push({ row: f.row, column: "stage", kind: "vagueStage", value: f.stage });
    else if (kind === null) problems.push({ row: f.row, column: "stage", kind: "unknownStage", value: f.stage });
    const owner = ownerOf(input.team, f.owner);
    if ("problem" in owner && owner.problem !== "noOwner") {
      const kind = owner.problem === "ownerAmbiguous" ? "ambiguousOwner" : "unknownOwner";
      problems.push({ row: f.row, column: "owner", kind, value: f.owner });
    }
  }
  problems.push(...missingNextDates(agenda, input.followUps, input.problems));
  return problems;
}

/**
 * The writes that bring the add-on's columns up to date, and the table's problems. Ids and stamps are written only
 * where missing; the superseded mark is set or cleared wherever it differs from ./due's rule. Applying the plan and
 * planning again gives no changes. Nothing in a column the team owns is ever planned.
 */
export function planSync(input: SyncInput): SyncPlan {
  const { positions } = input.table;
  const ids = positions.id === undefined ? { changes: [], nextIdNumber: input.nextIdNumber } : planIds(input);
  const unstampable = new Set(
    input.problems.filter((p) => p.column === "loggedAt" && p.kind === "notADate").map((p) => p.row),
  );
  const loggedAt =
    positions.loggedAt === undefined
      ? []
      : input.followUps
          .filter((f) => f.loggedAt === null && !unstampable.has(f.row))
          .map((f) => changeOf(input.table, f.row, "loggedAt", new Date(input.now)));
  const agenda = agendaOf(input.followUps, input.problems, input.settings, input.now);
  const marks =
    positions.superseded === undefined
      ? []
      : input.followUps
          .filter((f) => agenda.superseded.has(f.row) !== f.supersededMark)
          .map((f) => changeOf(input.table, f.row, "superseded", agenda.superseded.has(f.row) ? true : ""));
  const problems = [...input.problems, ...lookupProblems(input, agenda)].sort((a, b) => a.row - b.row);
  return {
    changes: [...ids.changes, ...loggedAt, ...marks],
    counts: {
      ids: ids.changes.length,
      loggedAt: loggedAt.length,
      superseded: marks.filter((c) => c.after === true).length,
      unsuperseded: marks.filter((c) => c.after !== true).length,
    },
    problems,
    nextIdNumber: ids.nextIdNumber,
  };
}
