/** The playground page in Chromium: a follow-up logged through the real sidebar appears in the grid coloured, the next morning's digest reaches the outbox, the demo group's post shows beside it, menu dialogs are answered in the page, an HTML dialog (Reminder channels) shows in the side panel, a date typed into the grid recolours its row, a typed owner reaches the due list through onEdit, the page speaks Chinese or English, and the state outlives a restart until Reset. */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { type PlaygroundServer, startPlayground } from "../../local/playground/server";
import { describeInBrowser } from "../helpers/browser";
import { eventually, textOf } from "../helpers/page";

jest.setTimeout(60000);

const ROOT = path.resolve(__dirname, "../..");
/** Sheets' "light red 3" (overdue) and "light yellow 2" (due today), as the browser computes them. */
const RED = "rgb(244, 204, 204)";
const AMBER = "rgb(255, 229, 153)";
/** A cell no rule colours. */
const WHITE = "rgb(255, 255, 255)";

let stateDir: string;
let playground: PlaygroundServer | undefined;

beforeEach(() => {
  stateDir = mkdtempSync(path.join(tmpdir(), "playground-test-"));
});

afterEach(async () => {
  try {
    await playground?.close();
  } finally {
    playground = undefined;
    rmSync(stateDir, { recursive: true, force: true });
  }
});

/** Starts the playground and opens its page in a browser whose language is `browserLanguage`. */
async function openPlayground(page: Page, browserLanguage = "en-US"): Promise<void> {
  playground = await startPlayground({ root: ROOT, port: 0, stateFile: path.join(stateDir, "state.json") });
  await page.addInitScript((language) => {
    Object.defineProperty(Navigator.prototype, "language", { get: () => language, configurable: true });
  }, browserLanguage);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${playground.url}/`);
  await page.frameLocator("#sidebar-frame").getByLabel("客户名称").waitFor();
}

/** What the grid shows of a customer's row: the background of its first data cell, and the state the grid was drawn from. */
interface RowSeen {
  colour: string;
  /** The grid's data-version (the playground state it shows) and data-renders (draws so far), stamped by the page. */
  version: string;
  renders: string;
}

/**
 * Runs in the page: reads the customer's row from the current DOM in one synchronous go, so a redraw (the page's
 * poll redraws the grid whenever the sidebar's calls bump the state) can never land between finding the cell and
 * reading its colour. With `until`, it is a waitForFunction predicate: false until the colour is `until`.
 */
function rowInGrid({ customer, until }: { customer: string; until?: string }): RowSeen | false {
  const grid = document.getElementById("grid");
  const row = Array.from(grid?.querySelectorAll("tbody tr") ?? []).find((tr) => tr.textContent?.includes(customer));
  const cell = row?.querySelector("td");
  const seen = {
    colour: cell ? getComputedStyle(cell).backgroundColor : "(no such row)",
    version: grid?.dataset.version ?? "(never drawn)",
    renders: grid?.dataset.renders ?? "0",
  };
  return until === undefined || seen.colour === until ? seen : false;
}

/** Waits until the customer's row in the grid has the background `colour`, re-reading the live grid every 50 ms. */
async function rowColourBecomes(page: Page, customer: string, colour: string): Promise<void> {
  try {
    await page.waitForFunction(rowInGrid, { customer, until: colour }, { polling: 50, timeout: 10_000 });
  } catch (error) {
    const seen = await page.evaluate(rowInGrid, { customer }).catch(() => "(page gone)");
    throw new Error(`${customer}'s row: expected ${colour}, the grid shows ${JSON.stringify(seen)}\n${error}`);
  }
}

