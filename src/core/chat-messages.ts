/** The morning message a group robot posts: per rep with something overdue or due today (taken from the built digests), an @mention and a few items, in each platform's JSON, split into parts only where its size limit requires; and the signing input and request each platform expects. */

import { fill, translator } from "../i18n/translate";
import type { ChatChannel, ChatPlatform } from "./chat-channels";
import type { Digest, DigestItem } from "./digest";
import { utf8Bytes } from "./email-budget";
import { oneLine } from "./html";
import type { Language } from "./language";
import { memberByEmail, type TeamMember } from "./team";

/** One rep as the group message lists them: the same overdue and due-today items as their email digest. */
export interface ChatRep {
  /** The rep's email: the key of their send-record entry. */
  email: string;
  name: string;
  /** From the Team sheet's optional columns; "" when not given (the name is shown instead of a mention). */
  chatId: string;
  mobile: string;
  overdue: readonly DigestItem[];
  dueToday: readonly DigestItem[];
}

/** One message to post: its JSON body (before signing) and the reps it lists. */
export interface ChatPart {
  body: Record<string, unknown>;
  reps: string[];
}

/** What every part says besides the reps: the day, the spreadsheet's name and the link that opens it. */
export interface ChatContext {
  language: Language;
  /** yyyy-mm-dd. */
  day: string;
  spreadsheetName: string;
  sheetUrl: string;
}

/** Items listed per rep before "…and N more": a group reads one morning message, the rep's email has the rest. */
export const ITEMS_PER_REP = 3;
/** Characters of a customer's name and of a next step an item line keeps. */
const CUSTOMER_CHARS = 20;
const NEXT_STEP_CHARS = 30;

/**
 * Each platform's size limit. The official pages could not be opened from here: the quotes are the pages' wording as
 * third-party copies give it (docs.zhuonian.xyz/api/wecom-webhook.html: text "最长 2048 字节"), else [UNCONFIRMED]:
 * - WeCom group robot, msgtype text: "content: 文本内容，最长不超过2048个字节，必须是utf8编码"
 *   (developer.work.weixin.qq.com/document/path/91770; markdown's is 4096 bytes, but only text mentions by mobile).
 * - DingTalk custom robot, markdown: no byte limit on the page found (open.dingtalk.com/document/robots/custom-robot-access);
 *   20,000 bytes of text is what community clients keep to [UNCONFIRMED].
 * - Feishu / Lark custom bot: "发送消息时，请求体的数据大小不能超过 20 KB" (the official guide, 自定义机器人使用指南:
 *   open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, as mirrored at open.larkoffice.com), measured over the
 *   whole JSON body with room for the signature's "timestamp" and "sign" fields.
 * - Google Chat: "The maximum message size (including any text or cards) is 32,000 bytes"
 *   (developers.google.com/chat/create-messages); 4,096 characters of text (counted here in UTF-16 units, never fewer
 *   than the characters) stay under it whatever the script: at most 4 UTF-8 bytes a character, 16 KB with the JSON.
 */
export const SIZE_LIMITS: Readonly<Record<ChatPlatform, number>> = {
  wecom: 2048,
  dingtalk: 20_000,
  feishu: 20 * 1024 - 100,
  googleChat: 4096,
};

/**
 * Posts one run makes to one robot: WeCom and DingTalk robots take 20 messages a minute (DingTalk: "每个机器人每分钟最多
 * 发送20条", as zhuoqun.info/article/182 quotes its page; WeCom's page says the same [UNCONFIRMED here]), Feishu "单租户
 * 单机器人 100 次/分钟，5 次/秒" (its guide, above: a burst past 5 a second is refused with its rate-limit code and
 * tried again next run), a Google Chat space one write a second [UNCONFIRMED]; a run posts in well under a minute, so
 * it stays below the strictest per-minute limit, and any further part waits for the next hourly run.
 */
export const POSTS_PER_RUN = 15;

