/** Tests of the emulated conditional formatting: rule builders, built rules, their errors, and Sheet.get/setConditionalFormatRules. */

import type { Kernel } from "../../../../local/runtime/kernel";
import {
  isConditionalFormatRule,
  newConditionalFormatRule,
} from "../../../../local/runtime/spreadsheet/conditional-format";
import {
  conditionalFormatRulesOf,
  setConditionalFormatRules,
} from "../../../../local/runtime/spreadsheet/conditional-format-rules";
import { BooleanCriteria, InterpolationType, RelativeDate } from "../../../../local/runtime/spreadsheet/enums";
import type { GridRangeRef, SheetModel, SpreadsheetContext } from "../../../../local/runtime/spreadsheet/model";
import { fakeContext, inExecution, newKernel, sandboxRealm, sheetModel, spreadsheetModel } from "./fixtures/context";

type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

let kernel: Kernel;
let ctx: SpreadsheetContext;
let tracker: SheetModel;
let other: SheetModel;

beforeEach(() => {
  kernel = newKernel();
  tracker = sheetModel(0, "Tracker");
  other = sheetModel(7, "Other Sheet");
  ctx = fakeContext(kernel, spreadsheetModel([tracker, other]));
});

const ref = (sheetId: number, row: number, column: number, numRows: number, numColumns: number): GridRangeRef => ({
  sheetId,
  row,
  column,
  numRows,
  numColumns,
});
const onTracker = (row = 2, column = 1, numRows = 99, numColumns = 17) =>
  ctx.rangeOf(ref(0, row, column, numRows, numColumns));
const JAN_10 = new Date(Date.UTC(2025, 0, 10));

