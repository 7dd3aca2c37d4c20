/** Tests of A1 notation: parsing "B2", "A2:Q", "C:C", "2:2" and the bounds errors of resolving them on a sheet. */

import { columnNumber, parseA1, resolveA1 } from "../../../../local/runtime/spreadsheet/a1";

describe("a1", () => {
  describe("columnNumber", () => {
    it("converts letters to 1-based columns", () => {
      expect([columnNumber("A"), columnNumber("Z"), columnNumber("AA"), columnNumber("q")]).toEqual([1, 26, 27, 17]);
    });
  });

  describe("parseA1", () => {
    const rect = (text: string) => {
      const parsed = parseA1(text);
      return parsed && resolveA1(parsed, 1000, 26);
    };

    it("reads a cell and a rectangle", () => {
      expect(rect("B3")).toEqual({ row: 3, column: 2, numRows: 1, numColumns: 1 });
      expect(rect("A1:C2")).toEqual({ row: 1, column: 1, numRows: 2, numColumns: 3 });
      expect(rect("$A$1:$B$2")).toEqual({ row: 1, column: 1, numRows: 2, numColumns: 2 });
    });

    it("normalises reversed corners", () => {
      expect(rect("C2:A1")).toEqual({ row: 1, column: 1, numRows: 2, numColumns: 3 });
    });

    it("reads whole columns, whole rows and open-ended ranges", () => {
      expect(rect("A:A")).toEqual({ row: 1, column: 1, numRows: 1000, numColumns: 1 });
      expect(rect("2:2")).toEqual({ row: 2, column: 1, numRows: 1, numColumns: 26 });
      expect(rect("A2:Q")).toEqual({ row: 2, column: 1, numRows: 999, numColumns: 17 });
    });

    it("splits a sheet name, quoted or not", () => {
      expect(parseA1("Data!A1")?.sheetName).toBe("Data");
      expect(parseA1("'My ''list'''!B2:C3")?.sheetName).toBe("My 'list'");
      expect(parseA1("A1")?.sheetName).toBeNull();
    });

    it("rejects what Sheets does not recognise", () => {
      for (const bad of ["", "A", "1", "A0", "1A", "A1:B2:C3", "A:2", "AAAA1", "'Sheet!A1"])
        expect(parseA1(bad)).toBeNull();
    });
  });

  describe("resolveA1", () => {
    it("gives null outside the grid", () => {
      const parsed = parseA1("A1001");
      expect(parsed && resolveA1(parsed, 1000, 26)).toBeNull();
      const wide = parseA1("AA1");
      expect(wide && resolveA1(wide, 1000, 26)).toBeNull();
    });
  });
});
