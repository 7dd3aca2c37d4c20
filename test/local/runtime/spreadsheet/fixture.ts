/** A kernel, a store with one spreadsheet and SpreadsheetApp, shared by the Spreadsheet core tests. */

import { Kernel } from "../../../../local/runtime/kernel";
import { createSpreadsheetApp } from "../../../../local/runtime/spreadsheet/spreadsheet-app";
import { SpreadsheetStore } from "../../../../local/runtime/spreadsheet/store";

export const OWNER = "owner@example.com";
/** 2024-01-15T02:00:00Z, i.e. 10:00 in Shanghai. */
export const NOW = Date.UTC(2024, 0, 15, 2, 0, 0);

export function setup(options: { locale?: string; timeZone?: string } = {}) {
  const kernel = new Kernel({ now: NOW, scriptTimeZone: "Asia/Shanghai" });
  const store = new SpreadsheetStore(kernel);
  const model = store.create({
    name: "Follow-ups",
    timeZone: options.timeZone ?? "Asia/Shanghai",
    locale: options.locale ?? "en_US",
    owner: OWNER,
  });
  const app = createSpreadsheetApp({
    kernel,
    store,
    getUi: () => {
      throw new Error("no UI in these tests");
    },
  });
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  return { kernel, store, model, app, ss, sheet };
}

/** Runs `body` as an editor execution of `user` bound to the spreadsheet. */
export function asUser<T>(kernel: Kernel, spreadsheetId: string, user: string, body: () => T): T {
  return kernel.withExecution(
    {
      functionName: "test",
      kind: "editor",
      authMode: "FULL",
      activeUser: user,
      effectiveUser: user,
      activeSpreadsheetId: spreadsheetId,
      userLocale: "en",
      realm: { Date, Error },
    },
    body,
  );
}

/** The message of what `fn` throws. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an exception");
}
