/** Tests of `npm run probes:live` up to the network: the setup advice without a login, the files and manifest pushed, the clasp commands and their order, the reading of clasp's output, the comparison and the report. */

import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type CommandRunner, spawnRunner } from "../../local/probes/clasp";
import { runLiveProbes, SCRIPT_TITLE } from "../../local/probes/live";
import { scopesFor } from "../../local/probes/live-manifest";
import { agree, googleErrorMessage } from "../../local/probes/live-report";
import { type LiveState, PUSH_DIR, SETUP_FUNCTION, WORKSPACE } from "../../local/probes/live-workspace";
import { PROBES_DIR, type ProbeOutcome } from "../../local/probes/probe-runner";
import { readProject } from "../../local/runtime/loader";
import { AppsScriptRuntime } from "../../local/runtime/runtime";

const ALPHA = `// Fixture topic.
function probe_alpha_one() { return { a: 1 }; }
function probe_alpha_two() { throw new Error("boom"); }
/** The scratch spreadsheet's name, through support.js. */
function probe_alpha_spreadsheetName() { return probeSpreadsheet_().getName(); }
`;
const BETA = "function probe_beta_fetch() { return probeError_(() => UrlFetchApp.fetch('nope')); }\n";
const PROBE_ORDER = ["probe_alpha_one", "probe_alpha_two", "probe_alpha_spreadsheetName", "probe_beta_fetch"];
const SPREADSHEETS = "https://www.googleapis.com/auth/spreadsheets";
const EXTERNAL_REQUEST = "https://www.googleapis.com/auth/script.external_request";

/** What the fake clasp answers for run-function: the script's result, what it threw, or a refusal on stderr. */
type RunAnswer = { response: unknown } | { thrown: string; type?: string } | { refused: string };

interface Call {
  args: string[];
  cwd: string;
}

let root: string;
let probesDir: string;
let workspace: string;
let credentialsFile: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "probes-live-"));
  probesDir = path.join(root, "probes");
  workspace = path.join(root, WORKSPACE);
  mkdirSync(probesDir);
  copyFileSync(path.join(PROBES_DIR, "support.js"), path.join(probesDir, "support.js"));
  writeFileSync(path.join(probesDir, "alpha.js"), ALPHA);
  writeFileSync(path.join(probesDir, "beta.js"), BETA);
  credentialsFile = path.join(root, ".clasprc.json");
  writeFileSync(credentialsFile, "{}");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** An in-memory clasp 3.4.1: answers as its --json output does, and does what create-script does on disk. */
function fakeClasp(answers: Record<string, RunAnswer> = {}, login = { loggedIn: true, clientType: "user-provided" }) {
  const calls: Call[] = [];
  /** push/ as each `clasp push` found it: file name → content. */
  const pushes: Record<string, string>[] = [];
  const json = (value: unknown) => ({ status: 0, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: "" });
  const runner: CommandRunner = async (program, args, cwd) => {
    expect(program).toBe("clasp");
    calls.push({ args: [...args], cwd });
    const command = args
      .slice(args.indexOf("--project") + 2)
      .filter((a, i, all) => a !== "--user" && all[i - 1] !== "--user");
    const [name, ...rest] = command;
    if (name === "show-authorized-user") return json(login);
    if (name === "create-script") {
      // clasp pulls the new project's files into the rootDir and writes .clasp.json.
      mkdirSync(path.join(cwd, PUSH_DIR), { recursive: true });
      writeFileSync(path.join(cwd, PUSH_DIR, "Code.js"), "function myFunction() {}\n");
      writeFileSync(path.join(cwd, PUSH_DIR, "appsscript.json"), '{"timeZone":"America/New_York"}');
      writeFileSync(path.join(cwd, ".clasp.json"), '{"scriptId":"script-1","rootDir":"push"}');
      return json({ scriptId: "script-1", parentId: "sheet-1", files: ["push/Code.js", "push/appsscript.json"] });
    }
    if (name === "push") {
      const dir = path.join(cwd, PUSH_DIR);
      const files = readdirSync(dir).sort();
      pushes.push(Object.fromEntries(files.map((f) => [f, readFileSync(path.join(dir, f), "utf8")])));
      return json(files.map((f) => `push/${f}`));
    }
    if (name === "create-deployment")
      return json({ deploymentId: "deployment-1", versionNumber: 1, description: rest[1] });
    if (name === "run-function") {
      const fn = rest[0] as string;
      const answer =
        answers[fn] ?? (fn === SETUP_FUNCTION ? { response: JSON.parse(rest[2] ?? "[]")[0] } : { response: null });
      if ("refused" in answer) return { status: 1, stdout: "", stderr: `error: ${answer.refused}\n` };
      if ("thrown" in answer) {
        const details = [{ errorMessage: answer.thrown, errorType: answer.type, scriptStackTraceElements: [] }];
        return json({ error: { code: 3, message: "ScriptError", details } });
      }
      // clasp prints {"response": result}; a function that returns undefined gives {}.
      return json(answer.response === undefined ? {} : { response: answer.response });
    }
    throw new Error(`the fake clasp has no ${name}`);
  };
  /** The subcommand and its own arguments of each call, without the global options. */
  const commands = () => calls.map((c) => c.args.slice(c.args.indexOf("--project") + 2).join(" "));
  return { runner, calls, pushes, commands };
}

