/** The playground answers its own page only: a request from another site (Origin) or to another name (Host, DNS rebinding) is refused and changes nothing, while its own page's requests work. */

import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { type PlaygroundServer, startPlayground } from "../../../local/playground/server";

jest.setTimeout(30000);

const ROOT = path.resolve(__dirname, "../../..");
const HOUR = 3_600_000;

let stateDir: string;
let playground: PlaygroundServer;
let port: number;

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), "playground-guard-"));
  playground = await startPlayground({ root: ROOT, port: 0, stateFile: path.join(stateDir, "state.json") });
  port = Number(new URL(playground.url).port);
});

afterAll(async () => {
  await playground?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
}

/** One HTTP request with exactly these headers (Host included), as a browser or another program could send it. */
function send(method: "GET" | "POST", route: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, method, path: route, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };
const own = () => ({ origin: `http://127.0.0.1:${port}` });

/** The simulated clock and the state's version (bumped by every action, a sidebar call included): what a refused request must leave alone. */
async function clock(): Promise<string> {
  const answer = await send("GET", "/api/state", {});
  expect(answer.status).toBe(200);
  const state = JSON.parse(answer.body) as { clock: { text: string }; version: number };
  return `${state.clock.text} v${state.version}`;
}

describe("the playground server's guard", () => {
  it("answers its own page: the page, the API and the sidebar, by 127.0.0.1 or localhost", async () => {
    await expect(send("GET", "/", {})).resolves.toMatchObject({ status: 200 });
    await expect(send("GET", "/", { host: `localhost:${port}` })).resolves.toMatchObject({ status: 200 });
    await expect(send("GET", "/sidebar?open=1", { ...own() })).resolves.toMatchObject({ status: 200 });
    const before = await clock();
    const moved = await send("POST", "/api/clock", { ...own(), ...JSON_TYPE }, JSON.stringify({ by: HOUR }));
    expect(moved.status).toBe(200);
    const localhost = { host: `localhost:${port}`, origin: `http://localhost:${port}`, ...JSON_TYPE };
    await expect(send("POST", "/api/clock", localhost, JSON.stringify({ by: HOUR }))).resolves.toMatchObject({
      status: 200,
    });
    expect(await clock()).not.toBe(before);
  });

  it("refuses another site's requests (403) and changes nothing: reset, clock, a sidebar call", async () => {
    await send("POST", "/api/clock", { ...own(), ...JSON_TYPE }, JSON.stringify({ by: HOUR }));
    const before = await clock();
    const foreign = ["http://evil.example", `http://evil.example:${port}`, "null", `http://127.0.0.1:${port + 1}`];
    for (const origin of foreign) {
      const headers = { origin, ...JSON_TYPE };
      const reset = await send("POST", "/api/reset", headers, "{}");
      expect(reset).toEqual({ status: 403, body: expect.stringContaining(origin) });
      await expect(send("POST", "/api/clock", headers, JSON.stringify({ by: 24 * HOUR }))).resolves.toMatchObject({
        status: 403,
      });
      const call = JSON.stringify({ functionName: "showDueSidebar", args: [] });
      await expect(send("POST", "/rpc", headers, call)).resolves.toMatchObject({ status: 403 });
      // Reading is refused too: the state holds the team's customers.
      await expect(send("GET", "/api/state", { origin })).resolves.toMatchObject({ status: 403 });
    }
    expect(await clock()).toBe(before);
  });

  it("refuses a request to another name (DNS rebinding: Host evil.example) with 421, whatever its Origin", async () => {
    const before = await clock();
    const host = `evil.example:${port}`;
    await expect(send("GET", "/", { host })).resolves.toMatchObject({ status: 421 });
    await expect(send("GET", "/api/state", { host, origin: `http://${host}` })).resolves.toMatchObject({ status: 421 });
    const reset = await send("POST", "/api/reset", { host, origin: `http://${host}`, ...JSON_TYPE }, "{}");
    expect(reset).toEqual({ status: 421, body: expect.stringContaining("evil.example") });
    await expect(send("GET", "/", { host: "127.0.0.1" })).resolves.toMatchObject({ status: 421 });
    expect(await clock()).toBe(before);
  });

  it("refuses a POST that is not JSON (a form post from a browser that sent no Origin) with 415", async () => {
    const before = await clock();
    const form = { "content-type": "application/x-www-form-urlencoded" };
    await expect(send("POST", "/api/reset", form, "a=1")).resolves.toMatchObject({ status: 415 });
    await expect(send("POST", "/api/clock", { "content-type": "text/plain" }, '{"by":3600000}')).resolves.toMatchObject(
      { status: 415 },
    );
    expect(await clock()).toBe(before);
  });
});
