/** The emulated Utilities service: formatDate, formatString, sleep, getUuid, base64 and digests. */

import { createHash, createHmac } from "node:crypto";
import { EnumValue, objectEnumOf } from "./enums";
import type { Kernel } from "./kernel";
import { integerParameter, javaSignatureError } from "./signature";
import { formatInstant, PatternError } from "./simple-date-format";

/** Utilities.DigestAlgorithm (MD2 is not emulated). */
export const DigestAlgorithm = objectEnumOf("DigestAlgorithm", ["MD5", "SHA_1", "SHA_256", "SHA_384", "SHA_512"]);
/** Utilities.Charset. */
export const Charset = objectEnumOf("Charset", ["US_ASCII", "UTF_8"]);

const NODE_DIGESTS = new Map<unknown, string>([
  [DigestAlgorithm.MD5, "md5"],
  [DigestAlgorithm.SHA_1, "sha1"],
  [DigestAlgorithm.SHA_256, "sha256"],
  [DigestAlgorithm.SHA_384, "sha384"],
  [DigestAlgorithm.SHA_512, "sha512"],
]);

/** The longest Utilities.sleep allowed (developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer)). */
export const MAX_SLEEP_MS = 300000;

/** The deterministic source of Utilities.getUuid(); kept by the runtime so ids never repeat across executions. */
export class UuidSequence {
  private counter = 0;
  constructor(private readonly seed: string = "runtime") {}

