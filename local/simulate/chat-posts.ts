/** Reminder channels in a dry run: `--chat PLATFORM` adds a group robot with a placeholder webhook through the admin dialog's own server call, the runtime answers each platform's host as the platform answers success, and each post the run made is written to out/posts/<nn>-<platform>.json without its key or secret. */

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CHAT_HOSTS, type ChannelsReply, type ChatPlatform } from "../../src/core/chat-channels";
import type { Language } from "../../src/core/language";
import type { RecordedRequest } from "../runtime/http-traffic";
import type { AppsScriptRuntime } from "../runtime/runtime";
import { SimulationInputError } from "./csv-table";

/** The platforms as `--chat` names them (lower case, as typed on a command line). */
export const CHAT_OPTIONS = ["wecom", "dingtalk", "feishu", "googlechat"] as const;
export type ChatOption = (typeof CHAT_OPTIONS)[number];

const PLATFORM_OF: Record<ChatOption, ChatPlatform> = {
  wecom: "wecom",
  dingtalk: "dingtalk",
  feishu: "feishu",
  googlechat: "googleChat",
};

/**
 * Each platform's placeholder webhook: the URL shape its robot settings show, on its real host (../../src/core/chat-channels
 * CHAT_HOSTS), with placeholders where the real one carries its secret (WeCom's key, DingTalk's access_token, Feishu's
 * hook id in the path, Google Chat's key and token). The secrets are masked wherever a post file would show them.
 */
