/** Which requests the playground answers: addressed to it by its own Host and, from a browser, sent by its own page, so no other web page (cross-site requests, DNS rebinding) can read or drive it. */

import type { IncomingHttpHeaders } from "node:http";

/** Why a request is refused, and the status that says so. */
export interface Refusal {
  status: 403 | 415 | 421;
  reason: string;
}

/**
 * The refusal for a request to the playground listening on 127.0.0.1:`port`, or null when it may be answered.
 *
 * - Host must name the playground itself (127.0.0.1 or localhost, with its port): a page on evil.example whose name
 *   an attacker has pointed at 127.0.0.1 (DNS rebinding) sends `Host: evil.example:PORT` and is refused (421).
 * - Origin, when present, must be the playground's own: browsers send it on every cross-origin request and on every
 *   POST (https://fetch.spec.whatwg.org/#origin-header; Chrome always, Firefox since 70, Edge since 79 per MDN's
 *   compatibility data), so another site's fetch or form post is refused (403), and so is `Origin: null` (a sandboxed
 *   frame, a no-referrer form). Requests without Origin come from curl, tests, or a plain navigation, and are answered.
 * - A POST must carry JSON, as the page and the sidebar send it (415 otherwise): another site cannot send a JSON POST
 *   here without a CORS preflight, which this server never grants, so even a browser that left Origin out could not
 *   post a form or a text/plain body to it.
 */
export function refusal(method: string | undefined, headers: IncomingHttpHeaders, port: number): Refusal | null {
  const hosts = ownHosts(port);
  const host = (headers.host ?? "").toLowerCase();
  if (!hosts.includes(host)) {
    return { status: 421, reason: `Refused: Host "${host}" is not this playground (${hosts[0]}).` };
  }
  const origin = headers.origin;
  if (origin !== undefined && !hosts.some((own) => origin.toLowerCase() === `http://${own}`)) {
    return { status: 403, reason: `Refused: a request from ${origin}; only the playground's own page may call it.` };
  }
  const type = (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (method === "POST" && type !== "application/json") {
    return { status: 415, reason: "Refused: the playground takes POST requests as application/json only." };
  }
  return null;
}

/** 127.0.0.1:PORT and localhost:PORT; port 80 also without the port, as browsers leave a default port out. */
function ownHosts(port: number): string[] {
  const names = ["127.0.0.1", "localhost"];
  return [...names.map((name) => `${name}:${port}`), ...(port === 80 ? names : [])];
}
