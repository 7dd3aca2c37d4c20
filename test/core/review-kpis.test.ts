/** Tests of src/core/review-kpis beyond test/core/review.test.ts: the KPI block's layout and formats, an odd-sized median, a week of losses only, and the weighted pipeline at each week's end. */

import { type Day, dayFromYmd } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import type { FollowUp } from "../../src/core/follow-ups";
import {
  KPI_COLUMNS,
  KPI_FORMATS,
  KPI_ROWS,
  kpiGrid,
  NOW_FIGURES,
  WEEK_FIGURES,
  weeklyKpis,
} from "../../src/core/review-kpis";
import { defaultSettings } from "../../src/core/settings";
import { followUpOf } from "../fixtures/follow-up";

const SETTINGS = defaultSettings("zh");
/** Monday: last week is 2026-11-23 – 11-29, the week before 11-16 – 11-22. */
const TODAY = dayFromYmd(2026, 11, 30);

function day(month: number, date: number): Day {
  return dayFromYmd(2026, month, date);
}

/** A follow-up as read from the sheet: row, customer, follow-up date and stage; open rows are due a week later. */
function followUp(row: number, customer: string, date: Day, stage: string): FollowUp {
  const closed = stage === "已成交" || stage === "已流失";
  return followUpOf({
    row,
    id: `FU-${row}`,
    customer,
    date,
    stage,
    nextStep: "",
    nextDate: closed ? null : date + 7,
    owner: "张三",
  });
}

/**
 * Three customers won last week after 5, 9 and 30 days (median 9, not the mean 14.7), and one customer lost the
 * week before, with nobody won that week.
 */
const FOLLOW_UPS: FollowUp[] = [
  followUp(2, "上海某科技有限公司", day(11, 20), "新线索"),
  followUp(3, "上海某科技", day(11, 25), "已成交"),
  followUp(4, "Acme, Inc.", day(11, 14), "新线索"),
  followUp(5, "ACME", day(11, 23), "已成交"),
  followUp(6, "北京某贸易", day(10, 27), "需求确认"),
  followUp(7, "北京某贸易", day(11, 26), "已成交"),
  followUp(8, "深圳某电子", day(11, 10), "新线索"),
  followUp(9, "深圳某电子", day(11, 18), "已流失"),
];

const KPIS = weeklyKpis(FOLLOW_UPS, agendaOf(FOLLOW_UPS, [], SETTINGS), TODAY, 0);

describe("review-kpis", () => {
  describe("weeklyKpis", () => {
    it("takes the middle value of an odd number of wins as the median days to win", () => {
      expect(KPIS.thisWeek).toMatchObject({ won: 3, lost: 0, winRate: 1, medianDaysToWin: 9 });
    });

    it("gives a win rate of 0, not blank, for a week of losses only", () => {
      expect(KPIS.previousWeek).toMatchObject({ won: 0, lost: 1, winRate: 0, medianDaysToWin: null });
    });
  });

  describe("the weighted pipeline", () => {
    /** Default win probabilities: 新线索 10%, 已报价 50%, 谈判中 60%, 签约中 75%. */
    const rows: FollowUp[] = [
      followUpOf({ row: 2, customer: "甲", date: day(11, 20), stage: "已报价", amount: 100_000 }),
      followUpOf({ row: 3, customer: "甲", date: day(11, 26), stage: "谈判中" }), // the amount stands
      followUpOf({ row: 4, customer: "甲", date: day(11, 30), stage: "签约中" }), // after last week: not counted
      followUpOf({ row: 5, customer: "乙", date: day(11, 24), stage: "新线索", amount: 120_000 }),
      followUpOf({ row: 6, customer: "丙", date: day(11, 18), stage: "签约中", amount: 50_000 }),
      followUpOf({ row: 7, customer: "丙", date: day(11, 25), stage: "已成交", nextDate: null }),
      followUpOf({ row: 8, customer: "丁", date: day(11, 19), stage: "已报价" }), // no amount: counts 0
    ];
    const kpis = weeklyKpis(rows, agendaOf(rows, [], SETTINGS), TODAY, 0);

    it("sums amount × the stage's win probability over the open customers at the end of each week", () => {
      expect(kpis.thisWeek.pipeline).toBe(100_000 * 0.6 + 120_000 * 0.1); // 丙 was won during the week
      expect(kpis.previousWeek.pipeline).toBe(100_000 * 0.5 + 50_000 * 0.75);
    });

    it("takes a stage's win probability from Settings", () => {
      const settings = {
        ...SETTINGS,
        stages: SETTINGS.stages.map((s) => (s.name === "谈判中" ? { ...s, winProbability: 0.9 } : s)),
      };
      expect(weeklyKpis(rows, agendaOf(rows, [], settings), TODAY, 0).thisWeek.pipeline).toBe(90_000 + 12_000);
    });
  });

  describe("KPI_ROWS and KPI_COLUMNS", () => {
    it("place each line and column of the block where the review sheet formats it", () => {
      expect(KPI_ROWS).toEqual({
        title: 0,
        header: 1,
        followUps: 2,
        newCustomers: 3,
        won: 4,
        lost: 5,
        winRate: 6,
        medianDaysToWin: 7,
        pipeline: 8,
        now: 9,
        overdueNow: 10,
        staleCustomers: 11,
        unreadable: 12,
      });
      expect(KPI_COLUMNS).toEqual({ label: 0, thisWeek: 1, previousWeek: 2, definition: 3 });
    });

    it("show the win rate of both weeks as a percentage and the pipeline as money", () => {
      expect(KPI_FORMATS).toEqual([
        { row: 6, column: 1, height: 1, width: 2, format: "percent" },
        { row: 8, column: 1, height: 1, width: 2, format: "money" },
      ]);
    });
  });

  describe("kpiGrid", () => {
    const grid = kpiGrid(KPIS, "en");

    it("is as tall as the layout and four columns wide", () => {
      expect(grid).toHaveLength(Object.keys(KPI_ROWS).length);
      expect(grid.every((row) => row.length === 4)).toBe(true);
    });

    it("puts each figure's label on the line KPI_ROWS gives it", () => {
      expect([...WEEK_FIGURES, ...NOW_FIGURES].map((figure) => grid[KPI_ROWS[figure]][KPI_COLUMNS.label])).toEqual([
        "Follow-ups",
        "New customers",
        "Customers won",
        "Customers lost",
        "Win rate",
        "Median days to win",
        "Weighted pipeline",
        "Overdue now",
        "Stale customers",
        "Unreadable rows",
      ]);
      expect(grid[KPI_ROWS.header]).toEqual([
        "Figure",
        "Last week 2026-11-23 – 2026-11-29",
        "Week before 2026-11-16 – 2026-11-22",
        "Definition",
      ]);
      expect(grid[KPI_ROWS.now]).toEqual(["As of today 2026-11-30", "", "", ""]);
    });

    it("writes a win rate of 0 as 0 and a missing median as an empty cell", () => {
      expect(grid[KPI_ROWS.winRate].slice(1, 3)).toEqual([1, 0]);
      expect(grid[KPI_ROWS.medianDaysToWin].slice(1, 3)).toEqual([9, ""]);
    });

    it("leaves the week-before column empty for the figures that stand today", () => {
      for (const figure of NOW_FIGURES) expect(grid[KPI_ROWS[figure]][KPI_COLUMNS.previousWeek]).toBe("");
    });
  });
});
