/** One rule of due, two spellings: over generated tables (dates near midnight in several time zones, dates typed as text with and without a year, dates written in the next step, next dates the cadence gives by stage and intent grade, every kind of stage, done marks in both languages, superseded rows), the sheet's colouring formulas evaluated by a real formula engine agree row by row with src/core/due, which the digests, the sidebar and the review use. */

import { seededRandom } from "../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { COLUMNS, type ColumnKey } from "../../src/core/columns";
import { dayInZone, ymdOfDay } from "../../src/core/dates";
import { agendaOf, DONE_TEXTS, dueOf, NOT_DONE_TEXTS } from "../../src/core/due";
import { readFollowUps } from "../../src/core/follow-ups";
import { parseSettings } from "../../src/core/settings";
import { evaluatePerRow, serialOf } from "../helpers/formula-engine";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";

const HOUR = 3_600_000;
const ROWS = 320;
const column = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key);

/** A small deterministic generator (mulberry32): the same tables on every run. */
function generator(seed: number) {
  const next = seededRandom(seed);
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/** A customer out of 90, often spelled two ways (the same customer key), so most rows are superseded; a few blank. */
function customerCell(g: ReturnType<typeof generator>): string {
  const n = g.int(92);
  if (n >= 90) return n === 90 ? "" : g.pick(["Acme, Inc.", "ACME", "Acme Co., Ltd."]);
  return g.int(2) === 0 ? `客户${n}` : `客户${n}有限公司`;
}
/** Every kind of stage, with spaces around (TRIM removes them) and an ideographic space (TRIM keeps it). */
const STAGES = [
  "新线索",
  "待回访",
  "需求确认",
  "已报价",
  "谈判中",
  "签约中",
  "已成交",
  "已流失",
  " 已成交 ",
  "已流失\u3000",
  "跟进中",
  "",
];
/** Done marks as teams type them (both languages, checkboxes, 1/0), and marks that mean nothing (reported, not done). */
const DONE_MARKS: readonly unknown[] = [
  ...DONE_TEXTS,
  ...NOT_DONE_TEXTS,
  "TRUE",
  "False",
  " 是 ",
  "是\u00a0",
  true,
  false,
  1,
  0,
  "",
  "",
  "x",
  "再说",
  2,
];

/** "2026/11/27 23:59:30": a date and a time as a person types them, read in the spreadsheet's zone. */
function typedAt(day: number, minutes: number): string {
  const { year, month, day: d } = ymdOfDay(day);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${year}/${month}/${d} ${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:30`;
}

/** A date typed as text (an apostrophe keeps it text), in one of the forms src/core/dates reads, or a day none has. */
function typedText(g: ReturnType<typeof generator>, day: number): string {
  const { year, month, day: d } = ymdOfDay(day);
  return g.pick([
    `'${month}/${d}`,
    `${month}月${d}日`,
    `'${month}-${d} `,
    `'${year % 100}/${month}/${d}`,
    `'${year}.${month}.${d}`,
    `${year}年${month}月${d}号`,
    `'${month}/${d + 30}`,
    "'2/29",
    "'2027/2/29",
  ]);
}

/**
 * A next-date cell: near today, at a time near midnight (either side), typed as text (near today, or about half a
 * year from the follow-up date, where a date without a year changes year), or blank, words or a plain number.
 */
function nextDateCell(g: ReturnType<typeof generator>, today: number, date: number): unknown {
  const kind = g.int(14);
  if (kind <= 2) return "";
  if (kind === 2) return g.pick(["下周一", "next Tuesday", "待定"]);
  if (kind === 3) return g.int(3) === 0 ? 46000 : serialOf(...ymd(today + g.int(5) - 2));
  if (kind === 4) return typedText(g, today + g.int(7) - 3);
  if (kind === 5) return typedText(g, date + (g.int(2) === 0 ? 1 : -1) * (180 + g.int(6)));
  const minutes = g.pick([0, 1, 15, 23 * 60 + 59, 23 * 60 + 30, 12 * 60]);
  return typedAt(today + g.int(7) - 3, minutes);
}

/** A date without a year about half a year from `date`, where its year turns on which day it is read near. */
function halfYearFrom(date: number, g: ReturnType<typeof generator>): string {
  const { month, day } = ymdOfDay(date + (g.int(2) === 0 ? 1 : -1) * (179 + g.int(6)));
  return `'${month}/${day}`;
}

