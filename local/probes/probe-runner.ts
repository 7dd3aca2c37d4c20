/** Runs the probes (probes/*.js: plain Apps Script functions) in a fresh in-memory runtime each, as `npm run probes:live` runs them on Google. */

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import type { Project } from "../runtime/loader";
import { AppsScriptRuntime, type RuntimeOptions } from "../runtime/runtime";

export const PROBES_DIR = path.resolve(__dirname, "../../probes");
const SUPPORT = "support.js";

/** The probe files (topics) in probes/, without the shared support file. */
export function probeTopics(): string[] {
  return readdirSync(PROBES_DIR)
    .filter((name) => name.endsWith(".js") && name !== SUPPORT)
    .map((name) => name.slice(0, -".js".length))
    .sort();
}

/** The probe functions of a topic, in file order: every top-level `function probe_…()`. */
export function probeNames(topic: string): string[] {
  const source = readFileSync(path.join(PROBES_DIR, `${topic}.js`), "utf8");
  return [...source.matchAll(/^function (probe_\w+)\s*\(/gm)].map((match) => match[1] as string);
}

/** A script project made of the support file and one topic, as the live runner pushes them. */
export function probeProject(topic: string): Project {
  const scripts = [SUPPORT, `${topic}.js`].map((name) => {
    const filename = path.join(PROBES_DIR, name);
    return { name, script: new vm.Script(readFileSync(filename, "utf8"), { filename }) };
  });
  return { scripts, html: new Map(), manifest: { timeZone: "Asia/Shanghai", runtimeVersion: "V8" } };
}

/** What one probe gave: its JSON value (as the Apps Script API returns it), or the message it threw. */
export type ProbeOutcome = { value: unknown } | { error: string };

/** Runs one probe in a fresh runtime with an open spreadsheet (Asia/Shanghai, zh_CN unless said otherwise). */
export function runProbe(
  topic: string,
  name: string,
  options: Partial<RuntimeOptions> & { timeZone?: string; locale?: string } = {},
): ProbeOutcome {
  const { timeZone = "Asia/Shanghai", locale = "zh_CN", ...rest } = options;
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