  /** A well-formed version-4 UUID derived from the seed and a counter. */
  next(): string {
    const bytes = createHash("sha256")
      .update(`${this.seed}:${this.counter++}`)
      .digest()
      .subarray(0, 16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** The Utilities members the runtime emulates. */
export type EmulatedUtilities = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | "formatDate"
  | "formatString"
  | "sleep"
  | "getUuid"
  | "base64Encode"
  | "base64EncodeWebSafe"
  | "base64Decode"
  | "base64DecodeWebSafe"
  | "computeDigest"
  | "computeHmacSha256Signature"
  | "DigestAlgorithm"
  | "Charset"
>;

/** Apps Script byte arrays hold signed Java bytes (-128..127). */
function toSignedBytes(buffer: Buffer): number[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

/** A character's US-ASCII code, or "?" (63) as Java's encoder substitutes for anything else. */
function asciiCode(ch: string): number {
  const code = ch.codePointAt(0) ?? 63;
  return code < 128 ? code : 63;
}

/** A string (in a charset; US_ASCII turns other characters into "?", as Java does) or a byte array, as bytes. */
function bytesOf(kernel: Kernel, data: unknown, charset: unknown, method: string, args: readonly unknown[]): Buffer {
  if (typeof data === "string") {
    if (charset === undefined || charset === Charset.UTF_8) return Buffer.from(data, "utf8");
    if (charset === Charset.US_ASCII) return Buffer.from([...data].map((ch) => asciiCode(ch)));
    throw javaSignatureError(kernel, method, args);
  }
  const isByte = (b: unknown) => typeof b === "number" && Number.isInteger(b) && b >= -128 && b <= 255;
  if (charset === undefined && Array.isArray(data) && data.every(isByte)) {
    return Buffer.from(data.map((b: number) => b & 0xff));
  }
  throw javaSignatureError(kernel, method, args);
}

/** Decodes base64 (standard or URL alphabet); text that is not base64 throws [UNCONFIRMED wording]. */
function decodeBase64(kernel: Kernel, encoded: unknown, webSafe: boolean, method: string, args: unknown[]): number[] {
  if (typeof encoded !== "string") throw javaSignatureError(kernel, method, args);
  const alphabet = webSafe ? /^[A-Za-z0-9\-_]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(encoded) || encoded.replace(/=+$/, "").length % 4 === 1) {
    throw kernel.exception("Could not decode string.");
  }
  return toSignedBytes(Buffer.from(encoded, webSafe ? "base64url" : "base64"));
}

/** Utilities.formatString: the sprintf subset %[-+ 0][width][.precision](s|d|i|f|e|x|X|o) and %%. */
function sprintf(kernel: Kernel, template: string, values: unknown[]): string {
  let next = 0;
  return template.replace(
    /%([-+ 0]*)(\d+)?(?:\.(\d+))?([sdifexXo%])/g,
    (spec, flags: string, width, precision, conversion: string) => {
      if (conversion === "%") return "%";
      if (next >= values.length) {
        // [UNCONFIRMED] Apps Script's behaviour for a missing argument; stricter to throw (Java's wording).
        throw kernel.exception(`Format specifier '${spec}'`);
      }
      const value = values[next++];
      const n = Number(value);
      let body: string;
      switch (conversion) {
        case "s":
          body = String(value);
          if (precision !== undefined) body = body.slice(0, Number(precision));
          break;
        case "d":
        case "i":
          body = String(Math.trunc(n));
          break;
        case "f":
          body = n.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case "e":
          // Two exponent digits at least, as both C and Java print them ("1.23e+04").
          body = n.toExponential(precision === undefined ? 6 : Number(precision)).replace(/e([+-])(\d)$/, "e$10$2");
          break;
        case "o":
          body = (Math.trunc(n) >>> 0).toString(8);
          break;
        default:
          body = (Math.trunc(n) >>> 0).toString(16);
          if (conversion === "X") body = body.toUpperCase();
      }
      if (conversion !== "s" && n >= 0 && flags.includes("+")) body = `+${body}`;
      else if (conversion !== "s" && n >= 0 && flags.includes(" ")) body = ` ${body}`;
      const size = Number(width ?? 0);
      if (body.length >= size) return body;
      if (flags.includes("-")) return body.padEnd(size);
      if (flags.includes("0") && conversion !== "s") {
        const sign = /^[-+ ]/.test(body) ? body.charAt(0) : "";
        return sign + body.slice(sign.length).padStart(size - sign.length, "0");
      }
      return body.padStart(size);
    },
  );
}

/** The global `Utilities` (developers.google.com/apps-script/reference/utilities/utilities); all of it works in AuthMode.NONE. */
export function createUtilities(kernel: Kernel, uuids: UuidSequence): EmulatedUtilities {
  const call = (method: string) => kernel.call("Utilities", `Utilities.${method}`);
  return {
    DigestAlgorithm: DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm,
    Charset: Charset as unknown as typeof GoogleAppsScript.Utilities.Charset,

    formatDate(date: unknown, timeZone: unknown, format: unknown): string {
      call("formatDate");
      const args = [date, timeZone, format];
      const isDate = Object.prototype.toString.call(date) === "[object Date]";
      if (!isDate || typeof timeZone !== "string" || typeof format !== "string") {
        throw javaSignatureError(kernel, "Utilities.formatDate", args);
      }
      const ms = (date as Date).getTime();
      // [UNCONFIRMED] an Invalid Date cannot become a java.util.Date; stricter to refuse it.
      if (Number.isNaN(ms)) throw kernel.exception("Invalid argument: date");
      try {
        return formatInstant(ms, timeZone, format);
      } catch (error) {
        // Apps Script surfaces SimpleDateFormat's IllegalArgumentException message [UNCONFIRMED wording].
        if (error instanceof PatternError) throw kernel.exception(error.message);
        throw error;
      }
    },

    formatString(template: unknown, ...values: unknown[]): string {
      call("formatString");
      if (typeof template !== "string")
        throw javaSignatureError(kernel, "Utilities.formatString", [template, ...values]);
      return sprintf(kernel, template, values);
    },

    sleep(milliseconds: unknown): void {
      call("sleep");
      const ms = integerParameter(kernel, milliseconds, "Utilities.sleep", [milliseconds]);
      // The reference page caps sleep at 300000 ms; what Apps Script throws beyond it is [UNCONFIRMED].
      if (ms < 0 || ms > MAX_SLEEP_MS) throw kernel.exception("Invalid argument: milliseconds");
      kernel.spend(ms);
    },

    getUuid(): string {
      call("getUuid");
      return uuids.next();
    },

    base64Encode(data: unknown, charset?: unknown): string {
      call("base64Encode");
      return bytesOf(kernel, data, charset, "Utilities.base64Encode", [data, charset]).toString("base64");
    },

    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      call("base64EncodeWebSafe");
      const bytes = bytesOf(kernel, data, charset, "Utilities.base64EncodeWebSafe", [data, charset]);
      // Java's URL-safe encoder keeps the "=" padding; Node's base64url drops it.
      return bytes.toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
    },

    base64Decode(encoded: unknown, charset?: unknown): number[] {
      call("base64Decode");
      const args = [encoded, charset];
      if (charset !== undefined && !(charset instanceof EnumValue && charset.enumName === "Charset")) {
        throw javaSignatureError(kernel, "Utilities.base64Decode", args);
      }
      return decodeBase64(kernel, encoded, false, "Utilities.base64Decode", args);
    },

    base64DecodeWebSafe(encoded: unknown, charset?: unknown): number[] {
      call("base64DecodeWebSafe");
      const args = [encoded, charset];
      if (charset !== undefined && !(charset instanceof EnumValue && charset.enumName === "Charset")) {
        throw javaSignatureError(kernel, "Utilities.base64DecodeWebSafe", args);
      }
      return decodeBase64(kernel, encoded, true, "Utilities.base64DecodeWebSafe", args);
    },

    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      call("computeDigest");
      const args = [algorithm, value, charset];
      const digest = NODE_DIGESTS.get(algorithm);
      if (!digest) throw javaSignatureError(kernel, "Utilities.computeDigest", args);
      const bytes = bytesOf(kernel, value, charset, "Utilities.computeDigest", args);
      return toSignedBytes(createHash(digest).update(bytes).digest());
    },

    /**
     * computeHmacSha256Signature(value, key) and (value, key, charset): both strings (UTF-8 unless a charset is given)
     * or both byte arrays; the signature as signed bytes
     * (developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String)).
     * A string with a byte array, or a charset with byte arrays, matches no overload.
     */
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      call("computeHmacSha256Signature");
      const args = charset === undefined ? [value, key] : [value, key, charset];
      const method = "Utilities.computeHmacSha256Signature";
      if (typeof value !== typeof key || (typeof value !== "string" && charset !== undefined))
        throw javaSignatureError(kernel, method, args);
      const data = bytesOf(kernel, value, charset, method, args);
      const secret = bytesOf(kernel, key, charset, method, args);
      return toSignedBytes(createHmac("sha256", secret).update(data).digest());
    },
  };
}
