/** Guards the bench cheaply: at 1,500 and 3,000 follow-ups every operation makes the same service calls, while the naive reminder script's calls grow with the rows; the time spent on mail is reported, and the batched baseline runs; the one-year line, on a year of 2,000 follow-ups, names every sheet's cells. */

import type { Measurement } from "../../local/bench/measurement";
import { measureNaiveHourly } from "../../local/bench/naive-baseline";
import { measureOperations, OPERATIONS } from "../../local/bench/operations";
import { BATCHED_HOURLY, measureBatchedHourly } from "../../local/bench/realistic-baseline";
import { measureYear, ONE_YEAR } from "../../local/bench/year";
import { readProject } from "../../local/runtime/loader";
import { DIST } from "../helpers/runtime";

const OWNERS = 20;
const project = readProject(DIST);

/** Our operations and the two baselines on a table of `rows` follow-ups. */
function bench(rows: number): { ours: Measurement[]; naive: Measurement; batched: Measurement } {
  const scenario = { rows, owners: OWNERS };
  const { measurements, runtime } = measureOperations(project, scenario);
  return {
    ours: measurements,
    naive: measureNaiveHourly(runtime, scenario),
    batched: measureBatchedHourly(runtime, scenario),
  };
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

  it("reports the part of each estimate spent on mail: at least 400 ms a digest, none where nothing is sent", () => {
    const hourly = large.ours.find((m) => m.operation === OPERATIONS.hourly);
    // 21 digests at 400 ms each at least.
    expect(hourly?.estimatedMailMs).toBeGreaterThan(21 * 400);
    expect(hourly?.estimatedMailMs).toBeLessThan(hourly?.estimatedMs ?? 0);
    const review = large.ours.find((m) => m.operation === OPERATIONS.review);
    expect(review?.estimatedMailMs).toBe(0);
    expect(JSON.parse(JSON.stringify(hourly))).toHaveProperty("estimatedMailMs", hourly?.estimatedMailMs);
  });

  it("runs the batched baseline: a few calls reading the whole table, one email per overdue owner", () => {
    expect(large.batched).toMatchObject({ operation: BATCHED_HOURLY, outcome: "completed", emails: OWNERS });
    expect(large.batched.spreadsheetCalls).toBe(small.batched.spreadsheetCalls);
    expect(large.batched.spreadsheetCalls).toBeLessThan(10);
    expect(large.batched.cellsRead).toBeGreaterThan(3_000 * 18);
    expect(large.batched.estimatedMailMs).toBeGreaterThan(0);
  });
});

describe("bench: one year", () => {
  const year = measureYear(project, { rows: 2_000, owners: OWNERS });
  // What `bench --json` prints for it.
  const line = JSON.parse(JSON.stringify(year)) as typeof year;

  it("prints one line: the operation, the team, then every sheet's cells (max rows × max columns)", () => {
    expect(Object.keys(line).slice(0, 3)).toEqual(["operation", "owners", "sheetCells"]);
    expect(line).toMatchObject({ operation: ONE_YEAR, owners: OWNERS, rows: 2_000, cellLimit: 10_000_000 });
    // The year made the sheets the add-on keeps (Settings, Team, the Reminder log, the review sheets, the customer
    // index) beside the team's own; nobody released a customer to the pool, so there is no Pool log.
    expect(Object.keys(line.sheetCells).sort()).toEqual(
      [line.followUpsSheet, "设置", "团队", "提醒记录", "周报数据", "周报", "客户索引"].sort(),
    );
    for (const cells of Object.values(line.sheetCells)) expect(Number.isInteger(cells) && cells > 0).toBe(true);
  });

  it("totals the sheets, and the derived and log sheets against the Follow-ups sheet with the 10% target", () => {
    const cells = (names: string[]) => names.reduce((sum, name) => sum + (line.sheetCells[name] ?? 0), 0);
    expect(line.totalCells).toBe(cells(Object.keys(line.sheetCells)));
    expect(line.derivedAndLogSheets.sort()).toEqual(["提醒记录", "周报数据", "周报", "客户索引"].sort());
    expect(line.derivedAndLogCells).toBe(cells(line.derivedAndLogSheets));
    expect(line.followUpsCells).toBe(line.sheetCells[line.followUpsSheet]);
    expect(line.derivedAndLogShare).toBeCloseTo(line.derivedAndLogCells / line.followUpsCells, 10);
    expect(line.targetMet).toBe(line.derivedAndLogShare <= 0.1);
  });

  it("ages the Reminder log to a year (a digest per member on some 258 workdays) and says what retention left", () => {
    expect(line.logLinesAged).toBeGreaterThan(250 * (OWNERS + 1));
    expect(line.logLinesAged).toBeLessThan(262 * (OWNERS + 2));
    expect(Number.isInteger(line.logLinesPastRetention)).toBe(true);
  });
});
