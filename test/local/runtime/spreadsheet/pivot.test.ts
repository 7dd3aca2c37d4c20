/** Tests of emulated pivot tables: the output cells they compute, their objects' methods, and their errors. */

import { SCOPES } from "../../../../local/runtime/kernel";
import type { CellValue, GridRangeRef, SheetModel } from "../../../../local/runtime/spreadsheet/model";
import {
  createPivotTable,
  PivotTableSummarizeFunction as Fn,
  newFilterCriteria,
  PivotValueDisplayType,
  pivotTablesOf,
  refreshPivotTables,
} from "../../../../local/runtime/spreadsheet/pivot";
import { cellsOf, pivotContext, setCells, usedCells } from "./fixtures/pivot-context";

type PivotTable = GoogleAppsScript.Spreadsheet.PivotTable;
type SummarizeFunction = GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction;

const WEEK1 = 45292; // 2024-01-01
const WEEK2 = 45299; // 2024-01-08
const WEEK3 = 45306; // 2024-01-15
const DATE_FORMAT = "yyyy-mm-dd";

// Source B2:F12 on "Data": the columns are B Owner, C Week, D Stage, E Amount, F 客户 (absolute numbers 2..6).
const OWNER = 2;
const WEEK = 3;
const STAGE = 4;
const AMOUNT = 5;
const CLIENT = 6;
const SOURCE: GridRangeRef = { sheetId: 1, row: 2, column: 2, numRows: 11, numColumns: 5 };
const ANCHOR = { sheetId: 2, row: 1, column: 1 };

function seed(data: SheetModel): void {
  setCells(data, 2, 2, [["Owner", "Week", "Stage", "Amount", "客户"]]);
  const rows: CellValue[][] = [
    ["Bob", WEEK1, "Lead", 100, "客户A"],
    ["Bob", WEEK1, "Won", 200, "客户B"],
    ["alice", WEEK1, "Lead", 50, "客户A"],
    ["alice", WEEK2, "Lead", 70, "客户C"],
    ["Bob", WEEK2, "Lead", 30, "客户A"],
    ["Carol", WEEK2, "Won", 500, "客户D"],
    ["alice", WEEK2, "Won", 80, "客户C"],
    ["Bob", WEEK3, "Lost", "", "客户B"],
    ["Carol", WEEK3, "Lead", 60, "客户E"],
    ["", WEEK3, "Lead", 10, "客户F"],
  ];
  setCells(data, 3, 2, rows);
  setCells(
    data,
    3,
    WEEK,
    rows.map((r) => [r[1] as CellValue]),
    DATE_FORMAT,
  );
}

function setup(options: { locale?: string } = {}) {
  const env = pivotContext(options);
  seed(env.data);
  const pivot = createPivotTable(env.ctx, ANCHOR, SOURCE);
  const output = () => usedCells(env.report);
  return { ...env, pivot, output };
}

function fn(name: string): SummarizeFunction {
  return Fn[name] as unknown as SummarizeFunction;
}

