/** Tests of the emulated PropertiesService. */

import { Kernel } from "../../../local/runtime/kernel";
import { createPropertiesService, PropertyStores } from "../../../local/runtime/properties";
import { ANA, executionRunner } from "./fixtures/execution";

function setup() {
  const kernel = new Kernel({ now: 0, scriptTimeZone: "UTC" });
  const stores = new PropertyStores();
  const service = createPropertiesService(kernel, stores);
  const { run, thrown } = executionRunner(kernel, ANA);
  return { kernel, stores, service, run, thrown };
}

describe("properties", () => {
  describe("getScriptProperties", () => {
    it("keeps values across executions", () => {
      const { service, run } = setup();
      run(() => service.getScriptProperties().setProperty("a", "1"));
      expect(run(() => service.getScriptProperties().getProperty("a"), { effectiveUser: "bo@example.com" })).toBe("1");
    });

    it("is refused in AuthMode.NONE", () => {
      const { service, thrown } = setup();
      const error = thrown(() => service.getScriptProperties(), { authMode: "NONE" });
      expect(error.name).toBe("Exception");
      expect(error.message).toMatch(/^You do not have permission to call PropertiesService\.getScriptProperties\./);
    });
  });

  describe("getUserProperties", () => {
    it("keeps one store per effective user", () => {
      const { service, run } = setup();
      run(() => service.getUserProperties().setProperty("lang", "zh"));
      expect(run(() => service.getUserProperties().getProperty("lang"))).toBe("zh");
      expect(
        run(() => service.getUserProperties().getProperty("lang"), { effectiveUser: "bo@example.com" }),
      ).toBeNull();
    });
  });

  describe("getDocumentProperties", () => {
    it("keeps one store per document", () => {
      const { service, run } = setup();
      run(() => service.getDocumentProperties()?.setProperty("sheet", "Leads"));
      expect(run(() => service.getDocumentProperties()?.getProperty("sheet"))).toBe("Leads");
      expect(run(() => service.getDocumentProperties()?.getProperty("sheet"), { activeSpreadsheetId: "sheet-2" })).toBe(
        null,
      );
    });

    it("returns null when the execution has no document", () => {
      const { service, run } = setup();
      expect(run(() => service.getDocumentProperties(), { activeSpreadsheetId: null })).toBeNull();
    });
  });

  describe("getProperty", () => {
    it("returns null for a missing key", () => {
      const { service, run } = setup();
      expect(run(() => service.getScriptProperties().getProperty("missing"))).toBeNull();
    });

    it("is refused in AuthMode.NONE even on a store obtained earlier", () => {
      const { service, run, thrown } = setup();
      const store = run(() => service.getScriptProperties());
      expect(thrown(() => store.getProperty("a"), { authMode: "NONE" }).message).toMatch(
        /^You do not have permission to call Properties\.getProperty\./,
      );
    });
  });

  describe("setProperty", () => {
    it("stores values as strings and chains", () => {
      const { service, run } = setup();
      const value = run(() => {
        const props = service.getScriptProperties();
        return props
          .setProperty("n", 5 as never)
          .setProperty("b", true as never)
          .getProperties();
      });
      expect(value).toEqual({ n: "5", b: "true" });
    });

    it("refuses null values with Apps Script's signature message", () => {
      const { service, thrown } = setup();
      expect(thrown(() => service.getScriptProperties().setProperty("a", null as never)).message).toBe(
        "The parameters (String,null) don't match the method signature for PropertiesService.Properties.setProperty.",
      );
    });

    it("accepts a value of 9 KB and refuses one byte more", () => {
      const { service, run, thrown } = setup();
      run(() => service.getScriptProperties().setProperty("a", "x".repeat(9216)));
      expect(thrown(() => service.getScriptProperties().setProperty("b", "x".repeat(9217))).message).toBe(
        "Argument too large: value",
      );
      // Limits count UTF-8 bytes: 3073 CJK characters are 9219 bytes.
      expect(thrown(() => service.getScriptProperties().setProperty("c", "中".repeat(3073))).message).toBe(
        "Argument too large: value",
      );
      expect(run(() => service.getScriptProperties().getKeys())).toEqual(["a"]);
    });

    it("refuses a write that would take the store past 500 KB and keeps the store unchanged", () => {
      const { service, run, thrown } = setup();
      const props = run(() => service.getScriptProperties());
      for (let i = 10; i < 66; i++) run(() => props.setProperty(`k${i}`, "x".repeat(9000)));
      expect(thrown(() => props.setProperty("k66", "x".repeat(9000))).message).toBe(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
      expect(run(() => props.getKeys())).toHaveLength(56);
    });

    // guides/services/quotas: "Properties value size | 9 KB / val", "Properties total storage | 500 KB / property store".
    describe("limits per value and per store", () => {
      /** A store holding 56 values of 9,000 bytes under 3-byte keys: 504,168 of its 512,000 bytes. */
      function nearlyFull() {
        const context = setup();
        const props = context.run(() => context.service.getScriptProperties());
        for (let i = 10; i < 66; i++) context.run(() => props.setProperty(`k${i}`, "x".repeat(9000)));
        return { ...context, props };
      }
      const STORE_FULL = "You have exceeded the property storage quota. Please remove some properties and try again.";

      it("counts keys with values in the store's 500 KB", () => {
        const { props, run, thrown } = nearlyFull();
        // 7,832 bytes are left: a long key with a one-byte value does not fit, though its value is tiny.
        expect(thrown(() => props.setProperty("k".repeat(7832), "x")).message).toBe(STORE_FULL);
        run(() => props.setProperty("k".repeat(7831), "x"));
      });

      it("keeps the 500 KB per store: a full script store leaves the user and document stores their own", () => {
        const { service, run, thrown } = nearlyFull();
        expect(thrown(() => service.getScriptProperties().setProperty("more", "x".repeat(9000))).message).toBe(
          STORE_FULL,
        );
        run(() => service.getUserProperties().setProperty("more", "x".repeat(9000)));
        run(() => service.getDocumentProperties()?.setProperty("more", "x".repeat(9000)));
        expect(run(() => service.getUserProperties().getProperty("more"))).toHaveLength(9000);
      });

      it("counts a rewritten key once, and frees its bytes when deleted", () => {
        const { props, run, thrown } = nearlyFull();
        run(() => props.setProperty("k10", "y".repeat(9000)));
        expect(thrown(() => props.setProperty("k66", "x".repeat(9000))).message).toBe(STORE_FULL);
        run(() => props.deleteProperty("k10"));
        run(() => props.setProperty("k66", "x".repeat(9000)));
        expect(run(() => props.getKeys())).toHaveLength(56);
      });

      it("reports a value over 9 KB as too large even when the store is full too (order [UNCONFIRMED])", () => {
        const { props, thrown } = nearlyFull();
        expect(thrown(() => props.setProperty("big", "x".repeat(9217))).message).toBe("Argument too large: value");
      });

      it("throws them as Apps Script exceptions", () => {
        const { props, thrown } = nearlyFull();
        expect(thrown(() => props.setProperty("k66", "x".repeat(9000))).name).toBe("Exception");
        expect(thrown(() => props.setProperty("big", "x".repeat(9217))).name).toBe("Exception");
      });
    });
  });

  describe("getProperties", () => {
    it("returns a copy", () => {
      const { service, run } = setup();
      run(() => {
        const props = service.getScriptProperties();
        props.setProperty("a", "1");
        props.getProperties().a = "changed";
        expect(props.getProperty("a")).toBe("1");
      });
    });
  });

  describe("setProperties", () => {
    it("adds to the store, or replaces it when deleteAllOthers is true", () => {
      const { service, run } = setup();
      run(() => {
        const props = service.getScriptProperties();
        props.setProperties({ a: "1", b: "2" });
        props.setProperties({ c: 3 as never });
        expect(props.getProperties()).toEqual({ a: "1", b: "2", c: "3" });
        props.setProperties({ d: "4" }, true);
        expect(props.getProperties()).toEqual({ d: "4" });
      });
    });

    it("refuses a non-object, and changes nothing when one value is too large", () => {
      const { service, run, thrown } = setup();
      expect(thrown(() => service.getScriptProperties().setProperties("a=1" as never)).message).toBe(
        "The parameters (String) don't match the method signature for PropertiesService.Properties.setProperties.",
      );
      expect(
        thrown(() => service.getScriptProperties().setProperties({ ok: "1", big: "x".repeat(9217) }, true)).message,
      ).toBe("Argument too large: value");
      expect(run(() => service.getScriptProperties().getKeys())).toEqual([]);
    });
  });

  describe("deleteProperty", () => {
    it("removes one key", () => {
      const { service, run } = setup();
      run(() => {
        const props = service.getScriptProperties().setProperties({ a: "1", b: "2" });
        props.deleteProperty("a");
        expect(props.getKeys()).toEqual(["b"]);
      });
    });
  });

  describe("deleteAllProperties", () => {
    it("empties the store only", () => {
      const { service, run } = setup();
      run(() => {
        service.getUserProperties().setProperty("u", "1");
        service.getScriptProperties().setProperty("s", "1").deleteAllProperties();
        expect(service.getScriptProperties().getKeys()).toEqual([]);
        expect(service.getUserProperties().getKeys()).toEqual(["u"]);
      });
    });
  });

  describe("getKeys", () => {
    it("lists the keys", () => {
      const { service, run } = setup();
      expect(run(() => service.getScriptProperties().setProperties({ a: "1", b: "2" }).getKeys())).toEqual(["a", "b"]);
    });
  });
});
