/** Integration tests of adopting a team's existing table: every column mapped, their cells and formats untouched, the add-on's columns appended, Settings and Team built from the data. */

import { callsBetween } from "../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { ARTICLE_TABLE, ENGLISH_CRM, TITLED_TABLE } from "../fixtures/team-tables";
import { EN_REP, runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { sheetModel, snapshotCells, typeTable } from "../helpers/workbook";

/** Adopts the active sheet, answering the confirmation with `answer`. */
function adopt(runtime: AppsScriptRuntime, answer: "YES" | "NO", menu = "设置/接管跟进表"): void {
  runtime.open("LIMITED");
  runtime.ui.answerNext(answer);
  runtime.ui.answerNext("OK");
  runtime.clickMenu(menu);
}

function header(runtime: AppsScriptRuntime, row: number): unknown[] {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
  return sheet?.getRange(row, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
}

describe("adopt an existing table", () => {
  describe.each([
    ["the article's Chinese table", ZH_REP, "zh_CN", ARTICLE_TABLE, 1, "设置/接管跟进表"],
    ["an English CRM export with extra columns", EN_REP, "en_US", ENGLISH_CRM, 1, "Set up / adopt table"],
    ["a table under a title, header on row 3", ZH_REP, "zh_CN", TITLED_TABLE, 3, "设置/接管跟进表"],
  ] as const)("%s", (_name, user, locale, table, headerRow, menu) => {
    const arrange = () => {
      const runtime = runtimeOnDist({ user, locale });
      typeTable(
        runtime,
        table.map((r) => [...r]),
        headerRow,
      );
      const name = runtime.inspect().getActiveSpreadsheet().getSheets()[0]?.getName() ?? "";
      const width = Math.max(...table.map((r) => r.length));
      return { runtime, name, width, before: snapshotCells(sheetModel(runtime, name), table.length, width) };
    };

    it("leaves every pre-existing cell's value and format identical", () => {
      const { runtime, name, width, before } = arrange();
      adopt(runtime, "YES", menu);
      expect(snapshotCells(sheetModel(runtime, name), table.length, width)).toEqual(before);
    });

    it("shows the mapping before writing, and maps every column the add-on knows", () => {
      const { runtime } = arrange();
      adopt(runtime, "YES", menu);
      const confirmation = runtime.ui.exchanges.find((e) => e.buttons === "YES_NO")?.prompt ?? "";
      for (const cell of table[headerRow - 1] ?? []) expect(confirmation).toContain(String(cell));
    });

    it("appends only the missing columns, after the team's, and numbers every row", () => {
      const { runtime, width } = arrange();
      adopt(runtime, "YES", menu);
      const after = header(runtime, headerRow);
      expect(after.slice(0, width)).toEqual(table[headerRow - 1]);
      const appended = after.slice(width);
      expect(appended.length).toBeGreaterThan(0);
      const idColumn = after.indexOf(locale === "zh_CN" ? "记录编号" : "ID") + 1;
      const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
      const dataRows = table.length - headerRow;
      const ids = sheet
        ?.getRange(headerRow + 1, idColumn, dataRows, 1)
        .getValues()
        .map((r) => r[0]);
      expect(ids).toEqual(Array.from({ length: dataRows }, (_, i) => `FU-${String(i + 1).padStart(6, "0")}`));
    });

    it("changes nothing when the user says no", () => {
      const { runtime, name, width, before } = arrange();
      adopt(runtime, "NO", menu);
      expect(runtime.inspect().getActiveSpreadsheet().getSheets()).toHaveLength(1);
      expect(snapshotCells(sheetModel(runtime, name), table.length + 1, width + 5)).toEqual([
        ...before.map((r) => [...r, null, null, null, null, null]),
        Array(width + 5).fill(null),
      ]);
    });
  });

  it("maps the article's columns and appends what the three-part form and tracking need", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    typeTable(
      runtime,
      ARTICLE_TABLE.map((r) => [...r]),
    );
    adopt(runtime, "YES");
    expect(header(runtime, 1).slice(8)).toEqual([
      "记录编号",
      "客户需求",
      "下次跟进日期",
      "已跟进",
      "录入时间",
      "已有新跟进",
    ]);
  });

  it("recognises an English CRM's own words for each column", () => {
    const runtime = runtimeOnDist({ user: EN_REP, locale: "en_US" });
    typeTable(
      runtime,
      ENGLISH_CRM.map((r) => [...r]),
    );
    adopt(runtime, "YES", "Set up / adopt table");
    const confirmation = runtime.ui.exchanges.find((e) => e.buttons === "YES_NO")?.prompt ?? "";
    expect(confirmation).toContain(
      "Recognised: Account → Customer, Contact Name → Contact, Phone → Phone / email / WeChat, Last Contact → Follow-up date, Channel → Method, Notes of call → What we did / summary, Status → Stage, Next Action → Next step, Due Date → Next follow-up date, Rep → Owner",
    );
    expect(confirmation).toContain("Will be added at the end: ID, Customer need, Next step done, Logged at");
    expect(confirmation).toContain("Left as they are: Region, Deal Size");
  });

  it("adds the table's own stages and methods to Settings and reports them, and its owners to Team", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    typeTable(
      runtime,
      ARTICLE_TABLE.map((r) => [...r]),
    );
    adopt(runtime, "YES");
    const ss = runtime.inspect().getActiveSpreadsheet();
    const stages = ss
      .getSheetByName("设置")
      ?.getRange("A2:A20")
      .getValues()
      .map((r) => r[0])
      .filter(Boolean);
    expect(stages).toContain("跟进中");
    expect(stages?.filter((s) => s === "已报价")).toHaveLength(1);
    expect(runtime.ui.exchanges.at(-1)?.prompt).toContain("跟进中");
    const team = ss
      .getSheetByName("团队")
      ?.getRange("A2:A10")
      .getValues()
      .map((r) => r[0])
      .filter(Boolean);
    expect(team).toEqual(["li.lei", "李四", "王五"]);
  });

  it("keeps the mapping when the team renames a column afterwards", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    const sheet = typeTable(
      runtime,
      ARTICLE_TABLE.map((r) => [...r]),
    );
    adopt(runtime, "YES");
    sheet.getRange("F1").setValue("进展");
    sheet.getRange("F3").setValue("已成交");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("同步与修复");
    const rule = sheet.getConditionalFormatRules()[0]?.getBooleanCondition()?.getCriteriaValues()[0];
    expect(rule).toContain('TRIM($F2&"")');
  });

  it("makes the same number of service calls for 100 and 10,000 rows", () => {
    const calls = (rows: number) => {
      const runtime = runtimeOnDist({ user: ZH_REP });
      const body = Array.from({ length: rows }, (_, i) => {
        const source = ARTICLE_TABLE[1 + (i % 3)] ?? [];
        return [`${source[0]}${i}`, ...source.slice(1)];
      });
      typeTable(runtime, [ARTICLE_TABLE[0] ?? [], ...body]);
      runtime.open("LIMITED");
      runtime.ui.answerNext("YES");
      runtime.ui.answerNext("OK");
      const before = runtime.kernel.snapshot();
      runtime.clickMenu("设置/接管跟进表");
      return callsBetween(before, runtime.kernel.snapshot(), "Spreadsheet");
    };
    expect(calls(100)).toBe(calls(10_000));
  });
});
