/** Integration tests on the built bundle of dates as people type them: a next date in the next step ("6/12回访报价反馈") with the date cell empty is coloured, reminded and listed as "date from text", and the sidebar writes it into the cell at its owner's request, never over what someone typed meanwhile; dates typed as text in the cell count too. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { SidebarData, TextDateResult } from "../../src/core/sidebar-api";
import { followUpTable, NAMES } from "../helpers/follow-up-table";
import { evaluatePerRow, serialOf } from "../helpers/formula-engine";

const HOUR = 3_600_000;
/** Wednesday 2024-06-12, 07:30 in Shanghai: half an hour before the reminder hour. */
const SEVEN_THIRTY = Date.UTC(2024, 5, 11, 23, 30);
const LI_SI = { email: "li.si@example.com", locale: "zh_CN" };
const ANN = { email: "ann.lee@example.com", locale: "en" };

/** A typed row: id, customer, contact, contact info, follow-up date, method, need, summary, stage, next step, next date, owner. */
function row(customer: string, nextStep: string, nextDate: string, owner = "李四"): unknown[] {
  return ["", customer, "", "", "2024/6/3", "电话", "要报价", "介绍产品", "已报价", nextStep, nextDate, owner];
}

const ROWS = [
  row("上海某科技", "6/12回访报价反馈", ""), // row 2: due today, from the text
  row("北京某贸易", "回访", "6月10日"), // row 3: a date typed as text in the cell, overdue
  row("深圳某电子", "6/11发合同", ""), // row 4: overdue from the text; someone types a date meanwhile
  row("广州某制造", "周五前发合同", ""), // row 5: no date ("周五" is a word): 已报价's cadence, 3 days after 6/3
  row("杭州某网络", "6/12回访", "", "li.lei"), // row 6: someone else's
  row("Globex", "call back 6/12 about the quote", "", "Ann Lee"), // row 7: an English rep's
];

function table(): AppsScriptRuntime {
  const runtime = followUpTable(ROWS, { now: SEVEN_THIRTY });
  return runtime;
}

function sheet(runtime: AppsScriptRuntime): GoogleAppsScript.Spreadsheet.Sheet {
  const found = runtime.inspect().getActiveSpreadsheet().getSheetByName(NAMES.zh.followUps);
  if (!found) throw new Error("no Follow-ups sheet");
  return found;
}

function sidebar(runtime: AppsScriptRuntime, user: { email: string; locale: string }): SidebarData {
  runtime.user = user;
  return runtime.run("sidebarData") as SidebarData;
}

function writeDate(runtime: AppsScriptRuntime, request: unknown): TextDateResult {
  return runtime.run("writeDateFromText", [request]) as TextDateResult;
}

