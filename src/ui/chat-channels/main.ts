/** Reminder channels dialog script: lists the channels (masked), adds one, removes one, sends a test post; every call goes through the server's admin check. */

import type { ChannelsReply } from "../../core/chat-channels";
import { hostClose } from "../shared/host";

interface Runner {
  withSuccessHandler(handler: (reply: ChannelsReply) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
  chatChannels(): void;
  addChatChannel(input: Record<string, string>): void;
  removeChatChannel(id: string): void;
  testChatChannel(id: string): void;
}

declare const google: { script: { run: Runner } };

const list = document.getElementById("channels") as HTMLUListElement;
const form = document.getElementById("add") as HTMLFormElement;
const message = document.getElementById("message") as HTMLParagraphElement;
const words = list.dataset;

function show(reply: ChannelsReply): void {
  message.textContent = reply.message;
  message.className = reply.ok ? "" : "error";
  list.replaceChildren();
  if (reply.channels.length === 0) {
    const empty = document.createElement("li");
    empty.textContent = words.empty ?? "";
    list.append(empty);
  }
  for (const channel of reply.channels) {
    const item = document.createElement("li");
    const text = document.createElement("span");
    // textContent: a label is the admin's text, never markup.
    text.textContent = `${channel.label} · ${channel.maskedUrl}${channel.signed ? ` · ${words.signed ?? ""}` : ""}`;
    const test = document.createElement("button");
    test.type = "button";
    test.textContent = words.test ?? "";
    test.addEventListener("click", () => run().testChatChannel(channel.id));
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = words.remove ?? "";
    remove.addEventListener("click", () => run().removeChatChannel(channel.id));
    item.append(text, test, remove);
    list.append(item);
  }
}

function run(): Runner {
  return google.script.run.withSuccessHandler(show).withFailureHandler((error) => {
    message.textContent = error.message;
    message.className = "error";
  });
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const fields = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
  run()
    .withSuccessHandler((reply) => {
      show(reply);
      if (reply.ok) form.reset();
    })
    .addChatChannel(fields);
});
document.getElementById("close")?.addEventListener("click", hostClose);
run().chatChannels();