const PLACEHOLDERS: Record<ChatOption, { url: string; secrets: string[] }> = {
  wecom: { url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SIMULATED_KEY", secrets: ["SIMULATED_KEY"] },
  dingtalk: {
    url: "https://oapi.dingtalk.com/robot/send?access_token=SIMULATED_TOKEN",
    secrets: ["SIMULATED_TOKEN"],
  },
  feishu: { url: "https://open.feishu.cn/open-apis/bot/v2/hook/SIMULATED_HOOK", secrets: ["SIMULATED_HOOK"] },
  googlechat: {
    url: "https://chat.googleapis.com/v1/spaces/SIMULATED_SPACE/messages?key=SIMULATED_KEY&token=SIMULATED_TOKEN",
    secrets: ["SIMULATED_KEY", "SIMULATED_TOKEN"],
  },
};
const MASK = "••••";

/** The channel's label, in the table's language: the Reminder log and the admins' status name it. */
const LABELS: Record<Language, string> = { zh: "模拟群", en: "Simulated group" };

/** One post as out/posts/<nn>-<platform>.json holds it. */
export interface PostFile {
  platform: ChatOption;
  label: string;
  method: string;
  host: string;
  /** The URL's path with the placeholder secrets masked; never the query string (it carries the key or token). */
  path: string;
  headers: Record<string, string>;
  /** The JSON body as parsed (the message as the group would see it, before the platform renders it). */
  body: unknown;
}

/** The `--chat` values checked: each a known platform. */
export function chatOptions(values: readonly string[]): ChatOption[] {
  return values.map((value) => {
    const option = value.trim().toLowerCase() as ChatOption;
    if (!CHAT_OPTIONS.includes(option))
      throw new SimulationInputError(`--chat ${value} is not a platform: use ${CHAT_OPTIONS.join(", ")}.`);
    return option;
  });
}

/**
 * The platforms' success answers. WeCom and DingTalk: {"errcode":0,"errmsg":"ok"}; Feishu: {"code":0,"msg":"success"}
 * (../../src/core/chat-messages platformError); Google Chat: the created message, of which a webhook's answer fills only
 * "name" and "thread.name" besides what the request held
 * (developers.google.com/workspace/chat/api/reference/rest/v1/spaces.messages/create).
 */
function answerSuccess(runtime: AppsScriptRuntime, option: ChatOption): void {
  const platform = PLATFORM_OF[option];
  const hosts = CHAT_HOSTS[platform];
  const onHost = (request: RecordedRequest) => hosts.includes(hostOf(request.url));
  if (platform === "googleChat") {
    let count = 0;
    runtime.http.respond(onHost, (request) => {
      count++;
      const sent = JSON.parse(request.payload) as Record<string, unknown>;
      const message = { ...sent, name: `spaces/SIMULATED_SPACE/messages/simulated.${count}` };
      return {
        status: 200,
        body: JSON.stringify({ ...message, thread: { name: "spaces/SIMULATED_SPACE/threads/simulated" } }),
      };
    });
    return;
  }
  const body = platform === "feishu" ? '{"code":0,"msg":"success"}' : '{"errcode":0,"errmsg":"ok"}';
  runtime.http.respond(onHost, { status: 200, body });
}

/**
 * Adds a channel per `--chat` through the admin dialog's server call (addChatChannel), as `admin` (the Team sheet's
 * admin: the dialog refuses anyone else, and so does this), and scripts the platforms' answers. Throws the dialog's
 * message when it refuses one.
 */
export function addChannels(runtime: AppsScriptRuntime, options: readonly ChatOption[], language: Language): void {
  for (const option of new Set(options)) answerSuccess(runtime, option);
  for (const option of options) {
    const input = { platform: PLATFORM_OF[option], label: LABELS[language], url: PLACEHOLDERS[option].url };
    const reply = runtime.run("addChatChannel", [input]) as ChannelsReply;
    if (!reply.ok) throw new SimulationInputError(`--chat ${option}: ${reply.message}`);
  }
}

function hostOf(url: string): string {
  return /^https?:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? "";
}

/** The chat platform whose host `url` is on, or undefined for any other URL. */
function optionOf(url: string): ChatOption | undefined {
  const host = hostOf(url);
  return CHAT_OPTIONS.find((option) => CHAT_HOSTS[PLATFORM_OF[option]].includes(host));
}

/** Header names that carry credentials: never written out. */
const SECRET_HEADER = /authorization|cookie|token|key|secret|sign/i;

/** `text` with every placeholder secret masked. */
function masked(text: string): string {
  const secrets = Object.values(PLACEHOLDERS).flatMap((p) => p.secrets);
  return secrets.reduce((shown, secret) => shown.split(secret).join(MASK), text);
}

/** The posts the run made to chat hosts, oldest first, as their files hold them. */
export function postFiles(runtime: AppsScriptRuntime, language: Language): PostFile[] {
  return runtime.http.requests.flatMap((request) => {
    const option = optionOf(request.url);
    if (!option) return [];
    const headers = Object.fromEntries(
      Object.entries({ "Content-Type": request.contentType, ...request.headers }).filter(
        ([name, value]) => value !== "" && !SECRET_HEADER.test(name),
      ),
    );
    const pathOnly = request.url.replace(/^https?:\/\/[^/?#]+/i, "").replace(/[?#].*$/, "");
    return [
      {
        platform: option,
        label: LABELS[language],
        method: request.method.toUpperCase(),
        host: hostOf(request.url),
        path: masked(pathOnly),
        headers,
        body: JSON.parse(masked(request.payload)) as unknown,
      },
    ];
  });
}

/** The file under out/ each post goes to: "posts/<nn>-<platform>.json", numbered in the order they were sent. */
export function postFileNames(posts: readonly PostFile[]): string[] {
  return posts.map((post, index) => `posts/${String(index + 1).padStart(2, "0")}-${post.platform}.json`);
}

/** Writes each post to its file under `out` (the posts folder, empty when the run posted nothing). */
export function writePosts(posts: readonly PostFile[], out: string): void {
  mkdirSync(path.join(out, "posts"), { recursive: true });
  const names = postFileNames(posts);
  posts.forEach((post, index) => {
    writeFileSync(path.join(out, names[index] ?? ""), `${JSON.stringify(post, null, 2)}\n`);
  });
}
