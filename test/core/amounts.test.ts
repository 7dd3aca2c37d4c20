/** Tests of src/core/amounts: amounts as teams type them in both languages, what is not an amount (reported with its row and cell when read), the currency and how money and shares are shown. */

import {
  currencySymbol,
  moneyFormat,
  moneyText,
  PERCENT_FORMAT,
  parseAmount,
  parseCurrency,
  percentText,
} from "../../src/core/amounts";
import { columnSpec } from "../../src/core/columns";
import { readFollowUps } from "../../src/core/follow-ups";
import { type DetectedTable, detectTable, planAdoption } from "../../src/core/header-detection";
import { problemLines } from "../../src/core/report";

describe("amounts", () => {
  describe("parseAmount", () => {
    it.each([
      [12000, 12000],
      [0, 0],
      [1234.5, 1234.5],
      ["12000", 12000],
      ["12万", 120_000],
      ["12 万", 120_000],
      ["12万元", 120_000],
      ["1.5w", 15_000],
      ["1.5W", 15_000],
      ["3千", 3_000],
      ["1.2亿", 120_000_000],
      ["2百万", 2_000_000],
      ["¥30,000", 30_000],
      ["￥30,000", 30_000],
      ["¥ 30,000.50", 30_000.5],
      ["30,000元", 30_000],
      ["5000块", 5_000],
      ["人民币8000", 8_000],
      ["约5万", 50_000],
      ["预计 20万", 200_000],
      ["$12k", 12_000],
      ["$12K", 12_000],
      ["$1.2m", 1_200_000],
      ["USD 12,000", 12_000],
      ["12,000 USD", 12_000],
      ["US$3,500", 3_500],
      ["€900", 900],
      ["１２万", 120_000],
      ["~8k", 8_000],
    ])("reads %p as %p", (typed, amount) => {
      expect(parseAmount(typed)).toBe(amount);
    });

    it.each([[""], ["   "], [null], [undefined]])("reads %p as no amount", (blank) => {
      expect(parseAmount(blank)).toBeNull();
    });

    it.each([
      ["五万"],
      ["10-20万"],
      ["待定"],
      ["TBD"],
      ["12,34"],
      ["1.2.3"],
      ["12万5千"],
      [-500],
      [Number.NaN],
      [true],
      [new Date(2026, 10, 27)],
    ])("does not guess at %p", (typed) => {
      expect(parseAmount(typed)).toBe("notAnAmount");
    });
  });

  describe("reading the amount and expected-close columns", () => {
    const COLUMNS = { customer: 1, date: 2, stage: 3, amount: 4, expectedClose: 5 };
    const values = [
      ["上海某科技", new Date("2026-11-20T02:00:00Z"), "已报价", "12万", new Date("2026-12-15T02:00:00Z")],
      ["Globex", new Date("2026-11-20T02:00:00Z"), "Quoted", 30000, ""],
      ["北京某贸易", new Date("2026-11-20T02:00:00Z"), "已报价", "十来万", ""],
    ];
    const { followUps, problems } = readFollowUps(values, 2, COLUMNS, "Asia/Shanghai");

    it("reads the amount as a number and the expected close as a day", () => {
      expect(followUps.map((f) => f.amount)).toEqual([120_000, 30_000, null]);
      expect(followUps[0]?.expectedClose).toBe(Date.UTC(2026, 11, 15) / 86_400_000);
      expect(followUps[1]?.expectedClose).toBeNull();
    });

    it("reports a cell that holds no amount, naming its row and column in both languages", () => {
      expect(problems).toEqual([{ row: 4, column: "amount", kind: "notAnAmount", value: "十来万" }]);
      expect(problemLines(problems, "zh")).toEqual([
        "第 4 行「预计金额」：不是金额（十来万）：可写 12000、12万、1.5w、¥30,000",
      ]);
      expect(problemLines(problems, "en")).toEqual([
        "Row 4, “Amount”: not an amount (十来万); write e.g. 12000, 12k, ¥30,000 or $12,000",
      ]);
    });

    it("leaves both empty in a table without the columns", () => {
      const without = readFollowUps(
        [["上海某科技", new Date("2026-11-20T02:00:00Z"), "已报价"]],
        2,
        { customer: 1, date: 2, stage: 3 },
        "Asia/Shanghai",
      );
      expect(without.followUps[0]).toMatchObject({ amount: null, expectedClose: null });
      expect(without.problems).toEqual([]);
    });
  });

  describe("the money columns in a team's own table", () => {
    it("recognises the amount and expected-close headers teams write, in both languages", () => {
      const zh = detectTable([["客户", "跟进日期", "下次跟进", "合同金额", "预计签约日期"]]);
      expect(zh?.columns).toMatchObject({ customer: 1, amount: 4, expectedClose: 5 });
      const en = detectTable([["Account", "Date", "Follow-up Date", "Deal size", "Close date"]]);
      expect(en?.columns).toMatchObject({ customer: 1, amount: 4, expectedClose: 5 });
      expect(detectTable([["客户名称", "预计金额（元）", "Expected close"]])?.columns).toEqual({
        customer: 1,
        amount: 2,
        expectedClose: 3,
      });
    });

    it("never appends them to a table that lacks them: they are optional", () => {
      const plan = planAdoption(detectTable([["客户", "跟进日期", "下次跟进日期"]]) as DetectedTable);
      expect(plan.toAppend).not.toContain("amount");
      expect(plan.toAppend).not.toContain("expectedClose");
      expect(columnSpec("amount")).toMatchObject({
        owner: "team",
        needed: false,
        header: { zh: "预计金额", en: "Amount" },
      });
      expect(columnSpec("expectedClose")).toMatchObject({
        needed: false,
        header: { zh: "预计成交日期", en: "Expected close" },
      });
    });
  });

  describe("the currency", () => {
    it("takes the Settings choice, else the spreadsheet locale's symbol", () => {
      expect(currencySymbol("auto", "zh_CN")).toBe("¥");
      expect(currencySymbol("auto", "zh_TW")).toBe("NT$");
      expect(currencySymbol("auto", "en_US")).toBe("$");
      expect(currencySymbol("auto", "en_GB")).toBe("£");
      expect(currencySymbol("auto", "fr_FR")).toBe("$");
      expect(currencySymbol("€", "zh_CN")).toBe("€");
    });

    it("reads a symbol or a code typed in Settings, and nothing else", () => {
      expect(
        ["auto", "自动", "¥", "￥", "RMB", "cny", "元", "$", "usd", "美元", "€", "EUR", "£", "HKD"].map(parseCurrency),
      ).toEqual(["auto", "auto", "¥", "¥", "¥", "¥", "¥", "$", "$", "$", "€", "€", "£", "HK$"]);
      expect(parseCurrency("dollars")).toBeUndefined();
      expect(parseCurrency("")).toBeUndefined();
    });
  });

  describe("showing money and shares", () => {
    it("writes money in whole units with thousands separators", () => {
      expect(moneyText(12000, "¥")).toBe("¥12,000");
      expect(moneyText(1234567.6, "$")).toBe("$1,234,568");
      expect(moneyText(0, "€")).toBe("€0");
      expect(moneyText(999, "HK$")).toBe("HK$999");
    });

    it("gives Sheets the matching number formats", () => {
      expect(moneyFormat("¥")).toBe('"¥"#,##0');
      expect(moneyFormat("HK$")).toBe('"HK$"#,##0');
      expect(PERCENT_FORMAT).toBe("0%");
    });

    it("writes a share as a whole percentage, not 0.3333", () => {
      expect(percentText(1 / 3)).toBe("33%");
      expect(percentText(2 / 3)).toBe("67%");
      expect(percentText(0)).toBe("0%");
      expect(percentText(1)).toBe("100%");
    });
  });
});
