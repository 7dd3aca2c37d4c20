/** The emulated CacheService: script, per-user and per-document caches whose entries expire on the simulated clock and are capped at 1,000 items. */

import type { Kernel } from "./kernel";
import { CACHE, CACHE_ERRORS } from "./limits";
import { integerParameter, javaSignatureError, stringParameter } from "./signature";

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

/**
 * Keeps a cache within its cap: "The cap for cached items is 1,000. If more than 1,000 items are written, the cache
 * stores the 900 items farthest from expiration." (reference of put). Expired entries go first; among entries
 * expiring at the same time the most recently written stay [UNCONFIRMED]. Entries are kept in write order (put
 * re-inserts its key), so the later of two equal expiries is the later in the map.
 */
function enforceCap(entries: Map<string, Entry>, now: number): void {
  for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
  if (entries.size <= CACHE.itemCap) return;
  const ranked = [...entries].map(([key, entry], order) => ({ key, expiresAt: entry.expiresAt, order }));
  ranked.sort((a, b) => b.expiresAt - a.expiresAt || b.order - a.order);
  for (const { key } of ranked.slice(CACHE.itemsKeptPastCap)) entries.delete(key);
}

/** Stores `values` in write order (a rewritten key moves to the end), then applies the cap. */
function write(entries: Map<string, Entry>, values: readonly (readonly [string, Entry])[], now: number): void {
  for (const [key, entry] of values) {
    entries.delete(key);
    entries.set(key, entry);
  }
  enforceCap(entries, now);
}

/** A Cache over one store (developers.google.com/apps-script/reference/cache/cache). */
function cacheOf(kernel: Kernel, entries: Map<string, Entry>): GoogleAppsScript.Cache.Cache {
  // [UNCONFIRMED] AuthMode.NONE refusing the cache: PLATFORM.md lists only menus, Logger, Utilities and the locale.
  const call = (method: string) => kernel.call("Cache", `Cache.${method}`, { needsAuth: true });
  const signature = (method: string) => `CacheService.Cache.${method}`;

  const checkedKey = (key: unknown, method: string, args: unknown[]): string => {
    const text = stringParameter(kernel, key, signature(method), args);
    if (text.length > CACHE.keyCharacters) throw kernel.exception(CACHE_ERRORS.keyTooLong);
    return text;
  };
  const keysOf = (keys: unknown, method: string): string[] => {
    if (!Array.isArray(keys)) throw javaSignatureError(kernel, signature(method), [keys]);
    return keys.map((k) => checkedKey(k, method, [keys]));
  };
  const checkedValue = (value: unknown, method: string, args: unknown[]): string => {
    const text = stringParameter(kernel, value, signature(method), args);
    if (Buffer.byteLength(text, "utf8") > CACHE.valueBytes) throw kernel.exception(CACHE_ERRORS.valueTooLarge);
    return text;
  };
  const expiryOf = (seconds: unknown, method: string, args: unknown[]): number => {
    if (seconds === undefined) return kernel.now() + CACHE.defaultExpirationSeconds * 1000;
    const s = integerParameter(kernel, seconds, signature(method), args);
    if (s < CACHE.minExpirationSeconds || s > CACHE.maxExpirationSeconds) {
      throw kernel.exception(CACHE_ERRORS.expirationOutOfRange);
    }
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
      write(entries, [[k, { value: v, expiresAt: expiryOf(expirationInSeconds, "put", args) }]], kernel.now());
    },
    putAll(values: unknown, expirationInSeconds?: unknown): void {
      call("putAll");
      const args = [values, expirationInSeconds];
      if (typeof values !== "object" || values === null || Array.isArray(values)) {
        throw javaSignatureError(kernel, signature("putAll"), args);
      }
      const expiresAt = expiryOf(expirationInSeconds, "putAll", args);
      const checked = Object.entries(values).map(
        ([k, v]) => [checkedKey(k, "putAll", args), { value: checkedValue(v, "putAll", args), expiresAt }] as const,
      );
      write(entries, checked, kernel.now());
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
