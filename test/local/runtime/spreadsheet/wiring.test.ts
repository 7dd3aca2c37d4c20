/** Tests of the Spreadsheet service as a script sees it: validation, conditional formats and pivot tables wired into real sheets and ranges. */

import { runtimeOnSource } from "../../../helpers/runtime";

describe("spreadsheet wiring", () => {
  it("refuses a value outside a dropdown that rejects invalid input, and keeps the cell", () => {
    const runtime = runtimeOnSource(`
      function setUp() {
        var range = SpreadsheetApp.getActiveSheet().getRange("B2:B10");
        range.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(["新线索", "已报价"]).setAllowInvalid(false).build());
        range.getCell(1, 1).setValue("已报价");
      }
      function typo() { SpreadsheetApp.getActiveSheet().getRange("B2").setValue("已保价"); }`);
    runtime.run("setUp");
    expect(() => runtime.run("typo")).toThrow(
      "The data you entered in cell B2 violates the data validation rules set on this cell.",
    );
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
    expect(sheet?.getRange("B2").getValue()).toBe("已报价");
    expect(sheet?.getRange("B5").getDataValidation()?.getCriteriaValues()[0]).toEqual(["新线索", "已报价"]);
  });

  it("moves conditional-format rules, range and formula, when rows are inserted above", () => {
    const runtime = runtimeOnSource(`
      function setUp() {
        var sheet = SpreadsheetApp.getActiveSheet();
        var rule = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied("=$K2<TODAY()")
          .setBackground("#F4CCCC").setRanges([sheet.getRange("A2:Q100")]).build();
        sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().concat([rule]));
        sheet.insertRowsBefore(1, 2);
      }
      function rules() {
        return SpreadsheetApp.getActiveSheet().getConditionalFormatRules().map(function (r) {
          return [r.getRanges()[0].getA1Notation(), r.getBooleanCondition().getCriteriaValues()[0], r.getBooleanCondition().getBackground()];
        });
      }`);
    runtime.run("setUp");
    expect(runtime.run("rules")).toEqual([["A4:Q102", "=$K4<TODAY()", "#f4cccc"]]);
  });

  it("computes a pivot table's output cells from the sheet, and recomputes when its source changes", () => {
    const runtime = runtimeOnSource(`
      function build() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var data = ss.getSheets()[0];
        data.getRange(1, 1, 5, 2).setValues([["责任人", "客户"], ["李雷", "甲"], ["韩梅梅", "乙"], ["李雷", "丙"], ["李雷", "丁"]]);
        var review = ss.insertSheet("周报");
        var pivot = review.getRange("A1").createPivotTable(data.getRange("A1:B5"));
        pivot.addRowGroup(1);
        pivot.addPivotValue(2, SpreadsheetApp.PivotTableSummarizeFunction.COUNTA);
      }
      function reassign() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A3").setValue("李雷"); }
      function addRow() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].appendRow(["韩梅梅", "戊"]); }
      function read() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName("周报").getDataRange().getValues(); }`);
    runtime.run("build");
    const read = () => runtime.run("read") as unknown[][];
    const countFor = (owner: string) => read().find((row) => row[0] === owner)?.[1];
    expect(countFor("李雷")).toBe(3);
    expect(countFor("韩梅梅")).toBe(1);
    expect(read().at(-1)).toEqual(["总计", 4]);
    runtime.run("reassign");
    expect(countFor("李雷")).toBe(4);
    expect(countFor("韩梅梅")).toBeUndefined();
    expect(read().at(-1)).toEqual(["总计", 4]);
    // A row appended below the source range is not part of the pivot (its source is a fixed range).
    runtime.run("addRow");
    expect(countFor("韩梅梅")).toBeUndefined();
  });

  it("stores user text that looks like a formula as a formula unless it is quoted (what the add-on must guard against)", () => {
    const runtime = runtimeOnSource(`
      function write() {
        var range = SpreadsheetApp.getActiveSheet().getRange("A1:C1");
        range.setValues([["=IMPORTXML(\\"http://x\\", \\"//a\\")", "'=IMPORTXML(\\"http://x\\", \\"//a\\")", "'+86 138-0013-8000"]]);
        return range.getFormulas()[0];
      }
      function read(a1) { return SpreadsheetApp.getActiveSheet().getRange(a1).getValues()[0]; }`);
    expect(runtime.run("write")).toEqual(['=IMPORTXML("http://x", "//a")', "", ""]);
    // On Google the formula fetches the page; the runtime cannot, and says so rather than guess a value.
    expect(() => runtime.run("read", ["A1"])).toThrow(/cannot evaluate IMPORTXML .* in 工作表1!A1/);
    expect(runtime.run("read", ["B1:C1"])).toEqual(['=IMPORTXML("http://x", "//a")', "+86 138-0013-8000"]);
  });
});
