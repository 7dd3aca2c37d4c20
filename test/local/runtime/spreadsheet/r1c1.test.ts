/** Tests of A1 ⇄ R1C1 conversion relative to the cell holding the formula, and of filling a formula into other cells. */

import { a1ToR1C1, moveFormula, r1c1ToA1 } from "../../../../local/runtime/spreadsheet/r1c1";

describe("r1c1", () => {
  it("writes relative references as offsets, zero offsets bare, and $ as absolute indexes", () => {
    // Held in B5 (row 5, column 2).
    expect(a1ToR1C1("=SUM(B2:B4)", 5, 2)).toBe("=SUM(R[-3]C:R[-1]C)");
    expect(a1ToR1C1("=$A$1+A5+$C6+D$1", 5, 2)).toBe("=R1C1+RC[-1]+R[1]C3+R1C[2]");
  });

  it("converts whole columns, whole rows, open-ended ranges and sheet-qualified references", () => {
    expect(a1ToR1C1("=COUNTA(A:A)+SUM(2:3)", 1, 1)).toBe("=COUNTA(C:C)+SUM(R[1]:R[2])");
    expect(a1ToR1C1("=SUM(Data!A2:Q)", 1, 1)).toBe("=SUM(Data!R[1]C:C[16])");
    expect(a1ToR1C1("=SUM('My data'!$B$2)", 1, 1)).toBe("=SUM('My data'!R2C2)");
  });

  it("leaves string literals, function names and names alone", () => {
    expect(a1ToR1C1('=IF(A1="B2",LOG10(A1),Rate)', 1, 1)).toBe('=IF(RC="B2",LOG10(RC),Rate)');
    expect(r1c1ToA1('=ROUND(R[-1]C,2)&"RC"', 2, 1)).toBe('=ROUND(A1,2)&"RC"');
  });

  it("reads R1C1 back as A1 for the holder cell", () => {
    // The reference's example for setFormulaR1C1, held in B5: "the sum of the 3 rows above B5".
    expect(r1c1ToA1("=SUM(R[-3]C[0]:R[-1]C[0])", 5, 2)).toBe("=SUM(B2:B4)");
    expect(r1c1ToA1("=R1C1+RC[-1]+R[1]C3+R1C[2]", 5, 2)).toBe("=$A$1+A5+$C6+D$1");
    expect(r1c1ToA1("=SUM(C[1]:C[2])", 3, 1)).toBe("=SUM(B:C)");
  });

  it("makes a reference off the grid #REF!", () => {
    expect(r1c1ToA1("=R[-2]C", 1, 1)).toBe("=#REF!");
  });

  it("fills an A1 formula into other cells, moving relative references only", () => {
    expect(moveFormula("=A2*$B$1+C$2", 2, 4, 5, 6)).toBe("=C5*$B$1+E$2");
    expect(moveFormula("=A2", 2, 4, 2, 4)).toBe("=A2");
  });
});
