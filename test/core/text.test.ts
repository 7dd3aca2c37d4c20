/** Tests of src/core/text: header matching and cell text as users type them (customer keys and phones: customer-match). */

import { cellText, normalizeHeader, toHalfWidth } from "../../src/core/text";

describe("text", () => {
  describe("toHalfWidth", () => {
    it("turns full-width letters, digits, punctuation and the ideographic space into half-width", () => {
      expect(toHalfWidth("ＡＢＣ１２３（必填）：／\u3000x")).toBe("ABC123(必填):/ x");
    });
  });

  describe("cellText", () => {
    it("gives trimmed text for strings, numbers and booleans and '' for blanks", () => {
      expect(cellText("  张三 ")).toBe("张三");
      expect(cellText(42)).toBe("42");
      expect(cellText(true)).toBe("true");
      expect(cellText(null)).toBe("");
      expect(cellText(undefined)).toBe("");
    });
  });

  describe("normalizeHeader", () => {
    it.each([
      ["下次跟进日期", " 下次 跟进日期 "],
      ["下次跟进日期", "下次跟进日期（必填）"],
      ["下次跟进日期", "下次跟进日期*"],
      ["客户名称", "客户名称："],
      ["Follow-up date", "follow up date"],
      ["Follow-up date", "FOLLOW_UP DATE (required)"],
      ["Phone / email / WeChat", "phone/email/wechat"],
      ["Customer", "ＣＵＳＴＯＭＥＲ"],
      ["客户·名称", "客户名称"],
    ])("%j matches %j", (a, b) => {
      expect(normalizeHeader(a)).toBe(normalizeHeader(b));
    });

    it("keeps different headers apart", () => {
      expect(normalizeHeader("跟进日期")).not.toBe(normalizeHeader("下次跟进日期"));
      expect(normalizeHeader("Next step")).not.toBe(normalizeHeader("Next steps"));
    });

    it("reads non-text cells as their text and blanks as ''", () => {
      expect(normalizeHeader(2024)).toBe("2024");
      expect(normalizeHeader(null)).toBe("");
      expect(normalizeHeader("   ")).toBe("");
    });
  });
});
