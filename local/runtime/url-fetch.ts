/** The emulated UrlFetchApp (developers.google.com/apps-script/reference/url-fetch/url-fetch-app): requests checked as Apps Script checks them, recorded, and answered from HttpTraffic; nothing leaves the machine. */

import { createHttpResponse, type ResponseData } from "./http-response";
import { type HttpAnswer, type HttpTraffic, type RecordedRequest, URL_FETCH_DAILY_CALLS } from "./http-traffic";
import { type Kernel, SCOPES } from "./kernel";
import { scriptSignatureError } from "./signature";

export { URL_FETCH_DAILY_CALLS };

type Params = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

/** "The URL can be up to 2,082 characters long" (reference, fetch(url)). */
export const MAX_URL_LENGTH = 2082;
/** "URL Fetch POST size: 50 MB / call" (guides/services/quotas). */
export const MAX_PAYLOAD_BYTES = 50 * 1024 * 1024;
/** UrlFetchApp gives up on a server after 60 s [UNCONFIRMED: not on the reference page; widely reported]. */
export const FETCH_TIMEOUT_MS = 60_000;
/** How many redirects a fetch follows before giving up [UNCONFIRMED]. */
const MAX_REDIRECTS = 10;

/**
 * Texts as Apps Script words them, from scripts and issue threads quoting the real exceptions (e.g.
 * github.com/catchpoint/WebPageTest.bulk-tester/issues/33 for "Request failed for https://www.webpagetest.org returned
 * code 403. Truncated server response: …", github.com/uknmr/gas-webpagetest/issues/20 for "Address unavailable: <url>").
 */
export const URL_FETCH_ERRORS = {
  /** Names the scheme and host only, not the path; the body is cut to 150 characters ending in "..." (both as quoted). */
  requestFailed: (origin: string, status: number, body: string) =>
    `Request failed for ${origin} returned code ${status}. Truncated server response: ${abbreviate(body, 150)} (use muteHttpExceptions option to examine full response)`,
  invalidUrl: (url: string) => `Invalid argument: ${url}`,
  urlLength: "Limit Exceeded: URLFetch URL Length.",
  postSize: "Limit Exceeded: URLFetch POST Size.",
  quota: "Service invoked too many times for one day: urlfetch.",
  /** Quoted for Host, Content-Length and a null value ("Header:null"). */
  header: (what: string) => `Attribute provided with invalid value: Header:${what}`,
  /** [UNCONFIRMED] the text for an unknown method, by analogy with the header one. */
  method: "Attribute provided with invalid value: method",
  addressUnavailable: (url: string) => `Address unavailable: ${url}`,
  dnsError: (url: string) => `DNS error: ${url}`,
  /** Quoted with the URL ("Timeout: https://api.tosspayments.com/v1/payments/confirm"). */
  timeout: (url: string) => `Timeout: ${url}`,
  /** [UNCONFIRMED] wording for a certificate that does not validate. */
  certificate: (url: string) => `SSL Error: ${url}`,
};

/** Apache Commons' abbreviate(text, width): the text if it fits, else its start and "..." in `width` characters. */
function abbreviate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 3)}...`;
}

/** The methods the reference lists ("get, delete, patch, post, or put"); the name is case-insensitive [UNCONFIRMED]. */
const METHODS = new Set(["get", "delete", "patch", "post", "put"]);
/** Headers UrlFetchApp sets itself and refuses from the script (quoted errors for Host and Content-Length). */
const FORBIDDEN_HEADERS = new Set(["host", "content-length"]);
/** ASCII characters a URL may not hold (RFC 3986); UrlFetchApp refuses them ("Invalid argument") rather than escape them. */
const ILLEGAL_URL_CHARACTERS = /[\s"<>\\^`{|}]/;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The UrlFetchApp members the runtime emulates (all of them). */
export type EmulatedUrlFetchApp = GoogleAppsScript.URL_Fetch.UrlFetchApp;

/** One request after its checks, not yet sent. */
interface Prepared {
  request: Omit<RecordedRequest, "at" | "user">;
  muteHttpExceptions: boolean;
  body: Buffer;
}

