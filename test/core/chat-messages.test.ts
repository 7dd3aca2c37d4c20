/** Tests of src/core/chat-messages: each platform's JSON, the @mentions, splitting at the exact size limit, and the signing input. */

import { createHmac } from "node:crypto";
import {
  type ChatRep,
  chatParts,
  chatReps,
  chatRequest,
  ITEMS_PER_REP,
  isPassingCode,
  platformError,
  SIZE_LIMITS,
  signingInput,
} from "../../src/core/chat-messages";
import type { Digest, DigestItem } from "../../src/core/digest";
import { utf8Bytes } from "../../src/core/email-budget";

const CONTEXT = {
  language: "zh" as const,
  day: "2026-11-27",
  spreadsheetName: "销售跟进表",
  sheetUrl: "https://docs.google.com/spreadsheets/d/x/edit#gid=0",
};

function item(customer: string, daysOverdue: number): DigestItem {
  return {
    row: 2,
    id: "FU-1",
    customer,
    contact: "",
    contactInfo: "",
    phone: "",
    tel: "",
    stage: "已报价",
    nextStep: "回访报价反馈",
    lastSummary: "",
    nextDate: "2026-11-20",
    daysOverdue,
    link: "https://x",
  };
}

function rep(n: number, extra: Partial<ChatRep> = {}): ChatRep {
  return {
    email: `rep${n}@example.com`,
    name: `销售${n}`,
    chatId: "",
    mobile: "",
    overdue: [item(`客户${n}甲`, 3)],
    dueToday: [item(`客户${n}乙`, 0)],
    ...extra,
  };
}

