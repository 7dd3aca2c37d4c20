/** Compares what Google gave for each probe with what the runtime gave, and writes the report: one line per probe where they differ or Google could not run it, then the counts. */

import { isDeepStrictEqual } from "node:util";
import type { GoogleOutcome } from "./clasp";
import type { ProbeOutcome } from "./probe-runner";

/** One probe of one topic (probes/<topic>.js). */
export interface ProbeRef {
  topic: string;
  name: string;
}

export type Verdict = ProbeRef &
  (
    | { kind: "agree" }
    | { kind: "differ"; google: GoogleOutcome; runtime: ProbeOutcome }
    | { kind: "failed"; reason: string }
  );

/**
 * Google's error text as a script's `error.message` reads. [UNCONFIRMED] whether ExecutionError.errorMessage carries
 * the type in front ("Exception: …", "TypeError: …", as the editor's log shows it); the reference
 * (api/reference/rest/v1/ExecutionError) only says it is "the error message thrown by Apps Script". Such a prefix
 * is dropped, so a difference in the message itself still shows.
 */
export function googleErrorMessage(outcome: { error: string; type?: string }): string {
  const prefix = [outcome.type, "Exception", "Error"].find((name) => name && outcome.error.startsWith(`${name}: `));
  return prefix ? outcome.error.slice(prefix.length + 2) : outcome.error;
}

/** Same JSON value, or the same error message. */
export function agree(google: GoogleOutcome, runtime: ProbeOutcome): boolean {
  if ("value" in google && "value" in runtime) return isDeepStrictEqual(google.value, runtime.value);
  if ("error" in google && "error" in runtime) return googleErrorMessage(google) === runtime.error;
  return false;
}

export function verdict(probe: ProbeRef, google: GoogleOutcome, runtime: ProbeOutcome): Verdict {
  return agree(google, runtime) ? { ...probe, kind: "agree" } : { ...probe, kind: "differ", google, runtime };
}

function describe(outcome: GoogleOutcome | ProbeOutcome): string {
  return "value" in outcome ? JSON.stringify(outcome.value) : `throws ${JSON.stringify(outcome.error)}`;
}

/** The report: a line per probe that differs or failed, in run order, then a line of counts. */
export function reportLines(verdicts: readonly Verdict[]): string[] {
  const lines: string[] = [];
  for (const v of verdicts) {
    const where = `${v.name} (probes/${v.topic}.js)`;
    if (v.kind === "differ")
      lines.push(`differs  ${where}: Google ${describe(v.google)}, runtime ${describe(v.runtime)}`);
    if (v.kind === "failed") lines.push(`failed   ${where}: Google did not run it: ${v.reason}`);
  }
  const count = (kind: Verdict["kind"]) => verdicts.filter((v) => v.kind === kind).length;
  lines.push(
    `probes:live: ${verdicts.length} probes, ${count("agree")} agree, ${count("differ")} differ, ${count("failed")} failed on Google`,
  );
  return lines;
}
