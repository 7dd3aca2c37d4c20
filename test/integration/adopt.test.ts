/** Integration tests of adopting a team's existing table: every column mapped, their cells and formats untouched, the add-on's columns appended, Settings and Team built from the data. */

import { TEAM_TABLE_HEADER, teamTable } from "../../local/bench/workload";
import { type CostModel, callsBetween, DEFAULT_COST_MODEL } from "../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { ARTICLE_TABLE, ENGLISH_CRM, TITLED_TABLE } from "../fixtures/team-tables";
import { form, submit } from "../helpers/follow-up-table";
import { EN_REP, runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { sheetModel, snapshotCells, typeTable, workbookLook } from "../helpers/workbook";

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

  it("writes ids as text, which stays text without a plain-text format on the id column, in Sync and in a save", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    const sheet = typeTable(
      runtime,
      ARTICLE_TABLE.map((r) => [...r]),
    );
    adopt(runtime, "YES");
    const idColumn = header(runtime, 1).indexOf("记录编号") + 1;
    expect(sheet.getRange(2, idColumn, 3, 1).getValues()).toEqual([["FU-000001"], ["FU-000002"], ["FU-000003"]]);
    expect(sheet.getRange(2, idColumn).getNumberFormat()).not.toBe("@");
    expect(submit(runtime, form({ owner: "李四" }))).toMatchObject({ ok: true });
    expect(sheet.getRange(5, idColumn).getValue()).toBe("FU-000004");
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
    expect(confirmation).toContain("Deal Size → Amount\n");
    expect(confirmation).toContain("Left as they are: Region\n");
  });

  it("adds the table's own stages and methods to Settings and reports them, and its owners to Team", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    typeTable(runtime, [
      ...ARTICLE_TABLE.map((r) => [...r]),
      ["杭州某网络", "赵六", "2024/6/11", "面访", "试用中", "样品测试", "6/18确认测试结果", "王五"],
    ]);
    adopt(runtime, "YES");
    const ss = runtime.inspect().getActiveSpreadsheet();
    const stages = ss
      .getSheetByName("设置")
      ?.getRange("A2:A20")
      .getValues()
      .map((r) => r[0])
      .filter(Boolean);
    expect(stages).toContain("样品测试");
    // 跟进中 is too vague to be a stage: the confirmation listed it for cleanup instead.
    expect(stages).not.toContain("跟进中");
    expect(stages?.filter((s) => s === "已报价")).toHaveLength(1);
    expect(runtime.ui.exchanges.at(-1)?.prompt).toContain("样品测试");
    const team = ss
      .getSheetByName("团队")
      ?.getRange("A2:A10")
      .getValues()
      .map((r) => r[0])
      .filter(Boolean);
    expect(team).toEqual(["li.lei", "李四", "王五"]);
  });

  describe("templates as teams keep them: reminders start from the recognised next-date column", () => {
    const HOUR = 3_600_000;

    /** Adopts `table` as `user`, puts `members` on the Team sheet, turns reminders on and runs the hourly trigger. */
    function adoptAndRemind(user: typeof ZH_REP, locale: string, table: unknown[][], members: unknown[][]) {
      const language = locale === "zh_CN" ? "zh" : "en";
      const runtime = runtimeOnDist({ user, locale });
      typeTable(runtime, table);
      adopt(runtime, "YES", language === "zh" ? "设置/接管跟进表" : "Set up / adopt table");
      const question = runtime.ui.exchanges.find((e) => e.buttons === "YES_NO")?.prompt ?? "";
      const ss = runtime.inspect().getActiveSpreadsheet();
      const team = ss.getSheetByName(language === "zh" ? "团队" : "Team");
      team?.getRange(2, 1, team.getLastRow() - 1, 6).clearContent();
      team?.getRange(2, 1, members.length, 6).setValues(members);
      runtime.ui.answerNext("OK");
      runtime.clickMenu(language === "zh" ? "同步与修复" : "Sync & repair");
      const syncReport = runtime.ui.exchanges.at(-1)?.prompt ?? "";
      runtime.ui.answerNext("OK");
      runtime.clickMenu(language === "zh" ? "提醒开关" : "Reminders on/off");
      runtime.advanceBy(HOUR);
      const kinds = ss
        .getSheetByName(language === "zh" ? "设置" : "Settings")
        ?.getRange("A2:B20")
        .getValues()
        .filter((r) => r[0] !== "")
        .map((r) => `${r[0]}:${r[1]}`);
      return { runtime, question, syncReport, kinds };
    }

    it("a Chinese template: 下次回访时间 feeds the reminders, 跟进中 is reminded and listed, 签约完成 and 丢单 close", () => {
      const { runtime, question, syncReport, kinds } = adoptAndRemind(
        ZH_REP,
        "zh_CN",
        [
          [
            "客户名称",
            "联系人",
            "跟进日期",
            "跟进方式",
            "沟通内容",
            "当前状态",
            "下一步",
            "下次回访时间",
            "跟进人",
            "是否完成",
          ],
          [
            "上海某科技",
            "张三",
            "2026/11/20",
            "电话",
            "需求确认,需报价",
            "已报价",
            "回访报价反馈",
            "2026/11/25",
            "李四",
            "",
          ],
          ["北京某贸易", "钱七", "2026/11/24", "微信", "客户比价中", "跟进中", "发案例", "2026/11/27", "李四", "否"],
          ["杭州某网络", "赵六", "2026/11/21", "面访", "合同已签", "签约完成", "", "2026/11/23", "李四", ""],
          ["宁波某港口", "孙八", "2026/11/22", "电话", "选了别家", "丢单", "", "2026/11/24", "李四", ""],
        ],
        [
          ["li.lei", "li.lei@example.com", "管理员", "", true, "zh"],
          ["李四", "li.si@example.com", "销售", "li.lei@example.com", true, "zh"],
        ],
      );
      expect(question).toContain("跟进日期 → 跟进时间");
      expect(question).toContain("下次回访时间 → 下次跟进日期");
      expect(question).toContain("跟进人 → 责任人");
      expect(question).toContain("是否完成 → 已跟进");
      expect(question).toContain("提醒依据：「下次回访时间」列（下次跟进日期）。");
      expect(question).toContain("表示结束的状态：「签约完成」算作赢单、「丢单」算作输单。");
      expect(question).toContain("以下状态太笼统，不会作为阶段：「跟进中」1 行。");
      expect(question).not.toContain("将在末尾添加：记录编号、客户需求、下次跟进日期");
      expect(kinds).toEqual(expect.arrayContaining(["签约完成:赢单", "丢单:输单"]));
      expect(kinds?.some((k) => k.startsWith("跟进中"))).toBe(false);
      expect(syncReport).toContain("第 3 行「当前阶段」：「跟进中」太笼统，不是阶段：这一行照常提醒");
      expect(syncReport).not.toContain("不在设置的阶段列表中");
      const digest = runtime.outbox.messages.find((m) => m.to.includes("li.si@example.com"));
      expect(digest?.subject).toBe("【跟进提醒】1 条逾期，1 条今日到期");
      expect(digest?.body).toContain("上海某科技");
      expect(digest?.body).toContain("北京某贸易");
      expect(digest?.body).not.toContain("杭州某网络");
      expect(digest?.body).not.toContain("宁波某港口");
    });

    it("an English template: the Follow-up Date beside Date feeds the reminders, In progress is reminded, Closed Won closes", () => {
      const { runtime, question, syncReport } = adoptAndRemind(
        EN_REP,
        "en_US",
        [
          ["Customer", "Date", "Follow-up Date", "Rep", "Status", "Next action", "Done"],
          ["Acme", "2026-11-20", "2026-11-25", "Ann Lee", "Quoted", "Call back about the quote", ""],
          ["Globex", "2026-11-24", "2026-11-27", "Ann Lee", "In progress", "Send the case study", "No"],
          ["Initech", "2026-11-21", "2026-11-23", "Ann Lee", "Closed Won", "", ""],
        ],
        [["Ann Lee", "ann.lee@example.com", "admin", "", true, "en"]],
      );
      expect(question).toContain(
        "Recognised: Customer → Customer, Date → Follow-up date, Follow-up Date → Next follow-up date, Rep → Owner, Status → Stage, Next action → Next step, Done → Next step done",
      );
      expect(question).toContain(
        "Reminders follow the “Follow-up Date” column: it stands after the contact-date column “Date”, so it is read as the “Next follow-up date”.",
      );
      expect(question).toContain("Statuses that close a deal: “Closed Won” counts as won.");
      expect(question).toContain("These statuses are too vague to be stages: “In progress” × 1.");
      expect(syncReport).toContain("Row 3, “Stage”: “In progress” is too vague to be a stage");
      const digest = runtime.outbox.messages.find((m) => m.to.includes("ann.lee@example.com"));
      expect(digest?.subject).toContain("[Follow-up reminder] 1 overdue, 1 due today");
      expect(digest?.body).toContain("Acme");
      expect(digest?.body).toContain("Globex");
      expect(digest?.body).not.toContain("Initech");
    });
  });

  describe.each([
    [
      "zh",
      ZH_REP,
      "zh_CN",
      "设置/接管跟进表",
      ["客户名称", "跟进时间", "当前状态", "负责人"],
      "没有找到下次跟进日期列",
      "注意：新加的「下次跟进日期」列是空的",
    ],
    [
      "en",
      EN_REP,
      "en_US",
      "Set up / adopt table",
      ["Customer", "Follow-up Date", "Status", "Rep"],
      "No next follow-up date column was found",
      "Note: the new “Next follow-up date” column is empty",
    ],
  ] as const)("a %s table with no next-date column", (_language, user, locale, menu, headerRow, warning, note) => {
    const arrange = () => {
      const runtime = runtimeOnDist({ user, locale });
      typeTable(runtime, [[...headerRow], ["上海某科技", "2026/11/20", "已报价", "李四"]]);
      return runtime;
    };

    it("says so plainly before adopting, and again after, when the user goes ahead", () => {
      const runtime = arrange();
      adopt(runtime, "YES", menu);
      const question = runtime.ui.exchanges.find((e) => e.buttons === "YES_NO")?.prompt ?? "";
      expect(question).toContain(warning);
      expect(runtime.ui.exchanges.at(-1)?.prompt).toContain(note);
    });

    it("changes nothing when the user cancels after the warning", () => {
      const runtime = arrange();
      adopt(runtime, "NO", menu);
      expect(runtime.ui.exchanges.find((e) => e.buttons === "YES_NO")?.prompt).toContain(warning);
      expect(runtime.inspect().getActiveSpreadsheet().getSheets()).toHaveLength(1);
      expect(header(runtime, 1)).toEqual([...headerRow]);
    });
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

  it("sees the whole table before asking: a note right of it and a status far below the top rows", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    const body = Array.from({ length: 60 }, (_, i) => {
      const source = ARTICLE_TABLE[1 + (i % 2)] ?? [];
      return [`${source[0]}${i}`, ...source.slice(1)];
    });
    const noteRow = 50;
    body[noteRow - 2] = [...(body[noteRow - 2] ?? []), "", "手写备注"];
    body[55] = [...(body[55] ?? []).slice(0, 5), "再说", ...(body[55] ?? []).slice(6)];
    const sheet = typeTable(runtime, [ARTICLE_TABLE[0] ?? [], ...body]);
    adopt(runtime, "YES");
    const question = runtime.ui.exchanges.find((e) => e.buttons === "YES_NO")?.prompt ?? "";
    expect(question).toContain("「再说」1 行");
    // The article's 8 columns, then the note in J: the add-on's columns start in K, the note is kept.
    expect(sheet.getRange(noteRow, 10).getValue()).toBe("手写备注");
    expect(header(runtime, 1).slice(8, 11)).toEqual(["", "", "记录编号"]);
  });

  it("makes the same number of service calls for 100 and 10,000 rows", () => {
    const calls = (rows: number) => {
      const runtime = runtimeOnDist({ user: ZH_REP });
      const body = Array.from({ length: rows }, (_, i) => {
        const source = ARTICLE_TABLE[1 + (i % 3)] ?? [];
        return [`${source[0]}${i}`, ...source.slice(1)];
      });
      const sheet = typeTable(runtime, [ARTICLE_TABLE[0] ?? [], ...body]);
      // Spare rows below the typed ones, as the 100-row table has (adoption would add them, one call more).
      sheet.insertRowsAfter(sheet.getMaxRows(), 100);
      runtime.open("LIMITED");
      runtime.ui.answerNext("YES");
      runtime.ui.answerNext("OK");
      const before = runtime.kernel.snapshot();
      runtime.clickMenu("设置/接管跟进表");
      const after = runtime.kernel.snapshot();
      // The team's table is read once, under the lock, to adopt and sync it; before the question only its top rows and
      // its stage column. The cells Sync writes (ids, stamps, marks) and each row's customer are read again to check them.
      const width = ARTICLE_TABLE[0]?.length ?? 0;
      expect(after.cellsRead - before.cellsRead).toBeLessThan(rows * (width + 1 + 4) + 5_000);
      return callsBetween(before, after, "Spreadsheet");
    };
    expect(calls(100)).toBe(calls(10_000));
  });
});