/** A next step: often with a date in it (the next date when the next-date cell is empty), or words that hold none. */
function nextStepCell(g: ReturnType<typeof generator>, today: number): string {
  const { year, month, day } = ymdOfDay(today + g.int(7) - 3);
  return g.pick([
    "",
    "回访",
    `${month}/${day}回访报价反馈`,
    `${month}/${day}回访报价反馈`,
    `预算1.5万，${month}月${day}日前发合同`,
    `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} 见面`,
    `call on ${month}/${day}/${year % 100}`,
    `${month}月${day}号之前`,
    "3-5天内回复",
    "周五前发合同",
  ]);
}

/** The data rows of the Follow-ups sheet as getValues() gives them. */
function values(runtime: AppsScriptRuntime): unknown[][] {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
  return sheet?.getRange(2, 1, ROWS, COLUMNS.length).getValues() ?? [];
}

function ymd(day: number): [number, number, number] {
  const { year, month, day: d } = ymdOfDay(day);
  return [year, month, d];
}

/** A table of `ROWS` generated follow-ups typed by hand into a new table in `timeZone`, then synced at `now`. */
function generatedTable(timeZone: string, now: number, seed: number): AppsScriptRuntime {
  const runtime = runtimeOnDist({ user: ZH_REP, timeZone, now, scriptTimeZone: "Europe/Berlin" });
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu("设置/接管跟进表");
  const g = generator(seed);
  const today = dayInZone(now, timeZone);
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const cells: unknown[] = Array(COLUMNS.length).fill("");
    // Every 8th row is a customer's only follow-up, open, so its typed next date always counts.
    const alone = i % 8 === 0;
    cells[column("customer")] = alone ? `独家客户${i}` : customerCell(g);
    const date = today - g.int(20);
    // Mostly a date the sheet holds; sometimes a date typed as text (a next date without a year then reads near today).
    cells[column("date")] = g.int(6) === 0 ? typedText(g, date) : typedAt(date, g.pick([0, 30, 23 * 60 + 59, 9 * 60]));
    cells[column("stage")] = alone ? "已报价" : g.pick(STAGES);
    cells[column("nextStep")] = nextStepCell(g, today);
    cells[column("nextDate")] = !alone ? nextDateCell(g, today, date) : i % 16 === 0 ? "" : halfYearFrom(date, g);
    cells[column("owner")] = "li.lei";
    // Intent grades as typed: listed in Settings (5 … 1, and "A" added below, in any case), unlisted, or none.
    cells[column("score")] = g.pick(["", "", "", 5, "5", " 4 ", 3, 1, "A", "a", "B", 2.5]);
    cells[column("done")] = alone ? "" : g.pick(DONE_MARKS);
    // Some rows were saved from the sidebar (stamped), some typed by hand (Sync stamps them).
    if (g.int(2) === 0) cells[column("loggedAt")] = typedAt(today - g.int(20), g.int(24 * 60));
    return cells;
  });
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
  if (!sheet) throw new Error("no Follow-ups sheet");
  // The team's own cadence: grade A every day, and no cadence for 需求确认 (a blank cell under the header).
  const settingsSheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("设置");
  settingsSheet?.getRange("Q7:R7").setValues([["A", 1]]);
  settingsSheet?.getRange("O4").setValue("");
  sheet.insertRowsAfter(sheet.getMaxRows(), ROWS);
  sheet.getRange(2, 1, ROWS, COLUMNS.length).setValues(rows);
  // A plain number in a date column (the team's own format): the sheet's INT() still takes it as a day.
  rows.forEach((cells, i) => {
    if (typeof cells[column("nextDate")] === "number")
      sheet.getRange(i + 2, column("nextDate") + 1).setNumberFormat("0.00");
  });
  runtime.ui.answerNext("OK");
  runtime.clickMenu("同步与修复");
  return runtime;
}