/** The runtime's outcomes the fake clasp's answers are compared with. */
const LOCAL: Record<string, ProbeOutcome> = {
  probe_alpha_one: { value: { a: 1 } },
  probe_alpha_two: { error: "boom" },
  probe_alpha_spreadsheetName: { value: "probes" },
  probe_beta_fetch: { value: "Invalid argument: nope" },
};

/** Google agreeing with LOCAL on every probe. */
const AGREEING: Record<string, RunAnswer> = {
  probe_alpha_one: { response: { a: 1 } },
  probe_alpha_two: { thrown: "boom", type: "Error" },
  probe_alpha_spreadsheetName: { response: "probes" },
  probe_beta_fetch: { response: "Invalid argument: nope" },
};

async function live(runner: CommandRunner, extra: { user?: string; topics?: string[] } = {}) {
  const printed: string[] = [];
  const status = await runLiveProbes({
    root,
    probesDir,
    credentialsFile,
    runner,
    runLocal: (_topic, name) => LOCAL[name] ?? { error: `no local outcome for ${name}` },
    print: (line) => printed.push(line),
    progress: () => {},
    ...extra,
  });
  return { status, printed };
}

function writeState(state: LiveState): void {
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, "state.json"), JSON.stringify(state));
}

describe("probes:live", () => {
  describe("without a usable clasp login", () => {
    it("prints the one-time setup and exits 0 when clasp has no credentials file, calling nothing", async () => {
      rmSync(credentialsFile);
      const clasp = fakeClasp();
      const { status, printed } = await live(clasp.runner);

      expect(status).toBe(0);
      expect(clasp.calls).toEqual([]);
      expect(printed[0]).toBe(
        `probes:live: clasp has no credentials (no ${credentialsFile}), so nothing ran on Google. One-time setup (docs/probes.md says more):`,
      );
      expect(printed.join("\n")).toContain("https://script.google.com/home/usersettings");
      // The login covers clasp's own scopes and every scope the probes declare.
      expect(printed.join("\n")).toContain(
        `npx clasp login --creds <your client_secret.json> --extra-scopes ${EXTERNAL_REQUEST},${SPREADSHEETS}`,
      );
    });

    it("prints the setup and exits 0 when clasp says it is not logged in", async () => {
      const clasp = fakeClasp({}, { loggedIn: false, clientType: "" });
      const { status, printed } = await live(clasp.runner);

      expect(status).toBe(0);
      expect(clasp.commands()).toEqual(["show-authorized-user"]);
      expect(printed[0]).toMatch(/^probes:live: clasp is not logged in, so nothing ran on Google/);
    });

    it("prints the setup and exits 0 when clasp is logged in with its own OAuth client, which cannot run scripts", async () => {
      const clasp = fakeClasp({}, { loggedIn: true, clientType: "google-provided" });
      const { status, printed } = await live(clasp.runner);

      expect(status).toBe(0);
      expect(clasp.commands()).toEqual(["show-authorized-user"]);
      expect(printed[0]).toMatch(/^probes:live: clasp is logged in with its own OAuth client, not yours/);
    });

    it("reads the real clasp's answer when it holds no login (no network: it has no token to use)", async () => {
      const env = { ...process.env, HOME: root, clasp_config_auth: credentialsFile };
      const runner = spawnRunner(path.resolve(__dirname, "../../node_modules/.bin"), env);
      const { status, printed } = await live(runner);

      expect(status).toBe(0);
      expect(printed[0]).toMatch(/^probes:live: clasp is not logged in/);
      // Starting the real clasp (a Node program of its own) takes seconds on a busy machine.
    }, 30_000);
  });

  describe("the first run", () => {
    it("creates the spreadsheet and script, pushes, deploys, sets up, then runs every probe, in that order", async () => {
      const clasp = fakeClasp(AGREEING);
      const { status } = await live(clasp.runner);

      expect(status).toBe(0);
      expect(clasp.commands()).toEqual([
        "show-authorized-user",
        `create-script --type sheets --title ${SCRIPT_TITLE} --rootDir push`,
        "push --force",
        "create-deployment --description probes:live (API executable)",
        `run-function ${SETUP_FUNCTION} --params ["sheet-1"]`,
        ...PROBE_ORDER.map((name) => `run-function ${name}`),
      ]);
      // Every call names the workspace as clasp's project and runs there, so no other .clasp.json is ever used.
      for (const call of clasp.calls) {
        expect(call.args.slice(0, 3)).toEqual(["--json", "--project", workspace]);
        expect(call.cwd).toBe(workspace);
      }
    });

    it("pushes exactly the support file, every topic, the setup file and the generated manifest", async () => {
      const clasp = fakeClasp(AGREEING);
      await live(clasp.runner);

      const pushed = clasp.pushes[0] ?? {};
      // The Code.js create-script pulled is gone; the probe files are pushed as they are.
      expect(Object.keys(pushed)).toEqual(["alpha.js", "appsscript.json", "beta.js", "live-setup.js", "support.js"]);
      expect(pushed["alpha.js"]).toBe(ALPHA);
      expect(pushed["support.js"]).toBe(readFileSync(path.join(PROBES_DIR, "support.js"), "utf8"));
      expect(JSON.parse(pushed["appsscript.json"] ?? "")).toEqual({
        timeZone: "Asia/Shanghai",
        runtimeVersion: "V8",
        exceptionLogging: "STACKDRIVER",
        executionApi: { access: "MYSELF" },
        oauthScopes: [EXTERNAL_REQUEST, SPREADSHEETS],
      });
    });

    it("remembers the script, its spreadsheet and its deployment, and tells what to link once", async () => {
      const clasp = fakeClasp(AGREEING);
      const { printed } = await live(clasp.runner);

      expect(JSON.parse(readFileSync(path.join(workspace, "state.json"), "utf8"))).toEqual({
        scriptId: "script-1",
        spreadsheetId: "sheet-1",
        deploymentId: "deployment-1",
      });
      expect(JSON.parse(readFileSync(path.join(workspace, ".clasp.json"), "utf8"))).toEqual({
        scriptId: "script-1",
        rootDir: "push",
        parentId: ["sheet-1"],
      });
      expect(printed.join("\n")).toContain("https://script.google.com/home/projects/script-1/settings");
      expect(printed.at(-1)).toBe("probes:live: 4 probes, 4 agree, 0 differ, 0 failed on Google");
    });
  });

  describe("a later run", () => {
    it("reuses the script and its deployment: it only pushes, sets up and runs", async () => {
      writeState({ scriptId: "script-7", spreadsheetId: "sheet-7", deploymentId: "deployment-7" });
      const clasp = fakeClasp(AGREEING);
      const { status } = await live(clasp.runner, { topics: ["beta"] });

      expect(status).toBe(0);
      expect(clasp.commands()).toEqual([
        "show-authorized-user",
        "push --force",
        `run-function ${SETUP_FUNCTION} --params ["sheet-7"]`,
        "run-function probe_beta_fetch",
      ]);
      // Only the topics asked for are pushed, with the scopes they need.
      expect(Object.keys(clasp.pushes[0] ?? {})).toEqual(["appsscript.json", "beta.js", "live-setup.js", "support.js"]);
      expect(JSON.parse(readFileSync(path.join(workspace, ".clasp.json"), "utf8")).scriptId).toBe("script-7");
    });

    it("deploys when the state has no deployment yet", async () => {
      writeState({ scriptId: "script-7", spreadsheetId: "sheet-7" });
      const clasp = fakeClasp(AGREEING);
      await live(clasp.runner);

      expect(clasp.commands().slice(0, 4)).toEqual([
        "show-authorized-user",
        "push --force",
        "create-deployment --description probes:live (API executable)",
        `run-function ${SETUP_FUNCTION} --params ["sheet-7"]`,
      ]);
    });

    it("passes --user to every clasp call", async () => {
      writeState({ scriptId: "script-7", spreadsheetId: "sheet-7", deploymentId: "deployment-7" });
      const clasp = fakeClasp(AGREEING);
      await live(clasp.runner, { user: "probes" });

      for (const call of clasp.calls)
        expect(call.args.slice(0, 5)).toEqual(["--json", "--project", workspace, "--user", "probes"]);
    });
  });

  describe("the report", () => {
    it("prints one line per probe that differs or that Google did not run, then the counts, and exits 1", async () => {
      writeState({ scriptId: "script-7", spreadsheetId: "sheet-7", deploymentId: "deployment-7" });
      const clasp = fakeClasp({
        probe_alpha_one: { response: { a: 2 } },
        // The type in front of Google's message is not part of the message.
        probe_alpha_two: { thrown: "Exception: boom", type: "ScriptError" },
        probe_alpha_spreadsheetName: { thrown: "Cannot read properties of null", type: "TypeError" },
        probe_beta_fetch: {
          refused: "Script function not found. Please make sure script is deployed as API executable.",
        },
      });
      const { status, printed } = await live(clasp.runner);

      expect(status).toBe(1);
      expect(printed).toEqual([
        'differs  probe_alpha_one (probes/alpha.js): Google {"a":2}, runtime {"a":1}',
        'differs  probe_alpha_spreadsheetName (probes/alpha.js): Google throws "Cannot read properties of null", runtime "probes"',
        "failed   probe_beta_fetch (probes/beta.js): Google did not run it: clasp run-function: error: Script function not found. Please make sure script is deployed as API executable.",
        "probes:live: 4 probes, 1 agree, 2 differ, 1 failed on Google",
      ]);
    });

    it("takes a function that returns nothing as null, as runProbe does", async () => {
      writeState({ scriptId: "script-7", spreadsheetId: "sheet-7", deploymentId: "deployment-7" });
      const clasp = fakeClasp({ probe_beta_fetch: { response: undefined } });
      const { printed } = await live(clasp.runner, { topics: ["beta"] });

      expect(printed).toContain(
        'differs  probe_beta_fetch (probes/beta.js): Google null, runtime "Invalid argument: nope"',
      );
    });

    it("stops before any probe when Google refuses the setup, saying what to check, and exits 1", async () => {
      writeState({ scriptId: "script-7", spreadsheetId: "sheet-7", deploymentId: "deployment-7" });
      const clasp = fakeClasp({
        [SETUP_FUNCTION]: {
          refused: "Unable to run script function. Please make sure you have permission to run the script function.",
        },
      });
      const { status, printed } = await live(clasp.runner);

      expect(status).toBe(1);
      expect(clasp.commands().filter((c) => c.startsWith("run-function probe_"))).toEqual([]);
      expect(printed[0]).toBe(
        "probes:live: Google refused: clasp run-function: error: Unable to run script function. Please make sure you have permission to run the script function.",
      );
      expect(printed.join("\n")).toContain("https://script.google.com/home/projects/script-7/settings");
      expect(printed.join("\n")).toContain(`--extra-scopes ${EXTERNAL_REQUEST},${SPREADSHEETS}`);
    });

    it.each([
      [
        { thrown: "Unexpected error while getting the method or property openById" },
        "threw Unexpected error while getting the method or property openById",
      ],
      [{ response: "sheet-8" }, 'returned "sheet-8"'],
    ])("stops when the setup throws or answers with another spreadsheet (%j)", async (answer, said) => {
      writeState({ scriptId: "script-7", spreadsheetId: "sheet-7", deploymentId: "deployment-7" });
      const clasp = fakeClasp({ [SETUP_FUNCTION]: answer });
      const { status, printed } = await live(clasp.runner);

      expect(status).toBe(1);
      expect(clasp.commands().filter((c) => c.startsWith("run-function probe_"))).toEqual([]);
      expect(printed[0]).toBe(`probes:live: Google refused: ${SETUP_FUNCTION} ${said}`);
    });
  });

  describe("the comparison", () => {
    it("compares values as JSON and errors by their message", () => {
      expect(agree({ value: [1, { b: null }] }, { value: [1, { b: null }] })).toBe(true);
      expect(agree({ value: [1, { b: null }] }, { value: [1, { b: "" }] })).toBe(false);
      expect(agree({ error: "boom" }, { error: "boom" })).toBe(true);
      expect(agree({ error: "boom" }, { value: "boom" })).toBe(false);
    });

    it("reads Google's error message without the type in front of it", () => {
      expect(googleErrorMessage({ error: "TypeError: x is not a function", type: "TypeError" })).toBe(
        "x is not a function",
      );
      expect(googleErrorMessage({ error: "Exception: Argument too large: key", type: "ScriptError" })).toBe(
        "Argument too large: key",
      );
      expect(googleErrorMessage({ error: "Argument too large: key" })).toBe("Argument too large: key");
    });
  });

  describe("the manifest's scopes", () => {
    it("declares the scope of each service the probes use, and none for services without one", () => {
      expect(scopesFor(["CacheService.getScriptCache(); PropertiesService; LockService; Utilities.getUuid()"])).toEqual(
        [],
      );
      expect(scopesFor(["SpreadsheetApp.openById(id)", "Session.getEffectiveUser().getEmail()"])).toEqual([
        SPREADSHEETS,
        "https://www.googleapis.com/auth/userinfo.email",
      ]);
      expect(scopesFor(["ScriptApp.newTrigger('f')", "MailApp.sendEmail(a, b, c)"])).toEqual([
        "https://www.googleapis.com/auth/script.scriptapp",
        "https://www.googleapis.com/auth/script.send_mail",
      ]);
      // getActiveUserLocale needs no scope.
      expect(scopesFor(["Session.getActiveUserLocale()"])).toEqual([]);
    });
  });

  describe("the pushed project, run in the runtime", () => {
    it("sets up the spreadsheet through the setup function, and the probes then find it with no active spreadsheet", async () => {
      rmSync(credentialsFile);
      await live(fakeClasp().runner);
      const runtime = new AppsScriptRuntime(readProject(path.join(workspace, PUSH_DIR)), {
        now: Date.UTC(2026, 10, 27, 1),
        user: { email: "maintainer@example.com", locale: "en" },
        addOn: false,
      });
      const id = runtime.createSpreadsheet({ name: "probes", timeZone: "America/New_York", locale: "en_US" });
      runtime.inspect().getActiveSpreadsheet().insertSheet("probe 0123abcd");

      expect(runtime.run(SETUP_FUNCTION, [id], { spreadsheetId: null })).toBe(id);
      const spreadsheet = runtime.inspect().openById(id);
      expect([spreadsheet.getSpreadsheetTimeZone(), spreadsheet.getSpreadsheetLocale()]).toEqual([
        "Asia/Shanghai",
        "zh_CN",
      ]);
      expect(spreadsheet.getSheetByName("probe 0123abcd")).toBeNull();
      expect(runtime.properties.script.get("PROBE_SPREADSHEET_ID")).toBe(id);
      // As through the Apps Script API: no active spreadsheet, support.js opens the recorded one.
      expect(runtime.run("probe_alpha_spreadsheetName", [], { spreadsheetId: null })).toBe("probes");
    });
  });

  describe("through a clasp executable on PATH", () => {
    it("spawns clasp in the workspace with the arguments, and reads what it prints", async () => {
      writeState({ scriptId: "script-7", spreadsheetId: "sheet-7", deploymentId: "deployment-7" });
      const bin = path.join(root, "bin");
      const log = path.join(root, "clasp.log");
      mkdirSync(bin);
      // A stand-in for clasp: logs its arguments and folder, and prints what clasp --json prints.
      writeFileSync(
        path.join(bin, "clasp"),
        `#!${process.execPath}
const args = process.argv.slice(2);
require("node:fs").appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, cwd: process.cwd() }) + "\\n");
const command = args[args.indexOf("--project") + 2];
const out = {
  "show-authorized-user": { loggedIn: true, clientType: "user-provided" },
  push: ["push/support.js"],
  "run-function": args.includes(${JSON.stringify(SETUP_FUNCTION)}) ? { response: "sheet-7" } : { response: { a: 1 } },
}[command];
console.log(JSON.stringify(out, null, 2));
`,
      );
      chmodSync(path.join(bin, "clasp"), 0o755);
      const runner = spawnRunner(path.join(root, "no-bin"), {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      });
      const { status, printed } = await live(runner, { topics: ["alpha"] });

      const calls = readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Call);
      expect(calls.map((c) => c.args.slice(3).join(" "))).toEqual([
        "show-authorized-user",
        "push --force",
        `run-function ${SETUP_FUNCTION} --params ["sheet-7"]`,
        "run-function probe_alpha_one",
        "run-function probe_alpha_two",
        "run-function probe_alpha_spreadsheetName",
      ]);
      expect(calls.every((c) => c.cwd === workspace)).toBe(true);
      expect(status).toBe(1);
      expect(printed.at(-1)).toBe("probes:live: 3 probes, 1 agree, 2 differ, 0 failed on Google");
      expect(existsSync(path.join(workspace, PUSH_DIR, "live-setup.js"))).toBe(true);
    });
  });
});
