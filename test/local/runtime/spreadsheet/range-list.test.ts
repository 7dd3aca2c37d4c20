/** Tests of Sheet.getRangeList and RangeList: each range behaves as the same Range call would, in one counted call. */

import { runtimeOnSource } from "../../../helpers/runtime";
import { asUser, errorOf, OWNER, setup } from "./fixture";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every cell property a write can change, over a block covering the test ranges. */
function snapshotOf(sheet: Sheet, a1 = "A1:H8") {
  const range = sheet.getRange(a1);
  return {
    values: range.getValues().map((row) => row.map((v) => (v instanceof Date ? `Date ${v.getTime()}` : v))),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
    display: range.getDisplayValues(),
  };
}

const SCATTERED = ["B2", "D5", "F1:G3"];

describe("range list", () => {
  describe("setValue", () => {
    it.each([
      ["TRUE", true],
      ["a Date", new Date(Date.UTC(2024, 2, 1, 4, 30))],
      ["a formula", "=1+1"],
      ["a quoted formula", "'=1+1"],
      ["a number", 42],
      ["a percentage typed as text", "50%"],
      ["a date typed as text", "2024-01-15"],
      ["null", null],
    ])("makes every cell what Range.setValue makes it, for %s", (_name, value) => {
      const { ss, sheet } = setup();
      const reference = ss.insertSheet("Reference");
      sheet.getRangeList(SCATTERED).setValue(value);
      for (const a1 of SCATTERED) reference.getRange(a1).setValue(value);
      expect(snapshotOf(sheet)).toEqual(snapshotOf(reference));
    });

    it("writes TRUE, a Date, a formula and quoted text into scattered cells and a block, and nothing else", () => {
      const { sheet } = setup();
      const cells = ["B2", "D5", "F1", "F2", "F3", "G1", "G2", "G3"];
      const list = sheet.getRangeList(SCATTERED);

      list.setValue(true);
      expect(cells.map((a1) => sheet.getRange(a1).getValue())).toEqual(cells.map(() => true));
      expect(sheet.getRange("A1:H8").getValues().flat().filter(Boolean)).toHaveLength(cells.length);

      const instant = new Date(Date.UTC(2024, 0, 15, 1, 30));
      list.setValue(instant);
      for (const a1 of cells) {
        expect((sheet.getRange(a1).getValue() as Date).getTime()).toBe(instant.getTime());
        expect(sheet.getRange(a1).getNumberFormat()).toBe("M/d/yyyy H:mm:ss");
      }

      list.setValue("=1+1");
      expect(cells.map((a1) => sheet.getRange(a1).getFormula())).toEqual(cells.map(() => "=1+1"));
      // The cells keep the date format the Date gave them, so =1+1 shows as serial day 2.
      expect(sheet.getRange("G3").getDisplayValue()).toBe("1/1/1900 0:00:00");

      list.setValue("'=1+1");
      expect(cells.map((a1) => [sheet.getRange(a1).getValue(), sheet.getRange(a1).getFormula()])).toEqual(
        cells.map(() => ["=1+1", ""]),
      );
      expect([sheet.getRange("C2").getValue(), sheet.getRange("F4").getValue()]).toEqual(["", ""]);
    });

    it("evaluates formulas, also in plain-text cells, as Range.setValue does", () => {
      const { ss, sheet } = setup();
      const reference = ss.insertSheet("Reference");
      for (const s of [sheet, reference]) s.getRange("D5").setNumberFormat("@");
      sheet.getRangeList(["B2", "D5"]).setValue("=1+1");
      for (const a1 of ["B2", "D5"]) reference.getRange(a1).setValue("=1+1");
      expect(snapshotOf(sheet)).toEqual(snapshotOf(reference));
      expect([sheet.getRange("B2").getValue(), sheet.getRange("B2").getFormula()]).toEqual([2, "=1+1"]);
    });

    it("refuses other arguments with RangeList's signature error and writes nothing", () => {
      const { sheet } = setup();
      const list = sheet.getRangeList(["A1", "B2"]);
      expect(errorOf(() => list.setValue({ a: 1 }))).toBe(
        "The parameters ((class)) don't match the method signature for SpreadsheetApp.RangeList.setValue.",
      );
      expect(errorOf(() => (list.setValue as (...a: unknown[]) => unknown)(1, 2))).toBe(
        "The parameters (number,number) don't match the method signature for SpreadsheetApp.RangeList.setValue.",
      );
      expect(errorOf(() => list.setValue("x".repeat(50_001)))).toBe(
        "Your input contains more than the maximum of 50000 characters in a single cell.",
      );
      expect(sheet.getRange("A1:B2").getValues()).toEqual([
        ["", ""],
        ["", ""],
      ]);
    });

    it("stops at a range whose dropdown refuses the value, with Range's message, earlier ranges written [UNCONFIRMED]", () => {
      const { app, sheet } = setup();
      const rule = app.newDataValidation().requireValueInList(["a", "b"]).setAllowInvalid(false).build();
      sheet.getRange("C3").setDataValidation(rule);
      expect(errorOf(() => sheet.getRangeList(["A1", "C3", "E5"]).setValue("z"))).toBe(
        "The data you entered in cell C3 violates the data validation rules set on this cell.",
      );
      expect(["A1", "C3", "E5"].map((a1) => sheet.getRange(a1).getValue())).toEqual(["z", "", ""]);
    });

    it("recomputes a pivot table over the written cells", () => {
      const { app, ss, sheet } = setup();
      sheet.getRange("A1:B5").setValues([
        ["owner", "customer"],
        ["Li", "a"],
        ["Han", "b"],
        ["Li", "c"],
        ["Han", "d"],
      ]);
      const pivot = ss.insertSheet("Review").getRange("A1").createPivotTable(sheet.getRange("A1:B5"));
      pivot.addRowGroup(1);
      pivot.addPivotValue(2, app.PivotTableSummarizeFunction.COUNTA);
      const countOf = (owner: string) =>
        ss
          .getSheetByName("Review")
          ?.getDataRange()
          .getValues()
          .find((row) => row[0] === owner)?.[1];
      expect(countOf("Li")).toBe(2);
      sheet.getRangeList(["A3", "A5"]).setValue("Li");
      expect(countOf("Li")).toBe(4);
      expect(countOf("Han")).toBeUndefined();
    });
  });

  describe("clearing", () => {
    function filled() {
      const context = setup();
      const { app, sheet } = context;
      const rule = app.newDataValidation().requireValueInList(["1", "2", "5"]).build();
      sheet.getRange("A1:C3").setValue(5).setNumberFormat("0.00").setBackground("#00ff00").setDataValidation(rule);
      sheet.getRange("A1").setValue("=1+1");
      return context;
    }

    it("clearContent removes values and formulas, keeping number formats, colours and data validation", () => {
      const { sheet } = filled();
      sheet.getRangeList(["A1", "C1:C3"]).clearContent();
      expect(sheet.getRange("A1:C3").getValues()).toEqual([
        ["", 5, ""],
        [5, 5, ""],
        [5, 5, ""],
      ]);
      expect(sheet.getRange("A1").getFormula()).toBe("");
      expect(sheet.getRange("A1:C3").getNumberFormats().flat()).toEqual(Array(9).fill("0.00"));
      expect(sheet.getRange("A1:C3").getBackgrounds().flat()).toEqual(Array(9).fill("#00ff00"));
      expect(
        sheet
          .getRange("A1:C3")
          .getDataValidations()
          .flat()
          .map((r) => r?.getCriteriaValues()[0]),
      ).toEqual(Array(9).fill(["1", "2", "5"]));
    });

    it("clear() removes contents, formats and data validation rules (reference); options pick parts", () => {
      const { sheet } = filled();
      sheet.getRangeList(["A1", "B2"]).clear();
      for (const a1 of ["A1", "B2"]) {
        const cell = sheet.getRange(a1);
        expect([cell.getValue(), cell.getNumberFormat(), cell.getBackground(), cell.getDataValidation()]).toEqual([
          "",
          "0.###############",
          "#ffffff",
          null,
        ]);
      }
      expect(sheet.getRange("C3").getValue()).toBe(5);
      sheet.getRangeList(["C1", "C3"]).clear({ contentsOnly: true });
      expect([sheet.getRange("C3").getValue(), sheet.getRange("C3").getNumberFormat()]).toEqual(["", "0.00"]);
      expect(sheet.getRange("C3").getDataValidation()).not.toBeNull();
      expect(errorOf(() => sheet.getRangeList(["C1"]).clear("all" as never))).toBe(
        "The parameters (String) don't match the method signature for SpreadsheetApp.RangeList.clear.",
      );
    });

    it("clearFormat and clearDataValidations clear only their part", () => {
      const { sheet } = filled();
      sheet.getRangeList(["B1", "B3"]).clearFormat();
      expect([sheet.getRange("B1").getValue(), sheet.getRange("B1").getBackground()]).toEqual([5, "#ffffff"]);
      expect(sheet.getRange("B1").getDataValidation()).not.toBeNull();
      expect(sheet.getRange("B2").getBackground()).toBe("#00ff00");
      sheet.getRangeList(["B1", "B3"]).clearDataValidations();
      expect(sheet.getRange("B3").getDataValidation()).toBeNull();
      expect(sheet.getRange("B2").getDataValidation()).not.toBeNull();
      expect(sheet.getRange("B3").getValue()).toBe(5);
    });
  });

  describe("formats, checkboxes and selection", () => {
    it("sets number formats, font weight and background on every range", () => {
      const { sheet } = setup();
      sheet.getRangeList(["A1", "C2:C3"]).setNumberFormat("0.0%").setFontWeight("bold").setBackground("RED");
      expect(sheet.getRange("C3").getNumberFormat()).toBe("0.0%");
      expect(sheet.getRange("A1:C3").getBackgrounds()).toEqual([
        ["#ff0000", "#ffffff", "#ffffff"],
        ["#ffffff", "#ffffff", "#ff0000"],
        ["#ffffff", "#ffffff", "#ff0000"],
      ]);
      expect(errorOf(() => sheet.getRangeList(["A1"]).setFontWeight("heavy" as "bold"))).toBe(
        "Invalid argument: heavy",
      );
      expect(errorOf(() => sheet.getRangeList(["A1"]).setNumberFormat(5 as never))).toBe(
        "The parameters (number) don't match the method signature for SpreadsheetApp.RangeList.setNumberFormat.",
      );
    });

    it("checks and unchecks checkboxes, leaving other cells alone", () => {
      const { sheet } = setup();
      sheet.getRange("A1:A3").insertCheckboxes();
      sheet.getRange("B1").setValue("text");
      const list = sheet.getRangeList(["A1", "A3", "B1"]);
      list.check();
      expect(sheet.getRange("A1:B3").getValues()).toEqual([
        [true, "text"],
        [false, ""],
        [true, ""],
      ]);
      list.uncheck();
      expect(sheet.getRange("A1:A3").isChecked()).toBe(false);
      expect(sheet.getRange("B1").getValue()).toBe("text");
    });

    it("activate makes the last range the active range", () => {
      const { ss } = setup();
      const other = ss.insertSheet("Other");
      ss.setActiveSheet(ss.getSheets()[0] as Sheet);
      other.getRangeList(["A1", "C2:D4"]).activate();
      expect(ss.getActiveSheet().getName()).toBe("Other");
      expect(ss.getActiveRange()?.getA1Notation()).toBe("C2:D4");
    });
  });

  describe("getRangeList arguments", () => {
    it("returns the ranges in the given order, as getRange reads each notation", () => {
      const { sheet } = setup();
      const ranges = sheet.getRangeList(["R12:R14", "R5", "Sheet1!R9", "b:b", "R5", "$C$2"]).getRanges();
      expect(ranges.map((r) => r.getA1Notation())).toEqual(["R12:R14", "R5", "R9", "B1:B1000", "R5", "C2"]);
      expect(ranges.every((r) => r.getSheet().getName() === "Sheet1")).toBe(true);
    });

    it.each(["R0", "A1:B2:C3", "Other!A1", "Missing!A1", "AAAA1", "A1001", "", "R1C1", "A"])(
      "refuses %j with the error getRange gives it",
      (bad) => {
        const { ss, sheet } = setup();
        ss.insertSheet("Other");
        const expected = errorOf(() => sheet.getRange(bad));
        expect(expected).toBe("Range not found");
        expect(errorOf(() => sheet.getRangeList(["A1", bad]))).toBe(expected);
      },
    );

    it("refuses anything but a non-empty String[]", () => {
      const { sheet } = setup();
      const getRangeList = sheet.getRangeList as (...args: unknown[]) => unknown;
      const message = (types: string) =>
        `The parameters (${types}) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.`;
      expect(errorOf(() => getRangeList.call(sheet, "A1"))).toBe(message("String"));
      expect(errorOf(() => getRangeList.call(sheet, [5]))).toBe(message("number[]"));
      expect(errorOf(() => getRangeList.call(sheet, ["A1", 5]))).toBe(message("Object[]"));
      expect(errorOf(() => getRangeList.call(sheet))).toBe(message(""));
      expect(errorOf(() => getRangeList.call(sheet, ["A1"], ["B2"]))).toBe(message("String[],String[]"));
      // The reference asks for a non-empty list; the text is [UNCONFIRMED].
      expect(errorOf(() => sheet.getRangeList([]))).toBe("Invalid argument: a1Notations");
    });
  });

  describe("call counting", () => {
    /** Rows 2, 4, …, 1000 of column R: 500 cells, no two adjacent. */
    const EVERY_OTHER_ROW = Array.from({ length: 500 }, (_, i) => `R${2 * i + 2}`);

    it("writes and clears 500 scattered cells in one call each", () => {
      const { sheet, kernel, model } = setup();
      kernel.resetCounts();
      asUser(kernel, model.id, OWNER, () => sheet.getRangeList(EVERY_OTHER_ROW).setValue(true));
      expect(kernel.snapshot()).toEqual({
        byService: { Spreadsheet: 2 },
        byMethod: { "Sheet.getRangeList": 1, "RangeList.setValue": 1 },
        cellsRead: 0,
        cellsWritten: 500,
      });
      expect(
        sheet
          .getRange("R1:R1000")
          .getValues()
          .flat()
          .filter((v) => v === true),
      ).toHaveLength(500);
      kernel.resetCounts();
      asUser(kernel, model.id, OWNER, () => sheet.getRangeList(EVERY_OTHER_ROW).clearContent());
      expect(kernel.snapshot().byMethod).toEqual({ "Sheet.getRangeList": 1, "RangeList.clearContent": 1 });
      expect(kernel.snapshot().cellsWritten).toBe(500);
      expect(sheet.getLastRow()).toBe(0);
    });

    it("sums the cells of every range, and counts getRanges and activate without cells", () => {
      const { sheet, kernel, model } = setup();
      kernel.resetCounts();
      asUser(kernel, model.id, OWNER, () => {
        const list = sheet.getRangeList(["A1:B2", "D4", "F1:F3"]);
        list.setNumberFormat("0").check().getRanges();
        list.activate();
      });
      expect(kernel.snapshot()).toEqual({
        byService: { Spreadsheet: 5 },
        byMethod: {
          "Sheet.getRangeList": 1,
          "RangeList.setNumberFormat": 1,
          "RangeList.check": 1,
          "RangeList.getRanges": 1,
          "RangeList.activate": 1,
        },
        cellsRead: 0,
        cellsWritten: 16,
      });
    });

    it("is refused in AuthMode.NONE", () => {
      const { sheet, kernel, model } = setup();
      const message = kernel.withExecution(
        {
          functionName: "onOpen",
          kind: "simpleTrigger",
          authMode: "NONE",
          activeUser: "",
          effectiveUser: OWNER,
          activeSpreadsheetId: model.id,
          userLocale: "en",
          realm: { Date, Error },
        },
        () => errorOf(() => sheet.getRangeList(["A1"])),
      );
      expect(message).toMatch(/^You do not have permission to call Sheet.getRangeList/);
    });

    it("costs a script writing 500 scattered cells two calls, as the add-on writes them", () => {
      const runtime = runtimeOnSource(`
        function scatter() {
          var a1s = [];
          for (var row = 2; row <= 1000; row += 2) a1s.push("R" + row);
          var list = SpreadsheetApp.getActiveSheet().getRangeList(a1s);
          list.setValue(new Date(2024, 0, 15));
          return list.getRanges().length;
        }`);
      runtime.kernel.resetCounts();
      expect(runtime.run("scatter")).toBe(500);
      const counts = runtime.kernel.snapshot();
      expect(counts.byMethod).toEqual({
        "SpreadsheetApp.getActiveSheet": 1,
        "Sheet.getRangeList": 1,
        "RangeList.setValue": 1,
        "RangeList.getRanges": 1,
      });
      expect(counts.cellsWritten).toBe(500);
      const sheet = runtime.inspect().getActiveSheet();
      expect(sheet.getRange("R1000").getDisplayValue()).toBe("2024/1/15 0:00:00");
      expect(sheet.getRange("R999").getValue()).toBe("");
    });
  });
});
