/** Tests of src/core/literal: what setValues is handed so a cell keeps exactly the text a user or a CSV gave it. */

import { asLiteral, literalGrid } from "../../src/core/literal";

describe("literal", () => {
  describe("asLiteral", () => {
    it.each([
      ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
      ["+86 138-0013-8000", "'+86 138-0013-8000"],
      ["-5", "'-5"],
      ["@SUM(1)", "'@SUM(1)"],
      ["001", "'001"],
      ["TRUE", "'TRUE"],
      ["2024/6/10", "'2024/6/10"],
      ["上海某科技有限公司", "'上海某科技有限公司"],
    ])("keeps %j as text", (text, written) => {
      expect(asLiteral(text)).toBe(written);
    });

    it("keeps an apostrophe the user typed: Sheets drops only the one it is handed", () => {
      expect(asLiteral("'Acme")).toBe("''Acme");
    });

    it("writes an empty string as is, so a cleared cell holds no stray apostrophe", () => {
      expect(asLiteral("")).toBe("");
    });

    it("passes numbers, booleans, dates and blanks through untouched", () => {
      const date = new Date(Date.UTC(2024, 5, 10));
      expect(asLiteral(42)).toBe(42);
      expect(asLiteral(0)).toBe(0);
      expect(asLiteral(true)).toBe(true);
      expect(asLiteral(false)).toBe(false);
      expect(asLiteral(date)).toBe(date);
      expect(asLiteral(null)).toBeNull();
      expect(asLiteral(undefined)).toBeUndefined();
    });
  });

  describe("literalGrid", () => {
    it("makes every string cell of a grid literal, keeping its shape and other values", () => {
      const date = new Date(Date.UTC(2024, 5, 10));
      const grid = [
        ["=1+1", "张三", date, 3],
        ["", true, "+86 138-0013-8000"],
      ];
      expect(literalGrid(grid)).toEqual([
        ["'=1+1", "'张三", date, 3],
        ["", true, "'+86 138-0013-8000"],
      ]);
    });

    it("leaves the grid it was given unchanged", () => {
      const grid = [["=1+1"]];
      literalGrid(grid);
      expect(grid).toEqual([["=1+1"]]);
      expect(literalGrid([])).toEqual([]);
    });
  });
});
