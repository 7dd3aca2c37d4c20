/** Tests of src/core/follow-ups: reading rows as getValues() gives them, with the cells a person has to look at. */

import { runInNewContext } from "node:vm";
import type { ColumnPositions } from "../../src/core/columns";
import { dayFromYmd, isoOfDay } from "../../src/core/dates";
import { type DateReading, type FollowUp, problemSentence, readFollowUps } from "../../src/core/follow-ups";
import { followUpOf } from "../fixtures/follow-up";

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

const today = dayFromYmd(2026, 11, 27);
/** A Chinese table read on 2026-11-27. */
const ZH_TODAY: DateReading = { language: "zh", today };

const followUp = (fields: Partial<FollowUp>): FollowUp => followUpOf({ nextDate: today, ...fields });

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

    it("reports text that is no date, and a missing follow-up date, but not a missing next date", () => {
      const values = [
        ["北京某贸易", "", "上周五", "", "", "待回访", "", "", "", "下周", false, ""],
        ["北京某贸易", "", "", "", "", "待回访", "", "", "", "", false, "昨天"],
      ];
      const { followUps, problems } = readFollowUps(values, 2, COLUMNS, ZONE, [], ZH_TODAY);
      expect(problems).toEqual([
        { row: 2, column: "date", kind: "notADate", value: "上周五" },
        { row: 2, column: "nextDate", kind: "notADate", value: "下周" },
        { row: 3, column: "date", kind: "missingDate", value: "" },
        { row: 3, column: "loggedAt", kind: "notADate", value: "昨天" },
      ]);
      expect(followUps.map((f) => [f.date, f.nextDate, f.loggedAt])).toEqual([
        [null, null, null],
        [null, null, null],
      ]);
    });

    describe("dates typed as text", () => {
      /** A row: customer, follow-up date, next step, next date (the rest blank). */
      const row = (date: unknown, nextStep: unknown, nextDate: unknown) => [
        "北京某贸易",
        "",
        date,
        "",
        "",
        "待回访",
        nextStep,
        "李四",
        "",
        nextDate,
        false,
        "",
      ];
      const read = (rows: unknown[][], reading = ZH_TODAY) => readFollowUps(rows, 2, COLUMNS, ZONE, [], reading);
      const iso = (day: number | null) => (day === null ? null : isoOfDay(day));

      it("reads the forms people type, with no problem reported", () => {
        const { followUps, problems } = read([
          row("2026/11/20", "", "2026年11月30日"),
          row("2026.11.20", "", "26/11/30"),
          row("11月20日", "", "11-30"),
          row("11/20", "", "12月1号"),
        ]);
        expect(problems).toEqual([]);
        expect(followUps.map((f) => [iso(f.date), iso(f.nextDate)])).toEqual([
          ["2026-11-20", "2026-11-30"],
          ["2026-11-20", "2026-11-30"],
          ["2026-11-20", "2026-11-30"],
          ["2026-11-20", "2026-12-01"],
        ]);
      });

      it("reads month first in an English table: 11/30/26", () => {
        const { followUps, problems } = read([row("11/20/2026", "", "11/30/26")], { ...ZH_TODAY, language: "en" });
        expect(problems).toEqual([]);
        expect(followUps.map((f) => [iso(f.date), iso(f.nextDate)])).toEqual([["2026-11-20", "2026-11-30"]]);
      });

      it("takes a next date without a year nearest the follow-up date: after a follow-up on Dec 28, 1/5 is next January", () => {
        const { followUps } = read([
          row(sheetDate(2026, 12, 28), "", "1/5"),
          row(sheetDate(2026, 1, 3), "", "12/30"),
          row(sheetDate(2026, 7, 15), "", "12/30"),
        ]);
        expect(followUps.map((f) => iso(f.nextDate))).toEqual(["2027-01-05", "2025-12-30", "2026-12-30"]);
      });

      it("takes a follow-up date without a year nearest today, and a next date too when the follow-up date is text", () => {
        const newYear = { language: "zh" as const, today: dayFromYmd(2027, 1, 2) };
        const { followUps } = read([row("12/30", "", "1/8")], newYear);
        expect(followUps.map((f) => [iso(f.date), iso(f.nextDate)])).toEqual([["2026-12-30", "2027-01-08"]]);
      });

      it("uses a date the sheet holds as it is", () => {
        const { followUps, problems } = read([row(sheetDate(2026, 11, 20), "12/1回访", sheetDate(2026, 11, 30))]);
        expect(problems).toEqual([]);
        expect(followUps.map((f) => [iso(f.nextDate), f.nextDateSource])).toEqual([["2026-11-30", undefined]]);
      });
    });

    describe("a date in the next step, the next-date cell empty", () => {
      const row = (nextStep: unknown, nextDate: unknown) => [
        "上海某科技",
        "",
        sheetDate(2026, 11, 20),
        "",
        "",
        "已报价",
        nextStep,
        "李四",
        "",
        nextDate,
        false,
        "",
      ];

      it("is the next date, marked as read from the text", () => {
        const { followUps, problems } = readFollowUps([row("11/27回访报价反馈", "")], 2, COLUMNS, ZONE, [], ZH_TODAY);
        expect(problems).toEqual([]);
        expect(followUps[0]).toMatchObject({ nextDate: today, nextDateSource: "text", nextStep: "11/27回访报价反馈" });
      });

      it("takes the first real date, in the forms of a date cell; relative words and number ranges are none", () => {
        const steps = [
          "预计2026-12-03签约",
          "报价1.5万，12月1日前发合同",
          "周五前发合同",
          "3-5天内回复",
          "回访",
          45000,
        ];
        const { followUps, problems } = readFollowUps(
          steps.map((s) => row(s, "  ")),
          2,
          COLUMNS,
          ZONE,
          [],
          ZH_TODAY,
        );
        expect(problems).toEqual([]);
        expect(followUps.map((f) => [f.nextDate === null ? null : isoOfDay(f.nextDate), f.nextDateSource])).toEqual([
          ["2026-12-03", "text"],
          ["2026-12-01", "text"],
          [null, undefined],
          [null, undefined],
          [null, undefined],
          [null, undefined],
        ]);
      });

      it("gives way to anything in the next-date cell, even text that is no date", () => {
        const { followUps, problems } = readFollowUps(
          [row("11/27回访", sheetDate(2026, 12, 2)), row("11/27回访", "下周")],
          2,
          COLUMNS,
          ZONE,
          [],
          ZH_TODAY,
        );
        expect(followUps.map((f) => [f.nextDate === null ? null : isoOfDay(f.nextDate), f.nextDateSource])).toEqual([
          ["2026-12-02", undefined],
          [null, undefined],
        ]);
        expect(problems).toEqual([{ row: 3, column: "nextDate", kind: "notADate", value: "下周" }]);
      });
    });

    describe("problemSentence", () => {
      const positions: ColumnPositions = { customer: 2, date: 5, nextDate: 11 };
      const problem = { row: 5, column: "nextDate" as const, kind: "notADate" as const, value: "下周三" };

      it("names the row, the cell and the column of a date that stays unreadable, in Chinese and in English", () => {
        expect(problemSentence(problem, positions, "zh")).toBe("第 5 行 K 列「下次跟进日期」的「下周三」不是日期");
        expect(problemSentence({ ...problem, value: "next Wed" }, positions, "en")).toBe(
          "Row 5, cell K5 (Next follow-up date): “next Wed” is not a date",
        );
      });

      it("uses the team's own header when the table has one, and words other problems with their cell too", () => {
        const header = ["", "公司", "", "", "回访日期", "", "", "", "", "", "下次回访时间"];
        expect(problemSentence(problem, positions, "zh", header)).toBe(
          "第 5 行 K 列「下次回访时间」的「下周三」不是日期",
        );
        const missing = { row: 7, column: "date" as const, kind: "missingDate" as const, value: "" };
        expect(problemSentence(missing, positions, "zh", header)).toBe("第 7 行 E 列「回访日期」：没有填写跟进时间");
        expect(problemSentence(missing, positions, "en")).toBe("Row 7, cell E7 (Follow-up date): no follow-up date");
      });

      it("names the row alone for a column the table lacks", () => {
        const stage = { row: 4, column: "stage" as const, kind: "missingStage" as const, value: "" };
        expect(problemSentence(stage, positions, "en")).toBe("Row 4, “Stage”: no stage");
      });
    });

    it("reads a plain number in a date column as the serial day the sheet's formulas see, and reports it", () => {
      // 45000 is 2023-03-15 to Sheets' INT(): the colouring rule colours it as that day, so reminders must too.
      const { followUps, problems } = readFollowUps(
        [["北京某贸易", "", sheetDate(2026, 11, 2), "", "", "待回访", "", "", "", 45000.75]],
        2,
        COLUMNS,
        ZONE,
      );
      expect(followUps[0].nextDate).toBe(dayFromYmd(2023, 3, 15));
      expect(problems).toEqual([{ row: 2, column: "nextDate", kind: "numberAsDate", value: "45000.75 → 2023-03-15" }]);
    });

    it("reads done marks in both languages and reports a mark that says neither done nor not done", () => {
      const rows = [
        "是",
        "否",
        "已完成",
        "未完成",
        "Yes",
        "N",
        "Done",
        "✓",
        "×",
        1,
        0,
        true,
        false,
        "",
        "x",
        "再说",
      ].map((mark) => ["Acme", "", sheetDate(2026, 11, 26), "", "", "", "", "", "", "", mark]);
      const { followUps, problems } = readFollowUps(rows, 2, COLUMNS, ZONE);
      expect(followUps.map((f) => f.done)).toEqual([
        true,
        false,
        true,
        false,
        true,
        false,
        true,
        true,
        false,
        true,
        false,
        true,
        false,
        false,
        false,
        false,
      ]);
      expect(problems).toEqual([
        { row: 16, column: "done", kind: "unknownDone", value: "x" },
        { row: 17, column: "done", kind: "unknownDone", value: "再说" },
      ]);
    });

    it("skips a header row pasted again inside the data, and reports it", () => {
      const header = ["客户名称", "联系人", "跟进时间", "跟进方式", "跟进内容", "当前状态", "下一步计划", "责任人"];
      const rows = [
        ["Acme", "", sheetDate(2026, 11, 26), "电话", "", "待回访", "", "李四"],
        [...header],
        ["Globex", "", sheetDate(2026, 11, 26), "电话", "", "待回访", "", "李四"],
      ];
      const { followUps, problems } = readFollowUps(rows, 2, COLUMNS, ZONE, header);
      expect(followUps.map((f) => f.customer)).toEqual(["Acme", "Globex"]);
      expect(problems).toEqual([{ row: 3, column: "customer", kind: "repeatedHeader", value: "客户名称" }]);
    });

    it("keeps a row that only shares one cell with the header", () => {
      const header = ["客户名称", "联系人", "跟进时间"];
      const rows = [["客户名称", "张三", sheetDate(2026, 11, 26)]];
      expect(readFollowUps(rows, 2, COLUMNS, ZONE, header).followUps).toHaveLength(1);
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
});
