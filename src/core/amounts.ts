/** Money in the table: amounts as people type them (12万, 1.5w, ¥30,000, $12k), the currency the team counts in, and how money and shares are shown. */

import { cellText, toHalfWidth } from "./text";

/** What an amount cell holds: a number, nothing (blank), or something that is not an amount (reported, never guessed). */
export type AmountReading = number | null | "notAnAmount";

/** Currency marks a team writes before or after a number; they say nothing about the value. */
const CURRENCY = String.raw`(?:us\$|hk\$|nt\$|s\$|¥|￥|\$|€|£|rmb|cny|usd|eur|gbp|hkd|人民币|美元|元|块)`;
/** Words for "about" before a figure: an estimate is still the figure. */
const ABOUT = String.raw`(?:约|大约|大概|预计|~|≈|about|approx\.?|ca\.?)`;
/** Thousands separated by commas (30,000.50) or plain digits (1.5). */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
/** Scale words after a figure, longest first: 百万 before 万, mn before m. */
const SCALE = "(百万|万|亿|千|mn|m|w|k)";
const AMOUNT = new RegExp(String.raw`^${ABOUT}?\s*${CURRENCY}?\s*${NUMBER}\s*${SCALE}?\s*${CURRENCY}?$`, "i");

const SCALES: Readonly<Record<string, number>> = {
  百万: 1e6,
  万: 1e4,
  亿: 1e8,
  千: 1e3,
  mn: 1e6,
  m: 1e6,
  w: 1e4,
  k: 1e3,
};

/**
 * An amount cell as a number: a number as is; text such as "12万" (120000), "1.5w" (15000), "¥30,000", "$12k",
 * "30,000元", "USD 12,000", "约5万" read the same way. Blank is null. A negative number, a date, a checkbox, a range
 * ("10-20万") or words ("五万") are not an amount: the caller reports the cell.
 */
export function parseAmount(value: unknown): AmountReading {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : "notAnAmount";
  if (typeof value !== "string") return value === null || value === undefined ? null : "notAnAmount";
  const text = toHalfWidth(cellText(value)).replace(/\s+/g, " ");
  if (text === "") return null;
  const match = AMOUNT.exec(text);
  if (!match) return "notAnAmount";
  const figure = Number((match[1] as string).replace(/,/g, ""));
  const scale = match[2] === undefined ? 1 : (SCALES[match[2].toLowerCase()] as number);
  return Math.round(figure * scale * 100) / 100;
}

/** Settings' currency: "auto" (from the spreadsheet's locale) or the symbol money is shown with. */
export type CurrencySetting = string;

/** Words a team may put in the Settings currency cell, and the symbol each means. */
const CURRENCY_WORDS: ReadonlyMap<string, CurrencySetting> = new Map([
  ["auto", "auto"],
  ["自动", "auto"],
  ["¥", "¥"],
  ["￥", "¥"],
  ["元", "¥"],
  ["人民币", "¥"],
  ["rmb", "¥"],
  ["cny", "¥"],
  ["jpy", "¥"],
  ["$", "$"],
  ["us$", "$"],
  ["usd", "$"],
  ["美元", "$"],
  ["€", "€"],
  ["eur", "€"],
  ["£", "£"],
  ["gbp", "£"],
  ["hk$", "HK$"],
  ["hkd", "HK$"],
  ["nt$", "NT$"],
  ["twd", "NT$"],
  ["s$", "S$"],
  ["sgd", "S$"],
]);

/** The currency a Settings cell names (a symbol or a code such as CNY, USD; "auto"), or undefined when it names none. */
export function parseCurrency(value: unknown): CurrencySetting | undefined {
  return CURRENCY_WORDS.get(toHalfWidth(cellText(value)).toLowerCase());
}

/** The symbol money is shown with: the Settings choice, else the spreadsheet locale's (zh_CN ¥, en_GB £, en_US $ …). */
export function currencySymbol(setting: CurrencySetting, locale: string): string {
  if (setting !== "auto") return setting;
  const tag = locale.replace("-", "_").toLowerCase();
  if (tag === "zh_tw") return "NT$";
  if (tag === "zh_hk") return "HK$";
  if (tag.startsWith("zh") || tag.startsWith("ja")) return "¥";
  if (tag === "en_gb") return "£";
  return "$";
}

/** Money as text in whole units with thousands separators: "¥12,000", "$1,250". */
export function moneyText(amount: number, symbol: string): string {
  const whole = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${amount < 0 ? "-" : ""}${symbol}${whole}`;
}

/** The Sheets number format that shows money as `moneyText` does ("¥"#,##0). */
export function moneyFormat(symbol: string): string {
  return `"${symbol}"#,##0`;
}

/** The Sheets number format of a share: 0.3333 shows as 33%. */
export const PERCENT_FORMAT = "0%";

/** A share (0–1) as a whole percentage: 0.3333 → "33%". */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}
