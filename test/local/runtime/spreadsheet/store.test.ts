/** Tests of the spreadsheet store: new spreadsheets with their first sheet, deterministic ids, lookups. */

import { Kernel } from "../../../../local/runtime/kernel";
import { SpreadsheetStore } from "../../../../local/runtime/spreadsheet/store";

describe("store", () => {
  describe("create", () => {
    it("makes one 1000 × 26 sheet with id 0 and a deterministic 44-character id", () => {
      const make = () => new SpreadsheetStore(new Kernel({ now: 0, scriptTimeZone: "UTC" }));
      const a = make().create({ name: "A", timeZone: "UTC", locale: "en_GB", owner: "o@example.com" });
      const b = make().create({ name: "A", timeZone: "UTC", locale: "en_GB", owner: "o@example.com" });
      expect(a.id).toBe(b.id);
      expect(a.id).toMatch(/^[A-Za-z0-9_-]{44}$/);
      expect(a.sheets.map((s) => [s.id, s.name, s.maxRows, s.maxColumns])).toEqual([[0, "Sheet1", 1000, 26]]);
    });

    it("keeps a given id and lists spreadsheets in creation order", () => {
      const store = new SpreadsheetStore(new Kernel({ now: 0, scriptTimeZone: "UTC" }));
      store.create({ name: "A", timeZone: "UTC", locale: "en_US", owner: "o@example.com", id: "fixed" });
      const second = store.create({ name: "B", timeZone: "UTC", locale: "en_US", owner: "o@example.com" });
      expect(store.get("fixed")?.name).toBe("A");
      expect(store.all().map((m) => m.name)).toEqual(["A", "B"]);
      expect(second.id).not.toBe("fixed");
      expect(store.get("nope")).toBeUndefined();
    });
  });
});
