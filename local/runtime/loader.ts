/** Loads a built Apps Script project (dist/) and runs its scripts in a fresh V8 context per execution, as Apps Script does. */

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import type { Realm } from "./kernel";
import { scriptDateArguments, scriptDatePrelude } from "./script-date";

/** The parts of appsscript.json the runtime honours. */
export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
}

/** A built project: its scripts in push order, its HTML files by name (without ".html"), its manifest. */
export interface Project {
  scripts: { name: string; script: vm.Script }[];
  html: Map<string, string>;
  manifest: Manifest;
}

/** Reads dist/ (or any clasp rootDir): every .js/.gs file, every .html file and appsscript.json. */
export function readProject(dir: string): Project {
  const files = readdirSync(dir).sort();
  const scripts = files
    .filter((f) => /\.(js|gs)$/.test(f))
    .map((name) => ({
      name,
      script: new vm.Script(readFileSync(path.join(dir, name), "utf8"), { filename: path.join(dir, name) }),
    }));
  const html = new Map(
    files
      .filter((f) => f.endsWith(".html"))
      .map((f) => [f.slice(0, -".html".length), readFileSync(path.join(dir, f), "utf8")] as const),
  );
  const manifest = JSON.parse(readFileSync(path.join(dir, "appsscript.json"), "utf8")) as Manifest;
  return { scripts, html, manifest };
}

/** A fresh global scope whose Date follows the simulated clock and the script's time zone, where the project's scripts run. */
export interface Sandbox {
  context: vm.Context;
  realm: Realm;
  /** Runs top-level code of every script (what Apps Script does before calling the entry function). */
  loadScripts(): void;
  /** Compiles a function from source inside the sandbox, so it sees the script's globals (for template scriptlets). */
  compileFunction(source: string): (...args: unknown[]) => unknown;
}

export function createSandbox(project: Project, now: () => number, scriptTimeZone: string): Sandbox {
  const context = vm.createContext({});
  const install = vm.runInContext(scriptDatePrelude(), context) as (...args: unknown[]) => Realm;
  const realm = install(...scriptDateArguments(now, scriptTimeZone));
  return {
    context,
    realm,
    loadScripts() {
      for (const { script } of project.scripts) script.runInContext(context);
    },
    compileFunction(source) {
      return vm.runInContext(`(${source})`, context) as (...args: unknown[]) => unknown;
    },
  };
}
