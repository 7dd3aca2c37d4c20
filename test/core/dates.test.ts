/** Tests of src/core/dates: calendar days, the day of an instant in a zone, and wall-clock times across DST. */

import {
  dayFromYmd,
  dayInZone,
  instantOfLocalTime,
  isoOfDay,
  mondayOf,
  weekdayOfDay,
  ymdOfDay,
} from "../../src/core/dates";

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

    it("agrees with Intl for every hour of a year and is fast for 100,000 rows", () => {
      const check = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 3_600_000) {
        expect(isoOfDay(dayInZone(instant, "Europe/London"))).toBe(check.format(instant));
      }
      const start = performance.now();
      for (let row = 0; row < 100_000; row++) dayInZone(Date.UTC(2026, 0, 1) + row * 4_000_000, "Asia/Shanghai");
      expect(performance.now() - start).toBeLessThan(1000);
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
});
