/** Runs the probes (probes/*.js: plain Apps Script functions) in a fresh in-memory runtime each, as `npm run probes:live` runs them on Google. */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Manifest, type Project, readProject } from "../runtime/loader";
import { AppsScriptRuntime, type RuntimeOptions } from "../runtime/runtime";

export const SUPPORT = "support.js";

/** probes/: found from wherever this code runs (local/probes/ in tests, .local-build/ when scripts/local.mjs bundles it). */
export const PROBES_DIR = probesFolder(__dirname);

function probesFolder(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "probes", SUPPORT))) return path.join(dir, "probes");
    if (path.dirname(dir) === dir) throw new Error(`no probes/${SUPPORT} above ${from}`);
  }
}

/** The manifest every probe runs under, here and on Google (the live runner adds what the Apps Script API needs). */
export const PROBE_MANIFEST = { timeZone: "Asia/Shanghai", runtimeVersion: "V8" } satisfies Manifest;

/** The scratch spreadsheet's settings, here and on Google (the live runner's setup gives them to its spreadsheet). */
export const PROBE_SPREADSHEET = { timeZone: "Asia/Shanghai", locale: "zh_CN" };

/** The probe files (topics) in probes/, without the shared support file. */
export function probeTopics(dir: string = PROBES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".js") && name !== SUPPORT)
    .map((name) => name.slice(0, -".js".length))
    .sort();
}

/** The probe functions of a topic, in file order: every top-level `function probe_…()`. */
export function probeNames(topic: string, dir: string = PROBES_DIR): string[] {
  const source = readFileSync(path.join(dir, `${topic}.js`), "utf8");
  return [...source.matchAll(/^function (probe_\w+)\s*\(/gm)].map((match) => match[1] as string);
}

/** A script project made of the support file and one topic, as the live runner pushes them. */
export function probeProject(topic: string): Project {
  return readProject(PROBES_DIR, { scripts: [SUPPORT, `${topic}.js`], manifest: PROBE_MANIFEST });
}

/** What one probe gave: its JSON value (as the Apps Script API returns it), or the message it threw. */
export type ProbeOutcome = { value: unknown } | { error: string };

/** Runs one probe in a fresh runtime with an open spreadsheet (Asia/Shanghai, zh_CN unless said otherwise). */
export function runProbe(
  topic: string,
  name: string,
  options: Partial<RuntimeOptions> & { timeZone?: string; locale?: string } = {},
): ProbeOutcome {
  const { timeZone = PROBE_SPREADSHEET.timeZone, locale = PROBE_SPREADSHEET.locale, ...rest } = options;
  const runtime = new AppsScriptRuntime(probeProject(topic), {
    now: Date.UTC(2026, 10, 27, 1, 0),
    user: { email: "probe@example.com", locale },
    ...rest,
  });
  runtime.createSpreadsheet({ name: "probes", timeZone, locale });
  try {
    // The Apps Script API returns a function's result as JSON; a Date becomes its ISO text.
    return { value: JSON.parse(JSON.stringify(runtime.run(name) ?? null)) };
  } catch (error) {
    return {
      error: error instanceof Error ? error.message : String((error as { message?: unknown }).message ?? error),
    };
  }
}
