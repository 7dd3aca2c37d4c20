/** Tests of `npm run deploy` without the network: each missing prerequisite is named with its fix, Google's answers about the Apps Script API are read, and the build and push run only when everything holds. */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runDeploy } from "../../local/deploy/deploy";
import { CREATE_STANDALONE, USER_SETTINGS_URL } from "../../local/deploy/prerequisites";
import type { CommandResult, CommandRunner } from "../../local/probes/clasp";

const SCRIPT_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopq";
const LOGGED_IN = {
  tokens: { default: { type: "authorized_user", client_id: "c", client_secret: "s", refresh_token: "r" } },
};
const API_OFF =
  "User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.";

interface Call {
  program: string;
  args: readonly string[];
}

let root: string;
let home: string;
let calls: Call[];
let lines: string[];

beforeEach(() => {
  const base = mkdtempSync(path.join(tmpdir(), "deploy-"));
  root = path.join(base, "project");
  home = path.join(base, "home");
  mkdirSync(path.join(root, "node_modules", ".bin"), { recursive: true });
  mkdirSync(home);
  writeFileSync(path.join(root, "node_modules", ".bin", "clasp"), "");
  writeFileSync(path.join(home, ".clasprc.json"), JSON.stringify(LOGGED_IN));
  writeFileSync(path.join(root, ".clasp.json"), JSON.stringify({ scriptId: SCRIPT_ID, rootDir: "dist" }));
  calls = [];
  lines = [];
});

afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const ok = (stdout = ""): CommandResult => ({ status: 0, stdout, stderr: "" });
const failed = (stderr: string): CommandResult => ({ status: 1, stdout: "", stderr });

/** A fake clasp and npm (the project's own clasp recorded as "project clasp"): answers by the command's first argument (list-deployments, run, push, create-version). */
function runner(answers: Record<string, CommandResult> = {}): CommandRunner {
  return async (program, args) => {
    const projectClasp = path.join(root, "node_modules", ".bin", "clasp");
    calls.push({ program: program === projectClasp ? "project clasp" : program, args });
    return answers[args[0] ?? ""] ?? ok(args[0] === "list-deployments" ? "[]" : "");
  };
}

async function deploy(answers?: Record<string, CommandResult>, versionDescription?: string): Promise<number> {
  return runDeploy({
    root,
    credentialsFile: path.join(home, ".clasprc.json"),
    runner: runner(answers),
    versionDescription,
    print: (line) => lines.push(line),
  });
}

const output = () => lines.join("\n");
const missingLines = () => lines.filter((line) => line.trimStart().startsWith("MISSING"));
const writeProject = (config: unknown) => writeFileSync(path.join(root, ".clasp.json"), JSON.stringify(config));

describe("npm run deploy: missing prerequisites", () => {
  it("without the project's clasp, says to install the dependencies and asks Google nothing", async () => {
    rmSync(path.join(root, "node_modules", ".bin", "clasp"));
    expect(await deploy()).toBe(1);
    expect(missingLines()).toEqual([expect.stringContaining("node_modules/.bin/clasp is missing")]);
    expect(output()).toContain("fix: npm ci");
    expect(output()).toContain("Nothing was pushed");
    expect(calls).toEqual([]);
  });

  it("without ~/.clasprc.json, says to log in", async () => {
    rmSync(path.join(home, ".clasprc.json"));
    expect(await deploy()).toBe(1);
    expect(missingLines()).toEqual([expect.stringContaining(`${path.join(home, ".clasprc.json")} does not exist`)]);
    expect(output()).toContain("fix: npx clasp login");
    expect(calls).toEqual([]);
  });

  it("after `clasp logout` (the file stays, with no token), says to log in", async () => {
    writeFileSync(path.join(home, ".clasprc.json"), JSON.stringify({ tokens: {} }));
    expect(await deploy()).toBe(1);
    expect(missingLines()).toEqual([expect.stringContaining("holds no login")]);
    expect(output()).toContain("fix: npx clasp login");
  });

  it("takes a login in clasp 1's format, which clasp 3 still reads", async () => {
    writeFileSync(path.join(home, ".clasprc.json"), JSON.stringify({ access_token: "a", refresh_token: "r" }));
    expect(await deploy()).toBe(0);
    expect(missingLines()).toEqual([]);
  });

  it("without .clasp.json, gives the command that creates a standalone script pushing dist/", async () => {
    rmSync(path.join(root, ".clasp.json"));
    expect(await deploy()).toBe(1);
    expect(missingLines()).toEqual([expect.stringContaining(".clasp.json does not exist")]);
    expect(output()).toContain(`fix: ${CREATE_STANDALONE}`);
    expect(CREATE_STANDALONE).toBe(
      'npx clasp create-script --type standalone --title "Follow-up Tracker" --rootDir dist',
    );
  });

  it("with the committed template, says to remove it first (clasp will not create over it)", async () => {
    writeProject({ scriptId: "REPLACE_WITH_YOUR_SCRIPT_ID", rootDir: "dist" });
    expect(await deploy()).toBe(1);
    expect(missingLines()).toEqual([expect.stringContaining("still the template")]);
    expect(output()).toContain(`fix: rm .clasp.json && ${CREATE_STANDALONE}`);
  });

  it("with a parentId (a script made by `create-script --type sheets`), says it is bound and how to switch", async () => {
    writeProject({ scriptId: SCRIPT_ID, rootDir: "dist", parentId: "1SpreadsheetId" });
    expect(await deploy()).toBe(1);
    expect(missingLines()).toEqual([
      expect.stringContaining(`has a parentId (1SpreadsheetId): script ${SCRIPT_ID} is bound to that file`),
    ]);
    expect(output()).toContain(`for the add-on: rm .clasp.json && ${CREATE_STANDALONE}`);
    expect(output()).toContain("`npm run push` pushes to it");
    expect(calls).toEqual([]);
  });

  it("takes an empty parentId list as no parent", async () => {
    writeProject({ scriptId: SCRIPT_ID, rootDir: "dist", parentId: [] });
    expect(await deploy()).toBe(0);
  });

  it("when .clasp.json pushes another folder than dist/, says to set rootDir", async () => {
    writeProject({ scriptId: SCRIPT_ID, rootDir: "src" });
    expect(await deploy()).toBe(1);
    expect(missingLines()).toEqual([expect.stringContaining("pushes src, not dist/")]);
    expect(output()).toContain('fix: set "rootDir": "dist" in .clasp.json');
  });

  it("names every missing prerequisite at once, in order", async () => {
    rmSync(path.join(root, "node_modules", ".bin", "clasp"));
    rmSync(path.join(home, ".clasprc.json"));
    rmSync(path.join(root, ".clasp.json"));
    expect(await deploy()).toBe(1);
    expect(missingLines().map((line) => line.split(":")[0]?.trim())).toEqual([
      "MISSING  clasp is installed",
      "MISSING  clasp is logged in",
      "MISSING  .clasp.json names a standalone script that pushes dist/",
    ]);
    expect(output()).toContain("the Apps Script API is on for your account: not checked");
  });
});

