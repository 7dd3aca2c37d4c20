/** One measured operation: the service calls, cells, emails, simulated Apps Script time (and the part of it spent on mail) and local CPU time it took. */

import { callsBetween } from "../runtime/kernel";
import type { AppsScriptRuntime } from "../runtime/runtime";
import type { Scenario } from "./workload";

/** What the bench reports for one operation in one scenario. */
export interface Measurement {
  operation: string;
  rows: number;
  owners: number;
  spreadsheetCalls: number;
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
  emails: number;
  /** Simulated milliseconds of the operation's executions under the kernel's cost model. */
  estimatedMs: number;
  /** The part of estimatedMs spent in MailApp: its calls, and the size and recipients of the messages sent. */
  estimatedMailMs: number;
  /** Host CPU milliseconds (user + system) the in-memory runtime spent on it. */
  cpuMs: number;
  /** "completed", or the error that ended the execution (e.g. "Exceeded maximum execution time"). */
  outcome: string;
  /** UTF-8 bytes of what the operation returned to its caller as JSON (what crosses google.script.run); 0 for nothing. */
  replyBytes: number;
}

/** Runs `action` (one or more executions of `runtime`) and measures what it cost. */
export function measure(
  runtime: AppsScriptRuntime,
  operation: string,
  scenario: Scenario,
  action: () => unknown,
): Measurement {
  const before = runtime.kernel.snapshot();
  const mailMsBefore = runtime.kernel.mailMs();
  const sentBefore = runtime.outbox.messages.length;
  const executionsBefore = runtime.executions.length;
  const cpuBefore = process.cpuUsage();
  let outcome = "completed";
  let reply: unknown;
  try {
    reply = action();
  } catch (error) {
    // The script's errors come from its own realm: not `instanceof` the host's Error.
    outcome = typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const after = runtime.kernel.snapshot();
  const executions = runtime.executions.slice(executionsBefore);
  return {
    operation,
    rows: scenario.rows,
    owners: scenario.owners,
    spreadsheetCalls: callsBetween(before, after, "Spreadsheet"),
    serviceCalls: callsBetween(before, after),
    cellsRead: after.cellsRead - before.cellsRead,
    cellsWritten: after.cellsWritten - before.cellsWritten,
    emails: runtime.outbox.messages.length - sentBefore,
    estimatedMs: Math.round(executions.reduce((sum, e) => sum + (e.endedAt - e.startedAt), 0)),
    estimatedMailMs: Math.round(runtime.kernel.mailMs() - mailMsBefore),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    outcome,
    replyBytes: reply === undefined ? 0 : Buffer.byteLength(JSON.stringify(reply), "utf8"),
  };
}
