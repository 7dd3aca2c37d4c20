/** Tests of src/core/review-kpis beyond test/core/review.test.ts: the KPI block's layout, an odd-sized median and a week of losses only. */

import { type Day, dayFromYmd } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import type { FollowUp } from "../../src/core/follow-ups";
import { KPI_COLUMNS, KPI_ROWS, kpiGrid, NOW_FIGURES, WEEK_FIGURES, weeklyKpis } from "../../src/core/review-kpis";
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
        now: 8,
        overdueNow: 9,
        staleCustomers: 10,
        unreadable: 11,
      });
      expect(KPI_COLUMNS).toEqual({ label: 0, thisWeek: 1, previousWeek: 2, definition: 3 });
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
