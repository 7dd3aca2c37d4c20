/** Serves the sidebar open in an in-memory Apps Script runtime to a real browser, bridging its google.script calls to runtime.run. */

import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { AppsScriptRuntime, User } from "../runtime/runtime";

export interface SidebarHostOptions {
  /** Who the sidebar's calls run as (default: the runtime's user). */
  user?: User;
}

export interface SidebarHost {
  /** The server's origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** The page to load: `${url}/sidebar`. */
  sidebarUrl: string;
  /** Whether the page called google.script.host.close(). */
  closedByPage(): boolean;
  /** Holds back the *response* to the next call of `functionName` by `ms` (the call itself still runs in order). */
  delayNext(functionName: string, ms: number): void;
  close(): Promise<void>;
}

/** What POST /rpc answers; `value` is absent when the function returned undefined. */
export type RpcAnswer = { ok: true; value?: unknown } | { ok: false; message: string };

/** What a server embedding the sidebar routes may learn and change. */
export interface SidebarRouteOptions extends SidebarHostOptions {
  /** Called after each google.script.run call has run, with its arguments as received. */
  onCall?(functionName: string, args: unknown[], answer: RpcAnswer): void;
  /** Called when the page calls google.script.host.close(). */
  onClose?(): void;
  /** Milliseconds to hold back the response to a call (default none). */
  responseDelay?(functionName: string): number;
}

/** Handles a request if it is one of the sidebar's (GET /sidebar, POST /rpc, POST /close); false otherwise. */
export type SidebarRoutes = (request: IncomingMessage, response: ServerResponse) => boolean;

/** The browser half (client.js), found from the project root: this module may also run bundled into .local-build/. */
function clientScript(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "local", "sidebar-host", "client.js");
    if (existsSync(file)) return readFileSync(file, "utf8");
    if (path.dirname(dir) === dir)
      throw new Error(`sidebar host: local/sidebar-host/client.js not found above ${__dirname}`);
  }
}

let client: string | undefined;

/**
 * The sidebar's routes for any node:http server, over whatever runtime `runtimeOf` returns at request time (a host
 * that rebuilds its runtime passes a getter). It serves the sidebar open in that runtime when the page is requested.
 */
export function sidebarRoutes(runtimeOf: () => AppsScriptRuntime, options: SidebarRouteOptions = {}): SidebarRoutes {
  // The runtime is synchronous: calls run one at a time, in the order their requests arrived.
  let queue: Promise<void> = Promise.resolve();

  const rpc = (request: IncomingMessage, response: ServerResponse) => {
    const body = readBody(request);
    queue = queue
      .then(async () => {
        const call = parseCall(await body);
        if (!call) return send(response, 400, "text/plain", "expected JSON { functionName: string, args: unknown[] }");
        const runtime = runtimeOf();
        const answer = runSidebarCall(runtime, call.functionName, call.args, options.user ?? runtime.user);
        options.onCall?.(call.functionName, call.args, answer);
        const delay = options.responseDelay?.(call.functionName) ?? 0;
        setTimeout(() => send(response, 200, "application/json", JSON.stringify(answer)), delay);
      })
      .catch((error: unknown) => send(response, 500, "text/plain", `sidebar host: ${messageOf(error)}`));
  };

  return (request, response) => {
    const route = `${request.method} ${new URL(request.url ?? "/", "http://host").pathname}`;
    if (route === "GET /sidebar") {
      const sidebar = runtimeOf().ui.sidebar;
      if (!sidebar) send(response, 404, "text/plain", "No sidebar is open in the runtime: open one first.");
      else send(response, 200, "text/html; charset=utf-8", injectClient(sidebar.content));
      return true;
    }
    if (route === "GET /dialog") {
      // The dialog opened last (showModalDialog / showModelessDialog), served like a sidebar: same bridge, same client.
      const dialog = runtimeOf()
        .ui.surfaces.filter((surface) => surface.kind !== "sidebar")
        .at(-1);
      if (!dialog) send(response, 404, "text/plain", "No dialog is open in the runtime: open one first.");
      else send(response, 200, "text/html; charset=utf-8", injectClient(dialog.content));
      return true;
    }
    if (route === "POST /rpc") {
      rpc(request, response);
      return true;
    }
    if (route === "POST /close") {
      options.onClose?.();
      send(response, 204, "text/plain", "");
      return true;
    }
    return false;
  };
}