describe("pivot", () => {
  describe("createPivotTable", () => {
    it("stores the pivot on the anchor's sheet and writes nothing until it has groups or values", () => {
      const { report, pivot, output } = setup();
      expect(report.pivotTables).toHaveLength(1);
      expect(output()).toEqual([]);
      expect(pivot.getAnchorCell().getA1Notation()).toBe("A1");
    });

    it("refuses an anchor inside the source range", () => {
      const { ctx } = pivotContext();
      expect(() => createPivotTable(ctx, { sheetId: 1, row: 3, column: 3 }, SOURCE)).toThrow(
        "The pivot table anchor cell cannot be inside its source data range.",
      );
    });

    it("replaces a pivot already anchored on the same cell", () => {
      const { ctx, report, pivot, output } = setup();
      pivot.addRowGroup(STAGE);
      createPivotTable(ctx, ANCHOR, SOURCE);
      expect(report.pivotTables).toHaveLength(1);
      expect(output()).toEqual([]);
    });
  });

  describe("PivotTable.addRowGroup", () => {
    it("lists each owner with COUNTA of 客户, blanks last, then Grand Total", () => {
      const { pivot, output } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      expect(output()).toEqual([
        ["Owner", "COUNTA of 客户"],
        ["alice", 3],
        ["Bob", 4],
        ["Carol", 2],
        ["", 1],
        ["Grand Total", 10],
      ]);
    });

    it("takes absolute sheet columns: column A lies outside a source starting at B", () => {
      const { pivot } = setup();
      expect(pivot.addRowGroup(OWNER).getSourceDataColumn()).toBe(2);
      expect(() => pivot.addRowGroup(1)).toThrow("Invalid argument: sourceDataColumn");
      expect(() => pivot.addRowGroup(7)).toThrow("Invalid argument: sourceDataColumn");
    });

    it("throws the signature error for a non-number column", () => {
      const { pivot } = setup();
      expect(() => pivot.addRowGroup("B" as unknown as number)).toThrow(
        "The parameters (String) don't match the method signature for SpreadsheetApp.PivotTable.addRowGroup.",
      );
    });

    it("keeps dates as dated labels and subtotals each outer group", () => {
      const { pivot, report, output } = setup();
      pivot.addRowGroup(WEEK);
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      expect(output()).toEqual([
        ["Week", "Owner", "COUNTA of 客户"],
        [WEEK1, "alice", 1],
        ["", "Bob", 2],
        ["2024-01-01 Total", "", 3],
        [WEEK2, "alice", 2],
        ["", "Bob", 1],
        ["", "Carol", 1],
        ["2024-01-08 Total", "", 4],
        [WEEK3, "Bob", 1],
        ["", "Carol", 1],
        ["", "", 1],
        ["2024-01-15 Total", "", 3],
        ["Grand Total", "", 10],
      ]);
      expect(report.rows[1]?.[0]?.numberFormat).toBe(DATE_FORMAT);
      expect(report.rows[4]?.[0]?.numberFormat).toBe(DATE_FORMAT);
    });

    it("labels totals in the spreadsheet's language", () => {
      const { pivot, output } = setup({ locale: "zh_CN" });
      pivot.addRowGroup(STAGE);
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      expect(output().at(-1)).toEqual(["总计", 1100]);
    });
  });

  describe("PivotTable.addColumnGroup", () => {
    it("crosses owners with stages, blank cells where no row falls", () => {
      const { pivot, output } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addColumnGroup(STAGE);
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      expect(output()).toEqual([
        ["SUM of Amount", "Stage", "", "", ""],
        ["Owner", "Lead", "Lost", "Won", "Grand Total"],
        ["alice", 120, "", 80, 200],
        ["Bob", 130, 0, 200, 330],
        ["Carol", 60, "", 500, 560],
        ["", 10, "", "", 10],
        ["Grand Total", 320, 0, 780, 1100],
      ]);
    });

    it("names several values on a header row under every column", () => {
      const { pivot, kernel, output } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addColumnGroup(STAGE);
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      pivot.addPivotValue(AMOUNT, fn("COUNT"));
      pivot.addFilter(OWNER, newFilterCriteria(kernel).setVisibleValues(["Carol"]).build());
      const names = ["SUM of Amount", "COUNT of Amount"];
      expect(output()).toEqual([
        ["", "Stage", "", "", "", "", ""],
        ["", "Lead", "", "Won", "", "Grand Total", ""],
        ["Owner", ...names, ...names, ...names],
        ["Carol", 60, 1, 500, 1, 560, 2],
        ["Grand Total", 60, 1, 500, 1, 560, 2],
      ]);
    });
  });

  describe("PivotTable.addPivotValue", () => {
    it("computes COUNTA, SUM and COUNTUNIQUE side by side; totals count distinct values over all rows", () => {
      const { pivot, output } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(AMOUNT, fn("COUNTA"));
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      pivot.addPivotValue(CLIENT, fn("COUNTUNIQUE"));
      expect(output()).toEqual([
        ["Owner", "COUNTA of Amount", "SUM of Amount", "COUNTUNIQUE of 客户"],
        ["alice", 3, 200, 2],
        ["Bob", 3, 330, 2],
        ["Carol", 2, 560, 2],
        ["", 1, 10, 1],
        ["Grand Total", 9, 1100, 6],
      ]);
    });

    it("computes AVERAGE, MAX, MIN, MEDIAN and COUNT, with Sheets' errors for a group without numbers", () => {
      const { pivot, output } = setup();
      pivot.addRowGroup(STAGE);
      for (const name of ["AVERAGE", "MAX", "MIN", "MEDIAN", "COUNT"]) pivot.addPivotValue(AMOUNT, fn(name));
      expect(output()).toEqual([
        ["Stage", "AVERAGE of Amount", "MAX of Amount", "MIN of Amount", "MEDIAN of Amount", "COUNT of Amount"],
        ["Lead", 320 / 6, 100, 10, 55, 6],
        ["Lost", "#DIV/0!", 0, 0, "#NUM!", 0],
        ["Won", 260, 500, 80, 200, 3],
        ["Grand Total", 1100 / 9, 500, 10, 70, 9],
      ]);
    });

    it("rejects an unknown summarize function and CUSTOM", () => {
      const { pivot } = setup();
      expect(() => pivot.addPivotValue(AMOUNT, "TOTAL" as unknown as SummarizeFunction)).toThrow(
        "The parameters (number,String) don't match the method signature for SpreadsheetApp.PivotTable.addPivotValue.",
      );
      expect(() => pivot.addPivotValue(AMOUNT, fn("CUSTOM"))).toThrow("Invalid argument: summarizeFunction");
    });

    it("shows a value as a share of the grand total", () => {
      const { pivot, output, report } = setup();
      pivot.addRowGroup(OWNER);
      const value = pivot.addPivotValue(AMOUNT, fn("SUM"));
      expect(String(value.getDisplayType())).toBe("DEFAULT");
      value.showAs(
        PivotValueDisplayType.PERCENT_OF_GRAND_TOTAL as unknown as GoogleAppsScript.Spreadsheet.PivotValueDisplayType,
      );
      expect(output().map((r) => r[1])).toEqual(["SUM of Amount", 200 / 1100, 330 / 1100, 560 / 1100, 10 / 1100, 1]);
      expect(report.rows[1]?.[1]?.numberFormat).toBe("0.00%");
    });
  });

  describe("PivotTable.addFilter", () => {
    function ownersByClientCount(criteria: GoogleAppsScript.Spreadsheet.FilterCriteria, column: number) {
      const { pivot, output } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      pivot.addFilter(column, criteria);
      return output();
    }

    it("keeps only rows whose value is visible", () => {
      const { kernel } = pivotContext();
      const criteria = newFilterCriteria(kernel).setVisibleValues(["Lead", "Won"]).build();
      expect(ownersByClientCount(criteria, STAGE)).toEqual([
        ["Owner", "COUNTA of 客户"],
        ["alice", 3],
        ["Bob", 3],
        ["Carol", 2],
        ["", 1],
        ["Grand Total", 9],
      ]);
    });

    it("filters on a number condition", () => {
      const { kernel } = pivotContext();
      const criteria = newFilterCriteria(kernel).whenNumberGreaterThan(60).build();
      expect(ownersByClientCount(criteria, AMOUNT)).toEqual([
        ["Owner", "COUNTA of 客户"],
        ["alice", 2],
        ["Bob", 2],
        ["Carol", 1],
        ["Grand Total", 5],
      ]);
    });

    it("filters text conditions without regard to case", () => {
      const { kernel } = pivotContext();
      const criteria = newFilterCriteria(kernel).whenTextContains("A").build();
      expect(ownersByClientCount(criteria, OWNER)).toEqual([
        ["Owner", "COUNTA of 客户"],
        ["alice", 3],
        ["Carol", 2],
        ["Grand Total", 5],
      ]);
    });

    it("compares date conditions by calendar day in the spreadsheet's time zone", () => {
      const { kernel } = pivotContext();
      // 2024-01-08 00:30 in Shanghai is still 2024-01-07 in UTC.
      const criteria = newFilterCriteria(kernel)
        .whenDateAfter(kernel.newDate(Date.UTC(2024, 0, 7, 16, 30)))
        .build();
      expect(ownersByClientCount(criteria, WEEK)).toEqual([
        ["Owner", "COUNTA of 客户"],
        ["Bob", 1],
        ["Carol", 1],
        ["", 1],
        ["Grand Total", 3],
      ]);
    });

    it("refuses hidden values, which only Grid sheet filters take", () => {
      const { pivot, kernel } = setup();
      const criteria = newFilterCriteria(kernel).setHiddenValues(["Lost"]).build();
      expect(() => pivot.addFilter(STAGE, criteria)).toThrow(
        "Hidden values are not supported in pivot table filters. Use visible values instead.",
      );
    });

    it("cannot evaluate whenFormulaSatisfied and says so", () => {
      const { pivot, kernel } = setup();
      const criteria = newFilterCriteria(kernel).whenFormulaSatisfied("=E3>10").build();
      expect(() => pivot.addFilter(AMOUNT, criteria)).toThrow("whenFormulaSatisfied are not emulated");
    });

    it("throws the signature error for criteria that are not a FilterCriteria", () => {
      const { pivot } = setup();
      expect(() => pivot.addFilter(STAGE, {} as GoogleAppsScript.Spreadsheet.FilterCriteria)).toThrow(
        "The parameters (number,Object) don't match the method signature for SpreadsheetApp.PivotTable.addFilter.",
      );
    });
  });

  describe("PivotFilter.setFilterCriteria", () => {
    it("replaces the criteria and recomputes; remove() drops the filter", () => {
      const { pivot, kernel, output } = setup();
      pivot.addRowGroup(STAGE);
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      const filter = pivot.addFilter(OWNER, newFilterCriteria(kernel).setVisibleValues(["Carol"]).build());
      expect(output().at(-1)).toEqual(["Grand Total", 560]);
      filter.setFilterCriteria(newFilterCriteria(kernel).setVisibleValues(["alice"]).build());
      expect(filter.getFilterCriteria().getVisibleValues()).toEqual(["alice"]);
      expect(output().at(-1)).toEqual(["Grand Total", 200]);
      filter.remove();
      expect(pivot.getFilters()).toHaveLength(0);
      expect(output().at(-1)).toEqual(["Grand Total", 1100]);
    });
  });

  describe("PivotGroup.sortDescending", () => {
    it("reverses the order of owners and keeps the blank group last", () => {
      const { pivot, output } = setup();
      const owners = pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      owners.sortDescending();
      expect(owners.isSortAscending()).toBe(false);
      expect(output().map((r) => r[0])).toEqual(["Owner", "Carol", "Bob", "alice", "", "Grand Total"]);
    });
  });

  describe("PivotGroup.showTotals", () => {
    it("drops the Grand Total row and column", () => {
      const { pivot, output } = setup();
      const owners = pivot.addRowGroup(OWNER);
      const stages = pivot.addColumnGroup(STAGE);
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      owners.showTotals(false);
      stages.showTotals(false);
      expect(owners.totalsAreShown()).toBe(false);
      expect(output()).toEqual([
        ["SUM of Amount", "Stage", "", ""],
        ["Owner", "Lead", "Lost", "Won"],
        ["alice", 120, "", 80],
        ["Bob", 130, 0, 200],
        ["Carol", 60, "", 500],
        ["", 10, "", ""],
      ]);
    });

    it("throws the signature error for a non-boolean", () => {
      const { pivot } = setup();
      const owners = pivot.addRowGroup(OWNER);
      expect(() => owners.showTotals("no" as unknown as boolean)).toThrow(
        "The parameters (String) don't match the method signature for SpreadsheetApp.PivotGroup.showTotals.",
      );
    });
  });

  describe("PivotGroup.setDisplayName", () => {
    it("renames the header until resetDisplayName()", () => {
      const { pivot, output } = setup();
      const owners = pivot.addRowGroup(OWNER);
      const count = pivot.addPivotValue(CLIENT, fn("COUNTA"));
      owners.setDisplayName("负责人");
      count.setDisplayName("客户数");
      expect(output()[0]).toEqual(["负责人", "客户数"]);
      owners.resetDisplayName();
      expect(output()[0]).toEqual(["Owner", "客户数"]);
    });
  });

  describe("PivotGroup.remove", () => {
    it("removes the group, shrinks the output and refuses further use of the group", () => {
      const { pivot, output } = setup();
      const weeks = pivot.addRowGroup(WEEK);
      const owners = pivot.addRowGroup(OWNER);
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      expect(owners.getIndex()).toBe(1);
      weeks.remove();
      expect(owners.getIndex()).toBe(0);
      expect(output()).toHaveLength(6);
      expect(() => weeks.getIndex()).toThrow("This pivot table item no longer exists.");
    });
  });

  describe("PivotValue.summarizeBy", () => {
    it("switches the function and the header", () => {
      const { pivot, output } = setup();
      pivot.addRowGroup(OWNER);
      const value = pivot.addPivotValue(AMOUNT, fn("SUM"));
      value.summarizeBy(fn("MAX"));
      expect(String(value.getSummarizedBy())).toBe("MAX");
      expect(output()[0]).toEqual(["Owner", "MAX of Amount"]);
      expect(output().at(-1)).toEqual(["Grand Total", 500]);
    });
  });

  describe("PivotTable.setValuesDisplayOrientation", () => {
    it("lists several values as rows under each group", () => {
      const { pivot, output } = setup();
      expect(String(pivot.getValuesDisplayOrientation())).toBe("COLUMNS");
      pivot.addRowGroup(STAGE);
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      pivot.addPivotValue(AMOUNT, fn("COUNT"));
      pivot.setValuesDisplayOrientation("ROWS" as unknown as GoogleAppsScript.Spreadsheet.Dimension);
      expect(output()).toEqual([
        ["Stage", "Values", ""],
        ["Lead", "SUM of Amount", 320],
        ["", "COUNT of Amount", 6],
        ["Lost", "SUM of Amount", 0],
        ["", "COUNT of Amount", 0],
        ["Won", "SUM of Amount", 780],
        ["", "COUNT of Amount", 3],
        ["Grand Total", "SUM of Amount", 1100],
        ["", "COUNT of Amount", 9],
      ]);
    });
  });

  describe("PivotTable.remove", () => {
    it("deletes the pivot and clears its output", () => {
      const { pivot, report, output } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      pivot.remove();
      expect(report.pivotTables).toHaveLength(0);
      expect(output()).toEqual([]);
      expect(() => pivot.getRowGroups()).toThrow("The pivot table no longer exists.");
    });
  });

  describe("pivotTablesOf", () => {
    it("returns objects reflecting the stored groups, values and filters", () => {
      const { ctx, report, pivot, kernel } = setup();
      pivot.addRowGroup(OWNER).sortDescending();
      pivot.addColumnGroup(STAGE);
      pivot.addPivotValue(AMOUNT, fn("SUM"));
      pivot.addFilter(WEEK, newFilterCriteria(kernel).whenCellNotEmpty().build());
      const [found] = pivotTablesOf(ctx, report) as [PivotTable];
      expect(found.getRowGroups().map((g) => [g.getSourceDataColumn(), g.isSortAscending()])).toEqual([[OWNER, false]]);
      expect(found.getColumnGroups().map((g) => g.getSourceDataColumn())).toEqual([STAGE]);
      expect(found.getPivotValues().map((v) => String(v.getSummarizedBy()))).toEqual(["SUM"]);
      expect(String(found.getFilters()[0]?.getFilterCriteria().getCriteriaType())).toBe("CELL_NOT_EMPTY");
      expect(
        (found as unknown as { getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range })
          .getSourceDataRange()
          .getA1Notation(),
      ).toBe("B2:F12");
    });
  });

  describe("refreshPivotTables", () => {
    it("recomputes after the source changes and clears cells the pivot no longer covers", () => {
      const { ctx, data, report, pivot, output } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      ctx.writeComputed({ sheetId: 1, row: 12, column: OWNER, numRows: 1, numColumns: 1 }, [["Bob"]]);
      ctx.writeComputed({ sheetId: 1, row: 11, column: OWNER, numRows: 1, numColumns: 1 }, [["Bob"]]);
      refreshPivotTables(ctx);
      expect(output()).toEqual([
        ["Owner", "COUNTA of 客户"],
        ["alice", 3],
        ["Bob", 6],
        ["Carol", 1],
        ["Grand Total", 10],
      ]);
      expect(cellsOf(report, 6, 1, 1, 2)).toEqual([["", ""]]);
      expect(data.rows[11]?.[OWNER - 1]?.value).toBe("Bob");
    });

    it("shows #REF! instead of overwriting data in the way, and expands once it is gone", () => {
      const { ctx, report, pivot, output } = setup();
      setCells(report, 4, 2, [["note"]]);
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      expect(cellsOf(report, 1, 1, 1, 2)).toEqual([["#REF!", ""]]);
      ctx.clearRect({ sheetId: 2, row: 4, column: 2, numRows: 1, numColumns: 1 });
      refreshPivotTables(ctx);
      expect(output()).toHaveLength(6);
    });

    it("keeps a value a user typed over the output and is blocked by it", () => {
      const { ctx, report, pivot } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      setCells(report, 3, 2, [["typed"]]);
      refreshPivotTables(ctx);
      expect(usedCells(report)).toEqual([
        ["#REF!", ""],
        ["", ""],
        ["", "typed"],
      ]);
    });

    it("re-renders in full after rows were inserted across its output", () => {
      const { ctx, report, pivot, output } = setup();
      pivot.addRowGroup(OWNER);
      pivot.addPivotValue(CLIENT, fn("COUNTA"));
      const stored = report.pivotTables[0] as { output: GridRangeRef | null };
      report.rows.splice(2, 0, []);
      stored.output = { ...(stored.output as GridRangeRef), numRows: 7 };
      refreshPivotTables(ctx);
      expect(output()).toEqual([
        ["Owner", "COUNTA of 客户"],
        ["alice", 3],
        ["Bob", 4],
        ["Carol", 2],
        ["", 1],
        ["Grand Total", 10],
      ]);
    });

    it("shows #REF! once the source sheet is gone", () => {
      const { ctx, spreadsheet, report, pivot } = setup();
      pivot.addRowGroup(OWNER);
      spreadsheet.sheets.splice(0, 1);
      refreshPivotTables(ctx);
      expect(usedCells(report)).toEqual([["#REF!"]]);
    });

    it("summarizes a 50,000-row source", () => {
      const { ctx, data, report } = pivotContext();
      setCells(data, 1, 1, [["Owner", "Amount"]]);
      setCells(
        data,
        2,
        1,
        Array.from({ length: 50_000 }, (_, i) => [`owner${i % 7}`, i % 10]),
      );
      const pivot = createPivotTable(
        ctx,
        { sheetId: 2, row: 1, column: 1 },
        {
          sheetId: 1,
          row: 1,
          column: 1,
          numRows: 50_001,
          numColumns: 2,
        },
      );
      pivot.addRowGroup(1);
      pivot.addPivotValue(2, fn("SUM"));
      expect(usedCells(report).at(-1)).toEqual(["Grand Total", 5000 * 45]);
    });
  });

  describe("call accounting", () => {
    function inExecution<T>(
      kernel: ReturnType<typeof pivotContext>["kernel"],
      authMode: "NONE" | "FULL",
      body: () => T,
    ) {
      return kernel.withExecution(
        {
          functionName: "buildReport",
          kind: "editor",
          authMode,
          activeUser: "owner@example.com",
          effectiveUser: "owner@example.com",
          activeSpreadsheetId: "ss-1",
          userLocale: "en",
          realm: { Date, Error },
        },
        body,
      );
    }

    it("counts pivot methods under the Spreadsheet service by Class.method", () => {
      const { kernel, pivot } = setup();
      inExecution(kernel, "FULL", () => {
        pivot.addRowGroup(OWNER).showTotals(false);
      });
      const counts = kernel.snapshot();
      expect(counts.byMethod["PivotTable.addRowGroup"]).toBe(1);
      expect(counts.byMethod["PivotGroup.showTotals"]).toBe(1);
      expect(counts.byService.Spreadsheet).toBe(2);
    });

    it("needs one of the spreadsheet scopes and is refused in AuthMode.NONE", () => {
      const { kernel, pivot } = setup();
      kernel.scopes = new Set([SCOPES.containerUi]);
      expect(() => inExecution(kernel, "FULL", () => pivot.addRowGroup(OWNER))).toThrow(
        `Required permissions: ${SCOPES.spreadsheetsCurrentOnly}`,
      );
      kernel.scopes = new Set([SCOPES.spreadsheets]);
      expect(() => inExecution(kernel, "FULL", () => pivot.addRowGroup(OWNER))).not.toThrow();
      expect(() => inExecution(kernel, "NONE", () => pivot.getRowGroups())).toThrow("You do not have permission");
    });
  });
});
