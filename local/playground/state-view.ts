/** The state the page shows, read from the runtime without counting calls: clock, menu, workbook, open sidebar, outbox, group-chat posts and trigger runs. */

import type { SentMail } from "../runtime/mail";
import type { AppsScriptRuntime, TriggerRun } from "../runtime/runtime";
import type { SpreadsheetModel } from "../runtime/spreadsheet/model";
import type { MenuEntry, Surface } from "../runtime/ui";
import { postViews } from "./chat-post-view";
import type { MailView, PlaygroundState, TriggerRunView } from "./view-types";
import { workbookView } from "./workbook-view";

const SHOWN_TRIGGER_RUNS = 8;

/** The demo's spreadsheet (the document the user has open). */
export function spreadsheetOf(runtime: AppsScriptRuntime): SpreadsheetModel {
  const spreadsheet = runtime.spreadsheets.get(runtime.documentId ?? "");
  if (!spreadsheet) throw new Error("playground: the runtime has no open spreadsheet");
  return spreadsheet;
}

/** The add-on menu's items, top to bottom. */
export function menuCaptions(runtime: AppsScriptRuntime): string[] {
  return runtime.ui.menus.filter((m) => m.kind === "addon").flatMap((m) => captions(m.entries));
}

/** Trigger runs, newest first. */
export function triggerRunViews(runs: readonly TriggerRun[], zone: string): TriggerRunView[] {
  return [...runs].reverse().map((run) => ({
    at: wallText(run.at, zone, true),
    functionName: run.functionName,
    status: run.status,
    ...(run.error === undefined ? {} : { error: run.error }),
  }));
}

/** Where the session stands besides the runtime: its version, resets so far, sidebars the page closed, the user's sheet. */
export interface SessionCounters {
  version: number;
  resets: number;
  closedSidebars: number;
  /** Dialogs (modal or modeless) opened when the page last closed one. */
  closedDialogs: number;
  /** The active sheet after the last menu item or sidebar call. */
  userSheet: string;
}

export function playgroundState(runtime: AppsScriptRuntime, counters: SessionCounters): PlaygroundState {
  const spreadsheet = spreadsheetOf(runtime);
  // The page shows formulas' values as Sheets would by now.
  runtime.spreadsheets.workbook(spreadsheet).formulas.settle();
  const zone = spreadsheet.timeZone;
  const now = runtime.kernel.now();
  return {
    version: counters.version,
    clock: { text: wallText(now, zone, true), local: wallText(now, zone, false).replace(" ", "T"), timeZone: zone },
    user: runtime.user.email,
    menu: menuCaptions(runtime),
    activeSheet: counters.userSheet,
    sheets: workbookView(spreadsheet, now),
    sidebar: openSurface(runtime, counters),
    outbox: runtime.outbox.messages.map((mail) => mailView(mail, zone)).reverse(),
    posts: postViews(runtime.http.requests, (at) => wallText(at, zone, true)),
    triggerRuns: triggerRunViews(runtime.triggerRuns.slice(-SHOWN_TRIGGER_RUNS), zone),
  };
}

/** The dialogs (modal or modeless) the add-on has opened, oldest first. */
export function dialogsOf(runtime: AppsScriptRuntime): Surface[] {
  return runtime.ui.surfaces.filter((s) => s.kind !== "sidebar");
}

/**
 * What the side panel shows: the dialog opened last while the page has not closed it (Sheets shows a dialog over the
 * sidebar), else the sidebar opened last while not closed; null when neither. `key` changes with every new one.
 */
export function openSurface(runtime: AppsScriptRuntime, counters: SessionCounters): PlaygroundState["sidebar"] {
  const dialogs = dialogsOf(runtime);
  const dialog = dialogs.at(-1);
  if (dialog && dialogs.length > counters.closedDialogs) {
    return { key: `${counters.resets}:d${dialogs.length}`, title: dialog.title, kind: "dialog" };
  }
  const sidebars = runtime.ui.surfaces.filter((s) => s.kind === "sidebar");
  const sidebar = sidebars.at(-1);
  return sidebar && sidebars.length > counters.closedSidebars
    ? { key: `${counters.resets}:${sidebars.length}`, title: sidebar.title, kind: "sidebar" }
    : null;
}

function captions(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((entry) => {
    if (entry.kind === "item") return [entry.caption];
    return entry.kind === "subMenu" ? captions(entry.entries) : [];
  });
}

function mailView(mail: SentMail, zone: string): MailView {
  return {
    at: wallText(mail.at, zone, true),
    from: mail.from,
    to: [...mail.to, ...mail.cc, ...mail.bcc].join(", "),
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody,
  };
}

/** "2026-11-27 09:00" in the zone, with the weekday ("2026-11-27 Fri 09:00") when `weekday`. */
function wallText(at: number, zone: string, weekday: boolean): string {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, ...options }).formatToParts(at);
  const parts = Object.fromEntries(
    part({ year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  if (!weekday) return `${day} ${time}`;
  const name = part({ weekday: "short" }).find((p) => p.type === "weekday")?.value ?? "";
  return `${day} ${name} ${time}`;
}
