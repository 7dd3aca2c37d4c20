/** Text normalisation for matching what people type: header cells and plain cell text (customer names and phones: ./customer-match). */

/** Full-width ASCII (Ａ–ｚ, ０–９, （）：／ …) and the ideographic space turned into their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** The text of a cell as `getValues()` returns it: strings trimmed, numbers and booleans as text, blanks as "". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/**
 * The text Sheets' `TRIM(value&"")` gives, which the sheet's formulas compare with: booleans as TRUE/FALSE, numbers
 * in their shortest form, and only the space character trimmed and collapsed (Sheets' TRIM leaves tabs, line breaks
 * and other spaces alone).
 */
export function sheetTrim(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}

/** Half-width, trimmed, inner whitespace collapsed to one space and lower-cased. */
function folded(text: string): string {
  return toHalfWidth(text).trim().replace(/\s+/g, " ").toLowerCase();
}

const REQUIRED_MARKER = /\s*(?:\((?:必填|选填|可选|required|optional)\)|\*+)\s*$/;
const HEADER_PUNCTUATION = /[\s\-_/()（）:：·.*＊]/g;

/** A header cell's text reduced for matching: "下次 跟进日期（必填）" and "下次跟进日期" give the same result. */
export function normalizeHeader(text: unknown): string {
  let result = folded(cellText(text));
  for (let before = ""; before !== result; ) {
    before = result;
    result = result.replace(REQUIRED_MARKER, "");
  }
  return result.replace(HEADER_PUNCTUATION, "");
}
