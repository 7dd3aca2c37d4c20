/** `npm run simulate -- --csv FILE [--team TEAM.csv] --at ISO_LOCAL_DATETIME --tz IANA_ZONE --out DIR [--lang zh|en] [--review] [--chat PLATFORM …]`: the command-line wrapper of `simulate`. */

import path from "node:path";
import { parseArgs } from "node:util";
import { CHAT_OPTIONS, chatOptions } from "./chat-posts";
import { SimulationInputError } from "./csv-table";
import { type SimulationOptions, simulate } from "./simulation";

const USAGE = `usage: npm run simulate -- --csv FILE [--team TEAM.csv] --at 2024-06-10T09:00 --tz Asia/Shanghai --out DIR [--lang zh|en] [--review] [--chat ${CHAT_OPTIONS.join("|")} …]`;

function options(): SimulationOptions {
  const { values } = parseArgs({
    options: {
      csv: { type: "string" },
      team: { type: "string" },
      at: { type: "string" },
      tz: { type: "string" },
      out: { type: "string" },
      lang: { type: "string" },
      review: { type: "boolean" },
      chat: { type: "string", multiple: true },
    },
  });
  const { csv, at, tz, out, lang } = values;
  if (!csv || !at || !tz || !out) throw new SimulationInputError(`--csv, --at, --tz and --out are required.\n${USAGE}`);
  if (lang !== undefined && lang !== "zh" && lang !== "en")
    throw new SimulationInputError(`--lang is zh or en.\n${USAGE}`);
  const chat = chatOptions(values.chat ?? []);
  return { csv, team: values.team, at, tz, out, lang, review: values.review, chat };
}

async function main(): Promise<void> {
  const chosen = options();
  const summary = await simulate(chosen);
  for (const line of summary.mapping) console.log(line);
  console.log(
    `${summary.rows} follow-ups, ${summary.unreadableRows} unreadable; ${summary.emails} emails (${summary.digests.length} digests${summary.review ? ", weekly review" : ""}) → ${chosen.out}`,
  );
  if (chosen.chat && chosen.chat.length > 0)
    console.log(
      `${summary.posts.length} group-chat posts (${chosen.chat.join(", ")}) → ${path.join(chosen.out, "posts")}`,
    );
  for (const file of summary.posts) console.log(`  ${file}`);
  for (const row of summary.unreadable.slice(0, 20))
    console.log(`  line ${row.line}: ${row.problems.map((p) => p.text).join("; ")}`);
  if (summary.unreadable.length > 20) console.log(`  … ${summary.unreadable.length - 20} more in summary.json`);
  if (summary.vagueStatuses.length > 0)
    console.log(
      `${summary.vagueStatuses.length} rows with a vague status to clean up (still reminded), in summary.json`,
    );
}

main().catch((error: unknown) => {
  if (error instanceof SimulationInputError || (error as NodeJS.ErrnoException)?.code === "ENOENT") {
    console.error(`simulate: ${(error as Error).message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
