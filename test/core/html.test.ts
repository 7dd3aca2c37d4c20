/** Tests of src/core/html: escaping user text for email bodies. */

import { escapeHtml } from "../../src/core/html";

describe("html", () => {
  describe("escapeHtml", () => {
    it("escapes the five characters that can end text or a quoted attribute", () => {
      expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      expect(escapeHtml(`"><img src=x onerror='alert(1)'>`)).toBe(
        "&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;",
      );
    });

    it("escapes an ampersand first, so an existing entity is shown as typed", () => {
      expect(escapeHtml("AT&T &amp; 上海")).toBe("AT&amp;T &amp;amp; 上海");
    });

    it("leaves other text, Chinese included, as it is", () => {
      expect(escapeHtml("上海某科技有限公司 · 已报价（9 折）")).toBe("上海某科技有限公司 · 已报价（9 折）");
      expect(escapeHtml("")).toBe("");
    });
  });
});
