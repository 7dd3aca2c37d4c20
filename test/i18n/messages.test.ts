/** Tests of src/i18n: both languages define every key with real text. */

import { en, zh } from "../../src/i18n/messages";
import { translate } from "../../src/i18n/translate";

describe("messages", () => {
  it("English and Chinese have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it("no message is blank, and Chinese messages are written in Chinese", () => {
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim()).not.toBe("");
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(en[key as keyof typeof zh].trim()).not.toBe("");
    }
  });

  it("translate picks the language", () => {
    expect(translate("zh", "menu.help")).toBe("帮助");
    expect(translate("en", "menu.help")).toBe("Help");
  });
});
