/** `npm run probes:live [-- [--user <name>] [topic…]]` (node scripts/local.mjs probes): runs the probes on Google through clasp and in the runtime, and prints where they disagree. */

import { homedir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { claspCredentialsFile, spawnRunner } from "./clasp";
import { runLiveProbes } from "./live";
import { PROBES_DIR, probeTopics, runProbe } from "./probe-runner";

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { user: { type: "string" } }, allowPositionals: true });
  const known = probeTopics();
  const unknown = positionals.filter((topic) => !known.includes(topic));
  if (unknown.length > 0) {
    console.error(`probes:live: no probes/${unknown.join(".js, probes/")}.js (topics: ${known.join(", ")})`);
    return 2;
  }
  const root = path.dirname(PROBES_DIR);
  return runLiveProbes({
    root,
    probesDir: PROBES_DIR,
    topics: positionals.length > 0 ? positionals : undefined,
    user: values.user,
    credentialsFile: claspCredentialsFile(process.env, homedir()),
    runner: spawnRunner(path.join(root, "node_modules", ".bin")),
    runLocal: (topic, name) => runProbe(topic, name),
    print: (line) => console.log(line),
    progress: (line) => console.error(line),
  });
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
