/** The playground's web server on 127.0.0.1: the page, its JSON API over the playground session (state, menu items, clock, typed cells, reset), and the real sidebar with google.script.run bridged to the runtime. */

import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import * as esbuild from "esbuild";
import { readProject } from "../runtime/loader";
import { wallToInstant } from "../runtime/time-zone";
import { readBody, send, sidebarRoutes } from "../sidebar-host/sidebar-host";
import { Playground, PlaygroundError } from "./playground";
import { refusal } from "./request-guard";
import type { DialogAnswer } from "./view-types";

export interface PlaygroundOptions {
  /** The project's root folder (dist/ and local/playground/page/ are found from it). */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** The journal file, e.g. <root>/.playground/state.json. */
  stateFile: string;
}

export interface PlaygroundServer {
  /** e.g. http://127.0.0.1:8787 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

const HOUR = 3_600_000;

/** Builds the page, replays the journal and listens on the loopback interface only, answering its own page alone (./request-guard). */
export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundServer> {
  const dist = path.join(options.root, "dist");
  if (!existsSync(path.join(dist, "Code.js"))) throw new Error(`${dist}/Code.js is missing: run \`npm run build\``);
  const playground = new Playground(readProject(dist), options.stateFile);
  const page = await pageAssets(path.join(options.root, "local", "playground", "page"));
  const sidebar = sidebarRoutes(() => playground.current(), {
    onCall: (functionName, args) => playground.sidebarCalled(functionName, args),
    onClose: () => playground.sidebarClosed(),
  });

  const api = async (route: string, request: IncomingMessage): Promise<unknown> => {
    if (route === "GET /api/state") return playground.state();
    if (route === "GET /api/version") return { version: playground.currentVersion() };
    const body = route.startsWith("POST ")
      ? (JSON.parse((await readBody(request)) || "{}") as Record<string, unknown>)
      : {};
    if (route === "POST /api/menu") return playground.runMenu(String(body.caption), answersOf(body.answers));
    if (route === "POST /api/clock") return { runs: playground.moveClock(clockTarget(playground, body)) };
    if (route === "POST /api/edit") {
      const [row, column] = [body.row, body.column].map(positiveInteger) as [number, number];
      return playground.edit(String(body.sheet), row, column, String(body.value ?? ""));
    }
    if (route === "POST /api/reset") {
      playground.reset();
      return {};
    }
    return undefined;
  };

  const server = createServer((request, response) => {
    // Every route, the sidebar's included: only the playground's own page may read or drive it.
    const refused = refusal(request.method, request.headers, (server.address() as AddressInfo).port);
    if (refused) return send(response, refused.status, "text/plain; charset=utf-8", refused.reason);
    const route = `${request.method} ${new URL(request.url ?? "/", "http://host").pathname}`;
    if (sidebar(request, response)) return;
    if (route === "GET /") return send(response, 200, "text/html; charset=utf-8", page.html);
    if (route === "GET /app.js") return send(response, 200, "text/javascript; charset=utf-8", page.script);
    if (route === "GET /app.css") return send(response, 200, "text/css; charset=utf-8", page.style);
    if (route === "GET /favicon.ico") return send(response, 204, "text/plain", "");
    api(route, request).then(
      (value) =>
        value === undefined
          ? send(response, 404, "text/plain", `Not found: ${route}`)
          : send(response, 200, "application/json", JSON.stringify(value)),
      (error: unknown) => reply(response, error),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The page's HTML and stylesheet as written, and its script bundled by esbuild. */
async function pageAssets(dir: string): Promise<{ html: string; style: string; script: string }> {
  const built = await esbuild.build({
    entryPoints: [path.join(dir, "main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    logLevel: "warning",
  });
  return {
    html: readFileSync(path.join(dir, "index.html"), "utf8"),
    style: readFileSync(path.join(dir, "style.css"), "utf8"),
    script: built.outputFiles[0]?.text ?? "",
  };
}

function answersOf(value: unknown): DialogAnswer[] {
  if (!Array.isArray(value)) return [];
  const buttons = new Set(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
  return value.map((answer: { button?: unknown; text?: unknown }) => {
    if (!buttons.has(String(answer.button))) throw new PlaygroundError(`Not a button: ${String(answer.button)}`);
    return { button: answer.button as DialogAnswer["button"], text: String(answer.text ?? "") };
  });
}

/** { by: ms } moves the clock forward by that much; { local: "2026-11-28T08:30" } to that time in the sheet's zone. */
function clockTarget(playground: Playground, body: Record<string, unknown>): number {
  const now = playground.current().kernel.now();
  if (typeof body.by === "number" && body.by > 0 && body.by <= 366 * 24 * HOUR) return now + body.by;
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(String(body.local));
  if (!local) throw new PlaygroundError('Expected { by: milliseconds } or { local: "yyyy-mm-ddThh:mm" }.');
  const [year, month, day, hour, minute] = local.slice(1).map(Number) as [number, number, number, number, number];
  return wallToInstant(Date.UTC(year, month - 1, day, hour, minute), playground.timeZone());
}

/** A row or column number from the page. */
function positiveInteger(value: unknown): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1) return value;
  throw new PlaygroundError(`Not a row or column number: ${String(value)}`);
}

function reply(response: ServerResponse, error: unknown): void {
  const known = error instanceof PlaygroundError || error instanceof SyntaxError;
  const message = error instanceof Error ? error.message : String(error);
  send(response, known ? 400 : 500, "application/json", JSON.stringify({ error: message }));
}