describe("chat-messages", () => {
  describe("chatReps", () => {
    it("lists reps with something overdue or due today, with their mention ids from the Team sheet", () => {
      const digest = (to: string, overdue: DigestItem[], upcoming: DigestItem[]) =>
        ({ to, name: to, overdue, dueToday: [], upcoming }) as unknown as Digest;
      const reps = chatReps(
        [digest("a@example.com", [item("甲", 2)], []), digest("b@example.com", [], [item("乙", -2)])],
        [
          {
            name: "a",
            email: "a@example.com",
            role: "rep",
            managerEmail: "",
            reminders: true,
            language: "",
            mobile: "138",
          },
        ],
      );
      expect(reps.map((r) => [r.email, r.mobile, r.chatId])).toEqual([["a@example.com", "138", ""]]);
    });
  });

  describe("chatParts", () => {
    it("WeCom: one text message, mentions by user id or else mobile, items clipped to a few and '…and N more'", () => {
      const many = rep(1, {
        chatId: "zhangsan",
        overdue: [1, 2, 3, 4].map((n) => item(`客户${n}`, n)),
      });
      const [part, ...rest] = chatParts("wecom", [many, rep(2, { mobile: "13800000000" })], CONTEXT);
      expect(rest).toEqual([]);
      expect(part?.reps).toEqual(["rep1@example.com", "rep2@example.com"]);
      const text = part?.body.text as { content: string; mentioned_list: string[]; mentioned_mobile_list: string[] };
      expect(part?.body.msgtype).toBe("text");
      expect(text.mentioned_list).toEqual(["zhangsan"]);
      expect(text.mentioned_mobile_list).toEqual(["13800000000"]);
      expect(text.content.split("\n")).toEqual([
        "【跟进提醒】2026-11-27 今日待跟进（销售跟进表）",
        "销售1：逾期 4 条，今日到期 1 条",
        "· 客户1：下一步 回访报价反馈（逾期 1 天）",
        "· 客户2：下一步 回访报价反馈（逾期 2 天）",
        "· 客户3：下一步 回访报价反馈（逾期 3 天）",
        `…另有 ${5 - ITEMS_PER_REP} 条`,
        "销售2：逾期 1 条，今日到期 1 条",
        "· 客户2甲：下一步 回访报价反馈（逾期 3 天）",
        "· 客户2乙：下一步 回访报价反馈（今日到期）",
        // A text message has no link markup: the URL itself (WeCom shows it as a link).
        `打开跟进表：${CONTEXT.sheetUrl}`,
      ]);
    });

    it("DingTalk: markdown with @mobile in the text and in at.atMobiles; user text cannot format", () => {
      const [part] = chatParts("dingtalk", [rep(1, { mobile: "13800000000", name: "*粗*" }), rep(2)], CONTEXT);
      const markdown = part?.body.markdown as { title: string; text: string };
      expect(part?.body.msgtype).toBe("markdown");
      expect(part?.body.at).toEqual({ atMobiles: ["13800000000"], atUserIds: [], isAtAll: false });
      expect(markdown.text).toContain("**@13800000000**");
      expect(markdown.text).toContain("销售2");
      expect(markdown.text).not.toContain("*粗*");
    });

    it("Feishu: a post with an at element per rep with a user id, in the table's language", () => {
      const [part] = chatParts("feishu", [rep(1, { chatId: "ou_123" })], { ...CONTEXT, language: "en" });
      const post =
        (part?.body.content as { post: Record<string, { title: string; content: unknown[][] }> } | undefined)?.post ??
        {};
      expect(Object.keys(post)).toEqual(["en_us"]);
      expect(post.en_us?.content[0]?.[0]).toEqual({ tag: "at", user_id: "ou_123" });
      expect(post.en_us?.content.at(-1)).toEqual([
        { tag: "a", text: "Open the follow-up table", href: CONTEXT.sheetUrl },
      ]);
    });

    it("Google Chat: text with <users/id> mentions, and no mention or link a user's text could forge", () => {
      const [part] = chatParts("googleChat", [rep(1, { chatId: "1234", overdue: [item("<users/all>", 2)] })], CONTEXT);
      const text = part?.body.text as string;
      expect(text).toContain("<users/1234>：逾期 1 条");
      expect(text).not.toContain("<users/all>");
      expect(text.endsWith(`<${CONTEXT.sheetUrl}|打开跟进表>`)).toBe(true);
    });

    it.each(["wecom", "dingtalk", "feishu", "googleChat"] as const)(
      "%s: splits only where the size limit requires, each part as full as it can be",
      (platform) => {
        const reps = Array.from({ length: 300 }, (_, i) => rep(i, { mobile: `1380000${String(i).padStart(4, "0")}` }));
        const parts = chatParts(platform, reps, CONTEXT);
        expect(parts.length).toBeGreaterThan(1);
        expect(parts.flatMap((p) => p.reps)).toEqual(reps.map((r) => r.email));
        const size = (body: Record<string, unknown>) =>
          platform === "wecom"
            ? utf8Bytes((body.text as { content: string }).content)
            : platform === "dingtalk"
              ? utf8Bytes((body.markdown as { text: string }).text)
              : platform === "feishu"
                ? utf8Bytes(JSON.stringify(body))
                : (body.text as string).length;
        for (const [index, part] of parts.entries()) {
          expect(size(part.body)).toBeLessThanOrEqual(SIZE_LIMITS[platform]);
          const next = reps.find((r) => r.email === parts[index + 1]?.reps[0]);
          if (!next) continue;
          // One more rep would not fit: the part is as full as the limit allows.
          const grown = part.reps.map((email) => reps.find((r) => r.email === email) as ChatRep);
          expect(chatParts(platform, [...grown, next], CONTEXT)).toHaveLength(2);
        }
      },
    );

    it("posts nothing when nobody has anything due", () => {
      expect(chatParts("wecom", [], CONTEXT)).toEqual([]);
    });
  });

  describe("signing", () => {
    it("DingTalk: HMAC-SHA256 keyed by the secret over timestamp(ms)\\nsecret, Base64, URL-encoded in the query", () => {
      const secret = "SECabc";
      const input = signingInput({ platform: "dingtalk", secret }, 1_700_000_000_123);
      expect(input).toEqual({ timestamp: "1700000000123", key: secret, message: `1700000000123\n${secret}` });
      const sign = createHmac("sha256", secret).update(`1700000000123\n${secret}`).digest("base64");
      const { url } = chatRequest(
        { platform: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?access_token=t" },
        {},
        { timestamp: "1700000000123", sign },
      );
      expect(url).toBe(
        `https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000123&sign=${encodeURIComponent(sign)}`,
      );
    });

    it("Feishu: timestamp(s)\\nsecret is the key over an empty message; timestamp and sign go in the body", () => {
      const input = signingInput({ platform: "feishu", secret: "s" }, 1_700_000_000_999);
      expect(input).toEqual({ timestamp: "1700000000", key: "1700000000\ns", message: "" });
      const { payload } = chatRequest(
        { platform: "feishu", url: "https://open.feishu.cn/open-apis/bot/v2/hook/x" },
        { msg_type: "text" },
        { timestamp: "1700000000", sign: "abc=" },
      );
      expect(JSON.parse(payload)).toEqual({ timestamp: "1700000000", sign: "abc=", msg_type: "text" });
    });

    it("WeCom, Google Chat and robots without a secret are not signed", () => {
      expect(signingInput({ platform: "wecom", secret: "" }, 1)).toBeNull();
      expect(signingInput({ platform: "dingtalk", secret: "" }, 1)).toBeNull();
    });
  });

  describe("platformError", () => {
    it("reads a refusal in a 200 answer, and tells a rate limit from the rest", () => {
      expect(platformError("wecom", '{"errcode":0,"errmsg":"ok"}')).toBeNull();
      expect(platformError("dingtalk", '{"errcode":310000,"errmsg":"sign not match"}')).toBe(
        "errcode 310000: sign not match",
      );
      expect(platformError("feishu", '{"code":19021,"msg":"sign match fail"}')).toBe("code 19021: sign match fail");
      expect(isPassingCode("errcode 45009: api freq out of limit")).toBe(true);
      expect(isPassingCode("errcode 310000: sign not match")).toBe(false);
    });
  });
});
