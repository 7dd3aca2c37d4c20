/** Integration tests of the sidebar's server side on the built bundle: saving a follow-up, bad input, duplicate and collision warnings, retries, concurrency and cost. */

import { callsBetween } from "../../local/runtime/kernel";
import { warningKey } from "../../src/core/sidebar-api";
import { followUpTable, form, submit, typedRow } from "../helpers/follow-up-table";

function rowValues(runtime: ReturnType<typeof followUpTable>, row: number): unknown[] {
  return (
    runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getRange(row, 1, 1, 18).getValues()[0] ?? []
  );
}

describe("saveFollowUp", () => {
  it("appends the follow-up with every field, and marks the customer's earlier row superseded in the add-on's column", () => {
    const runtime = followUpTable([typedRow("杭州某网络有限公司", "li.lei")]);
    const result = submit(runtime, form(), [
      warningKey({ kind: "duplicate", existing: "杭州某网络有限公司", owner: "li.lei", by: "name" }),
    ]);
    expect(result).toEqual({
      ok: true,
      row: 3,
      id: "FU-000002",
      supersededRows: [2],
      message: "已保存到第 3 行（FU-000002），该客户之前的 1 条跟进已标记为“已有新跟进”，不再提醒。",
    });
    const values = rowValues(runtime, 3);
    expect(values.slice(0, 4)).toEqual(["FU-000002", "杭州某网络", "王五", "13900139000"]);
    expect((values[4] as Date).getTime()).toBe(Date.UTC(2026, 10, 26, 16)); // 2026-11-27 00:00 in Shanghai
    expect(values.slice(5, 10)).toEqual(["电话", "想要年度套餐报价", "电话沟通了价格区间", "需求确认", "发正式报价单"]);
    expect((values[10] as Date).getTime()).toBe(Date.UTC(2026, 10, 29, 16));
    expect(values.slice(11, 16)).toEqual(["li.lei", "展会", 4, "", ""]);
    expect((values[16] as Date).getTime()).toBeGreaterThanOrEqual(runtime.kernel.now() - 60_000);
    expect(values[17]).toBe("");
    // The earlier row's done cell is left as it was; the add-on's own column says it is superseded.
    expect(rowValues(runtime, 2).slice(15)).toEqual(["", expect.any(Date), true]);
  });

  describe("bad input gets a clear message naming the field, and nothing is written", () => {
    it.each([
      ["an empty customer", { customer: "" }, "customer", "请填写「客户名称」。"],
      [
        "a next date before the follow-up date",
        { nextDate: "2026-11-20" },
        "nextDate",
        "下次跟进日期不能早于跟进时间。",
      ],
      ["2026-02-30", { date: "2026-02-30" }, "date", "「跟进时间」不是有效日期。"],
      [
        "a follow-up date after today",
        { date: "2026-12-01", nextDate: "2026-12-02" },
        "date",
        "跟进时间不能晚于今天。",
      ],
      ["an unknown stage", { stage: "搁置" }, "stage", "「搁置」不在「当前阶段」的选项中，请从列表中选择。"],
      [
        "an owner not on Team",
        { owner: "someone@evil.example" },
        "owner",
        "「someone@evil.example」不在团队表中，请从列表中选择责任人。",
      ],
      ["10,000-character notes", { notes: "很长".repeat(5000) }, "notes", "「备注」最多 5000 个字（现在 10000 个）。"],
      ["intent 9", { score: "9" }, "score", "意向评分为 1 到 5 的整数。"],
      ["no next step for an open stage", { nextStep: "", nextDate: "" }, "nextStep", "请填写「下一步计划」。"],
    ])("%s", (_case, change, field, message) => {
      const runtime = followUpTable();
      const result = submit(runtime, form(change));
      expect(result.ok).toBe(false);
      expect(result.ok ? {} : result.errors[field as keyof typeof result.errors]).toBe(message);
      expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getLastRow()).toBe(1);
    });

    it("refuses a malformed request outright", () => {
      const runtime = followUpTable();
      const result = runtime.run("saveFollowUp", [{ form: { customer: 1 }, confirmed: [], requestId: "x".repeat(10) }]);
      expect(result).toEqual({
        ok: false,
        errors: { form: "提交的数据格式不正确，请关闭侧边栏后重新打开。" },
        warnings: [],
      });
    });

    it("does not need a next step or date for a closed stage", () => {
      const runtime = followUpTable();
      expect(submit(runtime, form({ stage: "已成交", nextStep: "", nextDate: "" })).ok).toBe(true);
    });
  });

  it("stores formulas, signs and markup that users type as literal text, never as formulas", () => {
    const runtime = followUpTable();
    const hostile = {
      customer: '=IMPORTXML("http://evil.example","//a")',
      contact: "+cmd",
      contactInfo: "+86 138-0013-8000",
      need: "@SUM(1)",
      summary: "<script>alert(1)</script>",
      nextStep: '<img src=x onerror="alert(1)">',
      notes: "-1+1",
    };
    expect(submit(runtime, form(hostile)).ok).toBe(true);
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
    expect(
      sheet
        ?.getRange(2, 1, 1, 17)
        .getFormulas()[0]
        ?.every((f) => f === ""),
    ).toBe(true);
    const values = rowValues(runtime, 2);
    expect([values[1], values[2], values[3], values[6], values[7], values[9], values[14]]).toEqual([
      hostile.customer,
      hostile.contact,
      hostile.contactInfo,
      hostile.need,
      hostile.summary,
      hostile.nextStep,
      hostile.notes,
    ]);
  });

  describe("warnings before saving", () => {
    it.each([
      ["上海某科技", "上海某科技有限公司", "", ""],
      ["ACME", "Acme, Inc.", "", ""],
      ["新客户甲", "老客户乙", "13800138000", "+86 138-0013-8000"],
    ])("flags %s as a duplicate of %s (查重), naming it and its owner", (typed, existing, phone, typedPhone) => {
      const runtime = followUpTable([typedRow(existing, "李四", "2026/11/30", phone)]);
      const result = submit(runtime, form({ customer: typed, contactInfo: typedPhone || "13900139000" }));
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.warnings).toContainEqual({
        kind: "duplicate",
        existing,
        owner: "李四",
        by: phone ? "phone" : "name",
      });
      expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getLastRow()).toBe(2);
    });

    it("warns of another rep's customer (撞单); once confirmed the follow-up is recorded and the owner stays", () => {
      const runtime = followUpTable([typedRow("北京某贸易", "李四")]);
      const first = submit(runtime, form({ customer: "北京某贸易", owner: "李四" }));
      const collision = { kind: "collision" as const, customer: "北京某贸易", owner: "李四" };
      expect(first).toEqual({ ok: false, errors: {}, warnings: [collision] });
      const second = submit(runtime, form({ customer: "北京某贸易", owner: "李四" }), [warningKey(collision)]);
      expect(second.ok).toBe(true);
      expect(rowValues(runtime, 3)[11]).toBe("李四");
    });

    it("asks before changing a customer's owner", () => {
      const runtime = followUpTable([typedRow("北京某贸易", "李四")]);
      const result = submit(runtime, form({ customer: "北京某贸易", owner: "li.lei" }));
      expect(result.ok ? [] : result.warnings).toContainEqual({
        kind: "ownerChange",
        customer: "北京某贸易",
        from: "李四",
        to: "li.lei",
      });
    });
  });

  it("saves once when the sidebar retries the same request", () => {
    const runtime = followUpTable();
    const first = submit(runtime, form(), [], "retry-1234");
    const again = submit(runtime, form(), [], "retry-1234");
    expect(again).toEqual(first);
    expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getLastRow()).toBe(2);
  });

  it("answers in the table's language", () => {
    const runtime = followUpTable([], { language: "en" });
    const result = submit(
      runtime,
      form({ customer: "", stage: "Quoted", method: "Phone", source: "", owner: "Ann Lee" }),
    );
    expect(result.ok ? {} : result.errors).toEqual({ customer: "“Customer” is required." });
  });

  it("keeps every one of 20 overlapping submissions, each with its own id", () => {
    const runtime = followUpTable();
    const results: { customer: string; ok: boolean; busy: boolean }[] = [];
    const queue = Array.from({ length: 20 }, (_, i) => `并发客户${i}`);
    const send = (customer: string) => {
      // Each rep's own customer, with its own phone number (so no duplicate warning stops the save).
      const phone = `1390000${customer.replace(/\D/g, "").padStart(4, "0")}`;
      const result = submit(runtime, form({ customer, contactInfo: phone }), [], `concurrent-${customer}`);
      results.push({ customer, ok: result.ok, busy: !result.ok && result.errors.form !== undefined });
    };
    // Other reps' submissions start while one is about to take the lock (they run first) …
    runtime.kernel.interleave({ match: "Lock.tryLock", times: 16 }, () => {
      const next = queue.shift();
      if (next) send(next);
    });
    // … or while one is writing under the lock (they find it taken and report "busy").
    runtime.kernel.interleave({ match: "Range.setValues", times: 3 }, () => {
      const next = queue.shift();
      if (next) send(next);
    });
    send(queue.shift() ?? "");
    runtime.kernel.clearRules();

    // Some arrived while another held the lock: the sidebar showed "busy", the user pressed Save again.
    expect(results.filter((r) => r.busy).length).toBeGreaterThan(0);
    for (const busy of results.filter((r) => r.busy)) send(busy.customer);
    const values =
      runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getRange(2, 1, 25, 2).getValues() ?? [];
    const saved = values.filter((r) => r[1] !== "");
    expect(saved).toHaveLength(20);
    expect(new Set(saved.map((r) => r[0])).size).toBe(20);
    expect(new Set(saved.map((r) => r[1])).size).toBe(20);
  });

  it("makes the same number of service calls at 100 and 20,000 rows", () => {
    const calls = (count: number) => {
      const runtime = followUpTable(Array.from({ length: count }, (_, i) => typedRow(`客户${i}`, "li.lei")));
      const before = runtime.kernel.snapshot();
      expect(submit(runtime, form()).ok).toBe(true);
      return callsBetween(before, runtime.kernel.snapshot(), "Spreadsheet");
    };
    expect(calls(100)).toBe(calls(20_000));
  });
});

describe("sidebarData", () => {
  it("lists customers with owner and stage, and the user's overdue then due-today follow-ups", () => {
    const runtime = followUpTable([
      typedRow("北京某贸易", "li.lei", "2026/11/27"),
      typedRow("上海某科技", "li.lei", "2026/11/20"),
      typedRow("广州某制造", "李四", "2026/11/01"),
      typedRow("深圳某电子", "li.lei", "2026/12/20"),
    ]);
    const data = runtime.run("sidebarData") as import("../../src/core/sidebar-api").SidebarData;
    expect(data.today).toBe("2026-11-27");
    expect(data.userName).toBe("li.lei");
    const found = runtime.run("findCustomers", ["广州"]) as import("../../src/core/sidebar-api").CustomerSummary[];
    expect(found.map((c) => [c.name, c.owner, c.stage])).toContainEqual(["广州某制造", "李四", "已报价"]);
    expect(data.myDue.map((d) => [d.customer, d.daysOverdue])).toEqual([
      ["上海某科技", 7],
      ["北京某贸易", 0],
    ]);
  });
});
