/** Tests of template compilation: scriptlet kinds, contextual escaping and the output collector. */

import { compileTemplate, escapeHtml, TemplateOutput } from "../../../local/runtime/html-template";

function render(html: string, data: Record<string, unknown>): string {
  const run = new Function(`return (${compileTemplate(html).source});`)() as (d: unknown, o: TemplateOutput) => void;
  const output = new TemplateOutput();
  run(data, output);
  return output.content();
}

describe("html-template", () => {
  describe("escapeHtml", () => {
    it("escapes & < > \" and '", () => {
      expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
      );
    });
  });

  describe("compileTemplate", () => {
    it("escapes printed values in attributes", () => {
      expect(render('<html lang="<?= lang ?>">', { lang: '"><script>' })).toBe(
        '<html lang="&quot;&gt;&lt;script&gt;">',
      );
    });

    it("ignores a trailing semicolon in a printing scriptlet", () => {
      expect(render("<?= n + 1; ?>", { n: 1 })).toBe("2");
    });

    it("returns to HTML escaping after </script>", () => {
      expect(render("<script><?= s ?></script><?= s ?>", { s: "<" })).toBe('<script>"\\u003c"</script>&lt;');
    });

    it("refuses an empty printing scriptlet", () => {
      expect(() => compileTemplate("<?= ?>")).toThrow("Empty printing scriptlet.");
    });
  });
});
