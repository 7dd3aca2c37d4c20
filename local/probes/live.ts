/** `npm run probes:live`: pushes the probes to a scratch script bound to a scratch spreadsheet, runs each on Google through clasp and in the runtime, and reports where they disagree. */

import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { Clasp, ClaspError, type CommandRunner } from "./clasp";
import { createdGuide, refusalGuide, setupGuide } from "./live-guide";
import { reportLines, type Verdict, verdict } from "./live-report";
import {
  type LiveState,
  probeFiles,
  readState,
  SETUP_FUNCTION,
  WORKSPACE,
  writeClaspProject,
  writePushFolder,
  writeState,
} from "./live-workspace";
import { type ProbeOutcome, probeNames, probeTopics } from "./probe-runner";

export const SCRIPT_TITLE = "Follow-up Tracker probes";

export interface LiveOptions {
  /** The project folder: the workspace (.probes-live/) goes there. */
  root: string;
  probesDir: string;
  /** The topics to run (default: every probes/<topic>.js). */
  topics?: readonly string[];
  /** clasp's --user: which of its stored logins to use. */
  user?: string;
  /** clasp's credentials file; without it nothing is attempted. */
  credentialsFile: string;
  runner: CommandRunner;
  /** Runs a probe in the runtime (runProbe). */
  runLocal: (topic: string, name: string) => ProbeOutcome;
  /** The report: setup advice, the disagreements, the counts (stdout). */
  print: (line: string) => void;
  /** What it is doing (stderr). */
  progress: (line: string) => void;
}

/** Runs the live comparison; resolves to the exit status (0: nothing to set up or all agree; 1: a difference or a refusal). */
export async function runLiveProbes(options: LiveOptions): Promise<number> {
  const { print, progress, user } = options;
  const topics = options.topics ?? probeTopics(options.probesDir);
  const workspace = path.join(options.root, WORKSPACE);
  // Written before any clasp call: the manifest's scopes are what the login must cover.
  const files = probeFiles(options.probesDir, topics);
  const { oauthScopes } = writePushFolder(workspace, options.probesDir, files);
  const clasp = new Clasp(options.runner, workspace, user);

  const missing = await missingLogin(options.credentialsFile, clasp);
  if (missing) {
    for (const line of setupGuide(missing, oauthScopes, user)) print(line);
    return 0;
  }

  let state = readState(workspace);
  try {
    if (!state) {
      progress(`probes:live: creating the scratch spreadsheet and script "${SCRIPT_TITLE}"…`);
      // clasp refuses to create over a .clasp.json, and one left without its state names a script we no longer know.
      rmSync(path.join(workspace, ".clasp.json"), { force: true });
      state = await clasp.createSheetsScript(SCRIPT_TITLE);
      writeState(workspace, state);
      for (const line of createdGuide(state)) print(line);
      // create-script pulled the new project's own files into push/.
      writePushFolder(workspace, options.probesDir, files);
    }
    writeClaspProject(workspace, state);
    progress(`probes:live: pushing ${files.length} probe files…`);
    await clasp.push();
    if (!state.deploymentId) {
      progress("probes:live: deploying the script as an API executable…");
      state = { ...state, deploymentId: await clasp.createDeployment("probes:live (API executable)") };
      writeState(workspace, state);
    }
    await setUp(clasp, state);
  } catch (error) {
    if (!(error instanceof ClaspError)) throw error;
    for (const line of refusalGuide(error.message, state, oauthScopes, user)) print(line);
    return 1;
  }

  const verdicts: Verdict[] = [];
  for (const topic of topics) {
    for (const name of probeNames(topic, options.probesDir)) {
      progress(`probes:live: ${name}`);
      verdicts.push(await judge(clasp, { topic, name }, options.runLocal));
    }
  }
  for (const line of reportLines(verdicts)) print(line);
  return verdicts.every((v) => v.kind === "agree") ? 0 : 1;
}

/** Why clasp cannot run scripts for us, or null when it can. */
async function missingLogin(credentialsFile: string, clasp: Clasp): Promise<string | null> {
  if (!existsSync(credentialsFile)) return `clasp has no credentials (no ${credentialsFile})`;
  const login = await clasp.authorizedUser();
  if (!login.loggedIn) return "clasp is not logged in";
  // clasp's own OAuth client cannot call scripts.run: the client must belong to the script's Cloud project.
  if (login.clientType === "google-provided") return "clasp is logged in with its own OAuth client, not yours";
  return null;
}

/** Runs the setup function; a refusal or an unexpected answer stops the run before any probe. */
async function setUp(clasp: Clasp, state: LiveState): Promise<void> {
  const outcome = await clasp.runFunction(SETUP_FUNCTION, [state.spreadsheetId]);
  if (!("value" in outcome) || outcome.value !== state.spreadsheetId) {
    const said = "value" in outcome ? `returned ${JSON.stringify(outcome.value)}` : `threw ${outcome.error}`;
    throw new ClaspError(`${SETUP_FUNCTION} ${said}`);
  }
}

async function judge(
  clasp: Clasp,
  probe: { topic: string; name: string },
  runLocal: LiveOptions["runLocal"],
): Promise<Verdict> {
  try {
    const google = await clasp.runFunction(probe.name);
    return verdict(probe, google, runLocal(probe.topic, probe.name));
  } catch (error) {
    if (!(error instanceof ClaspError)) throw error;
    return { ...probe, kind: "failed", reason: error.message };
  }
}
