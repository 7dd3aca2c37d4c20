/** Integration tests on the built bundle: digests on workdays only (Settings, default Monday–Friday) with nothing lost over a weekend and no alarm for a day off; the digest as a phone shows it; and 撞单 typed into the sheet, reported while ownership stays. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { CustomerSummary } from "../../src/core/sidebar-api";
import { followUpTable, form, NAMES, submit, typedRow } from "../helpers/follow-up-table";
import { metadataValue } from "../helpers/workbook";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Friday 2026-11-27, 07:30 in Shanghai. */
const FRIDAY_SEVEN_THIRTY = Date.UTC(2026, 10, 26, 23, 30);
const LI_LEI = { email: "li.lei@example.com", locale: "zh_CN" };
const ANN = { email: "ann.lee@example.com", locale: "en" };

function menu(runtime: AppsScriptRuntime, caption: string): string {
  runtime.ui.answerNext("OK");
  runtime.clickMenu(caption);
  return runtime.ui.exchanges.at(-1)?.prompt ?? "";
}

/** The Settings sheet's value cell of the reminder days, found by its label. */
function workdaysCell(runtime: AppsScriptRuntime): GoogleAppsScript.Spreadsheet.Range {
  const settings = runtime.inspect().getActiveSpreadsheet().getSheetByName("设置");
  const labels = settings?.getRange(1, 8, 30, 1).getValues() ?? [];
  const row = labels.findIndex(([label]) => label === "提醒日（如 周一至周五）") + 1;
  if (!settings || row === 0) throw new Error("no reminder days on Settings");
  return settings.getRange(row, 9);
}

/** Li Si's follow-ups fall due on Friday and Saturday, Ann Lee's (with a phone number) on Sunday. */
function weekend(workdays?: string): AppsScriptRuntime {
  const runtime = followUpTable(
    [
      typedRow("上海某科技", "李四", "2026/11/27", "+86 138-0013-8000"),
      typedRow("北京某贸易", "李四", "2026/11/28"),
      typedRow("Globex", "Ann Lee", "2026/11/29", "(212) 555-0134"),
    ],
    { now: FRIDAY_SEVEN_THIRTY },
  );
  if (workdays) workdaysCell(runtime).setValue(workdays);
  runtime.open("LIMITED");
  menu(runtime, "提醒开关");
  // Until Monday noon.
  runtime.advanceTo(FRIDAY_SEVEN_THIRTY + 3 * DAY + 4 * HOUR + 30 * MINUTE);
  return runtime;
}

/** "2026-11-28 li.si@example.com subject" for every email sent but the weekly review, in order (days in Shanghai). */
function sent(runtime: AppsScriptRuntime): string[] {
  return runtime.outbox.messages
    .filter((m) => !m.subject.startsWith("【周报】"))
    .map((m) => `${new Date(m.at + 8 * HOUR).toISOString().slice(0, 10)} ${m.to.join()} ${m.subject}`);
}

describe("digests on workdays", () => {
  it("sends nothing on Saturday and Sunday by default, and Monday's digest lists what fell due over the weekend", () => {
    const runtime = weekend();
    expect(workdaysCell(runtime).getValue()).toBe("周一至周五");
    expect(sent(runtime).filter((line) => line.startsWith("2026-11-28") || line.startsWith("2026-11-29"))).toEqual([]);
    expect(sent(runtime).filter((line) => line.startsWith("2026-11-30"))).toEqual([
      "2026-11-30 ann.lee@example.com [Follow-up reminder] 1 overdue",
      "2026-11-30 li.lei@example.com 【跟进提醒】团队跟进情况",
      "2026-11-30 li.si@example.com 【跟进提醒】2 条逾期",
    ]);
    const monday = runtime.outbox.messages.find(
      (m) => m.to.includes("li.si@example.com") && m.subject.includes("2 条逾期"),
    );
    expect(monday?.body).toContain("- 上海某科技 · 已报价\n  联系人：张三 · +86 138-0013-8000\n  下一步：回访\n");
    expect(monday?.body).toContain("  逾期 3 天\n");
    expect(monday?.body).toContain("- 北京某贸易 · 已报价\n");
    expect(monday?.body).toContain("  逾期 2 天\n");
    expect(monday?.htmlBody).toContain('<a href="tel:+8613800138000" style="color:#1a73e8">+86 138-0013-8000</a>');
    expect(monday?.htmlBody).not.toContain("<table");
    const ann = runtime.outbox.messages.find(
      (m) => m.to.includes("ann.lee@example.com") && m.subject.endsWith("1 overdue"),
    );
    expect(ann?.body).toContain(
      "- Globex · Quoted\n  contact: 张三 · (212) 555-0134\n  next: 回访\n  last: 介绍产品\n  1 day overdue\n",
    );
    expect(ann?.htmlBody).toContain('href="tel:2125550134"');
  });

  it("raises no alarm for the days off: no status line, no alert, nothing reported as not sent", () => {
    const runtime = weekend();
    expect(runtime.triggerRuns.filter((r) => r.status !== "COMPLETED")).toEqual([]);
    expect(sent(runtime).filter((line) => line.includes("【跟进表助手】"))).toEqual([]);
    expect(JSON.parse(metadataValue(runtime, "followUpTracker.status") ?? "{}").problems ?? []).toEqual([]);
    const status = runtime.inspect().getActiveSpreadsheet().getSheetByName("设置")?.getRange(2, 11).getValue();
    expect(status).toMatch(/^正常：最近一次运行 2026-11-30 /);
    expect(runtime.run("sidebarData", [], { user: LI_LEI })).toMatchObject({ reminderProblems: [] });
  });

  it("sends on Saturday when Settings choose it, and not on Sunday", () => {
    const runtime = weekend("周一至周六");
    expect(sent(runtime).filter((line) => line.startsWith("2026-11-28"))).toEqual([
      "2026-11-28 ann.lee@example.com [Follow-up reminder] 1 upcoming",
      "2026-11-28 li.lei@example.com 【跟进提醒】团队跟进情况",
      "2026-11-28 li.si@example.com 【跟进提醒】1 条逾期，1 条今日到期",
    ]);
    expect(sent(runtime).filter((line) => line.startsWith("2026-11-29"))).toEqual([]);
  });

  it("reports Friday's digest that did not go out in Monday's admin digest, not on the weekend", () => {
    const runtime = followUpTable([typedRow("上海某科技", "李四", "2026/11/20")], { now: FRIDAY_SEVEN_THIRTY });
    runtime.open("LIMITED");
    menu(runtime, "提醒开关");
    // Every email of Friday fails for good.
    const stop = runtime.kernel.injectFault({
      match: "MailApp.sendEmail",
      message: "Invalid email: li.si@example.com",
    });
    runtime.advanceBy(16 * HOUR);
    stop();
    runtime.advanceTo(FRIDAY_SEVEN_THIRTY + 3 * DAY + 2 * HOUR);
    expect(sent(runtime).filter((line) => !line.startsWith("2026-11-30"))).toEqual([]);
    const admin = runtime.outbox.messages.find((m) => m.to.includes("li.lei@example.com"));
    expect(admin?.body).toContain("2026-11-27 有提醒没有发出：");
  });
});

