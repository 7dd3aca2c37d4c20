/** Guards the bench cheaply: at 1,500 and 3,000 follow-ups every operation makes the same service calls, while the naive reminder script's calls grow with the rows. */

import type { Measurement } from "../../local/bench/measurement";
import { measureNaiveHourly } from "../../local/bench/naive-baseline";
import { measureOperations, OPERATIONS } from "../../local/bench/operations";
import { readProject } from "../../local/runtime/loader";
import { DIST } from "../helpers/runtime";

const OWNERS = 20;
const project = readProject(DIST);

/** Our operations and the naive baseline on a table of `rows` follow-ups. */
function bench(rows: number): { ours: Measurement[]; naive: Measurement } {
  const { measurements, runtime } = measureOperations(project, { rows, owners: OWNERS });
  return { ours: measurements, naive: measureNaiveHourly(runtime, { rows, owners: OWNERS }) };
}

const calls = (m: Measurement) => ({
  operation: m.operation,
  spreadsheetCalls: m.spreadsheetCalls,
  serviceCalls: m.serviceCalls,
  emails: m.emails,
});

describe("bench", () => {
  // Both sizes are past the 1,000 rows of a new sheet, so the weekly review grows its Review data sheet in both
  // (3 calls, once): below that size it makes 3 calls fewer.
  const small = bench(1_500);
  const large = bench(3_000);

  it("measures every operation, each completing", () => {
    expect(large.ours.map((m) => [m.operation, m.outcome])).toEqual(
      Object.values(OPERATIONS).map((operation) => [operation, "completed"]),
    );
  });

  it("makes the same service calls and sends the same emails for 1,500 and 3,000 follow-ups, for every operation", () => {
    expect(large.ours.map(calls)).toEqual(small.ours.map(calls));
  });

  it("measures what a rep's sidebar receives when it opens", () => {
    const open = (m: Measurement[]) => m.find((x) => x.operation === OPERATIONS.open)?.replyBytes ?? 0;
    expect(open(small.ours)).toBeGreaterThan(1000);
    expect(open(large.ours)).toBeGreaterThan(1000);
  });

  it("sends one digest to each owner and the manager in the hourly run", () => {
    expect(large.ours.find((m) => m.operation === OPERATIONS.hourly)?.emails).toBe(OWNERS + 1);
  });

  it("shows the naive script's calls growing with the rows, and ours far below them", () => {
    expect(large.naive.outcome).toBe("completed");
    expect(large.naive.spreadsheetCalls).toBeGreaterThan(1.8 * small.naive.spreadsheetCalls);
    const hourly = large.ours.find((m) => m.operation === OPERATIONS.hourly);
    expect(hourly?.spreadsheetCalls).toBeLessThan(large.naive.spreadsheetCalls / 10);
  });
});
