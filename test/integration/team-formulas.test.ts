/** A team's sheet with its own formulas (=E4+3 and =TODAY() next dates, an =IF done column, an owner looked up with =VLOOKUP): the add-on reads what Sheets computes, reminds by it, and never touches a formula. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { SidebarData } from "../../src/core/sidebar-api";
import { OWN_COLUMNS_HEADER, titledTeamSheet } from "../fixtures/team-tables";
import { adoptTeamSheet } from "../helpers/follow-up-table";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";

const HOUR = 3_600_000;
/** Friday 2026-11-27, 07:30 in Shanghai. */
const SEVEN_THIRTY = Date.UTC(2026, 10, 26, 23, 30);
const DONE = '=IF(H{r}="已成交","是","否")';
const OWNER = '=VLOOKUP("ls",员工!A:B,2,FALSE)';

/** One row of OWN_COLUMNS_HEADER, with {r} in formulas standing for the row's own number. */
function row(r: number, customer: string, date: string, stage: string, nextDate: string): unknown[] {
  const own = (text: string) => text.replaceAll("{r}", String(r));
  return ["", customer, "", "", date, "电话", "", stage, "回访", own(nextDate), OWNER, own(DONE)];
}

const SHEET = titledTeamSheet([
  row(4, "甲公司", "2026/11/20", "已报价", "=E{r}+3"), // next 11/23: overdue on the 27th
  row(5, "乙公司", "2026/11/25", "谈判中", "=TODAY()"), // due today, every day
  row(6, "丙公司", "2026/11/26", "需求确认", "=E{r}+30"), // far ahead
  row(7, "丁公司", "2026/11/10", "已成交", "=E{r}+1"), // closed: its =IF says 是
]);
const COLUMNS = OWN_COLUMNS_HEADER.length;

function adopted(): AppsScriptRuntime {
  const runtime = runtimeOnDist({ user: ZH_REP, now: SEVEN_THIRTY });
  adoptTeamSheet(runtime, SHEET, 3, {
    arrange: (sheet) => {
      // The team's lookup of short codes to names, on a sheet of its own.
      sheet
        .getParent()
        .insertSheet("员工")
        .getRange("A1:B2")
        .setValues([
          ["ls", "李四"],
          ["ll", "li.lei"],
        ]);
      sheet.activate(); // inserting a sheet made it the active one
    },
  });
  return runtime;
}

function menu(runtime: AppsScriptRuntime, caption: string): string {
  runtime.ui.answerNext("OK");
  runtime.clickMenu(caption);
  return runtime.ui.exchanges.at(-1)?.prompt ?? "";
}

const teamSheet = (runtime: AppsScriptRuntime) => runtime.inspect().getActiveSpreadsheet().getSheets()[0];
const formulas = (runtime: AppsScriptRuntime) => teamSheet(runtime)?.getRange(4, 1, 4, COLUMNS).getFormulas();

/** The digest li.si (李四, the owner the =VLOOKUP names) got on a day ("2026-11-27"), in Shanghai. */
function digestOf(runtime: AppsScriptRuntime, day: string): string {
  const mail = runtime.outbox.messages.find(
    (m) => m.to.includes("li.si@example.com") && new Date(m.at + 8 * HOUR).toISOString().startsWith(day),
  );
  if (!mail) throw new Error(`no digest for li.si on ${day}`);
  return mail.body;
}

describe("a team's sheet with formulas", () => {
  it("reads what the formulas compute: dates, the done mark, the owner, with nothing to report", () => {
    const runtime = adopted();
    const before = formulas(runtime);
    const report = menu(runtime, "同步与修复");
    expect(report).not.toMatch(/#NAME\?|无法识别|看不懂/);
    const data = runtime.run("sidebarData", [], { user: { email: "li.si@example.com", locale: "zh_CN" } });
    const due = (data as SidebarData).myDue.map((item) => [item.customer, item.nextDate, item.daysOverdue]);
    expect(due).toEqual([
      ["甲公司", "2026-11-23", 4],
      ["乙公司", "2026-11-27", 0],
    ]);
    expect(formulas(runtime)).toEqual(before);
  });

  it("reminds the looked-up owner of the overdue row and of the =TODAY() row each day, and keeps every formula", () => {
    const runtime = adopted();
    const before = formulas(runtime);
    menu(runtime, "同步与修复");
    menu(runtime, "提醒开关");
    runtime.advanceBy(74 * HOUR); // to Monday 09:30, after the day's digests (none on the weekend)
    const friday = digestOf(runtime, "2026-11-27");
    expect(friday).toContain("甲公司");
    expect(friday).toContain("乙公司");
    expect(friday).not.toContain("丁公司");
    // =TODAY() is due again on Monday: the formula follows the clock in the spreadsheet's zone.
    const monday = digestOf(runtime, "2026-11-30");
    expect(monday).toContain("乙公司");
    expect(monday).toContain("甲公司");
    expect(formulas(runtime)).toEqual(before);
    expect(teamSheet(runtime)?.getRange("J5").getDisplayValue()).toBe("2026/11/30");
  });
});
