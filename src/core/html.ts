/** Making user text safe for HTML email bodies: escaping, one-line text, and only http(s) links. */

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
