/** Archive closed customers on the built bundle: exactly the customers won or lost more than the Settings months ago move, cell by cell, into yearly archive spreadsheets; the team's remaining cells, the review's counts and the customer index stay right; a run that stops midway loses nothing; only admins may; calls do not grow with rows. */

import { callsBetween } from "../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { CustomerSummary } from "../../src/core/sidebar-api";
import { followUpTable, form, submit } from "../helpers/follow-up-table";
import { EN_REP, ZH_REP } from "../helpers/runtime";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TIMED_OUT = "Service Spreadsheets timed out while accessing document with id X.";

/** A follow-up row (12 team columns): customer, follow-up date, stage, next date, owner. */
function row(customer: string, date: string, stage: string, nextDate: string, owner = "li.lei"): unknown[] {
  return ["", customer, "张三", "13800138000", date, "电话", "要报价", "介绍产品", stage, "回访", nextDate, owner];
}

/**
 * Today is 2026-11-27: 乙公司 was lost in 2024 and 甲公司 won in 2025 (both more than 12 months ago: archived); 丙公司
 * was won last month and 丁公司 is open (both stay); 戊公司 was lost in 2025 but its next-date cell needs fixing (held
 * back). Rows of one customer lie apart, so a customer's rows are several runs.
 */
const ROWS = [
  row("乙公司", "2024/5/1", "谈判中", "2024/5/20"),
  row("甲公司", "2025/3/1", "新线索", "2025/3/10", "李四"),
  row("丁公司", "2025/2/1", "待回访", "2026/12/1", "李四"),
  row("乙公司", "2024/6/1", "已流失", ""),
  row("甲公司", "2025/4/10", "已成交", "", "李四"),
  row("丙公司", "2026/10/1", "已成交", ""),
  row("戊公司", "2025/1/5", "已流失", "下周三"),
];

