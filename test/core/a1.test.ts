/** Tests of src/core/a1: the column letters that ranges and the colouring formulas use for a column number. */

import { columnLetter } from "../../src/core/a1";

/** The column number of A1 letters, the way Sheets counts them (A = 1, Z = 26, AA = 27). */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

describe("a1", () => {
  describe("columnLetter", () => {
    it.each([
      [1, "A"],
      [11, "K"],
      [26, "Z"],
      [27, "AA"],
      [28, "AB"],
      [52, "AZ"],
      [53, "BA"],
      [702, "ZZ"],
      [703, "AAA"],
      [18278, "ZZZ"],
    ])("column %i is %s", (column, letters) => {
      expect(columnLetter(column)).toBe(letters);
    });

    it("names every column of a wide sheet once, in order, as Sheets does", () => {
      const columns = Array.from({ length: 1000 }, (_, i) => i + 1);
      const letters = columns.map(columnLetter);
      expect(new Set(letters).size).toBe(1000);
      expect(letters.map(columnNumber)).toEqual(columns);
      expect(letters.every((l) => /^[A-Z]+$/.test(l))).toBe(true);
    });

    it("builds the absolute column reference of a colouring formula", () => {
      expect(`$${columnLetter(11)}2`).toBe("$K2");
      expect(`${columnLetter(16)}2:${columnLetter(16)}`).toBe("P2:P");
    });
  });
});
