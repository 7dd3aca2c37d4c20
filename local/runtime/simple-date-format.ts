/** Java SimpleDateFormat patterns (as Utilities.formatDate uses them) applied to an instant in a Java time zone, in English. */

import { exactOffset, MONTH_NAMES, WEEKDAY_NAMES, zoneFormatter } from "./time-zone";

/** A Java SimpleDateFormat error; Utilities turns it into an Apps Script exception with the same message. */
export class PatternError extends Error {}

/** The letters SimpleDateFormat knows (java.text.SimpleDateFormat); any other ASCII letter is illegal. */
const PATTERN_LETTERS = "GyYMLwWDdFEuaHkKhmsSzZX";

type Token = { literal: string } | { letter: string; count: number };

/**
 * Splits a pattern as SimpleDateFormat.compile does: runs of one letter are fields, text in single quotes
 * is literal, '' is a quote, other non-letters are literal. Throws Java's messages.
 */
export function compilePattern(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      let text = "";
      i++;
      for (;;) {
        if (i >= pattern.length) throw new PatternError("Unterminated quote");
        if (pattern.charAt(i) === "'") {
          if (pattern.charAt(i + 1) !== "'") break;
          text += "'";
          i += 2;
        } else {
          text += pattern.charAt(i++);
        }
      }
      i++;
      tokens.push({ literal: text });
    } else if (/[a-zA-Z]/.test(c)) {
      if (!PATTERN_LETTERS.includes(c)) throw new PatternError(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern.charAt(i + count) === c) count++;
      if (c === "X" && count > 3) throw new PatternError(`invalid ISO 8601 format: length=${count}`);
      tokens.push({ letter: c, count });
      i += count;
    } else {
      tokens.push({ literal: c });
      i++;
    }
  }
  return tokens;
}

/** A time zone as java.util.TimeZone resolves an id: an IANA zone, a custom "GMT+hh:mm" zone, or GMT. */
export interface JavaZone {
  id: string;
  /** Offset from UTC in milliseconds at an instant. */
  offsetAt(ms: number): number;
  /** Display name at an instant ("PST", "China Standard Time", "GMT+08:00"). */
  nameAt(ms: number, long: boolean): string;
}

/** Java's short names where they differ from what Intl (en-US) gives: [standard, daylight]. */
const JAVA_SHORT_NAMES: Record<string, [string, string]> = {
  "Asia/Shanghai": ["CST", "CDT"],
  "Asia/Chongqing": ["CST", "CDT"],
  "Asia/Taipei": ["CST", "CDT"],
  "Asia/Hong_Kong": ["HKT", "HKST"],
  "Asia/Macau": ["CST", "CDT"],
  "Asia/Tokyo": ["JST", "JDT"],
  "Asia/Seoul": ["KST", "KDT"],
  "Asia/Singapore": ["SGT", "SGT"],
  "Asia/Kolkata": ["IST", "IST"],
  "Asia/Calcutta": ["IST", "IST"],
  "Europe/London": ["GMT", "BST"],
  "Europe/Paris": ["CET", "CEST"],
  "Europe/Berlin": ["CET", "CEST"],
  "Europe/Madrid": ["CET", "CEST"],
  "Europe/Rome": ["CET", "CEST"],
  "Australia/Sydney": ["AEST", "AEDT"],
};

