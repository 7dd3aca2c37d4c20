/** HTTPResponse of the emulated UrlFetchApp (developers.google.com/apps-script/reference/url-fetch/http-response); getBlob/getAs are not emulated, as Utilities has no blobs here. */

import type { Kernel } from "./kernel";
import { scriptSignatureError } from "./signature";

/** What a response holds. */
export interface ResponseData {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** The HTTPResponse members the runtime emulates. */
export type EmulatedHttpResponse = Omit<GoogleAppsScript.URL_Fetch.HTTPResponse, "getBlob" | "getAs">;

/** The charset a Content-Type header names, if any. */
function declaredCharset(headers: ResponseData["headers"]): string | null {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === "content-type");
  const value = key === undefined ? undefined : headers[key];
  const text = Array.isArray(value) ? value[value.length - 1] : value;
  return /;\s*charset="?([^";]+)"?/i.exec(text ?? "")?.[1] ?? null;
}

/** A response object; its getters read what was received and cost nothing beyond their count. */
export function createHttpResponse(kernel: Kernel, data: ResponseData): EmulatedHttpResponse {
  const call = (method: string) => kernel.call("UrlFetch", `HTTPResponse.${method}`);

  const decode = (charset: string, args: readonly unknown[]): string => {
    try {
      return new TextDecoder(charset).decode(data.body);
    } catch {
      // Java's UnsupportedCharsetException reaches the script as an exception naming the charset [UNCONFIRMED text].
      throw kernel.exception(`Invalid argument: ${String(args[0])}`);
    }
  };

  return {
    getResponseCode() {
      call("getResponseCode");
      return data.status;
    },

    /**
     * getContentText() decodes with the charset the response's Content-Type declares, else UTF-8 [UNCONFIRMED];
     * getContentText(charset) with the one given.
     */
    getContentText(...args: unknown[]) {
      call("getContentText");
      if (args.length > 1 || (args.length === 1 && typeof args[0] !== "string"))
        throw scriptSignatureError(kernel, "HTTPResponse.getContentText", args);
      const charset = (args[0] as string | undefined) ?? declaredCharset(data.headers) ?? "utf-8";
      return decode(charset, args.length === 1 ? args : [charset]);
    },

    /** "Gets the raw binary content of an HTTP response": Java bytes, -128..127. */
    getContent() {
      call("getContent");
      return [...data.body].map((b) => (b > 127 ? b - 256 : b));
    },

    /**
     * "Returns an attribute/value map of headers for the HTTP response": one value per header; of several, the last
     * (as Java's URLConnection.getHeaderField gives it) [UNCONFIRMED which one Apps Script keeps].
     */
    getHeaders() {
      call("getHeaders");
      return Object.fromEntries(
        Object.entries(data.headers).map(([name, value]) => [name, Array.isArray(value) ? value.at(-1) : value]),
      );
    },

    /** "… with headers that have multiple values returned as arrays." */
    getAllHeaders() {
      call("getAllHeaders");
      return Object.fromEntries(
        Object.entries(data.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? (value.length === 1 ? value[0] : [...value]) : value,
        ]),
      );
    },
  };
}
