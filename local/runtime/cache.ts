/** The emulated CacheService: script, per-user and per-document caches whose entries expire on the simulated clock. */

import type { Kernel } from "./kernel";
import { integerParameter, javaSignatureError, stringParameter } from "./signature";

/** Limits from developers.google.com/apps-script/reference/cache/cache and guides/services/quotas. */
export const CACHE_LIMITS = {
  maxKeyLength: 250,
  maxValueBytes: 100 * 1024,
  defaultExpirationSeconds: 600,
  maxExpirationSeconds: 21600,
} as const;

/** One cached value and the simulated time it expires at. */
export interface Entry {
  value: string;
  expiresAt: number;
}

/** Every cache of the script; kept by the runtime across executions. */
export class CacheStores {
  readonly script = new Map<string, Entry>();
  private readonly users = new Map<string, Map<string, Entry>>();
  private readonly documents = new Map<string, Map<string, Entry>>();

  user(email: string): Map<string, Entry> {
    return cacheIn(this.users, email);
  }

  document(spreadsheetId: string): Map<string, Entry> {
    return cacheIn(this.documents, spreadsheetId);
  }

  /** Drops every entry, as Apps Script may at any time ("not guaranteed to be there"), to test cache misses. */
  evictAll(): void {
    this.script.clear();
    this.users.clear();
    this.documents.clear();
  }
}

function cacheIn(caches: Map<string, Map<string, Entry>>, key: string): Map<string, Entry> {
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map();
    caches.set(key, cache);
  }
  return cache;
}

/** The service as emulated: getDocumentCache() returns null without a document. */
export type EmulatedCacheService = GoogleAppsScript.Cache.CacheService;

/** A Cache over one store (developers.google.com/apps-script/reference/cache/cache). */
function cacheOf(kernel: Kernel, entries: Map<string, Entry>): GoogleAppsScript.Cache.Cache {
  // [UNCONFIRMED] AuthMode.NONE refusing the cache: PLATFORM.md lists only menus, Logger, Utilities and the locale.
  const call = (method: string) => kernel.call("Cache", `Cache.${method}`, { needsAuth: true });
  const signature = (method: string) => `CacheService.Cache.${method}`;

  const checkedKey = (key: unknown, method: string, args: unknown[]): string => {
    const text = stringParameter(kernel, key, signature(method), args);
    if (text.length > CACHE_LIMITS.maxKeyLength) throw kernel.exception("Argument too large: key");
    return text;
  };
  const keysOf = (keys: unknown, method: string): string[] => {
    if (!Array.isArray(keys)) throw javaSignatureError(kernel, signature(method), [keys]);
    return keys.map((k) => checkedKey(k, method, [keys]));
  };
  const checkedValue = (value: unknown, method: string, args: unknown[]): string => {
    const text = stringParameter(kernel, value, signature(method), args);
    if (Buffer.byteLength(text, "utf8") > CACHE_LIMITS.maxValueBytes) {
      throw kernel.exception("Argument too large: value");
    }
    return text;
  };
  const expiryOf = (seconds: unknown, method: string, args: unknown[]): number => {
    if (seconds === undefined) return kernel.now() + CACHE_LIMITS.defaultExpirationSeconds * 1000;
    const s = integerParameter(kernel, seconds, signature(method), args);
    // The reference gives 1 s to 21600 s (6 h); what Apps Script does outside that range is [UNCONFIRMED]:
    // refusing is stricter than silently capping.
    if (s < 1 || s > CACHE_LIMITS.maxExpirationSeconds) throw kernel.exception("Invalid argument: expirationInSeconds");
    return kernel.now() + s * 1000;
  };
  const live = (key: string): string | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= kernel.now()) {
      entries.delete(key);
      return null;
    }
    return entry.value;
  };

  return {
    get(key: unknown): string | null {
      call("get");
      return live(checkedKey(key, "get", [key]));
    },
    getAll(keys: unknown): Record<string, string> {
      call("getAll");
      const found: Record<string, string> = {};
      for (const key of keysOf(keys, "getAll")) {
        const value = live(key);
        if (value !== null) found[key] = value;
      }
      return found;
    },
    put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
      call("put");
      const args = [key, value, expirationInSeconds];
      const k = checkedKey(key, "put", args);
      const v = checkedValue(value, "put", args);
      entries.set(k, { value: v, expiresAt: expiryOf(expirationInSeconds, "put", args) });
    },
    putAll(values: unknown, expirationInSeconds?: unknown): void {
      call("putAll");
      const args = [values, expirationInSeconds];
      if (typeof values !== "object" || values === null || Array.isArray(values)) {
        throw javaSignatureError(kernel, signature("putAll"), args);
      }
      const expiresAt = expiryOf(expirationInSeconds, "putAll", args);
      const checked = Object.entries(values).map(
        ([k, v]) => [checkedKey(k, "putAll", args), checkedValue(v, "putAll", args)] as const,
      );
      for (const [k, value] of checked) entries.set(k, { value, expiresAt });
    },
    remove(key: unknown): void {
      call("remove");
      entries.delete(checkedKey(key, "remove", [key]));
    },
    removeAll(keys: unknown): void {
      call("removeAll");
      for (const key of keysOf(keys, "removeAll")) entries.delete(key);
    },
  };
}

/** The global `CacheService` (developers.google.com/apps-script/reference/cache/cache-service). */
export function createCacheService(kernel: Kernel, stores: CacheStores): EmulatedCacheService {
  const call = (method: string) => kernel.call("Cache", `CacheService.${method}`, { needsAuth: true });
  return {
    getScriptCache() {
      call("getScriptCache");
      return cacheOf(kernel, stores.script);
    },
    getUserCache() {
      call("getUserCache");
      return cacheOf(kernel, stores.user(kernel.requireExecution("CacheService.getUserCache").effectiveUser));
    },
    getDocumentCache() {
      call("getDocumentCache");
      const document = kernel.requireExecution("CacheService.getDocumentCache").activeSpreadsheetId;
      // "null if the script is not bound to a document" (the reference's return description).
      return document === null ? null : cacheOf(kernel, stores.document(document));
    },
  };
}
