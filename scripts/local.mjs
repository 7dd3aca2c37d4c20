// Runs a local tool written in TypeScript (local/<tool>/cli.ts): bundles it for Node with esbuild, then runs it with the given arguments.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [tool, ...args] = process.argv.slice(2);
if (!tool) {
  console.error("usage: node scripts/local.mjs <tool> [args…]  (runs local/<tool>/cli.ts)");
  process.exit(2);
}
const outfile = path.join(root, ".local-build", `${tool}.cjs`);
await esbuild.build({
  entryPoints: [path.join(root, "local", tool, "cli.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  outfile,
  logLevel: "warning",
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