/** The reps of `digests` with something overdue or due today, in the digests' order, with their mention ids. */
export function chatReps(digests: readonly Digest[], team: readonly TeamMember[]): ChatRep[] {
  return digests
    .filter((d) => d.overdue.length + d.dueToday.length > 0)
    .map((d) => {
      const member = memberByEmail(team, d.to);
      return {
        email: d.to,
        name: d.name,
        chatId: member?.chatId ?? "",
        mobile: member?.mobile ?? "",
        overdue: d.overdue,
        dueToday: d.dueToday,
      };
    });
}

function clip(text: string, chars: number): string {
  const line = [...oneLine(text)];
  return line.length <= chars ? line.join("") : `${line.slice(0, chars - 1).join("")}…`;
}

/** A rep's lines as plain text: the headline (after the mention), then up to ITEMS_PER_REP items and "…and N more". */
function repLines(rep: ChatRep, language: Language): { headline: string; items: string[] } {
  const t = translator(language);
  const items = [...rep.overdue, ...rep.dueToday];
  const shown = items.slice(0, ITEMS_PER_REP).map((item) => {
    const status =
      item.daysOverdue > 1
        ? fill(t("digest.overdueDays"), { days: item.daysOverdue })
        : item.daysOverdue === 1
          ? t("digest.overdueOneDay")
          : t("digest.dueToday");
    return fill(t("chat.item"), {
      customer: clip(item.customer, CUSTOMER_CHARS),
      nextStep: clip(item.nextStep, NEXT_STEP_CHARS),
      status,
    });
  });
  if (items.length > ITEMS_PER_REP) shown.push(fill(t("list.more"), { count: items.length - ITEMS_PER_REP }));
  return {
    headline: fill(t("chat.rep"), { overdue: rep.overdue.length, dueToday: rep.dueToday.length }),
    items: shown,
  };
}

/** The first line of every part ("（2/3）" added when there are several), and the closing link line. */
function frame(context: ChatContext, part: number, parts: number): { title: string; footer: string } {
  const t = translator(context.language);
  const title = fill(t("chat.title"), { day: context.day, spreadsheet: clip(context.spreadsheetName, 40) });
  return {
    title: parts > 1 ? `${title} ${fill(t("chat.part"), { part, parts })}` : title,
    footer: t("chat.link"),
  };
}

