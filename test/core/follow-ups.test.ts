/** Tests of src/core/follow-ups: reading rows as getValues() gives them, and SPEC's open / overdue / due-today / upcoming. */

import { runInNewContext } from "node:vm";
import type { ColumnPositions } from "../../src/core/columns";
import { dayFromYmd } from "../../src/core/dates";
import {
  type FollowUp,
  isDueToday,
  isOpen,
  isOverdue,
  isUpcoming,
  latestByCustomer,
  readFollowUps,
} from "../../src/core/follow-ups";
import { defaultSettings } from "../../src/core/settings";

const ZONE = "Asia/Shanghai";
/** The article's columns, with next date, done and logged-at appended by adoption. */
const COLUMNS: ColumnPositions = {
  customer: 1,
  contact: 2,
  date: 3,
  method: 4,
  summary: 5,
  stage: 6,
  nextStep: 7,
  owner: 8,
  id: 9,
  nextDate: 10,
  done: 11,
  loggedAt: 12,
};

/** Midnight of a day in Shanghai, as a Date from another realm like the ones getValues() returns. */
function sheetDate(y: number, m: number, d: number, hour = 0): Date {
  return runInNewContext(`new Date(Date.UTC(${y}, ${m - 1}, ${d}, ${hour - 8}))`);
}

const settings = defaultSettings("zh");
const today = dayFromYmd(2026, 11, 27);

function followUp(fields: Partial<FollowUp>): FollowUp {
  return {
    row: 2,
    id: "FU-000001",
    customer: "上海某科技",
    customerKey: "上海某科技",
    contact: "",
    contactInfo: "",
    date: dayFromYmd(2026, 11, 20),
    method: "电话",
    need: "",
    summary: "",
    stage: "已报价",
    nextStep: "回访报价反馈",
    nextDate: today,
    owner: "李四",
    source: "",
    score: "",
    notes: "",
    done: false,
    loggedAt: null,
    ...fields,
  };
}

