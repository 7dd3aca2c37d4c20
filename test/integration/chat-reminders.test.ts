/** Reminder channels on the built bundle: one group post per channel per workday listing each rep once, exactly once across runs and failures, failures reported as mail failures are, signatures as the platforms compute them, the webhook URL and secret never shown, and only admins configuring channels. */

import { createHmac } from "node:crypto";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { ChannelsReply } from "../../src/core/chat-channels";
import type { SidebarData } from "../../src/core/sidebar-api";
import { followUpTable, typedRow } from "../helpers/follow-up-table";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Friday 2026-11-27, 07:30 in Shanghai. */
const SEVEN_THIRTY = Date.UTC(2026, 10, 26, 23, 30);
const LI_LEI = { email: "li.lei@example.com", locale: "zh_CN" };
const LI_SI = { email: "li.si@example.com", locale: "zh_CN" };
const WECOM_KEY = "6f1c2a7e-0000-4a1b-9c3d-secretkey001";
const WECOM_URL = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`;
const DINGTALK_URL = "https://oapi.dingtalk.com/robot/send?access_token=dingtoken0123456789";
const DINGTALK_SECRET = "SECd1f0a9b8c7e6d5c4b3a29180706050403020100abcdef";
const FEISHU_URL = "https://open.feishu.cn/open-apis/bot/v2/hook/feishu-hook-0123";
const FEISHU_SECRET = "feishuSecret0123";
const OK = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };

function menu(runtime: AppsScriptRuntime, caption: string): void {
  runtime.ui.answerNext("OK");
  runtime.clickMenu(caption);
}

/**
 * Overdue rows for 李四 (two) and Ann Lee (one), 李四's mobile and Ann Lee's chat id in the Team sheet's optional
 * columns G–H, reminders switched on by li.lei (admin) at 07:30, and the channels added through the dialog's server call.
 */
function ready(channels: Record<string, string>[]): AppsScriptRuntime {
  const runtime = followUpTable(
    [
      typedRow("上海某科技", "李四", "2026/11/20"),
      typedRow("北京某贸易", "李四", "2026/11/27"),
      typedRow("Globex", "Ann Lee", "2026/11/20"),
    ],
    { now: SEVEN_THIRTY },
  );
  const team = runtime.inspect().getActiveSpreadsheet().getSheetByName("团队");
  team?.getRange(3, 7, 2, 2).setValues([
    ["13800000000", ""],
    ["", "ann.lee.id"],
  ]);
  runtime.open("LIMITED");
  menu(runtime, "提醒开关");
  for (const channel of channels) {
    const reply = runtime.run("addChatChannel", [channel], { user: LI_LEI }) as ChannelsReply;
    expect(reply.ok).toBe(true);
  }
  return runtime;
}

const posted = (runtime: AppsScriptRuntime, host: string) => runtime.http.sentTo((r) => r.url.includes(host));

/** The Settings sheet's status lines (column K below its title). */
function settingsStatus(runtime: AppsScriptRuntime): string[] {
  const settings = runtime.inspect().getActiveSpreadsheet().getSheetByName("设置");
  return (settings?.getRange(2, 11, 12, 1).getValues() ?? []).map(([line]) => String(line)).filter(Boolean);
}

/** Every cell of every sheet, as text. */
function everyCell(runtime: AppsScriptRuntime): string {
  return runtime
    .inspect()
    .getActiveSpreadsheet()
    .getSheets()
    .map((sheet) =>
      sheet
        .getDataRange()
        .getValues()
        .map((row) => row.join("\t"))
        .join("\n"),
    )
    .join("\n");
}

/** The channels' ids, as the dialog lists them to an admin. */
function channelIds(runtime: AppsScriptRuntime): string[] {
  return (runtime.run("chatChannels", [], { user: LI_LEI }) as ChannelsReply).channels.map((c) => c.id);
}

function reminderLog(runtime: AppsScriptRuntime): string[][] {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("提醒记录");
  return (sheet?.getDataRange().getValues() ?? []).map((row) => row.map(String));
}

describe("reminder channels", () => {
  it("posts one WeCom message a workday listing each rep with something due, @mentioning them, exactly once", () => {
    const runtime = ready([{ platform: "wecom", label: "销售群", url: WECOM_URL }]);
    runtime.http.respond((r) => r.url.startsWith("https://qyapi.weixin.qq.com/"), OK);
    runtime.advanceBy(90 * MINUTE);
    const [post, ...more] = posted(runtime, "qyapi.weixin.qq.com");
    expect(more).toEqual([]);
    expect(post?.method).toBe("post");
    const body = JSON.parse(post?.payload ?? "{}");
    expect(body.msgtype).toBe("text");
    expect(body.text.mentioned_mobile_list).toEqual(["13800000000"]);
    expect(body.text.mentioned_list).toEqual(["ann.lee.id"]);
    expect(body.text.content).toContain("李四：逾期 1 条，今日到期 1 条");
    expect(body.text.content).toContain("Ann Lee：逾期 1 条，今日到期 0 条");
    expect(body.text.content).toContain("· 上海某科技");
    // The same day's later runs and the weekend post nothing more; Monday morning gets its own post.
    runtime.advanceBy(2 * 24 * HOUR + 20 * HOUR);
    expect(posted(runtime, "qyapi.weixin.qq.com")).toHaveLength(1);
    runtime.advanceBy(5 * HOUR);
    expect(posted(runtime, "qyapi.weixin.qq.com").map((r) => JSON.parse(r.payload).text.content.slice(0, 22))).toEqual([
      "【跟进提醒】2026-11-27 今日待跟进",
      "【跟进提醒】2026-11-30 今日待跟进",
    ]);
    // The log names the channel for each rep the post covered.
    const lines = reminderLog(runtime).filter((row) => row[0]?.startsWith("chat "));
    const [id] = channelIds(runtime);
    expect(lines.slice(0, 2).map((row) => [row[0], row[1], row[2], row[4]])).toEqual([
      [`chat ${id} 2026-11-27`, "ann.lee@example.com", "已发送", "企业微信 · 销售群（第 1/1 条）"],
      [`chat ${id} 2026-11-27`, "li.si@example.com", "已发送", "企业微信 · 销售群（第 1/1 条）"],
    ]);
  });

  it("starts a group added after the morning's post on the next workday, under an id the removed one never had", () => {
    const runtime = ready([{ platform: "wecom", label: "销售群", url: WECOM_URL }]);
    runtime.http.respond((r) => r.url.startsWith("https://qyapi.weixin.qq.com/"), OK);
    runtime.advanceBy(90 * MINUTE);
    expect(posted(runtime, "qyapi.weixin.qq.com")).toHaveLength(1);
    const [old] = channelIds(runtime);
    runtime.run("removeChatChannel", [old], { user: LI_LEI });
    const other = `${WECOM_URL}-new`;
    const added = runtime.run("addChatChannel", [{ platform: "wecom", label: "新销售群", url: other }], {
      user: LI_LEI,
    }) as ChannelsReply;
    expect(added.ok).toBe(true);
    expect(channelIds(runtime)).not.toContain(old);
    // The day's reminders went out this morning: the new group's first post is Monday's.
    runtime.advanceBy(HOUR);
    expect(posted(runtime, "qyapi.weixin.qq.com").filter((r) => r.url === other)).toHaveLength(0);
    runtime.advanceBy(3 * 24 * HOUR);
    expect(posted(runtime, "qyapi.weixin.qq.com").filter((r) => r.url === other)).toHaveLength(1);
    expect(posted(runtime, "qyapi.weixin.qq.com")).toHaveLength(2);
  });

  it("tries again next hour after a 500, and posts once in all", () => {
    const runtime = ready([{ platform: "wecom", label: "销售群", url: WECOM_URL }]);
    runtime.http.respond((r) => r.url.startsWith("https://qyapi.weixin.qq.com/"), OK);
    // Three answers of 500: the run's own retries; the next run's post goes through.
    runtime.http.respond(
      (r) => r.url.startsWith("https://qyapi.weixin.qq.com/"),
      { status: 500, body: "busy" },
      { times: 3 },
    );
    runtime.advanceBy(90 * MINUTE);
    expect(posted(runtime, "qyapi.weixin.qq.com")).toHaveLength(3);
    expect(reminderLog(runtime).some((row) => row[2] === "失败" && row[4]?.includes("HTTP 500"))).toBe(true);
    runtime.advanceBy(5 * HOUR);
    expect(posted(runtime, "qyapi.weixin.qq.com")).toHaveLength(4);
    expect(settingsStatus(runtime)).toEqual([expect.stringMatching(/^正常：/)]);
  });

  it("gives up a post the platform refuses (errcode), tells the admins where mail failures show, and never posts it again", () => {
    const runtime = ready([{ platform: "wecom", label: "销售群", url: WECOM_URL }]);
    runtime.http.respond((r) => r.url.startsWith("https://qyapi.weixin.qq.com/"), {
      status: 200,
      body: '{"errcode":93000,"errmsg":"invalid webhook url"}',
    });
    runtime.advanceBy(90 * MINUTE);
    expect(posted(runtime, "qyapi.weixin.qq.com")).toHaveLength(1);
    expect(settingsStatus(runtime)).toContain(
      "2026-11-27 有提醒没有发出：企业微信 · 销售群 — errcode 93000: invalid webhook url",
    );
    expect(
      reminderLog(runtime)
        .filter((row) => row[2] === "已放弃")
        .map((row) => row[4]),
    ).toEqual(["errcode 93000: invalid webhook url", "errcode 93000: invalid webhook url"]);
    runtime.advanceBy(6 * HOUR);
    expect(posted(runtime, "qyapi.weixin.qq.com")).toHaveLength(1);
    // The admins' alert of the day carries it.
    const alert = runtime.outbox.messages.find((m) => m.subject.startsWith("【跟进表助手】每日提醒"));
    expect(alert?.body).toContain("企业微信 · 销售群 — errcode 93000");
  });

  it("never posts again after a timeout (the robot may have posted it), and says so", () => {
    const runtime = ready([{ platform: "wecom", label: "销售群", url: WECOM_URL }]);
    runtime.http.respond((r) => r.url.startsWith("https://qyapi.weixin.qq.com/"), OK);
    runtime.http.respond((r) => r.url.startsWith("https://qyapi.weixin.qq.com/"), { fault: "timeout" }, { times: 1 });
    runtime.advanceBy(90 * MINUTE);
    runtime.advanceBy(6 * HOUR);
    expect(posted(runtime, "qyapi.weixin.qq.com")).toHaveLength(1);
    expect(settingsStatus(runtime).join("\n")).toContain(
      "企业微信 · 销售群 — Timeout: https://qyapi.weixin.qq.com/••••",
    );
  });

  it("signs DingTalk and Feishu posts as the platforms compute it", () => {
    const runtime = ready([
      { platform: "dingtalk", label: "钉钉群", url: DINGTALK_URL, secret: DINGTALK_SECRET },
      { platform: "feishu", label: "飞书群", url: FEISHU_URL, secret: FEISHU_SECRET },
    ]);
    runtime.http.respond((r) => r.url.startsWith("https://oapi.dingtalk.com/"), OK);
    runtime.http.respond((r) => r.url.startsWith("https://open.feishu.cn/"), {
      status: 200,
      body: '{"code":0,"msg":"success"}',
    });
    runtime.advanceBy(90 * MINUTE);
    const [ding] = posted(runtime, "oapi.dingtalk.com");
    const query = new URL(ding?.url ?? "https://x").searchParams;
    const timestamp = query.get("timestamp") ?? "";
    const expected = createHmac("sha256", DINGTALK_SECRET).update(`${timestamp}\n${DINGTALK_SECRET}`).digest("base64");
    expect(query.get("sign")).toBe(expected);
    expect(ding?.url).toContain(`&sign=${encodeURIComponent(expected)}`);
    const dingBody = JSON.parse(ding?.payload ?? "{}");
    expect(dingBody.at.atMobiles).toEqual(["13800000000"]);
    expect(dingBody.markdown.text).toContain("@13800000000");
    const [feishu] = posted(runtime, "open.feishu.cn");
    const body = JSON.parse(feishu?.payload ?? "{}");
    const feishuSign = createHmac("sha256", `${body.timestamp}\n${FEISHU_SECRET}`).update("").digest("base64");
    expect(body.sign).toBe(feishuSign);
    expect(body.msg_type).toBe("post");
    expect(JSON.stringify(body.content)).toContain('{"tag":"at","user_id":"ann.lee.id"}');
  });

  it("never shows the webhook URL or the secret: no cell, log line, email, sidebar or dialog reply holds them", () => {
    const runtime = ready([
      { platform: "wecom", label: "销售群", url: WECOM_URL },
      { platform: "dingtalk", label: "钉钉群", url: DINGTALK_URL, secret: DINGTALK_SECRET },
    ]);
    runtime.http.respond((r) => r.url.startsWith("https://qyapi.weixin.qq.com/"), { fault: "timeout" });
    runtime.http.respond((r) => r.url.startsWith("https://oapi.dingtalk.com/"), { status: 500, body: DINGTALK_URL });
    runtime.advanceBy(8 * HOUR);
    const dialog = runtime.run("chatChannels", [], { user: LI_LEI }) as ChannelsReply;
    expect(dialog.channels.map((c) => [c.label, c.maskedUrl, c.signed])).toEqual([
      ["销售群", "https://qyapi.weixin.qq.com/••••", false],
      ["钉钉群", "https://oapi.dingtalk.com/••••", true],
    ]);
    const test = runtime.run("testChatChannel", [channelIds(runtime)[0]], { user: LI_LEI }) as ChannelsReply;
    expect(test.ok).toBe(false);
    const sidebar = runtime.run("sidebarData", [], { user: LI_LEI }) as SidebarData;
    const seen = [
      everyCell(runtime),
      ...runtime.outbox.messages.flatMap((m) => [m.subject, m.body, m.htmlBody ?? ""]),
      ...runtime.logs.messages(),
      JSON.stringify(dialog),
      JSON.stringify(test),
      JSON.stringify(sidebar),
    ].join("\n");
    expect(seen).toContain("钉钉群");
    for (const secret of [WECOM_KEY, "dingtoken0123456789", DINGTALK_SECRET]) expect(seen).not.toContain(secret);
  });

  it("refuses everyone but an admin, in the dialog's every call", () => {
    const runtime = ready([]);
    const refused = "只有管理员（团队表中角色为 admin）可以设置提醒渠道。";
    const add = runtime.run("addChatChannel", [{ platform: "wecom", label: "x", url: WECOM_URL }], {
      user: LI_SI,
    }) as ChannelsReply;
    expect(add).toEqual({ ok: false, message: refused, channels: [] });
    runtime.run("addChatChannel", [{ platform: "wecom", label: "销售群", url: WECOM_URL }], { user: LI_LEI });
    const [id] = channelIds(runtime);
    for (const call of ["chatChannels", "removeChatChannel", "testChatChannel"])
      expect(runtime.run(call, [id], { user: LI_SI })).toEqual({ ok: false, message: refused, channels: [] });
    expect((runtime.run("chatChannels", [], { user: LI_LEI }) as ChannelsReply).channels).toHaveLength(1);
    expect(runtime.http.requests).toEqual([]);
  });

  it("names the field of a channel it refuses, and stores nothing", () => {
    const runtime = ready([]);
    const add = (input: Record<string, string>) =>
      (runtime.run("addChatChannel", [input], { user: LI_LEI }) as ChannelsReply).message;
    expect(add({ platform: "wecom", label: "群", url: "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1" })).toBe(
      "「Webhook 地址」必须是以 https:// 开头、位于 qyapi.weixin.qq.com 的群机器人地址（从群设置的机器人页面复制）。",
    );
    expect(add({ platform: "dingtalk", label: "群", url: "https://evil.example.com/robot/send" })).toContain(
      "位于 oapi.dingtalk.com",
    );
    expect(add({ platform: "wecom", label: "", url: WECOM_URL })).toBe("请填写「名称」。");
    expect(
      add({ platform: "googleChat", label: "g", url: "https://chat.googleapis.com/v1/spaces/A/messages", secret: "s" }),
    ).toBe("这个平台的群机器人不使用「加签密钥」，请留空。");
    expect((runtime.run("chatChannels", [], { user: LI_LEI }) as ChannelsReply).channels).toEqual([]);
  });
});