/** DingTalk markdown: characters that would format user text are escaped [UNCONFIRMED: DingTalk honours "\"]. */
const markdownText = (text: string) => text.replace(/([\\`*_[\]#>|])/g, "\\$1");
/** Google Chat: "<" opens a mention or a link ("<users/all>"), so user text never holds one. */
const chatText = (text: string) => text.replace(/</g, "‹").replace(/>/g, "›");

/** A part's body on `platform` for `reps`, and its size as the platform's limit counts it. */
function render(
  platform: ChatPlatform,
  reps: readonly ChatRep[],
  context: ChatContext,
  part: number,
  parts: number,
): { body: Record<string, unknown>; size: number } {
  const { title, footer } = frame(context, part, parts);
  const blocks = reps.map((rep) => ({ rep, ...repLines(rep, context.language) }));
  switch (platform) {
    case "wecom": {
      // msgtype text: mentions by user id (mentioned_list) or mobile (mentioned_mobile_list); WeCom adds the @s.
      const lines = blocks.flatMap(({ rep, headline, items }) => [`${rep.name}${headline}`, ...items]);
      // A text message has no link markup: the URL itself, after the words (WeCom shows a URL in text as a link).
      const link = fill(translator(context.language)("chat.linkText"), { url: context.sheetUrl });
      const content = [title, ...lines, link].join("\n");
      const body = {
        msgtype: "text",
        text: {
          content,
          mentioned_list: reps.filter((r) => r.chatId).map((r) => r.chatId),
          mentioned_mobile_list: reps.filter((r) => !r.chatId && r.mobile).map((r) => r.mobile),
        },
      };
      return { body, size: utf8Bytes(content) };
    }
    case "dingtalk": {
      // markdown: a mention is "@mobile" (or "@userId") in the text and the same in at.atMobiles / at.atUserIds.
      const mention = (rep: ChatRep) =>
        rep.mobile ? `@${rep.mobile}` : rep.chatId ? `@${rep.chatId}` : markdownText(rep.name);
      const lines = blocks.flatMap(({ rep, headline, items }) => [
        `**${mention(rep)}** ${markdownText(headline)}`,
        ...items.map((item) => `- ${markdownText(item)}`),
      ]);
      const text = [`#### ${markdownText(title)}`, ...lines, `[${markdownText(footer)}](${context.sheetUrl})`].join(
        "\n\n",
      );
      const body = {
        msgtype: "markdown",
        markdown: { title: clip(title, 40), text },
        at: {
          atMobiles: reps.filter((r) => r.mobile).map((r) => r.mobile),
          atUserIds: reps.filter((r) => !r.mobile && r.chatId).map((r) => r.chatId),
          isAtAll: false,
        },
      };
      return { body, size: utf8Bytes(text) };
    }
    case "feishu": {
      // msg_type post: one array of elements per line; a mention is {"tag":"at","user_id":"ou_…"}.
      const lines = blocks.flatMap(({ rep, headline, items }) => [
        [
          rep.chatId ? { tag: "at", user_id: rep.chatId } : { tag: "text", text: rep.name },
          { tag: "text", text: headline },
        ],
        ...items.map((item) => [{ tag: "text", text: item }]),
      ]);
      const link = [{ tag: "a", text: footer, href: context.sheetUrl }];
      const locale = context.language === "zh" ? "zh_cn" : "en_us";
      const body = { msg_type: "post", content: { post: { [locale]: { title, content: [...lines, link] } } } };
      return { body, size: utf8Bytes(JSON.stringify(body)) };
    }
    case "googleChat": {
      // {"text": …}: a mention is "<users/{id}>", a link "<url|text>".
      const lines = blocks.flatMap(({ rep, headline, items }) => [
        `${rep.chatId ? `<users/${rep.chatId}>` : chatText(rep.name)}${chatText(headline)}`,
        ...items.map(chatText),
      ]);
      const text = [`*${chatText(title)}*`, ...lines, `<${context.sheetUrl}|${chatText(footer)}>`].join("\n");
      return { body: { text }, size: text.length };
    }
  }
}

/**
 * The parts to post on `platform` for `reps`: as few as its size limit allows (one on most mornings), each listing
 * whole reps in order. A rep's lines are short and few (ITEMS_PER_REP items, clipped), so one rep always fits a part.
 */
export function chatParts(platform: ChatPlatform, reps: readonly ChatRep[], context: ChatContext): ChatPart[] {
  if (reps.length === 0) return [];
  const limit = SIZE_LIMITS[platform];
  // Packed with the longest title a part can have ("(99/99)"), so numbering the parts afterwards never pushes one over.
  const groups: ChatRep[][] = [];
  let current: ChatRep[] = [];
  for (const rep of reps) {
    const tried = [...current, rep];
    if (current.length > 0 && render(platform, tried, context, 99, 99).size > limit) {
      groups.push(current);
      current = [rep];
    } else current = tried;
  }
  groups.push(current);
  return groups.map((group, index) => ({
    body: render(platform, group, context, index + 1, groups.length).body,
    reps: group.map((r) => r.email),
  }));
}

/** A one-line text message on `platform` (the dialog's test post): every platform's plain "text" type. */
export function testPostBody(platform: ChatPlatform, text: string): Record<string, unknown> {
  if (platform === "feishu") return { msg_type: "text", content: { text } };
  if (platform === "googleChat") return { text };
  return { msgtype: "text", text: { content: text } };
}