/** Starts the host on 127.0.0.1 at a free port. It serves whatever sidebar the runtime has open at request time. */
export async function startSidebarHost(
  runtime: AppsScriptRuntime,
  options: SidebarHostOptions = {},
): Promise<SidebarHost> {
  const delays = new Map<string, number[]>();
  let closed = false;
  const routes = sidebarRoutes(() => runtime, {
    ...options,
    onClose: () => {
      closed = true;
    },
    responseDelay: (functionName) => delays.get(functionName)?.shift() ?? 0,
  });

  const server = createServer((request, response) => {
    if (routes(request, response)) return;
    const route = `${request.method} ${new URL(request.url ?? "/", "http://host").pathname}`;
    // The browser asks for a favicon; answering keeps 404s out of the page's console.
    if (route === "GET /favicon.ico") return send(response, 204, "text/plain", "");
    send(response, 404, "text/plain", `Not found: ${route}`);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sidebarUrl: `${url}/sidebar`,
    closedByPage: () => closed,
    delayNext(functionName, ms) {
      delays.set(functionName, [...(delays.get(functionName) ?? []), ms]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The page with the client API as the first thing in <head>, so the page's own scripts find google.script. */
function injectClient(html: string): string {
  client ??= clientScript();
  const script = `<script>\n${client}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  const doctype = /^\s*(<!--[\s\S]*?-->\s*)*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + script + html.slice(at);
}

/**
 * Runs the call as a sidebar call does: AuthMode.FULL, as the user at the keyboard. Arguments are JSON values of the
 * host's realm (like every runtime.run caller's): Array.isArray and typeof work on them, `instanceof Array` does not.
 */
export function runSidebarCall(
  runtime: AppsScriptRuntime,
  functionName: string,
  args: unknown[],
  user: User,
): RpcAnswer {
  // Functions whose names end with "_" are private: google.script.run cannot call them
  // (developers.google.com/apps-script/guides/html/communication#private_functions). Exact text [UNCONFIRMED].
  if (functionName.endsWith("_")) return { ok: false, message: `Script function not found: ${functionName}` };
  try {
    return {
      ok: true,
      value: returnValue(runtime.run(functionName, args, { authMode: "FULL", kind: "editor", user })),
    };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/**
 * "The return type is subject to the same restrictions as parameter types, except that a form element is not a legal
 * return type" (reference/run). In practice a result holding a Date (or any non-plain object) reaches the success
 * handler as null, whole, with no error (widely reported; the docs do not say what happens).
 */
function returnValue(value: unknown): unknown {
  return isLegal(value, []) ? value : null;
}

function isLegal(value: unknown, ancestors: object[]): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return true;
  if (typeof value !== "object" || ancestors.includes(value)) return false;
  // The script's objects come from its own realm: compare shapes, not constructors.
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== null && Object.getPrototypeOf(proto) !== null) return false;
  if (!Array.isArray(value) && Object.prototype.toString.call(value) !== "[object Object]") return false;
  return Object.values(value).every((v) => isLegal(v, [...ancestors, value]));
}

function parseCall(body: string): { functionName: string; args: unknown[] } | null {
  try {
    const call = JSON.parse(body) as { functionName?: unknown; args?: unknown };
    if (typeof call.functionName !== "string" || !Array.isArray(call.args)) return null;
    return { functionName: call.functionName, args: call.args };
  } catch {
    return null;
  }
}

/** The request's body as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Sends a whole response, never cached (the runtime's state changes between requests). */
export function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}

/** The message of an error from any realm (the script's errors are not `instanceof` the host's). */
function messageOf(error: unknown): string {
  return typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
}
