/** HtmlService templates: compiles scriptlets (<? ?>, <?= ?>, <?!= ?>) into a function run in the script's global scope, with contextual escaping. */

/**
 * A compiled template. `source` is a function expression `function (data, out) {...}`: it runs the template's
 * code with the template's properties as variables (a `with` block, as Apps Script exposes them) and writes
 * to `out` (a TemplateOutput). `commented` is the same code with each piece of the template as a comment.
 */
export interface CompiledTemplate {
  source: string;
  commented: string;
}

/** Thrown for a template that cannot be parsed; the service rethrows it as an Apps Script exception. */
export class TemplateSyntaxError extends Error {}

const SCRIPT_TAG = /<(\/?)script\b[^>]*>/gi;

/**
 * Parses the template. Static text is printed as is; `<? code ?>` runs; `<?= expr ?>` prints the value escaped
 * for where it lands (developers.google.com/apps-script/guides/html/templates#contextual_escaping): inside a
 * <script> element as a JavaScript literal, elsewhere (text and attributes) HTML-escaped. URL contexts
 * (href="<?= ?>") are only HTML-escaped here, not URL-filtered as Apps Script does [UNCONFIRMED details].
 * `<?!= expr ?>` prints the value unescaped.
 */
export function compileTemplate(html: string): CompiledTemplate {
  const lines: string[] = [];
  const commented: string[] = [];
  const emit = (piece: string, code: string) => {
    lines.push(code);
    commented.push(`// ${piece.replace(/\s*\n\s*/g, " ")}`, code);
  };
  let inScript = false;
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf("<?", index);
    const textEnd = open < 0 ? html.length : open;
    if (textEnd > index) {
      const text = html.slice(index, textEnd);
      emit(text, `__out.text(${JSON.stringify(text)});`);
      for (const tag of text.matchAll(SCRIPT_TAG)) inScript = tag[1] !== "/";
    }
    if (open < 0) break;
    const close = html.indexOf("?>", open + 2);
    if (close < 0) throw new TemplateSyntaxError(`Unterminated scriptlet at character ${open}.`); // [UNCONFIRMED] text
    const scriptlet = html.slice(open, close + 2);
    const inner = html.slice(open + 2, close);
    if (inner.startsWith("!=")) {
      emit(scriptlet, `__out.raw((${expression(inner.slice(2))}));`);
    } else if (inner.startsWith("=")) {
      emit(scriptlet, `__out.print((${expression(inner.slice(1))}), ${inScript});`);
    } else {
      emit(scriptlet, `${inner}\n`);
    }
    index = close + 2;
  }
  const wrap = (body: string[]) => `function (__data, __out) {\nwith (__data) {\n${body.join("\n")}\n}\n}`;
  return { source: wrap(lines), commented: wrap(commented) };
}

function expression(code: string): string {
  const trimmed = code.trim().replace(/;+$/, "");
  if (trimmed === "") throw new TemplateSyntaxError("Empty printing scriptlet."); // [UNCONFIRMED] text
  return trimmed;
}

/** Collects what a template prints. */
export class TemplateOutput {
  private readonly chunks: string[] = [];

  text(value: string): void {
    this.chunks.push(value);
  }

  /** `<?= ?>`: escaped for its context. */
  print(value: unknown, inScript: boolean): void {
    this.chunks.push(inScript ? scriptLiteral(value) : escapeHtml(String(value)));
  }

  /** `<?!= ?>`: as is. */
  raw(value: unknown): void {
    this.chunks.push(String(value));
  }

  content(): string {
    return this.chunks.join("");
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A value as a JavaScript literal safe inside <script> (no "</script>", no "<!--"). */
function scriptLiteral(value: unknown): string {
  const json = JSON.stringify(value) ?? "undefined";
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
