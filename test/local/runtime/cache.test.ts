/** Tests of the emulated CacheService. */

import { CacheStores, createCacheService } from "../../../local/runtime/cache";
import { ANA, executionRunner, freeKernel } from "./fixtures/execution";

function setup() {
  const kernel = freeKernel({ now: 1_000_000, scriptTimeZone: "UTC" });
  const stores = new CacheStores();
  const service = createCacheService(kernel, stores);
  const { run, thrown } = executionRunner(kernel, ANA);
  return { kernel, stores, service, run, thrown };
}

describe("cache", () => {
  describe("getScriptCache", () => {
    it("is shared by users and executions", () => {
      const { service, run } = setup();
      run(() => service.getScriptCache().put("k", "v"));
      expect(run(() => service.getScriptCache().get("k"), { effectiveUser: "bo@example.com" })).toBe("v");
    });

    it("is refused in AuthMode.NONE", () => {
      const { service, thrown } = setup();
      expect(thrown(() => service.getScriptCache(), { authMode: "NONE" }).message).toMatch(
        /^You do not have permission to call CacheService\.getScriptCache\./,
      );
    });
  });

  describe("getUserCache", () => {
    it("keeps one cache per effective user", () => {
      const { service, run } = setup();
      run(() => service.getUserCache().put("k", "ana"));
      expect(run(() => service.getUserCache().get("k"))).toBe("ana");
      expect(run(() => service.getUserCache().get("k"), { effectiveUser: "bo@example.com" })).toBeNull();
    });
  });

  describe("getDocumentCache", () => {
    it("keeps one cache per document, and is null without one", () => {
      const { service, run } = setup();
      run(() => service.getDocumentCache()?.put("k", "doc1"));
      expect(run(() => service.getDocumentCache()?.get("k"))).toBe("doc1");
      expect(run(() => service.getDocumentCache()?.get("k"), { activeSpreadsheetId: "sheet-2" })).toBeNull();
      expect(run(() => service.getDocumentCache(), { activeSpreadsheetId: null })).toBeNull();
    });
  });

  describe("get", () => {
    it("returns null for a missing key and refuses keys over 250 characters", () => {
      const { service, run, thrown } = setup();
      expect(run(() => service.getScriptCache().get("missing"))).toBeNull();
      expect(thrown(() => service.getScriptCache().get("k".repeat(251))).message).toBe("Argument too large: key");
    });
  });

  describe("put", () => {
    it("keeps a value for 600 seconds by default", () => {
      const { kernel, service, run } = setup();
      run(() => service.getScriptCache().put("k", "v"));
      kernel.advance(599_999);
      expect(run(() => service.getScriptCache().get("k"))).toBe("v");
      kernel.advance(1);
      expect(run(() => service.getScriptCache().get("k"))).toBeNull();
    });

    it("keeps a value for the given seconds, up to 21600", () => {
      const { kernel, service, run } = setup();
      run(() => service.getScriptCache().put("short", "v", 1));
      run(() => service.getScriptCache().put("long", "v", 21600));
      kernel.advance(1000);
      expect(run(() => service.getScriptCache().get("short"))).toBeNull();
      kernel.advance(21600 * 1000 - 1001);
      expect(run(() => service.getScriptCache().get("long"))).toBe("v");
      kernel.advance(1);
      expect(run(() => service.getScriptCache().get("long"))).toBeNull();
    });

    it("refuses expirations outside 1..21600 seconds", () => {
      const { service, thrown } = setup();
      expect(thrown(() => service.getScriptCache().put("k", "v", 21601)).message).toBe(
        "Invalid argument: expirationInSeconds",
      );
      expect(thrown(() => service.getScriptCache().put("k", "v", 0)).message).toBe(
        "Invalid argument: expirationInSeconds",
      );
    });

    it("accepts 100 KB values, refuses larger ones and long keys", () => {
      const { service, run, thrown } = setup();
      run(() => service.getScriptCache().put("k", "x".repeat(102400)));
      expect(thrown(() => service.getScriptCache().put("k", "x".repeat(102401))).message).toBe(
        "Argument too large: value",
      );
      expect(thrown(() => service.getScriptCache().put("k".repeat(251), "v")).message).toBe("Argument too large: key");
      expect(run(() => service.getScriptCache().get("k"))).toHaveLength(102400);
    });

    it("stores numbers as strings and refuses objects", () => {
      const { service, run, thrown } = setup();
      run(() => service.getScriptCache().put("n", 5 as never));
      expect(run(() => service.getScriptCache().get("n"))).toBe("5");
      expect(thrown(() => service.getScriptCache().put("o", {} as never)).message).toBe(
        "The parameters (String,Object) don't match the method signature for CacheService.Cache.put.",
      );
    });
  });

  describe("getAll", () => {
    it("returns the live entries among the keys", () => {
      const { kernel, service, run } = setup();
      run(() => {
        const cache = service.getScriptCache();
        cache.put("a", "1");
        cache.put("b", "2", 1);
      });
      kernel.advance(1000);
      expect(run(() => service.getScriptCache().getAll(["a", "b", "c"]))).toEqual({ a: "1" });
    });
  });

  describe("putAll", () => {
    it("puts every entry with one expiration", () => {
      const { kernel, service, run } = setup();
      run(() => service.getScriptCache().putAll({ a: "1", b: "2" }, 10));
      expect(run(() => service.getScriptCache().getAll(["a", "b"]))).toEqual({ a: "1", b: "2" });
      kernel.advance(10_000);
      expect(run(() => service.getScriptCache().getAll(["a", "b"]))).toEqual({});
    });

    it("puts nothing when one value is too large", () => {
      const { service, run, thrown } = setup();
      expect(thrown(() => service.getScriptCache().putAll({ a: "1", b: "x".repeat(102401) })).message).toBe(
        "Argument too large: value",
      );
      expect(run(() => service.getScriptCache().get("a"))).toBeNull();
    });
  });

  describe("remove", () => {
    it("removes one entry", () => {
      const { service, run } = setup();
      run(() => {
        const cache = service.getScriptCache();
        cache.put("a", "1");
        cache.remove("a");
        expect(cache.get("a")).toBeNull();
      });
    });
  });

  describe("removeAll", () => {
    it("removes the listed entries and refuses a non-array", () => {
      const { service, run, thrown } = setup();
      run(() => {
        const cache = service.getScriptCache();
        cache.putAll({ a: "1", b: "2", c: "3" });
        cache.removeAll(["a", "b"]);
        expect(cache.getAll(["a", "b", "c"])).toEqual({ c: "3" });
      });
      expect(thrown(() => service.getScriptCache().removeAll("a" as never)).message).toBe(
        "The parameters (String) don't match the method signature for CacheService.Cache.removeAll.",
      );
    });
  });

  describe("limits", () => {
    // reference/cache/cache#put(String,String,Integer): "The maximum length of a key is 250 characters. The maximum
    // amount of data that can be stored per key is 100KB."
    it("counts keys in characters and values in UTF-8 bytes", () => {
      const { service, run, thrown } = setup();
      run(() => service.getScriptCache().put("键".repeat(250), "v"));
      expect(run(() => service.getScriptCache().get("键".repeat(250)))).toBe("v");
      // 34,134 CJK characters are 102,402 bytes: fewer characters than 102,400, more bytes.
      expect(thrown(() => service.getScriptCache().put("k", "中".repeat(34134))).message).toBe(
        "Argument too large: value",
      );
    });

    it("refuses a long key in getAll and removeAll as in get", () => {
      const { service, thrown } = setup();
      expect(thrown(() => service.getScriptCache().getAll(["a", "k".repeat(251)])).message).toBe(
        "Argument too large: key",
      );
      expect(thrown(() => service.getScriptCache().removeAll(["k".repeat(251)])).message).toBe(
        "Argument too large: key",
      );
    });

    it("refuses a putAll with one long key, putting nothing", () => {
      const { service, run, thrown } = setup();
      expect(thrown(() => service.getScriptCache().putAll({ a: "1", ["k".repeat(251)]: "2" })).message).toBe(
        "Argument too large: key",
      );
      expect(run(() => service.getScriptCache().get("a"))).toBeNull();
    });
  });

  // reference/cache/cache#put(String,String): "The cap for cached items is 1,000. If more than 1,000 items are
  // written, the cache stores the 900 items farthest from expiration."
  describe("item cap", () => {
    /** Puts items i0…i(n-1), item i expiring after 100 + i seconds (so later items are farther from expiration). */
    function putItems(n: number) {
      const context = setup();
      context.run(() => {
        const cache = context.service.getScriptCache();
        for (let i = 0; i < n; i++) cache.put(`i${i}`, "v", 100 + i);
      });
      const kept = (keys: string[]) =>
        Object.keys(context.run(() => context.service.getScriptCache().getAll(keys))).length;
      return { ...context, kept };
    }
    const keys = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `i${from + i}`);

    it("keeps 1,000 items", () => {
      const { kept } = putItems(1000);
      expect(kept(keys(0, 1000))).toBe(1000);
    });

    it("keeps the 900 farthest from expiration when a 1,001st is written", () => {
      const { kept } = putItems(1001);
      expect(kept(keys(0, 101))).toBe(0);
      expect(kept(keys(101, 1001))).toBe(900);
    });

    it("drops the new item itself when it is the nearest to expiration", () => {
      const { service, run, kept } = putItems(1000);
      run(() => service.getScriptCache().put("soon", "v", 1));
      expect(run(() => service.getScriptCache().get("soon"))).toBeNull();
      expect(kept(keys(100, 1000))).toBe(900);
    });

    it("does not count expired items, nor a rewritten key twice", () => {
      const { kernel, service, run, kept } = putItems(1000);
      run(() => service.getScriptCache().put("i999", "again", 1099));
      expect(kept(keys(0, 1000))).toBe(1000);
      kernel.advance(100_000);
      run(() => service.getScriptCache().put("late", "v"));
      expect(kept(keys(1, 1000))).toBe(999);
      expect(run(() => service.getScriptCache().get("late"))).toBe("v");
    });

    it("applies to a putAll of more than 1,000 items", () => {
      const { service, run } = setup();
      const values = Object.fromEntries(keys(0, 1200).map((key) => [key, "v"]));
      run(() => service.getScriptCache().putAll(values));
      expect(Object.keys(run(() => service.getScriptCache().getAll(keys(0, 1200))))).toHaveLength(900);
    });

    it("caps each cache on its own", () => {
      const { service, run } = putItems(1000);
      run(() => service.getUserCache().put("mine", "v"));
      run(() => service.getDocumentCache()?.put("doc", "v"));
      expect(Object.keys(run(() => service.getScriptCache().getAll(keys(0, 1000))))).toHaveLength(1000);
    });
  });

  describe("evictAll", () => {
    it("drops every entry, as Apps Script may", () => {
      const { stores, service, run } = setup();
      run(() => service.getScriptCache().put("a", "1"));
      stores.evictAll();
      expect(run(() => service.getScriptCache().get("a"))).toBeNull();
    });
  });
});
