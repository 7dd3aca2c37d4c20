/** Integration tests of the overdue / due-today row colouring: the rules the add-on writes, evaluated by a spreadsheet engine over rows that should and should not be coloured. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { evaluatePerRow, serialOf } from "../helpers/formula-engine";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { sheetModel } from "../helpers/workbook";

const DAY = 86_400_000;

/** Sets up a zh table at `now` in `timeZone` and types `rows` (Follow-ups columns in default order) below the header. */
function tableWith(timeZone: string, now: number, rows: unknown[][]): AppsScriptRuntime {
  const runtime = runtimeOnDist({ user: ZH_REP, timeZone, now, scriptTimeZone: "Europe/Berlin" });
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu("设置/接管跟进表");
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
  sheet?.getRange(2, 1, rows.length, 17).setValues(rows.map((r) => [...r, ...Array(17 - r.length).fill("")]));
  return runtime;
}

/** A Follow-ups row: id, customer, …, stage (I), next step, next date (K), owner, source, score, notes, done (P). */
function row(customer: string, date: string, stage: string, nextDate: string, done = false): unknown[] {
  return ["", customer, "", "", date, "电话", "", "", stage, "", nextDate, "li.lei", "", "", "", done, ""];
}

/** Which data rows each of the add-on's two rules colours, by the spreadsheet engine. */
function coloured(
  runtime: AppsScriptRuntime,
  rows: number,
  today: number,
): { overdue: boolean[]; dueToday: boolean[] } {
  const formulas = runtime
    .inspect()
    .getActiveSpreadsheet()
    .getSheetByName("跟进记录")
    ?.getConditionalFormatRules()
    .map((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0]));
  const [overdue = "", dueToday = ""] = formulas ?? [];
  return {
    overdue: evaluatePerRow(runtime, "跟进记录", overdue, 2, rows + 1, today),
    dueToday: evaluatePerRow(runtime, "跟进记录", dueToday, 2, rows + 1, today),
  };
}

describe("overdue colouring", () => {
  // Friday 2026-11-27, 10:00 in Shanghai.
  const now = Date.UTC(2026, 10, 27, 2, 0);
  const today = serialOf(2026, 11, 27);

  it("colours open overdue rows red and due-today rows amber, and nothing else", () => {
    const runtime = tableWith("Asia/Shanghai", now, [
      row("上海某科技", "2026/11/20", "已报价", "2026/11/26"), // overdue by a day
      row("北京某贸易", "2026/11/20", "待回访", "2026/11/27"), // due today
      row("广州某制造", "2026/11/20", "需求确认", "2026/11/28"), // tomorrow
      row("深圳某电子", "2026/11/20", "已报价", "2026/11/01", true), // done
      row("杭州某网络", "2026/11/20", "已成交", "2026/11/01"), // won: closed
      row("成都某餐饮", "2026/11/20", "已流失", "2026/11/27"), // lost: closed
      row("南京某物流", "2026/11/20", "新线索", ""), // no next date: 新线索's cadence, 2 days after 11/20
      row("苏州某材料", "2026/11/20", "新线索", "下周一"), // text, not a date: the cadence's too
      row("天津某化工", "2026/11/20", "谈判中", "2025/1/1"), // long overdue
    ]);
    const { overdue, dueToday } = coloured(runtime, 9, today);
    expect(overdue).toEqual([true, false, false, false, false, false, true, true, true]);
    expect(dueToday).toEqual([false, true, false, false, false, false, false, false, false]);
  });

  it("stops colouring a superseded row once Sync marks it done", () => {
    const runtime = tableWith("Asia/Shanghai", now, [
      row("上海某科技有限公司", "2026/11/10", "需求确认", "2026/11/20"), // older, overdue
      row("上海某科技", "2026/11/25", "已报价", "2026/12/1"), // newer follow-up of the same customer
    ]);
    expect(coloured(runtime, 2, today).overdue).toEqual([true, false]);
    runtime.ui.answerNext("OK");
    runtime.clickMenu("同步与修复");
    expect(coloured(runtime, 2, today).overdue).toEqual([false, false]);
  });

  it("follows the rules' columns when the team inserts a column before them", () => {
    const runtime = tableWith("Asia/Shanghai", now, [row("上海某科技", "2026/11/20", "已报价", "2026/11/26")]);
    runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.insertColumnsBefore(2, 1);
    runtime.ui.answerNext("OK");
    runtime.clickMenu("同步与修复");
    const formula = runtime
      .inspect()
      .getActiveSpreadsheet()
      .getSheetByName("跟进记录")
      ?.getConditionalFormatRules()[0]
      ?.getBooleanCondition()
      ?.getCriteriaValues()[0];
    expect(formula).toContain("INT($L2)<TODAY()");
    expect(coloured(runtime, 1, today).overdue).toEqual([true]);
  });

  describe("around midnight, by the spreadsheet's time zone (the script's is Europe/Berlin)", () => {
    // 2026-11-27 23:30 in Shanghai is 07:30 the same day in Los Angeles; an hour later Shanghai is on the 28th.
    const beforeMidnightShanghai = Date.UTC(2026, 10, 27, 15, 30);
    const afterMidnightShanghai = beforeMidnightShanghai + DAY / 24;
    const rows = [row("上海某科技", "2026/11/20", "已报价", "2026/11/27")];

    it.each([
      ["Asia/Shanghai", beforeMidnightShanghai, serialOf(2026, 11, 27), false, true],
      ["Asia/Shanghai", afterMidnightShanghai, serialOf(2026, 11, 28), true, false],
      ["America/Los_Angeles", beforeMidnightShanghai, serialOf(2026, 11, 27), false, true],
      ["America/Los_Angeles", afterMidnightShanghai, serialOf(2026, 11, 27), false, true],
    ])("in %s at %d: overdue %s, due today %s", (zone, at, todaySerial, isOverdue, isDueToday) => {
      const runtime = tableWith(zone, at, rows);
      // The stored next date is midnight of 2026-11-27 in the sheet's own zone.
      expect(sheetModel(runtime, "跟进记录").rows[1]?.[10]?.value).toBe(serialOf(2026, 11, 27));
      const result = coloured(runtime, 1, todaySerial);
      expect([result.overdue[0], result.dueToday[0]]).toEqual([isOverdue, isDueToday]);
    });
  });
});
