/** Tests of formula-references: how references in a formula move when rows or columns are inserted or deleted. */

import { shiftFormulaReferences } from "../../../../local/runtime/spreadsheet/formula-references";

describe("formula-references", () => {
  describe("shiftFormulaReferences", () => {
    it.each([
      ["=$K2<TODAY()", "ROWS", 1, 2, "=$K4<TODAY()"],
      ["=$K2<TODAY()", "ROWS", 3, 2, "=$K2<TODAY()"],
      ['=AND($K$2<>"",$P2=FALSE)', "ROWS", 2, 1, '=AND($K$3<>"",$P3=FALSE)'],
      ["=$K2<TODAY()", "COLUMNS", 3, 1, "=$L2<TODAY()"],
      ["=$K2<TODAY()", "COLUMNS", 11, -1, "=#REF!<TODAY()"],
      ["=$K2<TODAY()", "COLUMNS", 1, -2, "=$I2<TODAY()"],
      ["=SUM(A1:A10)", "ROWS", 5, 1, "=SUM(A1:A11)"],
      ["=SUM(A1:A10)", "ROWS", 1, -3, "=SUM(A1:A7)"],
      ["=SUM(A2:A3)", "ROWS", 1, -5, "=SUM(#REF!)"],
      ["=COUNTA(K:K)", "COLUMNS", 2, 1, "=COUNTA(L:L)"],
      ["=COUNTA(2:3)", "ROWS", 1, 1, "=COUNTA(3:4)"],
      ['=IF(A2="B2",LOG10(A2),0)', "ROWS", 1, 1, '=IF(A3="B2",LOG10(A3),0)'],
      ["=Other!A2+A2", "ROWS", 1, 1, "=Other!A2+A3"],
      ["='My sheet'!A2:B3+A2", "ROWS", 1, 1, "='My sheet'!A2:B3+A3"],
    ] as const)("%s with %s at %i by %i → %s", (formula, dim, at, delta, expected) => {
      expect(shiftFormulaReferences(formula, dim, at, delta)).toBe(expected);
    });
  });
});
