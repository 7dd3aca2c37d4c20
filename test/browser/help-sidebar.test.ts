/** The built Help sidebar in headless Chromium, and the sidebar host's google.script shim against a tiny fixture project. */

import { type SidebarHost, startSidebarHost } from "../../local/sidebar-host/sidebar-host";
import { zh } from "../../src/i18n/messages";
import { describeInBrowser } from "../helpers/browser";
import { runtimeOnDist, runtimeOnSource, ZH_REP } from "../helpers/runtime";

jest.setTimeout(30000);

let host: SidebarHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describeInBrowser("Help sidebar in Chromium", (suite) => {
  it("shows the heading and steps in Chinese and closes itself from the keyboard", async () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    runtime.open("LIMITED");
    runtime.clickMenu("帮助");
    host = await startSidebarHost(runtime);
    const page = await suite.page();
    await page.goto(host.sidebarUrl);

    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user reads
    await expect(page.locator("h1").innerText()).resolves.toBe("跟进表助手 · 帮助");
    const steps = await page.locator("ol > li").allInnerTexts();
    expect(steps).toEqual([
      zh["help.step.setup"],
      zh["help.step.log"],
      zh["help.step.remind"],
      zh["help.step.review"],
      zh["help.step.pool"],
      zh["help.step.archive"],
    ]);
    for (const step of steps) expect(step).toMatch(/[\u4e00-\u9fff]/);
    // Nothing sticks out of the 300 px sidebar.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);

    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("关闭");
    const closing = page.waitForResponse((r) => r.url().endsWith("/close"));
    await page.keyboard.press("Enter");
    await closing;
    expect(host.closedByPage()).toBe(true);
    expect(suite.errors()).toEqual([]);
  });
});

/** A sidebar whose inline script greets through the server on load; the tests drive further calls from the page. */
const PAGE = `<!doctype html>
<html><head><base target="_top"></head>
<body>
  <p id="greeting">…</p>
  <script>
    google.script.run
      .withSuccessHandler(function (value, user) { document.getElementById("greeting").textContent = value.text + user; })
      .withUserObject("！")
      .greet("李雷");
    /** One call as a promise of what reached the handlers. */
    window.call = function (name, args, user) {
      return new Promise(function (resolve) {
        var runner = google.script.run
          .withSuccessHandler(function (value, u) { resolve({ ok: true, value: value, user: u }); })
          .withFailureHandler(function (error, u) {
            resolve({ ok: false, isError: error instanceof Error, message: error.message, user: u });
          })
          .withUserObject(user);
        runner[name].apply(runner, args);
      });
    };
  </script>
</body></html>`;

const SOURCE = `
function openPanel() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(${JSON.stringify(PAGE)}).setTitle("Shim"));
}
function greet(name) { return { text: "你好，" + name }; }
function echo(value) { return value; }
function refuse(reason) { throw new Error(reason); }
function today() { return { when: new Date() }; }
function nothing() {}
function secret_() { return "private"; }
`;

