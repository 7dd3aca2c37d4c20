/** The built follow-up sidebar in headless Chromium against the bundle in the runtime: typing follow-ups in Chinese and English, warnings, errors beside fields, the due list, and no script from user text. */

import type { Page } from "playwright-core";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { type SidebarHost, startSidebarHost } from "../../local/sidebar-host/sidebar-host";
import { describeInBrowser } from "../helpers/browser";
import { followUpTable, typedRow } from "../helpers/follow-up-table";
import { eventually, focusedId, textOf } from "../helpers/page";

jest.setTimeout(30000);

let host: SidebarHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** Opens the sidebar from the menu in the runtime and loads it in the page, waiting for its data. */
async function openSidebar(runtime: AppsScriptRuntime, page: Page, menu: string): Promise<void> {
  runtime.clickMenu(menu);
  host = await startSidebarHost(runtime);
  await page.goto(host.sidebarUrl);
  await page.waitForFunction(() => (document.getElementById("owner") as HTMLSelectElement).options.length > 1);
}

function row(runtime: AppsScriptRuntime, n: number): unknown[] {
  const ss = runtime.inspect().getActiveSpreadsheet();
  const sheet = ss.getSheetByName("跟进记录") ?? ss.getSheetByName("Follow-ups");
  return sheet?.getRange(n, 1, 1, 18).getValues()[0] ?? [];
}

const isoOf = (value: unknown) => (value as Date).toISOString();

