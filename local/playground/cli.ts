/** `npm start`: serves the offline playground on 127.0.0.1 (--port, or PORT, default 8787) until Ctrl-C; --state picks the journal file. */

import path from "node:path";
import { projectRoot } from "./project-root";
import { startPlayground } from "./server";

const DEFAULT_PORT = 8787;

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const port = Number(option("port") ?? process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${port}`);
  const stateFile = path.resolve(option("state") ?? path.join(root, ".playground", "state.json"));
  const server = await startPlayground({ root, port, stateFile });
  console.log(`Follow-up Tracker playground: ${server.url}/`);
  console.log(`State: ${stateFile} (Reset in the page starts over). Ctrl-C stops.`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`playground: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
