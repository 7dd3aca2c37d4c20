/** Integration tests on the built bundle of 公海 (the customer pool): the owner is warned before a customer goes stale, an admin releases stale customers from the menu (recorded, nothing typed changed), the old owner is no longer reminded, a rep claims one from the sidebar (a second claim is refused), and the claimer is reminded and saves without a 撞单. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { ClaimResult, CustomerSummary, SidebarData } from "../../src/core/sidebar-api";
import { followUpTable, form, NAMES, submit } from "../helpers/follow-up-table";
import { ZH_REP } from "../helpers/runtime";

const HOUR = 3_600_000;
const LI_SI = { email: "li.si@example.com", locale: "zh_CN" };
const ANN = { email: "ann.lee@example.com", locale: "en" };

/** A typed row: id, customer, contact, contact info, follow-up date, method, need, summary, stage, next step, next date, owner. */
function row(customer: string, date: string, nextDate: string, owner = "李四"): unknown[] {
  return ["", customer, "张三", "", date, "电话", "要报价", "介绍产品", "已报价", "回访", nextDate, owner];
}

/** Friday 2026-11-27, 09:00 in Shanghai (the helper's default): 上海某科技 was last followed up 38 days ago. */
function table(): AppsScriptRuntime {
  const runtime = followUpTable([
    row("上海某科技", "2026/10/20", "2026/10/25"), // stale, and overdue for a month
    row("北京某贸易", "2026/10/30", "2026/12/20"), // stale in 2 days
    row("广州某制造", "2026/11/25", "2026/11/26"), // overdue, recent
  ]);
  runtime.ui.answerNext("OK");
  runtime.clickMenu("提醒开关");
  return runtime;
}

function followUps(runtime: AppsScriptRuntime): unknown[][] {
  return runtime.inspect().getActiveSpreadsheet().getSheetByName(NAMES.zh.followUps)?.getDataRange().getValues() ?? [];
}

/** The digests sent while `act` ran, by recipient. */
function sentDuring(runtime: AppsScriptRuntime, act: () => void): Map<string, string> {
  const before = runtime.outbox.messages.length;
  act();
  return new Map(runtime.outbox.messages.slice(before).map((m) => [String(m.to), `${m.subject}\n${m.body}`]));
}

function release(runtime: AppsScriptRuntime): string[] {
  const before = runtime.ui.exchanges.length;
  runtime.user = ZH_REP;
  runtime.ui.answerNext("YES");
  runtime.ui.answerNext("OK");
  runtime.clickMenu("释放公海客户");
  return runtime.ui.exchanges.slice(before).map((e) => String((e as { prompt?: string }).prompt ?? JSON.stringify(e)));
}

function claim(runtime: AppsScriptRuntime, user: { email: string; locale: string }, customer: string): ClaimResult {
  runtime.user = user;
  return runtime.run("claimCustomer", [{ customer }]) as ClaimResult;
}

