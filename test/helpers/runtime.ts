/** Test helpers: a fresh in-memory Apps Script runtime over the built dist/ bundle, or over a small fixture project. */

import { existsSync } from "node:fs";
import path from "node:path";
import { projectFromSources, readProject } from "../../local/runtime/loader";
import { AppsScriptRuntime, type RuntimeOptions, type User } from "../../local/runtime/runtime";

export const DIST = path.resolve(__dirname, "../../dist");

/** 2026-11-27 09:00 in Shanghai (a Friday). */
export const FRIDAY_MORNING_SHANGHAI = Date.UTC(2026, 10, 27, 1, 0);

export const ZH_REP: User = { email: "li.lei@example.com", locale: "zh_CN" };
export const EN_REP: User = { email: "ann.lee@example.com", locale: "en" };

/** A runtime on the built bundle with one open spreadsheet; fails loudly when the build is missing. */
export function runtimeOnDist(
  options: Partial<RuntimeOptions> & { timeZone?: string; locale?: string } = {},
): AppsScriptRuntime {
  if (!existsSync(path.join(DIST, "Code.js"))) {
    throw new Error("dist/Code.js is missing: run `npm run build` (npm test does it first)");
  }
  const { timeZone = "Asia/Shanghai", locale = "zh_CN", ...rest } = options;
  const runtime = new AppsScriptRuntime(readProject(DIST), {
    now: FRIDAY_MORNING_SHANGHAI,
    user: ZH_REP,
    scriptTimeZone: "Europe/Berlin",
    ...rest,
  });
  runtime.createSpreadsheet({ name: "销售跟进表", timeZone, locale });
  return runtime;
}

/** A runtime on a throw-away project made of the given script source (for pinning platform behaviour). */
export function runtimeOnSource(
  source: string,
  options: Partial<RuntimeOptions> = {},
  oauthScopes: string[] = readProject(DIST).manifest.oauthScopes ?? [],
): AppsScriptRuntime {
  const project = projectFromSources(
    { "Code.js": source },
    { timeZone: "Asia/Shanghai", runtimeVersion: "V8", oauthScopes },
  );
  const runtime = new AppsScriptRuntime(project, { now: FRIDAY_MORNING_SHANGHAI, user: ZH_REP, ...options });
  runtime.createSpreadsheet({ name: "fixture", timeZone: "Asia/Shanghai", locale: "zh_CN" });
  return runtime;
}
