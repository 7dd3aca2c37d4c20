/** Tests of src/core/review-funnel: customers per stage, who reached which stage and the conversion between consecutive stages, the weighted pipeline, each customer's amount, and the funnel block in both languages. */

import { type Day, dayFromYmd } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import type { FollowUp } from "../../src/core/follow-ups";
import { customerAmounts, funnelBlock, funnelOf } from "../../src/core/review-funnel";
import { defaultSettings } from "../../src/core/settings";
import { followUpOf } from "../fixtures/follow-up";

const SETTINGS = defaultSettings("zh");

function day(month: number, date: number): Day {
  return dayFromYmd(2026, month, date);
}

let nextRow = 2;
function row(customer: string, date: Day | null, stage: string, amount: number | null = null): FollowUp {
  return followUpOf({ row: nextRow++, customer, date, stage, amount, nextDate: date === null ? null : date + 7 });
}

/**
 * Default stages (open: 新线索 0, 待回访 1, 需求确认 2, 已报价 3, 谈判中 4, 签约中 5; won past them all):
 * - 甲: 新线索 → 需求确认 (100,000): furthest 需求确认, now there.
 * - 乙: 待回访: furthest and now 待回访, no amount.
 * - 丙: 新线索 → 已报价 (200,000) → 已成交: past every open stage, won.
 * - 丁: 谈判中 (50,000) → 已流失: furthest 谈判中, now lost.
 * - 戊: 新线索 (10,000).
 * - 己: 已流失 only, 庚: 跟进中 (a vague status Settings does not list): reached no listed open stage.
 * - 辛: a row without a follow-up date, counted nowhere.
 */
const ROWS: FollowUp[] = [
  row("甲", day(11, 2), "新线索"),
  row("甲", day(11, 10), "需求确认", 100_000),
  row("乙", day(11, 5), "待回访"),
  row("丙", day(11, 1), "新线索"),
  row("丙", day(11, 12), "已报价", 200_000),
  row("丙", day(11, 20), "已成交"),
  row("丁", day(11, 15), "谈判中", 50_000),
  row("丁", day(11, 25), "已流失"),
  row("戊", day(11, 20), "新线索", 10_000),
  row("己", day(11, 3), "已流失"),
  row("庚", day(11, 3), "跟进中", 80_000),
  row("辛", null, "签约中", 999_999),
];
const FUNNEL = funnelOf(ROWS, agendaOf(ROWS, [], SETTINGS));
const line = (stage: string) => FUNNEL.lines.find((l) => l.stage === stage);

describe("review-funnel", () => {
  describe("funnelOf", () => {
    it("counts each customer once, at the stage of its latest row, in Settings order", () => {
      expect(FUNNEL.lines.map((l) => [l.stage, l.customers])).toEqual([
        ["新线索", 1],
        ["待回访", 1],
        ["需求确认", 1],
        ["已报价", 0],
        ["谈判中", 0],
        ["签约中", 0],
        ["已成交", 1],
        ["已流失", 2],
      ]);
      expect(FUNNEL.customers).toBe(6);
    });

    it("counts who reached each stage by the furthest stage they were logged at, won counting as past them all", () => {
      expect(FUNNEL.lines.map((l) => l.reached)).toEqual([5, 4, 3, 2, 2, 1, 1, null]);
    });

    it("gives each open stage's conversion: the share of those who reached it that reached the next", () => {
      expect(FUNNEL.lines.map((l) => l.conversion)).toEqual([4 / 5, 3 / 4, 2 / 3, 1, 1 / 2, 1, null, null]);
      const empty = funnelOf([], agendaOf([], [], SETTINGS));
      expect(empty.lines.map((l) => l.conversion)).toEqual(Array(8).fill(null));
    });

    it("weighs the open customers' amounts by their stage's win probability", () => {
      expect(line("新线索")).toMatchObject({ amount: 10_000, winProbability: 0.1, weighted: 1_000 });
      expect(line("待回访")).toMatchObject({ amount: 0, winProbability: 0.25, weighted: 0 });
      expect(line("需求确认")).toMatchObject({ amount: 100_000, winProbability: 0.35, weighted: 35_000 });
      expect(line("已成交")).toMatchObject({ amount: null, winProbability: null, weighted: null });
      expect(FUNNEL.amount).toBe(110_000);
      expect(FUNNEL.weighted).toBe(36_000);
    });

    it("uses the win probability a team sets in Settings", () => {
      const settings = {
        ...SETTINGS,
        stages: SETTINGS.stages.map((s) => (s.name === "需求确认" ? { ...s, winProbability: 0.8 } : s)),
      };
      expect(funnelOf(ROWS, agendaOf(ROWS, [], settings)).weighted).toBe(1_000 + 80_000);
    });
  });

  describe("customerAmounts", () => {
    it("takes each customer's amount from its newest row that has one", () => {
      const rows = [
        row("甲", day(11, 1), "新线索", 10_000),
        row("甲", day(11, 9), "已报价", 30_000),
        row("甲", day(11, 20), "谈判中"),
        row("乙", day(11, 9), "新线索"),
      ];
      expect(customerAmounts(rows)).toEqual(new Map([["甲", 30_000]]));
    });
  });

  describe("funnelBlock", () => {
    it("lays the funnel out in the sheet's language, stage names too, with money and percentages to format", () => {
      const en = funnelBlock(FUNNEL, SETTINGS, "en");
      expect(en.grid[0]?.[0]).toBe(
        "Pipeline funnel (as of today): customers per stage, conversion and weighted amounts",
      );
      expect(en.grid[1]).toEqual([
        "Stage",
        "Customers now",
        "Reached",
        "Went on to next stage",
        "Amount",
        "Win probability",
        "Weighted",
      ]);
      expect(en.grid[2]).toEqual(["New lead", 1, 5, 0.8, 10_000, 0.1, 1_000]);
      expect(en.grid[8]).toEqual(["Won", 1, 1, "", "", "", ""]);
      expect(en.grid[9]).toEqual(["Lost", 2, "", "", "", "", ""]);
      expect(en.grid[10]).toEqual(["Total", 6, "", "", 110_000, "", 36_000]);
      expect(en.grid[11]?.[0]).toContain("Reached: the furthest stage");
      expect(new Set(en.grid.map((r) => r.length))).toEqual(new Set([7]));
      expect(en.formats).toEqual([
        { row: 2, column: 3, height: 9, width: 1, format: "percent" },
        { row: 2, column: 4, height: 9, width: 1, format: "money" },
        { row: 2, column: 5, height: 9, width: 1, format: "percent" },
        { row: 2, column: 6, height: 9, width: 1, format: "money" },
      ]);
      const zh = funnelBlock(FUNNEL, SETTINGS, "zh");
      expect(zh.grid[1]?.slice(0, 4)).toEqual(["阶段", "当前客户数", "累计到达", "进入下一阶段"]);
      expect(zh.grid[2]?.[0]).toBe("新线索");
      expect(zh.grid[10]?.[0]).toBe("合计");
    });
  });
});
