/** Tests that pivot tables recompute lazily, once, when something reads what they show, and that no read can tell: every way of looking at the output sees it as of the last write. */

import { pivotRenders } from "../../../../local/runtime/spreadsheet/pivot-output";
import { runtimeOnSource } from "../../../helpers/runtime";
import { setup } from "./fixture";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Owners and customers on Sheet1!A1:B5, and a pivot on "Report" counting each owner's customers. */
function withPivot() {
  const context = setup();
  const { app, ss, sheet: data } = context;
  data.getRange("A1:B5").setValues([
    ["owner", "customer"],
    ["Li", "a"],
    ["Han", "b"],
    ["Li", "c"],
    ["Han", "d"],
  ]);
  const report = ss.insertSheet("Report");
  const pivot = report.getRange("A1").createPivotTable(data.getRange("A1:B5"));
  pivot.addRowGroup(1);
  pivot.addPivotValue(2, app.PivotTableSummarizeFunction.COUNTA);
  return { ...context, data, report };
}

const BEFORE = [
  ["owner", "COUNTA of customer"],
  ["Han", 2],
  ["Li", 2],
  ["Grand Total", 4],
];

/** After Sheet1!A3 changed from Han to Wu: one more row. */
const AFTER = [
  ["owner", "COUNTA of customer"],
  ["Han", 1],
  ["Li", 2],
  ["Wu", 1],
  ["Grand Total", 4],
];

function reassign(data: Sheet): void {
  data.getRange("A3").setValue("Wu");
}