describeInBrowser("sidebar host: google.script.run and google.script.host", (suite) => {
  async function openFixture() {
    const runtime = runtimeOnSource(SOURCE);
    runtime.run("openPanel", [], { authMode: "FULL", kind: "editor" });
    host = await startSidebarHost(runtime);
    const page = await suite.page();
    await page.goto(host.sidebarUrl);
    await page.waitForFunction(() => document.getElementById("greeting")?.textContent !== "…");
    return { runtime, host, page };
  }

  it("answers 404 with a clear text when no sidebar is open", async () => {
    host = await startSidebarHost(runtimeOnSource(SOURCE));
    const response = await fetch(host.sidebarUrl);
    expect(response.status).toBe(404);
    await expect(response.text()).resolves.toMatch(/No sidebar is open/);
  });

  it("runs the page's own call on load and hands the value and the user object to the success handler", async () => {
    const { runtime, page } = await openFixture();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user reads
    await expect(page.locator("#greeting").innerText()).resolves.toBe("你好，李雷！");
    expect(runtime.executions.at(-1)).toMatchObject({ functionName: "greet", authMode: "FULL", status: "COMPLETED" });
  });

  it("carries primitives, objects and arrays both ways; undefined in an array becomes null", async () => {
    const { page } = await openFixture();
    const value = { a: [1, "二", true, null], b: { c: 1.5 } };
    await expect(page.evaluate((v) => window.call("echo", [v], 7), value)).resolves.toEqual({
      ok: true,
      value,
      user: 7,
    });
    await expect(page.evaluate(() => window.call("echo", [[1, undefined, 3]]))).resolves.toMatchObject({
      value: [1, null, 3],
    });
    await expect(page.evaluate(() => window.call("nothing", []))).resolves.toEqual({ ok: true });
  });

  it("never calls a handler synchronously", async () => {
    const { page } = await openFixture();
    const order = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          google.script.run.withSuccessHandler(() => resolve([...seen, "handler"])).echo(1);
          seen.push("after the call");
        }),
    );
    expect(order).toEqual(["after the call", "handler"]);
  });

  it("passes a server exception to the failure handler as an Error with its message", async () => {
    const { runtime, page } = await openFixture();
    await expect(page.evaluate(() => window.call("refuse", ["库存不足"], "ctx"))).resolves.toEqual({
      ok: false,
      isError: true,
      message: "库存不足",
      user: "ctx",
    });
    expect(runtime.executions.at(-1)).toMatchObject({ functionName: "refuse", status: "FAILED" });
    await expect(page.evaluate(() => window.call("noSuchFunction", []))).resolves.toMatchObject({
      message: "Script function not found: noSuchFunction",
    });
    await expect(page.evaluate(() => window.call("secret_", []))).resolves.toMatchObject({ ok: false });
  });

  it("logs a failure to the console when there is no failure handler", async () => {
    const { page } = await openFixture();
    await Promise.all([page.waitForEvent("pageerror"), page.evaluate(() => google.script.run.refuse("没人接"))]);
    expect(suite.errors()).toEqual(["没人接"]);
  });

  it("refuses a Date, a function or a DOM node argument on the client, before the server runs anything", async () => {
    const { runtime, page } = await openFixture();
    const executions = runtime.executions.length;
    const refusal = (make: () => unknown[]) =>
      page.evaluate(`(() => {
        try { google.script.run.echo(...(${make.toString()})()); return "sent"; }
        catch (e) { return e.name + ": " + e.message; }
      })()`);
    await expect(refusal(() => [new Date()])).resolves.toBe("TypeError: Failed due to illegal value in property: 0");
    await expect(refusal(() => ["x", { when: new Date() }])).resolves.toBe(
      "TypeError: Failed due to illegal value in property: when",
    );
    await expect(refusal(() => [[() => 1]])).resolves.toBe("TypeError: Failed due to illegal value in property: 0");
    await expect(refusal(() => [document.body])).resolves.toBe("TypeError: Failed due to illegal value in property: 0");
    await expect(
      refusal(() => {
        const loop: Record<string, unknown> = {};
        loop.self = loop;
        return [loop];
      }),
    ).resolves.toBe("Error: Failed due to circular reference.");
    expect(runtime.executions.length).toBe(executions);
  });

  it("hands a returned Date to the success handler as null", async () => {
    const { page } = await openFixture();
    await expect(page.evaluate(() => window.call("today", []))).resolves.toEqual({ ok: true, value: null });
  });

  it("runs calls in arrival order but lets their answers arrive out of order", async () => {
    const { runtime, host, page } = await openFixture();
    host.delayNext("echo", 400);
    const finished = await page.evaluate(async () => {
      const done: string[] = [];
      const track = (label: string) => window.call("echo", [label]).then(() => done.push(label));
      await Promise.all([track("first"), track("second")]);
      return done;
    });
    expect(finished).toEqual(["second", "first"]);
    expect(runtime.executions.slice(-2).map((e) => e.functionName)).toEqual(["echo", "echo"]);
  });

  it("records google.script.host.close(); the other host methods are harmless", async () => {
    const { host, page } = await openFixture();
    expect(host.closedByPage()).toBe(false);
    const closing = page.waitForResponse((r) => r.url().endsWith("/close"));
    await page.evaluate(() => {
      google.script.host.setHeight(400);
      google.script.host.setWidth(300);
      google.script.host.editor.focus();
      google.script.host.close();
    });
    await closing;
    expect(host.closedByPage()).toBe(true);
  });
});

/** The page globals the fixture defines and the shim provides, for page.evaluate callbacks. */
declare global {
  interface Window {
    call(name: string, args: unknown[], user?: unknown): Promise<Record<string, unknown>>;
  }
  const google: {
    script: {
      // biome-ignore lint/suspicious/noExplicitAny: any server function name is callable
      run: any;
      host: { close(): void; setHeight(h: number): void; setWidth(w: number): void; editor: { focus(): void } };
    };
  };
}
