/** The weeks the review compares, as rows: follow-ups in the week, customers new, won and lost in it, the open pipeline at its end, and the customers going stale; the KPIs, the per-rep figures and the names lists all count these. */

import { type Day, mondayOf } from "./dates";
import { type Agenda, asSyncOrders, isNewer, latestByCustomer } from "./due";
import type { FollowUp } from "./follow-ups";
import { stalenessOf } from "./pool";
import { customerAmounts, type PipelineEntry, pipelineOf } from "./review-funnel";
import { type Settings, stageKindOf } from "./settings";

/** What every week of the review is counted from. */
export interface ReviewBasis {
  settings: Settings;
  /** Rows with a follow-up date and a customer, as ./due orders them (unstamped rows as logged now). */
  readable: FollowUp[];
  /** Each customer's first row. */
  first: Map<string, FollowUp>;
  /** Each customer's latest row (SPEC "current state of a customer", the agenda's), when it has a date. */
  latest: FollowUp[];
}

/** The basis of the review: rows without a date or a customer count nowhere (they are the review's unreadable rows). */
export function reviewBasis(followUps: readonly FollowUp[], agenda: Agenda): ReviewBasis {
  const readable = asSyncOrders(followUps.filter((f) => f.date !== null && f.customerKey !== ""));
  const first = new Map<string, FollowUp>();
  for (const f of readable) {
    const known = first.get(f.customerKey);
    if (!known || isNewer(known, f)) first.set(f.customerKey, f);
  }
  const latest = [...agenda.latest.values()].filter((f) => f.date !== null);
  return { settings: agenda.settings, readable, first, latest };
}

/** One Monday-to-Sunday week, by follow-up date. */
export interface ReviewWeek {
  /** The Monday. */
  monday: Day;
  /** Rows dated in the week. */
  followUps: FollowUp[];
  /** The first rows of the customers whose first follow-up falls in the week. */
  newCustomers: FollowUp[];
  /** The latest rows of the customers whose latest row has a won (lost) stage and is dated in the week. */
  won: FollowUp[];
  lost: FollowUp[];
  /** The open pipeline as it stood at the end of the Sunday (rows dated later left out). */
  pipeline: PipelineEntry[];
}

/** The week starting on `monday`. */
export function reviewWeek(basis: ReviewBasis, monday: Day): ReviewWeek {
  const inWeek = (f: FollowUp) => (f.date as Day) >= monday && (f.date as Day) <= monday + 6;
  const closed = (kind: "won" | "lost") =>
    basis.latest.filter((f) => inWeek(f) && stageKindOf(basis.settings, f.stage) === kind);
  const soFar = basis.readable.filter((f) => (f.date as Day) <= monday + 6);
  return {
    monday,
    followUps: basis.readable.filter(inWeek),
    newCustomers: [...basis.first.values()].filter(inWeek),
    won: closed("won"),
    lost: closed("lost"),
    pipeline: pipelineOf(latestByCustomer(soFar).values(), customerAmounts(soFar), basis.settings),
  };
}

/** The Monday of the last complete week before `today`'s week: the week the review is about. */
export function reviewedMonday(today: Day): Day {
  return mondayOf(today) - 7;
}

/**
 * Customers going stale (公海 candidates): the latest rows of customers whose current stage is not won or lost and
 * who have had no follow-up for the Settings stale days or more, the longest-forgotten first.
 */
export function staleCustomers(basis: ReviewBasis, today: Day): FollowUp[] {
  return basis.latest
    .filter((f) => stalenessOf(basis.settings, f, today)?.stale === true)
    .sort((a, b) => (a.date as Day) - (b.date as Day) || a.customer.localeCompare(b.customer));
}