/** The global `UrlFetchApp`: needs script.external_request, so AuthMode.NONE and LIMITED refuse it. */
export function createUrlFetchApp(kernel: Kernel, traffic: HttpTraffic): EmulatedUrlFetchApp {
  const guarded = { scopes: [SCOPES.externalRequest], needsAuth: true };

  const prepare = (method: string, args: readonly unknown[], url: unknown, params: unknown): Prepared => {
    if (typeof url !== "string") throw scriptSignatureError(kernel, method, args);
    if (params !== undefined && (typeof params !== "object" || params === null || Array.isArray(params)))
      throw scriptSignatureError(kernel, method, args);
    return prepareRequest(kernel, url, (params ?? {}) as Params);
  };

  /** Sends one prepared request (following redirects); the response data, or throws what Apps Script throws. */
  const send = (prepared: Prepared, user: string): { data: ResponseData; latencyMs: number } => {
    let { request } = prepared;
    let latencyMs = 0;
    for (let hop = 0; ; hop++) {
      const answer: HttpAnswer | null = traffic.exchange({ ...request, at: kernel.now(), user });
      if (answer === null) throw kernel.exception(URL_FETCH_ERRORS.addressUnavailable(request.url));
      if ("fault" in answer) {
        if (answer.fault === "timeout") {
          kernel.spend(FETCH_TIMEOUT_MS);
          throw kernel.exception(URL_FETCH_ERRORS.timeout(request.url));
        }
        throw kernel.exception(
          answer.fault === "dnsError"
            ? URL_FETCH_ERRORS.dnsError(request.url)
            : URL_FETCH_ERRORS.addressUnavailable(request.url),
        );
      }
      latencyMs += answer.latencyMs ?? 0;
      if (answer.invalidCertificate && request.validateHttpsCertificates && request.url.startsWith("https:"))
        throw kernel.exception(URL_FETCH_ERRORS.certificate(request.url));
      const status = answer.status ?? 200;
      const location = headerValue(answer.headers, "location");
      if (request.followRedirects && REDIRECTS.has(status) && location !== undefined && hop < MAX_REDIRECTS) {
        // 301/302/303 continue as GET without a body, 307/308 repeat the request (RFC 9110 §15.4) [UNCONFIRMED for Apps Script].
        const keep = status === 307 || status === 308;
        request = {
          ...request,
          url: new URL(location, request.url).href,
          method: keep ? request.method : "get",
          payload: keep ? request.payload : "",
        };
        continue;
      }
      const body = typeof answer.body === "string" ? Buffer.from(answer.body, "utf8") : Buffer.from(answer.body ?? []);
      const data: ResponseData = { status, headers: answer.headers ?? {}, body };
      if (status >= 400 && !prepared.muteHttpExceptions) {
        // The text is cut from the body decoded as UTF-8 [UNCONFIRMED for other charsets].
        throw kernel.exception(URL_FETCH_ERRORS.requestFailed(new URL(request.url).origin, status, body.toString()));
      }
      return { data, latencyMs };
    }
  };

  const chargeQuota = (method: string, calls: number): string => {
    const user = kernel.requireExecution(method).effectiveUser;
    if (!traffic.charge(user, kernel.now(), calls)) throw kernel.exception(URL_FETCH_ERRORS.quota);
    return user;
  };

  return {
    fetch(...args: unknown[]) {
      const method = "UrlFetchApp.fetch";
      kernel.call("UrlFetch", method, guarded);
      if (args.length < 1 || args.length > 2) throw scriptSignatureError(kernel, method, args);
      const prepared = prepare(method, args, args[0], args[1]);
      const user = chargeQuota(method, 1);
      const { data, latencyMs } = send(prepared, user);
      kernel.spend(latencyMs);
      return createHttpResponse(kernel, data);
    },

    /**
     * The requests go out together: every one is checked before any is sent, the call takes as long as the slowest
     * answer, and the first failure (in the order given) is thrown once all have been sent [UNCONFIRMED ordering].
     */
    fetchAll(...args: unknown[]) {
      const method = "UrlFetchApp.fetchAll";
      kernel.call("UrlFetch", method, guarded);
      const [requests] = args;
      if (args.length !== 1 || !Array.isArray(requests)) throw scriptSignatureError(kernel, method, args);
      const prepared = requests.map((entry: unknown) => {
        if (typeof entry === "string") return prepare(method, args, entry, undefined);
        if (typeof entry !== "object" || entry === null || Array.isArray(entry))
          throw scriptSignatureError(kernel, method, args);
        const { url, ...params } = entry as { url?: unknown };
        return prepare(method, args, url, params);
      });
      const user = chargeQuota(method, prepared.length);
      const outcomes = prepared.map((one) => {
        try {
          return { ok: send(one, user) };
        } catch (error) {
          return { error };
        }
      });
      kernel.spend(Math.max(0, ...outcomes.map((o) => o.ok?.latencyMs ?? 0)));
      const failed = outcomes.find((o) => "error" in o);
      if (failed) throw failed.error;
      return outcomes.map((o) => createHttpResponse(kernel, (o.ok as { data: ResponseData }).data));
    },

    /**
     * "Returns the request that is made if the operation were invoked. This method does not actually issue the
     * request." The fields are those Apps Script logs for it [UNCONFIRMED: exact set and order].
     */
    getRequest(...args: unknown[]) {
      const method = "UrlFetchApp.getRequest";
      kernel.call("UrlFetch", method, guarded);
      if (args.length < 1 || args.length > 2) throw scriptSignatureError(kernel, method, args);
      const { request } = prepare(method, args, args[0], args[1]);
      return {
        url: request.url,
        method: request.method,
        contentType: request.contentType,
        payload: request.payload,
        headers: { ...request.headers },
        followRedirects: request.followRedirects,
        validateHttpsCertificates: request.validateHttpsCertificates,
        useIntranet: false,
      } as GoogleAppsScript.URL_Fetch.URLFetchRequest;
    },
  } as EmulatedUrlFetchApp;
}