/** The text a channel's signature is computed over, and how: only DingTalk and Feishu sign, and only with a secret. */
export interface SigningInput {
  timestamp: string;
  /** HMAC-SHA256 of `message` keyed by `key`, then Base64. */
  key: string;
  message: string;
}

/**
 * What to sign at `now` (epoch ms), or null when the channel does not sign.
 * - DingTalk: "把timestamp+"\n"+密钥当做签名字符串，使用HmacSHA256算法计算签名，然后进行Base64 encode，最后再把签名参数再进行
 *   urlEncode"; the timestamp in milliseconds, within an hour of the call (open.dingtalk.com/document/robots/customize-robot-security-settings,
 *   as www.mihaoyun.com/wordpress/?p=391 quotes it).
 * - Feishu / Lark: the timestamp in seconds + "\n" + the secret is the HMAC-SHA256 *key*, over an empty message, Base64;
 *   sent in the body as "timestamp" and "sign" (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, as
 *   github.com/YourTongji/YourTJ-Credit-Serverless WEBHOOK_SETUP.md restates it).
 */
export function signingInput(channel: Pick<ChatChannel, "platform" | "secret">, now: number): SigningInput | null {
  if (channel.secret === "") return null;
  if (channel.platform === "dingtalk") {
    const timestamp = String(now);
    return { timestamp, key: channel.secret, message: `${timestamp}\n${channel.secret}` };
  }
  if (channel.platform === "feishu") {
    const timestamp = String(Math.floor(now / 1000));
    return { timestamp, key: `${timestamp}\n${channel.secret}`, message: "" };
  }
  return null;
}

/** The URL and JSON body of a post of `body` to `channel`, with the signature (Base64) where the platform signs. */
export function chatRequest(
  channel: Pick<ChatChannel, "platform" | "url">,
  body: Record<string, unknown>,
  signature: { timestamp: string; sign: string } | null,
): { url: string; payload: string } {
  if (signature && channel.platform === "dingtalk") {
    const joiner = channel.url.includes("?") ? "&" : "?";
    const query = `timestamp=${signature.timestamp}&sign=${encodeURIComponent(signature.sign)}`;
    return { url: `${channel.url}${joiner}${query}`, payload: JSON.stringify(body) };
  }
  if (signature && channel.platform === "feishu") {
    return {
      url: channel.url,
      payload: JSON.stringify({ timestamp: signature.timestamp, sign: signature.sign, ...body }),
    };
  }
  return { url: channel.url, payload: JSON.stringify(body) };
}

/**
 * Whether a platform's answer with HTTP 200 says the post failed, and why: WeCom and DingTalk answer {"errcode":0,
 * "errmsg":"ok"}, Feishu {"code":0,"msg":"success"} (older bots {"StatusCode":0}); any other code is a failure
 * (an invalid key, a bad signature, a keyword missing, too many posts). Google Chat answers errors with HTTP codes.
 */
export function platformError(platform: ChatPlatform, responseText: string): string | null {
  if (platform === "googleChat") return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(responseText) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const code = platform === "feishu" ? (parsed.code ?? parsed.StatusCode) : parsed.errcode;
  if (code === undefined || code === 0) return null;
  const message = platform === "feishu" ? (parsed.msg ?? parsed.StatusMessage) : parsed.errmsg;
  return `${platform === "feishu" ? "code" : "errcode"} ${String(code)}: ${String(message ?? "")}`;
}

/**
 * Whether a platform error code is worth another try on the next run: the robot's rate limit (Feishu 11232, "11232
 * 限流错误" in its guide, above; WeCom 45009 and DingTalk 130101 [UNCONFIRMED: codes as community clients quote them])
 * and system busy (-1) pass; a bad key, token, signature or content does not.
 */
export function isPassingCode(error: string): boolean {
  return /^(errcode|code) (-1|45009|130101|11232):/.test(error);
}
