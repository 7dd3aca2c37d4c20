/** The days of the week the reminders go out (Settings; default Monday–Friday), read as teams write them in either language, and the workday before a day. */

import { type Day, weekdayOfDay } from "./dates";
import type { Language } from "./language";
import { toHalfWidth } from "./text";

/** Monday = 1 … Sunday = 7. */
export const DEFAULT_WORKDAYS: readonly number[] = [1, 2, 3, 4, 5];

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** Words for one weekday, Monday first, as people write them (the number, 周一 / 星期一 / 礼拜一 / 一, Mon / Monday). */
const DAY_WORDS: readonly (readonly string[])[] = [
  ["1", "一", "周一", "星期一", "礼拜一", "mon", "monday"],
  ["2", "二", "周二", "星期二", "礼拜二", "tue", "tues", "tuesday"],
  ["3", "三", "周三", "星期三", "礼拜三", "wed", "wednesday"],
  ["4", "四", "周四", "星期四", "礼拜四", "thu", "thur", "thurs", "thursday"],
  ["5", "五", "周五", "星期五", "礼拜五", "fri", "friday"],
  ["6", "六", "周六", "星期六", "礼拜六", "sat", "saturday"],
  ["7", "日", "天", "周日", "周天", "星期日", "星期天", "礼拜日", "礼拜天", "sun", "sunday"],
];

const DAY_BY_WORD = new Map<string, number>(DAY_WORDS.flatMap((words, i) => words.map((w) => [w, i + 1])));

/** Words for several days at once. */
const GROUP_WORDS = new Map<string, readonly number[]>([
  ["每天", EVERY_DAY],
  ["天天", EVERY_DAY],
  ["全周", EVERY_DAY],
  ["everyday", EVERY_DAY],
  ["every day", EVERY_DAY],
  ["daily", EVERY_DAY],
  ["工作日", DEFAULT_WORKDAYS],
  ["weekdays", DEFAULT_WORKDAYS],
  ["周末", [6, 7]],
  ["weekend", [6, 7]],
  ["weekends", [6, 7]],
]);

const NAMES: Record<Language, readonly string[]> = {
  zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

/** "a" to "b" going forward through the week (周日至周四 wraps: Sun, Mon … Thu). */
function range(from: number, to: number): number[] {
  const days = [from];
  for (let day = from; day !== to; ) {
    day = (day % 7) + 1;
    days.push(day);
  }
  return days;
}

/**
 * The workdays a Settings cell holds, Monday = 1 … Sunday = 7, sorted: "周一至周五", "周一至五", "Mon-Fri", "Monday to
 * Saturday", "1-5", "周一、周三、周五", "Mon, Wed", "工作日", "weekdays", "每天", a number 1–7. Undefined for anything else
 * (an empty cell, a date Sheets made of "1-5", a word it does not know), which the caller reports.
 */
export function parseWorkdays(value: unknown): number[] | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 7 ? [value] : undefined;
  if (typeof value !== "string") return undefined;
  const text = toHalfWidth(value)
    .toLowerCase()
    .trim()
    .replace(/\s*(?:-|–|—|~|至|到|\bto\b|\bthrough\b)\s*/g, "-");
  if (text === "") return undefined;
  const whole = GROUP_WORDS.get(text);
  if (whole) return [...whole];
  const days = new Set<number>();
  for (const token of text.split(/[\s,、;/&+]+|和|及|\band\b/).filter((t) => t !== "")) {
    const group = GROUP_WORDS.get(token);
    const ends = token.split("-");
    const [from, to] = ends.map((end) => DAY_BY_WORD.get(end));
    const found =
      group ??
      (ends.length === 1 && from !== undefined ? [from] : undefined) ??
      (ends.length === 2 && from !== undefined && to !== undefined ? range(from, to) : undefined);
    if (!found) return undefined;
    for (const day of found) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/** The workdays as the Settings sheet shows them: runs of three or more as a range ("周一至周五", "Mon-Fri"), others listed. */
export function workdaysText(workdays: readonly number[], language: Language): string {
  const names = NAMES[language];
  const parts: string[] = [];
  const sorted = [...new Set(workdays)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const [first, last] = [names[sorted[i] - 1], names[sorted[j] - 1]];
    if (j - i >= 2) parts.push(language === "zh" ? `${first}至${last}` : `${first}-${last}`);
    else parts.push(...sorted.slice(i, j + 1).map((day) => names[day - 1]));
    i = j + 1;
  }
  return parts.join(language === "zh" ? "、" : ", ");
}

/** Whether the reminders go out on `day`. */
export function isWorkday(workdays: readonly number[], day: Day): boolean {
  return workdays.includes(weekdayOfDay(day));
}

/** The last workday before `day` (the day before, when no day of the week is one). */
export function previousWorkday(workdays: readonly number[], day: Day): Day {
  for (let before = day - 1; before >= day - 7; before--) if (isWorkday(workdays, before)) return before;
  return day - 1;
}
