/** Tests of Range's formula members in A1 and R1C1 notation, and of its height/width/row-index aliases. */

import { errorOf, setup } from "./fixture";

describe("range formulas", () => {
  // Reference, Range#setFormula(String): "Updates the formula for this range. The given formula must be in A1 notation."
  it("setFormula enters the formula as setValue('=…') does", () => {
    const { sheet } = setup();
    sheet.getRange("B5").setFormula("=SUM(B2:B4)");
    sheet.getRange("C5").setValue("=SUM(C2:C4)");
    expect(sheet.getRange("B5:C5").getFormulas()).toEqual([["=SUM(B2:B4)", "=SUM(C2:C4)"]]);
    expect(sheet.getRange("B5").getValue()).toEqual(sheet.getRange("C5").getValue());
  });

  it("setFormula on several cells fills them, moving relative references", () => {
    const { sheet } = setup();
    sheet.getRange("C2:C4").setFormula("=A2*$B$1");
    expect(sheet.getRange("C2:C4").getFormulas()).toEqual([["=A2*$B$1"], ["=A3*$B$1"], ["=A4*$B$1"]]);
  });

  // Reference, Range#setFormulas(String[][]): "Sets a rectangular grid of formulas (must match dimensions of this range)."
  it("setFormulas sets each cell's formula as given, and checks the dimensions", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setFormulas([["=1+1", "=A1*2"]]);
    expect(sheet.getRange("A1:B1").getFormulas()).toEqual([["=1+1", "=A1*2"]]);
    expect(errorOf(() => sheet.getRange("A1:B1").setFormulas([["=1"]]))).toBe(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
  });

  // Reference, Range#setFormulaR1C1(String): "// This sets the formula to be the sum of the 3 rows above B5.
  // cell.setFormulaR1C1('=SUM(R[-3]C[0]:R[-1]C[0])');"
  it("setFormulaR1C1 reads the formula relative to each cell", () => {
    const { sheet } = setup();
    sheet.getRange("B5").setFormulaR1C1("=SUM(R[-3]C[0]:R[-1]C[0])");
    expect(sheet.getRange("B5").getFormula()).toBe("=SUM(B2:B4)");
    sheet.getRange("D2:E2").setFormulaR1C1("=RC[-1]+R1C1");
    expect(sheet.getRange("D2:E2").getFormulas()).toEqual([["=C2+$A$1", "=D2+$A$1"]]);
  });

  it("setFormulasR1C1 sets a grid of R1C1 formulas", () => {
    const { sheet } = setup();
    sheet.getRange("B2:B3").setFormulasR1C1([["=R[-1]C"], ["=R[-1]C[-1]"]]);
    expect(sheet.getRange("B2:B3").getFormulas()).toEqual([["=B1"], ["=A2"]]);
  });

  // Reference, Range#getFormulaR1C1(): "Returns the formula (R1C1 notation) for a given cell, or null if none."
  it("getFormulaR1C1 and getFormulasR1C1 give R1C1 relative to each cell, null where there is no formula", () => {
    const { sheet } = setup();
    sheet.getRange("B5").setFormula("=SUM(B2:B4)");
    expect(sheet.getRange("B5").getFormulaR1C1()).toBe("=SUM(R[-3]C:R[-1]C)");
    expect(sheet.getRange("B4:B5").getFormulasR1C1()).toEqual([[null], ["=SUM(R[-3]C:R[-1]C)"]]);
    expect(sheet.getRange("A1").getFormulaR1C1()).toBeNull();
  });

  it("refuses a formula that is not a string with the signature error", () => {
    const { sheet } = setup();
    expect(errorOf(() => sheet.getRange("A1").setFormula(3 as unknown as string))).toBe(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Range.setFormula.",
    );
  });

  // Reference: getHeight() "Returns the height of the range", getWidth() "Returns the width of the range in columns",
  // getRowIndex() "Returns the row position for this range. Identical to getRow()."
  it("getHeight, getWidth and getRowIndex are numRows, numColumns and row", () => {
    const { sheet } = setup();
    const range = sheet.getRange("C4:E10");
    expect([range.getHeight(), range.getWidth(), range.getRowIndex()]).toEqual([7, 3, 4]);
  });
});
