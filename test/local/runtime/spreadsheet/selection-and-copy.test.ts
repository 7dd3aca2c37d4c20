/** Tests of the selection (active and current cell, active range), Sheet.copyTo and the old Spreadsheet.addMenu. */

import { runtimeOnSource } from "../../../helpers/runtime";
import { errorOf, setup } from "./fixture";

describe("selection", () => {
  // Reference, Sheet#setActiveRange(Range): "Sets the specified range as the active range in the active sheet, with
  // the top left cell in the range as the current cell."
  it("setActiveRange selects the range; the active and current cell are its top-left cell", () => {
    const { ss, sheet } = setup();
    const returned = sheet.setActiveRange(sheet.getRange("B3:D6"));
    expect(returned.getA1Notation()).toBe("B3:D6");
    expect(sheet.getActiveRange()?.getA1Notation()).toBe("B3:D6");
    expect(ss.getActiveRange()?.getA1Notation()).toBe("B3:D6");
    expect(sheet.getActiveCell().getA1Notation()).toBe("B3");
    expect(sheet.getCurrentCell()?.getA1Notation()).toBe("B3");
    expect(ss.getActiveCell().getA1Notation()).toBe("B3");
    expect(ss.getCurrentCell()?.getA1Notation()).toBe("B3");
  });

  // Reference, Sheet#getActiveRange(): "Returns the selected range in the active sheet, or null if there is no active
  // range"; Spreadsheet#getCurrentCell(): "… or null if there is no current cell."
  it("gives no range and no current cell before anything is selected, and A1 as the active cell", () => {
    const { ss, sheet } = setup();
    expect(sheet.getActiveRange()).toBeNull();
    expect(ss.getCurrentCell()).toBeNull();
    expect(sheet.getActiveCell().getA1Notation()).toBe("A1");
  });

  it("setActiveRange makes its sheet active, and refuses a range of another sheet", () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet("Other");
    ss.setActiveSheet(sheet);
    other.setActiveRange(other.getRange("C2"));
    expect(ss.getActiveSheet().getName()).toBe("Other");
    expect(() => sheet.setActiveRange(other.getRange("A1"))).toThrow("Invalid argument: range");
  });
});

describe("Sheet.copyTo", () => {
  // Reference, Sheet#copyTo(Spreadsheet): "Copies the sheet to a given spreadsheet, which can be the same spreadsheet
  // as the source. The copied sheet is named "Copy of [original name]"."
  it("copies values, formulas, formats, notes, validation, layout and conditional formats", () => {
    const { app, ss, sheet } = setup();
    sheet.getRange("A1:B1").setValues([["Name", 3]]);
    sheet.getRange("C1").setFormula("=B1*2");
    sheet.getRange("A1").setBackground("#ff0000").setNote("header");
    sheet.getRange("B2").setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 240);
    const rule = app.newConditionalFormatRule().whenCellEmpty().setBackground("#eeeeee");
    sheet.setConditionalFormatRules([rule.setRanges([sheet.getRange("A2:A9")]).build()]);

    const copy = sheet.copyTo(ss);
    expect(copy.getName()).toBe("Copy of Sheet1");
    expect(copy.getSheetId()).not.toBe(sheet.getSheetId());
    expect(copy.getRange("A1:B1").getValues()).toEqual([["Name", 3]]);
    expect(copy.getRange("C1").getFormula()).toBe("=B1*2");
    expect([copy.getRange("A1").getBackground(), copy.getRange("A1").getNote()]).toEqual(["#ff0000", "header"]);
    expect(copy.getRange("B2").getDataValidation()).not.toBeNull();
    expect([copy.getFrozenRows(), copy.getColumnWidth(1)]).toEqual([1, 240]);
    const [copiedRule] = copy.getConditionalFormatRules();
    expect(copiedRule?.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([
      "Copy of Sheet1!A2:A9",
    ]);
  });

  it("keeps the copy apart from the source, and numbers a second copy's name", () => {
    const { ss, sheet } = setup();
    sheet.getRange("A1").setValue("original");
    const copy = sheet.copyTo(ss);
    copy.getRange("A1").setValue("changed");
    expect(sheet.getRange("A1").getValue()).toBe("original");
    expect(sheet.copyTo(ss).getName()).toBe("Copy of Sheet1 2");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1", "Copy of Sheet1", "Copy of Sheet1 2"]);
  });

  it("copies into another spreadsheet, and refuses what is not a spreadsheet", () => {
    const { app, store, sheet } = setup();
    const target = store.create({ name: "Archive", timeZone: "UTC", locale: "en_US", owner: "o@example.com" });
    sheet.getRange("A1").setValue(7);
    const copy = sheet.copyTo(app.openById(target.id));
    expect(copy.getParent().getName()).toBe("Archive");
    expect(copy.getRange("A1").getValue()).toBe(7);
    expect(errorOf(() => sheet.copyTo("Archive" as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet))).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.copyTo.",
    );
  });
});

describe("Spreadsheet.addMenu", () => {
  // Reference, Spreadsheet#addMenu(String,Object): entries {name, functionName}; "menuEntries.push(null); // line separator".
  it("shows the menu with its items and separators, and its items run their functions", () => {
    const runtime = runtimeOnSource(`
      function onOpen() {
        SpreadsheetApp.getActiveSpreadsheet().addMenu("addMenuExample", [
          { name: "Menu Entry 1", functionName: "function1" },
          null,
          { name: "Menu Entry 2", functionName: "function2" },
        ]);
      }
      function function1() { return "one"; }
      function function2() { return "two"; }
    `);
    runtime.open("LIMITED");
    expect(runtime.ui.menus).toEqual([
      {
        kind: "custom",
        caption: "addMenuExample",
        entries: [
          { kind: "item", caption: "Menu Entry 1", functionName: "function1" },
          { kind: "separator" },
          { kind: "item", caption: "Menu Entry 2", functionName: "function2" },
        ],
      },
    ]);
    expect(runtime.clickMenu("Menu Entry 2")).toBe("two");
  });

  it("refuses entries that are not {name, functionName} or null", () => {
    const runtime = runtimeOnSource(`function bad() { SpreadsheetApp.getActiveSpreadsheet().addMenu("M", ["x"]); }`);
    expect(() => runtime.run("bad")).toThrow(
      "The parameters (String,String[]) don't match the method signature for SpreadsheetApp.Spreadsheet.addMenu.",
    );
  });
});
