/** What a sync writes to the Follow-ups sheet (ids, logged-at stamps, done ticks) and which cells it leaves to a person. */

import { type FollowUp, isOpen, latestByCustomer, type RowProblem } from "./follow-ups";
import { type Settings, stageKindOf } from "./settings";
import { memberByEmail, memberByName, type TeamMember } from "./team";

export interface SyncPlan {
  /** Ids for rows without one (or whose id an earlier row already has). */
  ids: { row: number; id: string }[];
  /** Logged-at stamps for rows without one. */
  loggedAt: { row: number; at: number }[];
  /** Rows whose "next step done" box to tick: open, and the customer has a newer follow-up. */
  done: number[];
  /** Everything a person has to look at, by row. */
  problems: RowProblem[];
  /** The number of the next id to hand out after this plan. */
  nextIdNumber: number;
}

export interface SyncInput {
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

/** New ids for rows without one, in row order; a row repeating an earlier row's id (a copied row) gets a new one. */
function planIds(rows: readonly FollowUp[], firstNumber: number): { ids: SyncPlan["ids"]; nextIdNumber: number } {
  const inUse = new Set(rows.map((f) => f.id.trim().toUpperCase()));
  const kept = new Set<string>();
  const ids: SyncPlan["ids"] = [];
  let next = firstNumber;
  for (const { row, id } of rows) {
    const key = id.trim().toUpperCase();
    if (key !== "" && !kept.has(key)) {
      kept.add(key);
      continue;
    }
    while (inUse.has(followUpId(next))) next++;
    inUse.add(followUpId(next));
    ids.push({ row, id: followUpId(next++) });
  }
  return { ids, nextIdNumber: next };
}

/** The cells a person has to fix that need Settings and Team to be seen: missing or unknown stages, unknown owners, missing next dates. */
function lookupProblems(rows: readonly FollowUp[], input: SyncInput, superseded: Set<number>): RowProblem[] {
  const problems: RowProblem[] = [];
  // A next date that is not a date is reported once, as such, not again as a missing next date.
  const unreadableNextDate = new Set(
    input.problems.filter((p) => p.column === "nextDate" && p.kind === "notADate").map((p) => p.row),
  );
  for (const f of rows) {
    const kind = stageKindOf(input.settings, f.stage);
    if (f.stage === "") problems.push({ row: f.row, column: "stage", kind: "missingStage", value: "" });
    else if (kind === null) problems.push({ row: f.row, column: "stage", kind: "unknownStage", value: f.stage });
    if (f.owner !== "" && !memberByName(input.team, f.owner) && !memberByEmail(input.team, f.owner)) {
      problems.push({ row: f.row, column: "owner", kind: "unknownOwner", value: f.owner });
    }
    const closed = kind === "won" || kind === "lost";
    if (f.nextDate === null && !f.done && !closed && !superseded.has(f.row) && !unreadableNextDate.has(f.row)) {
      problems.push({ row: f.row, column: "nextDate", kind: "missingNextDate", value: "" });
    }
  }
  return problems;
}

/**
 * The rows in sheet order as Sync stamps them: a row without a logged-at time (unless its cell holds text, which
 * Sync leaves alone) counts as logged at `now`. With the default, an infinite `now`, unstamped rows order after
 * every stamp already in the sheet, as they will once Sync has run.
 */
export function asSyncOrders(
  followUps: readonly FollowUp[],
  problems: readonly RowProblem[] = [],
  now = Number.POSITIVE_INFINITY,
): FollowUp[] {
  const unstampable = new Set(
    problems.filter((p) => p.column === "loggedAt" && p.kind === "notADate").map((p) => p.row),
  );
  return [...followUps]
    .sort((a, b) => a.row - b.row)
    .map((f) => (f.loggedAt === null && !unstampable.has(f.row) ? { ...f, loggedAt: now } : f));
}

/** Rows of `rows` that a newer follow-up of the same customer supersedes. */
function supersededIn(rows: readonly FollowUp[]): Set<number> {
  const latest = latestByCustomer([...rows]);
  return new Set(rows.filter((f) => f.customerKey !== "" && latest.get(f.customerKey) !== f).map((f) => f.row));
}

/** The rows Sync ticks done, or would: superseded (as Sync orders rows) and still open. */
export function rowsSyncTicks(
  followUps: readonly FollowUp[],
  problems: readonly RowProblem[],
  settings: Settings,
): Set<number> {
  const rows = asSyncOrders(followUps, problems);
  const superseded = supersededIn(rows);
  return new Set(rows.filter((f) => superseded.has(f.row) && isOpen(f, settings)).map((f) => f.row));
}

/**
 * The writes that bring the Follow-ups sheet up to date, and its problems. Applying the plan and planning again gives
 * an empty plan: ids and stamps are only written where missing, and done ticks only go on open rows.
 */
export function planSync(input: SyncInput): SyncPlan {
  const unstamped = new Set(input.followUps.filter((f) => f.loggedAt === null).map((f) => f.row));
  const rows = asSyncOrders(input.followUps, input.problems, input.now);
  const loggedAt = rows
    .filter((f) => unstamped.has(f.row) && f.loggedAt !== null)
    .map((f) => ({ row: f.row, at: input.now }));
  const { ids, nextIdNumber } = planIds(rows, input.nextIdNumber);
  const superseded = supersededIn(rows);
  const done = rows.filter((f) => superseded.has(f.row) && isOpen(f, input.settings)).map((f) => f.row);
  const problems = [...input.problems, ...lookupProblems(rows, input, superseded)].sort((a, b) => a.row - b.row);
  return { ids, loggedAt, done, problems, nextIdNumber };
}
