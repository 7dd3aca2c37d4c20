/** Offsets of IANA time zones at an instant, wall-clock ⇄ instant conversions and English calendar names, shared by every service that reads dates in a zone. */

const DAY_MS = 86_400_000;

/** English month names, January first, as Java's SimpleDateFormat and Sheets' number formats print them. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
/** English day names, Sunday first (the index Date.getUTCDay() returns). */
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets per zone per UTC day; NaN marks a day with a transition (computed exactly each time). */
const dayOffsets = new Map<string, Map<number, number>>();

/** A cached en-US formatter for a zone, with era (and optionally the zone's name); throws RangeError for zones Intl does not know. */
export function zoneFormatter(zone: string, timeZoneName?: "short" | "long"): Intl.DateTimeFormat {
  const key = `${zone}|${timeZoneName ?? ""}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      ...(timeZoneName ? { timeZoneName } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** True when `zone` is an IANA zone the runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    zoneFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Offset (wall − UTC) in ms at an instant, to the second (historic LMT offsets such as +8:05:43 included). */
export function exactOffset(zone: string, utcMs: number): number {
  const fields: Record<string, string> = {};
  for (const p of zoneFormatter(zone).formatToParts(new Date(utcMs))) fields[p.type] = p.value;
  const year = fields.era === "BC" ? 1 - Number(fields.year) : Number(fields.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
  wall.setUTCHours(Number(fields.hour), Number(fields.minute), Number(fields.second), 0);
  return wall.getTime() - Math.floor(utcMs / 1000) * 1000;
}

/** Offset (wall − UTC) in ms at an instant, cached per UTC day so that reading 100,000 dates stays fast. */
export function offsetAt(zone: string, utcMs: number): number {
  let byDay = dayOffsets.get(zone);
  if (!byDay) {
    byDay = new Map();
    dayOffsets.set(zone, byDay);
  }
  const day = Math.floor(utcMs / DAY_MS);
  let offset = byDay.get(day);
  if (offset === undefined) {
    const start = exactOffset(zone, day * DAY_MS);
    offset = start === exactOffset(zone, day * DAY_MS + DAY_MS - 1000) ? start : Number.NaN;
    byDay.set(day, offset);
  }
  return Number.isNaN(offset) ? exactOffset(zone, utcMs) : offset;
}

/** The zone's offset from UTC in minutes at an instant (+480 for Asia/Shanghai), as Date.getTimezoneOffset() negated. */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  return offsetAt(zone, utcMs) / 60_000;
}

/** The wall-clock time of an instant in `zone`, as epoch milliseconds of that wall time read as UTC. */
export function instantToWall(utcMs: number, zone: string): number {
  return utcMs + offsetAt(zone, utcMs);
}

/** The instant at which the zone's clock shows a wall time (epoch milliseconds of the wall time read as UTC). */
export function wallToInstant(wallMs: number, zone: string): number {
  const guess = wallMs - offsetAt(zone, wallMs);
  return wallMs - offsetAt(zone, guess);
}
