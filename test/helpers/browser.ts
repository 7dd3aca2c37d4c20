/** Test helpers: Debian's headless Chromium through playwright-core, one browser per file, a fresh 300 px-wide context per test. */

import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Sidebars are 300 px wide (developers.google.com/apps-script/guides/dialogs#custom_sidebars). */
export const SIDEBAR_VIEWPORT = { width: 300, height: 800 };

const MISSING = "Chromium not found: browser tests SKIPPED — apt-get install chromium";

/** Launches the system Chromium (never a downloaded one: `playwright install` is not used here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** What a browser suite's tests get. */
export interface BrowserSuite {
  /** The current test's page, in a context of its own (created on first use, closed after the test). */
  page(): Promise<Page>;
  /** Uncaught errors and console.error lines the current test's page produced, in order. */
  errors(): string[];
}

/** The file's browser, launched by the first test that asks for a page. */
let shared: Promise<Browser> | undefined;
let closerRegistered = false;
let warned = false;

function onCi(): boolean {
  const ci = process.env.CI ?? "";
  return ci !== "" && ci !== "false" && ci !== "0";
}

/**
 * A describe block whose tests share one browser. Without /usr/bin/chromium the block is skipped with a loud
 * warning, except on CI (CI=true), where the missing browser is a failing test.
 */
export function describeInBrowser(name: string, body: (suite: BrowserSuite) => void): void {
  if (!existsSync(CHROMIUM)) {
    if (onCi()) {
      describe(name, () => {
        it("has Chromium to run in", () => {
          throw new Error(`${MISSING.replace("SKIPPED", "cannot run")} (CI=true: this is a failure)`);
        });
      });
      return;
    }
    if (!warned) {
      warned = true;
      const bar = "!".repeat(MISSING.length + 4);
      console.warn(`${bar}\n! ${MISSING} !\n${bar}`);
    }
    describe.skip(name, () => body({ page: () => Promise.reject(new Error(MISSING)), errors: () => [] }));
    return;
  }

  // One browser per test file (jest gives every file its own copy of this module), closed after the file's last test.
  if (!closerRegistered) {
    closerRegistered = true;
    afterAll(async () => {
      const launched = shared;
      shared = undefined;
      await launched?.then((browser) => browser.close()).catch(() => undefined);
    });
  }

  describe(name, () => {
    let context: BrowserContext | undefined;
    let current: Page | undefined;
    let errors: string[] = [];

    afterEach(async () => {
      await context?.close();
      context = undefined;
      current = undefined;
      errors = [];
    });

    body({
      async page() {
        if (current) return current;
        shared ??= launchBrowser();
        context = await (await shared).newContext({ viewport: SIDEBAR_VIEWPORT });
        const page = await context.newPage();
        page.on("pageerror", (error) => errors.push(error.message));
        page.on("console", (message) => {
          if (message.type() === "error") errors.push(message.text());
        });
        current = page;
        return page;
      },
      errors: () => [...errors],
    });
  });
}
