/** `npm run deploy [-- --version "<description>"]` (node scripts/local.mjs deploy): checks what deploying needs and says what is missing, then builds and pushes dist/ to the standalone script in .clasp.json. */

import { homedir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../playground/project-root";
import { claspCredentialsFile, spawnRunner } from "../probes/clasp";
import { runDeploy } from "./deploy";

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { version: { type: "string" } } });
  const root = projectRoot();
  return runDeploy({
    root,
    credentialsFile: claspCredentialsFile(process.env, homedir()),
    runner: spawnRunner(path.join(root, "node_modules", ".bin")),
    versionDescription: values.version,
    print: (line) => console.log(line),
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
