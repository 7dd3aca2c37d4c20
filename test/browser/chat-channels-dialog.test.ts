/** The built Reminder channels dialog in headless Chromium: an admin adds a group robot (a bad URL refused, naming the field), sees it listed with its key masked, and removes it; the key never reaches the page after saving. */

import { type SidebarHost, startSidebarHost } from "../../local/sidebar-host/sidebar-host";
import { describeInBrowser } from "../helpers/browser";
import { followUpTable } from "../helpers/follow-up-table";

jest.setTimeout(30000);

const KEY = "c0ffee00-secret-key";
const WEBHOOK = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`;

let host: SidebarHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describeInBrowser("Reminder channels dialog in Chromium", (suite) => {
  it("adds a WeCom robot after refusing a URL off its host, lists it masked, and removes it", async () => {
    // li.lei set the table up: the Team sheet's admin.
    const runtime = followUpTable();
    runtime.clickMenu("提醒渠道");
    host = await startSidebarHost(runtime);
    const page = await suite.page();
    await page.goto(`${host.url}/dialog`);
    const list = page.locator("#channels");
    const message = page.locator("#message");
    await list.locator("li").first().waitFor();

    await page.locator("select[name=platform]").selectOption("wecom");
    await page.locator("input[name=label]").fill("销售群");
    await page.locator("input[name=url]").fill("https://example.com/cgi-bin/webhook/send?key=x");
    await page.getByRole("button", { name: "添加" }).click();
    await page.waitForFunction(() => document.querySelector("#message")?.className === "error");
    // The refusal names the field the admin has to fix.
    expect(await message.textContent()).toContain("Webhook 地址");
    await expect(list.locator("span").count()).resolves.toBe(0);

    await page.locator("input[name=url]").fill(WEBHOOK);
    await page.getByRole("button", { name: "添加" }).click();
    await page.waitForFunction(() => document.querySelector("#channels span")?.textContent?.includes("销售群"));
    const shown = (await list.locator("span").first().textContent()) ?? "";
    expect(shown).toContain("qyapi.weixin.qq.com");
    expect(shown).not.toContain(KEY);
    // Saved, the form is emptied: the key is nowhere in the page any more.
    expect(await page.content()).not.toContain(KEY);
    expect(await page.locator("input[name=url]").inputValue()).toBe("");

    await list.getByRole("button", { name: "删除" }).click();
    await page.waitForFunction(() => !document.querySelector("#channels span"));
    expect(suite.errors()).toEqual([]);
  });
});
