/** The group-chat posts the runtime's UrlFetchApp sent to the chat platforms' hosts, as the page lists them: platform, time and the message as readable text (never the webhook URL: it holds the robot's key). */

import { CHAT_HOSTS, CHAT_PLATFORMS, type ChatPlatform } from "../../src/core/chat-channels";
import type { RecordedRequest } from "../runtime/http-traffic";
import type { PostView } from "./view-types";

/** The platform whose webhook host `url` is on, or undefined for any other request. */
function platformOf(url: string): ChatPlatform | undefined {
  const host = /^https:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? "";
  return CHAT_PLATFORMS.find((platform) => CHAT_HOSTS[platform].includes(host));
}

type Json = Record<string, unknown>;
const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Json)[key] : undefined;
const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A Feishu "post" element as the group reads it: text, a link's words, an @mention. */
function feishuElement(element: unknown): string {
  const tag = field(element, "tag");
  if (tag === "at") return `@${text(field(element, "user_name")) || text(field(element, "user_id"))}`;
  return text(field(element, "text"));
}

/**
 * The message a post's JSON body carries, as plain text: WeCom's text.content or markdown.content, DingTalk's
 * markdown.text or text.content, Feishu's post (title, then each line's elements) or text, Google Chat's text. Markup
 * stays as the platform receives it; the page shows it as text, never as HTML.
 */
export function postText(platform: ChatPlatform, body: unknown): string {
  switch (platform) {
    case "wecom":
    case "dingtalk":
      return (
        text(field(field(body, "text"), "content")) ||
        text(field(field(body, "markdown"), "content")) ||
        text(field(field(body, "markdown"), "text"))
      );
    case "feishu": {
      const content = field(body, "content");
      const post = field(content, "post");
      const [localised] = typeof post === "object" && post !== null ? Object.values(post) : [];
      if (localised === undefined) return text(field(content, "text"));
      const lines = field(localised, "content");
      return [
        text(field(localised, "title")),
        ...(Array.isArray(lines) ? lines : []).map((line) =>
          (Array.isArray(line) ? line : []).map(feishuElement).join(""),
        ),
      ].join("\n");
    }
    case "googleChat":
      return text(field(body, "text"));
  }
}

/** Each post sent to a chat host, newest first; `timeOf` writes a request's time as the page shows times. */
export function postViews(requests: readonly RecordedRequest[], timeOf: (at: number) => string): PostView[] {
  return requests
    .flatMap((request): PostView[] => {
      const platform = platformOf(request.url);
      if (!platform) return [];
      let body: unknown;
      try {
        body = JSON.parse(request.payload);
      } catch {
        body = null;
      }
      return [{ at: timeOf(request.at), platform, text: postText(platform, body) || request.payload }];
    })
    .reverse();
}
