/** Tests of the emulated UrlFetchApp and HTTPResponse: requests recorded, answers scripted, Apps Script's checks and errors. */

import { HttpTraffic, URL_FETCH_DAILY_CALLS } from "../../../local/runtime/http-traffic";
import { Kernel } from "../../../local/runtime/kernel";
import { createUrlFetchApp, FETCH_TIMEOUT_MS, MAX_URL_LENGTH } from "../../../local/runtime/url-fetch";
import { runtimeOnSource } from "../../helpers/runtime";
import { ANA, errorOf, executionRunner } from "./fixtures/execution";

const NOW = Date.UTC(2026, 0, 5, 2, 0);
const API = "https://api.example.com/v1/items";

function setup() {
  const kernel = new Kernel({ now: NOW, scriptTimeZone: "Asia/Shanghai" });
  const http = new HttpTraffic();
  const app = createUrlFetchApp(kernel, http);
  const { run } = executionRunner(kernel, ANA);
  const thrown = (body: () => unknown) => run(() => errorOf(body));
  return { kernel, http, app, run, thrown };
}

describe("UrlFetchApp", () => {
  describe("fetch", () => {
    it("records the request and returns the scripted response", () => {
      const { http, app, run } = setup();
      http.respond(API, { status: 200, body: '{"n":1}', headers: { "Content-Type": "application/json" } });
      const response = run(() => app.fetch(`${API}?page=2`));
      expect(response.getResponseCode()).toBe(200);
      expect(JSON.parse(response.getContentText())).toEqual({ n: 1 });
      expect(http.requests).toEqual([
        {
          at: NOW + 150, // sent once the call's own cost is charged
          user: "ana@example.com",
          url: `${API}?page=2`,
          method: "get",
          headers: {},
          contentType: "application/x-www-form-urlencoded",
          payload: "",
          followRedirects: true,
          validateHttpsCertificates: true,
        },
      ]);
    });

    it("sends method, headers, content type and a string payload as given", () => {
      const { http, app, run } = setup();
      http.respond(API, { status: 201 });
      run(() =>
        app.fetch(API, {
          method: "post",
          contentType: "application/json",
          headers: { Authorization: "Bearer t0k" },
          payload: JSON.stringify({ name: "Ann" }),
        }),
      );
      expect(http.requests[0]).toMatchObject({
        method: "post",
        contentType: "application/json",
        headers: { Authorization: "Bearer t0k" },
        payload: '{"name":"Ann"}',
      });
    });

    // Reference, fetch(url, params): "A JavaScript object is interpreted as a map of form field names to values".
    it("form-encodes an object payload", () => {
      const { http, app, run } = setup();
      http.respond(API, {});
      run(() => app.fetch(API, { method: "post", payload: { name: "Ann Lee", note: "a&b=c" } }));
      expect(http.requests[0]?.payload).toBe("name=Ann+Lee&note=a%26b%3Dc");
    });

    // Reference: muteHttpExceptions "If true the fetch doesn't throw an exception if the response code indicates failure".
    it("throws Apps Script's text for a failing code: origin only, body cut to 150 characters", () => {
      const { http, app, thrown } = setup();
      http.respond(API, { status: 404, body: '{"success":0,"message":"Record not found"}' });
      expect(thrown(() => app.fetch(API))).toBe(
        'Request failed for https://api.example.com returned code 404. Truncated server response: {"success":0,"message":"Record not found"} (use muteHttpExceptions option to examine full response)',
      );
      http.respond(API, { status: 500, body: "x".repeat(200) });
      expect(thrown(() => app.fetch(API))).toBe(
        `Request failed for https://api.example.com returned code 500. Truncated server response: ${"x".repeat(147)}... (use muteHttpExceptions option to examine full response)`,
      );
    });

    it("returns the failing response when muteHttpExceptions is set", () => {
      const { http, app, run } = setup();
      http.respond(API, { status: 503, body: "busy" });
      const response = run(() => app.fetch(API, { muteHttpExceptions: true }));
      expect([response.getResponseCode(), response.getContentText()]).toEqual([503, "busy"]);
    });

    it("fails an unscripted request as an unreachable address, never reaching the network", () => {
      const { http, app, thrown } = setup();
      expect(thrown(() => app.fetch("https://example.org/ping"))).toBe("Address unavailable: https://example.org/ping");
      expect(http.requests.map((r) => r.url)).toEqual(["https://example.org/ping"]);
    });

    it("throws the scripted faults, a timeout after 60 simulated seconds", () => {
      const { kernel, http, app, thrown } = setup();
      http.respond(API, { fault: "dnsError" }, { times: 1 });
      expect(thrown(() => app.fetch(API))).toBe(`DNS error: ${API}`);
      http.respond(API, { fault: "unreachable" }, { times: 1 });
      expect(thrown(() => app.fetch(API))).toBe(`Address unavailable: ${API}`);
      http.respond(API, { fault: "timeout" }, { times: 1 });
      const before = kernel.now();
      expect(thrown(() => app.fetch(API, { muteHttpExceptions: true }))).toBe(`Timeout: ${API}`);
      expect(kernel.now() - before).toBeGreaterThanOrEqual(FETCH_TIMEOUT_MS);
    });

    it("answers from the rule added last, each used as many times as it says", () => {
      const { http, app, run } = setup();
      http.respond(API, { body: "ok" });
      http.respond(API, { status: 500 }, { times: 1 });
      const codes = run(() => [1, 2].map(() => app.fetch(API, { muteHttpExceptions: true }).getResponseCode()));
      expect(codes).toEqual([500, 200]);
    });

    it("lets a function build the answer from the request", () => {
      const { http, app, run } = setup();
      http.respond(/\/echo$/, (request) => ({ body: `${request.method} ${request.payload}` }));
      const text = run(() => app.fetch("https://h.example/echo", { method: "put", payload: "x" }).getContentText());
      expect(text).toBe("put x");
    });

    it("follows redirects unless followRedirects is false", () => {
      const { http, app, run } = setup();
      http.respond("https://h.example/old", { status: 302, headers: { Location: "/new" } });
      http.respond("https://h.example/new", { body: "moved here" });
      expect(run(() => app.fetch("https://h.example/old").getContentText())).toBe("moved here");
      const raw = run(() => app.fetch("https://h.example/old", { followRedirects: false }));
      expect([raw.getResponseCode(), raw.getHeaders()]).toEqual([302, { Location: "/new" }]);
      expect(http.requests.map((r) => r.url)).toEqual([
        "https://h.example/old",
        "https://h.example/new",
        "https://h.example/old",
      ]);
    });

    it("refuses a certificate that does not validate unless validateHttpsCertificates is false", () => {
      const { http, app, run, thrown } = setup();
      http.respond(API, { invalidCertificate: true, body: "self-signed" });
      expect(thrown(() => app.fetch(API))).toBe(`SSL Error: ${API}`);
      expect(run(() => app.fetch(API, { validateHttpsCertificates: false }).getContentText())).toBe("self-signed");
    });

    it("refuses malformed URLs with Invalid argument, naming the URL", () => {
      const { http, app, thrown } = setup();
      for (const url of [
        "www.example.com",
        "ftp://example.com/x",
        'https://h.example/q?in=("a")',
        "https://h.example/a b",
      ])
        expect(thrown(() => app.fetch(url))).toBe(`Invalid argument: ${url}`);
      expect(http.requests).toEqual([]);
    });

    // Reference, fetch(url): "The URL can be up to 2,082 characters long."
    it("refuses a URL over 2,082 characters", () => {
      const { http, app, run, thrown } = setup();
      const base = "https://h.example/?q=";
      http.respond(/h\.example/, {});
      expect(thrown(() => app.fetch(base + "a".repeat(MAX_URL_LENGTH + 1 - base.length)))).toBe(
        "Limit Exceeded: URLFetch URL Length.",
      );
      expect(() => run(() => app.fetch(base + "a".repeat(MAX_URL_LENGTH - base.length)))).not.toThrow();
    });

    it("escapes characters outside ASCII unless escaping is false", () => {
      const { http, app, run } = setup();
      http.respond(/h\.example/, {});
      run(() => app.fetch("https://h.example/?q=销售"));
      run(() => app.fetch("https://h.example/?q=销售", { escaping: false }));
      expect(http.requests.map((r) => r.url)).toEqual([
        "https://h.example/?q=%E9%94%80%E5%94%AE",
        "https://h.example/?q=销售",
      ]);
    });

    it("refuses headers UrlFetchApp sets itself, null header values and unknown methods", () => {
      const { app, thrown } = setup();
      expect(thrown(() => app.fetch(API, { headers: { Host: "x" } }))).toBe(
        "Attribute provided with invalid value: Header:Host",
      );
      expect(thrown(() => app.fetch(API, { headers: { "Content-Length": "3" } }))).toBe(
        "Attribute provided with invalid value: Header:Content-Length",
      );
      expect(thrown(() => app.fetch(API, { headers: { "X-Token": null as unknown as string } }))).toBe(
        "Attribute provided with invalid value: Header:null",
      );
      expect(thrown(() => app.fetch(API, { method: "head" as "get" }))).toBe(
        "Attribute provided with invalid value: method",
      );
    });

    it("refuses arguments of the wrong types with the signature error", () => {
      const { app, thrown } = setup();
      expect(thrown(() => (app.fetch as (...a: unknown[]) => unknown)(42))).toBe(
        "The parameters (number) don't match the method signature for UrlFetchApp.fetch.",
      );
    });

    // guides/services/quotas: "URL Fetch calls: 20,000 / day" (consumer), 100,000 (Workspace).
    it("stops at the user's daily quota, and counts again 24 hours after the first call", () => {
      const { kernel, http, app, run, thrown } = setup();
      http.respond(API, {});
      http.dailyLimit = 3;
      run(() => [1, 2, 3].map(() => app.fetch(API)));
      expect(thrown(() => app.fetch(API))).toBe("Service invoked too many times for one day: urlfetch.");
      kernel.advance(24 * 60 * 60 * 1000);
      expect(() => run(() => app.fetch(API))).not.toThrow();
      expect(URL_FETCH_DAILY_CALLS).toEqual({ consumer: 20_000, workspace: 100_000 });
    });
  });

  describe("fetchAll", () => {
    it("sends every request (URLs or request objects) and returns the responses in order", () => {
      const { http, app, run } = setup();
      http.respond("https://a.example/", { body: "A" });
      http.respond("https://b.example/", { body: "B" });
      const texts = run(() =>
        app
          .fetchAll(["https://a.example/", { url: "https://b.example/", method: "post", payload: "p" }])
          .map((r) => r.getContentText()),
      );
      expect(texts).toEqual(["A", "B"]);
      expect(http.requests.map((r) => [r.url, r.method])).toEqual([
        ["https://a.example/", "get"],
        ["https://b.example/", "post"],
      ]);
    });

    it("takes as long as the slowest answer, and throws the first failure after sending all", () => {
      const { kernel, http, app, thrown } = setup();
      http.respond("https://a.example/", { status: 500, latencyMs: 300 });
      http.respond("https://b.example/", { latencyMs: 900 });
      const before = kernel.now();
      expect(thrown(() => app.fetchAll(["https://a.example/", "https://b.example/"]))).toMatch(
        /^Request failed for https:\/\/a\.example returned code 500\./,
      );
      expect(http.requests).toHaveLength(2);
      expect(kernel.now() - before).toBeLessThan(1200);
      expect(kernel.now() - before).toBeGreaterThanOrEqual(900);
    });

    it("sends nothing when one request is malformed", () => {
      const { http, app, thrown } = setup();
      expect(thrown(() => app.fetchAll(["https://a.example/", "nope"]))).toBe("Invalid argument: nope");
      expect(http.requests).toEqual([]);
    });
  });

  describe("getRequest", () => {
    // Reference: "Returns the request that is made if the operation were invoked. This method does not actually issue the request."
    it("returns the request without sending it", () => {
      const { http, app, run } = setup();
      const request = run(() => app.getRequest(API, { method: "post", payload: { a: "1" }, headers: { X: "y" } }));
      expect(request).toEqual({
        url: API,
        method: "post",
        contentType: "application/x-www-form-urlencoded",
        payload: "a=1",
        headers: { X: "y" },
        followRedirects: true,
        validateHttpsCertificates: true,
        useIntranet: false,
      });
      expect(http.requests).toEqual([]);
    });
  });

  describe("HTTPResponse", () => {
    it("gives headers one value each, or all of them with getAllHeaders", () => {
      const { http, app, run } = setup();
      http.respond(API, { headers: { "Set-Cookie": ["a=1", "b=2"], "Content-Type": "text/plain" } });
      const response = run(() => app.fetch(API));
      expect(response.getHeaders()).toEqual({ "Set-Cookie": "b=2", "Content-Type": "text/plain" });
      expect(response.getAllHeaders()).toEqual({ "Set-Cookie": ["a=1", "b=2"], "Content-Type": "text/plain" });
    });

    it("gives the raw bytes as Java bytes and decodes text in the declared or the given charset", () => {
      const { http, app, run } = setup();
      const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9]);
      http.respond(API, { body: latin1, headers: { "Content-Type": "text/plain; charset=ISO-8859-1" } });
      const response = run(() => app.fetch(API));
      expect(response.getContent()).toEqual([99, 97, 102, -23]);
      expect(response.getContentText()).toBe("café");
      expect(response.getContentText("UTF-8")).toBe("caf\ufffd");
    });
  });

  describe("authorization", () => {
    const source = `function get() { return UrlFetchApp.fetch("${API}").getContentText(); }`;
    const scopes = ["https://www.googleapis.com/auth/script.external_request"];

    it("is a global of the runtime, answered from runtime.http", () => {
      const runtime = runtimeOnSource(source, {}, scopes);
      runtime.http.respond(API, { body: "hello" });
      expect(runtime.run("get")).toBe("hello");
      expect(runtime.http.sentTo(API)).toHaveLength(1);
    });

    // Reference: "This service requires the https://www.googleapis.com/auth/script.external_request scope."
    it("needs the external_request scope, and FULL authorization", () => {
      const required =
        "You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request";
      const withScope = runtimeOnSource(source, {}, scopes);
      withScope.http.respond(API, {});
      expect(() => withScope.run("get", [], { authMode: "LIMITED" })).toThrow(required);
      expect(() => withScope.run("get", [], { authMode: "NONE" })).toThrow(required);
      const without = runtimeOnSource(source, {}, ["https://www.googleapis.com/auth/spreadsheets"]);
      expect(() => without.run("get")).toThrow(required);
    });
  });
});
