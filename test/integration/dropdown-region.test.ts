/** Dropdowns on a team's own list columns (#14 point 3): adoption leaves the rows typed before it as they were and puts dropdowns on the rows below; Sync keeps that region, repairs it, and leaves older tables as they are. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { adoptTeamSheet, form, NAMES, submit } from "../helpers/follow-up-table";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { workbookLook } from "../helpers/workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER = ["客户名称", "跟进时间", "跟进方式", "当前状态", "下一步计划", "下次跟进日期", "责任人", "客户来源"];
/** The team's list columns in HEADER: method, stage, owner, source. */
const LIST_COLUMNS = [3, 4, 7, 8];
const STAGE = 4;

/** `count` rows as the team typed them before adopting the add-on, some values not in the Settings lists. */
function history(count: number): unknown[][] {
  return Array.from({ length: count }, (_, i) => [
    `客户${i}`,
    "2026/11/20",
    i % 2 === 0 ? "电话" : "打电话",
    i % 3 === 0 ? "已报价" : "老客户回访",
    "回访",
    "2026/11/30",
    i % 2 === 0 ? "li.lei" : "老王",
    i % 2 === 0 ? "展会" : "朋友介绍",
  ]);
}

const TYPED = 5;
/** The first row below the typed rows (header on row 1). */
const BELOW = TYPED + 2;

/** The team's table adopted; `arrange` runs on the typed sheet before adoption (e.g. its size). */
function adopted(arrange?: (sheet: Sheet) => void): { runtime: AppsScriptRuntime; sheet: Sheet } {
  const runtime = runtimeOnDist({ user: ZH_REP });
  const sheet = adoptTeamSheet(runtime, [HEADER, ...history(TYPED)], 1, arrange ? { arrange } : {});
  return { runtime, sheet };
}

/** What the rule of a cell is: "ours" (a list from the Settings or Team sheet), its criteria otherwise, or null. */
function ruleAt(sheet: Sheet, row: number, column: number): string | null {
  const rule = sheet.getRange(row, column).getDataValidation();
  if (!rule) return null;
  const criteria = String(rule.getCriteriaType());
  const [source] = rule.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range | undefined];
  if (criteria === "VALUE_IN_RANGE" && ["设置", "团队"].includes(source?.getSheet().getName() ?? ""))
    return `ours:${source?.getSheet().getName()}`;
  return criteria;
}

/** The column of a header the add-on appended. */
function columnOf(sheet: Sheet, header: string): number {
  return (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).indexOf(header) + 1;
}

/** Everything on the team's sheet: values, formats, rules (the add-on's own sheets are Sync's to refresh). */
function teamSheetLook(runtime: AppsScriptRuntime): unknown {
  const { sheets } = workbookLook(runtime) as { sheets: { name: string }[] };
  return sheets.find((sheet) => sheet.name === "工作表1");
}

/** Runs Sync & repair; returns how many times it wrote validation rules. */
function sync(runtime: AppsScriptRuntime): number {
  runtime.ui.answerNext("OK");
  const before = runtime.kernel.snapshot().byMethod;
  runtime.clickMenu(NAMES.zh.sync);
  const after = runtime.kernel.snapshot().byMethod;
  const writes = ["Range.setDataValidation", "Range.setDataValidations", "RangeList.setDataValidation"];
  return writes.reduce((n, method) => n + (after[method] ?? 0) - (before[method] ?? 0), 0);
}

