/** What Sheets members a typical script uses do (probes/members.js): formulas in A1 and R1C1, named ranges, copyTo, the selection and Range's aliases. */

import { runProbe } from "../../local/probes/probe-runner";

// RANGE_PAGE: developers.google.com/apps-script/reference/spreadsheet/range
// SPREADSHEET_PAGE: developers.google.com/apps-script/reference/spreadsheet/spreadsheet
// SHEET_PAGE: developers.google.com/apps-script/reference/spreadsheet/sheet

describe("probes: members", () => {
  it("sets formulas in A1 and R1C1 and reads them back in both", () => {
    // RANGE_PAGE, setFormulaR1C1: "// This sets the formula to be the sum of the 3 rows above B5.
    // cell.setFormulaR1C1('=SUM(R[-3]C[0]:R[-1]C[0])');"; getFormulaR1C1: "Returns the formula (R1C1 notation) for a
    // given cell, or null if none." [UNCONFIRMED: zero offsets written bare ("R[-3]C"); a range filled by setFormula
    // moving its relative references.]
    expect(runProbe("members", "probe_members_formulas")).toEqual({
      value: {
        a1: "=SUM(B2:B4)",
        r1c1: "=SUM(R[-3]C:R[-1]C)",
        fromR1C1: "=SUM(C2:C4)",
        filled: [["=A2*$B$1"], ["=A3*$B$1"], ["=A4*$B$1"]],
        noFormulaR1C1: null,
      },
    });
  });

  it("finds a named range by name, moves it with inserted rows, and forgets it once removed", () => {
    // SPREADSHEET_PAGE, getRangeByName: "Returns a named range, or null if no range with the given name is found";
    // removeNamedRange: "Deletes a named range with the given name." [UNCONFIRMED: that it moves like other ranges.]
    expect(runProbe("members", "probe_members_namedRanges")).toEqual({
      value: { set: "B2:C3", moved: "B4:C5", listed: [true], removed: null },
    });
  });

  it("names a copy 'Copy of <name>' and copies values and formulas", () => {
    // SHEET_PAGE, copyTo(spreadsheet): "The copied sheet is named "Copy of [original name]"."
    expect(runProbe("members", "probe_members_copyTo")).toEqual({
      value: { named: true, values: [["Name", 3]], formula: "=B1*2" },
    });
  });

  it("selects a range whose top-left cell is the active and current cell", () => {
    // SHEET_PAGE, setActiveRange: "Sets the specified range as the active range in the active sheet, with the top left
    // cell in the range as the current cell."
    expect(runProbe("members", "probe_members_selection")).toEqual({
      value: { activeRange: "B3:D6", activeCell: "B3", currentCell: "B3" },
    });
  });

  it("gives the height, width and row index of a range", () => {
    // RANGE_PAGE: getHeight "Returns the height of the range", getWidth "Returns the width of the range in columns",
    // getRowIndex "Returns the row position for this range. Identical to getRow()."
    expect(runProbe("members", "probe_members_rangeAliases")).toEqual({ value: [7, 3, 4] });
  });
});
