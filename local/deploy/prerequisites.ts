/** What `npm run deploy` needs before it pushes, decided from facts gathered elsewhere (files read, one clasp call's result): each check says what holds, or what is missing and the command or page that fixes it. */

import path from "node:path";
import type { CommandResult } from "../probes/clasp";

export const USER_SETTINGS_URL = "https://script.google.com/home/usersettings";
/** clasp's create-script with the options this project needs (a standalone script, pushing the built dist/). */
export const CREATE_STANDALONE = 'npx clasp create-script --type standalone --title "Follow-up Tracker" --rootDir dist';
/** The scriptId of the .clasp.json committed as a template. */
export const TEMPLATE_SCRIPT_ID = "REPLACE_WITH_YOUR_SCRIPT_ID";

/** A file the checks read: where it is, and its text (null when there is none). */
export interface FileFact {
  path: string;
  text: string | null;
}

/** What the local checks look at, all read before any is decided. */
export interface LocalFacts {
  /** The project's own clasp (node_modules/.bin/clasp, a devDependency). */
  claspInstalled: boolean;
  /** clasp's credentials file ($clasp_config_auth, else ~/.clasprc.json). */
  credentials: FileFact;
  /** The project's .clasp.json. */
  project: FileFact;
  /** The project folder (where .clasp.json and dist/ are). */
  root: string;
}

export type Check =
  | { ok: true; what: string; detail: string }
  | { ok: false; what: string; missing: string; fix: readonly string[] }
  /** Not decided: it needs what an earlier check found missing. */
  | { ok: null; what: string; detail: string };

const WHAT = {
  clasp: "clasp is installed",
  login: "clasp is logged in",
  project: ".clasp.json names a standalone script that pushes dist/",
  api: "the Apps Script API is on for your account",
} as const;

export function claspCheck(installed: boolean): Check {
  return installed
    ? { ok: true, what: WHAT.clasp, detail: "node_modules/.bin/clasp" }
    : { ok: false, what: WHAT.clasp, missing: "node_modules/.bin/clasp is missing", fix: ["npm ci"] };
}

/**
 * clasp 3 keeps one login per --user under `tokens` ({"tokens": {"default": {"type": "authorized_user", "refresh_token": …}}})
 * and still reads clasp 1's two older shapes for the default user (its auth/file_credential_store.js, load()).
 * `clasp logout` leaves the file with `"tokens": {}`.
 */
export function loginCheck(credentials: FileFact): Check {
  const login = {
    what: WHAT.login,
    fix: ["npx clasp login   (opens a browser once; stores the login in ~/.clasprc.json)"],
  };
  if (credentials.text === null) return { ...login, ok: false, missing: `${credentials.path} does not exist` };
  const store = parseObject(credentials.text);
  if (!store) return { ...login, ok: false, missing: `${credentials.path} is not JSON clasp can read` };
  const tokens = asObject(store.tokens);
  const current = asObject(tokens?.default);
  const legacyLocal = asObject(store.token) && asObject(store.oauth2ClientSettings);
  const legacyGlobal = typeof store.access_token === "string";
  const hasToken = current && (typeof current.refresh_token === "string" || typeof current.access_token === "string");
  if (hasToken || legacyLocal || legacyGlobal) return { ok: true, what: WHAT.login, detail: credentials.path };
  return { ...login, ok: false, missing: `${credentials.path} holds no login (after \`clasp logout\` it is empty)` };
}

/**
 * The project file clasp pushes with. clasp reads `srcDir`, else `rootDir` (core/clasp.js, initClaspInstance), and writes
 * `parentId` only when it created the script bound to a new document (`create-script --type sheets`, commands/create-script.js):
 * a parentId means the script is bound, and an editor add-on has to be a standalone script
 * (https://developers.google.com/workspace/add-ons/how-tos/building-editor-addons).
 */
export function projectCheck(project: FileFact, root: string): { check: Check; scriptId?: string } {
  const what = WHAT.project;
  const recreate = [`rm ${path.basename(project.path)} && ${CREATE_STANDALONE}`];
  if (project.text === null) {
    return { check: { ok: false, what, missing: `${project.path} does not exist`, fix: [CREATE_STANDALONE] } };
  }
  const config = parseObject(project.text);
  if (!config) return { check: { ok: false, what, missing: `${project.path} is not JSON`, fix: recreate } };
  const scriptId = typeof config.scriptId === "string" ? config.scriptId.trim() : "";
  if (scriptId === "" || scriptId === TEMPLATE_SCRIPT_ID) {
    const missing =
      scriptId === ""
        ? `${project.path} has no scriptId`
        : `${project.path} is still the template (scriptId ${TEMPLATE_SCRIPT_ID})`;
    // clasp refuses to create a project over an existing .clasp.json ("Project file already exists.").
    return { check: { ok: false, what, missing, fix: recreate } };
  }
  const parents = (Array.isArray(config.parentId) ? config.parentId : [config.parentId]).filter(
    (id): id is string => typeof id === "string" && id !== "",
  );
  if (parents.length > 0) {
    return {
      check: {
        ok: false,
        what,
        missing: `${project.path} has a parentId (${parents[0]}): script ${scriptId} is bound to that file, and an editor add-on must be a standalone script`,
        fix: [
          `for the add-on: ${recreate[0]}`,
          "for one team's sheet, the bound script is fine: `npm run push` pushes to it (README, A single team's sheet)",
        ],
      },
    };
  }
  const contentDir = [config.srcDir, config.rootDir].find(
    (dir): dir is string => typeof dir === "string" && dir !== "",
  );
  if (!contentDir || path.resolve(root, contentDir) !== path.resolve(root, "dist")) {
    return {
      check: {
        ok: false,
        what,
        missing: `${project.path} pushes ${contentDir ?? "the project folder"}, not dist/ (what \`npm run build\` writes)`,
        fix: [`set "rootDir": "dist" in ${path.basename(project.path)}`],
      },
      scriptId,
    };
  }
  return { check: { ok: true, what, detail: `script ${scriptId}, pushing dist/` }, scriptId };
}

