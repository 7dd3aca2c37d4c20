/** Formula evaluation: what Sheets would show in a formula cell, recalculated live, on the runtime's clock, with references moved as Sheets moves them. */

import { HyperFormula } from "hyperformula";
import { clockAt } from "../../../../local/runtime/spreadsheet/formula-engine";
import { evaluateRuleFormula } from "../../../../local/runtime/spreadsheet/formula-rules";
import type { SheetModel } from "../../../../local/runtime/spreadsheet/model";
import {
  DIFFERENT_IN_ENGINE,
  NOT_EMULATED_FUNCTIONS,
} from "../../../../local/runtime/spreadsheet/unevaluated-functions";
import { NOW, setup } from "./fixture";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const value = (sheet: Sheet, a1: string) => sheet.getRange(a1).getValue();

describe("formulas", () => {
  describe("values", () => {
    it("computes what Sheets shows, and getFormula keeps the formula as typed", () => {
      const { sheet } = setup();
      sheet.getRange("A1:A3").setValues([[2], [3], ["x"]]);
      sheet
        .getRange("B1:B6")
        .setValues([["=A1*A2"], ["=SUM(A1:A3)"], ['=A3&"y"'], ["=A1>A2"], ["=IF(A1=2, TRUE, FALSE)"], ["=A9"]]);
      expect(sheet.getRange("B1:B6").getValues().flat()).toEqual([6, 5, "xy", false, true, ""]);
      expect(sheet.getRange("B5").getFormula()).toBe("=IF(A1=2, TRUE, FALSE)");
      expect(sheet.getRange("B1:B2").getDisplayValues().flat()).toEqual(["6", "5"]);
    });

    // Sheets' error values: support.google.com/docs/answer/3093354 ("Common formula errors").
    it.each([
      ["=1/0", "#DIV/0!"],
      ['=VLOOKUP("nobody", C1:D2, 2, FALSE)', "#N/A"],
      ["=NOSUCHFUNCTION(1)", "#NAME?"],
      ['=1+"a"', "#VALUE!"],
      ["=B1", "#REF!"], // B1 is the formula itself: a circular dependency shows #REF! in Sheets
      ["=SQRT(-1)", "#NUM!"],
    ])("%s shows %s", (formula, shown) => {
      const { sheet } = setup();
      sheet.getRange("B1").setValue(formula);
      expect(value(sheet, "B1")).toBe(shown);
      expect(sheet.getRange("B1").getDisplayValue()).toBe(shown);
    });

    it("recalculates a formula when a cell it reads changes, however the cell is written or cleared", () => {
      const { ss, sheet } = setup();
      sheet.getRange("C1").setValue("=SUM(A1:A3)");
      sheet.getRange("A1").setValue(1);
      expect(value(sheet, "C1")).toBe(1);
      sheet.getRangeList(["A2", "A3"]).setValue(10);
      expect(value(sheet, "C1")).toBe(21);
      sheet.getRange("A2").clearContent();
      expect(value(sheet, "C1")).toBe(11);
      sheet.insertRowsBefore(1, 1); // C1 is C2 now and reads A2:A4
      sheet.getRange("A1").setValue(100);
      expect(sheet.getRange("C2").getFormula()).toBe("=SUM(A2:A4)");
      expect(value(sheet, "C2")).toBe(11);
      sheet.deleteRow(2); // the row holding A2 (=1): the sum reads A2:A3 now
      const other = ss.insertSheet("Other");
      other.getRange("A1").setValue("=Sheet1!A1*2");
      expect(value(other, "A1")).toBe(200);
      sheet.getRange("A1").setValue(7);
      expect(value(other, "A1")).toBe(14);
    });

    it("shows a checkbox's state to the formulas reading it", () => {
      const { sheet } = setup();
      sheet.getRange("B1").setValue('=IF(A1, "done", "open")');
      sheet.getRange("A1").insertCheckboxes();
      expect(value(sheet, "B1")).toBe("open");
      sheet.getRange("A1").check();
      expect(value(sheet, "B1")).toBe("done");
    });

    it("spills an array result into the cells beside it, which hold no formula, and #REF! when they are taken", () => {
      const { sheet } = setup();
      sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
      sheet.getRange("B1").setValue("=ARRAYFORMULA(A1:A3*10)");
      expect(sheet.getRange("B1:B3").getValues().flat()).toEqual([10, 20, 30]);
      expect(sheet.getRange("B2").getFormula()).toBe("");
      expect(sheet.getLastRow()).toBe(3);
      sheet.getRange("A2").setValue(5);
      expect(value(sheet, "B2")).toBe(50);
      // "Array result was not expanded because it would overwrite data in B3" (Sheets shows #REF!).
      sheet.getRange("B3").setValue("mine");
      expect(sheet.getRange("B1:B3").getValues().flat()).toEqual(["#REF!", "", "mine"]);
    });
  });

  describe("time", () => {
    it("takes TODAY() and NOW() from the runtime's clock in the spreadsheet's time zone, and shows them as dates", () => {
      // NOW is 2024-01-15 10:00 in Shanghai; 2024-01-14 18:00 in Los Angeles.
      const shanghai = setup({ timeZone: "Asia/Shanghai" }).sheet;
      const losAngeles = setup({ timeZone: "America/Los_Angeles" }).sheet;
      for (const sheet of [shanghai, losAngeles]) {
        sheet.getRange("A1:C1").setValues([["=TODAY()+3", "=NOW()", '=TEXT(TODAY(), "yyyy-mm-dd")']]);
      }
      expect(shanghai.getRange("A1").getDisplayValue()).toBe("1/18/2024");
      expect(shanghai.getRange("C1").getValue()).toBe("2024-01-15");
      expect(losAngeles.getRange("C1").getValue()).toBe("2024-01-14");
      // getValue gives a Date (the result is formatted as a date, as Sheets formats =TODAY()+3).
      expect((shanghai.getRange("A1").getValue() as Date).toISOString()).toBe("2024-01-17T16:00:00.000Z");
      expect((losAngeles.getRange("B1").getValue() as Date).getTime()).toBe(NOW);
    });

    it("moves on with the clock without any write", () => {
      const { kernel, sheet } = setup();
      sheet.getRange("A1").setValue("=TODAY()");
      sheet.getRange("A2").setValue("=A1+1");
      const day = () => sheet.getRange("A1:A2").getDisplayValues().flat();
      expect(day()).toEqual(["1/15/2024", "1/16/2024"]);
      kernel.setNow(NOW + 14 * 3_600_000); // midnight in Shanghai
      expect(day()).toEqual(["1/16/2024", "1/17/2024"]);
    });
  });

  describe("functions Sheets has", () => {
    it.each([
      ['=REGEXMATCH("13800138000", "^1[3-9]\\d{9}$")', true],
      ['=REGEXEXTRACT("订单 A-1024", "A-(\\d+)")', "1024"],
      ['=REGEXREPLACE("a-b-c", "-", "/")', "a/b/c"],
      ['=JOIN(", ", "甲", "乙")', "甲, 乙"],
      ['=CONCAT("已", "成交")', "已成交"],
      ['=ISEMAIL("li.lei@example.com")', true],
      ['=ISEMAIL("li.lei")', false],
      ["=ADD(1, 2)", 3],
      ['=EQ("a", "A")', true],
    ])("%s gives %p", (formula, expected) => {
      const { sheet } = setup();
      sheet.getRange("A1").setValue(formula);
      expect(value(sheet, "A1")).toBe(expected);
    });

    it("looks up across sheets (a team's =VLOOKUP of the owner's email)", () => {
      const { ss, sheet } = setup();
      ss.insertSheet("Team")
        .getRange("A1:B3")
        .setValues([
          ["name", "email"],
          ["李雷", "li.lei@example.com"],
          ["韩梅梅", "han.meimei@example.com"],
        ]);
      sheet.getRange("A1:B1").setValues([["韩梅梅", "=VLOOKUP(A1, Team!A:B, 2, FALSE)"]]);
      expect(value(sheet, "B1")).toBe("han.meimei@example.com");
    });

    it("refuses loudly to read a value it cannot compute as Sheets would, and what reads it, never a silent #NAME?", () => {
      const { sheet } = setup();
      sheet.getRange("A1:C1").setValues([['=SPLIT("a,b", ",")', "=A1", "=1+1"]]);
      expect(() => value(sheet, "A1")).toThrow(/cannot evaluate SPLIT .* in Sheet1!A1/);
      expect(() => sheet.getRange("B1").getDisplayValue()).toThrow(/cannot evaluate SPLIT/);
      expect(value(sheet, "C1")).toBe(2);
      expect(sheet.getRange("A1").getFormula()).toBe('=SPLIT("a,b", ",")');
      sheet.getRange("A1").setValue("ok");
      expect(value(sheet, "B1")).toBe("ok");
    });

    it("lists only functions the engine lacks (or computes differently), so the list stays true when it is upgraded", () => {
      const engine = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
      expect([...NOT_EMULATED_FUNCTIONS].filter((name) => engine.has(name))).toEqual([]);
      expect([...DIFFERENT_IN_ENGINE.keys()].every((name) => engine.has(name))).toBe(true);
    });
  });

  describe("references move as Sheets moves them", () => {
    // Sheets rewrites references when rows or columns are inserted or deleted (support.google.com/docs/answer/54813).
    it.each([
      ["=$K2<TODAY()", "insertRowsBefore", 1, 2, "=$K4<TODAY()"],
      ["=$K2<TODAY()", "insertRowsBefore", 3, 2, "=$K2<TODAY()"],
      ['=AND($K$2<>"",$P2=FALSE())', "insertRowsBefore", 2, 1, '=AND($K$3<>"",$P3=FALSE())'],
      ["=$K2<TODAY()", "insertColumnsBefore", 3, 1, "=$L2<TODAY()"],
      ["=$K2<TODAY()", "deleteColumns", 11, 1, "=#REF!<TODAY()"],
      ["=$K2<TODAY()", "deleteColumns", 1, 2, "=$I2<TODAY()"],
      ["=SUM(A1:A10)", "insertRowsBefore", 5, 1, "=SUM(A1:A11)"],
      ["=SUM(A1:A10)", "deleteRows", 1, 3, "=SUM(A1:A7)"],
      ["=SUM(A2:A3)", "deleteRows", 1, 5, "=SUM(#REF!)"],
      ["=COUNTA(K:K)", "insertColumnsBefore", 2, 1, "=COUNTA(L:L)"],
      ['=IF(A2="B2",LOG10(A2),0)', "insertRowsBefore", 1, 1, '=IF(A3="B2",LOG10(A3),0)'],
    ] as const)("%s after %s(%i, %i) is %s", (formula, operation, at, count, expected) => {
      const { sheet } = setup();
      sheet.getRange("Z20").setValue(formula);
      sheet[operation](at, count);
      const moved = operation.startsWith("insertRows") && at <= 20 ? 20 + count : 20;
      const row = operation === "deleteRows" && at <= 20 ? 20 - count : moved;
      const column = operation === "insertColumnsBefore" ? 26 + count : operation === "deleteColumns" ? 26 - count : 26;
      expect(sheet.getRange(row, column).getFormula()).toBe(expected);
    });

    it("moves references from other sheets too, and keeps a formula's text when its references do not move", () => {
      const { ss, sheet } = setup();
      const review = ss.insertSheet("Review");
      review.getRange("A1:C1").setValues([["=COUNTA(Sheet1!B2:B10)", "=sum( Sheet1!A1 )", "=sum( 1, 2 )"]]);
      sheet.insertRowsBefore(1, 2);
      expect(review.getRange("A1:C1").getFormulas()[0]).toEqual([
        "=COUNTA(Sheet1!B4:B12)",
        "=SUM( Sheet1!A3 )", // rewritten by the engine, which writes function names in capitals as Sheets does
        "=sum( 1, 2 )",
      ]);
      review.insertColumnsAfter(5, 1);
      expect(review.getRange("B1").getFormula()).toBe("=SUM( Sheet1!A3 )");
    });

    it("renames a sheet inside the formulas naming it, reads sheets named like numbers or in Chinese, and #REF! when one goes", () => {
      const { ss, sheet } = setup();
      const year = ss.insertSheet("2024");
      year.getRange("A1").setValue(5);
      ss.insertSheet("员工").getRange("A1").setValue("李四");
      sheet.getRange("A1:B1").setValues([["='2024'!A1+1", "=员工!A1"]]);
      expect(sheet.getRange("A1:B1").getValues()[0]).toEqual([6, "李四"]);
      year.setName("FY2024");
      expect(sheet.getRange("A1").getFormula()).toBe("=FY2024!A1+1");
      expect(value(sheet, "A1")).toBe(6);
      ss.deleteSheet(year);
      expect(value(sheet, "A1")).toBe("#REF!");
    });

    it("copies a sheet's formulas with Sheet.copyTo, and the copy computes", () => {
      const { ss, sheet } = setup();
      sheet.getRange("A1:B1").setValues([[4, "=A1*2"]]);
      const copy = sheet.copyTo(ss);
      copy.getRange("A1").setValue(10);
      expect([value(copy, "B1"), value(sheet, "B1")]).toEqual([20, 8]);
    });

    it("keeps a conditional-format rule relative to its range when the range's first row is deleted", () => {
      const { app, sheet } = setup();
      const rule = app
        .newConditionalFormatRule()
        .whenFormulaSatisfied("=$K2<TODAY()")
        .setBackground("#f4cccc")
        .setRanges([sheet.getRange("A2:Q100")])
        .build();
      sheet.setConditionalFormatRules([rule]);
      sheet.deleteRow(2);
      const [kept] = sheet.getConditionalFormatRules();
      expect(kept?.getRanges()[0]?.getA1Notation()).toBe("A2:Q99");
      expect(kept?.getBooleanCondition()?.getCriteriaValues()[0]).toBe("=$K2<TODAY()");
      sheet.insertRowsBefore(1, 1);
      expect(sheet.getConditionalFormatRules()[0]?.getBooleanCondition()?.getCriteriaValues()[0]).toBe("=$K3<TODAY()");
    });
  });

  describe("rules use the same engine", () => {
    // "Custom formula is": the formula is written for the range's top-left cell and moves with each cell it checks
    // (support.google.com/docs/answer/186103); a rejecting rule refuses a script's write with this text.
    it("checks a custom-formula validation against the value written, relative to each cell, with the rest of the write in place", () => {
      const { app, sheet } = setup();
      const rule = app.newDataValidation().requireFormulaSatisfied("=LEN(A1)<=B1").setAllowInvalid(false).build();
      sheet.getRange("B1:B5").setValues([[5], [5], [2], [5], [5]]);
      sheet.getRange("A1:A5").setDataValidation(rule);
      sheet.getRange("A2").setValue("hello");
      expect(() => sheet.getRange("A3").setValue("hello")).toThrow(
        "The data you entered in cell A3 violates the data validation rules set on this cell.",
      );
      expect(value(sheet, "A3")).toBe("");
      sheet.getRange("A3:B3").setValues([["hello", 9]]);
      expect(value(sheet, "A3")).toBe("hello");
    });

    it("colours what the conditional-format formula holds for, per cell, at the runtime's clock", () => {
      const { model, sheet } = setup();
      sheet.getRange("K2:K4").setValues([["2024-01-10"], ["2024-01-15"], ["2024-01-20"]]);
      const [results] = evaluateRuleFormula(
        model,
        model.sheets[0] as SheetModel,
        "=$K2<TODAY()",
        { row: 2, column: 1 },
        [{ row: 2, column: 1, numRows: 3, numColumns: 2 }],
        clockAt(NOW, model.timeZone),
      );
      expect(results).toEqual([
        [true, true],
        [false, false],
        [false, false],
      ]);
    });

    it("moves relative columns with each cell, and gives a row rule's value to every cell of the row", () => {
      const { model, sheet } = setup();
      sheet.getRange("A2:C3").setValues([
        [1, 5, 9],
        [7, 2, 3],
      ]);
      const evaluate = (formula: string) =>
        evaluateRuleFormula(
          model,
          model.sheets[0] as SheetModel,
          formula,
          { row: 2, column: 1 },
          [{ row: 2, column: 1, numRows: 2, numColumns: 3 }],
          clockAt(NOW, model.timeZone),
        )[0];
      expect(evaluate("=A2>4")).toEqual([
        [false, true, true],
        [true, false, false],
      ]);
      expect(evaluate("=$A2>4")).toEqual([
        [false, false, false],
        [true, true, true],
      ]);
    });
  });
});
