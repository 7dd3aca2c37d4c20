/** The first promise on a team's own sheet: adoption, Sync, sidebar saves and reminder runs never change a value, formula or format the team typed (their IDs with a duplicate, their done marks and formulas, a header pasted again, title rows), and a colleague's edit landing between a read and a write is never lost. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { CustomerSummary, SaveResult, SidebarData } from "../../src/core/sidebar-api";
import { OWN_COLUMNS_HEADER, titledTeamSheet } from "../fixtures/team-tables";
import { adoptTeamSheet, form } from "../helpers/follow-up-table";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { sheetModel, snapshotCells } from "../helpers/workbook";

const HOUR = 3_600_000;
/** Friday 2026-11-27, 07:30 in Shanghai. */
const SEVEN_THIRTY = Date.UTC(2026, 10, 26, 23, 30);

/** A team's sheet as it keeps it: a title, their own IDs (one twice), their own done column with words and a formula. */
const TEAM_SHEET = titledTeamSheet([
  [
    "C-1001",
    "苏州某机械有限公司",
    "何一",
    "'+86 138 0013 8000",
    "2026/11/3",
    "电话",
    "了解需求",
    "需求确认",
    "发送方案",
    "2026/11/7",
    "li.lei",
    "否",
  ],
  [
    "C-1001",
    "苏州某机械",
    "何一",
    "'+86 138 0013 8000",
    "2026/11/6",
    "邮件",
    "方案已发",
    "已报价",
    "回访报价",
    "2026/11/11",
    "li.lei",
    "No",
  ],
  OWN_COLUMNS_HEADER,
  [
    "C-1002",
    "'=SUM(1,2)",
    "吕二",
    "",
    "2026/11/5",
    "面访",
    "@全体 注意",
    "谈判中",
    "发合同",
    "2026/11/12",
    "li.lei",
    '=IF(1>0,"是","否")',
  ],
  [
    "C-1003",
    "无锡某纺织",
    "施三",
    "0510-8888 6666",
    "2026/11/1",
    "微信",
    "初次沟通",
    "待回访",
    "回访",
    "2026/11/4",
    "李四",
    "是",
  ],
  ["C-1004", "常州某电子", "张四", "", "2026/11/20", "电话", "演示", "方案沟通", "确认需求", "2026/11/30", "李四", ""],
]);
const TEAM_WIDTH = 12;
const TEAM_ROWS = TEAM_SHEET.length;

/** The team's sheet typed into the first sheet with the team's own formats (`typed` sees it then), adopted (YES), and the Team sheet given emails. */
function adoptedTeamSheet(
  now = SEVEN_THIRTY,
  typed: (runtime: AppsScriptRuntime) => void = () => {},
): AppsScriptRuntime {
  const runtime = runtimeOnDist({ user: ZH_REP, now });
  adoptTeamSheet(runtime, TEAM_SHEET, 3, {
    arrange: (sheet) => {
      // Formats the team set themselves, which must survive too.
      sheet.getRange("E4:E9").setNumberFormat("yyyy/m/d");
      sheet.getRange("L4:L9").setBackground("#d9ead3");
      typed(runtime);
    },
  });
  return runtime;
}

/** Every team cell's value, formula and format (validation apart), rows 1..TEAM_ROWS, columns A..L. */
function teamCells(runtime: AppsScriptRuntime) {
  return snapshotCells(sheetModel(runtime, "工作表1"), TEAM_ROWS, TEAM_WIDTH);
}

function menu(runtime: AppsScriptRuntime, caption: string): string {
  runtime.ui.answerNext("OK");
  runtime.clickMenu(caption);
  return runtime.ui.exchanges.at(-1)?.prompt ?? "";
}

