/** Tests of named ranges: Spreadsheet.setNamedRange/getRangeByName/getNamedRanges/removeNamedRange and NamedRange. */

import { errorOf, setup } from "./fixture";

describe("named ranges", () => {
  // Reference, Spreadsheet#setNamedRange(String,Range): "Names a range."; getRangeByName: "Returns a named range, or
  // null if no range with the given name is found."
  it("names a range and finds it by name, null for an unknown name", () => {
    const { ss, sheet } = setup();
    ss.setNamedRange("TaxRates", sheet.getRange("B2:C5"));
    expect(ss.getRangeByName("TaxRates")?.getA1Notation()).toBe("B2:C5");
    expect(ss.getRangeByName("Other")).toBeNull();
  });

  it("lists the spreadsheet's and a sheet's named ranges with their names and ranges", () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet("Other");
    ss.setNamedRange("Rates", sheet.getRange("A1"));
    ss.setNamedRange("Totals", other.getRange("B2:B3"));
    expect(
      ss.getNamedRanges().map((n) => [n.getName(), n.getRange().getSheet().getName(), n.getRange().getA1Notation()]),
    ).toEqual([
      ["Rates", "Sheet1", "A1"],
      ["Totals", "Other", "B2:B3"],
    ]);
    expect(other.getNamedRanges().map((n) => n.getName())).toEqual(["Totals"]);
  });

  // Reference, removeNamedRange(String): "Throws an exception if no range with the given name is found."
  it("removes a named range by name, and throws for an unknown one", () => {
    const { ss, sheet } = setup();
    ss.setNamedRange("Rates", sheet.getRange("A1"));
    ss.removeNamedRange("Rates");
    expect(ss.getRangeByName("Rates")).toBeNull();
    expect(() => ss.removeNamedRange("Rates")).toThrow();
  });

  // Reference, NamedRange: setName "Sets/updates the name of the named range", setRange "Sets/updates the range for
  // this named range", remove "Deletes this named range".
  it("renames, retargets and removes through the NamedRange object", () => {
    const { ss, sheet } = setup();
    ss.setNamedRange("Rates", sheet.getRange("A1"));
    const named = ss.getNamedRanges()[0] as GoogleAppsScript.Spreadsheet.NamedRange;
    named.setName("NewRates").setRange(sheet.getRange("C3:D4"));
    expect(ss.getRangeByName("NewRates")?.getA1Notation()).toBe("C3:D4");
    named.remove();
    expect(ss.getNamedRanges()).toEqual([]);
  });

  // support.google.com/docs/answer/63175: "Can contain only letters, numbers, and underscores. Can't start with a
  // number, or the words 'true' or 'false.' … Can't be in either A1 or R1C1 syntax."
  it("refuses names Sheets refuses, and a name already taken", () => {
    const { ss, sheet } = setup();
    for (const name of ["1st", "tax rates", "A1", "R1C1", "true", ""])
      expect(() => ss.setNamedRange(name, sheet.getRange("A1"))).toThrow();
    ss.setNamedRange("Rates", sheet.getRange("A1"));
    expect(errorOf(() => ss.setNamedRange("rates", sheet.getRange("B1")))).toBe(
      'A named range with the name "rates" already exists.',
    );
  });

  it("moves with inserted and deleted rows like other stored ranges, and goes with its deleted rows or sheet", () => {
    const { ss, sheet } = setup();
    ss.setNamedRange("Rates", sheet.getRange("B2:C5"));
    ss.setNamedRange("Header", sheet.getRange("A1"));
    sheet.insertRowsBefore(1, 2);
    expect(ss.getRangeByName("Rates")?.getA1Notation()).toBe("B4:C7");
    sheet.deleteRows(1, 3);
    expect(ss.getRangeByName("Header")).toBeNull();
    expect(ss.getRangeByName("Rates")?.getA1Notation()).toBe("B1:C4");
    const other = ss.insertSheet("Other");
    ss.setNamedRange("Elsewhere", other.getRange("A1"));
    ss.deleteSheet(other);
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(["Rates"]);
  });
});