describe("npm run deploy: the Apps Script API, asked of Google", () => {
  it("when Google says the API is off, gives the user-settings page and pushes nothing", async () => {
    expect(await deploy({ "list-deployments": failed(API_OFF) })).toBe(1);
    expect(missingLines()).toEqual([expect.stringContaining("the Apps Script API is off for your account")]);
    expect(output()).toContain(`open ${USER_SETTINGS_URL}, turn on "Google Apps Script API"`);
    expect(calls.map((call) => call.args[0])).toEqual(["list-deployments"]);
  });

  it("offline, says Google could not be reached rather than guessing", async () => {
    const offline = failed(
      "request to https://oauth2.googleapis.com/token failed, reason: getaddrinfo ENOTFOUND oauth2.googleapis.com",
    );
    expect(await deploy({ "list-deployments": offline })).toBe(1);
    expect(missingLines()).toEqual([expect.stringContaining("Google could not be reached, so this was not checked")]);
  });

  it("when the stored login was revoked, says to log in again", async () => {
    expect(await deploy({ "list-deployments": failed("invalid_grant") })).toBe(1);
    expect(output()).toContain("Google refused the stored login (invalid_grant)");
    expect(output()).toContain("fix: npx clasp login");
  });

  it("when the script does not exist for this account, says to check the id", async () => {
    expect(await deploy({ "list-deployments": failed("Requested entity was not found.") })).toBe(1);
    expect(output()).toContain(`Google knows no script ${SCRIPT_ID} that this account can open`);
  });

  it("calls the project's own clasp, never one found on PATH", async () => {
    await deploy();
    expect(calls[0]).toEqual({ program: "project clasp", args: ["list-deployments", "--json"] });
  });
});

describe("npm run deploy: when everything holds", () => {
  it("builds, then pushes with -f, and says where to make the test deployment", async () => {
    expect(await deploy()).toBe(0);
    expect(calls).toEqual([
      { program: "project clasp", args: ["list-deployments", "--json"] },
      { program: "npm", args: ["run", "build"] },
      { program: "project clasp", args: ["push", "-f"] },
    ]);
    expect(missingLines()).toEqual([]);
    expect(output()).toContain(`https://script.google.com/d/${SCRIPT_ID}/edit → Deploy → Test deployments`);
  });

  it("pushes nothing when the build fails", async () => {
    expect(await deploy({ run: { status: 1, stdout: "", stderr: "src/main.ts exports nothing" } })).toBe(1);
    expect(calls.map((call) => call.args[0])).toEqual(["list-deployments", "run"]);
    expect(output()).toContain("npm run build failed (exit status 1)");
  });

  it("with --version, makes a version after the push and names its number for the Marketplace SDK", async () => {
    const made = ok(JSON.stringify({ versionNumber: 4 }, null, 2));
    expect(await deploy({ "create-version": made }, "first listing")).toBe(0);
    expect(calls.at(-1)).toEqual({ program: "project clasp", args: ["create-version", "first listing", "--json"] });
    expect(output()).toContain("Made version 4");
  });
});

describe("docs/deploy.md", () => {
  it("gives a reason on the consent screen for every scope the manifest asks for", () => {
    const project = path.resolve(__dirname, "../..");
    const manifest = JSON.parse(readFileSync(path.join(project, "appsscript.json"), "utf8")) as {
      oauthScopes: string[];
    };
    const guide = readFileSync(path.join(project, "docs", "deploy.md"), "utf8");
    const documented = [...guide.matchAll(/^\| `(https:\/\/www\.googleapis\.com\/auth\/[^`]+)` +\| \S/gm)].map(
      (m) => m[1],
    );
    expect(manifest.oauthScopes.filter((scope) => !documented.includes(scope))).toEqual([]);
  });
});
