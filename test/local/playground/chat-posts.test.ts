/** The playground's group-chat posts: the demo's WeCom group gets the morning post once the clock passes the reminder hour, listed with its platform, time and message as text; every platform's body reads as its message; the webhook key never reaches the page's state. */

import path from "node:path";
import { postText } from "../../../local/playground/chat-post-view";
import { seedDemo } from "../../../local/playground/demo-seed";
import { playgroundState } from "../../../local/playground/state-view";
import { readProject } from "../../../local/runtime/loader";
import { CHAT_PLATFORMS } from "../../../src/core/chat-channels";
import { type ChatRep, chatParts } from "../../../src/core/chat-messages";

const DIST = path.resolve(__dirname, "../../../dist");
const HOUR = 3_600_000;
const counters = () => ({ version: 0, resets: 0, closedSidebars: 0, closedDialogs: 0, userSheet: "" });

describe("the demo's reminder channel", () => {
  it("posts nothing before the first hourly run, then one WeCom message listing each rep's items, newest first", () => {
    const runtime = seedDemo(readProject(DIST));
    expect(playgroundState(runtime, counters()).posts).toEqual([]);
    runtime.advanceBy(HOUR);
    const [post, ...older] = playgroundState(runtime, counters()).posts;
    expect(older).toEqual([]);
    expect(post?.platform).toBe("wecom");
    expect(post?.at).toMatch(/^2026-11-27 Fri \d\d:\d\d$/);
    expect(post?.text).toMatch(/^【跟进提醒】2026-11-27 今日待跟进（销售跟进表）\n/);
    expect(post?.text).toContain("李雷：逾期 2 条，今日到期 1 条\n· 上海某科技：下一步 确认报价反馈（逾期 7 天）");
    // Monday's post comes first.
    runtime.advanceBy(3 * 24 * HOUR);
    const posts = playgroundState(runtime, counters()).posts;
    expect(posts.map((p) => p.text.slice(0, 16))).toEqual(["【跟进提醒】2026-11-30", "【跟进提醒】2026-11-27"]);
    expect(JSON.stringify(playgroundState(runtime, counters()))).not.toContain("PLAYGROUND_DEMO_KEY");
  });
});

describe("postText", () => {
  const rep: ChatRep = {
    email: "li.lei@example.com",
    name: "李雷",
    chatId: "lilei",
    mobile: "13800000000",
    overdue: [],
    dueToday: [],
  };
  const context = { language: "zh" as const, day: "2026-11-27", spreadsheetName: "销售跟进表", sheetUrl: "https://x" };

  it.each(CHAT_PLATFORMS)("reads the message of a %s post: its title and each rep's line", (platform) => {
    const [part] = chatParts(platform, [rep], context);
    const text = postText(platform, part?.body);
    expect(text).toContain("【跟进提醒】2026-11-27 今日待跟进（销售跟进表）");
    expect(text).toMatch(/(李雷|@13800000000|@lilei|users\/lilei).*逾期 0 条，今日到期 0 条/);
  });

  it("keeps markup as text: it is the team's words, for the page to show, not to render", () => {
    expect(postText("googleChat", { text: "<b>成都</b>某餐饮" })).toBe("<b>成都</b>某餐饮");
    expect(postText("feishu", { msg_type: "text", content: { text: "测试" } })).toBe("测试");
  });
});
