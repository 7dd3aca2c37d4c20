/** Draws the group-chat posts beside the outbox: each post's time and platform, and its message as plain text (the page never renders it as HTML). */

import type { PostView } from "../view-types";
import { t } from "./texts";

/** Lists the posts, newest first as the state gives them; says how to get one when there is none. */
export function renderPosts(posts: PostView[]): void {
  (document.getElementById("posts-count") as HTMLElement).textContent = `(${posts.length})`;
  const list = document.getElementById("post-list") as HTMLElement;
  if (posts.length === 0) {
    const empty = document.createElement("li");
    empty.className = "empty";
    empty.textContent = t("noPosts");
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(
    ...posts.map((post) => {
      const item = document.createElement("li");
      const when = document.createElement("div");
      when.className = "when";
      when.textContent = t("postWhen", post.at, t(post.platform));
      const message = document.createElement("pre");
      // textContent: the message is the team's text (customers, next steps), shown, never parsed as markup.
      message.textContent = post.text;
      item.append(when, message);
      return item;
    }),
  );
}
