/** Looks up a message in the chosen language. */

import type { Language } from "../core/language";
import { en, type MessageKey, zh } from "./messages";

const catalogues: Record<Language, Record<MessageKey, string>> = { zh, en };

/** The text of `key` in `language`. */
export function translate(language: Language, key: MessageKey): string {
  return catalogues[language][key];
}

/** A translator bound to one language. */
export function translator(language: Language): (key: MessageKey) => string {
  return (key) => translate(language, key);
}