describe("lazy pivot tables", () => {
  it("recomputes a pivot once for many writes to its source, when its output is next read", () => {
    const { data, report } = withPivot();
    expect(report.getDataRange().getValues()).toEqual(BEFORE);
    const before = pivotRenders.count;
    for (let i = 0; i < 40; i++) data.getRange(2 + (i % 4), 1).setValue(i % 3 === 0 ? "Wu" : "Li");
    reassign(data);
    expect(pivotRenders.count).toBe(before);
    expect(report.getDataRange().getValues()).toEqual([
      ["owner", "COUNTA of customer"],
      ["Li", 1],
      ["Wu", 3],
      ["Grand Total", 4],
    ]);
    expect(pivotRenders.count).toBe(before + 1);
    expect(report.getRange("A2:B2").getValues()).toEqual([["Li", 1]]);
    expect(pivotRenders.count).toBe(before + 1);
  });

  it("ends with the output a pivot computed after every write would show", () => {
    const { data, report } = withPivot();
    for (const owner of ["Wu", "Li", "Wu", "Han"]) data.getRange("A2").setValue(owner);
    data.getRange("A4").setValue("Wu");
    expect(report.getDataRange().getValues()).toEqual([
      ["owner", "COUNTA of customer"],
      ["Han", 3],
      ["Wu", 1],
      ["Grand Total", 4],
    ]);
  });

  it("leaves a pivot alone when writes touch neither its source nor its output", () => {
    const { data, report } = withPivot();
    const before = pivotRenders.count;
    for (let i = 1; i <= 20; i++) data.getRange(i, 4).setValue(i);
    report.getRange("D1:E3").setValues([
      ["x", 1],
      ["y", 2],
      ["z", 3],
    ]);
    expect(report.getRange("A1:B4").getValues()).toEqual(BEFORE);
    expect(data.getRange("D20").getValue()).toBe(20);
    expect(pivotRenders.count).toBe(before);
  });

  describe("every way of looking at the output sees the last write", () => {
    const reads: [string, (c: ReturnType<typeof withPivot>) => unknown, unknown][] = [
      ["Range.getValues", ({ report }) => report.getRange("A1:B5").getValues(), AFTER],
      ["Range.getValue", ({ report }) => report.getRange("A4").getValue(), "Wu"],
      ["Range.getDisplayValues", ({ report }) => report.getRange("A4:B4").getDisplayValues(), [["Wu", "1"]]],
      ["Range.getDisplayValue", ({ report }) => report.getRange("B2").getDisplayValue(), "1"],
      ["Sheet.getLastRow", ({ report }) => report.getLastRow(), 5],
      ["Sheet.getDataRange", ({ report }) => report.getDataRange().getA1Notation(), "A1:B5"],
      ["Sheet.copyTo", ({ ss, report }) => report.copyTo(ss).getRange("A1:B5").getValues(), AFTER],
      [
        "a chart's range",
        ({ report }) =>
          report.newChart().asColumnChart().addRange(report.getRange("A1:B5")).build().getRanges()[0]?.getValues(),
        AFTER,
      ],
      [
        "the workbook model, once settled as host code does",
        ({ store, model }) => {
          store.workbook(model).formulas.settle();
          return model.sheets[1]?.rows[3]?.map((cell) => cell?.value);
        },
        ["Wu", 1],
      ],
    ];
    it.each(reads)("%s", (_name, read, expected) => {
      const context = withPivot();
      reassign(context.data);
      expect(read(context)).toEqual(expected);
    });

    it("a formula reading the output", () => {
      const { data } = withPivot();
      data.getRange("D1").setFormula('=COUNTIF(Report!A1:A10, "Wu")');
      expect(data.getRange("D1").getValue()).toBe(0);
      reassign(data);
      expect(data.getRange("D1").getValue()).toBe(1);
    });

    it("a custom-formula validation rule reading the output", () => {
      const { app, data } = withPivot();
      const rule = app.newDataValidation().requireFormulaSatisfied('=Report!$A$4="Wu"').setAllowInvalid(false).build();
      data.getRange("E1").setDataValidation(rule);
      reassign(data);
      data.getRange("E1").setValue("ok");
      expect(data.getRange("E1").getValue()).toBe("ok");
    });

    it("a write through a RangeList", () => {
      const { data, report } = withPivot();
      data.getRangeList(["A3", "B3"]).setValue("Wu");
      expect(report.getRange("A1:B5").getValues()).toEqual(AFTER);
    });

    it("the old value of a person's edit over the output", () => {
      const runtime = runtimeOnSource(`
        function onEdit(e) { PropertiesService.getScriptProperties().setProperty("old", String(e.oldValue)); }
        function old() { return PropertiesService.getScriptProperties().getProperty("old"); }`);
      const ss = runtime.inspect().getActiveSpreadsheet();
      const data = ss.getSheets()[0] as Sheet;
      data.getRange("A1:B3").setValues([
        ["owner", "customer"],
        ["Li", "a"],
        ["Han", "b"],
      ]);
      const pivot = ss.insertSheet("Report").getRange("A1").createPivotTable(data.getRange("A1:B3"));
      pivot.addRowGroup(1);
      data.getRange("A3").setValue("Wu");
      runtime.userEdit({ sheet: "Report", a1: "A3", value: "typed" });
      expect(runtime.run("old")).toBe("Wu");
    });
  });

  it("lets a value written over the output right after a source change block the pivot, as over the new output", () => {
    const { data, report } = withPivot();
    data.getRange("A3").setValue("Li");
    // Han's count is 1 now, not the 2 the stale cell still holds: the 2 is the user's, and the pivot shows #REF!.
    report.getRange("B2").setValue(2);
    expect(report.getRange("A1:B2").getValues()).toEqual([
      ["#REF!", ""],
      ["", 2],
    ]);
  });

  it("grows a sheet its output outgrows before its size or cells past it are read", () => {
    const { data, report } = withPivot();
    report.deleteRows(5, report.getMaxRows() - 4);
    expect(report.getMaxRows()).toBe(4);
    reassign(data);
    expect(report.getMaxRows()).toBe(5);
    expect(report.getRange(5, 1).getValue()).toBe("Grand Total");
  });

  it("follows a pivot whose source is another pivot's output, whatever the order of their sheets", () => {
    const { app, ss, data, report } = withPivot();
    const summary = ss.insertSheet("Summary", 0);
    const mirror = summary.getRange("A1").createPivotTable(report.getRange("A1:B5"));
    mirror.addRowGroup(1);
    mirror.addPivotValue(2, app.PivotTableSummarizeFunction.SUM);
    reassign(data);
    expect(summary.getRange("A1:B6").getValues()).toEqual([
      ["owner", "SUM of COUNTA of customer"],
      ["Grand Total", 4],
      ["Han", 1],
      ["Li", 2],
      ["Wu", 1],
      ["Grand Total", 8],
    ]);
  });
});

describe("lazy formulas", () => {
  it("counts an array formula's results in the last row before any value is read", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setValue("=SEQUENCE(5)");
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:A5");
  });
});
