/** Tests of src/core/dates: calendar days, the day of an instant in a zone, wall-clock times across DST, and dates as people type them in both languages. */

import {
  dayFromYmd,
  dayInZone,
  dayOfTypedDate,
  instantOfLocalTime,
  isoOfDay,
  mondayOf,
  readTypedDate,
  type TypedDatePlace,
  weekdayOfDay,
  yearlessDay,
  ymdOfDay,
} from "../../src/core/dates";
import type { Language } from "../../src/core/language";

const nov27 = dayFromYmd(2026, 11, 27);

describe("dates", () => {
  describe("dayFromYmd / ymdOfDay / isoOfDay", () => {
    it("counts days from 1970-01-01 and back", () => {
      expect(dayFromYmd(1970, 1, 1)).toBe(0);
      expect(dayFromYmd(1970, 1, 2)).toBe(1);
      expect(ymdOfDay(nov27)).toEqual({ year: 2026, month: 11, day: 27 });
      expect(isoOfDay(nov27)).toBe("2026-11-27");
      expect(isoOfDay(dayFromYmd(2028, 2, 29))).toBe("2028-02-29");
      expect(isoOfDay(dayFromYmd(1969, 12, 31))).toBe("1969-12-31");
    });

    it("rolls over month and year ends", () => {
      expect(dayFromYmd(2026, 12, 32)).toBe(dayFromYmd(2027, 1, 1));
      expect(dayFromYmd(2026, 12, 31) + 1).toBe(dayFromYmd(2027, 1, 1));
    });
  });

  describe("weekdayOfDay / mondayOf", () => {
    it("numbers weekdays Monday = 1 … Sunday = 7", () => {
      expect(weekdayOfDay(0)).toBe(4);
      expect(weekdayOfDay(dayFromYmd(2026, 11, 23))).toBe(1);
      expect(weekdayOfDay(nov27)).toBe(5);
      expect(weekdayOfDay(dayFromYmd(2026, 11, 29))).toBe(7);
      expect(weekdayOfDay(dayFromYmd(1969, 12, 29))).toBe(1);
    });

    it("finds the Monday of the week, a Sunday belonging to the week before it", () => {
      expect(mondayOf(nov27)).toBe(dayFromYmd(2026, 11, 23));
      expect(mondayOf(dayFromYmd(2026, 11, 23))).toBe(dayFromYmd(2026, 11, 23));
      expect(mondayOf(dayFromYmd(2026, 11, 29))).toBe(dayFromYmd(2026, 11, 23));
    });
  });

  describe("dayInZone", () => {
    it("gives the spreadsheet's date, not UTC's: 01:00 UTC is already 09:00 in Shanghai", () => {
      const instant = Date.UTC(2026, 10, 26, 17, 30);
      expect(isoOfDay(dayInZone(instant, "Asia/Shanghai"))).toBe("2026-11-27");
      expect(isoOfDay(dayInZone(instant, "UTC"))).toBe("2026-11-26");
      expect(isoOfDay(dayInZone(instant, "America/Los_Angeles"))).toBe("2026-11-26");
    });

    it("changes day exactly at local midnight", () => {
      const midnightShanghai = Date.UTC(2026, 10, 26, 16, 0);
      expect(dayInZone(midnightShanghai - 1, "Asia/Shanghai")).toBe(nov27 - 1);
      expect(dayInZone(midnightShanghai, "Asia/Shanghai")).toBe(nov27);
    });

    it("handles half-hour zones and days around a DST change", () => {
      expect(isoOfDay(dayInZone(Date.UTC(2026, 10, 26, 18, 29), "Asia/Kolkata"))).toBe("2026-11-26");
      expect(isoOfDay(dayInZone(Date.UTC(2026, 10, 26, 18, 30), "Asia/Kolkata"))).toBe("2026-11-27");
      expect(isoOfDay(dayInZone(Date.UTC(2026, 2, 8, 4, 59), "America/New_York"))).toBe("2026-03-07");
      expect(isoOfDay(dayInZone(Date.UTC(2026, 2, 8, 5, 0), "America/New_York"))).toBe("2026-03-08");
      expect(isoOfDay(dayInZone(Date.UTC(2026, 2, 9, 3, 59), "America/New_York"))).toBe("2026-03-08");
      expect(isoOfDay(dayInZone(Date.UTC(2026, 2, 9, 4, 0), "America/New_York"))).toBe("2026-03-09");
    });

    it("agrees with Intl for every hour of a year", () => {
      const check = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 3_600_000) {
        expect(isoOfDay(dayInZone(instant, "Europe/London"))).toBe(check.format(instant));
      }
    });

    it("rejects a zone that does not exist", () => {
      expect(() => dayInZone(0, "Mars/Olympus")).toThrow(RangeError);
    });
  });

  describe("instantOfLocalTime", () => {
    it("gives the instant of a wall-clock time in the zone", () => {
      expect(instantOfLocalTime(nov27, 8, 0, "Asia/Shanghai")).toBe(Date.UTC(2026, 10, 27, 0, 0));
      expect(instantOfLocalTime(nov27, 9, 30, "America/New_York")).toBe(Date.UTC(2026, 10, 27, 14, 30));
      expect(instantOfLocalTime(dayFromYmd(2026, 7, 1), 9, 30, "America/New_York")).toBe(Date.UTC(2026, 6, 1, 13, 30));
    });

    it("is right on the day clocks change", () => {
      const springForward = dayFromYmd(2026, 3, 8);
      expect(instantOfLocalTime(springForward, 8, 0, "America/New_York")).toBe(Date.UTC(2026, 2, 8, 12, 0));
      expect(instantOfLocalTime(springForward, 1, 0, "America/New_York")).toBe(Date.UTC(2026, 2, 8, 6, 0));
      const fallBack = dayFromYmd(2026, 11, 1);
      expect(instantOfLocalTime(fallBack, 8, 0, "America/New_York")).toBe(Date.UTC(2026, 10, 1, 13, 0));
    });

    it("moves a skipped time past the jump and takes the first of a repeated time", () => {
      expect(instantOfLocalTime(dayFromYmd(2026, 3, 8), 2, 30, "America/New_York")).toBe(Date.UTC(2026, 2, 8, 7, 30));
      expect(instantOfLocalTime(dayFromYmd(2026, 11, 1), 1, 30, "America/New_York")).toBe(Date.UTC(2026, 10, 1, 5, 30));
    });

    it("round-trips with dayInZone", () => {
      const at = instantOfLocalTime(nov27, 0, 0, "Pacific/Auckland");
      expect(dayInZone(at, "Pacific/Auckland")).toBe(nov27);
      expect(dayInZone(at - 1, "Pacific/Auckland")).toBe(nov27 - 1);
    });
  });

  describe("dates as people type them", () => {
    const june10 = dayFromYmd(2024, 6, 10);
    /** The day read from `text`, a date without a year taken near `near`; null for no date. */
    const read = (text: string, language: Language, place: TypedDatePlace = "cell", near = june10) => {
      const date = readTypedDate(text, language, place);
      return date === null ? null : isoOfDay(dayOfTypedDate(date, near));
    };

    it.each([
      ["2024-06-03", "2024-06-03"],
      ["2024/6/3", "2024-06-03"],
      ["2024.6.3", "2024-06-03"],
      ["2024年6月3日", "2024-06-03"],
      ["2024年6月3号", "2024-06-03"],
      ["24/6/3", "2024-06-03"],
      ["24.06.03", "2024-06-03"],
      ["6月3日", "2024-06-03"],
      ["6月3号", "2024-06-03"],
      ["6/12", "2024-06-12"],
      ["6-12", "2024-06-12"],
      ["6.12", "2024-06-12"],
      ["  6/12 ", "2024-06-12"],
      ["2024/2/29", "2024-02-29"],
    ])("zh reads %s as %s", (text, day) => {
      expect(read(text, "zh")).toBe(day);
    });

    it.each([
      ["2024-06-03", "2024-06-03"],
      ["2024/6/3", "2024-06-03"],
      ["2024.6.3", "2024-06-03"],
      ["6/3/2024", "2024-06-03"],
      ["6/3/24", "2024-06-03"],
      ["06-03-2024", "2024-06-03"],
      ["6/12", "2024-06-12"],
      ["6-12", "2024-06-12"],
      ["2024年6月3日", "2024-06-03"],
    ])("en reads %s as %s, month first", (text, day) => {
      expect(read(text, "en")).toBe(day);
    });

    it("reads a short date in the order of the table's language: 24/6/3 year first in zh, 6/3/24 month first in en", () => {
      expect(read("24/6/3", "zh")).toBe("2024-06-03");
      expect(read("24/6/3", "en")).toBeNull();
      expect(read("6/3/24", "en")).toBe("2024-06-03");
      expect(read("6/3/24", "zh")).toBeNull();
    });

    it.each([
      "下周三",
      "next Wed",
      "待定",
      "6/12回访",
      "2024/13/1",
      "13/5",
      "6/32",
      "2/30",
      "4/31",
      "2023/2/29",
      "2/29",
      "1999/6/3",
      "6月",
      "",
    ])("zh and en read %j as no date", (text) => {
      expect(read(text, "zh")).toBeNull();
      expect(read(text, "en")).toBeNull();
    });

    describe("a date without a year takes the year nearest its reference day", () => {
      it("near a day in June: the same year, up to half a year either side", () => {
        expect(isoOfDay(yearlessDay(603, june10))).toBe("2024-06-03");
        expect(isoOfDay(yearlessDay(1210, june10))).toBe("2024-12-10");
        expect(isoOfDay(yearlessDay(1211, june10))).toBe("2023-12-11");
      });

      it("across New Year: late in December a January date is next year's, early in January a December date last year's", () => {
        const dec28 = dayFromYmd(2024, 12, 28);
        expect(isoOfDay(yearlessDay(105, dec28))).toBe("2025-01-05");
        expect(isoOfDay(yearlessDay(1220, dec28))).toBe("2024-12-20");
        const jan3 = dayFromYmd(2025, 1, 3);
        expect(isoOfDay(yearlessDay(1230, jan3))).toBe("2024-12-30");
        expect(isoOfDay(yearlessDay(110, jan3))).toBe("2025-01-10");
        expect(read("12月30日", "zh", "cell", jan3)).toBe("2024-12-30");
        expect(read("1/5", "en", "cell", dec28)).toBe("2025-01-05");
      });

      it("takes the nearest occurrence: within 182 days before, else the one ahead", () => {
        for (let offset = -400; offset <= 400; offset += 7) {
          const reference = dayFromYmd(2025, 3, 1) + offset;
          for (const monthDay of [101, 228, 301, 615, 831, 1231]) {
            const day = yearlessDay(monthDay, reference);
            const { month, day: d } = ymdOfDay(day);
            expect(month * 100 + d).toBe(monthDay);
            expect(day - reference).toBeGreaterThanOrEqual(-182);
            expect(day - reference).toBeLessThanOrEqual(183);
          }
        }
      });
    });

    describe("the first date in a sentence", () => {
      it.each([
        ["6/12回访报价反馈", "zh", "2024-06-12"],
        ["6月12日前发合同", "zh", "2024-06-12"],
        ["预计2024-06-12签约", "zh", "2024-06-12"],
        ["2024.6.12 见面", "zh", "2024-06-12"],
        ["报价1.5万，6/12回访，6/20签约", "zh", "2024-06-12"],
        ["24/6/12 再约", "zh", "2024-06-12"],
        ["call back 6/12/24 about the quote", "en", "2024-06-12"],
        ["Send the deck by 6/12", "en", "2024-06-12"],
      ])("%s (%s) → %s", (text, language, day) => {
        expect(read(text, language as Language, "sentence")).toBe(day);
      });

      it.each([
        ["周五前发合同"],
        ["3-5天内回复"],
        ["预算12-15万"],
        ["报价1.5万"],
        ["12.6"],
        ["电话 138-0013-8000"],
        ["第6/123号合同"],
        [""],
      ])("finds no date in %j: relative words and dashes between numbers are not dates", (text) => {
        expect(read(text, "zh", "sentence")).toBeNull();
        expect(read(text, "en", "sentence")).toBeNull();
      });
    });
  });
});
