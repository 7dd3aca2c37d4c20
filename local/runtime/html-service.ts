/** The emulated HtmlService: HtmlOutput, HtmlTemplate and the project's HTML files. */

import { enumOf } from "./enums";
import { compileTemplate, escapeHtml, TemplateOutput, TemplateSyntaxError } from "./html-template";
import type { Kernel } from "./kernel";
import { scriptSignatureError } from "./signature";

/** The project's HTML files by name without ".html" (e.g. "Help" for dist/Help.html). */
export type ProjectFiles = ReadonlyMap<string, string>;

/**
 * Compiles a function expression ("function (a, b) {...}") in the script's global scope, so scriptlets can
 * call the script's own functions; the runtime compiles it in the sandbox (Sandbox.compileFunction).
 */
export type CompileFunction = (functionSource: string) => (...args: unknown[]) => unknown;

/** For unit tests: compiles in the host's global scope. */
export const compileInHost: CompileFunction = (source) =>
  new Function(`return (${source});`)() as (...args: unknown[]) => unknown;

export const SandboxMode = enumOf(["EMULATED", "IFRAME", "NATIVE"]);
export const XFrameOptionsMode = enumOf(["ALLOWALL", "DEFAULT"]);

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** What an HtmlOutput holds; read by the Ui without counting calls. */
export interface HtmlOutputSnapshot {
  content: string;
  title: string;
  /** null until setWidth/setHeight is called [UNCONFIRMED what getWidth() returns then]. */
  width: number | null;
  height: number | null;
  sandboxMode: string;
  xFrameOptionsMode: string;
  faviconUrl: string | null;
  metaTags: { name: string; content: string }[];
}

const snapshots = new WeakMap<object, HtmlOutputSnapshot>();

/** The state of an HtmlOutput made by this service, or null for anything else. */
export function readHtmlOutput(value: unknown): HtmlOutputSnapshot | null {
  if (typeof value !== "object" || value === null) return null;
  const state = snapshots.get(value);
  return state ? { ...state, metaTags: [...state.metaTags] } : null;
}

type EmulatedHtmlOutput = Pick<
  HtmlOutput,
  | "getContent"
  | "setContent"
  | "append"
  | "appendUntrusted"
  | "clear"
  | "getTitle"
  | "setTitle"
  | "getWidth"
  | "setWidth"
  | "getHeight"
  | "setHeight"
  | "setSandboxMode"
  | "setXFrameOptionsMode"
  | "addMetaTag"
  | "getFaviconUrl"
  | "setFaviconUrl"
>;

/** developers.google.com/apps-script/reference/html/html-output */
class FakeHtmlOutput implements EmulatedHtmlOutput {
  private readonly state: HtmlOutputSnapshot;

  constructor(
    private readonly kernel: Kernel,
    content: string,
  ) {
    this.state = {
      content,
      title: "",
      width: null,
      height: null,
      sandboxMode: SandboxMode.IFRAME,
      xFrameOptionsMode: XFrameOptionsMode.DEFAULT,
      faviconUrl: null,
      metaTags: [],
    };
    snapshots.set(this, this.state);
  }

  /** Counts the call and checks each argument; returns the output for chaining. */
  private call(method: string, args: readonly unknown[], valid: (boolean | undefined)[] = []): HtmlOutput {
    this.kernel.call("Html", `HtmlOutput.${method}`);
    if (valid.some((ok) => !ok)) throw scriptSignatureError(this.kernel, `HtmlOutput.${method}`, args);
    return this as unknown as HtmlOutput;
  }

  getContent(): string {
    this.call("getContent", []);
    return this.state.content;
  }
  setContent(content: string): HtmlOutput {
    const self = this.call("setContent", [content], [typeof content === "string"]);
    this.state.content = content;
    return self;
  }
  append(addedContent: string): HtmlOutput {
    const self = this.call("append", [addedContent], [typeof addedContent === "string"]);
    this.state.content += addedContent;
    return self;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    const self = this.call("appendUntrusted", [addedContent], [typeof addedContent === "string"]);
    this.state.content += escapeHtml(addedContent);
    return self;
  }
  clear(): HtmlOutput {
    const self = this.call("clear", []);
    this.state.content = "";
    return self;
  }
  getTitle(): string {
    this.call("getTitle", []);
    return this.state.title;
  }
  setTitle(title: string): HtmlOutput {
    const self = this.call("setTitle", [title], [typeof title === "string"]);
    this.state.title = title;
    return self;
  }
  getWidth(): number {
    this.call("getWidth", []);
    return this.state.width as number;
  }
  setWidth(width: number): HtmlOutput {
    const self = this.call("setWidth", [width], [Number.isInteger(width)]);
    this.state.width = width;
    return self;
  }
  getHeight(): number {
    this.call("getHeight", []);
    return this.state.height as number;
  }
  setHeight(height: number): HtmlOutput {
    const self = this.call("setHeight", [height], [Number.isInteger(height)]);
    this.state.height = height;
    return self;
  }
  /** Every mode now behaves as IFRAME (reference/html/sandbox-mode); the value is recorded. */
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    const self = this.call("setSandboxMode", [mode], [Object.hasOwn(SandboxMode, mode as unknown as string)]);
    this.state.sandboxMode = mode as unknown as string;
    return self;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    const name = mode as unknown as string;
    const self = this.call("setXFrameOptionsMode", [mode], [Object.hasOwn(XFrameOptionsMode, name)]);
    this.state.xFrameOptionsMode = name;
    return self;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    const args = [name, content];
    const self = this.call("addMetaTag", args, [typeof name === "string", typeof content === "string"]);
    this.state.metaTags.push({ name, content });
    return self;
  }
  getFaviconUrl(): string {
    this.call("getFaviconUrl", []);
    return this.state.faviconUrl as string;
  }
  setFaviconUrl(iconUrl: string): HtmlOutput {
    const self = this.call("setFaviconUrl", [iconUrl], [typeof iconUrl === "string"]);
    this.state.faviconUrl = iconUrl;
    return self;
  }
}

