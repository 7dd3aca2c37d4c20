/** Tests of src/core/language: which language a locale gets. */

import { languageFromLocale } from "../../src/core/language";

describe("language", () => {
  describe("languageFromLocale", () => {
    it.each([
      ["zh_CN", "zh"],
      ["zh-CN", "zh"],
      ["zh_TW", "zh"],
      ["zh", "zh"],
      ["ZH_cn", "zh"],
      ["en_US", "en"],
      ["en", "en"],
      ["fr_FR", "en"],
      ["zu", "en"],
      ["", "en"],
    ])("%s → %s", (locale, language) => {
      expect(languageFromLocale(locale)).toBe(language);
    });

    it("falls back to English when the locale is unknown", () => {
      expect(languageFromLocale(undefined)).toBe("en");
      expect(languageFromLocale(null)).toBe("en");
    });
  });
});