/** A header's value (the last of several), looked up case-insensitively. */
function headerValue(headers: Record<string, string | string[]> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers?.[key];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** Checks the URL and params as UrlFetchApp does, and builds what would be sent. */
function prepareRequest(kernel: Kernel, rawUrl: string, params: Params): Prepared {
  // escaping (default true): "If false reserved characters in the URL aren't escaped". Here escaping encodes the
  // characters outside ASCII as UTF-8 percent escapes [UNCONFIRMED: which characters Apps Script escapes].
  const url = params.escaping === false ? rawUrl : rawUrl.replace(/[^\p{ASCII}]+/gu, (s) => encodeURIComponent(s));
  if (url.length > MAX_URL_LENGTH) throw kernel.exception(URL_FETCH_ERRORS.urlLength);
  if (!/^https?:\/\/[^/?#]+/i.test(url) || ILLEGAL_URL_CHARACTERS.test(url) || !URL.canParse(url))
    throw kernel.exception(URL_FETCH_ERRORS.invalidUrl(rawUrl));
  const method = params.method === undefined ? "get" : String(params.method).toLowerCase();
  if (!METHODS.has(method)) throw kernel.exception(URL_FETCH_ERRORS.method);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(params.headers ?? {})) {
    if (FORBIDDEN_HEADERS.has(name.toLowerCase())) throw kernel.exception(URL_FETCH_ERRORS.header(name));
    if (value === null || value === undefined) throw kernel.exception(URL_FETCH_ERRORS.header("null"));
    headers[name] = String(value);
  }
  const body = payloadBytes(kernel, params.payload);
  if (body.length > MAX_PAYLOAD_BYTES) throw kernel.exception(URL_FETCH_ERRORS.postSize);
  return {
    request: {
      url,
      method,
      headers,
      // "the content type (defaults to 'application/x-www-form-urlencoded')" (reference, fetch(url, params)).
      contentType: params.contentType ?? "application/x-www-form-urlencoded",
      payload: body.toString("utf8"),
      followRedirects: params.followRedirects !== false,
      validateHttpsCertificates: params.validateHttpsCertificates !== false,
    },
    muteHttpExceptions: params.muteHttpExceptions === true,
    body,
  };
}

/**
 * The body: a string (UTF-8), a byte array, or an object read "as a map of form field names to values" and sent
 * form-encoded (spaces as "+", as Java's URLEncoder writes them [UNCONFIRMED]). Blob values would make a multipart
 * body; Utilities has no blobs here, so objects with object values are refused (stricter) [not emulated].
 */
function payloadBytes(kernel: Kernel, payload: unknown): Buffer {
  if (payload === undefined || payload === null) return Buffer.alloc(0);
  if (typeof payload === "string") return Buffer.from(payload, "utf8");
  if (Array.isArray(payload)) {
    if (!payload.every((b) => Number.isInteger(b) && b >= -128 && b <= 255))
      throw kernel.exception("Invalid argument: payload");
    return Buffer.from(payload.map((b: number) => b & 0xff));
  }
  if (typeof payload !== "object") return Buffer.from(String(payload), "utf8");
  const fields = Object.entries(payload as Record<string, unknown>).map(([name, value]) => {
    if (typeof value === "object" && value !== null) throw kernel.exception("Invalid argument: payload");
    return `${formEncode(name)}=${formEncode(String(value))}`;
  });
  return Buffer.from(fields.join("&"), "utf8");
}

function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, "+")
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
