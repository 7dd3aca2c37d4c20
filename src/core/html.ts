/** HTML email bodies: escaping user text, one-line text, only http(s) links, and the shared inline styles. */

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` safe inside an HTML element or a quoted attribute value: & < > " ' replaced by entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** User text on one line: runs of whitespace (newlines too) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The link when it is an http(s) URL, else "" (never a javascript: or data: link in an email). */
export function safeLink(link: string): string {
  return /^https?:\/\/\S+$/i.test(link.trim()) ? link.trim() : "";
}

/** Inline styles of the add-on's emails (email clients ignore <style> blocks). */
export const EMAIL_STYLE = {
  body: "font-family:Arial,Helvetica,'PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.5;color:#202124",
  p: "margin:0 0 12px",
  h: "margin:20px 0 8px;font-size:15px",
  table: "border-collapse:collapse;width:100%",
  th: "text-align:left;padding:6px 8px;border-bottom:2px solid #dadce0;background:#f1f3f4;font-weight:bold",
  td: "padding:6px 8px;border-bottom:1px solid #e8eaed;vertical-align:top",
  a: "color:#1a73e8",
  footer: "margin:24px 0 0;font-size:12px;color:#5f6368",
} as const;

/** An email table of already-escaped cells, with a header row when `headers` are given. */
export function htmlTable(headers: readonly string[], rows: readonly string[][]): string {
  const head =
    headers.length > 0
      ? `<tr>${headers.map((h) => `<th style="${EMAIL_STYLE.th}">${escapeHtml(h)}</th>`).join("")}</tr>`
      : "";
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td style="${EMAIL_STYLE.td}">${c}</td>`).join("")}</tr>`);
  return `<table style="${EMAIL_STYLE.table}">${head}${body.join("")}</table>`;
}
