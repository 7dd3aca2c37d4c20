/** 公海 (the customer pool): when a customer goes stale, the warning its owner gets before, the customers an admin may release, who holds a released customer (the pool, or the rep who claimed it), and the Pool log's rows. */

import { translate, translator } from "../i18n/translate";
import { type Day, isoOfDay } from "./dates";
import { isDateCell } from "./due";
import type { FollowUp } from "./follow-ups";
import type { Language } from "./language";
import { type Settings, stageKindOf } from "./settings";
import { cellText } from "./text";

/** One line of the Pool log: a customer released to the pool by an admin, or claimed from it by a rep. */
export interface PoolEvent {
  kind: "released" | "claimed";
  /** Epoch ms. */
  at: number;
  customer: string;
  customerKey: string;
  /** Released: the owner it had. Claimed: the rep who claimed it (as the Team sheet names them). */
  owner: string;
  /** Who did it (their email). */
  by: string;
}

/** Who holds each customer the Pool log names: in the pool (released, not claimed since), or claimed by a rep. */
export interface Pool {
  /** Released customers nobody has claimed, by customer key: the release. */
  released: ReadonlyMap<string, PoolEvent>;
  /** Customers claimed from the pool, by customer key: the claim (the claimer holds it until a row says otherwise). */
  claimed: ReadonlyMap<string, PoolEvent>;
}

/** Whether a customer's open latest row is stale, or how many days it has before it is. */
export type Staleness = { stale: true; days: number } | { stale: false; daysLeft: number };

/**
 * SPEC "stale customer": its current stage is open (not won or lost; a stage Settings does not list counts as open, as
 * the due rule reads it) and its latest follow-up is `staleDays` or more days before today. Null for a closed
 * customer or a row without a follow-up date.
 */
export function stalenessOf(settings: Settings, latest: FollowUp, today: Day): Staleness | null {
  const kind = stageKindOf(settings, latest.stage);
  if (kind === "won" || kind === "lost" || latest.date === null) return null;
  const days = today - latest.date;
  return days >= settings.staleDays ? { stale: true, days } : { stale: false, daysLeft: settings.staleDays - days };
}

/** A customer's rows since `event`: a follow-up dated after its day or logged after it (the customer was worked on). */
function followedUpSince(latest: FollowUp, event: PoolEvent, timeZoneDay: (ms: number) => Day): boolean {
  return (latest.date ?? Number.NEGATIVE_INFINITY) > timeZoneDay(event.at) || (latest.loggedAt ?? 0) > event.at;
}

/**
 * Who holds each customer, from the Pool log (oldest first) and each customer's latest row: the last event of a
 * customer counts until a follow-up is logged after it (then the rows decide again, as for any customer).
 */
export function poolOf(
  events: readonly PoolEvent[],
  latest: ReadonlyMap<string, FollowUp>,
  timeZoneDay: (ms: number) => Day,
): Pool {
  const last = new Map<string, PoolEvent>();
  for (const event of events) last.set(event.customerKey, event);
  const released = new Map<string, PoolEvent>();
  const claimed = new Map<string, PoolEvent>();
  for (const [key, event] of last) {
    const row = latest.get(key);
    if (!row || followedUpSince(row, event, timeZoneDay)) continue;
    (event.kind === "released" ? released : claimed).set(key, event);
  }
  return { released, claimed };
}

/**
 * The owner a row's reminder goes to: the claimer of a claimed customer, nobody (null) for a customer in the pool
 * (admins see the pool), else the row's owner cell.
 */
export function reminderOwner(followUp: FollowUp, pool: Pool): string | null {
  if (pool.released.has(followUp.customerKey)) return null;
  return pool.claimed.get(followUp.customerKey)?.owner ?? followUp.owner;
}

/** A customer about to go stale, for its owner's digest. */
export interface GoingStale {
  row: number;
  customer: string;
  stage: string;
  owner: string;
  /** yyyy-mm-dd of the latest follow-up. */
  lastDate: string;
  /** Days until it is stale (1 … the warning days). */
  daysLeft: number;
}

