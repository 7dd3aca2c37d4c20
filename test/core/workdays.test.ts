/** Tests of src/core/workdays: the reminder days as teams write them in Settings (both languages), and the last workday before a day. */

import { dayFromYmd } from "../../src/core/dates";
import { defaultSettings, parseSettings, settingsGrid } from "../../src/core/settings";
import { DEFAULT_WORKDAYS, isWorkday, parseWorkdays, previousWorkday, workdaysText } from "../../src/core/workdays";

/** Monday 2026-11-23 … Sunday 2026-11-29. */
const MONDAY = dayFromYmd(2026, 11, 23);

describe("workdays", () => {
  describe("parseWorkdays", () => {
    it.each([
      ["周一至周五", [1, 2, 3, 4, 5]],
      ["周一至五", [1, 2, 3, 4, 5]],
      ["星期一到星期六", [1, 2, 3, 4, 5, 6]],
      ["周一、周三、周五", [1, 3, 5]],
      ["工作日", [1, 2, 3, 4, 5]],
      ["每天", [1, 2, 3, 4, 5, 6, 7]],
      ["周一至周五，周六", [1, 2, 3, 4, 5, 6]],
      ["Mon-Fri", [1, 2, 3, 4, 5]],
      ["Monday to Saturday", [1, 2, 3, 4, 5, 6]],
      ["mon, wed, fri", [1, 3, 5]],
      ["Mon–Fri, Sun", [1, 2, 3, 4, 5, 7]],
      ["weekdays", [1, 2, 3, 4, 5]],
      ["every day", [1, 2, 3, 4, 5, 6, 7]],
      ["1-5", [1, 2, 3, 4, 5]],
      ["1,2,3,4,5,6", [1, 2, 3, 4, 5, 6]],
      ["周日至周四", [1, 2, 3, 4, 7]],
      [6, [6]],
    ])("reads %j as %j", (value, days) => {
      expect(parseWorkdays(value)).toEqual(days);
    });

    it.each([[""], ["   "], ["sometimes"], ["周八"], [8], [new Date(2026, 0, 5)], [true]])(
      "does not read %j (the caller reports it and keeps Monday–Friday)",
      (value) => {
        expect(parseWorkdays(value)).toBeUndefined();
      },
    );
  });

  describe("workdaysText", () => {
    it("writes ranges and lists in either language, and reads back what it writes", () => {
      expect(workdaysText(DEFAULT_WORKDAYS, "zh")).toBe("周一至周五");
      expect(workdaysText(DEFAULT_WORKDAYS, "en")).toBe("Mon-Fri");
      expect(workdaysText([1, 2, 3, 4, 5, 6], "zh")).toBe("周一至周六");
      expect(workdaysText([1, 3, 5, 6, 7], "en")).toBe("Mon, Wed, Fri-Sun");
      expect(workdaysText([1, 2, 7], "zh")).toBe("周一、周二、周日");
      for (const days of [[1, 2, 3, 4, 5], [1, 3, 5, 6, 7], [1, 2, 7], [6]]) {
        for (const language of ["zh", "en"] as const) expect(parseWorkdays(workdaysText(days, language))).toEqual(days);
      }
    });
  });

  describe("isWorkday and previousWorkday", () => {
    it("knows Monday–Friday by default, and the workday before a weekend or a Monday", () => {
      const week = Array.from({ length: 7 }, (_, i) => isWorkday(DEFAULT_WORKDAYS, MONDAY + i));
      expect(week).toEqual([true, true, true, true, true, false, false]);
      expect(previousWorkday(DEFAULT_WORKDAYS, MONDAY + 7)).toBe(MONDAY + 4);
      expect(previousWorkday(DEFAULT_WORKDAYS, MONDAY + 5)).toBe(MONDAY + 4);
      expect(previousWorkday(DEFAULT_WORKDAYS, MONDAY + 2)).toBe(MONDAY + 1);
      expect(previousWorkday([1, 2, 3, 4, 5, 6], MONDAY + 7)).toBe(MONDAY + 5);
    });
  });

  describe("the Settings sheet", () => {
    it("holds the reminder days, Monday–Friday by default, in the sheet's language", () => {
      for (const [language, label, value] of [
        ["zh", "提醒日（如 周一至周五）", "周一至周五"],
        ["en", "Reminder days (e.g. Mon-Fri)", "Mon-Fri"],
      ] as const) {
        const grid = settingsGrid(defaultSettings(language), language);
        expect(grid.map((cells) => [cells[7], cells[8]])).toContainEqual([label, value]);
        expect(parseSettings(grid).settings.workdays).toEqual([1, 2, 3, 4, 5]);
      }
    });

    it("reads a chosen Saturday, and keeps Monday–Friday for a value it cannot read, naming the row", () => {
      const grid = settingsGrid(defaultSettings("zh"), "zh");
      const row = grid.findIndex((cells) => cells[7] === "提醒日（如 周一至周五）");
      grid[row][8] = "周一至周六";
      expect(parseSettings(grid).settings.workdays).toEqual([1, 2, 3, 4, 5, 6]);
      grid[row][8] = "有空就发";
      const { settings, problems } = parseSettings(grid);
      expect(settings.workdays).toEqual([1, 2, 3, 4, 5]);
      expect(problems).toContainEqual({ kind: "badValue", row: row + 1, setting: "workdays", value: "有空就发" });
    });
  });
});
