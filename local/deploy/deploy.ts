/** `npm run deploy`: reads what the checks need, asks Google whether the Apps Script API is on, and only when everything holds builds and pushes dist/ to the standalone script (and, when asked, makes a version for the Marketplace listing). */

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CommandRunner } from "../probes/clasp";
import { apiCheck, apiCheckPending, type Check, type FileFact, localChecks, reportLines } from "./prerequisites";

export interface DeployOptions {
  /** The project folder (package.json, .clasp.json, dist/). */
  root: string;
  /** clasp's credentials file (claspCredentialsFile). */
  credentialsFile: string;
  runner: CommandRunner;
  /** With a description: after the push, `clasp create-version` (the version number the Marketplace SDK asks for). */
  versionDescription?: string;
  print: (line: string) => void;
}

/** Runs the checks, then the deployment; resolves to the exit status (0: pushed; 1: something missing or failing). */
export async function runDeploy(options: DeployOptions): Promise<number> {
  const { root, runner, print } = options;
  const clasp = path.join(root, "node_modules", ".bin", "clasp");
  const { checks, scriptId } = localChecks({
    root,
    claspInstalled: existsSync(clasp),
    credentials: readFact(options.credentialsFile),
    project: readFact(path.join(root, ".clasp.json")),
  });
  const allHold = (list: readonly Check[]) => list.every((check) => check.ok === true);
  // Only a call to Google tells whether the API is on; it is made only when it can succeed otherwise.
  const api =
    allHold(checks) && scriptId
      ? apiCheck(await runner(clasp, ["list-deployments", "--json"], root), scriptId)
      : apiCheckPending();
  const all = [...checks, api];
  print("npm run deploy: what deploying the add-on needs");
  for (const line of reportLines(all)) print(line);
  if (!allHold(all)) {
    print(
      "Nothing was pushed. Fix what is MISSING and run `npm run deploy` again (docs/deploy.md explains each step).",
    );
    return 1;
  }

  print("Building dist/ …");
  if (!(await step(runner("npm", ["run", "build"], root), print, "npm run build"))) return 1;
  print(`Pushing dist/ to script ${scriptId} (clasp push -f replaces the whole remote project) …`);
  if (!(await step(runner(clasp, ["push", "-f"], root), print, "clasp push -f"))) return 1;
  const editor = `https://script.google.com/d/${scriptId}/edit`;
  if (options.versionDescription !== undefined) {
    const made = await runner(clasp, ["create-version", options.versionDescription, "--json"], root);
    const version = versionNumber(made.stdout);
    if (made.status !== 0 || version === undefined) {
      print(`clasp create-version failed: ${(made.stderr || made.stdout).trim()}`);
      return 1;
    }
    print(`Made version ${version}: enter it in the Marketplace SDK's App Configuration (docs/deploy.md, step 4).`);
  }
  print(`Pushed. Try it: ${editor} → Deploy → Test deployments → Editor add-on (docs/deploy.md, step 2).`);
  return 0;
}

function readFact(file: string): FileFact {
  return { path: file, text: existsSync(file) ? readFileSync(file, "utf8") : null };
}

/** Prints what a step printed; false when it failed. */
async function step(running: ReturnType<CommandRunner>, print: (line: string) => void, name: string): Promise<boolean> {
  const result = await running;
  const output = `${result.stdout}${result.stderr}`.trim();
  if (output) print(output);
  if (result.status === 0) return true;
  print(`${name} failed (exit status ${result.status}); nothing after it ran.`);
  return false;
}

/** The version number `clasp create-version --json` printed ({"versionNumber": 3}, commands/create-version.js). */
function versionNumber(stdout: string): number | undefined {
  const start = stdout.indexOf("{");
  if (start < 0) return undefined;
  try {
    const parsed = JSON.parse(stdout.slice(start)) as { versionNumber?: unknown };
    return typeof parsed.versionNumber === "number" ? parsed.versionNumber : undefined;
  } catch {
    return undefined;
  }
}
