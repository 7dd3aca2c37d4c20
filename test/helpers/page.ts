/** Test helpers for pages in Chromium: wait until what the user sees matches, with the last value in the failure. */

import type { Locator, Page } from "playwright-core";

/** Polls `read` until `accept` holds (5 s at most), then returns the value; fails with the last value read. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = await read();
  }
  return last;
}

/** Waits until the element's text matches (a string must be contained, a RegExp must match). */
export function textOf(locator: Locator, expected: string | RegExp): Promise<string> {
  return eventually(
    async () => (await locator.textContent()) ?? "",
    (text) => (typeof expected === "string" ? text.includes(expected) : expected.test(text)),
    `text of ${locator}`,
  );
}

/** The id of the focused element. */
export function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}
