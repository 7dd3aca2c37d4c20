/** Calendar days as plain integers, the bridge between instants and days in an IANA time zone, and dates as people type them. */

import type { Language } from "./language";

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

// Dates as people type them, in a date cell or inside a sentence ("6/12回访报价反馈"). Each step is a regular expression
// in the syntax JavaScript and Sheets' REGEX functions (RE2) share, so ./overdue-rules spells the same steps for the
// sheet's colouring formula and the sheet reads a typed date exactly as the reminders do.

/** One step of reading a typed date: every match of `pattern` replaced by `replacement` ($1 … for its groups). */
export interface TextStep {
  readonly pattern: string;
  readonly replacement: string;
}

/** Where a typed date is looked for: a whole cell, or the first date inside a sentence. */
export type TypedDatePlace = "cell" | "sentence";

/** Marks the date a step found, ahead of its digits. */
const MARK = "§";
const MONTH = "(?:1[0-2]|0?[1-9])";
const DAY_OF_MONTH = "(?:[012]?[1-9]|[123]0|31)";

/**
 * The date forms (no capture group): a 4-digit year first (2024-06-03, 2024/6/3, 2024.6.3, 2024年6月3日); in zh a
 * 2-digit year first (24/6/3), in en month first with the year last (6/3/2024, 6/3/24); no year (6月3日, 6/12, 6-12,
 * 6.12). Years are 2000–2099. In a sentence "-" and "." have become "~" (`TYPED_DATE.sentenceDashes`), which only the
 * 4-digit-year form accepts: "3-5天" and "1.5万" hold no date there.
 */
export function dateForms(order: Language): string {
  const yearFirst = `20\\d{2}[-/.~年]${MONTH}[-/.~月]${DAY_OF_MONTH}`;
  const short =
    order === "zh" ? `\\d{2}[-/.]${MONTH}[-/.]${DAY_OF_MONTH}` : `${MONTH}[-/.]${DAY_OF_MONTH}[-/.](?:20)?\\d{2}`;
  return `${yearFirst}|${short}|${MONTH}[-/.月]${DAY_OF_MONTH}`;
}

/** The parts of reading a typed date that do not depend on the order of its numbers. */
export const TYPED_DATE = {
  /** A sentence's dashes and points first become "~". */
  sentenceDashes: { pattern: "[-.]", replacement: "~" } as TextStep,
  /** Around the date forms, capturing the date: a cell holding the date alone (日 or 号 after it, spaces around). */
  cell: { before: "^ *(", after: ")[日号]? *$" },
  /** Around the date forms, capturing the first date with no digit just before or after it in a sentence. */
  sentence: { before: "^[\\s\\S]*?(?:^|[^0-9])(", after: ")(?:[^0-9][\\s\\S]*)?$" },
  /** What the found date is replaced with: the mark, then the date as typed. */
  found: `${MARK}$1`,
  /** A full date after the steps: §yyyymmdd (group 1: the digits). */
  fullDate: `^${MARK}(20\\d{6})$`,
  /** A date without a year after the steps: §mmdd. */
  yearlessDate: `^${MARK}(\\d{4})$`,
} as const;

/**
 * The steps from a found date (§ and the date as typed) to §yyyymmdd, or §mmdd without a year: separators become |,
 * en's month/day/year turns year first, a 2-digit year gains 20, one-digit months and days gain a 0, the | go, and
 * days no calendar has (Feb 30, Apr 31, Feb 29 of a common year or without a year) are spoilt so they read as no date.
 */
export function normalisingSteps(order: Language): TextStep[] {
  const toYearFirst = {
    pattern: `^${MARK}(\\d{1,2}\\|\\d{1,2})\\|(\\d+)$`,
    replacement: `${MARK}$2|$1`,
  };
  return [
    { pattern: "[-/.~年月]", replacement: "|" },
    ...(order === "en" ? [toYearFirst] : []),
    { pattern: `^${MARK}(\\d{2})(\\|\\d+\\|)`, replacement: `${MARK}20$1$2` },
    { pattern: "\\b(\\d)\\b", replacement: "0$1" },
    { pattern: "\\|", replacement: "" },
    {
      pattern: `^${MARK}(?:20(?:[02468][1235679]|[13579][013456789]))?0229$|(?:0[2469]|11)31$|0230$`,
      replacement: "!",
    },
  ];
}

/** A date read from text: a day, or a month and day (mmdd, e.g. 612) whose year the reader's reference day decides. */
export type TypedDate = { day: Day } | { monthDay: number };

interface CompiledReading {
  find: RegExp;
  steps: { pattern: RegExp; replacement: string }[];
}

const readings = new Map<string, CompiledReading>();

function readingOf(order: Language, place: TypedDatePlace): CompiledReading {
  const key = `${order}:${place}`;
  let reading = readings.get(key);
  if (!reading) {
    const { before, after } = TYPED_DATE[place];
    reading = {
      find: new RegExp(`${before}${dateForms(order)}${after}`),
      steps: normalisingSteps(order).map((s) => ({ pattern: new RegExp(s.pattern, "g"), replacement: s.replacement })),
    };
    readings.set(key, reading);
  }
  return reading;
}

const FULL_DATE = new RegExp(TYPED_DATE.fullDate);
const YEARLESS_DATE = new RegExp(TYPED_DATE.yearlessDate);
const SENTENCE_DASHES = new RegExp(TYPED_DATE.sentenceDashes.pattern, "g");

/**
 * The date typed in `text`: the whole text as a date cell holds it, or the first date in a sentence; null when there
 * is none (or it is a day no calendar has).
 */
export function readTypedDate(text: string, order: Language, place: TypedDatePlace): TypedDate | null {
  const { find, steps } = readingOf(order, place);
  const searched = place === "sentence" ? text.replace(SENTENCE_DASHES, TYPED_DATE.sentenceDashes.replacement) : text;
  let result = searched.replace(find, TYPED_DATE.found);
  for (const step of steps) result = result.replace(step.pattern, step.replacement);
  const full = FULL_DATE.exec(result);
  if (full) {
    const digits = Number(full[1]);
    return { day: dayFromYmd(Math.floor(digits / 10_000), Math.floor(digits / 100) % 100, digits % 100) };
  }
  const yearless = YEARLESS_DATE.exec(result);
  return yearless ? { monthDay: Number(yearless[1]) } : null;
}

/** How many days before its reference day a date typed without a year may fall. */
export const YEARLESS_DAYS_BEFORE = 182;

/**
 * The day a date without a year (`monthDay`, mmdd) stands for, near `reference`: its first occurrence on or after
 * half a year before the reference, which is the occurrence nearest it (a tie going to the later one). Computed on
 * yyyymmdd numbers, as the sheet's formula does it.
 */
export function yearlessDay(monthDay: number, reference: Day): Day {
  const start = ymdOfDay(reference - YEARLESS_DAYS_BEFORE);
  const startNumber = start.year * 10_000 + start.month * 100 + start.day;
  const ahead = (((monthDay - startNumber) % 10_000) + 10_000) % 10_000;
  const n = startNumber + ahead;
  return dayFromYmd(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
}

/** The day of a typed date, the year of a date without one taken nearest `reference`. */
export function dayOfTypedDate(date: TypedDate, reference: Day): Day {
  return "day" in date ? date.day : yearlessDay(date.monthDay, reference);
}