type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

/**
 * developers.google.com/apps-script/reference/html/html-template: any property set on the template is a
 * variable of its scriptlets. The emulation's own members are hidden in closures so that they are not.
 */
function createTemplate(kernel: Kernel, html: string, compile: CompileFunction): HtmlTemplate {
  let compiled: ReturnType<typeof compileTemplate> | null = null;
  const code = () => {
    if (!compiled) {
      try {
        compiled = compileTemplate(html);
      } catch (error) {
        if (error instanceof TemplateSyntaxError) throw kernel.exception(error.message);
        throw error;
      }
    }
    return compiled;
  };
  const template: HtmlTemplate = Object.create({
    evaluate(this: HtmlTemplate): HtmlOutput {
      kernel.call("Html", "HtmlTemplate.evaluate");
      const run = compile(code().source);
      const output = new TemplateOutput();
      run({ ...this }, output);
      return new FakeHtmlOutput(kernel, output.content()) as unknown as HtmlOutput;
    },
    getCode(): string {
      kernel.call("Html", "HtmlTemplate.getCode");
      return code().source;
    },
    getCodeWithComments(): string {
      kernel.call("Html", "HtmlTemplate.getCodeWithComments");
      return code().commented;
    },
    getRawContent(): string {
      kernel.call("Html", "HtmlTemplate.getRawContent");
      return html;
    },
  });
  return template;
}

type EmulatedHtmlService = Pick<
  GoogleAppsScript.HTML.HtmlService,
  | "SandboxMode"
  | "XFrameOptionsMode"
  | "createHtmlOutput"
  | "createHtmlOutputFromFile"
  | "createTemplate"
  | "createTemplateFromFile"
>;

/** The HtmlService global (developers.google.com/apps-script/reference/html/html-service). */
export function createHtmlService(
  kernel: Kernel,
  files: ProjectFiles,
  compile: CompileFunction = compileInHost,
): EmulatedHtmlService {
  const file = (method: string, name: unknown): string => {
    if (typeof name !== "string") throw scriptSignatureError(kernel, `HtmlService.${method}`, [name]);
    const content = files.get(name.replace(/\.html$/, ""));
    if (content === undefined) throw kernel.exception(`No HTML file named ${name} was found.`);
    return content;
  };
  const html = (method: string, value: unknown): string => {
    if (typeof value !== "string") throw scriptSignatureError(kernel, `HtmlService.${method}`, [value]);
    return value;
  };
  return {
    SandboxMode: SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode,
    XFrameOptionsMode: XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode,
    createHtmlOutput(content?: unknown): HtmlOutput {
      kernel.call("Html", "HtmlService.createHtmlOutput", { needsAuth: true });
      const text = content === undefined ? "" : html("createHtmlOutput", content);
      return new FakeHtmlOutput(kernel, text) as unknown as HtmlOutput;
    },
    /** The file as is: its scriptlets are not evaluated. */
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      kernel.call("Html", "HtmlService.createHtmlOutputFromFile", { needsAuth: true });
      return new FakeHtmlOutput(kernel, file("createHtmlOutputFromFile", filename)) as unknown as HtmlOutput;
    },
    createTemplate(content: unknown): HtmlTemplate {
      kernel.call("Html", "HtmlService.createTemplate", { needsAuth: true });
      return createTemplate(kernel, html("createTemplate", content), compile);
    },
    createTemplateFromFile(filename: string): HtmlTemplate {
      kernel.call("Html", "HtmlService.createTemplateFromFile", { needsAuth: true });
      return createTemplate(kernel, file("createTemplateFromFile", filename), compile);
    },
  } as EmulatedHtmlService;
}
