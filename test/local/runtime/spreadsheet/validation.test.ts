/** Tests of the emulated data validation: builders, built rules, their errors, and rejectsValue. */

import type { Kernel } from "../../../../local/runtime/kernel";
import type { SpreadsheetContext } from "../../../../local/runtime/spreadsheet/model";
import { msToSerial as serialOf } from "../../../../local/runtime/spreadsheet/number-format";
import {
  DataValidationCriteria,
  isDataValidation,
  newDataValidation,
} from "../../../../local/runtime/spreadsheet/validation";
import { rejectsValue } from "../../../../local/runtime/spreadsheet/validation-check";
import {
  fakeContext,
  inExecution,
  newKernel,
  sandboxRealm,
  serialOfDay,
  sheetModel,
  spreadsheetModel,
} from "./fixtures/context";

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

let kernel: Kernel;
let ctx: SpreadsheetContext;

beforeEach(() => {
  kernel = newKernel();
  const lists = sheetModel(1, "Lists", [["Open"], ["Done"], [{ date: serialOfDay(2025, 1, 20) }], [""], [7]]);
  ctx = fakeContext(kernel, spreadsheetModel([sheetModel(0, "Tracker"), lists]));
});

const JAN_10 = new Date(Date.UTC(2025, 0, 10));
const JAN_20 = new Date(Date.UTC(2025, 0, 20));

/** A strict (reject-invalid) rule made by `configure`. */
function strict(configure: (b: Builder) => Builder) {
  return configure(newDataValidation(kernel)).setAllowInvalid(false).build();
}

/** The message of what `action` throws. */
function thrown(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("did not throw");
}

const signature = (types: string, method: string) =>
  `The parameters (${types}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`;

