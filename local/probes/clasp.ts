/** clasp 3 as the live runner calls it: every command with --json and --project set to the workspace (so no other .clasp.json, e.g. the add-on's own, is ever used), a runner that spawns it, and the reading of its JSON output. */

import { spawn } from "node:child_process";
import path from "node:path";
import { PUSH_DIR } from "./live-workspace";

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program with arguments in a folder: spawnRunner, or a fake in tests. */
export type CommandRunner = (program: string, args: readonly string[], cwd: string) => Promise<CommandResult>;

/** Spawns programs looked up on PATH, then in `fallbackBin` (the project's node_modules/.bin, which `npm run` puts first anyway). */
export function spawnRunner(fallbackBin: string, env: NodeJS.ProcessEnv = process.env): CommandRunner {
  const PATH = [env.PATH, fallbackBin].filter(Boolean).join(path.delimiter);
  return (program, args, cwd) =>
    new Promise((resolve, reject) => {
      const child = spawn(program, args, { cwd, env: { ...env, PATH }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
      });
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}

/** Where clasp keeps its credentials: $clasp_config_auth (its --auth option), else ~/.clasprc.json (clasp's auth/auth.js initAuth). */
export function claspCredentialsFile(env: NodeJS.ProcessEnv, home: string): string {
  return env.clasp_config_auth ?? path.join(home, ".clasprc.json");
}

/** A clasp command that printed no JSON: clasp or the API refused, and said why on stderr. */
export class ClaspError extends Error {}

/** What a function run through the Apps Script API gave: its JSON result, or what it threw (ExecutionError). */
export type GoogleOutcome = { value: unknown } | { error: string; type?: string };

/** The output of `clasp run-function --json` (clasp's commands/run-function.js). */
interface RunOutput {
  response?: unknown;
  error?: { message?: string; details?: { errorMessage?: string; errorType?: string }[] };
}

export class Clasp {
  constructor(
    private readonly runner: CommandRunner,
    private readonly workspace: string,
    private readonly user?: string,
  ) {}

  /** `show-authorized-user`: whether credentials are stored, and whose OAuth client they came from. */
  async authorizedUser(): Promise<{ loggedIn: boolean; clientType?: string }> {
    return (await this.json(["show-authorized-user"])) as { loggedIn: boolean; clientType?: string };
  }

  /** `create-script --type sheets`: a new spreadsheet and a script bound to it; clasp pulls its files into push/. */
  async createSheetsScript(title: string): Promise<{ scriptId: string; spreadsheetId: string }> {
    const created = (await this.json([
      "create-script",
      "--type",
      "sheets",
      "--title",
      title,
      "--rootDir",
      PUSH_DIR,
    ])) as {
      scriptId?: string;
      parentId?: string;
    };
    if (!created.scriptId || !created.parentId) {
      throw new ClaspError(`clasp create-script gave no script or spreadsheet id: ${JSON.stringify(created)}`);
    }
    return { scriptId: created.scriptId, spreadsheetId: created.parentId };
  }

  /** `push --force`: replaces the script's files with push/ (--force: the manifest changes without a prompt). */
  async push(): Promise<string[]> {
    return (await this.json(["push", "--force"])) as string[];
  }

  /** `create-deployment`: a version deployed with the manifest's executionApi entry point; returns its id. */
  async createDeployment(description: string): Promise<string> {
    const deployment = (await this.json(["create-deployment", "--description", description])) as {
      deploymentId?: string;
    };
    if (!deployment.deploymentId)
      throw new ClaspError(`clasp create-deployment gave no id: ${JSON.stringify(deployment)}`);
    return deployment.deploymentId;
  }

  /**
   * `run-function`: calls the function through the Apps Script API in devMode (the pushed code, run by its owner).
   * A script that throws is an outcome; a call the API refuses (not deployed, wrong project, scopes) is a ClaspError.
   */
  async runFunction(name: string, params: readonly unknown[] = []): Promise<GoogleOutcome> {
    const args = ["run-function", name, ...(params.length > 0 ? ["--params", JSON.stringify(params)] : [])];
    const output = (await this.json(args)) as RunOutput;
    if (output.error) {
      const detail = output.error.details?.[0];
      const error = detail?.errorMessage ?? output.error.message ?? "the script failed without a message";
      return detail?.errorType ? { error, type: detail.errorType } : { error };
    }
    // A function that returns nothing has no `response`; runProbe gives null too.
    return { value: output.response ?? null };
  }

  /**
   * Runs clasp and reads the JSON it printed. clasp reports refusals on stderr, sometimes with exit status 0
   * (index.js sets no exit code for commander's errors), so the JSON on stdout is what says it worked.
   */
  private async json(args: readonly string[]): Promise<unknown> {
    const global = ["--json", "--project", this.workspace, ...(this.user ? ["--user", this.user] : [])];
    const result = await this.runner("clasp", [...global, ...args], this.workspace);
    const parsed = parseJson(result.stdout);
    if (parsed === undefined) {
      const said = (result.stderr.trim() || result.stdout.trim() || `exit status ${result.status}`).replace(
        /\s+/g,
        " ",
      );
      throw new ClaspError(`clasp ${args[0]}: ${said}`);
    }
    return parsed;
  }
}

/** The JSON document clasp printed (the last lines of stdout, from the first line opening an object or array). */
function parseJson(stdout: string): unknown {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith("{") || line.startsWith("["));
  if (start < 0) return undefined;
  try {
    return JSON.parse(lines.slice(start).join("\n"));
  } catch {
    return undefined;
  }
}