/** The header of the adopted sheet (row 3), to find the add-on's own columns. */
function headerOf(runtime: AppsScriptRuntime): string[] {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
  return (sheet?.getRange(3, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
}

function cell(runtime: AppsScriptRuntime, row: number, header: string): unknown {
  const column = headerOf(runtime).indexOf(header) + 1;
  return runtime.inspect().getActiveSpreadsheet().getSheets()[0]?.getRange(row, column).getValue();
}

describe("a team's own sheet", () => {
  it("keeps every cell the team typed through adoption, Sync, a sidebar save, another Sync and a day of reminders", () => {
    let before: ReturnType<typeof teamCells> = [];
    const runtime = adoptedTeamSheet(SEVEN_THIRTY, (typed) => {
      before = teamCells(typed);
    });
    menu(runtime, "同步与修复");
    const saved = runtime.run("saveFollowUp", [
      {
        form: form({
          customer: "苏州某机械",
          date: "2026-11-27",
          stage: "谈判中",
          nextDate: "2026-12-01",
          owner: "li.lei",
        }),
        confirmed: ["collision:苏州某机械:li.lei", "duplicate:苏州某机械:name"],
        requestId: "team-sheet-save-1",
      },
    ]) as SaveResult;
    expect(saved).toMatchObject({ ok: true, row: 10 });
    menu(runtime, "同步与修复");
    menu(runtime, "提醒开关");
    runtime.advanceBy(26 * HOUR);
    expect(runtime.outbox.messages.length).toBeGreaterThan(0);
    expect(teamCells(runtime)).toEqual(before);
    // The formula in their done column is still a formula, their duplicate ID still theirs.
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
    expect(sheet?.getRange("L7").getFormula()).toBe('=IF(1>0,"是","否")');
    expect(sheet?.getRange("A4:A5").getValues()).toEqual([["C-1001"], ["C-1001"]]);
  });

  it("keeps the add-on's data in its own columns: its ids, its stamps, its superseded mark", () => {
    const runtime = adoptedTeamSheet();
    menu(runtime, "同步与修复");
    expect(headerOf(runtime).slice(TEAM_WIDTH)).toEqual(["记录编号", "客户需求", "录入时间", "已有新跟进"]);
    expect([4, 5, 7, 8, 9].map((row) => cell(runtime, row, "记录编号"))).toEqual([
      "FU-000001",
      "FU-000002",
      "FU-000003",
      "FU-000004",
      "FU-000005",
    ]);
    // The older 苏州某机械 row is superseded by the newer one; its "否" stays as the team typed it.
    expect(cell(runtime, 4, "已有新跟进")).toBe(true);
    expect(cell(runtime, 4, "完成")).toBe("否");
    expect(cell(runtime, 5, "已有新跟进")).toBe("");
  });

  it("leaves the team's done and date columns without the add-on's checkbox or date rules, and adds only dropdowns below the typed rows", () => {
    const runtime = adoptedTeamSheet();
    menu(runtime, "同步与修复");
    const model = sheetModel(runtime, "工作表1");
    const validationAt = (row: number, column: number) => model.rows[row - 1]?.[column - 1]?.validation;
    expect(validationAt(4, 12)).toBeUndefined(); // 完成
    expect(validationAt(4, 5)).toBeUndefined(); // 跟进时间
    expect(validationAt(4, 10)).toBeUndefined(); // 下次跟进日期
    // The stage the team typed keeps no dropdown (no warning marks on its history); the rows below get one.
    expect(validationAt(4, 8)).toBeUndefined();
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
    const below = sheet?.getRange(TEAM_ROWS + 1, 8).getDataValidation();
    expect(String(below?.getCriteriaType())).toBe("VALUE_IN_RANGE");
  });

  it("treats a header row pasted inside the data as no follow-up: no id, no stamp, no stage in Settings", () => {
    const runtime = adoptedTeamSheet();
    const message = menu(runtime, "同步与修复");
    expect(cell(runtime, 6, "记录编号")).toBe("");
    expect(cell(runtime, 6, "录入时间")).toBe("");
    const stages = runtime
      .inspect()
      .getActiveSpreadsheet()
      .getSheetByName("设置")
      ?.getRange("A2:A30")
      .getValues()
      .map((r) => r[0]);
    expect(stages).not.toContain("当前状态");
    expect(message).toContain("第 6 行「客户名称」：这一行是重复的表头，不作为跟进记录，可以删除");
  });

  it("still finds the header and the first follow-up after the title row above it is deleted, or another inserted", () => {
    const runtime = adoptedTeamSheet();
    menu(runtime, "同步与修复");
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
    sheet?.deleteRow(1);
    const names = ["=SUM(1,2)", "常州某电子", "无锡某纺织", "苏州某机械"];
    const customers = () => {
      expect((runtime.run("sidebarData") as SidebarData).language).toBe("zh");
      return names
        .flatMap((name) => (runtime.run("findCustomers", [name]) as CustomerSummary[]).map((c) => c.name))
        .sort();
    };
    expect(customers()).toEqual(["=SUM(1,2)", "常州某电子", "无锡某纺织", "苏州某机械"].sort());
    sheet?.insertRowsBefore(1, 2);
    expect(customers()).toEqual(["=SUM(1,2)", "常州某电子", "无锡某纺织", "苏州某机械"].sort());
    expect(menu(runtime, "同步与修复")).toContain("同步完成");
  });
});

describe("a colleague's edit between a read and a write", () => {
  /**
   * The adopted sheet with a newer 苏州某机械 follow-up typed by hand in row 10, so the next Sync has work: an id and a
   * stamp for row 10, the superseded mark for row 5. `edit` runs just before Sync's fourth Range.getValues — after it
   * read Settings, Team and the table, as it checks the cells it is about to write (the add-on paused inside that call).
   */
  function syncWithEdit(edit: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void, moreRows: unknown[][] = []) {
    const runtime = adoptedTeamSheet();
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
    if (!sheet) throw new Error("no sheet");
    const typed = [
      [
        "",
        "苏州某机械",
        "何一",
        "",
        "2026/11/20",
        "电话",
        "又谈了一次",
        "谈判中",
        "发合同",
        "2026/11/28",
        "li.lei",
        "",
      ],
      ...moreRows,
    ];
    sheet.getRange(10, 1, typed.length, TEAM_WIDTH).setValues(typed);
    runtime.kernel.interleave({ match: "Range.getValues", nth: 4, times: 1 }, () => edit(sheet));
    return { runtime, sheet, message: menu(runtime, "同步与修复") };
  }

  it("is kept when it lands in a team cell between the rows Sync writes", () => {
    const { runtime, sheet, message } = syncWithEdit((s) => s.getRange("L8").setValue("否"));
    expect(message).toContain("同步完成：新分配编号 1 条，补填录入时间 1 条，标记“已有新跟进” 1 条");
    expect(sheet.getRange("L8").getValue()).toBe("否");
    expect(cell(runtime, 5, "已有新跟进")).toBe(true);
    expect(cell(runtime, 10, "记录编号")).toBe("FU-000006");
  });

  it("is kept even in the add-on's own column: Sync writes the cells it changes, never a block over the rows between", () => {
    let supersededColumn = 0;
    const { runtime, sheet } = syncWithEdit(
      (s) => {
        // A second customer with a newer row too, so Sync marks rows 5 and 8 in one column, row 7 between them untouched.
        supersededColumn = s.getRange(3, 1, 1, s.getLastColumn()).getValues()[0].indexOf("已有新跟进") + 1;
        s.getRange(7, supersededColumn).setValue("手动备注");
      },
      [["", "无锡某纺织", "施三", "", "2026/11/21", "电话", "再次沟通", "需求确认", "报价", "2026/11/29", "李四", ""]],
    );
    expect([5, 8].map((row) => cell(runtime, row, "已有新跟进"))).toEqual([true, true]);
    expect(sheet.getRange(7, supersededColumn).getValue()).toBe("手动备注");
  });

  it("makes Sync write nothing and say so when it lands in a cell Sync was about to write; the next Sync keeps it", () => {
    let idColumn = 0;
    const { runtime, message } = syncWithEdit((s) => {
      idColumn = s.getRange(3, 1, 1, s.getLastColumn()).getValues()[0].indexOf("记录编号") + 1;
      s.getRange(10, idColumn).setValue("K-2001");
    });
    expect(message).toBe("刚才有人同时修改了跟进表，为避免覆盖别人的改动，这次没有写入任何内容。请再试一次。");
    expect(cell(runtime, 5, "已有新跟进")).toBe("");
    expect(cell(runtime, 10, "录入时间")).toBe("");
    expect(menu(runtime, "同步与修复")).toContain("标记“已有新跟进” 1 条");
    expect(cell(runtime, 10, "记录编号")).toBe("K-2001");
  });

  it("makes Sync write nothing when a row is inserted above the rows it read", () => {
    const { runtime, message } = syncWithEdit((s) => s.insertRowsBefore(4, 1));
    expect(message).toContain("这次没有写入任何内容");
    expect(cell(runtime, 6, "客户名称")).toBe("苏州某机械");
    expect(cell(runtime, 6, "已有新跟进")).toBe("");
    expect(cell(runtime, 11, "记录编号")).toBe("");
  });

  it("makes a save write nothing when someone typed in the row it was about to fill, and keeps their row", () => {
    const runtime = adoptedTeamSheet();
    menu(runtime, "同步与修复");
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
    // The 5th read is the save's look at the row it is about to fill (after the customer index and its rows).
    runtime.kernel.interleave({ match: "Range.getValues", nth: 5, times: 1 }, () =>
      sheet?.getRange("B10").setValue("手填的客户"),
    );
    const result = runtime.run("saveFollowUp", [
      { form: form(), confirmed: [], requestId: "typed-over-1" },
    ]) as SaveResult;
    expect(result).toEqual({
      ok: false,
      errors: { form: "第 10 行刚刚有人填写了内容，为避免覆盖，这次没有保存。请再点一次保存。" },
      warnings: [],
    });
    expect(sheet?.getRange("B10:C10").getValues()).toEqual([["手填的客户", ""]]);
  });
});