describe("a next date written in the next step", () => {
  it("is coloured in the sheet as the reminders see it: due today amber, overdue red, no date the cadence's", () => {
    const runtime = table();
    const rules = sheet(runtime)
      .getConditionalFormatRules()
      .map((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0]));
    const today = serialOf(2024, 6, 12);
    expect(evaluatePerRow(runtime, NAMES.zh.followUps, rules[0] ?? "", 2, 7, today)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(evaluatePerRow(runtime, NAMES.zh.followUps, rules[1] ?? "", 2, 7, today)).toEqual([
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it("is reminded as usual, marked “日期取自下一步” / “date from text” in the digest", () => {
    const runtime = table();
    runtime.open("LIMITED");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("提醒开关");
    runtime.advanceBy(2 * HOUR);
    const lisi = runtime.outbox.messages.find((m) => m.to.includes(LI_SI.email));
    expect(lisi?.subject).toBe("【跟进提醒】3 条逾期，1 条今日到期");
    expect(lisi?.body).toContain("今日到期（日期取自下一步）");
    expect(lisi?.body).toContain("逾期 1 天（日期取自下一步）");
    expect(lisi?.body).toContain("逾期 2 天\n");
    // No date anywhere in the row: reminded by the cadence, and said so.
    expect(lisi?.body).toContain("广州某制造");
    expect(lisi?.body).toContain("逾期 6 天（未填下次日期，按跟进节奏）");
    const ann = runtime.outbox.messages.find((m) => m.to.includes(ANN.email));
    expect(ann?.body).toContain("due today (date from text)");
  });

  it("is listed in the owner's sidebar as read from the text, and written into the empty cell at their request", () => {
    const runtime = table();
    const before = sheet(runtime).getRange(1, 1, 8, 18).getValues();
    const due = sidebar(runtime, LI_SI).myDue;
    expect(due.map((d) => [d.row, d.nextDate, d.daysOverdue, d.nextDateSource])).toEqual([
      [5, "2024-06-06", 6, "cadence"],
      [3, "2024-06-10", 2, undefined],
      [4, "2024-06-11", 1, "text"],
      [2, "2024-06-12", 0, "text"],
    ]);
    const item = due.find((d) => d.row === 2);
    const result = writeDate(runtime, { row: 2, id: item?.id, nextDate: "2024-06-12" });
    expect(result).toEqual({ ok: true, message: "已把 2024-06-12 写入第 2 行的「下次跟进日期」。" });
    // The cell holds the date; not one other cell of the table changed.
    const after = sheet(runtime).getRange(1, 1, 8, 18).getValues();
    expect((after[1]?.[10] as Date | undefined)?.getTime()).toBe(Date.UTC(2024, 5, 11, 16));
    expect(sheet(runtime).getRange("K2").getDisplayValue()).toBe("2024-06-12");
    const changed = after.flatMap((cells, r) =>
      cells.flatMap((cell, c) => (String(cell) === String(before[r]?.[c]) ? [] : [[r + 1, c + 1]])),
    );
    expect(changed).toEqual([[2, 11]]);
    // Still due today, now from the cell.
    expect(sidebar(runtime, LI_SI).myDue.find((d) => d.row === 2)).toMatchObject({ daysOverdue: 0 });
    expect(sidebar(runtime, LI_SI).myDue.find((d) => d.row === 2)?.nextDateSource).toBeUndefined();
  });

  it("is not written when someone typed in the cell meanwhile: what they typed stays, and the user is told", () => {
    const runtime = table();
    const item = sidebar(runtime, LI_SI).myDue.find((d) => d.row === 4);
    sheet(runtime).getRange("K4").setValue("'6/14");
    const result = writeDate(runtime, { row: 4, id: item?.id, nextDate: "2024-06-11" });
    expect(result).toEqual({ ok: false, message: "第 4 行的「下次跟进日期」已经有内容（6/14），没有写入。" });
    expect(sheet(runtime).getRange("K4").getValue()).toBe("6/14");
  });

  it("writes only the user's own rows, and only the date the list showed", () => {
    const runtime = table();
    const due = sidebar(runtime, LI_SI).myDue;
    const theirs = writeDate(runtime, { row: 6, id: "FU-000005", nextDate: "2024-06-12" });
    expect(theirs).toEqual({ ok: false, message: "第 6 行不是你负责的跟进，没有写入。" });
    const id = due.find((d) => d.row === 2)?.id;
    sheet(runtime).getRange("J2").setValue("6/13回访报价反馈");
    expect(writeDate(runtime, { row: 2, id, nextDate: "2024-06-12" })).toEqual({
      ok: false,
      message: "第 2 行已被修改或移动，没有写入，请刷新列表后再试。",
    });
    expect(writeDate(runtime, { row: "2", id, nextDate: "2024-06-12" }).ok).toBe(false);
    expect(sheet(runtime).getRange("K2").getValue()).toBe("");
    expect(sheet(runtime).getRange("K6").getValue()).toBe("");
  });

  it("speaks English in an English table, reading 6/12/24 month first", () => {
    const runtime = followUpTable(
      [
        [
          "",
          "Globex",
          "",
          "",
          "6/3/2024",
          "Phone",
          "a quote",
          "demo",
          "Quoted",
          "call back 6/12/24 re quote",
          "",
          "Ann Lee",
        ],
      ],
      { now: SEVEN_THIRTY, language: "en" },
    );
    const item = sidebar(runtime, ANN).myDue[0];
    expect(item).toMatchObject({ customer: "Globex", nextDate: "2024-06-12", nextDateSource: "text" });
    expect(writeDate(runtime, { row: 2, id: item?.id, nextDate: "2024-06-12" })).toEqual({
      ok: true,
      message: "Wrote 2024-06-12 into row 2, “Next follow-up date”.",
    });
    const english = runtime.inspect().getActiveSpreadsheet().getSheetByName(NAMES.en.followUps);
    expect((english?.getRange("K2").getValue() as Date | undefined)?.getTime()).toBe(Date.UTC(2024, 5, 11, 16));
  });

  it("reads only the row asked about, whatever the size of the table", () => {
    const cellsRead = (padding: number) => {
      const filler = Array.from({ length: padding }, (_, i) => row(`客户${i}`, "回访", "2024/6/20", "li.lei"));
      const runtime = followUpTable([...ROWS, ...filler], { now: SEVEN_THIRTY });
      runtime.user = LI_SI;
      const before = runtime.kernel.snapshot().cellsRead;
      const item = sidebar(runtime, LI_SI).myDue.find((d) => d.row === 2);
      const opened = runtime.kernel.snapshot().cellsRead;
      expect(writeDate(runtime, { row: 2, id: item?.id, nextDate: "2024-06-12" })).toMatchObject({ ok: true });
      return { open: opened - before, write: runtime.kernel.snapshot().cellsRead - opened };
    };
    const small = cellsRead(10);
    const large = cellsRead(3_000);
    expect(large.write).toBe(small.write);
    // The sidebar's open grows by its three index columns per customer, not by the table's 18 cells a row.
    expect(large.open - small.open).toBeLessThanOrEqual(3 * 2_990);
  });
});
