/** Sheets serial numbers ⇄ instants in a spreadsheet's time zone, date/time pattern detection, and display values by number format. */

import { instantToWall, MONTH_NAMES, WEEKDAY_NAMES, wallToInstant } from "../time-zone";
import type { CellValue } from "./model";
import { SERIAL_EPOCH_OFFSET_DAYS } from "./model";

const DAY_MS = 86_400_000;

/**
 * What Range.getNumberFormat() returns for a cell with the automatic format
 * (developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormat(); widely quoted value).
 */
export const AUTOMATIC_FORMAT = "0.###############";

// ---------------------------------------------------------------------------------------------
// Serial numbers
// ---------------------------------------------------------------------------------------------

/** The serial (days since 1899-12-30, wall clock of `zone`) Sheets stores for an instant. */
export function msToSerial(epochMs: number, zone: string): number {
  return instantToWall(epochMs, zone) / DAY_MS + SERIAL_EPOCH_OFFSET_DAYS;
}

/** The instant a serial denotes in `zone`, rounded to the millisecond (what getValues() turns into a Date). */
export function serialToMs(serial: number, zone: string): number {
  return wallToInstant(Math.round((serial - SERIAL_EPOCH_OFFSET_DAYS) * DAY_MS), zone);
}

/** Serial of a wall-clock date and time (no zone involved). */
export function wallToSerial(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime() / DAY_MS + SERIAL_EPOCH_OFFSET_DAYS;
}

/** The wall-clock year of an instant in `zone`. */
export function yearIn(epochMs: number, zone: string): number {
  return new Date(instantToWall(epochMs, zone)).getUTCFullYear();
}

// ---------------------------------------------------------------------------------------------
// Default formats per locale
// ---------------------------------------------------------------------------------------------

/** Patterns Sheets applies to dates typed or written into automatic cells. zh_CN and non-US English are [UNCONFIRMED]. */
export function dateFormatsOf(locale: string): { date: string; dateTime: string; time: string } {
  if (locale === "en_US" || locale === "en")
    return { date: "M/d/yyyy", dateTime: "M/d/yyyy H:mm:ss", time: "h:mm:ss am/pm" };
  if (locale.startsWith("zh")) return { date: "yyyy/M/d", dateTime: "yyyy/M/d H:mm:ss", time: "H:mm:ss" };
  if (locale.startsWith("en")) return { date: "dd/MM/yyyy", dateTime: "dd/MM/yyyy H:mm:ss", time: "H:mm:ss" };
  return { date: "yyyy-MM-dd", dateTime: "yyyy-MM-dd H:mm:ss", time: "H:mm:ss" };
}

/** True when the locale writes dates month first (M/d/yyyy). */
export function isMonthFirst(locale: string): boolean {
  return locale === "en_US" || locale === "en";
}

// ---------------------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------------------

type DateToken =
  | { kind: "literal"; text: string }
  | { kind: "y" | "M" | "d" | "h" | "m" | "s" | "minute"; width: number }
  | { kind: "ampm"; short: boolean }
  | { kind: "fraction"; digits: number };

/** The sections of a pattern ("pos;neg;zero;text"), split outside quotes. */
function sections(pattern: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < pattern.length) {
      current += ch + pattern[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  const literal = (text: string) => tokens.push({ kind: "literal", text });
  let i = 0;
  while (i < section.length) {
    const ch = section[i] as string;
    const lower = ch.toLowerCase();
    const rest = section.slice(i).toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "\\") {
      literal(section[i + 1] ?? "");
      i += 2;
    } else if (rest.startsWith("am/pm") || rest.startsWith("a/p")) {
      const short = rest.startsWith("a/p");
      tokens.push({ kind: "ampm", short });
      i += short ? 3 : 5;
    } else if (ch === "[") {
      // Elapsed-time brackets ([h], [mm]) are shown as plain fields; other brackets (locales, colours) are dropped.
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner))
        tokens.push({ kind: inner[0] === "m" ? "minute" : (inner[0] as "h" | "s"), width: inner.length });
      i = end < 0 ? section.length : end + 1;
    } else if ("ymdhs".includes(lower)) {
      let j = i;
      while (j < section.length && (section[j] as string).toLowerCase() === lower) j++;
      tokens.push({ kind: lower as "y" | "d" | "h" | "s" | "m", width: j - i });
      i = j;
    } else if (ch === "." && /^\.0+/.test(section.slice(i)) && tokens.some((t) => t.kind === "s")) {
      const digits = (/^\.(0+)/.exec(section.slice(i))?.[1] ?? "").length;
      tokens.push({ kind: "fraction", digits });
      i += digits + 1;
    } else {
      literal(ch);
      i++;
    }
  }
  // "m"/"mm" right after hours or right before seconds means minutes, else months (Sheets' rule, as in Excel).
  const fields = tokens.filter((t) => t.kind !== "literal");
  return tokens.map((t) => {
    if (t.kind !== "m") return t;
    const k = fields.indexOf(t);
    const minute = t.width <= 2 && (fields[k - 1]?.kind === "h" || fields[k + 1]?.kind === "s");
    return { kind: minute ? "minute" : "M", width: t.width };
  });
}

const dateFormatCache = new Map<string, boolean>();

