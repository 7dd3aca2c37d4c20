/** Tests of embedded charts: Sheet.newChart()'s builder, insert/get/update/remove, ranges shifting with rows, errors, call counting, and a script inserting a bar chart. */

import { ChartType } from "../../../../local/runtime/charts-service";
import { CHART_MESSAGES } from "../../../../local/runtime/spreadsheet/charts";
import { runtimeOnSource } from "../../../helpers/runtime";
import { asUser, errorOf, setup } from "./fixture";

type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
const BAR = ChartType.BAR as unknown as GoogleAppsScript.Charts.ChartType;
const LINE = ChartType.LINE as unknown as GoogleAppsScript.Charts.ChartType;

const a1s = (chart: Chart) => chart.getRanges().map((r) => r.getA1Notation());
const anchor = (chart: Chart) => {
  const info = chart.getContainerInfo();
  return [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()];
};

describe("embedded charts", () => {
  describe("round trips", () => {
    it("builds, inserts and reads back a chart", () => {
      const { sheet } = setup();
      const built = sheet
        .newChart()
        .setChartType(BAR)
        .addRange(sheet.getRange("A1:A5"))
        .addRange(sheet.getRange("C1:C5"))
        .addRange(sheet.getRange("A1:A5"))
        .setOption("title", "Funnel")
        .setPosition(2, 5, 10, 20)
        .build();
      expect(built.getChartId()).toBeNull();
      expect(sheet.getCharts()).toEqual([]);
      sheet.insertChart(built);
      const [chart] = sheet.getCharts() as [Chart];
      expect(typeof chart.getChartId()).toBe("number");
      expect(a1s(chart)).toEqual(["A1:A5", "C1:C5"]);
      expect(chart.getOptions().get("title")).toBe("Funnel");
      expect(chart.getOptions().get("legend")).toBeNull();
      expect(anchor(chart)).toEqual([2, 5, 10, 20]);
      expect(chart.modify().getChartType()).toBe(ChartType.BAR);
      expect(chart.getNumHeaders()).toBe(-1);
    });

    it("edits the builder's ranges, type and position before building", () => {
      const { sheet } = setup();
      const builder = sheet.newChart().asColumnChart().addRange(sheet.getRange("A1:B3"));
      expect(builder.getChartType()).toBe(ChartType.COLUMN);
      builder.addRange(sheet.getRange("D1:D3")).removeRange(sheet.getRange("A1:B3")).removeRange(sheet.getRange("Z1"));
      expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(["D1:D3"]);
      builder.clearRanges().addRange(sheet.getRange("B2:C4")).setNumHeaders(1).setChartType(LINE);
      expect(builder.getContainer().getAnchorRow()).toBe(1);
      builder.setPosition(7, 3, 0, 0);
      expect(builder.getContainer().getAnchorColumn()).toBe(3);
      const chart = builder.build();
      expect(a1s(chart)).toEqual(["B2:C4"]);
      expect(chart.getNumHeaders()).toBe(1);
      expect(chart.modify().getChartType()).toBe(ChartType.LINE);
    });

    it("keeps a built chart apart from its builder", () => {
      const { sheet } = setup();
      const builder = sheet.newChart().setChartType(BAR).addRange(sheet.getRange("A1:A3"));
      const chart = builder.build();
      builder.addRange(sheet.getRange("B1:B3")).setOption("title", "later");
      expect(a1s(chart)).toEqual(["A1:A3"]);
      expect(chart.getOptions().get("title")).toBeNull();
    });

    it("updates a chart through modify() and updateChart, keeping its id", () => {
      const { sheet } = setup();
      sheet.insertChart(sheet.newChart().setChartType(BAR).addRange(sheet.getRange("A1:B5")).build());
      const [chart] = sheet.getCharts() as [Chart];
      const modified = chart
        .modify()
        .addRange(sheet.getRange("D1:D5"))
        .setOption("title", "Updated!")
        .setPosition(5, 5, 0, 0)
        .build();
      expect(modified.getChartId()).toBe(chart.getChartId());
      expect(chart.getOptions().get("title")).toBeNull();
      sheet.updateChart(modified);
      const [after] = sheet.getCharts() as [Chart];
      expect(sheet.getCharts()).toHaveLength(1);
      expect(after.getChartId()).toBe(chart.getChartId());
      expect(a1s(after)).toEqual(["A1:B5", "D1:D5"]);
      expect(after.getOptions().get("title")).toBe("Updated!");
      expect(anchor(chart)).toEqual([5, 5, 0, 0]);
    });

    it("removes charts, and ids stay distinct", () => {
      const { sheet } = setup();
      const build = (a1: string) => sheet.newChart().setChartType(BAR).addRange(sheet.getRange(a1)).build();
      sheet.insertChart(build("A1:A3"));
      sheet.insertChart(build("B1:B3"));
      const [first, second] = sheet.getCharts() as [Chart, Chart];
      expect(first.getChartId()).not.toBe(second.getChartId());
      sheet.removeChart(first);
      expect(sheet.getCharts().map(a1s)).toEqual([["B1:B3"]]);
      expect(errorOf(() => sheet.removeChart(first))).toBe(CHART_MESSAGES.notOnSheet);
    });

    it("charts data on another sheet of the same spreadsheet", () => {
      const { sheet, ss } = setup();
      const report = ss.insertSheet("Report");
      report.insertChart(report.newChart().setChartType(BAR).addRange(sheet.getRange("A1:B4")).build());
      expect((report.getCharts()[0] as Chart).getRanges()[0]?.getSheet().getName()).toBe(sheet.getName());
      expect(sheet.getCharts()).toEqual([]);
    });
  });

  describe("structure", () => {
    it("shifts ranges and the anchor when rows are inserted or deleted", () => {
      const { sheet } = setup();
      sheet.insertChart(
        sheet.newChart().setChartType(BAR).addRange(sheet.getRange("A2:B6")).setPosition(8, 2, 0, 0).build(),
      );
      const [chart] = sheet.getCharts() as [Chart];
      sheet.insertRowsBefore(1, 2);
      expect(a1s(chart)).toEqual(["A4:B8"]);
      expect(anchor(chart)).toEqual([10, 2, 0, 0]);
      sheet.insertRowAfter(5);
      expect(a1s(chart)).toEqual(["A4:B9"]);
      expect(anchor(chart)).toEqual([11, 2, 0, 0]);
      sheet.deleteRows(4, 2);
      expect(a1s(chart)).toEqual(["A4:B7"]);
      expect(anchor(chart)).toEqual([9, 2, 0, 0]);
      sheet.deleteRows(9, 1);
      expect(anchor(chart)).toEqual([9, 2, 0, 0]);
    });

    it("shifts ranges on columns, and drops a range whose cells are all deleted", () => {
      const { sheet, ss } = setup();
      const report = ss.insertSheet("Report");
      report.insertChart(
        report.newChart().setChartType(BAR).addRange(sheet.getRange("A1:A4")).addRange(sheet.getRange("C1:D4")).build(),
      );
      const [chart] = report.getCharts() as [Chart];
      sheet.deleteColumn(1);
      expect(a1s(chart)).toEqual(["B1:C4"]);
      sheet.insertColumnBefore(1);
      expect(a1s(chart)).toEqual(["C1:D4"]);
      expect(anchor(chart)).toEqual([1, 1, 0, 0]);
    });
  });

  describe("errors", () => {
    it("refuses to build without ranges or without a chart type", () => {
      const { sheet } = setup();
      expect(errorOf(() => sheet.newChart().setChartType(BAR).build())).toBe(CHART_MESSAGES.noRanges);
      expect(errorOf(() => sheet.newChart().addRange(sheet.getRange("A1:A2")).build())).toBe(
        CHART_MESSAGES.noChartType,
      );
      expect(
        errorOf(() => sheet.newChart().setChartType(BAR).addRange(sheet.getRange("A1")).clearRanges().build()),
      ).toBe(CHART_MESSAGES.noRanges);
    });

    it("refuses a chart built for another sheet, and inserting a stored chart twice", () => {
      const { sheet, ss } = setup();
      const other = ss.insertSheet("Other");
      const chart = other.newChart().setChartType(BAR).addRange(other.getRange("A1:A3")).build();
      expect(errorOf(() => sheet.insertChart(chart))).toBe(CHART_MESSAGES.otherSheet);
      other.insertChart(chart);
      const [stored] = other.getCharts() as [Chart];
      expect(errorOf(() => other.insertChart(stored))).toBe(CHART_MESSAGES.alreadyInserted);
      expect(errorOf(() => sheet.removeChart(stored))).toBe(CHART_MESSAGES.notOnSheet);
      expect(errorOf(() => sheet.updateChart(stored.modify().build()))).toBe(CHART_MESSAGES.notOnSheet);
      expect(errorOf(() => other.updateChart(chart))).toBe(CHART_MESSAGES.notOnSheet);
    });

    it("refuses bad arguments with Apps Script's signature and bounds texts", () => {
      const { sheet } = setup();
      const builder = sheet.newChart();
      expect(errorOf(() => builder.setChartType("PYRAMID" as never))).toBe(
        "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
      );
      expect(errorOf(() => builder.setPosition(1.5, 1, 0, 0))).toBe(
        "The parameters (number,number,number,number) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.",
      );
      expect(errorOf(() => builder.setPosition(0, 1, 0, 0))).toBe("Those rows are out of bounds.");
      expect(errorOf(() => builder.setPosition(1, 27, 0, 0))).toBe("Those columns are out of bounds.");
      expect(errorOf(() => builder.setPosition(1, 1, -5, 0))).toBe("Invalid argument: offsetX");
      expect(errorOf(() => builder.addRange({} as never))).toBe("Invalid argument: range");
      expect(errorOf(() => sheet.insertChart({ getChartId: () => 1 } as never))).toBe(
        "The parameters ((class)) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
      );
    });

    it("needs edit rights over a protected sheet", () => {
      const { sheet, model, kernel } = setup();
      const chart = sheet.newChart().setChartType(BAR).addRange(sheet.getRange("A1:A3")).build();
      const protection = sheet.protect();
      protection.removeEditors(protection.getEditors());
      expect(errorOf(() => asUser(kernel, model.id, "other@example.com", () => sheet.insertChart(chart)))).toMatch(
        /^You are trying to edit a protected cell or object/,
      );
      sheet.insertChart(chart);
      expect(sheet.getCharts()).toHaveLength(1);
    });
  });

  describe("call counting", () => {
    it("counts Sheet and chart calls in the Spreadsheet service, builder calls for free", () => {
      const { sheet, model, kernel } = setup();
      asUser(kernel, model.id, "owner@example.com", () => {
        const range = sheet.getRange("A1:B5");
        const before = kernel.snapshot();
        const startedAt = kernel.now();
        const chart = sheet.newChart().setChartType(BAR).addRange(range).setPosition(1, 4, 0, 0).build();
        const builderMs = kernel.now() - startedAt;
        sheet.insertChart(chart);
        sheet.getCharts()[0]?.getRanges();
        const after = kernel.snapshot();
        expect(after.byMethod["Sheet.newChart"]).toBe(1);
        expect(after.byMethod["EmbeddedChartBuilder.setChartType"]).toBe(1);
        expect(after.byMethod["EmbeddedChartBuilder.build"]).toBe(1);
        expect(after.byMethod["Sheet.insertChart"]).toBe(1);
        expect(after.byMethod["Sheet.getCharts"]).toBe(1);
        expect(after.byMethod["EmbeddedChart.getRanges"]).toBe(1);
        expect((after.byService.Spreadsheet ?? 0) - (before.byService.Spreadsheet ?? 0)).toBe(8);
        // Only Sheet.newChart costs time while building.
        expect(builderMs).toBe(kernel.cost.perCallMs.Spreadsheet);
      });
    });
  });

  it("inserts a bar chart of a range from a script", () => {
    const runtime = runtimeOnSource(`
      function chart() {
        var sheet = SpreadsheetApp.getActiveSheet();
        sheet.getRange("A1:B4").setValues([["阶段", "数量"], ["新线索", 5], ["已报价", 3], ["成交", 1]]);
        var range = sheet.getRange("A1:B4");
        sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(range)
          .setOption("title", "漏斗").setPosition(2, 4, 0, 0).build());
        sheet.insertRowsBefore(1, 1);
      }
      function read() {
        return SpreadsheetApp.getActiveSheet().getCharts().map(function (c) {
          var info = c.getContainerInfo();
          return [c.modify().getChartType() === Charts.ChartType.BAR, c.getRanges()[0].getA1Notation(),
            c.getOptions().get("title"), info.getAnchorRow(), info.getAnchorColumn()];
        });
      }`);
    runtime.run("chart");
    expect(runtime.run("read")).toEqual([[true, "A2:B5", "漏斗", 3, 4]]);
    const [chart] = runtime.inspect().getActiveSheet().getCharts() as [Chart];
    expect(String(chart.modify().getChartType())).toBe("BAR");
  });
});
