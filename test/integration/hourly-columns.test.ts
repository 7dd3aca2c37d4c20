/** Integration test on the built bundle: the hourly run reads a team's table in only the columns its digests need, so the team's own columns cost nothing, and its emails are those of a whole read. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { adoptTeamSheet } from "../helpers/follow-up-table";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";

const HOUR = 3_600_000;
/** Friday 2026-11-27, 07:30 in Shanghai: half an hour before the default reminder hour. */
const SEVEN_THIRTY = Date.UTC(2026, 10, 26, 23, 30);

/** The team's header: the columns the add-on knows, with 跟进方式, 客户来源 and 备注 that no digest reads. */
const HEADER = [
  "客户名称",
  "联系人",
  "联系方式",
  "跟进时间",
  "跟进方式",
  "客户需求",
  "跟进内容",
  "当前阶段",
  "下一步计划",
  "下次跟进日期",
  "责任人",
  "客户来源",
  "备注",
  "已跟进",
];
/** The columns the hourly run reads of it once adopted: all but those three, and the add-on's id and logged-at. */
const READ = HEADER.length - 3 + 2;

/** Follow-ups of 100 customers, `visits` each, for li.lei and 李四: the last visit overdue, due today or later. */
function followUps(visits: number): unknown[][] {
  return Array.from({ length: 100 * visits }, (_, i) => {
    const customer = i % 100;
    const visit = Math.floor(i / 100);
    const current = visit === visits - 1;
    return [
      `客户${customer}`,
      `联系人${customer}`,
      `1380${String(customer).padStart(7, "0")}`,
      `2026/11/${1 + 3 * visit}`,
      "电话",
      "要报价",
      "介绍产品",
      customer % 10 === 9 ? "已成交" : "谈判中",
      "回访",
      `2026/11/${current ? 20 + (customer % 10) : 4 + 3 * visit}`,
      customer % 2 ? "李四" : "li.lei",
      "展会",
      customer % 3 ? "" : "客户很急",
      current ? "" : "是",
    ];
  });
}

/** A line of the table with the team's own columns, which no rule reads: `industry` after the customer, `region` before the done mark. */
const withOwnColumns = (line: readonly unknown[], industry: unknown, region: unknown): unknown[] => [
  line[0],
  industry,
  ...line.slice(1, 13),
  region,
  ...line.slice(13),
];

/**
 * The team's sheet of `visits` rows per customer, adopted at 07:30 with reminders on, and a row below it that holds a
 * note only (typed after adoption, not synced); with the team's own columns 行业 and 地区 (filled in every row), or
 * without them.
 */
function adopted(ownColumns: boolean, visits: number): AppsScriptRuntime {
  const runtime = runtimeOnDist({ user: ZH_REP, now: SEVEN_THIRTY });
  const shape = (line: readonly unknown[], industry: unknown = "制造业", region: unknown = "华东") =>
    ownColumns ? withOwnColumns(line, industry, region) : [...line];
  const sheet = adoptTeamSheet(runtime, [shape(HEADER, "行业", "地区"), ...followUps(visits).map((l) => shape(l))], 1);
  const noteOnly = shape(HEADER.map((title) => (title === "备注" ? "下周再约" : "")));
  sheet.getRange(100 * visits + 2, 1, 1, noteOnly.length).setValues([noteOnly]);
  runtime.ui.answerNext("OK");
  runtime.clickMenu("提醒开关");
  return runtime;
}

/** The cells the day's hourly runs read, and the emails they sent. */
function dayOfReminders(runtime: AppsScriptRuntime) {
  const before = runtime.kernel.snapshot().cellsRead;
  const sentBefore = runtime.outbox.messages.length;
  runtime.advanceBy(2 * HOUR);
  const emails = runtime.outbox.messages
    .slice(sentBefore)
    .map((m) => ({ to: m.to, subject: m.subject, body: m.body, html: m.htmlBody }));
  return { cellsRead: runtime.kernel.snapshot().cellsRead - before, emails };
}

describe("what the hourly run reads", () => {
  it("reads none of the team's own columns nor those no digest needs, and sends the emails of a whole read", () => {
    const own = adopted(true, 3);
    expect(own.inspect().getActiveSpreadsheet().getSheets()[0]?.getLastColumn()).toBe(HEADER.length + 2 + 3);
    const withOwn = dayOfReminders(own);
    const without = dayOfReminders(adopted(false, 3));
    // 行业 and 地区: their header cells and those of the row with a note only (read whole), not two cells a row.
    expect(withOwn.cellsRead - without.cellsRead).toBe(2 + 2);
    expect(withOwn.emails).toEqual(without.emails);
    expect(withOwn.emails.map((e) => e.to)).toEqual([["li.lei@example.com"], ["li.si@example.com"]]);
    // As the whole row was read: the row with a note only is a follow-up no date reaches, for the admins.
    expect(withOwn.emails[0]?.body).toContain(`第 302 行「下次跟进日期」`);
    // Each row more costs the cells of the columns read, not the 19 of the table's width.
    const longer = dayOfReminders(adopted(true, 6));
    expect(longer.cellsRead - withOwn.cellsRead).toBe(300 * READ);
  });
});
