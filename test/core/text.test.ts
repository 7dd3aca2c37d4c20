/** Tests of src/core/text: header matching, customer keys and phone digits as users type them. */

import { cellText, customerKey, normalizeHeader, phoneDigits, toHalfWidth } from "../../src/core/text";

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

  describe("customerKey", () => {
    it.each([
      ["Acme Co., Ltd.", "acme"],
      ["ACME, Inc.", "acme"],
      ["Acme Co.,Ltd", "acme"],
      ["acme", "acme"],
      ["Globex LLC", "globex"],
      ["Initech Corp.", "initech"],
      ["上海某科技有限公司", "上海某科技"],
      ["上海某科技", "上海某科技"],
      ["北京某贸易有限责任公司", "北京某贸易"],
      ["深圳某电子股份有限公司", "深圳某电子"],
      ["华东某集团有限公司", "华东某"],
      ["  上海某科技  有限公司 ", "上海某科技"],
      ["ＡＣＭＥ　Ｔｒａｄｉｎｇ", "acme trading"],
      ["Acme   Trading  Co.", "acme trading"],
    ])("%j → %j", (name, key) => {
      expect(customerKey(name)).toBe(key);
    });

    it("keeps a suffix that is part of a word", () => {
      expect(customerKey("Tesco")).toBe("tesco");
      expect(customerKey("Microcorp")).toBe("microcorp");
    });

    it("never empties a name made only of a suffix", () => {
      expect(customerKey("有限公司")).toBe("有限公司");
      expect(customerKey("Co., Ltd.")).toBe("co., ltd.");
    });
  });

  describe("phoneDigits", () => {
    it.each([
      ["+86 138-0013-8000", "13800138000"],
      ["13800138000", "13800138000"],
      ["0086 13800138000", "13800138000"],
      ["86-138 0013 8000", "13800138000"],
      ["１３８００１３８０００", "13800138000"],
      ["(021) 6234-5678", "02162345678"],
      ["+1 415 555 0100", "14155550100"],
    ])("%j → %j", (text, digits) => {
      expect(phoneDigits(text)).toBe(digits);
    });

    it("keeps a country code that is not before a mobile number", () => {
      expect(phoneDigits("+86 10 8888 6666")).toBe("861088886666");
    });

    it("returns '' for text that is no phone number", () => {
      expect(phoneDigits("微信 zhang_san")).toBe("");
      expect(phoneDigits("分机 123")).toBe("");
    });
  });
});
