/** Tests of number formats: serial days ⇄ Dates in a spreadsheet zone, and display values by pattern. */

import {
  displayValue,
  isDateTimeFormat,
  msToSerial,
  serialToMs,
  wallToSerial,
} from "../../../../local/runtime/spreadsheet/number-format";

describe("number-format", () => {
  describe("msToSerial / serialToMs", () => {
    it("maps an instant to the wall clock of the zone", () => {
      const instant = Date.UTC(2024, 0, 15, 2, 0, 0); // 10:00 in Shanghai, 21:00 the day before in New York
      expect(msToSerial(instant, "Asia/Shanghai")).toBeCloseTo(wallToSerial(2024, 1, 15, 10), 10);
      expect(msToSerial(instant, "America/New_York")).toBeCloseTo(wallToSerial(2024, 1, 14, 21), 10);
    });

    it("round-trips to the millisecond", () => {
      const instant = Date.UTC(2024, 6, 1, 12, 34, 56, 789);
      for (const zone of ["Asia/Shanghai", "America/New_York", "Europe/London", "UTC"])
        expect(serialToMs(msToSerial(instant, zone), zone)).toBe(instant);
    });

    it("follows daylight saving time", () => {
      expect(serialToMs(wallToSerial(2024, 7, 1, 12), "America/New_York")).toBe(Date.UTC(2024, 6, 1, 16));
      expect(serialToMs(wallToSerial(2024, 1, 1, 12), "America/New_York")).toBe(Date.UTC(2024, 0, 1, 17));
    });

    it("uses historic offsets, such as Shanghai's local mean time in 1899", () => {
      expect(serialToMs(0, "Asia/Shanghai")).toBe(Date.UTC(1899, 11, 30) - (8 * 3600 + 5 * 60 + 43) * 1000);
    });
  });

  describe("isDateTimeFormat", () => {
    it("tells date and time patterns from numeric ones", () => {
      for (const p of ["yyyy-mm-dd", "M/d/yyyy H:mm:ss", "h:mm am/pm", "[h]:mm", 'd "days"'])
        expect(isDateTimeFormat(p)).toBe(true);
      for (const p of ["0.00", "#,##0", "0%", "@", "General", '"day "0', "[$¥-804]#,##0.00"])
        expect(isDateTimeFormat(p)).toBe(false);
      expect(isDateTimeFormat(undefined)).toBe(false);
    });
  });

  describe("displayValue", () => {
    const serial = wallToSerial(2024, 3, 5, 14, 7, 9);

    it("formats dates and times", () => {
      expect(displayValue(serial, "yyyy-mm-dd")).toBe("2024-03-05");
      expect(displayValue(serial, "M/d/yyyy")).toBe("3/5/2024");
      expect(displayValue(serial, "M/d/yyyy H:mm:ss")).toBe("3/5/2024 14:07:09");
      expect(displayValue(serial, "h:mm am/pm")).toBe("2:07 PM");
      expect(displayValue(serial, "ddd, mmm d")).toBe("Tue, Mar 5");
      expect(displayValue(serial, "yyyy年M月d日")).toBe("2024年3月5日");
    });

    it("formats numbers and percentages", () => {
      expect(displayValue(1234.567, "#,##0.00")).toBe("1,234.57");
      expect(displayValue(1234.567, "0")).toBe("1235");
      expect(displayValue(0.125, "0.00%")).toBe("12.50%");
      expect(displayValue(0.5, "0%")).toBe("50%");
      expect(displayValue(-5, "0.0")).toBe("-5.0");
      expect(displayValue(-5, '0;"neg "0')).toBe("neg 5");
      expect(displayValue(1500, "[$¥-804]#,##0")).toBe("¥1,500");
      expect(displayValue(12345, "0.00E+00")).toBe("1.23E+04");
    });

    it("shows the automatic format like Sheets' General", () => {
      expect(displayValue(42, undefined)).toBe("42");
      expect(displayValue(0.1 + 0.2, undefined)).toBe("0.3");
      expect(displayValue(1 / 3, "0.###############")).toBe("0.3333333333");
      expect(displayValue(true, undefined)).toBe("TRUE");
      expect(displayValue("text", "0.00")).toBe("text");
    });
  });
});