/** "GMT+08:00", as Java names custom and offset zones. */
function gmtName(offsetMs: number): string {
  if (offsetMs === 0) return "GMT";
  const sign = offsetMs < 0 ? "-" : "+";
  const minutes = Math.floor(Math.abs(offsetMs) / 60000);
  return `GMT${sign}${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

function fixedZone(id: string, offsetMs: number): JavaZone {
  return { id, offsetAt: () => offsetMs, nameAt: () => gmtName(offsetMs) };
}

function ianaZone(id: string): JavaZone {
  const offsetAt = (ms: number): number => exactOffset(id, ms);
  const nameAt = (ms: number, long: boolean): string => {
    const name = zoneFormatter(id, long ? "long" : "short")
      .formatToParts(ms)
      .find((p) => p.type === "timeZoneName")?.value;
    const known = JAVA_SHORT_NAMES[id];
    if (!long && known) {
      const year = new Date(ms).getUTCFullYear();
      const standard = Math.min(offsetAt(Date.UTC(year, 0, 1)), offsetAt(Date.UTC(year, 6, 1)));
      return offsetAt(ms) === standard ? known[0] : known[1];
    }
    if (!name || /^GMT[+-]/.test(name)) return gmtName(offsetAt(ms));
    return name;
  };
  return { id, offsetAt, nameAt };
}

/**
 * Resolves a zone id as java.util.TimeZone.getTimeZone does: IANA ids (case-sensitive), "UTC", "GMT" and
 * custom ids "GMT+8", "GMT+0800", "GMT-08:00"; anything else silently becomes GMT (Java's documented fallback).
 */
export function resolveZone(timeZone: string): JavaZone {
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (custom) {
    const hours = Number(custom[2]);
    const minutes = Number(custom[3] ?? "0");
    if (hours <= 23 && minutes <= 59) {
      const offset = (custom[1] === "-" ? -1 : 1) * (hours * 60 + minutes) * 60000;
      return fixedZone(gmtName(offset), offset);
    }
  }
  if (timeZone === "GMT" || /^[+-]/.test(timeZone)) return fixedZone("GMT", 0);
  let resolved: string;
  try {
    resolved = zoneFormatter(timeZone).resolvedOptions().timeZone;
  } catch {
    return fixedZone("GMT", 0);
  }
  // Java ids are case-sensitive, Intl's are not: "asia/shanghai" is GMT to Java.
  if (resolved !== timeZone && resolved.toLowerCase() === timeZone.toLowerCase()) return fixedZone("GMT", 0);
  return ianaZone(timeZone);
}

const DAY_MS = 86400000;

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The calendar fields of the wall-clock time in a zone. */
interface Fields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  dayOfYear: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** Wall-clock day number (days since 1970-01-01), for week arithmetic. */
  dayNumber: number;
}

function fieldsOf(ms: number, offsetMs: number): Fields {
  const wall = new Date(ms + offsetMs);
  const year = wall.getUTCFullYear();
  const dayNumber = Math.floor((ms + offsetMs) / DAY_MS);
  return {
    year,
    month: wall.getUTCMonth(),
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay(),
    dayOfYear: dayNumber - dayNumberOf(year, 0, 1) + 1,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millis: wall.getUTCMilliseconds(),
    dayNumber,
  };
}

function dayNumberOf(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, month, day));
  date.setUTCFullYear(year);
  return Math.floor(date.getTime() / DAY_MS);
}

/** Weekday (0 = Sunday) of a day number; 1970-01-01 was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Week of year and week year with the US rules java.util.Calendar uses for Locale.US (weeks start on Sunday,
 * week 1 is the week containing January 1), so the last days of December can belong to week 1 of the next year.
 */
function weekOfYear(f: Fields): { week: number; weekYear: number } {
  const week1Start = (year: number) => {
    const jan1 = dayNumberOf(year, 0, 1);
    return jan1 - weekdayOf(jan1);
  };
  if (f.dayNumber >= week1Start(f.year + 1)) return { week: 1, weekYear: f.year + 1 };
  return { week: Math.floor((f.dayNumber - week1Start(f.year)) / 7) + 1, weekYear: f.year };
}

function offsetText(offsetMs: number, letter: "Z" | "X", count: number): string {
  if (letter === "X" && offsetMs === 0) return "Z";
  const sign = offsetMs < 0 ? "-" : "+";
  const minutes = Math.floor(Math.abs(offsetMs) / 60000);
  const hh = pad(Math.floor(minutes / 60), 2);
  const mm = pad(minutes % 60, 2);
  if (letter === "Z") return `${sign}${hh}${mm}`;
  if (count === 1) return `${sign}${hh}`;
  return count === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
}

function yearText(year: number, count: number): string {
  return count === 2 ? pad(year % 100, 2) : pad(year, count);
}

/** One field as SimpleDateFormat.subFormat writes it for Locale.US. */
function formatField(letter: string, count: number, f: Fields, ms: number, zone: JavaZone, offset: number): string {
  const yearOfEra = f.year > 0 ? f.year : 1 - f.year;
  switch (letter) {
    case "G":
      return f.year > 0 ? "AD" : "BC";
    case "y":
      return yearText(yearOfEra, count);
    case "Y":
      return yearText(weekOfYear(f).weekYear, count);
    case "M":
    case "L":
      if (count >= 4) return MONTH_NAMES[f.month] ?? "";
      if (count === 3) return (MONTH_NAMES[f.month] ?? "").slice(0, 3);
      return pad(f.month + 1, count);
    case "w":
      return pad(weekOfYear(f).week, count);
    case "W":
      return pad(Math.floor((f.day - 1 + weekdayOf(f.dayNumber - f.day + 1)) / 7) + 1, count);
    case "D":
      return pad(f.dayOfYear, count);
    case "d":
      return pad(f.day, count);
    case "F":
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case "E":
      return count >= 4 ? (WEEKDAY_NAMES[f.weekday] ?? "") : (WEEKDAY_NAMES[f.weekday] ?? "").slice(0, 3);
    case "u":
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case "a":
      return f.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(f.hour, count);
    case "k":
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case "K":
      return pad(f.hour % 12, count);
    case "h":
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case "m":
      return pad(f.minute, count);
    case "s":
      return pad(f.second, count);
    case "S":
      return pad(f.millis, count);
    case "z":
      return zone.nameAt(ms, count >= 4);
    default:
      return offsetText(offset, letter === "Z" ? "Z" : "X", count);
  }
}

/**
 * Formats an instant (epoch ms) with a SimpleDateFormat pattern in a zone resolved by `resolveZone`.
 * English names throughout: Utilities.formatDate does not follow the user's locale [UNCONFIRMED].
 * Dates before the 1582 Gregorian cutover use the proleptic Gregorian calendar, unlike Java [known gap].
 */
export function formatInstant(ms: number, timeZone: string, pattern: string): string {
  const tokens = compilePattern(pattern);
  const zone = resolveZone(timeZone);
  const offset = zone.offsetAt(ms);
  const fields = fieldsOf(ms, offset);
  return tokens
    .map((t) => ("literal" in t ? t.literal : formatField(t.letter, t.count, fields, ms, zone, offset)))
    .join("");
}
