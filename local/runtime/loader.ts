/** Loads a built Apps Script project (a clasp rootDir such as dist/) and runs its scripts through gas-local in a fresh V8 context per execution, as Apps Script does. */

import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import gasLocal from "gas-local";
import type { Realm } from "./kernel";
import { scriptDateArguments, scriptDatePrelude } from "./script-date";

/** An advanced service the manifest enables (developers.google.com/apps-script/manifest/dependencies). */
export interface EnabledAdvancedService {
  /** The global the scripts call it by, e.g. "Sheets". */
  userSymbol: string;
  /** The API's id in its discovery document, e.g. "sheets". */
  serviceId: string;
  version: string;
}

/** The parts of appsscript.json the runtime honours. */
export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: EnabledAdvancedService[] };
}

/**
 * A built project. gas-local reads and runs its scripts from `dir` at every execution (a rebuilt dist/ is what
 * the next execution runs); its HTML files and manifest, which gas-local does not handle, are read once here.
 */
export interface Project {
  /** The folder the scripts are loaded from: dist/, probes/, a fixture's folder. */
  dir: string;
  /** The script files gas-local runs, relative to `dir`, in push order (by name, as gas-local walks the folder). */
  scripts: readonly string[];
  /** The HTML files by name without ".html". */
  html: Map<string, string>;
  manifest: Manifest;
}

const SCRIPT_FILE = /\.(js|gs)$/;

/**
 * Reads dist/ (or any clasp rootDir): every .js/.gs file is a script, every .html file a template, appsscript.json
 * the manifest. A probe project picks some of the folder's scripts and brings its own manifest.
 */
export function readProject(
  dir: string,
  selection: { scripts?: readonly string[]; manifest?: Manifest } = {},
): Project {
  const root = path.resolve(dir);
  const files = readdirSync(root).sort();
  const scripts = selection.scripts ?? files.filter((f) => SCRIPT_FILE.test(f));
  const missing = scripts.filter((name) => !files.includes(name));
  if (missing.length > 0) throw new Error(`${root} has no ${missing.join(", ")}`);
  const html = new Map(
    files
      .filter((f) => f.endsWith(".html"))
      .map((f) => [f.slice(0, -".html".length), readFileSync(path.join(root, f), "utf8")] as const),
  );
  const manifest =
    selection.manifest ?? (JSON.parse(readFileSync(path.join(root, "appsscript.json"), "utf8")) as Manifest);
  return { dir: root, scripts: [...scripts].sort(), html, manifest };
}

/**
 * A project made of script sources (file name → code) and a manifest, for fixtures that pin platform behaviour.
 * gas-local reads a folder at every execution, so the folder must outlive the runtime: it is named by its content
 * in the project's dependency cache (node_modules/.cache, beside jest's; the system temp folder when there is no
 * node_modules here), so the same sources always give the same folder, written once and shared by every test
 * worker, and nothing is left in the system temp folder or to clean up per run.
 */
export function projectFromSources(sources: Record<string, string>, manifest: Manifest): Project {
  const files: [string, string][] = [...Object.entries(sources), ["appsscript.json", JSON.stringify(manifest)]];
  files.sort(([a], [b]) => (a < b ? -1 : 1));
  const hash = createHash("sha256").update(JSON.stringify(files)).digest("hex").slice(0, 32);
  const cache = existsSync("node_modules") ? path.resolve("node_modules", ".cache") : tmpdir();
  const dir = path.join(cache, "gas-local-projects", hash);
  if (!existsSync(dir)) {
    mkdirSync(path.dirname(dir), { recursive: true });
    const staging = mkdtempSync(`${dir}-`);
    for (const [name, text] of files) writeFileSync(path.join(staging, name), text);
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another worker wrote the same folder first: its files are these files.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(dir)) throw error;
    }
  }
  return readProject(dir);
}

/** A fresh global scope whose Date follows the simulated clock and the script's time zone, where the project's scripts run. */
export interface Sandbox {
  context: vm.Context;
  realm: Realm;
  /** Runs the top-level code of every script with these globals (what Apps Script does before calling the entry function). */
  loadScripts(globals: object): void;
  /** Compiles a function from source inside the sandbox, so it sees the script's globals (for template scriptlets). */
  compileFunction(source: string): (...args: unknown[]) => unknown;
}

export function createSandbox(project: Project, now: () => number, scriptTimeZone: string): Sandbox {
  // The context exists before gas-local runs: the scripts must find the realm's own Date already patched (a host
  // Date is not `instanceof Date` in there), and vm.createContext inside gas-local returns a context as it is.
  const context = vm.createContext({});
  const install = vm.runInContext(scriptDatePrelude(), context) as (...args: unknown[]) => Realm;
  const realm = install(...scriptDateArguments(now, scriptTimeZone));
  return {
    context,
    realm,
    loadScripts(globals) {
      Object.assign(context, globals);
      runScripts(project, context);
    },
    compileFunction(source) {
      return vm.runInContext(`(${source})`, context) as (...args: unknown[]) => unknown;
    },
  };
}

/**
 * gas-local runs the project's scripts in the context (its filter keeps the folder's other files out, e.g. other
 * probe topics). It walks, reads and compiles the folder at every call, unwrapped: V8's compilation cache makes
 * recompiling the same source cheap, and what remains (walking, reading and decoding the 187 KB bundle) measured
 * +0.5 ms CPU per execution (1.1 → 1.7 ms for onOpen on dist/), about 2 s over the test suite's ~4,000 executions.
 * Caching its reads would save that, but gas-local has no hook for it: it would mean patching node:fs around each call.
 */
function runScripts(project: Project, context: vm.Context): void {
  const wanted = new Set(project.scripts.map((name) => path.join(project.dir, name)));
  gasLocal.require(project.dir, context, { filter: (file) => wanted.has(path.normalize(file)) });
}