describe("dropdowns on a team's list columns", () => {
  /** The team's table adopted with their own dropdown (a list of their own) on one history cell: stage, row 3. */
  const adoptedWithOwnRule = () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    const rule = runtime.inspect().newDataValidation().requireValueInList(["老客户回访", "已报价"], true).build();
    const sheet = adoptTeamSheet(runtime, [HEADER, ...history(TYPED)], 1, {
      arrange: (typed) => typed.getRange(3, STAGE).setDataValidation(rule),
    });
    return { runtime, sheet };
  };

  it("adoption leaves the rows typed before it without dropdowns, a team's own rule kept, and puts them below", () => {
    const { sheet } = adoptedWithOwnRule();
    for (const column of LIST_COLUMNS) {
      for (let row = 2; row <= TYPED + 1; row++) {
        expect([row, column, ruleAt(sheet, row, column)]).toEqual([
          row,
          column,
          row === 3 && column === STAGE ? "VALUE_IN_LIST" : null,
        ]);
      }
      const source = column === 7 ? "ours:团队" : "ours:设置";
      expect(ruleAt(sheet, BELOW, column)).toBe(source);
      expect(ruleAt(sheet, sheet.getMaxRows(), column)).toBe(source);
    }
    expect(sheet.getRange(3, STAGE).getDataValidation()?.getCriteriaValues()[0]).toEqual(["老客户回访", "已报价"]);
    // The add-on's own superseded column has its checkbox on every data row, history included.
    const superseded = columnOf(sheet, "已有新跟进");
    for (const row of [2, TYPED + 1, BELOW, sheet.getMaxRows()])
      expect(ruleAt(sheet, row, superseded)).toBe("CHECKBOX");
    expect(ruleAt(sheet, 1, superseded)).toBeNull();
  });

  it("a Sync right after adoption writes no rule and changes nothing", () => {
    const { runtime } = adoptedWithOwnRule();
    const before = teamSheetLook(runtime);
    expect(sync(runtime)).toBe(0);
    expect(teamSheetLook(runtime)).toEqual(before);
  });

  it("Sync puts back the dropdowns a person cleared inside the region, and only there", () => {
    const { runtime, sheet } = adoptedWithOwnRule();
    sheet.getRange(BELOW + 3, STAGE, 2, 1).clearDataValidations();
    expect(ruleAt(sheet, BELOW + 3, STAGE)).toBeNull();
    expect(sync(runtime)).toBe(1);
    expect([ruleAt(sheet, BELOW + 3, STAGE), ruleAt(sheet, BELOW + 4, STAGE)]).toEqual(["ours:设置", "ours:设置"]);
    expect([2, 4, 5, 6].map((row) => ruleAt(sheet, row, STAGE))).toEqual([null, null, null, null]);
    expect(ruleAt(sheet, 3, STAGE)).toBe("VALUE_IN_LIST");
    expect(sync(runtime)).toBe(0);
  });

  it("starts the region below the last typed row again when no row carries the dropdown any more", () => {
    const { runtime, sheet } = adopted();
    sheet.getRange(2, STAGE, sheet.getMaxRows() - 1, 1).clearDataValidations();
    expect(sync(runtime)).toBe(1);
    expect([TYPED + 1, BELOW, sheet.getMaxRows()].map((row) => ruleAt(sheet, row, STAGE))).toEqual([
      null,
      "ours:设置",
      "ours:设置",
    ]);
  });

  it("leaves a table whose every row carries the dropdown (as an older version left it) as it is, and repairs it whole", () => {
    const { runtime, sheet } = adopted();
    for (const column of LIST_COLUMNS) {
      const rule = sheet.getRange(BELOW, column).getDataValidation();
      sheet.getRange(2, column, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
    }
    const before = teamSheetLook(runtime);
    expect(sync(runtime)).toBe(0);
    expect(teamSheetLook(runtime)).toEqual(before);
    sheet.getRange(4, STAGE).clearDataValidations();
    expect(sync(runtime)).toBe(1);
    expect(ruleAt(sheet, 4, STAGE)).toBe("ours:设置");
  });

  it("reads a team's own range dropdown on every history row at a cost that does not grow with the rows", () => {
    const syncCalls = (rows: number) => {
      const runtime = runtimeOnDist({ user: ZH_REP });
      const app = runtime.inspect();
      const lists = app.getActiveSpreadsheet().insertSheet("选项", 1);
      lists.getRange("A1:A2").setValues([["老客户回访"], ["已报价"]]);
      app.getActiveSpreadsheet().getSheets()[0]?.activate();
      const rule = app.newDataValidation().requireValueInRange(lists.getRange("A1:A2"), true).build();
      const sheet = adoptTeamSheet(runtime, [HEADER, ...history(rows)], 1, {
        arrange: (typed) => typed.getRange(2, STAGE, rows, 1).setDataValidation(rule),
      });
      // Settings grew: every list column is looked at again, from its region's start.
      app.getActiveSpreadsheet().getSheetByName("设置")?.insertRowsAfter(1000, 10);
      runtime.ui.answerNext("OK");
      const before = runtime.kernel.snapshot().byMethod;
      runtime.clickMenu(NAMES.zh.sync);
      const after = runtime.kernel.snapshot().byMethod;
      expect(ruleAt(sheet, 2, STAGE)).toBe("VALUE_IN_RANGE");
      expect(ruleAt(sheet, rows + 2, STAGE)).toBe("ours:设置");
      return (after["Range.getSheet"] ?? 0) - (before["Range.getSheet"] ?? 0);
    };
    expect(syncCalls(200)).toBe(syncCalls(20));
  });

  it("a new table has its dropdowns from the row below the header", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    runtime.open("LIMITED");
    runtime.ui.answerNext("OK");
    runtime.clickMenu(NAMES.zh.setUp);
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName(NAMES.zh.followUps);
    if (!sheet) throw new Error("no Follow-ups sheet");
    for (const column of [6, 9, 12, 13]) {
      expect(ruleAt(sheet, 1, column)).toBeNull();
      expect(ruleAt(sheet, 2, column)).toMatch(/^ours:/);
      expect(ruleAt(sheet, sheet.getMaxRows(), column)).toMatch(/^ours:/);
    }
  });

  it("gives a sheet its typed rows fill 100 blank rows below, with the dropdowns, for the rows typed next", () => {
    const { runtime, sheet } = adopted((typed) => typed.deleteRows(TYPED + 2, typed.getMaxRows() - TYPED - 1));
    expect(sheet.getMaxRows()).toBe(TYPED + 1 + 100);
    expect(LIST_COLUMNS.map((column) => ruleAt(sheet, TYPED + 1, column))).toEqual([null, null, null, null]);
    const ours = ["ours:设置", "ours:设置", "ours:团队", "ours:设置"];
    expect(LIST_COLUMNS.map((column) => ruleAt(sheet, sheet.getMaxRows(), column))).toEqual(ours);
    const result = submit(runtime, form({ customer: "新客户", owner: "li.lei" }));
    expect(result).toMatchObject({ ok: true });
    expect(sheet.getRange(BELOW, 1).getValue()).toBe("新客户");
    expect(LIST_COLUMNS.map((column) => ruleAt(sheet, BELOW, column))).toEqual(ours);
    expect(ruleAt(sheet, TYPED + 1, STAGE)).toBeNull();
    expect(sync(runtime)).toBe(0);
  });

  it("a sidebar save that grows the sheet gives the new rows dropdowns", () => {
    const { runtime, sheet } = adopted();
    // Rows typed by hand down to the sheet's last row: the next save needs rows the sheet does not have yet.
    const max = sheet.getMaxRows();
    sheet
      .getRange(BELOW, 1, max - BELOW + 1, 1)
      .setValues(Array.from({ length: max - BELOW + 1 }, (_, i) => [`手填${i}`]));
    const result = submit(runtime, form({ customer: "新客户", owner: "li.lei" }));
    expect(result).toMatchObject({ ok: true });
    expect(sheet.getMaxRows()).toBeGreaterThan(max);
    expect(LIST_COLUMNS.map((column) => ruleAt(sheet, max + 1, column))).toEqual([
      "ours:设置",
      "ours:设置",
      "ours:团队",
      "ours:设置",
    ]);
  });
});
