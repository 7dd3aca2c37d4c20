/** SPEC's one rule of due: what a done cell means, which rows a newer follow-up supersedes, and whether a row is open, overdue, due today or upcoming; every feature and the sheet's colouring formula ask this module. */

import type { Day } from "./dates";
import type { FollowUp, RowProblem } from "./follow-ups";
import { type Settings, stageKindOf } from "./settings";
import { sheetTrim } from "./text";

/** What a done cell says: done, not done, or something the add-on will not guess at (reported to the admin). */
export type DoneMark = "done" | "notDone" | "unknown";

/**
 * Done cell texts as Sheets' `TRIM(cell&"")` gives them, lower-cased (Sheets compares text case-insensitively), in
 * both languages: a ticked checkbox reads TRUE, 1 is done, 是 / 已完成 / Yes / Y / Done / ✓ √ mean done.
 */
export const DONE_TEXTS: readonly string[] = [
  "true",
  "1",
  "yes",
  "y",
  "done",
  "completed",
  "✓",
  "✔",
  "√",
  "☑",
  "是",
  "已完成",
  "完成",
  "已跟进",
];

/** Texts that mean not done (an unticked checkbox reads FALSE); an empty cell is not done too. */
export const NOT_DONE_TEXTS: readonly string[] = [
  "false",
  "0",
  "no",
  "n",
  "not done",
  "×",
  "✗",
  "✘",
  "☐",
  "否",
  "未完成",
  "未跟进",
];

const DONE = new Set(DONE_TEXTS);
const NOT_DONE = new Set(NOT_DONE_TEXTS);

/** A Date from `getValues()`, which comes from another JS realm, so `instanceof Date` would miss it. */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]" && !Number.isNaN((value as Date).getTime());
}

/** What a done cell means (SPEC "Done"); a Date in a done cell is not a mark anyone typed on purpose: unknown. */
export function doneMarkOf(value: unknown): DoneMark {
  if (isDateCell(value)) return "unknown";
  const text = sheetTrim(value).toLowerCase();
  if (text === "") return "notDone";
  if (DONE.has(text)) return "done";
  return NOT_DONE.has(text) ? "notDone" : "unknown";
}

/** Whether `a` was logged after `b`: later follow-up date, then later logged-at, then lower in the sheet. */
export function isNewer(a: FollowUp, b: FollowUp): boolean {
  const order: [number | null, number | null][] = [
    [a.date, b.date],
    [a.loggedAt, b.loggedAt],
    [a.row, b.row],
  ];
  for (const [x, y] of order) {
    if (x !== y) return (x ?? Number.NEGATIVE_INFINITY) > (y ?? Number.NEGATIVE_INFINITY);
  }
  return false;
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

/** Each customer's newest follow-up by customer key (rows without a customer left out). */
export function latestByCustomer(followUps: readonly FollowUp[]): Map<string, FollowUp> {
  const latest = new Map<string, FollowUp>();
  for (const followUp of followUps) {
    if (followUp.customerKey === "") continue;
    const current = latest.get(followUp.customerKey);
    if (!current || isNewer(followUp, current)) latest.set(followUp.customerKey, followUp);
  }
  return latest;
}

/** How a row stands today (the first that applies): closed stage, done mark, superseded, no next date, or open. */
export type RowState = "closed" | "done" | "superseded" | "noNextDate" | "open";

/** Where an open row's next date falls. */
export type Due = "overdue" | "dueToday" | "upcoming" | "later";

/** The table as the rule sees it: each customer's current row and the rows a newer follow-up supersedes. */
export interface Agenda {
  readonly settings: Settings;
  /** SPEC "current state of a customer": its latest row, by customer key (the row as read, unstamped or not). */
  readonly latest: ReadonlyMap<string, FollowUp>;
  /** Rows of customers with a newer follow-up. */
  readonly superseded: ReadonlySet<number>;
}

/**
 * The agenda of the whole table. Unstamped rows (typed by hand, not yet synced) count as the newest, as they will
 * be once Sync stamps them; rows whose logged-at cell holds text count as logged before every stamp.
 */
export function agendaOf(
  followUps: readonly FollowUp[],
  problems: readonly RowProblem[],
  settings: Settings,
  now = Number.POSITIVE_INFINITY,
): Agenda {
  const byRow = new Map(followUps.map((f) => [f.row, f]));
  const latestOrdered = latestByCustomer(asSyncOrders(followUps, problems, now));
  const latest = new Map([...latestOrdered].map(([key, f]) => [key, byRow.get(f.row) as FollowUp]));
  const superseded = new Set(
    followUps.filter((f) => f.customerKey !== "" && latestOrdered.get(f.customerKey)?.row !== f.row).map((f) => f.row),
  );
  return { settings, latest, superseded };
}

/**
 * The state of one row (SPEC: open = has a next date, is not done, its stage is not won/lost, not superseded). The
 * next date is SPEC's, as ./follow-ups reads it: the next-date cell's, else (that cell empty) a date in the next step.
 */
export function stateOf(agenda: Agenda, followUp: FollowUp): RowState {
  const kind = stageKindOf(agenda.settings, followUp.stage);
  if (kind === "won" || kind === "lost") return "closed";
  if (followUp.done) return "done";
  if (agenda.superseded.has(followUp.row)) return "superseded";
  return followUp.nextDate === null ? "noNextDate" : "open";
}

/**
 * Rows no next date reaches (SPEC "next date": none in the cell, the next step or the cadence) while they are not
 * closed, done or superseded: nobody would be reminded of them. A next-date cell that holds no date is reported as
 * such already, so its row is left out here.
 */
export function missingNextDates(
  agenda: Agenda,
  followUps: readonly FollowUp[],
  problems: readonly RowProblem[],
): RowProblem[] {
  const unreadable = new Set(
    problems.filter((p) => p.column === "nextDate" && p.kind === "notADate").map((p) => p.row),
  );
  return followUps
    .filter((f) => stateOf(agenda, f) === "noNextDate" && !unreadable.has(f.row))
    .map((f) => ({ row: f.row, column: "nextDate", kind: "missingNextDate", value: "" }));
}

/** Open: it is on someone's list. */
export function isOpen(agenda: Agenda, followUp: FollowUp): boolean {
  return stateOf(agenda, followUp) === "open";
}

/**
 * Where an open row stands on `today` (the spreadsheet's day): overdue before today, due today, upcoming within the
 * Settings window, later beyond it; null for a row that is not open.
 */
export function dueOf(agenda: Agenda, followUp: FollowUp, today: Day): Due | null {
  if (!isOpen(agenda, followUp)) return null;
  const next = followUp.nextDate as Day;
  if (next < today) return "overdue";
  if (next === today) return "dueToday";
  return next <= today + agenda.settings.upcomingDays ? "upcoming" : "later";
}
