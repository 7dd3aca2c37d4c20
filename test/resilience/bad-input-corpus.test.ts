/** The bad-input corpus on the built bundle: every hostile or malformed input is stored literally, refused naming its field, or reported as unreadable — nothing lost, nothing executed. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { COLUMNS, type ColumnKey } from "../../src/core/columns";
import { HEADER_CASES, type HeaderCase, SHEET_CASES, type SheetCase, SIDEBAR_CASES } from "../fixtures/bad-inputs";
import { followUpTable, form, submit, typedRow } from "../helpers/follow-up-table";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { sheetModel, snapshotCells, typeTable } from "../helpers/workbook";

const WIDTH = COLUMNS.length;
/** Sheet column of each Follow-ups column in a table the add-on set up (default order). */
const column = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;

function followUps(runtime: AppsScriptRuntime): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
  if (!sheet) throw new Error("no Follow-ups sheet");
  return sheet;
}

function sync(runtime: AppsScriptRuntime): string {
  runtime.ui.answerNext("OK");
  runtime.clickMenu("同步与修复");
  return runtime.ui.exchanges.at(-1)?.prompt ?? "";
}

test("the corpus holds at least 100 cases", () => {
  expect(SIDEBAR_CASES.length + SHEET_CASES.length + HEADER_CASES.length).toBeGreaterThanOrEqual(100);
});

describe("sidebar fields", () => {
  it.each(SIDEBAR_CASES.map((c) => [`${c.field}: ${c.name}`, c] as const))("%s", (_name, c) => {
    const runtime = followUpTable();
    const result = submit(runtime, form({ [c.field]: c.typed }));
    if ("rejected" in c.outcome) {
      expect(result.ok ? {} : result.errors).toEqual({ [c.field]: c.outcome.rejected });
      expect(followUps(runtime).getLastRow()).toBe(1);
      return;
    }
    expect(result).toMatchObject({ ok: true, row: 2 });
    const row = followUps(runtime).getRange(2, 1, 1, WIDTH);
    expect(row.getFormulas()[0]).toEqual(Array(WIDTH).fill(""));
    expect(row.getValues()[0]?.[column(c.field) - 1]).toEqual(c.outcome.stored);
  });
});

/** A row typed by hand: the twelve typed columns, the rest of the table's columns empty. */
const typed = (customer: string) => [...typedRow(customer, "li.lei"), ...Array(WIDTH - 12).fill("")];

/** The row a case types by hand (sheet row 3), every column of the table, with its one odd cell. */
function handTypedRow(c: SheetCase): unknown[] {
  const cells: unknown[] = typed("手填客户");
  cells[column(c.column) - 1] = c.typed;
  return cells;
}

/** Values and formulas of sheet row 3, minus the add-on's own cells Sync fills (id, logged-at, superseded); the done cell is the team's and must stay. */
function typedCells(runtime: AppsScriptRuntime, c: SheetCase): unknown[] {
  const range = followUps(runtime).getRange(3, 1, 1, WIDTH);
  const formulas = range.getFormulas()[0] ?? [];
  const filled: ColumnKey[] = ["id", "loggedAt", "superseded"];
  return (range.getValues()[0] ?? []).map((value, i) => {
    const key = COLUMNS[i]?.key;
    if (key && filled.includes(key) && key !== c.column) return "(filled by sync)";
    return { value: value instanceof Object ? String(value) : value, formula: formulas[i] };
  });
}

function sheetCase(c: SheetCase): void {
  const runtime = followUpTable();
  followUps(runtime)
    .getRange(2, 1, 3, WIDTH)
    .setValues([typed("甲公司"), handTypedRow(c), typed("乙公司")]);
  const before = typedCells(runtime, c);
  const message = sync(runtime);
  expect(typedCells(runtime, c)).toEqual(before);
  const rowThree = message.split("\n").filter((l) => l.startsWith("第 3 行"));
  expect(rowThree).toEqual("reported" in c.outcome ? [c.outcome.reported] : []);
}

describe("cells typed into the sheet, then Sync & repair", () => {
  it.each(SHEET_CASES.map((c) => [`${c.column}: ${c.name}`, c] as const))("%s", (_name, c) => sheetCase(c));
});

describe("adopting tables with odd headers", () => {
  function adopt(c: HeaderCase) {
    const runtime = runtimeOnDist({ user: ZH_REP });
    typeTable(runtime, c.table);
    const width = Math.max(...c.table.map((r) => r.length));
    const before = snapshotCells(sheetModel(runtime, "工作表1"), c.table.length, width);
    runtime.open("LIMITED");
    if ("adopted" in c.outcome) runtime.ui.answerNext("YES");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("设置/接管跟进表");
    const after = snapshotCells(sheetModel(runtime, "工作表1"), c.table.length, width);
    const question = runtime.ui.exchanges.find((e) => e.buttons === "YES_NO")?.prompt ?? null;
    return { runtime, before, after, question };
  }

  it.each(HEADER_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { runtime, before, after, question } = adopt(c);
    expect(after).toEqual(before);
    if ("created" in c.outcome) {
      expect(question).toBeNull();
      expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")).not.toBeNull();
      return;
    }
    const { headerRow, recognised, leftAlone } = c.outcome.adopted;
    expect(question).toContain(`在「工作表1」第 ${headerRow} 行找到表头。`);
    expect(question).toContain(recognised);
    expect(question).toContain(leftAlone);
  });

  it("reports a header pasted again inside the data as unreadable cells on Sync, and changes none of them", () => {
    const pasted = HEADER_CASES.find((c) => c.name === "the header pasted again inside the data");
    if (!pasted) throw new Error("case missing");
    const { runtime } = adopt(pasted);
    expect(sync(runtime)).toContain("第 3 行「跟进时间」：不是日期（跟进时间）");
    expect(
      runtime.inspect().getActiveSpreadsheet().getSheetByName("工作表1")?.getRange(3, 1, 1, 5).getValues(),
    ).toEqual([["客户名称", "联系人", "跟进时间", "当前阶段", "责任人"]]);
  });
});
