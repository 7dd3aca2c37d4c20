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

/** Fills `{name}` placeholders of a message. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
