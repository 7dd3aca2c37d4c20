/** Tests of Sheet: ranges, last row/column, append, insert/delete shifting, hiding, frozen rows, widths. */

import type { ConditionalFormatRuleModel } from "../../../../local/runtime/spreadsheet/model";
import { asUser, errorOf, OWNER, setup } from "./fixture";

describe("sheet", () => {
  describe("getRange", () => {
    it("accepts the four overloads and A1 forms", () => {
      const { sheet } = setup();
      expect(sheet.getRange(2, 3).getA1Notation()).toBe("C2");
      expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe("C2:C5");
      expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe("C2:D5");
      expect(sheet.getRange("A2:Q").getA1Notation()).toBe("A2:Q1000");
      expect(sheet.getRange("A:A").getNumRows()).toBe(1000);
      expect(sheet.getRange("2:2").getNumColumns()).toBe(26);
      expect(sheet.getRange("Sheet1!B2").getA1Notation()).toBe("B2");
    });

    it("throws Apps Script's bounds errors", () => {
      const { sheet } = setup();
      expect(errorOf(() => sheet.getRange(0, 1))).toBe("The starting row of the range is too small.");
      expect(errorOf(() => sheet.getRange(1, 0))).toBe("The starting column of the range is too small.");
      expect(errorOf(() => sheet.getRange(1, 1, 0))).toBe("The number of rows in the range must be at least 1.");
      expect(errorOf(() => sheet.getRange(1, 1, 1, 0))).toBe("The number of columns in the range must be at least 1.");
      expect(errorOf(() => sheet.getRange(1000, 1, 2))).toBe(
        "The coordinates of the range are outside the dimensions of the sheet.",
      );
      expect(errorOf(() => sheet.getRange(1, 27))).toBe(
        "The coordinates of the range are outside the dimensions of the sheet.",
      );
    });

    it("throws 'Range not found' for bad A1 notation", () => {
      const { sheet } = setup();
      for (const bad of ["", "A", "hello", "A1001", "Other!A1", "A1:B2:C3"])
        expect(errorOf(() => sheet.getRange(bad))).toBe("Range not found");
    });

    it("refuses arguments of the wrong types", () => {
      const { sheet } = setup();
      const getRange = sheet.getRange as (...args: unknown[]) => unknown;
      expect(errorOf(() => getRange.call(sheet, "1", 1))).toBe(
        "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
      expect(errorOf(() => getRange.call(sheet, 1.5, 1))).toBe(
        "The parameters (number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    });
  });

  describe("getLastRow / getDataRange", () => {
    it("finds the last row and column with content", () => {
      const { sheet } = setup();
      expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
      expect(sheet.getDataRange().getA1Notation()).toBe("A1");
      sheet.getRange("C5").setValue("x");
      sheet.getRange("B7").setBackground("#ff0000");
      expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
      expect(sheet.getDataRange().getA1Notation()).toBe("A1:C5");
      expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    });
  });

  describe("appendRow", () => {
    it("writes after the last row with content, as typed", () => {
      const { sheet } = setup();
      sheet.getRange("A1:B1").setValues([["h1", "h2"]]);
      sheet.getRange("A3").setValue("x");
      sheet.appendRow(["a", "=B1", "50%"]);
      expect(sheet.getRange("A4:C4").getValues()).toEqual([["a", "h2", 0.5]]);
    });

    it("grows a full sheet by a row", () => {
      const { sheet } = setup();
      sheet.getRange("A1000").setValue("last");
      sheet.appendRow(["next"]);
      expect([sheet.getMaxRows(), sheet.getLastRow()]).toEqual([1001, 1001]);
    });

    it("refuses a non-array", () => {
      const { sheet } = setup();
      expect(errorOf(() => sheet.appendRow("x" as unknown as unknown[]))).toBe(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    });
  });

  describe("insertRows / deleteRows", () => {
    it("shifts cells with their formats and validations", () => {
      const { sheet, model } = setup();
      sheet.getRange("A2").setValue("two").setBackground("#00ff00");
      sheet.insertRowsBefore(2, 3);
      expect(sheet.getRange("A5").getValue()).toBe("two");
      expect(sheet.getRange("A5").getBackground()).toBe("#00ff00");
      expect(sheet.getMaxRows()).toBe(1003);
      sheet.deleteRows(1, 4);
      expect(sheet.getRange("A1").getValue()).toBe("two");
      expect(model.sheets[0]?.maxRows).toBe(999);
    });

    it("gives inserted rows the formats of their neighbour but no values", () => {
      const { sheet } = setup();
      sheet.getRange("A1").setValue("h").setBackground("#0000ff");
      sheet.insertRowsAfter(1, 1);
      expect(sheet.getRange("A2").getBackground()).toBe("#0000ff");
      expect(sheet.getRange("A2").getValue()).toBe("");
    });

    it("moves conditional-format ranges, protections, metadata and column widths", () => {
      const { sheet, model, ss } = setup();
      const rule: ConditionalFormatRuleModel = {
        ranges: [{ sheetId: 0, row: 2, column: 1, numRows: 10, numColumns: 3 }],
      };
      model.sheets[0]?.conditionalFormatRules.push(rule);
      sheet.getRange("B5:C6").protect();
      sheet.getRange("7:7").addDeveloperMetadata("lead", "L-7");
      sheet.setColumnWidth(3, 250);
      sheet.insertRowsBefore(1, 2);
      sheet.insertColumnsBefore(1, 1);
      expect(rule.ranges).toEqual([{ sheetId: 0, row: 4, column: 2, numRows: 10, numColumns: 3 }]);
      expect(model.protections[0]?.range).toEqual({ sheetId: 0, row: 7, column: 3, numRows: 2, numColumns: 2 });
      expect(model.developerMetadata[0]?.location).toEqual({ type: "ROW", sheetId: 0, index: 9 });
      expect(sheet.getColumnWidth(4)).toBe(250);
      sheet.deleteRow(9);
      expect(ss.createDeveloperMetadataFinder().withKey("lead").find()).toEqual([]);
      sheet.deleteRows(4, 5);
      expect(rule.ranges).toEqual([{ sheetId: 0, row: 4, column: 2, numRows: 4, numColumns: 3 }]);
      expect(model.protections).toEqual([]);
    });

    it("throws Apps Script's errors", () => {
      const { sheet } = setup();
      expect(errorOf(() => sheet.deleteRows(999, 5))).toBe("Those rows are out of bounds.");
      expect(errorOf(() => sheet.deleteColumns(26, 2))).toBe("Those columns are out of bounds.");
      expect(errorOf(() => sheet.deleteRows(1, 1000))).toBe("Sorry, it is not possible to delete all non-frozen rows.");
      sheet.setFrozenRows(1);
      expect(errorOf(() => sheet.deleteRows(2, 999))).toBe("Sorry, it is not possible to delete all non-frozen rows.");
      expect(errorOf(() => sheet.deleteColumns(1, 26))).toBe(
        "Sorry, it is not possible to delete all non-frozen columns.",
      );
      expect(errorOf(() => sheet.insertRowsAfter(1001, 1))).toBe("Those rows are out of bounds.");
    });

    it("refuses to pass 10,000,000 cells", () => {
      const { sheet } = setup();
      expect(errorOf(() => sheet.insertRowsAfter(1000, 400_000))).toBe(
        "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
      );
      expect(sheet.getMaxRows()).toBe(1000);
    });
  });

  describe("frozen rows", () => {
    it("keeps the frozen count and moves it with deletions", () => {
      const { sheet } = setup();
      sheet.setFrozenRows(2);
      expect(sheet.getFrozenRows()).toBe(2);
      sheet.deleteRow(1);
      expect(sheet.getFrozenRows()).toBe(1);
      sheet.insertRowsBefore(1, 2);
      expect(sheet.getFrozenRows()).toBe(3);
    });
  });

  describe("hideSheet", () => {
    it("refuses to hide the only visible sheet", () => {
      const { sheet, ss } = setup();
      expect(errorOf(() => sheet.hideSheet())).toBe("You can't hide all the sheets in a document.");
      const other = ss.insertSheet("Other");
      sheet.hideSheet();
      expect([sheet.isSheetHidden(), ss.getActiveSheet().getName()]).toEqual([true, "Other"]);
      expect(errorOf(() => other.hideSheet())).toBe("You can't hide all the sheets in a document.");
      sheet.showSheet();
      expect(sheet.isSheetHidden()).toBe(false);
    });
  });

  describe("setName", () => {
    it("refuses a name another sheet has, in any case", () => {
      const { sheet, ss } = setup();
      ss.insertSheet("Leads");
      expect(errorOf(() => sheet.setName("leads"))).toBe(
        'A sheet with the name "leads" already exists. Please enter another name.',
      );
      sheet.setName("Sheet1");
      expect(sheet.setName("Data").getName()).toBe("Data");
    });
  });

  describe("protect", () => {
    it("returns the existing sheet protection", () => {
      const { sheet, model } = setup();
      sheet.protect().setDescription("locked");
      expect(sheet.protect().getDescription()).toBe("locked");
      expect(model.protections.length).toBe(1);
    });
  });

  describe("autoResizeColumns", () => {
    it("is counted and checks bounds", () => {
      const { sheet, kernel, model } = setup();
      asUser(kernel, model.id, OWNER, () => sheet.autoResizeColumns(1, 3));
      expect(kernel.snapshot().byMethod["Sheet.autoResizeColumns"]).toBe(1);
      expect(errorOf(() => sheet.autoResizeColumns(25, 3))).toBe("Those columns are out of bounds.");
    });
  });
});
