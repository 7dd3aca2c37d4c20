/** Seeds the playground's demo through the product's own flows: set up the table, delete the new spreadsheet's empty sheet, type the team and follow-ups, Sync, turn reminders on, add a WeCom group robot as a reminder channel (the runtime answering as WeCom does), open the sidebar. */

import type { ChannelsReply } from "../../src/core/chat-channels";
import { zh } from "../../src/i18n/messages";
import type { Project } from "../runtime/loader";
import { AppsScriptRuntime, type User } from "../runtime/runtime";
import { DEMO_FOLLOW_UPS, DEMO_TEAM } from "./demo-follow-ups";

/** Friday 2026-11-27, 09:00 in Shanghai: an hour after the reminder hour, so the hourly run sends today's digests. */
export const DEMO_START = Date.UTC(2026, 10, 27, 1, 0);

/** The user at the keyboard: the team's manager, who set the table up and is its admin (Team sheet role 管理员). */
export const DEMO_USER: User = { email: "wang.fang@example.com", locale: "zh_CN" };

const FOLLOW_UP_COLUMNS = 17;

/** A fresh runtime on the built project with the demo workbook, as a manager would have made it from the menu. */
export function seedDemo(project: Project): AppsScriptRuntime {
  const runtime = new AppsScriptRuntime(project, { now: DEMO_START, user: DEMO_USER });
  runtime.createSpreadsheet({ name: "销售跟进表", timeZone: "Asia/Shanghai", locale: "zh_CN" });
  runtime.open("LIMITED");
  clickConfirmed(runtime, zh["menu.setup"]);

  const spreadsheet = runtime.inspect().getActiveSpreadsheet();
  // Set-up makes a sheet of its own; the manager deletes the empty one the new spreadsheet came with (工作表1).
  for (const sheet of spreadsheet.getSheets()) {
    if (sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) spreadsheet.deleteSheet(sheet);
  }
  spreadsheet.getSheetByName(zh["sheet.team"])?.getRange(2, 1, DEMO_TEAM.length, 6).setValues(DEMO_TEAM);
  const followUps = spreadsheet.getSheetByName(zh["sheet.followUps"]);
  if (!followUps) throw new Error(`playground seed: no sheet ${zh["sheet.followUps"]} after set-up`);
  const rows = DEMO_FOLLOW_UPS.map((r) => ["", ...r, ...Array(FOLLOW_UP_COLUMNS - 1 - r.length).fill("")]);
  followUps.getRange(2, 1, rows.length, FOLLOW_UP_COLUMNS).setValues(rows);

  clickConfirmed(runtime, zh["menu.sync"]);
  clickConfirmed(runtime, zh["menu.reminders"]);
  addDemoChannel(runtime);
  runtime.clickMenu(zh["menu.log"]);
  return runtime;
}

/** A placeholder WeCom webhook on WeCom's real host (its key is made up: nothing leaves the machine). */
const DEMO_WEBHOOK = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=PLAYGROUND_DEMO_KEY";

/**
 * Adds the team's WeCom group as a reminder channel through the dialog's own server call, as the admin would, and
 * has the runtime answer WeCom's host with its success body (developer.work.weixin.qq.com/document/path/91770:
 * {"errcode":0,"errmsg":"ok"}), so each reminder day's first run after the reminder hour posts the group message.
 */
function addDemoChannel(runtime: AppsScriptRuntime): void {
  runtime.http.respond((request) => request.url.startsWith("https://qyapi.weixin.qq.com/"), {
    status: 200,
    body: '{"errcode":0,"errmsg":"ok"}',
  });
  const channel = { platform: "wecom", label: "销售群", url: DEMO_WEBHOOK };
  const reply = runtime.run("addChatChannel", [channel]) as ChannelsReply;
  if (!reply.ok) throw new Error(`playground seed: the demo channel was refused: ${reply.message}`);
}

/** Clicks a menu item whose only dialog is its closing report, answered OK. */
function clickConfirmed(runtime: AppsScriptRuntime, caption: string): void {
  runtime.ui.answerNext("OK");
  runtime.clickMenu(caption);
}
