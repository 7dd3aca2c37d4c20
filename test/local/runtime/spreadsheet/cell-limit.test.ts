/** Tests of the 10,000,000-cell limit: counted over every sheet's whole grid, checked by every action that grows a grid. */

import { errorOf, setup } from "./fixture";

// support.google.com/drive/answer/37603: "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets that
// are created in or converted to Google Sheets". Sheets counts getMaxRows() × getMaxColumns() of every sheet, empty
// cells included, and Apps Script throws the Sheets text below.
const REFUSED = "This action would increase the number of cells in the workbook above the limit of 10000000 cells.";

describe("10,000,000-cell limit", () => {
  it("counts empty grids: a second sheet does not fit beside an empty sheet of 9,984,000 cells", () => {
    const { ss, sheet } = setup();
    sheet.insertRowsAfter(1000, 383_000); // 384,000 rows × 26 columns, not one value
    expect(errorOf(() => ss.insertSheet("Log"))).toBe(REFUSED);
    expect(ss.getSheets()).toHaveLength(1);
  });

  it("allows exactly 10,000,000 cells and refuses one more row or column", () => {
    const { sheet } = setup();
    sheet.insertColumnsAfter(26, 9974); // 1,000 rows × 10,000 columns
    expect(sheet.getMaxColumns()).toBe(10_000);
    expect(errorOf(() => sheet.insertColumnAfter(10_000))).toBe(REFUSED);
    expect(errorOf(() => sheet.insertRowBefore(1))).toBe(REFUSED);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 10_000]);
  });

  it("adds up every sheet, hidden ones included", () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet("Archive");
    other.hideSheet();
    other.insertRowsAfter(1000, 190_000); // 191,000 × 26 = 4,966,000
    sheet.insertRowsAfter(1000, 190_000); // the same: 9,932,000 in all
    expect(errorOf(() => sheet.insertRowsAfter(191_000, 3000))).toBe(REFUSED); // + 78,000
    sheet.insertRowsAfter(191_000, 2000); // + 52,000 = 9,984,000
  });

  it("gives the room of deleted rows and sheets back", () => {
    const { ss, sheet } = setup();
    sheet.insertRowsAfter(1000, 383_000);
    sheet.deleteRows(2, 1000);
    const log = ss.insertSheet("Log");
    expect(errorOf(() => ss.insertSheet("More"))).toBe(REFUSED);
    ss.deleteSheet(log);
    ss.insertSheet("More");
  });

  it("refuses an appendRow that needs a new row past the limit, writing nothing", () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 383_615); // 384,615 rows × 26 = 9,999,990: no room for a row of 26
    sheet.getRange(384_615, 1).setValue("last");
    expect(errorOf(() => sheet.appendRow(["next"]))).toBe(REFUSED);
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(sheet.getLastRow()).toBe(384_615);
  });

  it("throws it as an Apps Script exception", () => {
    const { sheet } = setup();
    let thrown: unknown;
    try {
      sheet.insertRowsAfter(1000, 400_000);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: "Exception", message: REFUSED });
  });
});
