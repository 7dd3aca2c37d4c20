/** Draws the outbox: each email sent with its time, recipients and subject, and the chosen one rendered as HTML and as text. */

import type { MailView, TriggerRunView } from "../view-types";
import { t } from "./texts";

/** Lists the mail (newest first) and shows the one at `selected` (an index into `mail`). */
export function renderOutbox(mail: MailView[], selected: number, onSelect: (index: number) => void): void {
  (document.getElementById("outbox-count") as HTMLElement).textContent = `(${mail.length})`;
  const list = document.getElementById("mail-list") as HTMLElement;
  list.replaceChildren(
    ...mail.map((message, index) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-pressed", String(index === selected));
      button.append(line("when", message.at), line("to", message.to), line("subject", message.subject));
      button.addEventListener("click", () => onSelect(index));
      item.append(button);
      return item;
    }),
  );
  const shown = mail[selected];
  const article = document.getElementById("mail") as HTMLElement;
  if (!shown) {
    article.replaceChildren(line("empty", t("noMail")));
    return;
  }
  const html = document.createElement("iframe");
  html.title = t("mailHtml");
  // No scripts, no same-origin: the email is shown, never run.
  html.setAttribute("sandbox", "");
  html.srcdoc = shown.html ?? "";
  html.hidden = shown.html === null;
  const text = document.createElement("pre");
  text.textContent = shown.text;
  article.replaceChildren(
    line("subject", shown.subject),
    line("meta", t("mailMeta", shown.from, shown.to, shown.at)),
    html,
    text,
  );
}

export function renderTriggerRuns(runs: TriggerRunView[]): void {
  (document.getElementById("trigger-runs") as HTMLElement).replaceChildren(
    ...runs.map((run) => {
      const item = document.createElement("li");
      item.textContent = `${run.at} ${run.functionName} ${run.status}${run.error ? `: ${run.error}` : ""}`;
      return item;
    }),
  );
}

function line(className: string, text: string): HTMLElement {
  const element = document.createElement("div");
  element.className = className;
  element.textContent = text;
  return element;
}