describeInBrowser("follow-up sidebar in Chromium", (suite) => {
  it("logs a follow-up typed in Chinese; the customer's previous row is marked superseded", async () => {
    const runtime = followUpTable([typedRow("上海某科技", "li.lei", "2026/11/26", "'13800138000", "需求确认")]);
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "记录跟进");

    await page.getByLabel("客户名称").fill("上海某科技");
    await page.getByLabel("客户名称").press("Tab"); // choosing the existing customer pre-fills its details
    // Looked up on the server (the sidebar is not sent every customer): the details arrive with its answer.
    await eventually(
      () => page.getByLabel("联系方式").inputValue(),
      (value) => value === "13800138000",
      "contact details pre-filled",
    );
    await expect(page.getByLabel("责任人").inputValue()).resolves.toBe("li.lei");
    await expect(page.locator("#hint-customer").textContent()).resolves.toContain("负责人 li.lei");
    await page.getByLabel("跟进方式").selectOption("微信");
    await page.getByLabel("客户需求").fill("需要三年期报价");
    await page.getByLabel("跟进内容").fill("微信发送了报价单，客户在比价");
    await page.getByLabel("当前阶段").selectOption("已报价");
    await page.getByLabel("下一步计划").fill("周一电话确认反馈");
    await page.getByLabel("下次跟进日期").fill("2026-11-30");
    await page.getByLabel("客户来源").selectOption("官网");
    await page.getByLabel("意向评分").selectOption("4");
    await page.getByLabel("备注").fill("决策人是张总");
    await page.getByRole("button", { name: "保存" }).click();

    await textOf(page.locator("#status"), /^已保存到第 3 行（FU-000002）/);
    const saved = row(runtime, 3);
    expect(saved.slice(0, 4)).toEqual(["FU-000002", "上海某科技", "张三", "13800138000"]);
    expect(isoOf(saved[4])).toBe("2026-11-26T16:00:00.000Z");
    expect(saved.slice(5, 10)).toEqual([
      "微信",
      "需要三年期报价",
      "微信发送了报价单，客户在比价",
      "已报价",
      "周一电话确认反馈",
    ]);
    expect(isoOf(saved[10])).toBe("2026-11-29T16:00:00.000Z");
    expect(saved.slice(11, 16)).toEqual(["li.lei", "官网", 4, "决策人是张总", ""]);
    // The earlier row's own done cell stays as typed; the add-on's superseded column marks it.
    expect(row(runtime, 2)[15]).toBe("");
    expect(row(runtime, 2)[17]).toBe(true);
    expect(suite.errors()).toEqual([]);
  });

  it("logs a follow-up typed in English for a new customer", async () => {
    const runtime = followUpTable([], { language: "en" });
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "Log a follow-up");
    await page.getByLabel("Customer", { exact: true }).fill("Globex LLC");
    await page.getByLabel("Contact", { exact: true }).fill("Hank Scorpio");
    await page.getByLabel("Phone / email / WeChat").fill("+1 415 555 0100");
    await page.getByLabel("Method").selectOption("Email");
    await page.getByLabel("Customer need").fill("A quote for 40 seats");
    await page.getByLabel("What we did / summary").fill("Sent the deck");
    await page.getByLabel("Stage").selectOption("Quoted");
    await page.getByLabel("Next step", { exact: true }).fill("Call on Monday");
    await page.getByLabel("Next follow-up date").fill("2026-11-30");
    await page.getByLabel("Owner").selectOption("Ann Lee");
    await page.getByRole("button", { name: "Save" }).click();
    await textOf(page.locator("#status"), "Saved to row 2 (FU-000001).");
    const saved = row(runtime, 2);
    expect(saved.slice(1, 4)).toEqual(["Globex LLC", "Hank Scorpio", "+1 415 555 0100"]);
    expect(saved.slice(5, 12)).toEqual([
      "Email",
      "A quote for 40 seats",
      "Sent the deck",
      "Quoted",
      "Call on Monday",
      expect.any(Date),
      "Ann Lee",
    ]);
  });

  it("shows errors beside the fields and keeps what was typed", async () => {
    const runtime = followUpTable();
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "记录跟进");
    await page.getByLabel("跟进内容").fill("打了电话");
    await page.getByLabel("下次跟进日期").fill("2026-11-01");
    await page.getByRole("button", { name: "保存" }).click();
    await textOf(page.locator("#error-customer"), "请填写「客户名称」。");
    await textOf(page.locator("#error-nextDate"), "下次跟进日期不能早于跟进时间。");
    await expect(focusedId(page)).resolves.toBe("customer");
    await expect(page.getByLabel("客户名称").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("跟进内容").inputValue()).resolves.toBe("打了电话");
    expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getLastRow()).toBe(1);
  });

  it("warns of a duplicate and another rep's customer, and saves once confirmed", async () => {
    const runtime = followUpTable([typedRow("北京某贸易有限公司", "李四")]);
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "记录跟进");
    await page.getByLabel("客户名称").fill("北京某贸易");
    await textOf(page.locator("#hint-customer"), "疑似重复客户：已有「北京某贸易有限公司」（负责人：李四）");
    for (const [label, value] of [
      ["客户需求", "询价"],
      ["跟进内容", "电话沟通"],
      ["下一步计划", "发报价"],
      ["下次跟进日期", "2026-11-30"],
    ]) {
      await page.getByLabel(label as string).fill(value as string);
    }
    await page.getByLabel("当前阶段").selectOption("需求确认");
    await page.getByRole("button", { name: "保存" }).click();
    await textOf(page.locator("#warning-list"), "撞单提醒：「北京某贸易有限公司」由 李四 负责。");
    expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getLastRow()).toBe(2);
    await page.getByRole("button", { name: "仍然保存" }).click();
    await textOf(page.locator("#status"), /^已保存到第 3 行/);
  });

  it("sends a vague next step back with the article's examples of a good entry, and offers only concrete stages", async () => {
    const runtime = followUpTable();
    // An older adoption left a vague status in Settings: it is not offered.
    runtime.inspect().getActiveSpreadsheet().getSheetByName("设置")?.getRange("A10").setValue("跟进中");
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "记录跟进");
    const stages = await page.locator("#stage option").allTextContents();
    expect(stages).toContain("已报价");
    expect(stages).not.toContain("跟进中");
    await expect(page.locator("#examples").getAttribute("open")).resolves.toBeNull();
    for (const [label, value] of [
      ["客户名称", "深圳某医疗"],
      ["客户需求", "客户需详细报价单"],
      ["跟进内容", "微信发了报价单"],
      ["下一步计划", "继续跟进"],
      ["下次跟进日期", "2026-11-30"],
    ]) {
      await page.getByLabel(label as string).fill(value as string);
    }
    await page.getByLabel("当前阶段").selectOption("已报价");
    await page.getByRole("button", { name: "保存" }).click();
    await textOf(
      page.locator("#error-nextStep"),
      "「下一步计划」写得太笼统（「继续跟进」）：请写出具体动作，如「6/13电话确认付款方式」。",
    );
    await expect(focusedId(page)).resolves.toBe("nextStep");
    await expect(page.locator("#examples").getAttribute("open")).resolves.toBe("");
    await textOf(page.locator("#examples"), "6/13电话确认付款方式");
    await textOf(page.locator("#examples"), "不要只写“跟进中”");
    expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getLastRow()).toBe(1);
    await page.getByLabel("下一步计划").fill("6/30电话确认付款方式");
    await page.getByRole("button", { name: "保存" }).click();
    await textOf(page.locator("#status"), /^已保存到第 2 行/);
  });

  it("shows the examples and the pushback in English", async () => {
    const runtime = followUpTable([], { language: "en" });
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "Log a follow-up");
    await page.getByText("What a good entry looks like").click();
    await textOf(page.locator("#examples"), "6/13 call to confirm the payment terms");
    await page.getByLabel("Next step", { exact: true }).fill("Follow up next week");
    await page.getByRole("button", { name: "Save" }).click();
    await textOf(
      page.locator("#error-nextStep"),
      "“Next step” is too vague (“Follow up next week”): write the concrete action, e.g. “6/13 call to confirm the payment terms”.",
    );
  });

  it("pre-fills the next date from the cadence of the stage and intent chosen, until the user picks one", async () => {
    const runtime = followUpTable();
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "记录跟进");
    const date = await page.getByLabel("跟进时间").inputValue();
    const after = (days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("当前阶段").selectOption("已报价");
    await expect(page.getByLabel("下次跟进日期").inputValue()).resolves.toBe(after(3));
    await textOf(page.locator("#hint-nextDate"), "按跟进节奏：3 天后（可改）");
    // A keen customer (intent 5) is followed up sooner: the grade's 2 days before the stage's 3.
    await page.getByLabel("意向评分").selectOption("5");
    await expect(page.getByLabel("下次跟进日期").inputValue()).resolves.toBe(after(2));
    // A closed stage has no next date.
    await page.getByLabel("当前阶段").selectOption("已成交");
    await expect(page.getByLabel("下次跟进日期").inputValue()).resolves.toBe("");
    await textOf(page.locator("#hint-nextDate"), "");
    // A date the user picks stays, whatever is chosen after.
    await page.getByLabel("当前阶段").selectOption("新线索");
    await page.getByLabel("下次跟进日期").fill("2026-12-24");
    await page.getByLabel("当前阶段").selectOption("谈判中");
    await expect(page.getByLabel("下次跟进日期").inputValue()).resolves.toBe("2026-12-24");
    await textOf(page.locator("#hint-nextDate"), "");
    expect(suite.errors()).toEqual([]);
  });

  it("says where the pre-filled next date came from in English", async () => {
    const runtime = followUpTable([], { language: "en" });
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "Log a follow-up");
    await page.getByLabel("Stage").selectOption("New lead");
    await textOf(page.locator("#hint-nextDate"), "By cadence: in 2 days (you can change it)");
  });

  it("lists my overdue follow-ups first; clicking one selects its row and pre-fills the form", async () => {
    const runtime = followUpTable([
      typedRow("北京某贸易", "li.lei", "2026/11/27"),
      typedRow("上海某科技", "li.lei", "2026/11/20"),
      typedRow("广州某制造", "李四", "2026/11/01"),
    ]);
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "我的待跟进");
    const items = page.locator("#due-list button");
    await expect(items.count()).resolves.toBe(2);
    await textOf(items.nth(0), "上海某科技");
    await textOf(items.nth(0), "逾期 7 天");
    await textOf(items.nth(1), "今日到期");
    await items.nth(0).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("客户名称").inputValue()).resolves.toBe("上海某科技");
    await expect(focusedId(page)).resolves.toBe("summary");
    await eventually(
      async () => runtime.inspect().getActiveSpreadsheet().getActiveRange()?.getRow(),
      (row) => row === 3,
      "selected row",
    );
  });

  it("marks a date read from the next step, and writes it into the empty cell when asked", async () => {
    const fromText = [
      "",
      "厦门某贸易",
      "张三",
      "",
      "2026/11/20",
      "电话",
      "要报价",
      "介绍产品",
      "已报价",
      "11/25回访报价反馈",
      "",
    ];
    const runtime = followUpTable([[...fromText, "li.lei"]]);
    runtime.open("LIMITED");
    const page = await suite.page();
    await openSidebar(runtime, page, "我的待跟进");
    await textOf(page.locator("#due-list .when").nth(0), "逾期 2 天 · 日期取自下一步");
    const write = page.getByRole("button", { name: "把 2026-11-25 写入「下次跟进日期」" });
    await write.click();
    await textOf(page.locator("#status"), "已把 2026-11-25 写入第 2 行的「下次跟进日期」。");
    expect(isoOf(row(runtime, 2)[10])).toBe("2026-11-24T16:00:00.000Z");
    // Once the list is reloaded, the date is the cell's: nothing more to write.
    await textOf(page.locator("#due-list .when").nth(0), /^逾期 2 天$/);
    await expect(page.locator("#due-list .write-date").count()).resolves.toBe(0);
    expect(suite.errors()).toEqual([]);
  });

  it("lists the pool's customers and claims one: the form opens for the first follow-up", async () => {
    const runtime = followUpTable([typedRow("上海某科技", "li.lei", "2026/10/25")]);
    runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getRange("E2").setValue("2026/10/20");
    runtime.open("LIMITED");
    runtime.ui.answerNext("YES");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("释放公海客户");
    runtime.user = { email: "li.si@example.com", locale: "zh_CN" };
    const page = await suite.page();
    await openSidebar(runtime, page, "我的待跟进");
    await textOf(page.locator("#pool"), "公海客户（可领取）");
    await textOf(page.locator("#pool-list li").first(), "原负责人 li.lei · 38 天未跟进");
    await page.getByRole("button", { name: "领取「上海某科技」" }).click();
    await textOf(page.locator("#status"), "已领取「上海某科技」：请记录你对它的第一次跟进。");
    await expect(page.getByLabel("客户名称").inputValue()).resolves.toBe("上海某科技");
    await expect(page.getByLabel("责任人").inputValue()).resolves.toBe("李四");
    await expect(focusedId(page)).resolves.toBe("summary");
    await expect(page.locator("#pool").isHidden()).resolves.toBe(true);
    expect(suite.errors()).toEqual([]);
  });

  it("shows customer names with markup as text and runs none of it", async () => {
    const runtime = followUpTable([
      typedRow("<img src=x onerror=alert(1)>", "li.lei", "2026/11/20"),
      typedRow("<script>alert(2)</script>", "li.lei", "2026/11/21"),
    ]);
    runtime.open("LIMITED");
    const page = await suite.page();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openSidebar(runtime, page, "我的待跟进");
    await textOf(page.locator("#due-list button").nth(0), "<img src=x onerror=alert(1)>");
    await textOf(page.locator("#due-list button").nth(1), "<script>alert(2)</script>");
    await expect(page.locator("#due-list img, #due-list script").count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });
});
