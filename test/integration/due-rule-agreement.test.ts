/** One rule of due, two spellings: over generated tables (dates near midnight in several time zones, every kind of stage, done marks in both languages, superseded rows), the sheet's colouring formulas evaluated by a real formula engine agree row by row with src/core/due, which the digests, the sidebar and the review use. */

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

/** A next-date cell: near today, at a time near midnight (either side), or blank, text or a plain number. */
function nextDateCell(g: ReturnType<typeof generator>, today: number): unknown {
  const kind = g.int(10);
  if (kind === 0) return "";
  if (kind === 1) return g.pick(["下周一", "next Tuesday", "待定"]);
  if (kind === 2) return g.int(3) === 0 ? 46000 : serialOf(...ymd(today + g.int(5) - 2));
  const minutes = g.pick([0, 1, 15, 23 * 60 + 59, 23 * 60 + 30, 12 * 60]);
  return typedAt(today + g.int(7) - 3, minutes);
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
  const rows = Array.from({ length: ROWS }, () => {
    const cells: unknown[] = Array(COLUMNS.length).fill("");
    cells[column("customer")] = customerCell(g);
    cells[column("date")] = typedAt(today - g.int(20), g.pick([0, 30, 23 * 60 + 59, 9 * 60]));
    cells[column("stage")] = g.pick(STAGES);
    cells[column("nextDate")] = nextDateCell(g, today);
    cells[column("owner")] = "li.lei";
    cells[column("done")] = g.pick(DONE_MARKS);
    // Some rows were saved from the sidebar (stamped), some typed by hand (Sync stamps them).
    if (g.int(2) === 0) cells[column("loggedAt")] = typedAt(today - g.int(20), g.int(24 * 60));
    return cells;
  });
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
  if (!sheet) throw new Error("no Follow-ups sheet");
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
  const { followUps, problems } = readFollowUps(values, 2, positions, timeZone, header);
  const settings = parseSettings(settingsSheet.getDataRange().getValues()).settings;
  const agenda = agendaOf(followUps, problems, settings);
  const due = new Map(followUps.map((f) => [f.row, dueOf(agenda, f, today)]));
  const rule = {
    overdue: values.map((_, i) => due.get(i + 2) === "overdue"),
    dueToday: values.map((_, i) => due.get(i + 2) === "dueToday"),
  };
  return { formula, rule, agenda, problems };
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
      const { formula, rule, agenda, problems } = bothSpellings(runtime, timeZone, at);
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
    }
  });
});