/** A rule over A2:Q100 of Tracker made by `configure`. */
function rule(configure: (b: Builder) => Builder = (b) => b.whenCellEmpty()) {
  return configure(newConditionalFormatRule(kernel)).setRanges([onTracker()]).build();
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
  `The parameters (${types}) don't match the method signature for SpreadsheetApp.${method}.`;

describe("conditional-format", () => {
  describe("enums", () => {
    it("BooleanCriteria, InterpolationType and RelativeDate are complete and print as their names", () => {
      expect(Object.keys(BooleanCriteria)).toHaveLength(24);
      expect(BooleanCriteria.TEXT_NOT_EQUAL_TO).toBe("TEXT_NOT_EQUAL_TO");
      expect(Object.keys(InterpolationType)).toEqual(["NUMBER", "PERCENT", "PERCENTILE", "MIN", "MAX"]);
      expect(Object.keys(RelativeDate)).toEqual([
        "TODAY",
        "TOMORROW",
        "YESTERDAY",
        "PAST_WEEK",
        "PAST_MONTH",
        "PAST_YEAR",
      ]);
      expect(Object.isFrozen(BooleanCriteria)).toBe(true);
    });
  });

  describe("newConditionalFormatRule", () => {
    it("starts with no condition, no gradient and no ranges", () => {
      const builder = newConditionalFormatRule(kernel);
      expect(builder.getBooleanCondition()).toBeNull();
      expect(builder.getGradientCondition()).toBeNull();
      expect(builder.getRanges()).toEqual([]);
    });
  });

  describe("when*", () => {
    const cases: [string, (b: Builder) => Builder, string, unknown[]][] = [
      ["whenCellEmpty", (b) => b.whenCellEmpty(), "CELL_EMPTY", []],
      ["whenCellNotEmpty", (b) => b.whenCellNotEmpty(), "CELL_NOT_EMPTY", []],
      ["whenDateAfter(date)", (b) => b.whenDateAfter(JAN_10), "DATE_AFTER", [JAN_10]],
      ["whenDateBefore(date)", (b) => b.whenDateBefore(JAN_10), "DATE_BEFORE", [JAN_10]],
      ["whenDateEqualTo(date)", (b) => b.whenDateEqualTo(JAN_10), "DATE_EQUAL_TO", [JAN_10]],
      [
        "whenDateAfter(RelativeDate)",
        (b) => b.whenDateAfter(RelativeDate.TODAY as never),
        "DATE_AFTER_RELATIVE",
        ["TODAY"],
      ],
      [
        "whenDateBefore(RelativeDate)",
        (b) => b.whenDateBefore(RelativeDate.PAST_WEEK as never),
        "DATE_BEFORE_RELATIVE",
        ["PAST_WEEK"],
      ],
      [
        "whenDateEqualTo(RelativeDate)",
        (b) => b.whenDateEqualTo(RelativeDate.YESTERDAY as never),
        "DATE_EQUAL_TO_RELATIVE",
        ["YESTERDAY"],
      ],
      ["whenFormulaSatisfied", (b) => b.whenFormulaSatisfied("=$K2<TODAY()"), "CUSTOM_FORMULA", ["=$K2<TODAY()"]],
      ["whenNumberBetween", (b) => b.whenNumberBetween(1, 10), "NUMBER_BETWEEN", [1, 10]],
      ["whenNumberEqualTo", (b) => b.whenNumberEqualTo(3), "NUMBER_EQUAL_TO", [3]],
      ["whenNumberGreaterThan", (b) => b.whenNumberGreaterThan(3), "NUMBER_GREATER_THAN", [3]],
      [
        "whenNumberGreaterThanOrEqualTo",
        (b) => b.whenNumberGreaterThanOrEqualTo(3),
        "NUMBER_GREATER_THAN_OR_EQUAL_TO",
        [3],
      ],
      ["whenNumberLessThan", (b) => b.whenNumberLessThan(3), "NUMBER_LESS_THAN", [3]],
      ["whenNumberLessThanOrEqualTo", (b) => b.whenNumberLessThanOrEqualTo(3), "NUMBER_LESS_THAN_OR_EQUAL_TO", [3]],
      ["whenNumberNotBetween", (b) => b.whenNumberNotBetween(1, 10), "NUMBER_NOT_BETWEEN", [1, 10]],
      ["whenNumberNotEqualTo", (b) => b.whenNumberNotEqualTo(3), "NUMBER_NOT_EQUAL_TO", [3]],
      ["whenTextContains", (b) => b.whenTextContains("x"), "TEXT_CONTAINS", ["x"]],
      ["whenTextDoesNotContain", (b) => b.whenTextDoesNotContain("x"), "TEXT_DOES_NOT_CONTAIN", ["x"]],
      ["whenTextEndsWith", (b) => b.whenTextEndsWith("x"), "TEXT_ENDS_WITH", ["x"]],
      ["whenTextEqualTo", (b) => b.whenTextEqualTo("x"), "TEXT_EQUAL_TO", ["x"]],
      ["whenTextStartsWith", (b) => b.whenTextStartsWith("x"), "TEXT_STARTS_WITH", ["x"]],
      [
        "withCriteria",
        (b) => b.withCriteria(BooleanCriteria.TEXT_NOT_EQUAL_TO as never, ["done"]),
        "TEXT_NOT_EQUAL_TO",
        ["done"],
      ],
    ];

    it.each(cases)("%s round-trips through the builder and the built rule", (_, configure, criteria, values) => {
      const builder = configure(newConditionalFormatRule(kernel));
      expect(builder.getBooleanCondition()?.getCriteriaType()).toBe(criteria);
      expect(builder.getBooleanCondition()?.getCriteriaValues()).toEqual(values);
      const built = builder.setRanges([onTracker()]).build();
      expect(built.getBooleanCondition()?.getCriteriaType()).toBe(criteria);
      expect(built.getBooleanCondition()?.getCriteriaValues()).toEqual(values);
      expect(built.getGradientCondition()).toBeNull();
    });

    it("hands out new Date objects with the same instant", () => {
      const [date] =
        rule((b) => b.whenDateAfter(JAN_10))
          .getBooleanCondition()
          ?.getCriteriaValues() ?? [];
      expect(date).not.toBe(JAN_10);
      expect((date as Date).getTime()).toBe(JAN_10.getTime());
    });
  });

  describe("formats", () => {
    it("start unset (null) and round-trip through the boolean condition", () => {
      const empty = rule().getBooleanCondition();
      expect(empty?.getBackground()).toBeNull();
      expect(empty?.getFontColor()).toBeNull();
      expect(empty?.getBold()).toBeNull();
      const set = rule((b) =>
        b
          .whenCellEmpty()
          .setBackground("#F4CCCC")
          .setFontColor("navy")
          .setBold(true)
          .setItalic(false)
          .setStrikethrough(true)
          .setUnderline(true),
      ).getBooleanCondition();
      expect(set?.getBackground()).toBe("#f4cccc");
      expect(set?.getFontColor()).toBe("#000080");
      expect(set?.getBold()).toBe(true);
      expect(set?.getItalic()).toBe(false);
      expect(set?.getStrikethrough()).toBe(true);
      expect(set?.getUnderline()).toBe(true);
    });

    it.each([
      ["#FF0000", "#ff0000"],
      ["#abc", "#aabbcc"],
      ["Red", "#ff0000"],
      ["rebeccapurple", "#663399"],
    ])("normalises the colour %s to %s", (color, normalised) => {
      expect(
        rule((b) => b.whenCellEmpty().setBackground(color))
          .getBooleanCondition()
          ?.getBackground(),
      ).toBe(normalised);
    });

    it("clears a format set to null", () => {
      const condition = rule((b) =>
        b.whenCellEmpty().setBackground("red").setBackground(null).setBold(true).setBold(null),
      ).getBooleanCondition();
      expect(condition?.getBackground()).toBeNull();
      expect(condition?.getBold()).toBeNull();
    });

    it.each(["#ff00", "reddish", "rgb(255,0,0)", ""])("refuses the colour %j", (color) => {
      expect(thrown(() => newConditionalFormatRule(kernel).setFontColor(color))).toBe("Invalid argument: color");
    });
  });

  describe("gradient", () => {
    it("round-trips min, mid and max points and drops any boolean condition", () => {
      const built = rule((b) =>
        b
          .whenCellEmpty()
          .setGradientMinpoint("white")
          .setGradientMidpointWithValue("#FFFF00", InterpolationType.PERCENT as never, "50")
          .setGradientMaxpoint("#0f0"),
      );
      expect(built.getBooleanCondition()).toBeNull();
      const gradient = built.getGradientCondition();
      expect([gradient?.getMinColor(), gradient?.getMinType(), gradient?.getMinValue()]).toEqual([
        "#ffffff",
        "MIN",
        "",
      ]);
      expect([gradient?.getMidColor(), gradient?.getMidType(), gradient?.getMidValue()]).toEqual([
        "#ffff00",
        "PERCENT",
        "50",
      ]);
      expect([gradient?.getMaxColor(), gradient?.getMaxType(), gradient?.getMaxValue()]).toEqual([
        "#00ff00",
        "MAX",
        "",
      ]);
    });

    it("takes explicit min and max values", () => {
      const gradient = rule((b) =>
        b
          .setGradientMinpointWithValue("red", InterpolationType.NUMBER as never, "0")
          .setGradientMaxpointWithValue("green", InterpolationType.PERCENTILE as never, "90"),
      ).getGradientCondition();
      expect([gradient?.getMinType(), gradient?.getMinValue()]).toEqual(["NUMBER", "0"]);
      expect([gradient?.getMidColor(), gradient?.getMidType()]).toEqual(["", null]);
      expect([gradient?.getMaxType(), gradient?.getMaxValue()]).toEqual(["PERCENTILE", "90"]);
    });

    it("is dropped again by a later boolean condition", () => {
      const built = rule((b) => b.setGradientMinpoint("white").setGradientMaxpoint("red").whenCellNotEmpty());
      expect(built.getGradientCondition()).toBeNull();
      expect(built.getBooleanCondition()?.getCriteriaType()).toBe("CELL_NOT_EMPTY");
    });
  });

  describe("argument errors", () => {
    const b = () => newConditionalFormatRule(kernel);
    const builder = (types: string, method: string) => signature(types, `ConditionalFormatRuleBuilder.${method}`);
    const cases: [string, () => unknown, string][] = [
      [
        "a missing number",
        () => (b().whenNumberBetween as (n: number) => Builder)(1),
        builder("number", "whenNumberBetween"),
      ],
      ["a string for a number", () => b().whenNumberEqualTo("1" as never), builder("String", "whenNumberEqualTo")],
      ["a number for text", () => b().whenTextContains(1 as never), builder("number", "whenTextContains")],
      ["an unknown relative date", () => b().whenDateAfter("SOON" as never), builder("String", "whenDateAfter")],
      ["a date string", () => b().whenDateBefore("2025-01-10" as never), builder("String", "whenDateBefore")],
      ["a number for a formula", () => b().whenFormulaSatisfied(1 as never), builder("number", "whenFormulaSatisfied")],
      [
        "an extra argument",
        () => (b().whenCellEmpty as (x: string) => Builder)("x"),
        builder("String", "whenCellEmpty"),
      ],
      ["a string for bold", () => b().setBold("true" as never), builder("String", "setBold")],
      ["a number for a colour", () => b().setBackground(0xff0000 as never), builder("number", "setBackground")],
      ["one range instead of an array", () => b().setRanges(onTracker() as never), builder("(class)", "setRanges")],
      ["a string for ranges", () => b().setRanges("A1:B2" as never), builder("String", "setRanges")],
      ["plain objects for ranges", () => b().setRanges([{}] as never), builder("Object[]", "setRanges")],
      ["an unknown criteria", () => b().withCriteria("NOPE" as never, []), builder("String,Object[]", "withCriteria")],
      [
        "a DataValidationCriteria-only member",
        () => b().withCriteria("VALUE_IN_LIST" as never, []),
        builder("String,Object[]", "withCriteria"),
      ],
      [
        "an unknown interpolation type",
        () => b().setGradientMidpointWithValue("#fff", "MEDIAN" as never, "50"),
        builder("String,String,String", "setGradientMidpointWithValue"),
      ],
      [
        "a number as gradient value",
        () => b().setGradientMaxpointWithValue("#fff", "NUMBER" as never, 5 as never),
        builder("String,String,number", "setGradientMaxpointWithValue"),
      ],
    ];

    it.each(cases)("throws Apps Script's signature error for %s", (_, action, message) => {
      expect(thrown(action)).toBe(message);
    });
  });

  describe("build", () => {
    it("refuses a rule without ranges", () => {
      expect(thrown(() => newConditionalFormatRule(kernel).whenCellEmpty().setRanges([]).build())).toBe(
        "The conditional format rule must contain at least one range.",
      );
    });

    it("refuses a rule without a condition, or with half a gradient", () => {
      const message = "The conditional format rule must contain a condition.";
      expect(thrown(() => newConditionalFormatRule(kernel).setBackground("red").setRanges([onTracker()]).build())).toBe(
        message,
      );
      expect(
        thrown(() => newConditionalFormatRule(kernel).setGradientMinpoint("red").setRanges([onTracker()]).build()),
      ).toBe(message);
    });

    it("makes a frozen rule that later builder changes do not reach", () => {
      const range = onTracker();
      const builder = newConditionalFormatRule(kernel).whenTextContains("late").setBackground("red").setRanges([range]);
      const built = builder.build();
      builder
        .whenCellEmpty()
        .setBackground("blue")
        .setRanges([onTracker(1, 1, 1, 1)]);
      expect(Object.isFrozen(built)).toBe(true);
      expect(Object.isFrozen(built.getBooleanCondition())).toBe(true);
      expect(built.getBooleanCondition()?.getCriteriaValues()).toEqual(["late"]);
      expect(built.getBooleanCondition()?.getBackground()).toBe("#ff0000");
      expect(built.getRanges()).toEqual([range]);
    });

    it("hands out fresh arrays from getRanges and getCriteriaValues", () => {
      const built = rule((b) => b.whenNumberBetween(1, 2));
      built.getRanges().push(onTracker(1, 1, 1, 1));
      built.getBooleanCondition()?.getCriteriaValues().push(3);
      expect(built.getRanges()).toHaveLength(1);
      expect(built.getBooleanCondition()?.getCriteriaValues()).toEqual([1, 2]);
    });
  });

  describe("copy", () => {
    it("gives an independent builder from a builder", () => {
      const original = newConditionalFormatRule(kernel).whenNumberEqualTo(1).setBackground("red");
      const copy = original.copy().whenNumberEqualTo(2).setBackground("blue");
      expect(original.getBooleanCondition()?.getCriteriaValues()).toEqual([1]);
      expect(original.getBooleanCondition()?.getBackground()).toBe("#ff0000");
      expect(copy.getBooleanCondition()?.getBackground()).toBe("#0000ff");
    });

    it("gives a builder preset with a rule's settings, leaving the rule unchanged", () => {
      const built = rule((b) => b.whenTextEqualTo("Done").setFontColor("gray"));
      const builder = built.copy();
      expect(builder.getBooleanCondition()?.getCriteriaValues()).toEqual(["Done"]);
      expect(builder.getBooleanCondition()?.getFontColor()).toBe("#808080");
      expect(builder.getRanges()).toEqual(built.getRanges());
      builder.whenTextEqualTo("Open");
      expect(built.getBooleanCondition()?.getCriteriaValues()).toEqual(["Done"]);
    });
  });

  describe("inside an execution", () => {
    it("counts each call and builds Dates and exceptions in the script's realm", () => {
      const realm = sandboxRealm();
      inExecution(kernel, realm, () => {
        const built = rule((b) => b.whenDateAfter(new realm.Date(Date.UTC(2025, 0, 10))));
        const [date] = built.getBooleanCondition()?.getCriteriaValues() ?? [];
        expect(date).toBeInstanceOf(realm.Date);
        const counts = kernel.snapshot().byMethod;
        expect(counts["ConditionalFormatRuleBuilder.whenDateAfter"]).toBe(1);
        expect(counts["ConditionalFormatRule.getBooleanCondition"]).toBe(1);
        expect(counts["BooleanCondition.getCriteriaValues"]).toBe(1);
        let error: unknown;
        try {
          newConditionalFormatRule(kernel).setBackground("nope");
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(realm.Error);
        expect((error as Error).name).toBe("Exception");
      });
    });
  });

  describe("setConditionalFormatRules", () => {
    it("stores the rules as models with grid ranges and the formula as written", () => {
      setConditionalFormatRules(ctx, tracker, [
        rule((b) => b.whenFormulaSatisfied('=AND($K2<>"", $K2<TODAY())').setBackground("#F4CCCC")),
      ]);
      expect(tracker.conditionalFormatRules).toHaveLength(1);
      const [stored] = tracker.conditionalFormatRules;
      expect(stored?.ranges).toEqual([ref(0, 2, 1, 99, 17)]);
      expect(stored?.condition).toEqual({ criteria: "CUSTOM_FORMULA", values: ['=AND($K2<>"", $K2<TODAY())'] });
      expect(stored?.format).toMatchObject({ background: "#f4cccc" });
    });

    it("replaces all the rules of the sheet", () => {
      setConditionalFormatRules(ctx, tracker, [rule((b) => b.whenCellEmpty()), rule((b) => b.whenCellNotEmpty())]);
      setConditionalFormatRules(ctx, tracker, [rule((b) => b.whenTextContains("x"))]);
      expect(conditionalFormatRulesOf(ctx, tracker).map((r) => r.getBooleanCondition()?.getCriteriaType())).toEqual([
        "TEXT_CONTAINS",
      ]);
      setConditionalFormatRules(ctx, tracker, []);
      expect(conditionalFormatRulesOf(ctx, tracker)).toEqual([]);
    });

    it("keeps other rules when the script reads, appends and writes back", () => {
      setConditionalFormatRules(ctx, tracker, [rule((b) => b.whenCellEmpty().setBold(true))]);
      const rules = conditionalFormatRulesOf(ctx, tracker);
      rules.push(rule((b) => b.whenNumberGreaterThan(5)));
      setConditionalFormatRules(ctx, tracker, rules);
      const [first, second] = conditionalFormatRulesOf(ctx, tracker);
      expect(first?.getBooleanCondition()?.getBold()).toBe(true);
      expect(first?.getRanges().map((r) => r.getA1Notation())).toEqual(["A2:Q100"]);
      expect(second?.getBooleanCondition()?.getCriteriaValues()).toEqual([5]);
    });

    it("refuses anything but an array of rules", () => {
      const message = (types: string) => signature(types, "Sheet.setConditionalFormatRules");
      expect(thrown(() => setConditionalFormatRules(ctx, tracker, "rules"))).toBe(message("String"));
      expect(thrown(() => setConditionalFormatRules(ctx, tracker, rule()))).toBe(message("(class)"));
      expect(thrown(() => setConditionalFormatRules(ctx, tracker, [rule(), {}]))).toBe(message("Object[]"));
      expect(thrown(() => setConditionalFormatRules(ctx, tracker, [newConditionalFormatRule(kernel)]))).toBe(
        message("Object[]"),
      );
      expect(thrown(() => setConditionalFormatRules(ctx, tracker, null))).toBe(message("null"));
    });

    it("refuses a rule applying to another sheet and stores nothing", () => {
      setConditionalFormatRules(ctx, tracker, [rule()]);
      const elsewhere = newConditionalFormatRule(kernel)
        .whenCellEmpty()
        .setRanges([ctx.rangeOf(ref(7, 1, 1, 5, 1))])
        .build();
      expect(
        thrown(() => setConditionalFormatRules(ctx, tracker, [rule((b) => b.whenCellNotEmpty()), elsewhere])),
      ).toBe("Conditional format rule cannot reference a different sheet.");
      expect(tracker.conditionalFormatRules).toHaveLength(1);
      expect(tracker.conditionalFormatRules[0]?.condition).toMatchObject({ criteria: "CELL_EMPTY" });
    });

    it.each([
      ["=Other!A1>0", true],
      ["='Other Sheet'!$A$1>0", true],
      ["=Tracker!A1>0", false],
      ['=$B2="Other!A1"', false],
      ["=$K2<TODAY()", false],
    ])("judges the formula %s as naming another sheet: %s", (formula, refused) => {
      const attempt = () => setConditionalFormatRules(ctx, tracker, [rule((b) => b.whenFormulaSatisfied(formula))]);
      if (refused) expect(thrown(attempt)).toBe("Conditional format rule cannot reference a different sheet.");
      else expect(attempt).not.toThrow();
    });

    it("refuses ranges the context does not know, with the context's error", () => {
      const foreign = {
        getA1Notation: () => "A1",
        getSheet: () => null,
      } as unknown as GoogleAppsScript.Spreadsheet.Range;
      const built = newConditionalFormatRule(kernel).whenCellEmpty().setRanges([foreign]).build();
      expect(thrown(() => setConditionalFormatRules(ctx, tracker, [built]))).toBe("Range not found");
    });
  });

  describe("conditionalFormatRulesOf", () => {
    it("gives new but equal rule objects on every call", () => {
      setConditionalFormatRules(ctx, tracker, [rule((b) => b.whenTextContains("late").setItalic(true))]);
      const [a] = conditionalFormatRulesOf(ctx, tracker);
      const [b] = conditionalFormatRulesOf(ctx, tracker);
      expect(a).not.toBe(b);
      expect(isConditionalFormatRule(a)).toBe(true);
      expect(a?.getBooleanCondition()?.getCriteriaValues()).toEqual(b?.getBooleanCondition()?.getCriteriaValues());
      expect(a?.getBooleanCondition()?.getItalic()).toBe(true);
      expect(a?.getRanges().map((r) => r.getA1Notation())).toEqual(b?.getRanges().map((r) => r.getA1Notation()));
    });

    it("reads the ranges from the stored model, which the core shifts", () => {
      setConditionalFormatRules(ctx, tracker, [rule()]);
      const stored = tracker.conditionalFormatRules[0];
      if (stored) stored.ranges = [ref(0, 3, 1, 99, 17)];
      expect(conditionalFormatRulesOf(ctx, tracker)[0]?.getRanges()[0]?.getA1Notation()).toBe("A3:Q101");
    });

    it("gives rules that later model changes do not reach", () => {
      setConditionalFormatRules(ctx, tracker, [rule()]);
      const [before] = conditionalFormatRulesOf(ctx, tracker);
      setConditionalFormatRules(ctx, tracker, [rule((b) => b.whenTextEqualTo("changed"))]);
      expect(before?.getBooleanCondition()?.getCriteriaType()).toBe("CELL_EMPTY");
    });
  });
});
