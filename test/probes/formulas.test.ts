/** What Apps Script reads from formula cells (probes/formulas.js): computed values, dates, moved references, spilled arrays. */

import { runProbe } from "../../local/probes/probe-runner";

describe("probes: formulas", () => {
  it("reads computed values, recalculated after a write, and the formula as typed", () => {
    // developers.google.com/apps-script/reference/spreadsheet/range#getValues(): "Returns the rectangular grid of
    // values for this range"; a formula cell gives its computed value; errors read as their text (#DIV/0!).
    // #getFormula(): "Returns the formula (A1 notation) for the top-left cell of the range".
    expect(runProbe("formulas", "probe_formulas_values")).toEqual({
      value: { first: [[6], ["2x"], ["#DIV/0!"], [true]], after: 20, formula: "=IF(A1>1, TRUE, FALSE)" },
    });
  });

  it("gives =TODAY()+3 as a Date, and TODAY() in the spreadsheet's time zone", () => {
    // support.google.com/docs/answer/3092984 (TODAY): "the current date"; the spreadsheet's time zone decides the
    // date (File > Settings). getValues returns Date objects for cells formatted as dates (Range reference).
    expect(runProbe("formulas", "probe_formulas_today")).toEqual({ value: { isDate: true, todayInZone: true } });
    expect(runProbe("formulas", "probe_formulas_today", { timeZone: "Pacific/Auckland" })).toEqual({
      value: { isDate: true, todayInZone: true },
    });
  });

  it("moves references when rows are inserted and deleted", () => {
    // support.google.com/docs/answer/54813: references update when rows are added or removed; a reference to a
    // deleted cell shows #REF!.
    expect(runProbe("formulas", "probe_formulas_shift")).toEqual({
      value: { inserted: [["=SUM(A1:A5)"], ["=A4"]], deleted: [["=SUM(A1:A4)"], ["=#REF!"]] },
    });
  });

  it("spills an array formula into the cells below it, which hold no formula", () => {
    // support.google.com/docs/answer/3093275 (ARRAYFORMULA): "the values returned by array formulas" fill the cells.
    expect(runProbe("formulas", "probe_formulas_spill")).toEqual({
      value: { values: [[10], [20], [30]], formulaBelow: "" },
    });
  });
});
