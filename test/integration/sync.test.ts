/** Integration tests of Sync & repair: hand-typed rows get ids and logged-at times, superseded rows are marked in the add-on's own column, bad cells are reported and left alone, and a second run changes nothing. */

import { callsBetween } from "../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { sheetModel, snapshotCells } from "../helpers/workbook";

/** A zh table with `rows` typed by hand below the header (Follow-ups columns in default order). */
function handTyped(rows: unknown[][]): AppsScriptRuntime {
  const runtime = runtimeOnDist({ user: ZH_REP });
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu("设置/接管跟进表");
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
  if (rows.length > (sheet?.getMaxRows() ?? 0) - 1) sheet?.insertRowsAfter(sheet.getMaxRows(), rows.length);
  sheet?.getRange(2, 1, rows.length, 17).setValues(rows.map((r) => [...r, ...Array(17 - r.length).fill("")]));
  return runtime;
}

function sync(runtime: AppsScriptRuntime): string {
  runtime.ui.answerNext("OK");
  runtime.clickMenu("同步与修复");
  return runtime.ui.exchanges.at(-1)?.prompt ?? "";
}

/** id, customer, contact, contact info, date, method, need, summary, stage, next step, next date, owner. */
function row(customer: string, date: string, stage: string, nextDate: string, owner = "li.lei"): unknown[] {
  return ["", customer, "张三", "'13800138000", date, "电话", "要报价", "介绍产品", stage, "回访", nextDate, owner];
}

describe("sync & repair", () => {
  it("numbers hand-typed rows, stamps them, and marks the older row of a customer superseded in its own column", () => {
    const runtime = handTyped([
      row("上海某科技有限公司", "2026/11/10", "需求确认", "2026/11/20"),
      row("北京某贸易", "2026/11/12", "待回访", "2026/11/30"),
      row("上海某科技", "2026/11/25", "已报价", "2026/12/1"),
    ]);
    const message = sync(runtime);
    expect(message).toBe(
      "同步完成：新分配编号 3 条，补填录入时间 3 条，标记“已有新跟进” 1 条，取消该标记 0 条。只写入跟进表助手自己的列，你们填写的内容一格未动。",
    );
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
    const values = sheet?.getRange(2, 1, 3, 18).getValues() ?? [];
    expect(values.map((r) => r[0])).toEqual(["FU-000001", "FU-000002", "FU-000003"]);
    // The done column is the people's: left as typed. The superseded mark is the add-on's own column.
    expect(values.map((r) => r[15])).toEqual(["", "", ""]);
    expect(values.map((r) => r[17])).toEqual([true, "", ""]);
    const stamped = values.map((r) => (r[16] as Date).getTime());
    expect(new Set(stamped).size).toBe(1);
    expect(stamped[0]).toBeGreaterThanOrEqual(runtime.executions.at(-1)?.startedAt ?? 0);
  });

  it("is idempotent: a second run changes nothing", () => {
    const runtime = handTyped([
      row("上海某科技", "2026/11/10", "需求确认", "2026/11/20"),
      row("上海某科技", "2026/11/25", "已报价", "2026/12/1"),
    ]);
    sync(runtime);
    const after = snapshotCells(sheetModel(runtime, "跟进记录"), 3, 17);
    const rules = JSON.stringify(sheetModel(runtime, "跟进记录").conditionalFormatRules);
    expect(sync(runtime)).toBe("同步完成：一切正常，没有需要修改的地方。");
    expect(snapshotCells(sheetModel(runtime, "跟进记录"), 3, 17)).toEqual(after);
    expect(JSON.stringify(sheetModel(runtime, "跟进记录").conditionalFormatRules)).toBe(rules);
  });

  it("reports the cells it cannot interpret in one message and leaves them as typed", () => {
    const runtime = handTyped([
      row("上海某科技", "明天", "已报价", "2026/12/1"),
      row("北京某贸易", "2026/11/12", "搁置", "2026/12/2"),
      row("广州某制造", "2026/11/12", "已报价", "2026/12/3", "someone@evil.example"),
      row("深圳某电子", "明天", "已报价", ""),
    ]);
    const message = sync(runtime);
    expect(message).toContain("以下 5 处需要人工检查（未做任何修改）：");
    expect(message).toContain("第 2 行「跟进时间」：不是日期（明天）");
    expect(message).toContain("第 3 行「当前阶段」：阶段「搁置」不在设置的阶段列表中");
    expect(message).toContain("第 4 行「责任人」：责任人「someone@evil.example」不在团队表中");
    // No next date, and no follow-up date the cadence could count from: nobody would be reminded.
    expect(message).toContain("第 5 行「下次跟进日期」：未结束的跟进缺少下次跟进日期");
    const values = runtime
      .inspect()
      .getActiveSpreadsheet()
      .getSheetByName("跟进记录")
      ?.getRange(2, 1, 4, 12)
      .getValues();
    expect(values?.map((r) => [r[4], r[8], r[11]])).toEqual([
      ["明天", "已报价", "li.lei"],
      [expect.any(Object), "搁置", "li.lei"],
      [expect.any(Object), "已报价", "someone@evil.example"],
      ["明天", "已报价", "li.lei"],
    ]);
  });

  it("makes the same number of service calls for 100 and 10,000 rows", () => {
    const calls = (count: number) => {
      const runtime = handTyped(
        Array.from({ length: count }, (_, i) => row(`客户${i % (count / 2)}`, "2026/11/10", "已报价", "2026/12/1")),
      );
      runtime.ui.answerNext("OK");
      const before = runtime.kernel.snapshot();
      runtime.clickMenu("同步与修复");
      return callsBetween(before, runtime.kernel.snapshot(), "Spreadsheet");
    };
    expect(calls(100)).toBe(calls(10_000));
  });

  it("rewrites the dropdowns only where a cell lost its rule, not every cell of every run", () => {
    const runtime = handTyped(
      Array.from({ length: 3000 }, (_, i) => row(`客户${i}`, "2026/11/10", "待回访", "2026/11/20")),
    );
    sync(runtime);
    const written = () => {
      const before = runtime.kernel.snapshot().cellsWritten;
      sync(runtime);
      return runtime.kernel.snapshot().cellsWritten - before;
    };
    // Nothing changed: no rule is written again (the customer index and the colouring are small).
    expect(written()).toBeLessThan(1000);
    // A paste over a stage cell took its dropdown away: Sync puts it back.
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
    sheet?.getRange("I500").setDataValidation(null);
    expect(written()).toBeGreaterThanOrEqual(3000);
    const rule = sheet?.getRange("I500").getDataValidation();
    expect(String(rule?.getCriteriaType())).toBe("VALUE_IN_RANGE");
    expect(written()).toBeLessThan(1000);
  });

  it("says so when the table has not been set up", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    runtime.open("LIMITED");
    expect(sync(runtime)).toBe("还没有设置跟进表。请先使用「设置/接管跟进表」。");
  });
});

describe("protection when someone other than the owner sets up", () => {
  it("is warning-only, because only the owner can restrict editors", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    const id = runtime.createSpreadsheet({ timeZone: "Asia/Shanghai", locale: "zh_CN", owner: "boss@example.com" });
    runtime.spreadsheets.get(id)?.editors.push(ZH_REP.email);
    runtime.open("LIMITED");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("设置/接管跟进表");
    const protections = runtime.spreadsheets.get(id)?.protections ?? [];
    // Header row, Team, Settings, and the customer index (the add-on's own sheet).
    expect(protections).toHaveLength(4);
    expect(protections.every((p) => p.warningOnly)).toBe(true);
  });
});
