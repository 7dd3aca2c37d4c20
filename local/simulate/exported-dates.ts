/** Recognises dates as Sheets and Excel export them to CSV (2024/6/10, 2024-06-10, 6/10/2024, 2024年6月10日, with or without a time) and rewrites them as ISO text, which every spreadsheet locale parses the same way. */

const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);

const pad = (n: number) => String(n).padStart(2, "0");

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "yyyy-mm-dd[ HH:MM[:SS]]", or null for an impossible date or time. */
function iso(year: number, month: number, day: number, time: (string | undefined)[]): string | null {
  if (!isCalendarDate(year, month, day)) return null;
  const [hourText, minuteText, secondText, half] = time;
  if (hourText === undefined) return `${year}-${pad(month)}-${pad(day)}`;
  let hour = Number(hourText);
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/p/i.test(half) ? 12 : 0);
  }
  const minute = Number(minuteText);
  const second = secondText === undefined ? null : Number(secondText);
  if (hour > 23 || minute > 59 || (second !== null && second > 59)) return null;
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}${second === null ? "" : `:${pad(second)}`}`;
}

/**
 * The ISO text of an exported date, or null when `text` is not one. Year-last dates are month first (6/10/2024 is
 * June 10, as en_US exports it) unless the first number cannot be a month (25/6/2024 is June 25).
 */
export function isoFromExported(text: string): string | null {
  const trimmed = text.trim();
  const yearFirst = YEAR_FIRST.exec(trimmed) ?? CHINESE.exec(trimmed);
  if (yearFirst) {
    const [, year, month, day, ...time] = yearFirst;
    return iso(Number(year), Number(month), Number(day), time);
  }
  const yearLast = YEAR_LAST.exec(trimmed);
  if (!yearLast) return null;
  const [, first, second, year, ...time] = yearLast;
  const dayFirst = Number(first) > 12 && Number(second) <= 12;
  return dayFirst
    ? iso(Number(year), Number(second), Number(first), time)
    : iso(Number(year), Number(first), Number(second), time);
}
