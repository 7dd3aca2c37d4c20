/** The live runner's local folder (.probes-live/, git-ignored): the state that lets the next run reuse the scratch script and spreadsheet, its .clasp.json, and the files `clasp push` sends. */

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type LiveManifest, liveManifest } from "./live-manifest";
import { PROBE_SPREADSHEET, probeTopics, SUPPORT } from "./probe-runner";

export const WORKSPACE = ".probes-live";
const STATE_FILE = "state.json";
/** The clasp rootDir inside the workspace: nothing else in the workspace is ever pushed. */
export const PUSH_DIR = "push";
export const SETUP_FILE = "live-setup.js";
/** Public (no trailing "_"), so the Apps Script API can call it. */
export const SETUP_FUNCTION = "probesLiveSetup";

/** The scratch script and its spreadsheet, kept between runs. */
export interface LiveState {
  scriptId: string;
  spreadsheetId: string;
  /** The API-executable deployment `clasp run-function` needs (it runs the pushed code: devMode). */
  deploymentId?: string;
}

/**
 * The setup function the runner calls before the probes: it records the spreadsheet in the script properties (where
 * probes/support.js looks when the script runs through the Apps Script API, which has no active spreadsheet), gives
 * the spreadsheet the zone and locale runProbe gives its own, and deletes the scratch sheets an interrupted probe left.
 */
const SETUP_SOURCE = `// Written by \`npm run probes:live\` (local/probes/live-workspace.ts): not a probe, the runner's setup.

/** Prepares the scratch spreadsheet for the probes and returns its id. */
function ${SETUP_FUNCTION}(spreadsheetId) {
  const spreadsheet = SpreadsheetApp.openById(spreadsheetId);
  spreadsheet.setSpreadsheetTimeZone(${JSON.stringify(PROBE_SPREADSHEET.timeZone)});
  spreadsheet.setSpreadsheetLocale(${JSON.stringify(PROBE_SPREADSHEET.locale)});
  for (const sheet of spreadsheet.getSheets()) {
    if (/^probe [0-9a-f]{8}$/.test(sheet.getName()) && spreadsheet.getSheets().length > 1) spreadsheet.deleteSheet(sheet);
  }
  PropertiesService.getScriptProperties().setProperty("PROBE_SPREADSHEET_ID", spreadsheetId);
  return spreadsheet.getId();
}
`;

export function readState(workspace: string): LiveState | null {
  const file = path.join(workspace, STATE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as LiveState) : null;
}

export function writeState(workspace: string, state: LiveState): void {
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** .clasp.json, rewritten from the state each run (clasp create-script writes one too; the state is what counts). */
export function writeClaspProject(workspace: string, state: LiveState): void {
  const project = { scriptId: state.scriptId, rootDir: PUSH_DIR, parentId: [state.spreadsheetId] };
  writeFileSync(path.join(workspace, ".clasp.json"), `${JSON.stringify(project, null, 2)}\n`);
}

/** The probe files a live run pushes: the support file and every topic, or the topics asked for. */
export function probeFiles(probesDir: string, topics: readonly string[] = probeTopics(probesDir)): string[] {
  return [SUPPORT, ...topics.map((topic) => `${topic}.js`)];
}

/**
 * Empties push/ (clasp create-script pulls the new project's Code.js there) and writes exactly what is pushed: the
 * probe files, the setup file and the manifest. Returns the manifest.
 */
export function writePushFolder(workspace: string, probesDir: string, files: readonly string[]): LiveManifest {
  if (files.includes(SETUP_FILE)) throw new Error(`probes/${SETUP_FILE} would clash with the runner's setup file`);
  const dir = path.join(workspace, PUSH_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = files.map((name) => {
    const source = readFileSync(path.join(probesDir, name), "utf8");
    writeFileSync(path.join(dir, name), source);
    return source;
  });
  writeFileSync(path.join(dir, SETUP_FILE), SETUP_SOURCE);
  const manifest = liveManifest([...sources, SETUP_SOURCE]);
  writeFileSync(path.join(dir, "appsscript.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
