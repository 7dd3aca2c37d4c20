/** `node scripts/local.mjs bench [--json]`: measures every operation of the built bundle at 1,000 to 100,000 follow-ups against a naive and a batched reminder script, and the cells every sheet takes after a year at 200 reps; prints a table (or JSON lines). */

import { existsSync } from "node:fs";
import path from "node:path";
import { readProject } from "../runtime/loader";
import type { Measurement } from "./measurement";
import { measureNaiveHourly } from "./naive-baseline";
import { measureOperations, OPERATIONS } from "./operations";
import { measureBatchedHourly } from "./realistic-baseline";
import { formatComparison, formatFlatness, formatTable, formatYear } from "./report";
import type { Scenario } from "./workload";
import { measureYear } from "./year";

const SIZES = [1_000, 10_000, 100_000];
const TEAM_SIZES = [20, 200];
/** The year's table: 100,000 follow-ups by 200 reps over 52 weeks. */
const YEAR: Scenario = { rows: 100_000, owners: 200 };

/** The project folder: the nearest folder above this file (local/bench/ or the bundle in .local-build/) with build.mjs. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "build.mjs"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no build.mjs above ${__dirname}`);
  }
}

function main(args: string[]): void {
  const json = args.includes("--json");
  const dist = path.join(projectRoot(), "dist");
  if (!existsSync(path.join(dist, "Code.js"))) throw new Error(`${dist}/Code.js is missing: run \`npm run build\``);
  const project = readProject(dist);
  const ours: Measurement[] = [];
  const baselines: Measurement[] = [];
  for (const owners of TEAM_SIZES) {
    for (const rows of SIZES) {
      const scenario: Scenario = { rows, owners };
      console.error(`bench: ${rows.toLocaleString("en-US")} follow-ups, ${owners} owners…`);
      const { measurements, runtime } = measureOperations(project, scenario);
      const scenarioBaselines = [measureNaiveHourly(runtime, scenario), measureBatchedHourly(runtime, scenario)];
      ours.push(...measurements);
      baselines.push(...scenarioBaselines);
      if (json) for (const m of [...measurements, ...scenarioBaselines]) console.log(JSON.stringify(m));
    }
  }
  console.error(`bench: one year, ${YEAR.rows.toLocaleString("en-US")} follow-ups, ${YEAR.owners} owners…`);
  const year = measureYear(project, YEAR);
  if (json) {
    console.log(JSON.stringify(year));
    return;
  }
  console.log(formatTable([...ours, ...baselines]));
  console.log("\nSpreadsheet calls as the table grows:");
  console.log(formatFlatness(ours));
  console.log(
    "\nHourly run against the naive script (getValue per cell, one email per overdue row) and the batched one (one getValues, one email per owner):",
  );
  for (const hourly of ours.filter((m) => m.operation === OPERATIONS.hourly)) {
    const same = baselines.filter((b) => b.rows === hourly.rows && b.owners === hourly.owners);
    console.log(formatComparison(hourly, same));
  }
  console.log(`\n${formatYear(year)}`);
}

main(process.argv.slice(2));