describe("公海: the customer pool", () => {
  it("warns the owner in the digest before a customer goes stale", () => {
    const runtime = table();
    const sent = sentDuring(runtime, () => runtime.advanceBy(2 * HOUR));
    const lisi = sent.get(LI_SI.email) ?? "";
    expect(lisi).toContain("■ 即将进入公海（30 天未跟进即进入公海）");
    expect(lisi).toContain("- 北京某贸易 · 已报价：最后跟进 2026-10-30，还剩 2 天");
    expect(lisi).not.toMatch(/即将进入公海[\s\S]*上海某科技 · 已报价：最后跟进/);
  });

  it("lets only an admin release, asks first, records the release and changes no cell the team typed", () => {
    const runtime = table();
    runtime.user = LI_SI;
    runtime.ui.answerNext("OK");
    runtime.clickMenu("释放公海客户");
    expect(JSON.stringify(runtime.ui.exchanges.at(-1))).toContain("只有管理员");
    const before = followUps(runtime);
    const said = release(runtime).join("\n");
    expect(said).toContain("1 个客户已超过 30 天未跟进");
    expect(said).toContain("上海某科技（负责人 李四，38 天未跟进）");
    expect(said).toContain("已把 1 个客户释放到公海");
    expect(followUps(runtime)).toEqual(before);
    const log = runtime.inspect().getActiveSpreadsheet().getSheetByName("公海记录")?.getDataRange().getValues() ?? [];
    expect(log.map((cells) => cells.slice(1, 6))).toEqual([
      ["操作", "客户名称", "客户键", "负责人", "操作人"],
      ["释放到公海", "上海某科技", "上海某科技", "李四", ZH_REP.email],
    ]);
    // Released once: nothing is left to release.
    runtime.ui.answerNext("OK");
    runtime.clickMenu("释放公海客户");
    expect(JSON.stringify(runtime.ui.exchanges.at(-1))).toContain("没有超过 30 天未跟进的客户");
  });

  it("releases more stale customers at once than a new sheet has rows, into a log cut to what it holds", () => {
    const stale = Array.from({ length: 1_200 }, (_, i) => row(`客户${i}`, "2026/10/20", "2026/10/25"));
    const runtime = followUpTable(stale);
    const said = release(runtime).join("\n");
    expect(said).toContain("已把 1200 个客户释放到公海");
    const log = runtime.inspect().getActiveSpreadsheet().getSheetByName("公海记录");
    expect(log?.getLastRow()).toBe(1_201);
    expect([log?.getMaxRows(), log?.getMaxColumns()]).toEqual([1_201, 6]);
    const released =
      log
        ?.getRange(2, 3, 1_200, 1)
        .getValues()
        .map(([name]) => name) ?? [];
    expect(new Set(released).size).toBe(1_200);
  });

  it("stops reminding the old owner, tells the admins, and lets the first rep who claims it have it", () => {
    const runtime = table();
    release(runtime);
    const monday = sentDuring(runtime, () => runtime.advanceBy(3 * 24 * HOUR));
    expect(monday.get(LI_SI.email)).toContain("广州某制造");
    expect(monday.get(LI_SI.email)).not.toContain("上海某科技");
    expect(monday.get(ZH_REP.email)).toContain("公海里有 1 个客户等待领取。");

    runtime.user = ANN;
    const pool = (runtime.run("sidebarData") as SidebarData).pool;
    expect(pool).toEqual([{ customer: "上海某科技", stage: "已报价", owner: "李四", days: 41 }]);
    expect(claim(runtime, ANN, "上海某科技")).toEqual({
      ok: true,
      message: "已领取「上海某科技」：请记录你对它的第一次跟进。",
    });
    expect(claim(runtime, LI_SI, "上海某科技")).toEqual({ ok: false, message: "「上海某科技」已被 Ann Lee 领取。" });
    expect(claim(runtime, LI_SI, "北京某贸易")).toEqual({
      ok: false,
      message: "「北京某贸易」不在公海中（可能已有人跟进）。",
    });
    runtime.user = ANN;
    const data = runtime.run("sidebarData") as SidebarData;
    expect(data.pool).toEqual([]);
    const found = runtime.run("findCustomers", ["上海某科技"]) as CustomerSummary[];
    expect(found.find((c) => c.name === "上海某科技")?.owner).toBe("Ann Lee");
    expect(data.myDue.map((d) => d.customer)).toEqual(["上海某科技"]);

    const tuesday = sentDuring(runtime, () => runtime.advanceBy(24 * HOUR));
    expect(tuesday.get(ANN.email)).toContain("上海某科技");
    expect(tuesday.get(LI_SI.email) ?? "").not.toContain("上海某科技");

    // Ann's first follow-up: no 撞单 warning, and Sync reports none.
    runtime.user = ANN;
    const saved = submit(
      runtime,
      form({ customer: "上海某科技", owner: "Ann Lee", date: "2026-12-01", nextDate: "2026-12-04" }),
    );
    expect(saved).toMatchObject({ ok: true });
    runtime.user = ZH_REP;
    runtime.ui.answerNext("OK");
    runtime.clickMenu("同步与修复");
    const report = JSON.stringify(runtime.ui.exchanges.at(-1));
    expect(report).toContain("同步完成");
    expect(report).not.toContain("撞单");
  });

  it("claims a pool customer for whoever logs its first follow-up from the sidebar", () => {
    const runtime = table();
    release(runtime);
    runtime.user = LI_SI;
    expect(submit(runtime, form({ customer: "上海某科技", owner: "李四" }))).toMatchObject({ ok: true });
    runtime.user = ANN;
    expect(claim(runtime, ANN, "上海某科技").ok).toBe(false);
    const log = runtime.inspect().getActiveSpreadsheet().getSheetByName("公海记录")?.getDataRange().getValues() ?? [];
    expect(log.map((cells) => cells[1])).toEqual(["操作", "释放到公海", "领取"]);
  });

  it("speaks English in an English table: the question, the release and a claim", () => {
    const rows = [
      [
        "",
        "Globex",
        "Hank",
        "",
        "2026/10/20",
        "Phone",
        "Quote",
        "Intro call",
        "Quoted",
        "Call back",
        "2026/10/25",
        "Ann Lee",
      ],
    ];
    const runtime = followUpTable(rows, { language: "en" });
    runtime.user = { ...ZH_REP, locale: "en" }; // the Team sheet's admin
    runtime.ui.answerNext("YES");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("Release stale customers");
    const said = runtime.ui.exchanges
      .slice(-2)
      .map((e) => JSON.stringify(e))
      .join("\n");
    expect(said).toContain("1 customers have gone 30 days or more without a follow-up");
    expect(said).toContain("Globex (owner Ann Lee, 38 days without a follow-up)");
    expect(said).toContain("Released 1 customers to the pool");
    expect(claim(runtime, LI_SI, "Globex")).toEqual({
      ok: true,
      message: "You claimed “Globex”: log your first follow-up with them.",
    });
  });
});
