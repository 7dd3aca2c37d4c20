/** The pure schedule of time-driven triggers: when each enabled clock trigger of a TriggerTable fires, and the event object it receives. */

import { AuthMode } from "./script-app";
import { instantToWall, wallToInstant } from "./time-zone";
import { type ClockRule, type TriggerRecord, type TriggerTable, WEEK_DAY_NAMES } from "./trigger-table";

/**
 * The event object of a time-driven trigger (developers.google.com/apps-script/guides/triggers/events#time-driven_events):
 * the firing instant broken down in UTC, "day-of-week" from 1 (Monday) to 7 (Sunday).
 */
export interface TimeDrivenEvent {
  authMode: typeof AuthMode.FULL;
  "day-of-month": number;
  "day-of-week": number;
  hour: number;
  minute: number;
  month: number;
  second: number;
  timezone: "UTC";
  triggerUid: string;
  "week-of-year": number;
  year: number;
}

/** One firing of a trigger. */
export interface Firing {
  at: number;
  trigger: TriggerRecord;
  event: TimeDrivenEvent;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A one-shot trigger whose time has already passed when it is created fires this long after creation [UNCONFIRMED]. */
const LATE_ONE_SHOT_DELAY = MINUTE;

/**
 * The firings of the table's enabled time-driven triggers in (fromMs, toMs], sorted by time (then creation order).
 * Apps Script's timing, reproduced deterministically: a recurring trigger fires at a pseudo-random minute that is
 * stable per trigger id; atHour(h) fires within hour h of the trigger's zone (inTimezone, else the script's zone,
 * fixed at creation); nearMinute(m) fires within ±15 min of m; nothing fires at or before the trigger's creation.
 * Across a DST change the local hour is kept (a time in the skipped hour moves by the gap).
 */
export function nextFirings(table: TriggerTable, fromMs: number, toMs: number): Firing[] {
  const firings: Firing[] = [];
  for (const trigger of table.list()) {
    if (!trigger.enabled || !trigger.clock) continue;
    for (const at of firingTimes(trigger.clock, trigger, fromMs, toMs)) {
      if (at > fromMs && at <= toMs && at > trigger.createdAt) {
        firings.push({ at, trigger, event: timeDrivenEvent(at, trigger.uniqueId) });
      }
    }
  }
  return firings.sort((a, b) => a.at - b.at);
}

/** The event object of a firing at `at` (exported for the runtime's "run this trigger now"). */
export function timeDrivenEvent(at: number, triggerUid: string): TimeDrivenEvent {
  const date = new Date(at);
  return {
    authMode: AuthMode.FULL,
    "day-of-month": date.getUTCDate(),
    "day-of-week": ((date.getUTCDay() + 6) % 7) + 1,
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    month: date.getUTCMonth() + 1,
    second: date.getUTCSeconds(),
    timezone: "UTC",
    triggerUid,
    "week-of-year": isoWeek(date),
    year: date.getUTCFullYear(),
  };
}

/** Candidate firing times around the window (the caller filters to the window). */
function firingTimes(rule: ClockRule, trigger: TriggerRecord, fromMs: number, toMs: number): number[] {
  const id = trigger.uniqueId;
  switch (rule.kind) {
    case "once":
      return [rule.at > trigger.createdAt ? rule.at : trigger.createdAt + LATE_ONE_SHOT_DELAY];
    case "minutes": {
      const period = rule.every * MINUTE;
      const phase = (stableHash(id, "phase") % rule.every) * MINUTE;
      return steps(fromMs - phase, toMs - phase, period).map((t) => t + phase);
    }
    case "hours": {
      const offset = minuteOffset(id, rule.nearMinute) * MINUTE;
      const phase = stableHash(id, "phase") % rule.every;
      return steps(fromMs - offset - HOUR, toMs - offset, HOUR)
        .filter((t) => mod(t / HOUR - phase, rule.every) === 0)
        .map((t) => t + offset);
    }
    default:
      return dailyFirings(rule, trigger, fromMs, toMs);
  }
}

type CalendarRule = Extract<ClockRule, { timeZone: string }>;

/** Rules read on the calendar of the trigger's zone: one firing on each matching local day. */
function dailyFirings(rule: CalendarRule, trigger: TriggerRecord, fromMs: number, toMs: number): number[] {
  const id = trigger.uniqueId;
  const zone = rule.timeZone;
  const createdDay = localDayNumber(trigger.createdAt, zone);
  const hour = rule.hour ?? (rule.kind === "onDate" && rule.nearMinute === null ? 0 : stableHash(id, "hour") % 24);
  const minutes =
    rule.kind === "onDate" && rule.hour === null && rule.nearMinute === null
      ? jitter(id) // "near midnight (+/- 15 minutes)"
      : minuteOffset(id, rule.nearMinute);
  const times: number[] = [];
  for (let day = localDayNumber(fromMs, zone) - 1; day <= localDayNumber(toMs, zone) + 1; day++) {
    if (!dayMatches(rule, day, createdDay)) continue;
    const start = wallToInstant(day * DAY + hour * HOUR, zone);
    times.push(start + minutes * MINUTE);
  }
  return times;
}

function dayMatches(rule: CalendarRule, day: number, createdDay: number): boolean {
  const date = new Date(day * DAY);
  switch (rule.kind) {
    case "days":
      return mod(day - createdDay, rule.every) === 0;
    case "weeks": {
      const weekDay = rule.weekDay === null ? weekDayOf(createdDay) : WEEK_DAY_NAMES.indexOf(rule.weekDay);
      return weekDayOf(day) === weekDay && mod(mondayWeek(day) - mondayWeek(createdDay), rule.every) === 0;
    }
    case "monthDay":
      return date.getUTCDate() === rule.day;
    case "onDate":
      return (
        date.getUTCFullYear() === rule.year && date.getUTCMonth() + 1 === rule.month && date.getUTCDate() === rule.day
      );
  }
}

/** 0 = Sunday for a day number (1970-01-01, day 0, was a Thursday). */
function weekDayOf(day: number): number {
  return mod(day + 4, 7);
}

/** Index of the Monday-started week containing the day. */
function mondayWeek(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The minute past the hour a trigger fires at: nearMinute ±15, else a stable pseudo-random minute. */
function minuteOffset(id: string, nearMinute: number | null): number {
  return nearMinute === null ? stableHash(id, "minute") % 60 : nearMinute + jitter(id);
}

/** A stable offset in [-15, 15] minutes. */
function jitter(id: string): number {
  return (stableHash(id, "jitter") % 31) - 15;
}

/** FNV-1a: a deterministic pseudo-random number per trigger id and purpose. */
function stableHash(id: string, purpose: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${id}:${purpose}`) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Multiples of `period` in [from, to]. */
function steps(from: number, to: number, period: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / period) * period; t <= to; t += period) out.push(t);
  return out;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** Days since 1970-01-01 of the instant's calendar date in the zone. */
function localDayNumber(ms: number, zone: string): number {
  return Math.floor(instantToWall(ms, zone) / DAY);
}

/** ISO 8601 week number of a UTC date. */
function isoWeek(date: Date): number {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / DAY / 7) + 1;
}