function followUps(runtime: AppsScriptRuntime, name = "跟进记录"): Sheet {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no ${name} sheet`);
  return sheet;
}

/** The table of `rows`, opened by the admin; for ROWS, with the team's own touches: formulas in the notes column (O), a date format, a note. */
function table(rows: unknown[][] = ROWS, language: "zh" | "en" = "zh"): AppsScriptRuntime {
  const runtime = followUpTable(rows, { language });
  runtime.user = ZH_REP;
  if (rows[0] === ROWS[0]) {
    const sheet = followUps(runtime);
    sheet.getRange("O6").setFormula('=B6&" 成交"'); // reads its own row: stays a formula in the archive
    sheet.getRange("O3").setFormula("=ROW()"); // depends on where it stands: its value is archived
    sheet.getRange("O5").setFormula("=B4"); // reads another row: its value is archived
    sheet.getRange("O7").setFormula('=B7&"!"'); // a remaining row's formula
    sheet.getRange("E2:E8").setNumberFormat("yyyy/m/d");
    sheet.getRange("B6").setNote("大客户");
  }
  return runtime;
}

/** Runs the menu item, answering the question `answer`, and returns every message shown. */
function archive(runtime: AppsScriptRuntime, answer: "YES" | "NO" = "YES", caption = "归档已结束客户"): string[] {
  const shown = runtime.ui.exchanges.length;
  runtime.ui.answerNext(answer);
  runtime.ui.answerNext("OK");
  runtime.clickMenu(caption);
  return runtime.ui.exchanges.slice(shown).map((e) => e.prompt ?? "");
}

/** The archive spreadsheet named `name`, opened. */
function archiveNamed(runtime: AppsScriptRuntime, name: string): Spreadsheet {
  const model = runtime.spreadsheets.all().find((m) => m.name === name);
  if (!model) throw new Error(`no spreadsheet "${name}"`);
  return runtime.inspect().openById(model.id);
}

/** A row as a person sees it: values, formulas (relative, R1C1), number formats, notes. */
function look(sheet: Sheet, at: number, width: number) {
  const range = sheet.getRange(at, 1, 1, width);
  return {
    values: range.getValues()[0],
    formulas: range.getFormulasR1C1()[0],
    formats: range.getNumberFormats()[0],
    notes: range.getNotes()[0],
  };
}

/** Each row of the table by its id (column A), as `look` sees it. */
function rowsById(runtime: AppsScriptRuntime): Map<string, ReturnType<typeof look>> {
  const sheet = followUps(runtime);
  const width = sheet.getLastColumn();
  const rows = new Map<string, ReturnType<typeof look>>();
  for (let at = 2; at <= sheet.getLastRow(); at++) {
    const seen = look(sheet, at, width);
    rows.set(String(seen.values[0]), seen);
  }
  return rows;
}

/** The customers of the table, in sheet order. */
function customers(runtime: AppsScriptRuntime): string[] {
  const sheet = followUps(runtime);
  return sheet
    .getRange(2, 2, Math.max(sheet.getLastRow() - 1, 1), 1)
    .getValues()
    .map(([name]) => String(name))
    .filter((name) => name !== "");
}

/** The funnel and by-method pivots and the KPI block of a freshly built review, as values. */
function review(runtime: AppsScriptRuntime): unknown[][] {
  runtime.ui.answerNext("OK");
  runtime.clickMenu("生成周报");
  const sheet = followUps(runtime, "周报");
  const pivots = sheet.getPivotTables().map((pivot) => {
    const anchor = pivot.getAnchorCell();
    return sheet.getRange(anchor.getRow(), anchor.getColumn(), 14, 8).getDisplayValues();
  });
  return [...sheet.getRange(1, 1, 12, 4).getDisplayValues(), ...pivots.flat()];
}

describe("Archive closed customers", () => {
  it("moves exactly the customers closed more than 12 months ago, every cell, into an archive per year", () => {
    const runtime = table();
    const before = rowsById(runtime);
    const width = followUps(runtime).getLastColumn();
    const messages = archive(runtime);
    expect(messages[0]).toContain("要把 2 个成交或流失超过 12 个月的客户（共 4 行）从「跟进记录」移到按年份的归档表");
    expect(messages[0]).toContain("「销售跟进表 · 归档 2024」：1 个客户，2 行");
    expect(messages[0]).toContain("「销售跟进表 · 归档 2025」：1 个客户，2 行");
    expect(messages[0]).toContain("另有 1 个已结束的客户这次不归档");
    expect(messages[1]).toContain("已归档 2 个客户（4 行）");
    expect(customers(runtime)).toEqual(["丁公司", "丙公司", "戊公司"]);

    const archived = (year: number) => archiveNamed(runtime, `销售跟进表 · 归档 ${year}`);
    for (const [year, ids] of [
      [2024, ["FU-000001", "FU-000004"]],
      [2025, ["FU-000002", "FU-000005"]],
    ] as const) {
      const spreadsheet = archived(year);
      expect(spreadsheet.getSpreadsheetTimeZone()).toBe("Asia/Shanghai");
      const sheet = spreadsheet.getSheets()[0] as Sheet;
      expect([sheet.getName(), sheet.getFrozenRows(), sheet.getLastRow()]).toEqual(["跟进记录", 1, 3]);
      expect(sheet.getRange(1, 1, 1, width).getValues()).toEqual(
        followUps(runtime).getRange(1, 1, 1, width).getValues(),
      );
      ids.forEach((id, i) => {
        const moved = look(sheet, 2 + i, width);
        const was = before.get(id);
        expect(moved.values).toEqual(was?.values);
        expect(moved.formats).toEqual(was?.formats);
      });
    }
    // A formula reading only its own row is a formula there too; any other keeps its value, its formula in the note.
    const sheet2025 = archived(2025).getSheets()[0] as Sheet;
    expect(sheet2025.getRange("O3").getFormula()).toBe('=B3&" 成交"');
    expect(sheet2025.getRange("O2").getFormula()).toBe("");
    expect([sheet2025.getRange("O2").getValue(), sheet2025.getRange("O2").getNote()]).toEqual([3, "=ROW()"]);
    expect(sheet2025.getRange("B3").getNote()).toBe("大客户");
    const sheet2024 = archived(2024).getSheets()[0] as Sheet;
    expect([sheet2024.getRange("O3").getValue(), sheet2024.getRange("O3").getNote()]).toEqual(["丁公司", "=B4"]);

    // The rows that stay are as the team left them: values, formulas (relative), formats, notes.
    const after = rowsById(runtime);
    expect([...after.keys()]).toEqual(["FU-000003", "FU-000006", "FU-000007"]);
    for (const [id, seen] of after) expect(seen).toEqual(before.get(id));

    // The Archives sheet links to both.
    const list = followUps(runtime, "归档").getDataRange().getValues();
    expect(list.map((line) => line.slice(0, 4))).toEqual([
      ["年份", "归档表", "客户数", "行数"],
      [2024, `https://docs.google.com/spreadsheets/d/${archived(2024).getId()}/edit`, 1, 2],
      [2025, `https://docs.google.com/spreadsheets/d/${archived(2025).getId()}/edit`, 1, 2],
    ]);
  });

  it("moves nothing more on a second run, and says why 戊公司 stays", () => {
    const runtime = table();
    archive(runtime);
    const shown = runtime.ui.exchanges.length;
    runtime.ui.answerNext("OK");
    runtime.clickMenu("归档已结束客户");
    const [message] = runtime.ui.exchanges.slice(shown).map((e) => e.prompt);
    expect(message).toContain("没有要归档的客户：成交或流失超过 12 个月");
    expect(message).toContain("另有 1 个已结束的客户这次不归档");
    expect(customers(runtime)).toEqual(["丁公司", "丙公司", "戊公司"]);
    expect(archiveNamed(runtime, "销售跟进表 · 归档 2025").getSheets()[0]?.getLastRow()).toBe(3);
  });

  it("follows the Settings months: at 6 months a customer won 8 months ago moves too", () => {
    const runtime = table([...ROWS, row("己公司", "2026/3/20", "已成交", "")]);
    const settings = followUps(runtime, "设置");
    const labels = settings
      .getRange("H:H")
      .getValues()
      .map(([label]) => String(label));
    settings.getRange(labels.indexOf("归档月数（成交/流失多少个月后归档）") + 1, 9).setValue(6);
    archive(runtime);
    expect(customers(runtime)).toEqual(["丁公司", "丙公司", "戊公司"]);
    expect(archiveNamed(runtime, "销售跟进表 · 归档 2026").getSheets()[0]?.getRange("B2").getValue()).toBe("己公司");
  });

  it("moves at most 100 runs of rows a run, says how many wait, and moves the rest on the next run", () => {
    const rows = Array.from({ length: 105 }, (_, i) => [
      row(`老客户${i}`, "2024/3/1", "已成交", ""),
      row(`新客户${i}`, "2026/11/20", "已报价", "2026/12/1"),
    ]).flat();
    const runtime = table(rows);
    const first = archive(runtime);
    expect(first[0]).toContain("要把 100 个成交或流失超过 12 个月的客户（共 100 行）");
    expect(first[0]).toContain("还有 5 个客户等待归档");
    expect(first[1]).toContain("还有 5 个客户等待归档");
    expect(customers(runtime)).toHaveLength(110);
    const second = archive(runtime);
    expect(second[1]).toContain("已归档 5 个客户（5 行）");
    expect(second[1]).not.toContain("等待归档");
    expect(customers(runtime).every((name) => name.startsWith("新客户"))).toBe(true);
    expect(archiveNamed(runtime, "销售跟进表 · 归档 2024").getSheets()[0]?.getLastRow()).toBe(106);
  });

  it("keeps the weekly review's counts: the funnel, conversion by method and the KPI block are the same", () => {
    const runtime = table();
    const before = review(runtime);
    archive(runtime);
    expect(review(runtime)).toEqual(before);
  });

  it("rebuilds the customer index: archived customers are gone, a remaining one saves to its own rows", () => {
    const runtime = table();
    archive(runtime);
    const found = (typed: string) => (runtime.run("findCustomers", [typed]) as CustomerSummary[]).map((c) => c.name);
    expect(found("甲公司")).toEqual([]);
    expect(found("丁公司")).toEqual(["丁公司"]);
    const saved = submit(runtime, form({ customer: "丁公司", owner: "李四", stage: "需求确认" }), [
      "collision:丁公司:李四",
    ]);
    expect(saved).toMatchObject({ ok: true, supersededRows: [2] });
  });

  it.each([
    ["after the archive is written, before it is read back", { match: "SpreadsheetApp.flush", nth: 1 }],
    ["after the archive is checked, at the first deletion", { match: "Sheet.deleteRows", nth: 2 }],
  ])("loses nothing when the run stops %s, and the next run finishes", (_when, fault) => {
    // One year only (甲公司's), so the archive's own set-up is the first deletion.
    const runtime = table([ROWS[1], ROWS[2], ROWS[4], ROWS[5]] as unknown[][]);
    const review0 = review(runtime);
    const stop = runtime.kernel.injectFault({ ...fault, message: TIMED_OUT });
    runtime.ui.answerNext("YES");
    expect(() => runtime.clickMenu("归档已结束客户")).toThrow(TIMED_OUT);
    stop();
    // Every row is still in the table; the archive holds 甲公司's rows too, and the review counts them once.
    expect(customers(runtime)).toEqual(["甲公司", "丁公司", "甲公司", "丙公司"]);
    const sheet = archiveNamed(runtime, "销售跟进表 · 归档 2025").getSheets()[0] as Sheet;
    expect(sheet.getRange(2, 2, 2, 1).getValues()).toEqual([["甲公司"], ["甲公司"]]);
    expect(review(runtime)).toEqual(review0);
    archive(runtime);
    expect(customers(runtime)).toEqual(["丁公司", "丙公司"]);
    expect(sheet.getLastRow()).toBe(3);
    expect(review(runtime)).toEqual(review0);
  });

  it("is for admins only: a rep is told so and nothing moves", () => {
    const runtime = table();
    runtime.user = EN_REP;
    const shown = runtime.ui.exchanges.length;
    runtime.ui.answerNext("OK");
    runtime.clickMenu("归档已结束客户");
    expect(runtime.ui.exchanges.slice(shown).map((e) => e.prompt)).toEqual([
      "只有管理员（团队表中角色为 admin）可以归档客户。",
    ]);
    expect(customers(runtime)).toHaveLength(7);
    expect(runtime.spreadsheets.all()).toHaveLength(1);
  });

  it("moves nothing when the admin answers No", () => {
    const runtime = table();
    archive(runtime, "NO");
    expect(customers(runtime)).toHaveLength(7);
    expect(runtime.spreadsheets.all()).toHaveLength(1);
  });

  it("speaks English in an English table", () => {
    const english = [
      [
        "",
        "Acme Ltd",
        "Jo",
        "",
        "2025/3/1",
        "Phone",
        "quote",
        "call",
        "Negotiating",
        "call back",
        "2025/3/9",
        "li.lei",
      ],
      ["", "Acme Ltd", "Jo", "", "2025/4/1", "Phone", "quote", "call", "Won", "", "", "li.lei"],
      ["", "Brill Inc", "Al", "", "2026/11/1", "Phone", "quote", "call", "Quoted", "call", "2026/12/1", "li.lei"],
    ];
    const runtime = table(english, "en");
    const messages = archive(runtime, "YES", "Archive closed customers");
    expect(messages[0]).toContain(
      "Move 1 customers won or lost more than 12 months ago (2 rows) from “Follow-ups” to yearly archives:",
    );
    expect(messages[0]).toContain("“销售跟进表 · Archive 2025”: 1 customers, 2 rows");
    expect(messages[1]).toContain("Archived 1 customers (2 rows)");
    expect(followUps(runtime, "Archives").getRange("A1:E1").getValues()).toEqual([
      ["Year", "Archive", "Customers", "Rows", "Last archived at"],
    ]);
  });

  it("makes the same number of calls at 200 and at 2,000 rows that stay", () => {
    const calls = (extra: number) => {
      const filler = Array.from({ length: extra }, (_, i) => row(`客户${i}`, "2026/11/20", "已报价", "2026/12/1"));
      const runtime = followUpTable([...ROWS, ...filler]);
      runtime.user = ZH_REP;
      const before = runtime.kernel.snapshot();
      archive(runtime);
      expect(customers(runtime)).toHaveLength(3 + extra);
      return callsBetween(before, runtime.kernel.snapshot(), "Spreadsheet");
    };
    expect(calls(2_000)).toBe(calls(200));
  });
});
