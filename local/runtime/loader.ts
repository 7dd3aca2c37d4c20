/** Loads a built Apps Script project (dist/) and runs its scripts in a fresh V8 context per execution, as Apps Script does. */

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import type { Realm } from "./kernel";

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

/**
 * Replaces the context's Date so that `new Date()` and `Date.now()` read the simulated clock, and returns the
 * context's own Date and Error constructors (values handed to the script must come from its realm).
 */
const SIMULATED_DATE = `(function (clock) {
  var RealDate = Date;
  function SimulatedDate() {
    if (!new.target) return new RealDate(clock()).toString();
    if (arguments.length === 0) return new RealDate(clock());
    return new (Function.prototype.bind.apply(RealDate, [null].concat(Array.prototype.slice.call(arguments))))();
  }
  SimulatedDate.prototype = RealDate.prototype;
  SimulatedDate.now = function () { return clock(); };
  SimulatedDate.UTC = RealDate.UTC;
  SimulatedDate.parse = RealDate.parse;
  globalThis.Date = SimulatedDate;
  return { Date: RealDate, Error: Error };
})`;

/** A fresh global scope with the given service globals, the simulated clock, and the project's scripts run in it. */
export interface Sandbox {
  context: vm.Context;
  realm: Realm;
  /** Runs top-level code of every script (what Apps Script does before calling the entry function). */
  loadScripts(): void;
  /** Compiles a function from source inside the sandbox, so it sees the script's globals (for template scriptlets). */
  compileFunction(source: string): (...args: unknown[]) => unknown;
}

export function createSandbox(project: Project, now: () => number): Sandbox {
  const context = vm.createContext({});
  const install = vm.runInContext(SIMULATED_DATE, context) as (clock: () => number) => Realm;
  const realm = install(now);
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
