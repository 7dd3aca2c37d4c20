/** Tests of how Sheets reads a written string: numbers, percentages, booleans, dates by locale, formulas, apostrophes. */

import { wallToSerial } from "../../../../local/runtime/spreadsheet/number-format";
import { interpretEntered } from "../../../../local/runtime/spreadsheet/user-entered";
import { NOW } from "./fixture";

const US = { locale: "en_US", timeZone: "America/New_York", now: NOW, plainText: false };
const CN = { locale: "zh_CN", timeZone: "Asia/Shanghai", now: NOW, plainText: false };

describe("user-entered", () => {
  describe("interpretEntered", () => {
    it("parses numbers with signs, separators and exponents", () => {
      expect(interpretEntered("42", US)).toEqual({ value: 42 });
      expect(interpretEntered(" -3.5 ", US)).toEqual({ value: -3.5 });
      expect(interpretEntered("+7", US)).toEqual({ value: 7 });
      expect(interpretEntered("1,234", US)).toEqual({ value: 1234, format: "#,##0" });
      expect(interpretEntered("1,234.50", US)).toEqual({ value: 1234.5, format: "#,##0.00" });
      expect(interpretEntered("1e3", US)).toEqual({ value: 1000, format: "0.00E+00" });
      expect(interpretEntered("00123", US)).toEqual({ value: 123 });
    });

    it("turns percentages into fractions with a percent format", () => {
      expect(interpretEntered("50%", US)).toEqual({ value: 0.5, format: "0%" });
      expect(interpretEntered("12.5%", US)).toEqual({ value: 0.125, format: "0.00%" });
    });

    it("reads TRUE and FALSE in any case as booleans", () => {
      expect(interpretEntered("TRUE", US)).toEqual({ value: true });
      expect(interpretEntered("false", US)).toEqual({ value: false });
    });

    it("reads dates in ISO order everywhere and in the locale's order", () => {
      const jan15 = wallToSerial(2024, 1, 15);
      expect(interpretEntered("2024-01-15", US)).toEqual({ value: jan15, format: "yyyy-mm-dd" });
      expect(interpretEntered("1/15/2024", US)).toEqual({ value: jan15, format: "M/d/yyyy" });
      expect(interpretEntered("2024/1/15", CN)).toEqual({ value: jan15, format: "yyyy/m/d" });
      expect(interpretEntered("2024年1月15日", CN)).toEqual({ value: jan15, format: "yyyy年M月d日" });
    });

    it("keeps month-first dates as text in zh_CN", () => {
      expect(interpretEntered("1/15/2024", CN)).toEqual({ value: "1/15/2024" });
    });

    it("reads date-times and times", () => {
      expect(interpretEntered("1/15/2024 9:30:15", US)).toEqual({
        value: wallToSerial(2024, 1, 15, 9, 30, 15),
        format: "M/d/yyyy H:mm:ss",
      });
      expect(interpretEntered("2024-01-15 13:05", CN).value).toBe(wallToSerial(2024, 1, 15, 13, 5));
      expect(interpretEntered("6:00 PM", US)).toEqual({ value: 0.75, format: "h:mm:ss am/pm" });
    });

    it("dates a yearless month/day in the current year", () => {
      expect(interpretEntered("3/4", US)).toEqual({ value: wallToSerial(2024, 3, 4), format: "M/d" });
    });

    it("keeps impossible dates as text", () => {
      expect(interpretEntered("2/30/2024", US)).toEqual({ value: "2/30/2024" });
      expect(interpretEntered("2023-02-29", US)).toEqual({ value: "2023-02-29" });
    });

    it("makes a formula of a string starting with =", () => {
      expect(interpretEntered("=SUM(A1:A3)", US)).toEqual({ value: "", formula: "=SUM(A1:A3)" });
    });

    it("forces text with a leading apostrophe that is not part of the value", () => {
      expect(interpretEntered("'=1+1", US)).toEqual({ value: "=1+1" });
      expect(interpretEntered("'00123", US)).toEqual({ value: "00123" });
    });

    it("makes a formula of a non-number starting with + or -", () => {
      expect(interpretEntered("+86 138-0013-8000", CN)).toEqual({ value: "", formula: "=+86 138-0013-8000" });
      expect(interpretEntered("-call back", US)).toEqual({ value: "", formula: "=-call back" });
      expect(interpretEntered("-", US)).toEqual({ value: "-" });
    });

    it("keeps a leading @ as text", () => {
      expect(interpretEntered("@SUM(1)", US)).toEqual({ value: "@SUM(1)" });
    });

    it("keeps numbers and dates as typed under the plain-text format, but still makes formulas", () => {
      const text = { ...US, plainText: true };
      expect(interpretEntered("00123", text)).toEqual({ value: "00123" });
      expect(interpretEntered("1/15/2024", text)).toEqual({ value: "1/15/2024" });
      expect(interpretEntered("TRUE", text)).toEqual({ value: "TRUE" });
      expect(interpretEntered("=1", text)).toEqual({ value: "", formula: "=1" });
    });

    it("leaves other text alone", () => {
      expect(interpretEntered("张三 called", CN)).toEqual({ value: "张三 called" });
      expect(interpretEntered("138-0013-8000", CN)).toEqual({ value: "138-0013-8000" });
    });
  });
});
