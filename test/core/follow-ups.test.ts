/** Tests of src/core/follow-ups: reading rows as getValues() gives them, with the cells a person has to look at. */

import { runInNewContext } from "node:vm";
import type { ColumnPositions } from "../../src/core/columns";
import { dayFromYmd } from "../../src/core/dates";
import { type FollowUp, readFollowUps } from "../../src/core/follow-ups";
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

    it("reports dates typed as text, and a missing follow-up date, but not a missing next date", () => {
      const values = [
        ["北京某贸易", "", "2024/6/9", "", "", "待回访", "", "", "", "下周", false, ""],
        ["北京某贸易", "", "", "", "", "待回访", "", "", "", "", false, "昨天"],
      ];
      const { followUps, problems } = readFollowUps(values, 2, COLUMNS, ZONE);
      expect(problems).toEqual([
        { row: 2, column: "date", kind: "notADate", value: "2024/6/9" },
        { row: 2, column: "nextDate", kind: "notADate", value: "下周" },
        { row: 3, column: "date", kind: "missingDate", value: "" },
        { row: 3, column: "loggedAt", kind: "notADate", value: "昨天" },
      ]);
      expect(followUps.map((f) => [f.date, f.nextDate, f.loggedAt])).toEqual([
        [null, null, null],
        [null, null, null],
      ]);
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