/** The API check, before it can run: it needs clasp, a login and the script's id. */
export function apiCheckPending(): Check {
  return { ok: null, what: WHAT.api, detail: "not checked: it asks Google, which needs what is missing above" };
}

/**
 * Reads `clasp list-deployments --json`, the cheapest call that needs the Apps Script API. Google's refusal when the
 * API is off is "User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings
 * then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry."
 * (quoted in https://github.com/google/clasp/issues/256); clasp prints an API error's message on stderr and exits 1
 * (its index.js), and with --json prints the deployments as a JSON array on stdout (commands/list-deployments.js).
 */
export function apiCheck(result: CommandResult, scriptId: string): Check {
  const what = WHAT.api;
  if (result.status === 0 && printedJsonArray(result.stdout)) {
    return { ok: true, what, detail: `Google answered for script ${scriptId}` };
  }
  const said = (result.stderr.trim() || result.stdout.trim() || `clasp exited with status ${result.status}`).replace(
    /\s+/g,
    " ",
  );
  if (/has not enabled the Apps Script API/i.test(said)) {
    return {
      ok: false,
      what,
      missing: "Google says the Apps Script API is off for your account",
      fix: [
        `open ${USER_SETTINGS_URL}, turn on "Google Apps Script API", wait a few minutes, and run \`npm run deploy\` again`,
      ],
    };
  }
  if (/No credentials found|invalid_grant|invalid_rapt|unauthorized_client|invalid_client/i.test(said)) {
    return {
      ok: false,
      what,
      missing: `Google refused the stored login (${said})`,
      fix: ["npx clasp login   (the stored login expired or was revoked)"],
    };
  }
  if (/Requested entity was not found/i.test(said)) {
    return {
      ok: false,
      what,
      missing: `Google knows no script ${scriptId} that this account can open`,
      fix: [
        "check the scriptId in .clasp.json (Apps Script editor → Project Settings → IDs), or log in as its owner",
        `or make a new one: rm .clasp.json && ${CREATE_STANDALONE}`,
      ],
    };
  }
  if (/caller does not have permission|PERMISSION_DENIED/i.test(said)) {
    return {
      ok: false,
      what,
      missing: `this account may not edit script ${scriptId} (${said})`,
      fix: ["share the script with this account as an editor, or `npx clasp login` as its owner"],
    };
  }
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|network/i.test(said)) {
    return {
      ok: false,
      what,
      missing: `Google could not be reached, so this was not checked (${said})`,
      fix: ["check the network connection and run `npm run deploy` again"],
    };
  }
  return {
    ok: false,
    what,
    missing: `clasp list-deployments failed: ${said}`,
    fix: [`see ${USER_SETTINGS_URL} and \`npx clasp login\``],
  };
}

/** The checks that need no network, in order, and the script's id when .clasp.json gives one. */
export function localChecks(facts: LocalFacts): { checks: Check[]; scriptId?: string } {
  const project = projectCheck(facts.project, facts.root);
  return {
    checks: [claspCheck(facts.claspInstalled), loginCheck(facts.credentials), project.check],
    scriptId: project.scriptId,
  };
}

/** The report: one line per check, a fix under each missing one. */
export function reportLines(checks: readonly Check[]): string[] {
  const lines: string[] = [];
  for (const check of checks) {
    if (check.ok === true) lines.push(`  ok       ${check.what}: ${check.detail}`);
    else if (check.ok === null) lines.push(`  -        ${check.what}: ${check.detail}`);
    else {
      lines.push(`  MISSING  ${check.what}: ${check.missing}`);
      for (const fix of check.fix) lines.push(`           fix: ${fix}`);
    }
  }
  return lines;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Whether clasp printed a JSON array (the lines from the first that opens one). */
function printedJsonArray(stdout: string): boolean {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith("["));
  if (start < 0) return false;
  try {
    return Array.isArray(JSON.parse(lines.slice(start).join("\n")));
  } catch {
    return false;
  }
}
