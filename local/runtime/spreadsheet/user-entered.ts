/**
 * How Sheets interprets a string written by setValue/setValues/appendRow, which behave like typing it
 * (USER_ENTERED): numbers, percentages, booleans, dates and times, formulas, a forcing apostrophe, and the
 * plain-text ("@") number format that keeps text as typed.
 */

import type { CellValue } from "./model";
import { dateFormatsOf, isMonthFirst, wallToSerial, yearIn } from "./number-format";

/** What a typed string becomes: a value, maybe a formula, maybe the number format Sheets picks for it. */
export interface EnteredValue {
  value: CellValue;
  formula?: string;
  /** Applied only when the cell's format is automatic. */
  format?: string;
}

/** What the interpretation depends on. */
export interface EntryContext {
  locale: string;
  timeZone: string;
  /** Simulated now (a date typed without a year falls in the current year of the spreadsheet's zone). */
  now: number;
  /** The cell has the plain-text format "@". */
  plainText: boolean;
}

// Digits with optional thousands separators, decimals, exponent; sign and percent handled around it.
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%)?$/;
const TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp])[Mm])?";
const YEAR_FIRST = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:\\s+${TIME})?$`);
const YEAR_LAST = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:\\s+${TIME})?$`);
const NO_YEAR = /^(\d{1,2})\/(\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const TIME_ONLY = new RegExp(`^${TIME}$`);

/** Interprets a string the way Sheets interprets what a user types. */
export function interpretEntered(text: string, ctx: EntryContext): EnteredValue {
  // A leading apostrophe forces text and is not part of the value (support.google.com/docs/answer/58515 behaviour).
  if (text.startsWith("'")) return { value: text.slice(1) };
  // "=" starts a formula; with the plain-text format it still does (stricter choice) [UNCONFIRMED].
  if (text.startsWith("=") && text.length > 1) return { value: "", formula: text };
  if (ctx.plainText) return { value: text };
  const trimmed = text.trim();
  const first = trimmed.charCodeAt(0);
  // Fast path for the common case: numbers, dates and times all start with a digit, a sign or a point.
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) {
    if (/^true$/i.test(trimmed)) return { value: true };
    if (/^false$/i.test(trimmed)) return { value: false };
    return { value: text };
  }
  const number = parseNumber(trimmed);
  if (number) return number;
  const date = parseDateTime(trimmed, ctx);
  if (date) return date;
  // A leading "+" makes Sheets parse a formula (github.com/nithinmurali/pygsheets/pull/373: "text fields
  // starting with a + are interpreted as formulae"), so "+86 138-0013-8000" becomes "=+86 138-0013-8000".
  // A leading "-" is treated the same (stricter) [UNCONFIRMED]; a lone "+" or "-" stays text [UNCONFIRMED].
  // A leading "@" stays text: Sheets has no "@" formula prefix [UNCONFIRMED].
  if ((text.startsWith("+") || text.startsWith("-")) && text.length > 1) return { value: "", formula: `=${text}` };
  return { value: text };
}

function parseNumber(text: string): EnteredValue | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign, intPart = "", fraction = "", exponent, percent] = m;
  const digits = intPart.replace(/,/g, "") + fraction;
  if (!/\d/.test(digits)) return null;
  let value = Number(`${sign ?? ""}${digits}${exponent !== undefined ? `e${exponent}` : ""}`);
  if (!Number.isFinite(value)) return null;
  const decimals = fraction.length > 1;
  if (percent) {
    value /= 100;
    return { value, format: decimals ? "0.00%" : "0%" };
  }
  if (exponent !== undefined) return { value, format: "0.00E+00" };
  if (intPart.includes(",")) return { value, format: decimals ? "#,##0.00" : "#,##0" };
  return { value };
}

/** Two-digit years: 00–29 → 2000s, 30–99 → 1900s (Sheets' pivot, as in Excel) [UNCONFIRMED]. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (DAYS_IN_MONTH[month - 1] as number) + (month === 2 && leap ? 1 : 0);
}

/** Hours, minutes, seconds of a matched TIME group (indices of h, m, s, am/pm), or null when out of range. */
function timeOf(m: RegExpExecArray, at: number): { h: number; min: number; s: number; seconds: boolean } | null {
  if (m[at] === undefined) return null;
  let h = Number(m[at]);
  const min = Number(m[at + 1]);
  const s = Number(m[at + 2] ?? 0);
  const meridiem = m[at + 3]?.toLowerCase();
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem === "p" ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return null;
  return { h, min, s, seconds: m[at + 2] !== undefined };
}

function parseDateTime(text: string, ctx: EntryContext): EnteredValue | null {
  const formats = dateFormatsOf(ctx.locale);
  const dated = (y: number, mo: number, d: number, m: RegExpExecArray | null, at: number, dateFormat: string) => {
    if (!validDate(y, mo, d)) return null;
    if (m && m[at] !== undefined) {
      const t = timeOf(m, at);
      if (!t) return null;
      return { value: wallToSerial(y, mo, d, t.h, t.min, t.s), format: formats.dateTime };
    }
    return { value: wallToSerial(y, mo, d), format: dateFormat };
  };
  let m = YEAR_FIRST.exec(text);
  if (m) {
    // ISO order is understood in every locale; Sheets keeps the typed style [UNCONFIRMED pattern].
    const sep = m[2] as string;
    const format = sep === "-" ? "yyyy-mm-dd" : `yyyy${sep}m${sep}d`;
    return dated(Number(m[1]), Number(m[3]), Number(m[4]), m, 5, format);
  }
  m = CHINESE_DATE.exec(text);
  if (m && ctx.locale.startsWith("zh")) return dated(Number(m[1]), Number(m[2]), Number(m[3]), null, 0, "yyyy年M月d日");
  m = YEAR_LAST.exec(text);
  // Day/month-first orders exist in English locales only; zh_CN reads year first (yyyy/M/d).
  if (m && ctx.locale.startsWith("en")) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [month, day] = isMonthFirst(ctx.locale) ? [a, b] : [b, a];
    return dated(fullYear(m[4] as string), month, day, m, 5, formats.date);
  }
  m = NO_YEAR.exec(text);
  if (m && (ctx.locale.startsWith("en") || ctx.locale.startsWith("zh"))) {
    // "3/4" is a date in the current year, as typed in Sheets [UNCONFIRMED format].
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = ctx.locale.startsWith("en") && !isMonthFirst(ctx.locale) ? [b, a] : [a, b];
    return dated(yearIn(ctx.now, ctx.timeZone), month, day, null, 0, ctx.locale.startsWith("en_GB") ? "d/M" : "M/d");
  }
  m = TIME_ONLY.exec(text);
  if (m) {
    const t = timeOf(m, 1);
    if (!t) return null;
    return { value: (t.h * 3600 + t.min * 60 + t.s) / 86400, format: formats.time };
  }
  return null;
}