describe("follow-ups", () => {
  describe("readFollowUps", () => {
    it("reads a typed row: text trimmed, dates as days in the spreadsheet's zone, checkbox and stamp", () => {
      const values = [
        [
          "上海某科技有限公司 ",
          "张三",
          sheetDate(2026, 11, 20, 0),
          "电话",
          "需求确认,需报价",
          "已报价",
          "回访报价反馈",
          "李四",
          "FU-000007",
          sheetDate(2026, 11, 27, 0),
          true,
          sheetDate(2026, 11, 20, 15),
        ],
      ];
      const { followUps, problems } = readFollowUps(values, 5, COLUMNS, ZONE);
      expect(problems).toEqual([]);
      expect(followUps).toEqual([
        followUp({
          row: 5,
          id: "FU-000007",
          customer: "上海某科技有限公司",
          contact: "张三",
          summary: "需求确认,需报价",
          done: true,
          loggedAt: Date.UTC(2026, 10, 20, 7),
        }),
      ]);
    });

    it("skips blank rows, including rows whose only value is an unticked checkbox", () => {
      const blank = ["", "", "", "", "", "", "", "", "", "", false, ""];
      const typed = ["Acme Co., Ltd.", "", sheetDate(2026, 11, 26), "", "", "", "", "", "", "", false, ""];
      const { followUps } = readFollowUps([blank, ["  "], typed], 2, COLUMNS, ZONE);
      expect(followUps.map((f) => [f.row, f.customerKey, f.done])).toEqual([[4, "acme", false]]);
    });

    it("reports dates that are numbers or text, and a missing follow-up date, but not a missing next date", () => {
      const values = [
        ["北京某贸易", "", "2024/6/9", "", "", "待回访", "", "", "", 45000, false, ""],
        ["北京某贸易", "", "", "", "", "待回访", "", "", "", "", false, "昨天"],
      ];
      const { followUps, problems } = readFollowUps(values, 2, COLUMNS, ZONE);
      expect(problems).toEqual([
        { row: 2, column: "date", kind: "notADate", value: "2024/6/9" },
        { row: 2, column: "nextDate", kind: "notADate", value: "45000" },
        { row: 3, column: "date", kind: "missingDate", value: "" },
        { row: 3, column: "loggedAt", kind: "notADate", value: "昨天" },
      ]);
      expect(followUps.map((f) => [f.date, f.nextDate, f.loggedAt])).toEqual([
        [null, null, null],
        [null, null, null],
      ]);
    });

    it("reports a row without a customer and keeps it", () => {
      const { followUps, problems } = readFollowUps([["", "张三", sheetDate(2026, 11, 26)]], 9, COLUMNS, ZONE);
      expect(problems).toEqual([{ row: 9, column: "customer", kind: "missingCustomer", value: "" }]);
      expect(followUps[0]).toMatchObject({ row: 9, customer: "", customerKey: "", contact: "张三" });
    });

    it("reads columns the table lacks as blank and numbers in text columns as text", () => {
      const { followUps } = readFollowUps(
        [["Globex", "Hank", sheetDate(2026, 11, 2), "", 3]],
        2,
        { ...COLUMNS, score: 5 },
        ZONE,
      );
      expect(followUps[0]).toMatchObject({ score: "3", need: "", source: "" });
    });

    it("takes the day in the spreadsheet's zone: 07:00 in Shanghai is the day before in UTC", () => {
      const morning = [["Acme", "", sheetDate(2026, 11, 27, 7)]];
      expect(readFollowUps(morning, 2, COLUMNS, ZONE).followUps[0].date).toBe(dayFromYmd(2026, 11, 27));
      expect(readFollowUps(morning, 2, COLUMNS, "UTC").followUps[0].date).toBe(dayFromYmd(2026, 11, 26));
    });

    it("reads ticked-box words in an adopted done column", () => {
      const rows = [["Acme", "", sheetDate(2026, 11, 26), "", "", "", "", "", "", "", "是"]];
      expect(readFollowUps(rows, 2, COLUMNS, ZONE).followUps[0].done).toBe(true);
    });
  });

  describe("isOpen", () => {
    it("is open with a next date, not done, and a stage that is not closed (or unknown)", () => {
      expect(isOpen(followUp({}), settings)).toBe(true);
      expect(isOpen(followUp({ stage: "跟进中" }), settings)).toBe(true);
      expect(isOpen(followUp({ stage: "" }), settings)).toBe(true);
    });

    it("is not open without a next date, when done, or when won or lost", () => {
      expect(isOpen(followUp({ nextDate: null }), settings)).toBe(false);
      expect(isOpen(followUp({ done: true }), settings)).toBe(false);
      expect(isOpen(followUp({ stage: "已成交" }), settings)).toBe(false);
      expect(isOpen(followUp({ stage: " 已流失 " }), settings)).toBe(false);
    });
  });

  describe("isOverdue", () => {
    it("is overdue when open and the next date is before today", () => {
      expect(isOverdue(followUp({ nextDate: today - 1 }), settings, today)).toBe(true);
      expect(isOverdue(followUp({ nextDate: today }), settings, today)).toBe(false);
      expect(isOverdue(followUp({ nextDate: today - 1, stage: "已成交" }), settings, today)).toBe(false);
      expect(isOverdue(followUp({ nextDate: today - 1, done: true }), settings, today)).toBe(false);
    });
  });

  describe("isDueToday", () => {
    it("is due today when open and the next date is today", () => {
      expect(isDueToday(followUp({ nextDate: today }), settings, today)).toBe(true);
      expect(isDueToday(followUp({ nextDate: today + 1 }), settings, today)).toBe(false);
      expect(isDueToday(followUp({ nextDate: today, stage: "已流失" }), settings, today)).toBe(false);
    });
  });

  describe("isUpcoming", () => {
    it("is upcoming when open and the next date is 1 to windowDays days away", () => {
      expect(isUpcoming(followUp({ nextDate: today }), settings, today, 3)).toBe(false);
      expect(isUpcoming(followUp({ nextDate: today + 1 }), settings, today, 3)).toBe(true);
      expect(isUpcoming(followUp({ nextDate: today + 3 }), settings, today, 3)).toBe(true);
      expect(isUpcoming(followUp({ nextDate: today + 4 }), settings, today, 3)).toBe(false);
      expect(isUpcoming(followUp({ nextDate: today + 1, done: true }), settings, today, 3)).toBe(false);
      expect(isUpcoming(followUp({ nextDate: null }), settings, today, 3)).toBe(false);
    });
  });

  describe("latestByCustomer", () => {
    it("takes each customer's latest row by follow-up date, then logged-at, then row", () => {
      const rows = [
        followUp({ row: 2, customerKey: "acme", date: dayFromYmd(2026, 11, 25) }),
        followUp({ row: 3, customerKey: "acme", date: dayFromYmd(2026, 11, 20) }),
        followUp({ row: 4, customerKey: "上海某科技", date: today, loggedAt: 2_000 }),
        followUp({ row: 5, customerKey: "上海某科技", date: today, loggedAt: 1_000 }),
        followUp({ row: 6, customerKey: "北京某贸易", date: today }),
        followUp({ row: 7, customerKey: "北京某贸易", date: today }),
        followUp({ row: 8, customerKey: "", date: today }),
      ];
      const latest = latestByCustomer(rows);
      expect([...latest].map(([key, f]) => [key, f.row])).toEqual([
        ["acme", 2],
        ["上海某科技", 4],
        ["北京某贸易", 7],
      ]);
    });

    it("ranks a row without a date below dated rows", () => {
      const rows = [followUp({ row: 2, date: dayFromYmd(2026, 1, 5) }), followUp({ row: 3, date: null })];
      expect(latestByCustomer(rows).get("上海某科技")?.row).toBe(2);
    });
  });
});
