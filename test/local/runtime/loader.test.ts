/** Tests of the loader: gas-local loads the project's scripts at every execution, into a fresh scope holding the sandbox's Date and the services. */

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import gasLocal from "gas-local";
import { projectFromSources, readProject } from "../../../local/runtime/loader";
import { AppsScriptRuntime } from "../../../local/runtime/runtime";
import { DIST, FRIDAY_MORNING_SHANGHAI, runtimeOnDist, ZH_REP } from "../../helpers/runtime";

const MANIFEST = { timeZone: "Asia/Shanghai", runtimeVersion: "V8" };

function runtimeOn(project: ReturnType<typeof readProject>): AppsScriptRuntime {
  const runtime = new AppsScriptRuntime(project, { now: FRIDAY_MORNING_SHANGHAI, user: ZH_REP });
  runtime.createSpreadsheet({ timeZone: "Asia/Shanghai", locale: "zh_CN" });
  return runtime;
}

describe("loader", () => {
  afterEach(() => jest.restoreAllMocks());

  it("loads the built bundle through gas-local, with the runtime's services as its globals", () => {
    const gasRequire = jest.spyOn(gasLocal, "require");
    const runtime = runtimeOnDist();
    runtime.open();

    // onOpen ran from the scripts gas-local loaded: the add-on menu is there.
    expect(runtime.ui.menus.length).toBeGreaterThan(0);
    expect(gasRequire).toHaveBeenCalledTimes(1);
    const [folder, context, options] = gasRequire.mock.calls[0] ?? [];
    expect(folder).toBe(DIST);
    expect(context).toEqual(
      expect.objectContaining({
        SpreadsheetApp: expect.anything(),
        HtmlService: expect.anything(),
        onOpen: expect.any(Function),
      }),
    );
    // Its filter admits the scripts and leaves the HTML and the manifest to the runtime.
    expect(options?.filter?.(`${DIST}/Code.js`)).toBe(true);
    expect(options?.filter?.(`${DIST}/Help.html`)).toBe(false);
    expect(options?.filter?.(`${DIST}/appsscript.json`)).toBe(false);
  });

  it("gives every execution a fresh global scope, the scripts loaded anew into it", () => {
    const gasRequire = jest.spyOn(gasLocal, "require");
    const runtime = runtimeOn(
      projectFromSources(
        {
          "Code.js": `var loads = (typeof loads === "number" ? loads : 0) + 1;
            function count() { globalThis.calls = (globalThis.calls || 0) + 1; return [loads, globalThis.calls]; }`,
        },
        MANIFEST,
      ),
    );

    expect(runtime.run("count")).toEqual([1, 1]);
    expect(runtime.run("count")).toEqual([1, 1]);
    expect(gasRequire).toHaveBeenCalledTimes(2);
    expect(gasRequire.mock.calls[0]?.[1]).not.toBe(gasRequire.mock.calls[1]?.[1]);
  });

  it("runs the scripts' top-level code with the sandbox's Date and the services already there", () => {
    const runtime = runtimeOn(
      projectFromSources(
        {
          "Code.js": `var loadedAt = new Date();
            var services = [typeof SpreadsheetApp, typeof PropertiesService];
            function loaded() { return [loadedAt instanceof Date, loadedAt.getTime(), loadedAt.getHours(), services]; }`,
        },
        MANIFEST,
      ),
    );

    // 01:00 UTC on the simulated clock is 09:00 in the script's zone.
    expect(runtime.run("loaded")).toEqual([true, FRIDAY_MORNING_SHANGHAI, 9, ["object", "object"]]);
  });

  it("runs only the scripts the project names from its folder", () => {
    const { dir } = projectFromSources(
      { "a.js": "function fromA() { return 'a'; }", "b.js": "function fromB() { return 'b'; }" },
      MANIFEST,
    );
    const runtime = runtimeOn(readProject(dir, { scripts: ["a.js"], manifest: MANIFEST }));

    expect(runtime.run("fromA")).toBe("a");
    expect(() => runtime.run("fromB")).toThrow("Script function not found: fromB");
  });

  it("refuses a script its folder does not have", () => {
    const { dir } = projectFromSources({ "a.js": "" }, MANIFEST);
    expect(() => readProject(dir, { scripts: ["missing.js"] })).toThrow(`${dir} has no missing.js`);
  });

  it("runs a rebuilt script at the next execution, as gas-local reads the folder each time", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "loader-test-"));
    try {
      writeFileSync(path.join(dir, "appsscript.json"), JSON.stringify(MANIFEST));
      writeFileSync(path.join(dir, "Code.js"), "function version() { return 1; }");
      const runtime = runtimeOn(readProject(dir));
      expect(runtime.run("version")).toBe(1);
      writeFileSync(path.join(dir, "Code.js"), "function version() { return 2; }");
      expect(runtime.run("version")).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps a fixture's sources in one folder named by its content", () => {
    const first = projectFromSources({ "Code.js": "function same() {}" }, MANIFEST);
    const again = projectFromSources({ "Code.js": "function same() {}" }, MANIFEST);
    const other = projectFromSources({ "Code.js": "function other() {}" }, MANIFEST);

    expect(again.dir).toBe(first.dir);
    expect(other.dir).not.toBe(first.dir);
    expect(readdirSync(first.dir).sort()).toEqual(["Code.js", "appsscript.json"]);
    expect(first.manifest).toEqual(MANIFEST);
  });
});