describeInBrowser("the playground page", (suite) => {
  it("logs a follow-up through the sidebar, colours its row, and mails it in the next workday's digest", async () => {
    const page = await suite.page();
    await openPlayground(page);
    await expect(page.locator("#clock-text").textContent()).resolves.toBe("2026-11-27 Fri 09:00 (Asia/Shanghai)");
    // The demo's overdue and due-today rows are already coloured.
    await rowColourBecomes(page, "北京某贸易", RED);
    await rowColourBecomes(page, "成都某餐饮", AMBER);

    const sidebar = page.frameLocator("#sidebar-frame");
    await sidebar.getByLabel("客户名称").fill("宁夏某能源");
    await sidebar.getByLabel("联系人").fill("马经理");
    await sidebar.getByLabel("跟进方式").selectOption("电话");
    await sidebar.getByLabel("客户需求").fill("光伏电站巡检");
    await sidebar.getByLabel("跟进内容").fill("电话了解了电站规模");
    await sidebar.getByLabel("当前阶段").selectOption("需求确认");
    await sidebar.getByLabel("下一步计划").fill("今天下午发方案");
    await sidebar.getByLabel("下次跟进日期").fill("2026-11-27");
    await sidebar.getByLabel("责任人").selectOption("李雷");
    await sidebar.getByRole("button", { name: "保存" }).click();
    await textOf(sidebar.locator("#status"), /^已保存到第 42 行/);

    await rowColourBecomes(page, "宁夏某能源", AMBER);
    await expect(page.locator("#grid tr[data-row='42'] td").nth(1).textContent()).resolves.toBe("宁夏某能源");

    await page.getByRole("button", { name: "+1 day" }).click();
    await textOf(page.locator("#clock-text"), "2026-11-28 Sat 09:00");
    await textOf(page.locator("#status"), /runHourly at 2026-11-28 Sat 08:\d\d COMPLETED/);
    await rowColourBecomes(page, "宁夏某能源", RED);
    // Saturday is a day off (Settings' default reminder days, Monday–Friday): Monday's digest lists it.
    await expect(page.locator("#mail-list li", { hasText: "2026-11-28" }).count()).resolves.toBe(0);
    await page.locator("#clock-input").fill("2026-11-30T09:00");
    await page.getByRole("button", { name: "Set", exact: true }).click();
    await textOf(page.locator("#clock-text"), "2026-11-30 Mon 09:00");
    const digest = page.locator("#mail-list li", { hasText: "li.lei@example.com" }).filter({ hasText: "2026-11-30" });
    await expect(digest.first().textContent()).resolves.toMatch(/【跟进提醒】\d+ 条逾期/);
    await digest.first().getByRole("button").click();
    await textOf(page.locator("#mail pre"), "宁夏某能源");
    expect(suite.errors()).toEqual([]);
  });

  it("shows the demo group's morning post beside the outbox: platform, time, each rep's name and items, as text", async () => {
    const page = await suite.page();
    await openPlayground(page);
    const posts = page.locator("#post-list");
    await textOf(posts, "No group post yet");
    await textOf(page.locator("#posts-count"), "(0)");
    // A customer name with markup in it (typed into 成都某餐饮's customer cell, column B): the post shows it as text.
    const customer = page.locator("#grid tbody tr", { hasText: "成都某餐饮" }).locator("td").nth(1);
    await customer.dblclick();
    await page.locator("#grid td.editing input").fill("<b>成都</b>某餐饮");
    await page.locator("#grid td.editing input").press("Enter");
    await textOf(page.locator("#status"), /^Edited 跟进记录!B\d+; triggers: onEdit COMPLETED\.$/);

    await page.getByRole("button", { name: "+1 hour" }).click();
    await textOf(page.locator("#status"), /runHourly at 2026-11-27 Fri \d\d:\d\d COMPLETED/);
    await textOf(page.locator("#posts-count"), "(1)");
    await expect(posts.locator("li .when").textContent()).resolves.toMatch(/^2026-11-27 Fri \d\d:\d\d · WeCom$/);
    const message = posts.locator("li pre");
    await textOf(message, "【跟进提醒】2026-11-27 今日待跟进（销售跟进表）");
    await textOf(message, "李雷：逾期 2 条，今日到期 1 条");
    await textOf(message, "· <b>成都</b>某餐饮：下一步 确认合同条款（今日到期）");
    await expect(message.locator("b").count()).resolves.toBe(0);

    await page.locator("#language").selectOption("zh");
    await textOf(page.locator("#posts h2"), "群消息 (1)");
    await textOf(posts.locator("li .when"), "· 企业微信");
    expect(suite.errors()).toEqual([]);
  });

  it("shows a menu item's dialog in the page and runs the item with the button pressed", async () => {
    const page = await suite.page();
    await openPlayground(page);
    await page.getByRole("button", { name: "同步与修复" }).click();
    await textOf(page.locator("#dialog-prompt"), /^同步完成/);
    await page.locator("#dialog").getByRole("button", { name: "OK" }).click();
    await textOf(page.locator("#status"), "同步与修复: done.");
    await expect(page.locator("#dialog").isVisible()).resolves.toBe(false);
    expect(suite.errors()).toEqual([]);
  });

  it("shows an HTML dialog the add-on opens (Reminder channels) in the side panel, and the sidebar again once it is closed", async () => {
    const page = await suite.page();
    await openPlayground(page);
    await page.getByRole("button", { name: "提醒渠道" }).click();
    const frame = page.frameLocator("#sidebar-frame");
    // The demo's admin added the WeCom group: it is listed, its key masked.
    await textOf(frame.locator("#channels span").first(), /销售群 · https:\/\/qyapi\.weixin\.qq\.com\/••••/);
    await textOf(page.locator("#sidebar-title"), "提醒渠道");
    await frame.getByRole("button", { name: "关闭" }).click();
    await frame.getByLabel("客户名称").waitFor();
    expect(suite.errors()).toEqual([]);
  });

  it("types a later next date into an overdue row: the row loses its colour, and the edit outlives a restart", async () => {
    const page = await suite.page();
    await openPlayground(page);
    await rowColourBecomes(page, "北京某贸易", RED);
    // 下次跟进日期 (next follow-up date) is column K, the 11th cell after the row number.
    const nextDate = () => page.locator("#grid tbody tr", { hasText: "北京某贸易" }).locator("td").nth(10);
    await expect(nextDate().textContent()).resolves.toBe("2026-11-24");
    await nextDate().dblclick();
    const input = page.locator("#grid td.editing input");
    await expect(input.inputValue()).resolves.toBe("2026-11-24");
    await input.fill("2026/12/5");
    await input.press("Enter");
    // The add-on's simple onEdit only notes the edited row for the customer index (the sidebar's).
    await textOf(page.locator("#status"), "Edited 跟进记录!K4; triggers: onEdit COMPLETED.");
    await rowColourBecomes(page, "北京某贸易", WHITE);
    // Typed as a person types it: read as a date, shown in the column's date format.
    await expect(nextDate().textContent()).resolves.toBe("2026-12-05");

    await page.goto("about:blank");
    await playground?.close();
    await openPlayground(page);
    await rowColourBecomes(page, "北京某贸易", WHITE);
    await expect(nextDate().textContent()).resolves.toBe("2026-12-05");
    expect(suite.errors()).toEqual([]);
  });

  it("types into a cell as Sheets does: the add-on's onEdit notes the edit, and the sidebar's due list follows it", async () => {
    const page = await suite.page();
    await openPlayground(page);
    const sidebar = page.frameLocator("#sidebar-frame");
    const dueList = sidebar.locator("#due-list");
    await page.getByRole("button", { name: "我的待跟进" }).click();
    await textOf(dueList, "杭州某网络");
    // 责任人 (owner) is column L, the 12th cell after the row number: the manager hands 杭州某网络 to 李雷.
    const owner = page.locator("#grid tbody tr", { hasText: "杭州某网络" }).locator("td").nth(11);
    await expect(owner.textContent()).resolves.toBe("王芳");
    await owner.dblclick();
    await page.locator("#grid td.editing input").fill("李雷");
    await page.locator("#grid td.editing input").press("Enter");
    await textOf(page.locator("#status"), "Edited 跟进记录!L9; triggers: onEdit COMPLETED.");
    await textOf(owner, "李雷");
    // The customer index reads no table: only the row onEdit noted tells the next sidebar call to patch it.
    await page.getByRole("button", { name: "我的待跟进" }).click();
    await eventually(
      async () => (await dueList.textContent()) ?? "",
      (text) => text.includes("苏州某材料") && !text.includes("杭州某网络"),
      "王芳's due list in the sidebar opened again",
    );
    expect(suite.errors()).toEqual([]);
  });

  it("speaks the browser's language, switches between 中文 and English, and remembers the choice", async () => {
    const page = await suite.page();
    await openPlayground(page, "zh-CN");
    const clockDay = page.locator("#clock-day");
    await textOf(clockDay, "+1 天");
    await textOf(page.locator("#reset"), "重置");
    await textOf(page.locator("h1"), "跟进表助手 试用场");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    // The add-on's own words stay in the spreadsheet's language; the dialog's buttons are the page's.
    await page.getByRole("button", { name: "同步与修复" }).click();
    await page.locator("#dialog").getByRole("button", { name: "确定" }).click();
    await textOf(page.locator("#status"), "同步与修复：完成。");

    await page.locator("#language").selectOption("en");
    await textOf(clockDay, "+1 day");
    await textOf(page.locator("#reset"), "Reset");
    await textOf(page.locator("#outbox h2").first(), "Outbox");
    await expect(page.locator("#sidebar-frame").getAttribute("title")).resolves.toBe("Add-on sidebar");
    await page.getByRole("button", { name: "同步与修复" }).click();
    await page.locator("#dialog").getByRole("button", { name: "OK" }).click();
    await textOf(page.locator("#status"), "同步与修复: done.");

    // A zh-CN browser, but the reader chose English here: the next visit stays in English.
    await page.reload();
    await page.frameLocator("#sidebar-frame").getByLabel("客户名称").waitFor();
    await textOf(clockDay, "+1 day");
    await expect(page.locator("#language").inputValue()).resolves.toBe("en");
    expect(suite.errors()).toEqual([]);
  });

  it("keeps what was done across a restart, until Reset starts over from the demo", async () => {
    const page = await suite.page();
    await openPlayground(page);
    await page.getByRole("button", { name: "+1 hour" }).click();
    await textOf(page.locator("#outbox-count"), "(5)");
    // Leave the page first: its polling would otherwise meet the stopped server.
    await page.goto("about:blank");
    await playground?.close();

    await openPlayground(page);
    await expect(page.locator("#clock-text").textContent()).resolves.toBe("2026-11-27 Fri 10:00 (Asia/Shanghai)");
    await textOf(page.locator("#outbox-count"), "(5)");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Reset" }).click();
    await textOf(page.locator("#clock-text"), "2026-11-27 Fri 09:00");
    await textOf(page.locator("#outbox-count"), "(0)");
    expect(suite.errors()).toEqual([]);
  });
});
