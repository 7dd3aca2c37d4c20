/** Finds the project's root folder from wherever this code runs (local/playground/ in tests, .local-build/ when bundled). */

import { existsSync } from "node:fs";
import path from "node:path";

/** The nearest folder above `from` holding local/playground/page/ (the playground's own page is the landmark). */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "local", "playground", "page", "index.html"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`playground: no project root above ${from}`);
  }
}
