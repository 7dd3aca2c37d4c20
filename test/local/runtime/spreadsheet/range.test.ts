/** Tests of Range: values, formulas, formats, validation checks, dimension errors and call accounting. */

import { asUser, errorOf, setup } from "./fixture";

// Rules are validation-check.ts's business: a stand-in rule that only accepts text keeps these tests independent of it.
jest.mock("../../../../local/runtime/spreadsheet/validation-check", () => ({
  ...jest.requireActual("../../../../local/runtime/spreadsheet/validation-check"),
  rejectsValue: (rule: { mockTextOnly?: boolean }, value: unknown) =>
    rule.mockTextOnly === true && typeof value !== "string",
}));

describe("range", () => {
  describe("getValues / setValues", () => {
    it("round-trips values and returns '' for empty cells", () => {
      const { sheet } = setup();
      sheet.getRange("A1:C2").setValues([
        ["name", 3, true],
        ["", 2.5, false],
      ]);
      expect(sheet.getRange("A1:D3").getValues()).toEqual([
        ["name", 3, true, ""],
        ["", 2.5, false, ""],
        ["", "", "", ""],
      ]);
    });

    it("returns fresh copies", () => {
      const { sheet } = setup();
      const range = sheet.getRange("A1:B1");
      range.setValues([[1, 2]]);
      const first = range.getValues();
      (first[0] as unknown[])[0] = 99;
      expect(range.getValues()).toEqual([[1, 2]]);
      expect(range.getValues()).not.toBe(range.getValues());
    });

    it("does not keep references to the caller's arrays", () => {
      const { sheet } = setup();
      const data = [["a", "b"]];
      sheet.getRange("A1:B1").setValues(data);
      (data[0] as string[])[0] = "changed";
      expect(sheet.getRange("A1").getValue()).toBe("a");
    });

    it("refuses data of other dimensions with Apps Script's texts", () => {
      const { sheet } = setup();
      const range = sheet.getRange("A1:B3");
      expect(
        errorOf(() =>
          range.setValues([
            [1, 2],
            [3, 4],
          ]),
        ),
      ).toBe(
        "The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.",
      );
      expect(errorOf(() => range.setValues([[1, 2], [3], [5, 6]]))).toBe(
        "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
      );
      expect(errorOf(() => range.setValues("x" as unknown as unknown[][]))).toBe(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    });

    it("writes nothing when a check fails", () => {
      const { sheet } = setup();
      const long = "x".repeat(50_001);
      expect(errorOf(() => sheet.getRange("A1:B1").setValues([["ok", long]]))).toBe(
        "Your input contains more than the maximum of 50000 characters in a single cell.",
      );
      expect(sheet.getRange("A1").getValue()).toBe("");
      sheet.getRange("A1").setValue("y".repeat(50_000));
      expect((sheet.getRange("A1").getValue() as string).length).toBe(50_000);
    });

    it("refuses objects and functions", () => {
      const { sheet } = setup();
      expect(errorOf(() => sheet.getRange("A1").setValue({ a: 1 }))).toBe(
        "The parameters ((class)) don't match the method signature for SpreadsheetApp.Range.setValue.",
      );
    });

    it("interprets strings as typed", () => {
      const { sheet } = setup();
      sheet.getRange("A1:F1").setValues([["1,234", "50%", "TRUE", "'=1+1", "=A1*2", "@SUM(1)"]]);
      expect(sheet.getRange("A1:F1").getValues()).toEqual([[1234, 0.5, true, "=1+1", 2468, "@SUM(1)"]]);
      expect(sheet.getRange("A1:F1").getFormulas()).toEqual([["", "", "", "", "=A1*2", ""]]);
      expect(sheet.getRange("B1").getNumberFormat()).toBe("0%");
      expect(sheet.getRange("B1").getDisplayValue()).toBe("50%");
    });

    it("turns a phone number with a leading + into a broken formula", () => {
      const { sheet } = setup({ locale: "zh_CN" });
      sheet.getRange("A1").setValue("+86 138-0013-8000");
      expect(sheet.getRange("A1").getFormula()).toBe("=+86 138-0013-8000");
      // Sheets shows a formula it cannot parse as #ERROR! ("Formula parse error", support.google.com/docs/answer/3093354).
      expect(sheet.getRange("A1").getValue()).toBe("#ERROR!");
    });

    it("keeps text as typed under the plain-text format", () => {
      const { sheet } = setup();
      const cell = sheet.getRange("A1");
      cell.setNumberFormat("@");
      cell.setValue("00123");
      expect(cell.getValue()).toBe("00123");
      cell.setValue("=1");
      expect(cell.getFormula()).toBe("=1");
    });

    it("evaluates a formula it sets (the formula engine computes =1+1)", () => {
      const { sheet } = setup();
      sheet.getRange("A1").setValue("=1+1");
      expect([sheet.getRange("A1").getValue(), sheet.getRange("A1").getFormula()]).toEqual([2, "=1+1"]);
    });

    it("sets every cell with setValue", () => {
      const { sheet } = setup();
      sheet.getRange("A1:B2").setValue("x");
      expect(sheet.getRange("A1:B2").getValues()).toEqual([
        ["x", "x"],
        ["x", "x"],
      ]);
    });
  });

  describe("dates", () => {
    it("reads a Date written in Asia/Shanghai back as the same instant", () => {
      const { sheet } = setup();
      const instant = new Date(Date.UTC(2024, 0, 15, 1, 30));
      sheet.getRange("A1").setValue(instant);
      const back = sheet.getRange("A1").getValue() as Date;
      expect(back.getTime()).toBe(instant.getTime());
      expect(sheet.getRange("A1").getNumberFormat()).toBe("M/d/yyyy H:mm:ss");
      expect(sheet.getRange("A1").getDisplayValue()).toBe("1/15/2024 9:30:00");
    });

    it("shifts the instant when the spreadsheet's zone changes, keeping the wall clock", () => {
      const { sheet, ss } = setup();
      sheet.getRange("A1").setValue("2024-01-15");
      expect((sheet.getRange("A1").getValue() as Date).getTime()).toBe(Date.UTC(2024, 0, 14, 16));
      ss.setSpreadsheetTimeZone("America/New_York");
      expect((sheet.getRange("A1").getValue() as Date).getTime()).toBe(Date.UTC(2024, 0, 15, 5));
      expect(sheet.getRange("A1").getDisplayValue()).toBe("2024-01-15");
    });

    it("builds Dates in the execution's realm", () => {
      const { sheet, kernel, model } = setup();
      sheet.getRange("A1").setValue("2024-01-15");
      class SandboxDate extends Date {}
      const value = kernel.withExecution(
        {
          functionName: "f",
          kind: "editor",
          authMode: "FULL",
          activeUser: "owner@example.com",
          effectiveUser: "owner@example.com",
          activeSpreadsheetId: model.id,
          userLocale: "en",
          realm: { Date: SandboxDate as DateConstructor, Error },
        },
        () => sheet.getRange("A1").getValue(),
      );
      expect(value).toBeInstanceOf(SandboxDate);
    });

    it("keeps a number format the cell already has", () => {
      const { sheet } = setup();
      sheet.getRange("A1").setNumberFormat("yyyy-mm-dd");
      sheet.getRange("A1").setValue(new Date(Date.UTC(2024, 2, 1, 4)));
      expect(sheet.getRange("A1").getNumberFormat()).toBe("yyyy-mm-dd");
      expect(sheet.getRange("A1").getDisplayValue()).toBe("2024-03-01");
    });
  });

  describe("geometry", () => {
    it("reports position, size and A1 notation", () => {
      const { sheet } = setup();
      const range = sheet.getRange(2, 3, 4, 5);
      expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 3, 4, 5]);
      expect([range.getLastRow(), range.getLastColumn(), range.getA1Notation()]).toEqual([5, 7, "C2:G5"]);
      expect(range.getSheet().getName()).toBe("Sheet1");
    });

    it("offsets and picks cells with bounds errors", () => {
      const { sheet } = setup();
      const range = sheet.getRange("B2:C3");
      expect(range.offset(1, 1).getA1Notation()).toBe("C3:D4");
      expect(range.offset(0, 0, 1).getA1Notation()).toBe("B2:C2");
      expect(range.getCell(2, 2).getA1Notation()).toBe("C3");
      expect(errorOf(() => range.getCell(3, 1))).toBe("Cell reference out of range");
      expect(errorOf(() => range.offset(-2, 0))).toBe("The starting row of the range is too small.");
    });
  });

  describe("formats and notes", () => {
    it("sets backgrounds, notes and number formats", () => {
      const { sheet } = setup();
      const range = sheet.getRange("A1:B1");
      range.setBackground("RED").setNote("call back");
      expect(range.getBackgrounds()).toEqual([["#ff0000", "#ff0000"]]);
      expect(sheet.getRange("C1").getBackground()).toBe("#ffffff");
      expect(range.getNote()).toBe("call back");
      range.setNumberFormats([["0.00", "@"]]);
      expect(range.getNumberFormats()).toEqual([["0.00", "@"]]);
      expect(sheet.getRange("C1").getNumberFormat()).toBe("0.###############");
      expect(errorOf(() => range.setFontWeight("heavy" as "bold"))).toBe("Invalid argument: heavy");
    });

    it("reads and writes notes as a grid of the range's shape, an empty note removing one", () => {
      const { sheet } = setup();
      const range = sheet.getRange("A1:B2");
      range.setNotes([
        ["=SUM(C1:C9)", null],
        ["", "call back"],
      ]);
      expect(range.getNotes()).toEqual([
        ["=SUM(C1:C9)", ""],
        ["", "call back"],
      ]);
      sheet.getRange("A1").setNotes([[""]]);
      expect(sheet.getRange("A1").getNote()).toBe("");
      expect(errorOf(() => range.setNotes([["one"]]))).toBe(
        "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
      );
      expect(errorOf(() => sheet.getRange("A1").setNotes([[5 as unknown as string]]))).toBe(
        "The parameters (number[][]) don't match the method signature for SpreadsheetApp.Range.setNotes.",
      );
    });

    it("clears contents, formats or both", () => {
      const { sheet } = setup();
      const range = sheet.getRange("A1");
      range.setValue(5).setBackground("#00ff00").setNumberFormat("0.00");
      range.clearContent();
      expect([range.getValue(), range.getBackground()]).toEqual(["", "#00ff00"]);
      range.setValue(5).clearFormat();
      expect([range.getValue(), range.getBackground(), range.getNumberFormat()]).toEqual([
        5,
        "#ffffff",
        "0.###############",
      ]);
      range.setBackground("#00ff00").clear();
      expect([range.getValue(), range.getBackground()]).toEqual(["", "#ffffff"]);
    });

    it("shows display values by format", () => {
      const { sheet } = setup();
      sheet.getRange("A1:C1").setValues([[1234.5, "1/15/2024", true]]);
      sheet.getRange("A1").setNumberFormat("#,##0.00");
      expect(sheet.getRange("A1:D1").getDisplayValues()).toEqual([["1,234.50", "1/15/2024", "TRUE", ""]]);
    });
  });

  describe("data validation", () => {
    it("refuses a value the cell's rule rejects, naming the cell, and writes nothing", () => {
      const { sheet, model } = setup();
      const grid = model.sheets[0]?.rows as { value: string; validation?: unknown }[][];
      grid[2] = [];
      (grid[2] as { value: string; validation?: unknown }[])[1] = { value: "", validation: { mockTextOnly: true } };
      expect(errorOf(() => sheet.getRange("A3:B3").setValues([["x", 5]]))).toBe(
        "The data you entered in cell B3 violates the data validation rules set on this cell.",
      );
      expect(sheet.getRange("A3:B3").getValues()).toEqual([["", ""]]);
      sheet.getRange("B3").setValue("fine");
      expect(sheet.getRange("B3").getValue()).toBe("fine");
    });

    it("refuses objects that are not DataValidation rules, and clears with null", () => {
      const { sheet } = setup();
      expect(errorOf(() => sheet.getRange("A1").setDataValidation("list" as never))).toBe(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
      );
      sheet.getRange("A1").setDataValidation(null);
      expect(sheet.getRange("A1").getDataValidation()).toBeNull();
    });
  });

  describe("call counting", () => {
    it("counts one getValues of 1000 rows as one call reading 1000 × n cells", () => {
      const { sheet, kernel, model } = setup();
      asUser(kernel, model.id, "owner@example.com", () => {
        const range = sheet.getRange(1, 1, 1000, 5);
        kernel.resetCounts();
        range.getValues();
      });
      const counts = kernel.snapshot();
      expect(counts.byMethod).toEqual({ "Range.getValues": 1 });
      expect(counts.cellsRead).toBe(5000);
    });

    it("counts written cells", () => {
      const { sheet, kernel, model } = setup();
      asUser(kernel, model.id, "owner@example.com", () => sheet.getRange("A1:C2").setValue(1));
      expect(kernel.snapshot().cellsWritten).toBe(6);
    });

    it("counts nothing outside an execution", () => {
      const { sheet, kernel } = setup();
      kernel.resetCounts();
      sheet.getRange("A1:B2").getValues();
      expect(kernel.snapshot()).toEqual({ byService: {}, byMethod: {}, cellsRead: 0, cellsWritten: 0 });
    });

    it("is refused in AuthMode.NONE from the first call on", () => {
      const { sheet, kernel, model } = setup();
      const message = kernel.withExecution(
        {
          functionName: "onOpen",
          kind: "simpleTrigger",
          authMode: "NONE",
          activeUser: "",
          effectiveUser: "owner@example.com",
          activeSpreadsheetId: model.id,
          userLocale: "en",
          realm: { Date, Error },
        },
        () => errorOf(() => sheet.getRange("A1").getValue()),
      );
      expect(message).toMatch(/^You do not have permission to call Sheet.getRange/);
    });
  });

  describe("size", () => {
    // How fast is the bench's business (`npm run bench` prints local CPU per operation), not a timed test's.
    it("writes and reads 100,000 rows", () => {
      const { sheet } = setup();
      sheet.insertRowsAfter(1000, 99_000);
      const rows = Array.from({ length: 100_000 }, (_, i) => [`lead ${i}`, i, "2024-01-15", i % 2 === 0]);
      sheet.getRange(1, 1, 100_000, 4).setValues(rows);
      const values = sheet.getRange(1, 1, 100_000, 4).getValues();
      expect(sheet.getLastRow()).toBe(100_000);
      expect(values[99_999]?.[1]).toBe(99_999);
      expect(values[99_998]?.[3]).toBe(true);
    });
  });
});
