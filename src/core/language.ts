/** The add-on's two languages and how one is chosen from a locale string. */

/** A language the add-on speaks. */
export type Language = "zh" | "en";

/**
 * The language for a locale as Apps Script reports it ("zh_CN", "zh-TW", "en_US", "en", "" …):
 * Chinese for any zh locale, English otherwise.
 */
export function languageFromLocale(locale: string | null | undefined): Language {
  return /^zh\b|^zh[_-]/i.test((locale ?? "").trim()) ? "zh" : "en";
}
