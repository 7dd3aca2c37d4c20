/** Reminder channels (group robots of 企业微信, 钉钉, 飞书 / Lark, Google Chat): what an admin configures, checked before it is stored, and how it is shown without its secret. */

import type { MessageKey } from "../i18n/messages";
import { fill, translator } from "../i18n/translate";
import type { Language } from "./language";

/** The group-robot platforms a channel posts to. */
export const CHAT_PLATFORMS = ["wecom", "dingtalk", "feishu", "googleChat"] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

/**
 * The hosts each platform's webhooks live on (the URL the group's robot settings show): a URL anywhere else is refused,
 * so a mistyped or planted URL never receives the team's follow-ups.
 * - WeCom: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (developer.work.weixin.qq.com/document/path/91770)
 * - DingTalk: https://oapi.dingtalk.com/robot/send?access_token=… (open.dingtalk.com/document/robots/custom-robot-access)
 * - Feishu / Lark: https://open.feishu.cn/open-apis/bot/v2/hook/… or open.larksuite.com
 *   (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot)
 * - Google Chat: https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…
 *   (developers.google.com/workspace/chat/quickstart/webhooks)
 */
export const CHAT_HOSTS: Readonly<Record<ChatPlatform, readonly string[]>> = {
  wecom: ["qyapi.weixin.qq.com"],
  dingtalk: ["oapi.dingtalk.com"],
  feishu: ["open.feishu.cn", "open.larksuite.com"],
  googleChat: ["chat.googleapis.com"],
};

/** Platforms whose robot can sign requests with a secret the admin copies from its security settings. */
export const SIGNING_PLATFORMS: ReadonlySet<ChatPlatform> = new Set(["dingtalk", "feishu"]);

/** One configured channel. `url` and `secret` are secrets: kept in document properties only, never shown whole. */
export interface ChatChannel {
  /** Short and stable: names the channel's send-record batches ("chat <id> <day>"). */
  id: string;
  platform: ChatPlatform;
  /** The admin's name for it ("销售一组群"). */
  label: string;
  url: string;
  /** The signing secret (DingTalk "SEC…", Feishu); "" when the robot does not sign. */
  secret: string;
}

/** A channel as the dialog shows it: no URL path or query, no secret. */
export interface ChannelView {
  id: string;
  platform: ChatPlatform;
  label: string;
  host: string;
  maskedUrl: string;
  signed: boolean;
}

/** What the dialog gets back from every call: the channels as shown, and a message for the admin. */
export interface ChannelsReply {
  ok: boolean;
  message: string;
  channels: ChannelView[];
}

/**
 * Channels one spreadsheet keeps: each morning's run posts to every one, and the posts' send record keeps today's and
 * the last workday's batch of each (../core/send-record keeps 8 batches).
 */
export const MAX_CHANNELS = 4;
/** A label short enough for a log line and a chat message's first line. */
export const MAX_LABEL = 40;
/** Longer than any platform's webhook URL or secret; keeps the stored JSON under the 9 KB property limit. */
const MAX_URL = 500;
const MAX_SECRET = 200;

/** What the dialog sends to add a channel. */
export interface ChannelInput {
  platform: unknown;
  label: unknown;
  url: unknown;
  secret?: unknown;
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/**
 * The channel `input` describes, or the first problem with it in `language`, naming the field: a known platform, a
 * label (one line, at most MAX_LABEL characters), an https URL on the platform's own host with nothing but the
 * printable ASCII a webhook URL holds, and a secret only where the platform signs.
 */
export function checkChannel(
  input: unknown,
  language: Language,
): { channel: Omit<ChatChannel, "id"> } | { error: string } {
  const t = translator(language);
  const fields = (typeof input === "object" && input !== null ? input : {}) as ChannelInput;
  const problem = (key: MessageKey, field: MessageKey, values: Record<string, string | number> = {}) => ({
    error: fill(t(key), { field: t(field), ...values }),
  });
  const platform = text(fields.platform) as ChatPlatform;
  if (!CHAT_PLATFORMS.includes(platform)) return problem("chat.error.platform", "chat.field.platform");
  const label = text(fields.label).replace(/\s+/g, " ");
  if (label === "") return problem("form.required", "chat.field.label");
  if ([...label].length > MAX_LABEL)
    return problem("form.tooLong", "chat.field.label", { max: MAX_LABEL, length: [...label].length });
  const url = text(fields.url);
  if (url === "") return problem("form.required", "chat.field.url");
  const hosts = CHAT_HOSTS[platform];
  const parsed = parseUrl(url);
  if (url.length > MAX_URL || !parsed || parsed.protocol !== "https:" || !hosts.includes(parsed.host))
    return problem("chat.error.url", "chat.field.url", { hosts: hosts.join(" / ") });
  const secret = text(fields.secret);
  if (secret !== "" && !SIGNING_PLATFORMS.has(platform)) return problem("chat.error.noSecret", "chat.field.secret");
  if (secret.length > MAX_SECRET || /[^\x21-\x7e]/.test(secret))
    return problem("chat.error.secret", "chat.field.secret");
  return { channel: { platform, label, url, secret } };
}

/** The URL's scheme and host (lower case, no port, user info or odd characters), or null when it is not such a URL. */
function parseUrl(url: string): { protocol: string; host: string } | null {
  const match = /^(https?):\/\/([a-z0-9.-]+)(\/[\x21-\x7e]*)?$/i.exec(url);
  return match ? { protocol: `${match[1].toLowerCase()}:`, host: match[2].toLowerCase() } : null;
}

/** The channels from their stored JSON; none for nothing or for text this version cannot read. */
export function parseChannels(stored: string | null): ChatChannel[] {
  if (!stored) return [];
  try {
    const parsed = JSON.parse(stored) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (c): c is ChatChannel =>
        typeof c === "object" &&
        c !== null &&
        typeof c.id === "string" &&
        CHAT_PLATFORMS.includes(c.platform) &&
        typeof c.label === "string" &&
        typeof c.url === "string" &&
        typeof c.secret === "string",
    );
  } catch {
    return [];
  }
}

/** The channels as stored JSON. */
export function channelsText(channels: readonly ChatChannel[]): string {
  return JSON.stringify(channels.map(({ id, platform, label, url, secret }) => ({ id, platform, label, url, secret })));
}

/**
 * An id for a channel added at `now` (epoch ms) that no channel of `channels` has, nor had: it names the channel's
 * send-record batches, so a channel removed and another added the same day must not share an id (the new one would
 * find today's batch "sent" and post nothing).
 */
export function nextChannelId(channels: readonly ChatChannel[], now: number): string {
  const used = new Set(channels.map((c) => c.id));
  let n = now;
  while (used.has(`c${n.toString(36)}`)) n++;
  return `c${n.toString(36)}`;
}

/** The URL with everything after its host hidden: the path and query carry the robot's key or token. */
export function maskedUrl(url: string): string {
  const parsed = parseUrl(url);
  return parsed ? `https://${parsed.host}/••••` : "••••";
}

/** What the dialog lists for a channel. */
export function channelView(channel: ChatChannel): ChannelView {
  return {
    id: channel.id,
    platform: channel.platform,
    label: channel.label,
    host: parseUrl(channel.url)?.host ?? "",
    maskedUrl: maskedUrl(channel.url),
    signed: channel.secret !== "",
  };
}

/** How log lines and the admins' status name a channel: its platform and label ("企业微信 · 销售一组群"). */
export function channelName(channel: Pick<ChatChannel, "platform" | "label">, language: Language): string {
  return `${translator(language)(`chat.platform.${channel.platform}`)} · ${channel.label}`;
}
