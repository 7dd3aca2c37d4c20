/** The playground's journal: every action taken since the demo seed (menu items, sidebar calls, clock moves, typed cells), kept in a JSON file and replayed on start. */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DialogAnswer } from "./view-types";

/** One thing the user did; replaying them in order on the seeded runtime rebuilds the same state. */
export type Action =
  | { kind: "menu"; caption: string; answers: DialogAnswer[] }
  | { kind: "rpc"; functionName: string; args: unknown[] }
  | { kind: "clock"; to: number }
  | { kind: "edit"; sheet: string; row: number; column: number; value: string };

interface JournalFile {
  version: 1;
  actions: Action[];
}

/** The actions stored in `file`, or none when it does not exist yet. */
export function readJournal(file: string): Action[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const unreadable = new Error(`${file} is not a playground journal: delete it to start over from the demo`);
  let stored: JournalFile;
  try {
    stored = JSON.parse(text) as JournalFile;
  } catch {
    throw unreadable;
  }
  if (stored?.version !== 1 || !Array.isArray(stored.actions)) throw unreadable;
  return stored.actions;
}

export function writeJournal(file: string, actions: readonly Action[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const stored: JournalFile = { version: 1, actions: [...actions] };
  writeFileSync(file, `${JSON.stringify(stored, null, 1)}\n`);
}

export function deleteJournal(file: string): void {
  rmSync(file, { force: true });
}