/** Row by row at `at`: what the sheet's two rules colour, and what src/core/due says. */
function bothSpellings(runtime: AppsScriptRuntime, timeZone: string, at: number) {
  const ss = runtime.inspect().getActiveSpreadsheet();
  const sheet = ss.getSheetByName("跟进记录");
  const settingsSheet = ss.getSheetByName("设置");
  if (!sheet || !settingsSheet) throw new Error("no table");
  const [overdueRule = "", dueTodayRule = ""] = sheet
    .getConditionalFormatRules()
    .map((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0]));
  const today = dayInZone(at, timeZone);
  const todaySerial = serialOf(...ymd(today));
  const formula = {
    overdue: evaluatePerRow(runtime, "跟进记录", overdueRule, 2, ROWS + 1, todaySerial),
    dueToday: evaluatePerRow(runtime, "跟进记录", dueTodayRule, 2, ROWS + 1, todaySerial),
  };
  const positions = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1]));
  const values = sheet.getRange(2, 1, ROWS, COLUMNS.length).getValues();
  const header = sheet.getRange(1, 1, 1, COLUMNS.length).getValues()[0];
  const settings = parseSettings(settingsSheet.getDataRange().getValues()).settings;
  const reading = { language: "zh" as const, today, settings };
  const { followUps, problems } = readFollowUps(values, 2, positions, timeZone, header, reading);
  const agenda = agendaOf(followUps, problems, settings);
  const due = new Map(followUps.map((f) => [f.row, dueOf(agenda, f, today)]));
  const rule = {
    overdue: values.map((_, i) => due.get(i + 2) === "overdue"),
    dueToday: values.map((_, i) => due.get(i + 2) === "dueToday"),
  };
  return { formula, rule, agenda, problems, followUps };
}

describe("the sheet's colouring and src/core/due agree row by row", () => {
  // The script runs in Europe/Berlin; each spreadsheet keeps its own zone, and "today" is the spreadsheet's.
  it.each([
    ["Asia/Shanghai", Date.UTC(2026, 10, 27, 2, 0), 1],
    ["America/Los_Angeles", Date.UTC(2026, 10, 27, 7, 30), 2], // 23:30 the day before in Los Angeles
    ["Pacific/Auckland", Date.UTC(2026, 10, 27, 11, 5), 3], // 00:05 in Auckland
    ["Europe/London", Date.UTC(2026, 2, 29, 0, 30), 4], // the night the clocks go forward
    ["UTC", Date.UTC(2026, 11, 31, 23, 59), 5],
  ])("%s", (timeZone, now, seed) => {
    const runtime = generatedTable(timeZone, now, seed);
    for (const at of [now, now + 3 * HOUR, now + 26 * HOUR]) {
      const { formula, rule, agenda, problems, followUps } = bothSpellings(runtime, timeZone, at);
      const disagreements = rule.overdue
        .map((_, i) => i)
        .filter((i) => formula.overdue[i] !== rule.overdue[i] || formula.dueToday[i] !== rule.dueToday[i])
        .map((i) => ({
          row: i + 2,
          formula: [formula.overdue[i], formula.dueToday[i]],
          rule: [rule.overdue[i], rule.dueToday[i]],
        }));
      expect(disagreements).toEqual([]);
      // The generated table exercises every part of the rule.
      expect(rule.overdue.filter(Boolean).length).toBeGreaterThan(5);
      expect(rule.dueToday.filter(Boolean).length).toBeGreaterThan(0);
      expect(agenda.superseded.size).toBeGreaterThan(ROWS / 2);
      expect(problems.some((p) => p.kind === "unknownDone")).toBe(true);
      expect(problems.some((p) => p.kind === "numberAsDate")).toBe(true);
      // Dates typed as text and dates written in the next step are due, and coloured, too.
      const dueRows = new Set(rule.overdue.flatMap((o, i) => (o || rule.dueToday[i] ? [i + 2] : [])));
      const textValue = (f: (typeof followUps)[number]) => typeof values(runtime)[f.row - 2][column("nextDate")];
      expect(followUps.filter((f) => f.nextDateSource === "text" && dueRows.has(f.row)).length).toBeGreaterThan(0);
      // So are the dates the cadence gives, by stage and by grade, and a stage without one leaves its row undated.
      const byCadence = followUps.filter((f) => f.nextDateSource === "cadence" && dueRows.has(f.row));
      expect(byCadence.length).toBeGreaterThan(0);
      expect(followUps.some((f) => f.nextDateSource === "cadence" && f.score === "")).toBe(true);
      const graded = followUps.filter((f) => f.nextDateSource === "cadence" && f.score.trim().toLowerCase() === "a");
      expect(graded.length).toBeGreaterThan(0);
      expect(followUps.some((f) => f.stage === "需求确认" && f.score === "" && f.nextDateSource === "cadence")).toBe(
        false,
      );
      expect(
        followUps.filter((f) => textValue(f) === "string" && f.nextDate !== null && dueRows.has(f.row)).length,
      ).toBeGreaterThan(0);
      expect(problems.some((p) => p.column === "nextDate" && p.kind === "notADate")).toBe(true);
    }
  });
});