describe("validation", () => {
  describe("DataValidationCriteria", () => {
    it("lists every documented criteria, each member being its own name", () => {
      expect(Object.keys(DataValidationCriteria)).toHaveLength(25);
      expect(DataValidationCriteria.VALUE_IN_LIST).toBe("VALUE_IN_LIST");
      expect(DataValidationCriteria.CHECKBOX).toBe("CHECKBOX");
      expect(DataValidationCriteria.DATE_IS_VALID_DATE).toBe("DATE_IS_VALID_DATE");
      expect(Object.isFrozen(DataValidationCriteria)).toBe(true);
    });
  });

  describe("newDataValidation", () => {
    it("starts with no criteria, no help text, and invalid input allowed", () => {
      const builder = newDataValidation(kernel);
      expect(builder.getCriteriaType()).toBeNull();
      expect(builder.getCriteriaValues()).toEqual([]);
      expect(builder.getHelpText()).toBeNull();
      expect(builder.getAllowInvalid()).toBe(true);
    });
  });

  describe("require*", () => {
    const range = () => ctx.rangeOf({ sheetId: 1, row: 1, column: 1, numRows: 5, numColumns: 1 });
    const cases: [string, (b: Builder) => Builder, string, unknown[]][] = [
      ["requireCheckbox()", (b) => b.requireCheckbox(), "CHECKBOX", []],
      ["requireCheckbox(checked)", (b) => b.requireCheckbox("yes"), "CHECKBOX", ["yes"]],
      ["requireCheckbox(checked, unchecked)", (b) => b.requireCheckbox("yes", "no"), "CHECKBOX", ["yes", "no"]],
      ["requireDate", (b) => b.requireDate(), "DATE_IS_VALID_DATE", []],
      ["requireDateAfter", (b) => b.requireDateAfter(JAN_10), "DATE_AFTER", [JAN_10]],
      ["requireDateBefore", (b) => b.requireDateBefore(JAN_10), "DATE_BEFORE", [JAN_10]],
      ["requireDateBetween", (b) => b.requireDateBetween(JAN_10, JAN_20), "DATE_BETWEEN", [JAN_10, JAN_20]],
      ["requireDateEqualTo", (b) => b.requireDateEqualTo(JAN_10), "DATE_EQUAL_TO", [JAN_10]],
      ["requireDateNotBetween", (b) => b.requireDateNotBetween(JAN_10, JAN_20), "DATE_NOT_BETWEEN", [JAN_10, JAN_20]],
      ["requireDateOnOrAfter", (b) => b.requireDateOnOrAfter(JAN_10), "DATE_ON_OR_AFTER", [JAN_10]],
      ["requireDateOnOrBefore", (b) => b.requireDateOnOrBefore(JAN_10), "DATE_ON_OR_BEFORE", [JAN_10]],
      ["requireFormulaSatisfied", (b) => b.requireFormulaSatisfied("=A1>0"), "CUSTOM_FORMULA", ["=A1>0"]],
      ["requireNumberBetween", (b) => b.requireNumberBetween(1, 9), "NUMBER_BETWEEN", [1, 9]],
      ["requireNumberEqualTo", (b) => b.requireNumberEqualTo(3), "NUMBER_EQUAL_TO", [3]],
      ["requireNumberGreaterThan", (b) => b.requireNumberGreaterThan(3), "NUMBER_GREATER_THAN", [3]],
      [
        "requireNumberGreaterThanOrEqualTo",
        (b) => b.requireNumberGreaterThanOrEqualTo(3),
        "NUMBER_GREATER_THAN_OR_EQUAL_TO",
        [3],
      ],
      ["requireNumberLessThan", (b) => b.requireNumberLessThan(3), "NUMBER_LESS_THAN", [3]],
      [
        "requireNumberLessThanOrEqualTo",
        (b) => b.requireNumberLessThanOrEqualTo(3),
        "NUMBER_LESS_THAN_OR_EQUAL_TO",
        [3],
      ],
      ["requireNumberNotBetween", (b) => b.requireNumberNotBetween(1, 9), "NUMBER_NOT_BETWEEN", [1, 9]],
      ["requireNumberNotEqualTo", (b) => b.requireNumberNotEqualTo(3), "NUMBER_NOT_EQUAL_TO", [3]],
      ["requireTextContains", (b) => b.requireTextContains("x"), "TEXT_CONTAINS", ["x"]],
      ["requireTextDoesNotContain", (b) => b.requireTextDoesNotContain("x"), "TEXT_DOES_NOT_CONTAIN", ["x"]],
      ["requireTextEqualTo", (b) => b.requireTextEqualTo("x"), "TEXT_EQUAL_TO", ["x"]],
      ["requireTextIsEmail", (b) => b.requireTextIsEmail(), "TEXT_IS_VALID_EMAIL", []],
      ["requireTextIsUrl", (b) => b.requireTextIsUrl(), "TEXT_IS_VALID_URL", []],
      ["requireValueInList(values)", (b) => b.requireValueInList(["a", "b"]), "VALUE_IN_LIST", [["a", "b"], true]],
      ["requireValueInList(values, false)", (b) => b.requireValueInList(["a"], false), "VALUE_IN_LIST", [["a"], false]],
      [
        "withCriteria",
        (b) => b.withCriteria(DataValidationCriteria.NUMBER_BETWEEN as never, [1, 2]),
        "NUMBER_BETWEEN",
        [1, 2],
      ],
    ];

    it.each(cases)("%s round-trips through the builder and the built rule", (_, configure, criteria, values) => {
      const builder = configure(newDataValidation(kernel));
      expect(builder.getCriteriaType()).toBe(criteria);
      expect(builder.getCriteriaValues()).toEqual(values);
      const rule = builder.build();
      expect(rule.getCriteriaType()).toBe(criteria);
      expect(rule.getCriteriaValues()).toEqual(values);
    });

    it("keeps the Range object of requireValueInRange with showDropdown defaulting to true", () => {
      const source = range();
      expect(newDataValidation(kernel).requireValueInRange(source).build().getCriteriaValues()).toEqual([source, true]);
      expect(newDataValidation(kernel).requireValueInRange(source, false).getCriteriaValues()).toEqual([source, false]);
    });

    it("replaces the previous criteria", () => {
      const builder = newDataValidation(kernel).requireNumberEqualTo(1).requireTextEqualTo("a");
      expect(builder.getCriteriaType()).toBe("TEXT_EQUAL_TO");
      expect(builder.getCriteriaValues()).toEqual(["a"]);
    });

    it("copies the list, so later changes to the caller's array do not reach the rule", () => {
      const list = ["a", "b"];
      const rule = newDataValidation(kernel).requireValueInList(list).build();
      list.push("c");
      expect(rule.getCriteriaValues()[0]).toEqual(["a", "b"]);
    });

    it("hands out new Date objects with the same instant", () => {
      const date = new Date(Date.UTC(2025, 0, 10, 9, 30));
      const [out] = newDataValidation(kernel).requireDateAfter(date).build().getCriteriaValues();
      expect(out).not.toBe(date);
      expect((out as Date).getTime()).toBe(date.getTime());
    });

    it("takes any arguments through withCriteria, unchecked", () => {
      const rule = newDataValidation(kernel)
        .withCriteria(DataValidationCriteria.DATE_AFTER as never, ["=B1"])
        .build();
      expect(rule.getCriteriaValues()).toEqual(["=B1"]);
    });
  });

  describe("setAllowInvalid / setHelpText", () => {
    it("round-trip through the builder and the built rule", () => {
      const builder = newDataValidation(kernel).requireDate().setAllowInvalid(false).setHelpText("A date, please");
      expect(builder.getAllowInvalid()).toBe(false);
      expect(builder.getHelpText()).toBe("A date, please");
      const rule = builder.build();
      expect(rule.getAllowInvalid()).toBe(false);
      expect(rule.getHelpText()).toBe("A date, please");
    });

    it("leave a built rule's help text null when none was set", () => {
      expect(newDataValidation(kernel).requireDate().build().getHelpText()).toBeNull();
    });
  });

  describe("argument errors", () => {
    const b = () => newDataValidation(kernel);
    const cases: [string, () => unknown, string][] = [
      [
        "a string for a number",
        () => b().requireNumberBetween("1" as never, 2),
        signature("String,number", "requireNumberBetween"),
      ],
      [
        "a missing argument",
        () => b().requireNumberGreaterThan(undefined as never),
        signature("undefined", "requireNumberGreaterThan"),
      ],
      ["no argument", () => (b().requireNumberEqualTo as () => Builder)(), signature("", "requireNumberEqualTo")],
      [
        "an extra argument",
        () => (b().requireTextIsEmail as (x: number) => Builder)(1),
        signature("number", "requireTextIsEmail"),
      ],
      ["NaN", () => b().requireNumberEqualTo(Number.NaN), signature("number", "requireNumberEqualTo")],
      [
        "a string for a date",
        () => b().requireDateAfter("2025-01-10" as never),
        signature("String", "requireDateAfter"),
      ],
      ["an invalid Date", () => b().requireDateBefore(new Date(Number.NaN)), signature("Date", "requireDateBefore")],
      ["a number for text", () => b().requireTextContains(5 as never), signature("number", "requireTextContains")],
      ["a string for a list", () => b().requireValueInList("a,b" as never), signature("String", "requireValueInList")],
      ["a mixed list", () => b().requireValueInList(["a", 1] as never), signature("Object[]", "requireValueInList")],
      [
        "a string for showDropdown",
        () => b().requireValueInList(["a"], "yes" as never),
        signature("String[],String", "requireValueInList"),
      ],
      [
        "a plain object for a range",
        () => b().requireValueInRange({} as never),
        signature("(class)", "requireValueInRange"),
      ],
      ["an object as checked value", () => b().requireCheckbox({}), signature("(class)", "requireCheckbox")],
      [
        "a string for allowInvalid",
        () => b().setAllowInvalid("false" as never),
        signature("String", "setAllowInvalid"),
      ],
      ["null help text", () => b().setHelpText(null as never), signature("null", "setHelpText")],
      [
        "an unknown criteria",
        () => b().withCriteria("NOPE" as never, []),
        signature("String,Object[]", "withCriteria"),
      ],
      [
        "a BooleanCriteria-only member",
        () => b().withCriteria("CELL_EMPTY" as never, []),
        signature("String,Object[]", "withCriteria"),
      ],
      [
        "non-array criteria arguments",
        () => b().withCriteria("CHECKBOX" as never, "x" as never),
        signature("String,String", "withCriteria"),
      ],
    ];

    it.each(cases)("throws Apps Script's signature error for %s", (_, action, message) => {
      expect(thrown(action)).toBe(message);
    });

    it("throws exceptions named Exception", () => {
      try {
        b().requireNumberEqualTo("1" as never);
      } catch (error) {
        expect((error as Error).name).toBe("Exception");
      }
      expect.assertions(1);
    });
  });

  describe("build", () => {
    it("refuses a rule without criteria", () => {
      expect(thrown(() => newDataValidation(kernel).setHelpText("x").build())).toBe(
        "You must set a criteria before building the data validation rule.",
      );
    });

    it("refuses a list of more than 500 items, and takes 500", () => {
      const items = (n: number) => Array.from({ length: n }, (_, i) => `item ${i}`);
      expect(thrown(() => newDataValidation(kernel).requireValueInList(items(501)).build())).toBe(
        'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
      );
      expect(newDataValidation(kernel).requireValueInList(items(500)).build().getCriteriaValues()[0]).toHaveLength(500);
    });

    it("makes a frozen rule that later builder changes do not reach", () => {
      const builder = newDataValidation(kernel).requireNumberEqualTo(1).setHelpText("one");
      const rule = builder.build();
      builder.requireTextEqualTo("x").setHelpText("changed").setAllowInvalid(false);
      expect(Object.isFrozen(rule)).toBe(true);
      expect(rule.getCriteriaType()).toBe("NUMBER_EQUAL_TO");
      expect(rule.getHelpText()).toBe("one");
      expect(rule.getAllowInvalid()).toBe(true);
    });

    it("hands out a fresh criteria array on every call", () => {
      const rule = newDataValidation(kernel).requireValueInList(["a"]).build();
      const values = rule.getCriteriaValues();
      (values[0] as string[]).push("b");
      values.push("junk");
      expect(rule.getCriteriaValues()).toEqual([["a"], true]);
    });
  });

  describe("copy", () => {
    it("gives an independent builder from a builder", () => {
      const original = newDataValidation(kernel).requireNumberEqualTo(1);
      const copy = original.copy().requireNumberEqualTo(2).setHelpText("two");
      expect(original.getCriteriaValues()).toEqual([1]);
      expect(original.getHelpText()).toBeNull();
      expect(copy.getCriteriaValues()).toEqual([2]);
    });

    it("gives a builder preset with a rule's settings, leaving the rule unchanged", () => {
      const rule = newDataValidation(kernel)
        .requireValueInList(["a"], false)
        .setAllowInvalid(false)
        .setHelpText("h")
        .build();
      const builder = rule.copy();
      expect(builder.getCriteriaType()).toBe("VALUE_IN_LIST");
      expect(builder.getCriteriaValues()).toEqual([["a"], false]);
      expect(builder.getAllowInvalid()).toBe(false);
      expect(builder.getHelpText()).toBe("h");
      builder.requireTextEqualTo("b");
      expect(rule.getCriteriaType()).toBe("VALUE_IN_LIST");
    });
  });

  describe("isDataValidation", () => {
    it("is true only for built rules", () => {
      const builder = newDataValidation(kernel).requireDate();
      expect(isDataValidation(builder.build())).toBe(true);
      expect(isDataValidation(builder)).toBe(false);
      expect(isDataValidation({ getCriteriaType: () => "CHECKBOX" })).toBe(false);
      expect(isDataValidation(null)).toBe(false);
    });
  });

  describe("inside an execution", () => {
    it("counts each call and builds Dates and exceptions in the script's realm", () => {
      const realm = sandboxRealm();
      inExecution(kernel, realm, () => {
        const before = kernel.snapshot();
        const rule = newDataValidation(kernel)
          .requireDateAfter(new realm.Date(Date.UTC(2025, 0, 10)))
          .build();
        const [date] = rule.getCriteriaValues();
        expect(date).toBeInstanceOf(realm.Date);
        expect((date as Date).getTime()).toBe(Date.UTC(2025, 0, 10));
        const after = kernel.snapshot();
        expect(after.byMethod["DataValidationBuilder.requireDateAfter"]).toBe(1);
        expect(after.byMethod["DataValidation.getCriteriaValues"]).toBe(1);
        expect(after.byService.Spreadsheet).toBe((before.byService.Spreadsheet ?? 0) + 3);
        let error: unknown;
        try {
          newDataValidation(kernel)
            .requireDate()
            .setHelpText(1 as never);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(realm.Error);
      });
    });
  });

  describe("rejectsValue", () => {
    it("never rejects when invalid input is allowed", () => {
      const rule = newDataValidation(kernel).requireNumberGreaterThan(10).build();
      expect(rejectsValue(rule, 1, ctx)).toBe(false);
      expect(rejectsValue(rule, "text", ctx)).toBe(false);
    });

    it("never rejects an empty value", () => {
      expect(
        rejectsValue(
          strict((b) => b.requireValueInList(["a"])),
          "",
          ctx,
        ),
      ).toBe(false);
      expect(
        rejectsValue(
          strict((b) => b.requireCheckbox()),
          "",
          ctx,
        ),
      ).toBe(false);
    });

    it("checks a value list by the text of the value, case-sensitively", () => {
      const rule = strict((b) => b.requireValueInList(["Open", "5", "TRUE"]));
      expect(rejectsValue(rule, "Open", ctx)).toBe(false);
      expect(rejectsValue(rule, 5, ctx)).toBe(false);
      expect(rejectsValue(rule, true, ctx)).toBe(false);
      expect(rejectsValue(rule, "open", ctx)).toBe(true);
      expect(rejectsValue(rule, "Closed", ctx)).toBe(true);
    });

    it("checks a range by reading its current values, dates included", () => {
      const source = ctx.rangeOf({ sheetId: 1, row: 1, column: 1, numRows: 5, numColumns: 1 });
      const rule = strict((b) => b.requireValueInRange(source));
      expect(rejectsValue(rule, "Done", ctx)).toBe(false);
      expect(rejectsValue(rule, 7, ctx)).toBe(false);
      expect(rejectsValue(rule, serialOfDay(2025, 1, 20), ctx)).toBe(false);
      expect(rejectsValue(rule, "Later", ctx)).toBe(true);
      ctx.sheetById(1).rows[3] = [{ value: "Later" }];
      expect(rejectsValue(rule, "Later", ctx)).toBe(false);
    });

    it("takes only TRUE/FALSE for a plain checkbox", () => {
      const rule = strict((b) => b.requireCheckbox());
      expect(rejectsValue(rule, true, ctx)).toBe(false);
      expect(rejectsValue(rule, false, ctx)).toBe(false);
      expect(rejectsValue(rule, "TRUE", ctx)).toBe(true);
      expect(rejectsValue(rule, 1, ctx)).toBe(true);
    });

    it("takes only the checked and unchecked values of a custom checkbox", () => {
      const both = strict((b) => b.requireCheckbox("yes", "no"));
      expect(rejectsValue(both, "yes", ctx)).toBe(false);
      expect(rejectsValue(both, "no", ctx)).toBe(false);
      expect(rejectsValue(both, true, ctx)).toBe(true);
      const checkedOnly = strict((b) => b.requireCheckbox("yes"));
      expect(rejectsValue(checkedOnly, "yes", ctx)).toBe(false);
      expect(rejectsValue(checkedOnly, "no", ctx)).toBe(true);
    });

    it("compares dates as whole days of serial numbers", () => {
      const jan10 = serialOfDay(2025, 1, 10);
      const jan20 = serialOfDay(2025, 1, 20);
      const after = strict((b) => b.requireDateAfter(JAN_10));
      expect(rejectsValue(after, jan10 + 0.75, ctx)).toBe(true);
      expect(rejectsValue(after, jan10 + 1, ctx)).toBe(false);
      expect(rejectsValue(after, "2025-01-11", ctx)).toBe(true);
      const onOrBefore = strict((b) => b.requireDateOnOrBefore(JAN_10));
      expect(rejectsValue(onOrBefore, jan10 + 0.5, ctx)).toBe(false);
      expect(rejectsValue(onOrBefore, jan10 + 1, ctx)).toBe(true);
      const between = strict((b) => b.requireDateBetween(JAN_10, JAN_20));
      expect(rejectsValue(between, jan10, ctx)).toBe(false);
      expect(rejectsValue(between, jan20, ctx)).toBe(false);
      expect(rejectsValue(between, jan20 + 1, ctx)).toBe(true);
      const notBetween = strict((b) => b.requireDateNotBetween(JAN_10, JAN_20));
      expect(rejectsValue(notBetween, jan10 + 3, ctx)).toBe(true);
      expect(rejectsValue(notBetween, jan10 - 1, ctx)).toBe(false);
      const equal = strict((b) => b.requireDateEqualTo(JAN_10));
      expect(rejectsValue(equal, jan10 + 0.2, ctx)).toBe(false);
      expect(rejectsValue(equal, jan10 - 1, ctx)).toBe(true);
      expect(
        rejectsValue(
          strict((b) => b.requireDateBefore(JAN_10)),
          jan10 - 1,
          ctx,
        ),
      ).toBe(false);
      expect(
        rejectsValue(
          strict((b) => b.requireDateOnOrAfter(JAN_10)),
          jan10,
          ctx,
        ),
      ).toBe(false);
    });

    it("reads the criteria date's day in the spreadsheet's time zone", () => {
      const shanghai = fakeContext(kernel, spreadsheetModel([sheetModel(0, "Tracker")], "Asia/Shanghai"));
      // Midnight of 15 January in Shanghai is still 14 January in UTC.
      const midnightShanghai = new Date(Date.UTC(2025, 0, 14, 16));
      const rule = strict((b) => b.requireDateEqualTo(midnightShanghai));
      expect(rejectsValue(rule, serialOfDay(2025, 1, 15), shanghai)).toBe(false);
      expect(rejectsValue(rule, serialOfDay(2025, 1, 15), ctx)).toBe(true);
      expect(serialOf(midnightShanghai.getTime(), "Asia/Shanghai")).toBe(serialOfDay(2025, 1, 15));
    });

    it("takes any number as a valid date and refuses text", () => {
      const rule = strict((b) => b.requireDate());
      expect(rejectsValue(rule, serialOfDay(2025, 1, 10), ctx)).toBe(false);
      expect(rejectsValue(rule, "tomorrow", ctx)).toBe(true);
    });

    it.each([
      ["requireNumberBetween", (b: Builder) => b.requireNumberBetween(1, 5), [1, 5], [0, 6]],
      ["requireNumberNotBetween", (b: Builder) => b.requireNumberNotBetween(1, 5), [0, 6], [1, 5]],
      ["requireNumberEqualTo", (b: Builder) => b.requireNumberEqualTo(3), [3], [2]],
      ["requireNumberNotEqualTo", (b: Builder) => b.requireNumberNotEqualTo(3), [2], [3]],
      ["requireNumberGreaterThan", (b: Builder) => b.requireNumberGreaterThan(3), [4], [3]],
      ["requireNumberGreaterThanOrEqualTo", (b: Builder) => b.requireNumberGreaterThanOrEqualTo(3), [3], [2]],
      ["requireNumberLessThan", (b: Builder) => b.requireNumberLessThan(3), [2], [3]],
      ["requireNumberLessThanOrEqualTo", (b: Builder) => b.requireNumberLessThanOrEqualTo(3), [3], [4]],
    ])("%s accepts its passing numbers and rejects the others and text", (_, configure, passing, failing) => {
      const rule = strict(configure);
      for (const n of passing) expect(rejectsValue(rule, n, ctx)).toBe(false);
      for (const n of failing) expect(rejectsValue(rule, n, ctx)).toBe(true);
      expect(rejectsValue(rule, "3", ctx)).toBe(true);
    });

    it("checks text criteria", () => {
      const contains = strict((b) => b.requireTextContains("fu"));
      expect(rejectsValue(contains, "follow-up", ctx)).toBe(true);
      expect(rejectsValue(contains, "refund", ctx)).toBe(false);
      expect(rejectsValue(contains, "REFUND", ctx)).toBe(true);
      const lacks = strict((b) => b.requireTextDoesNotContain("urgent"));
      expect(rejectsValue(lacks, "Not URGENT", ctx)).toBe(true);
      expect(rejectsValue(lacks, "later", ctx)).toBe(false);
      const equal = strict((b) => b.requireTextEqualTo("42"));
      expect(rejectsValue(equal, 42, ctx)).toBe(false);
      expect(rejectsValue(equal, "43", ctx)).toBe(true);
    });

    it("checks email and URL text", () => {
      const email = strict((b) => b.requireTextIsEmail());
      expect(rejectsValue(email, "ann@example.com", ctx)).toBe(false);
      expect(rejectsValue(email, "ann@example", ctx)).toBe(true);
      expect(rejectsValue(email, "ann example.com", ctx)).toBe(true);
      const url = strict((b) => b.requireTextIsUrl());
      expect(rejectsValue(url, "https://example.com/a?b=1", ctx)).toBe(false);
      expect(rejectsValue(url, "example.com", ctx)).toBe(false);
      expect(rejectsValue(url, "not a url", ctx)).toBe(true);
    });

    it("never rejects what needs a formula engine: custom formulas and formula arguments", () => {
      expect(
        rejectsValue(
          strict((b) => b.requireFormulaSatisfied("=FALSE")),
          "x",
          ctx,
        ),
      ).toBe(false);
      const formulaBound = strict((b) => b.withCriteria(DataValidationCriteria.NUMBER_GREATER_THAN as never, ["=B1"]));
      expect(rejectsValue(formulaBound, -1, ctx)).toBe(false);
    });

    it("refuses objects that are not built rules", () => {
      expect(() => rejectsValue({}, "x", ctx)).toThrow(TypeError);
    });
  });
});