/**
 * Customers whose latest follow-up will be `staleDays` old within the Settings warning days (none when that is 0),
 * not in the pool: their owners are told before, soonest first.
 */
export function goingStale(
  settings: Settings,
  latest: ReadonlyMap<string, FollowUp>,
  pool: Pool,
  today: Day,
): GoingStale[] {
  if (settings.staleWarningDays === 0) return [];
  return [...latest.values()]
    .flatMap((f): GoingStale[] => {
      const staleness = stalenessOf(settings, f, today);
      if (!staleness || staleness.stale || staleness.daysLeft > settings.staleWarningDays) return [];
      if (pool.released.has(f.customerKey)) return [];
      const owner = reminderOwner(f, pool) ?? "";
      return [
        {
          row: f.row,
          customer: f.customer,
          stage: f.stage,
          owner,
          lastDate: isoOfDay(f.date as Day),
          daysLeft: staleness.daysLeft,
        },
      ];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.row - b.row);
}

/**
 * Stale customers an admin may release to the pool, the longest-forgotten first: stale, not in the pool, and not
 * claimed in the last stale days (a claim gives its rep as long as a follow-up does; `timeZoneDay` gives its day).
 */
export function releasable(
  settings: Settings,
  latest: ReadonlyMap<string, FollowUp>,
  pool: Pool,
  today: Day,
  timeZoneDay: (ms: number) => Day,
): FollowUp[] {
  const claimedLately = (key: string) => {
    const claim = pool.claimed.get(key);
    return claim !== undefined && today - timeZoneDay(claim.at) < settings.staleDays;
  };
  return [...latest.values()]
    .filter(
      (f) =>
        stalenessOf(settings, f, today)?.stale === true &&
        !pool.released.has(f.customerKey) &&
        !claimedLately(f.customerKey),
    )
    .sort((a, b) => (a.date as Day) - (b.date as Day) || a.row - b.row);
}

/** The Pool log's header row in `language`. */
export function poolLogHeader(language: Language): string[] {
  const t = translator(language);
  return [
    t("pool.log.time"),
    t("pool.log.action"),
    t("pool.log.customer"),
    t("pool.log.customerKey"),
    t("pool.log.owner"),
    t("pool.log.by"),
  ];
}

/** An event as a Pool log row (the time as a Date; the action in `language`). */
export function poolLogRow(event: PoolEvent, language: Language): unknown[] {
  const action = translate(language, `pool.action.${event.kind}`);
  return [new Date(event.at), action, event.customer, event.customerKey, event.owner, event.by];
}

/** An action cell in either language → the event's kind. */
const KIND_BY_ACTION = new Map<string, PoolEvent["kind"]>(
  (["zh", "en"] as const).flatMap((language) =>
    (["released", "claimed"] as const).map((kind): [string, PoolEvent["kind"]] => [
      translate(language, `pool.action.${kind}`),
      kind,
    ]),
  ),
);

/** The events of the Pool log's rows below its header (either language; rows that are not events are skipped). */
export function poolEventsOf(rows: readonly (readonly unknown[])[]): PoolEvent[] {
  return rows.flatMap((cells): PoolEvent[] => {
    const [time, action, customer, customerKey, owner, by] = cells;
    const kind = KIND_BY_ACTION.get(cellText(action));
    if (!kind || !isDateCell(time) || cellText(customerKey) === "") return [];
    const event = { kind, at: time.getTime(), customer: cellText(customer), customerKey: cellText(customerKey) };
    return [{ ...event, owner: cellText(owner), by: cellText(by) }];
  });
}

/**
 * Customers' owners as the sidebar's warnings and a save see them (./customers' owners, by customer key): a customer
 * in the pool has none, so anyone may take it without a 撞单 warning; a claimed one is its claimer's.
 */
export function ownersWithPool(owners: ReadonlyMap<string, string>, pool: Pool): Map<string, string> {
  const seen = new Map(owners);
  for (const key of pool.released.keys()) seen.set(key, "");
  for (const [key, claim] of pool.claimed) seen.set(key, claim.owner);
  return seen;
}
