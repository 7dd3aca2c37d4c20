/** Calendar days as plain integers, and the bridge between instants and days in an IANA time zone. */

/** A calendar day: days since 1970-01-01 (day 0). */
export type Day = number;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const MAX_CACHED_DAYS = 20_000;

interface ZoneClock {
  readonly format: Intl.DateTimeFormat;
  /** The zone's offset at the start of each UTC day asked about, by day. */
  readonly offsetAtMidnight: Map<number, number>;
}

const clocks = new Map<string, ZoneClock>();

function clockOf(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clock = { format, offsetAtMidnight: new Map() };
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** How far the zone's wall clock is ahead of UTC at `instantMs` (whole seconds), asking Intl. */
function measuredOffset(clock: ZoneClock, instantMs: number): number {
  const second = Math.floor(instantMs / 1000) * 1000;
  const part: Record<string, number> = {};
  for (const { type, value } of clock.format.formatToParts(second)) part[type] = Number(value);
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - second;
}

function offsetAtMidnight(clock: ZoneClock, utcDay: number): number {
  let offset = clock.offsetAtMidnight.get(utcDay);
  if (offset === undefined) {
    if (clock.offsetAtMidnight.size >= MAX_CACHED_DAYS) clock.offsetAtMidnight.clear();
    offset = measuredOffset(clock, utcDay * DAY_MS);
    clock.offsetAtMidnight.set(utcDay, offset);
  }
  return offset;
}

/**
 * How far the zone's wall clock is ahead of UTC at `instantMs`, in ms. A UTC day that starts and ends on the same
 * offset has no change of offset inside it (zones change at most twice a year), so Intl is asked twice per day, not per call.
 */
function offsetAt(instantMs: number, timeZone: string): number {
  const clock = clockOf(timeZone);
  const utcDay = Math.floor(instantMs / DAY_MS);
  const atStart = offsetAtMidnight(clock, utcDay);
  return atStart === offsetAtMidnight(clock, utcDay + 1) ? atStart : measuredOffset(clock, instantMs);
}

/** The calendar day of an instant in an IANA time zone ("Asia/Shanghai", "America/New_York" …). */
export function dayInZone(instantMs: number, timeZone: string): Day {
  return Math.floor((instantMs + offsetAt(instantMs, timeZone)) / DAY_MS);
}

/** The day of a date given as year, month (1–12) and day of month. */
export function dayFromYmd(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Year, month (1–12) and day of month of a day. */
export function ymdOfDay(day: Day): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The day as "2026-11-27". */
export function isoOfDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week, Monday = 1 … Sunday = 7 (day 0, 1970-01-01, was a Thursday). */
export function weekdayOfDay(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week containing `day`. */
export function mondayOf(day: Day): Day {
  return day - (weekdayOfDay(day) - 1);
}

/**
 * The instant (epoch ms) when the zone's clocks show `hour:minute` on `day`. A time skipped by a daylight-saving jump
 * lands after the jump (02:30 → 03:30); a time that happens twice gives the earlier instant.
 */
export function instantOfLocalTime(day: Day, hour: number, minute: number, timeZone: string): number {
  const wall = day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS;
  const offsetBefore = offsetAt(wall - 14 * HOUR_MS, timeZone);
  const offsetAfter = offsetAt(wall + 14 * HOUR_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => wall - offsetAt(instant, timeZone) === instant,
  );
  return candidates.length > 0 ? Math.min(...candidates) : wall - offsetBefore;
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) of an instant on the wall clock of an IANA zone. */
export function hourInZone(instantMs: number, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(instantMs));
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as "2026-11-27 09:05" on the wall clock of an IANA zone. */
export function localTimeText(instantMs: number, timeZone: string): string {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "numeric", hourCycle: "h23" });
    minuteFormats.set(timeZone, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(instantMs)) part[type] = value;
  return `${isoOfDay(dayInZone(instantMs, timeZone))} ${part.hour.padStart(2, "0")}:${part.minute.padStart(2, "0")}`;
}
