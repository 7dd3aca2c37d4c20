/** Tests of the Java SimpleDateFormat emulation behind Utilities.formatDate. */

import { compilePattern, formatInstant, PatternError, resolveZone } from "../../../local/runtime/simple-date-format";

/** Sunday 2024-03-10 09:30:05.007 UTC: 01:30 PST in Los Angeles, 30 minutes before the switch to PDT. */
const BEFORE_DST = Date.UTC(2024, 2, 10, 9, 30, 5, 7);
/** One hour later: 03:30 PDT. */
const AFTER_DST = Date.UTC(2024, 2, 10, 10, 30, 5, 7);

describe("simple-date-format", () => {
  describe("formatInstant", () => {
    it("formats the wall-clock time of the zone, with its offset and Java's short zone names", () => {
      const pattern = "yyyy-MM-dd HH:mm:ss.SSS z Z XXX";
      expect(formatInstant(BEFORE_DST, "UTC", pattern)).toBe("2024-03-10 09:30:05.007 UTC +0000 Z");
      expect(formatInstant(BEFORE_DST, "Asia/Shanghai", pattern)).toBe("2024-03-10 17:30:05.007 CST +0800 +08:00");
      expect(formatInstant(BEFORE_DST, "America/Los_Angeles", pattern)).toBe(
        "2024-03-10 01:30:05.007 PST -0800 -08:00",
      );
      expect(formatInstant(AFTER_DST, "America/Los_Angeles", pattern)).toBe("2024-03-10 03:30:05.007 PDT -0700 -07:00");
    });

    it("writes long zone names for zzzz and ISO offsets for X and XX", () => {
      expect(formatInstant(AFTER_DST, "America/Los_Angeles", "zzzz X XX")).toBe("Pacific Daylight Time -07 -0700");
      expect(formatInstant(BEFORE_DST, "Asia/Shanghai", "zzzz")).toBe("China Standard Time");
      expect(formatInstant(BEFORE_DST, "UTC", "X XX")).toBe("Z Z");
    });

    it("writes English month and day names by count (text from three letters)", () => {
      expect(formatInstant(BEFORE_DST, "Asia/Shanghai", "EEEE, MMMM d, yyyy h:mm a")).toBe(
        "Sunday, March 10, 2024 5:30 PM",
      );
      expect(formatInstant(BEFORE_DST, "Asia/Shanghai", "EEE MMM LLL M MM L")).toBe("Sun Mar Mar 3 03 3");
    });

    it("pads numbers to the letter count, and yy keeps two digits", () => {
      expect(formatInstant(BEFORE_DST, "UTC", "y yy yyy yyyyy d dd S SSS SSSS")).toBe(
        "2024 24 2024 02024 10 10 7 007 0007",
      );
    });

    it("writes the hour fields H k K h and the era", () => {
      const midnight = Date.UTC(2024, 0, 1, 0, 5);
      expect(formatInstant(midnight, "UTC", "H k K h a G")).toBe("0 24 0 12 AM AD");
      expect(formatInstant(Date.UTC(2024, 0, 1, 12, 5), "UTC", "H k K h a")).toBe("12 12 0 12 PM");
    });

    it("counts days and weeks with the US week rules of java.util.Calendar", () => {
      // Sunday 10 March 2024: day 70, week 11 of the year, week 3 of March, the 2nd Sunday, day 7 of the ISO week.
      expect(formatInstant(BEFORE_DST, "UTC", "D w W F u")).toBe("70 11 3 2 7");
      // Tuesday 31 December 2024 is in the week of 1 January 2025.
      expect(formatInstant(Date.UTC(2024, 11, 31, 12), "UTC", "yyyy YYYY-'W'ww")).toBe("2024 2025-W01");
    });

    it("copies quoted text and turns '' into a quote", () => {
      expect(formatInstant(BEFORE_DST, "UTC", "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe("2024-03-10T09:30:05Z");
      expect(formatInstant(BEFORE_DST, "Asia/Shanghai", "h 'o''clock' ''a''")).toBe("5 o'clock 'PM'");
    });

    it("copies characters that are not letters", () => {
      expect(formatInstant(BEFORE_DST, "UTC", "dd/MM/yyyy, HH:mm 年")).toBe("10/03/2024, 09:30 年");
    });
  });

  describe("compilePattern", () => {
    it("throws Java's message for a letter SimpleDateFormat does not know", () => {
      expect(() => compilePattern("yyyy-qq")).toThrow(new PatternError("Illegal pattern character 'q'"));
    });

    it("throws for an unterminated quote and for XXXX", () => {
      expect(() => compilePattern("yyyy 'at")).toThrow("Unterminated quote");
      expect(() => compilePattern("XXXX")).toThrow("invalid ISO 8601 format: length=4");
    });
  });

  describe("resolveZone", () => {
    it("accepts Java's custom GMT zones", () => {
      expect(formatInstant(BEFORE_DST, "GMT+8", "HH:mm z")).toBe("17:30 GMT+08:00");
      expect(formatInstant(BEFORE_DST, "GMT-0530", "HH:mm Z")).toBe("04:00 -0530");
    });

    it("falls back to GMT for unknown ids, wrong case and bare offsets, as java.util.TimeZone does", () => {
      for (const id of ["Mars/Olympus", "asia/shanghai", "+08:00", "GMT+25"]) {
        expect(resolveZone(id).offsetAt(BEFORE_DST)).toBe(0);
        expect(formatInstant(BEFORE_DST, id, "HH:mm z")).toBe("09:30 GMT");
      }
    });
  });
});