describe("what adoption leaves in the workbook", () => {
  /** No simulated time passes during a call, so the logged-at stamps do not depend on how many cells a call moves. */
  const TIMELESS: Partial<CostModel> = {
    perCallMs: Object.fromEntries(
      Object.keys(DEFAULT_COST_MODEL.perCallMs).map((service) => [service, 0]),
    ) as CostModel["perCallMs"],
    perMethodMs: {},
    perCellReadMs: 0,
    perCellWrittenMs: 0,
    readAfterWriteMs: 0,
    mail: { perKbMs: 0, perRecipientMs: 0 },
  };

  // Notes typed right of the header, below it: adoption appends its columns after them.
  const withNotesBeside = ARTICLE_TABLE.map((row, i) => (i === 2 ? [...row, "", "备注：老客户"] : [...row]));

  it.each([
    ["the article's Chinese table", ZH_REP, "zh_CN", ARTICLE_TABLE, 1, "设置/接管跟进表", "同步与修复"],
    ["an English CRM export", EN_REP, "en_US", ENGLISH_CRM, 1, "Set up / adopt table", "Sync & repair"],
    ["a table under a title", ZH_REP, "zh_CN", TITLED_TABLE, 3, "设置/接管跟进表", "同步与修复"],
    [
      "a table with notes typed right of its header",
      ZH_REP,
      "zh_CN",
      withNotesBeside,
      1,
      "设置/接管跟进表",
      "同步与修复",
    ],
    [
      "the bench's table, 60 rows and 4 owners",
      ZH_REP,
      "zh_CN",
      [[...TEAM_TABLE_HEADER], ...teamTable({ rows: 60, owners: 4 })],
      1,
      "设置/接管跟进表",
      "同步与修复",
    ],
  ] as const)(
    "%s: every cell, format, rule and record as recorded, and a Sync after it changes none",
    (_name, user, locale, table, headerRow, adoptMenu, syncMenu) => {
      const runtime = runtimeOnDist({ user, locale, cost: TIMELESS });
      typeTable(
        runtime,
        table.map((r) => [...r]),
        headerRow,
      );
      adopt(runtime, "YES", adoptMenu);
      const adopted = workbookLook(runtime);
      runtime.ui.answerNext("OK");
      runtime.clickMenu(syncMenu);
      expect(workbookLook(runtime)).toEqual(adopted);
      expect(adopted).toMatchSnapshot();
    },
  );
});