describe("撞单 typed into the sheet", () => {
  /** 李四's customer; Ann Lee then types a newer row of it, spelled another way, straight into the sheet. */
  function collided(): AppsScriptRuntime {
    const runtime = followUpTable([typedRow("上海某科技有限公司", "李四", "2026/11/30")]);
    const typed = typedRow("上海 某科技（集团）", "Ann Lee", "2026/12/2");
    typed[4] = "2026/11/25";
    runtime
      .inspect()
      .getActiveSpreadsheet()
      .getSheetByName(NAMES.zh.followUps)
      ?.getRange(3, 1, 1, 12)
      .setValues([typed]);
    return runtime;
  }
  const customerOf = (runtime: AppsScriptRuntime, user: typeof ANN) => {
    runtime.run("sidebarData", [], { user });
    return (runtime.run("findCustomers", ["某"], { user }) as CustomerSummary[]).map((c) => [c.name, c.owner]);
  };

  it("keeps the customer its owner's, tells Sync's user and the admins, and still reminds the new row to its own owner", () => {
    const runtime = collided();
    runtime.user = LI_LEI;
    const report = menu(runtime, NAMES.zh.sync);
    expect(report).toContain("撞单：同一客户有两位责任人（1 个）");
    expect(report).toContain(
      "- 客户「上海 某科技（集团）」归李四（第 2 行），Ann Lee在表格中直接录入了第 3 行。客户仍归李四，每行照常提醒各自的责任人。",
    );
    expect(customerOf(runtime, ANN)).toEqual([["上海 某科技（集团）", "李四"]]);
    // Ann Lee logging it from the sidebar is warned of 撞单 with 李四.
    runtime.user = ANN;
    const result = submit(runtime, form({ customer: "上海某科技", owner: "Ann Lee", nextDate: "2026-12-03" }));
    expect(result.ok ? [] : result.warnings).toEqual([
      { kind: "duplicate", existing: "上海 某科技（集团）", owner: "李四", by: "name" },
      { kind: "collision", customer: "上海 某科技（集团）", owner: "李四" },
      { kind: "ownerChange", customer: "上海 某科技（集团）", from: "李四", to: "Ann Lee" },
    ]);
    // Wednesday's digests (Ann Lee's row falls due): the admin hears of it; her row, the customer's latest, is
    // reminded to her.
    runtime.user = LI_LEI;
    runtime.open("LIMITED");
    menu(runtime, "提醒开关");
    runtime.advanceTo(FRIDAY_SEVEN_THIRTY + 5 * DAY + HOUR);
    const admin = runtime.outbox.messages.find((m) => m.to.includes("li.lei@example.com"));
    expect(admin?.body).toContain("客户「上海 某科技（集团）」归李四（第 2 行），Ann Lee在表格中直接录入了第 3 行。");
    const ann = runtime.outbox.messages.find((m) => m.to.includes("ann.lee@example.com"));
    expect(ann?.body).toContain("- 上海 某科技（集团） · Quoted");
  });

  it("moves the customer on a hand-over confirmed in the sidebar, and reports no collision after it", () => {
    const runtime = collided();
    runtime.user = ANN;
    const request = form({ customer: "上海某科技", owner: "Ann Lee", date: "2026-11-27", nextDate: "2026-12-03" });
    const first = submit(runtime, request);
    if (first.ok) throw new Error("expected warnings");
    const confirmed = first.warnings.map((w) =>
      w.kind === "duplicate"
        ? `duplicate:${w.existing}:${w.by}`
        : w.kind === "collision"
          ? `collision:${w.customer}:${w.owner}`
          : `ownerChange:${w.customer}:${w.to}`,
    );
    expect(submit(runtime, request, confirmed).ok).toBe(true);
    expect(customerOf(runtime, ANN)).toEqual([["上海某科技", "Ann Lee"]]);
    runtime.user = LI_LEI;
    expect(menu(runtime, NAMES.zh.sync)).not.toContain("撞单");
  });
});