/** True when a number format shows a date, a time or a duration (getValues() then returns a Date). */
export function isDateTimeFormat(pattern: string | undefined): boolean {
  if (pattern === undefined) return false;
  let known = dateFormatCache.get(pattern);
  if (known === undefined) {
    known = tokenizeDate(sections(pattern)[0] ?? "").some((t) => t.kind !== "literal" && t.kind !== "fraction");
    dateFormatCache.set(pattern, known);
  }
  return known;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Formats a serial's wall-clock fields by a date/time pattern (English month and day names). */
function formatDate(serial: number, section: string): string {
  const tokens = tokenizeDate(section);
  const wallMs = Math.round((serial - SERIAL_EPOCH_OFFSET_DAYS) * DAY_MS);
  const d = new Date(wallMs);
  const twelveHour = tokens.some((t) => t.kind === "ampm");
  const hours = d.getUTCHours();
  let out = "";
  for (const t of tokens) {
    switch (t.kind) {
      case "literal":
        out += t.text;
        break;
      case "y":
        out += t.width <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
        break;
      case "M": {
        const month = d.getUTCMonth();
        const name = MONTH_NAMES[month] as string;
        out +=
          t.width >= 5 ? name[0] : t.width === 4 ? name : t.width === 3 ? name.slice(0, 3) : pad(month + 1, t.width);
        break;
      }
      case "d": {
        const name = WEEKDAY_NAMES[d.getUTCDay()] as string;
        out += t.width >= 4 ? name : t.width === 3 ? name.slice(0, 3) : pad(d.getUTCDate(), t.width);
        break;
      }
      case "h":
        out += pad(twelveHour ? hours % 12 || 12 : hours, Math.min(t.width, 2));
        break;
      case "minute":
        out += pad(d.getUTCMinutes(), Math.min(t.width, 2));
        break;
      case "s":
        out += pad(d.getUTCSeconds(), Math.min(t.width, 2));
        break;
      case "fraction":
        out += `.${pad(d.getUTCMilliseconds(), 3).slice(0, t.digits).padEnd(t.digits, "0")}`;
        break;
      case "ampm": {
        const pm = hours >= 12;
        // Sheets shows AM/PM in capitals whatever the pattern's case [UNCONFIRMED].
        out += t.short ? (pm ? "P" : "A") : pm ? "PM" : "AM";
        break;
      }
    }
  }
  return out;
}

/** Sheets' automatic display of a number: integers in full below 1e15, else ~10 significant digits [approximation]. */
function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mantissa, exp] = n.toExponential(2).split("e");
    const e = Number(exp);
    return `${mantissa}E${e < 0 ? "-" : "+"}${pad(Math.abs(e), 2)}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** Formats a number by a numeric pattern: 0/#/? digits, "," grouping, ".", "%", E+00, quoted/escaped literals. */
function formatNumber(n: number, section: string): string {
  let prefix = "";
  let suffix = "";
  let body = "";
  let seenDigits = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const text = section.slice(i + 1, end < 0 ? section.length : end);
      if (seenDigits) suffix += text;
      else prefix += text;
      i = end < 0 ? section.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      const text = ch === "\\" ? (section[i + 1] ?? "") : "";
      if (seenDigits) suffix += text;
      else prefix += text;
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      const currency = /^\$([^-]*)/.exec(inner);
      if (currency) (seenDigits ? (s: string) => (suffix += s) : (s: string) => (prefix += s))(currency[1] ?? "");
      i = end < 0 ? section.length : end;
    } else if ("0#?".includes(ch) || (seenDigits && suffix === "" && ",.Ee+-".includes(ch))) {
      seenDigits = true;
      body += ch;
    } else if (seenDigits) suffix += ch;
    else prefix += ch;
  }
  if (!seenDigits) return prefix + suffix;
  let value = n;
  if ((prefix + suffix).includes("%")) value *= 100;
  const expIndex = body.search(/[Ee]/);
  if (expIndex >= 0) {
    const decimals = (body.slice(0, expIndex).split(".")[1] ?? "").length;
    const [mantissa, exp] = value.toExponential(decimals).split("e");
    const e = Number(exp);
    const expDigits = (body.slice(expIndex).match(/0/g) ?? []).length;
    return `${prefix}${mantissa}E${e < 0 ? "-" : "+"}${pad(Math.abs(e), expDigits)}${suffix}`;
  }
  const [intPattern = "", decPattern = ""] = body.split(".");
  const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const grouped = intPattern.includes(",");
  let [intPart = "", decPart = ""] = Math.abs(value).toFixed(maxDecimals).split(".");
  while (decPart.length > minDecimals && decPart.endsWith("0")) decPart = decPart.slice(0, -1);
  intPart = intPart.replace(/^0+/, "").padStart(minInt, "0");
  if (grouped) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const digits = decPart ? `${intPart}.${decPart}` : intPart;
  const negative = value < 0 && /[1-9]/.test(digits);
  return `${negative ? "-" : ""}${prefix}${digits}${suffix}`;
}

/** The text Sheets shows for a value under a number format (getDisplayValue). */
export function displayValue(value: CellValue, pattern: string | undefined): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const textSection = pattern === undefined ? undefined : sections(pattern)[3];
    return textSection === undefined ? value : textSection.replace(/@/g, value).replace(/"/g, "");
  }
  if (pattern === undefined || pattern === "@" || pattern === AUTOMATIC_FORMAT || /^general$/i.test(pattern))
    return formatGeneral(value);
  const parts = sections(pattern);
  let section = parts[0] as string;
  let n = value;
  if (value < 0 && parts[1] !== undefined && parts[1] !== "") {
    section = parts[1];
    n = -value;
  } else if (value === 0 && parts[2] !== undefined && parts[2] !== "") section = parts[2];
  return isDateTimeFormat(section) ? formatDate(n, section) : formatNumber(n, section);
}
