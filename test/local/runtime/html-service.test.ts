/** Tests of the emulated HtmlService: outputs, project files, templates and scriptlets run in the script's global scope. */

import vm from "node:vm";
import { createHtmlService, readHtmlOutput } from "../../../local/runtime/html-service";
import { Kernel } from "../../../local/runtime/kernel";
import { errorOf } from "./fixtures/execution";

const FILES = new Map([
  ["Help", "<h1><?= title ?></h1>"],
  ["Style", "<style>h1{color:red}</style>"],
]);

function setup(compile?: Parameters<typeof createHtmlService>[2]) {
  const kernel = new Kernel({ now: Date.UTC(2024, 4, 6), scriptTimeZone: "UTC" });
  return { kernel, html: createHtmlService(kernel, FILES, compile) };
}

describe("html-service", () => {
  describe("createHtmlOutput", () => {
    it("holds content that setContent, append, appendUntrusted and clear change", () => {
      const { html } = setup();
      const output = html.createHtmlOutput("<p>a</p>");
      output.append("<b>b</b>").appendUntrusted("<i>c & 'd'</i>");
      expect(output.getContent()).toBe("<p>a</p><b>b</b>&lt;i&gt;c &amp; &#39;d&#39;&lt;/i&gt;");
      expect(output.setContent("x").getContent()).toBe("x");
      expect(output.clear().getContent()).toBe("");
      expect(html.createHtmlOutput().getContent()).toBe("");
    });

    it("keeps title, size, modes, meta tags and favicon", () => {
      const { html } = setup();
      const output = html
        .createHtmlOutput("x")
        .setTitle("Help")
        .setWidth(400)
        .setHeight(250)
        .setSandboxMode(html.SandboxMode.IFRAME)
        .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
        .addMetaTag("viewport", "width=device-width")
        .setFaviconUrl("https://example.com/icon.png");
      expect([output.getTitle(), output.getWidth(), output.getHeight(), output.getFaviconUrl()]).toEqual([
        "Help",
        400,
        250,
        "https://example.com/icon.png",
      ]);
      expect(readHtmlOutput(output)).toMatchObject({
        sandboxMode: "IFRAME",
        xFrameOptionsMode: "ALLOWALL",
        metaTags: [{ name: "viewport", content: "width=device-width" }],
      });
    });

    it("throws the signature error for a bad enum value or a non-integer size", () => {
      const { html } = setup();
      const output = html.createHtmlOutput("x");
      expect(errorOf(() => output.setSandboxMode("SAFE" as never))).toBe(
        "The parameters (String) don't match the method signature for HtmlOutput.setSandboxMode.",
      );
      expect(errorOf(() => output.setWidth(1.5))).toBe(
        "The parameters (number) don't match the method signature for HtmlOutput.setWidth.",
      );
    });
  });

  describe("createHtmlOutputFromFile", () => {
    it("returns the file as is, by name with or without .html", () => {
      const { html } = setup();
      expect(html.createHtmlOutputFromFile("Style").getContent()).toBe("<style>h1{color:red}</style>");
      expect(html.createHtmlOutputFromFile("Help.html").getContent()).toBe("<h1><?= title ?></h1>");
    });

    it("throws 'No HTML file named X was found.' for a missing file", () => {
      const { html } = setup();
      expect(errorOf(() => html.createHtmlOutputFromFile("Sidebar"))).toBe("No HTML file named Sidebar was found.");
      expect(errorOf(() => html.createTemplateFromFile("Sidebar"))).toBe("No HTML file named Sidebar was found.");
    });
  });

  describe("createTemplateFromFile", () => {
    it("evaluates the file with the template's properties as variables", () => {
      const { html } = setup();
      const template = html.createTemplateFromFile("Help");
      template.title = "跟进 & Help";
      expect(template.evaluate().getContent()).toBe("<h1>跟进 &amp; Help</h1>");
      expect(template.getRawContent()).toBe("<h1><?= title ?></h1>");
    });
  });

  describe("createTemplate", () => {
    it("escapes printing scriptlets and leaves force-printing ones raw", () => {
      const { html } = setup();
      expect(html.createTemplate('<p><?= "<script>" ?></p>').evaluate().getContent()).toBe("<p>&lt;script&gt;</p>");
      expect(html.createTemplate('<p><?!= "<b>bold</b>" ?></p>').evaluate().getContent()).toBe("<p><b>bold</b></p>");
    });

    it("runs code scriptlets", () => {
      const { html } = setup();
      const template = html.createTemplate(
        "<ol><? for (var i = 0; i < steps.length; i++) { ?><li><?= steps[i] ?></li><? } ?></ol>",
      );
      template.steps = ["Set up", "Log"];
      expect(template.evaluate().getContent()).toBe("<ol><li>Set up</li><li>Log</li></ol>");
    });

    it("prints a JavaScript literal inside a <script> element", () => {
      const { html } = setup();
      const template = html.createTemplate("<script>var data = <?= data ?>;</script><p><?= data.name ?></p>");
      template.data = { name: "</script>" };
      expect(template.evaluate().getContent()).toBe(
        '<script>var data = {"name":"\\u003c/script\\u003e"};</script><p>&lt;/script&gt;</p>',
      );
    });

    it("runs scriptlets in the script's global scope given by the compile hook", () => {
      const context = vm.createContext({});
      vm.runInContext("function include(name) { return '<style>' + name + '</style>'; }", context);
      const { html } = setup((source) => vm.runInContext(`(${source})`, context));
      expect(html.createTemplate('<head><?!= include("Style") ?></head>').evaluate().getContent()).toBe(
        "<head><style>Style</style></head>",
      );
    });

    it("exposes the generated code", () => {
      const { html } = setup();
      const template = html.createTemplate("<p><?= x ?></p>");
      expect(template.getCode()).toContain("__out.print((x), false);");
      expect(template.getCodeWithComments()).toContain("// <?= x ?>");
    });

    it("throws for an unterminated scriptlet", () => {
      const { html } = setup();
      expect(errorOf(() => html.createTemplate("<p><?= x </p>").evaluate())).toBe(
        "Unterminated scriptlet at character 3.",
      );
    });

    it("throws the signature error for a non-string", () => {
      const { html } = setup();
      expect(errorOf(() => html.createTemplate(5 as never))).toBe(
        "The parameters (number) don't match the method signature for HtmlService.createTemplate.",
      );
    });
  });
});
