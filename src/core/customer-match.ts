/** SPEC's customer key and phone matching, the one place they are decided, and the warnings (查重 duplicate, 撞单 collision, owner change) shown before saving. */

import type { Warning } from "./sidebar-api";
import { toHalfWidth } from "./text";

/** A part of a name in brackets — a region, 集团, a branch: "某科技（集团）", "某科技(上海)有限公司", "Acme [Asia]". */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g;
/** Chinese, Japanese and Korean ideographs: a space beside one separates nothing ("上海 某科技" is "上海某科技"). */
const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}]) | (?=[${CJK}])`, "g");
/** Legal-form words at the end of a name (repeatedly: "Acme Co., Ltd.", "某集团股份有限公司"). */
const CHINESE_LEGAL_FORM = /(?:股份有限公司|有限责任公司|有限公司|股份公司|公司|集团)$/;
const LATIN_LEGAL_FORM = new RegExp(
  `(?:^| |(?<=[${CJK}]))(?:co|company|corp|corporation|inc|incorporated|llc|llp|ltd|limited|group|plc|gmbh|pte|pty)$`,
);

/** Lower-case words: apostrophes dropped ("McDonald's" = "McDonalds"), other punctuation and symbols as one space. */
function words(text: string): string {
  return text
    .replace(/['’]/g, "")
    .replace(/[\p{P}\p{S}\s]+/gu, " ")
    .trim();
}

/** `text` without its bracketed parts (nested ones too). */
function withoutBrackets(text: string): string {
  let result = text;
  for (let before = ""; before !== result; ) {
    before = result;
    result = result.replace(BRACKETED, " ");
  }
  return result;
}

/**
 * SPEC's customer key: full-width folded, case and punctuation ignored, a part in brackets ignored, spaces beside CJK
 * characters ignored, legal-form words at the end ignored (有限公司, 股份有限公司, 有限责任公司, 公司, 集团, Co., Company,
 * Corp., Corporation, Inc., LLC, Ltd., Limited, Group, PLC, GmbH …). "上海 某科技（集团）有限公司" → "上海某科技";
 * "Globex Corporation" and "GLOBEX" → "globex". A name made only of such words keeps them, so it is never empty.
 */
export function customerKey(name: string): string {
  const folded = toHalfWidth(name).toLowerCase();
  let key = words(withoutBrackets(folded));
  for (let before = ""; before !== key; ) {
    before = key;
    key = key.replace(CHINESE_LEGAL_FORM, "").replace(LATIN_LEGAL_FORM, "").trim();
  }
  const joined = key.replace(SPACE_BY_CJK, "");
  return joined !== "" ? joined : words(folded).replace(SPACE_BY_CJK, "") || folded.trim();
}

/**
 * A run of text that looks like one phone number: a digit (or "+" or "(") first, a digit last, only digits, spaces,
 * dashes, dots and brackets between; not part of a word or an email address ("13800138000@qq.com" is no phone).
 */
const PHONE_RUN = /(?<![\w@.+])\+?[\d(][\d ().-]*\d(?![\w@])/g;
/** A label that makes the number after it an account, not a phone: "QQ 12345678", "微信：13800138000". */
const ACCOUNT_LABEL = /(?:qq|微信|wechat|weixin|wx|vx)\s*[:：]?\s*$/i;
const CHINA_MOBILE = /^1[3-9]\d{9}$/;

/** A phone number in a contact cell: as typed, and the number to dial (digits, with "+" before a country code). */
export interface PhoneNumber {
  typed: string;
  dial: string;
}

/** The first phone number in `text` (7–15 digits), or null when it holds none (an email, a WeChat id, "分机 123"). */
export function phoneNumberOf(text: string): PhoneNumber | null {
  const half = toHalfWidth(text);
  for (const match of half.matchAll(PHONE_RUN)) {
    // Brackets as typed: "张三(13800138000)" is 13800138000, "(+86) 138 0013 8000" keeps its "(".
    const run = match[0];
    const opened = run.includes("(") || half[match.index - 1] !== "(" ? run : `(${run}`;
    const typed = opened.startsWith("(") && !opened.includes(")") ? opened.slice(1) : opened;
    const digits = typed.replace(/\D/g, "");
    if (digits.length < 7 || digits.length > 15) continue;
    if (ACCOUNT_LABEL.test(half.slice(0, match.index))) continue;
    const international = /^\(?\+/.test(typed) || digits.startsWith("00");
    return { typed, dial: international ? `+${digits.replace(/^00/, "")}` : digits };
  }
  return null;
}

/**
 * A phone number as the digits it compares by (SPEC: phones compare by digits only): "+86 138-0013-8000",
 * "0086 13800138000" and "13800138000" are one number; China's country code is dropped (a landline after +86 gets its
 * trunk 0 back: "+86 10 8888 6666" is "010-8888 6666"); "" when the text holds no phone number.
 */
export function phoneDigits(text: string): string {
  const phone = phoneNumberOf(text);
  if (!phone) return "";
  const digits = phone.dial.replace(/^\+/, "");
  if (phone.dial.startsWith("+86")) {
    const national = digits.slice(2);
    return CHINA_MOBILE.test(national) || national.startsWith("0") ? national : `0${national}`;
  }
  return /^86(1[3-9]\d{9})$/.test(digits) ? digits.slice(2) : digits;
}

/** An existing customer as the warnings compare it: its name, its owner, and its phone digits (phoneDigits). */
export interface KnownCustomer {
  name: string;
  owner: string;
  phone: string;
}

/** A customer summary as the warnings compare it. */
export function knownCustomer(summary: { name: string; owner: string; contactInfo: string }): KnownCustomer {
  return { name: summary.name, owner: summary.owner, phone: phoneDigits(summary.contactInfo) };
}

/**
 * The warnings for logging a follow-up of `customer` (with `contactInfo`, owned by `owner`) by `userName`, given the
 * known customers in name order:
 * - the exact name of an existing customer: 撞单 when another rep owns it, and an owner-change warning when
 *   the follow-up names a different owner than the customer's (ownership never changes silently);
 * - otherwise a name whose customer key, or contact whose phone digits, match an existing customer: 查重,
 *   naming that customer and its owner (and the same collision/owner checks against it).
 */
export function warningsFor(
  input: { customer: string; contactInfo: string; owner: string },
  customers: readonly KnownCustomer[],
  userName: string,
): Warning[] {
  const name = input.customer.trim();
  if (name === "") return [];
  const key = customerKey(name);
  const phone = phoneDigits(input.contactInfo);
  const exact = customers.find((c) => c.name.trim() === name);
  const byName = exact ? undefined : customers.find((c) => customerKey(c.name) === key);
  const byPhone = exact || byName || phone === "" ? undefined : customers.find((c) => c.phone === phone);
  const warnings: Warning[] = [];
  if (byName) warnings.push({ kind: "duplicate", existing: byName.name, owner: byName.owner, by: "name" });
  if (byPhone) warnings.push({ kind: "duplicate", existing: byPhone.name, owner: byPhone.owner, by: "phone" });
  const existing = exact ?? byName ?? byPhone;
  if (existing && existing.owner !== "") {
    if (existing.owner !== userName)
      warnings.push({ kind: "collision", customer: existing.name, owner: existing.owner });
    const owner = input.owner.trim();
    if (owner !== "" && owner !== existing.owner) {
      warnings.push({ kind: "ownerChange", customer: existing.name, from: existing.owner, to: owner });
    }
  }
  return warnings;
}
