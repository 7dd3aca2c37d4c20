/** Tests of src/core/sync-plan: ids, stamps and superseded marks for hand-typed rows (only in the add-on's own columns), the problems left to people, idempotency. */

import { changesToTeamColumns } from "../../src/core/cell-writes";
import { readFollowUps } from "../../src/core/follow-ups";
import { defaultSettings } from "../../src/core/settings";
import { highestIdNumber, planSync, type SyncPlan } from "../../src/core/sync-plan";
import type { TeamMember } from "../../src/core/team";
import { day } from "../fixtures/shanghai-dates";

const ZONE = "Asia/Shanghai";
const NOW = Date.UTC(2026, 10, 27, 1, 0);
const COLUMNS = {
  id: 1,
  customer: 2,
  date: 3,
  stage: 4,
  nextDate: 5,
  owner: 6,
  done: 7,
  loggedAt: 8,
  superseded: 9,
} as const;
const TEAM: TeamMember[] = [
  { name: "李四", email: "li.si@example.cn", role: "rep", managerEmail: "", reminders: true, language: "" },
  { name: "Anna Smith", email: "anna@example.com", role: "rep", managerEmail: "", reminders: true, language: "en" },
];
const settings = defaultSettings("zh");

/** Rows as a team types them: some with ids and stamps, some without. */
function teamRows(): unknown[][] {
  return [
    [
      "FU-000003",
      "上海某科技有限公司",
      day(11, 20),
      "已报价",
      day(11, 24),
      "李四",
      false,
      new Date(Date.UTC(2026, 10, 20, 2)),
    ],
    ["", "上海某科技", day(11, 26), "谈判中", day(12, 1), "李四", false, ""],
    ["", "Acme Co., Ltd.", day(11, 25), "New lead", day(11, 28), "anna@example.com", false, ""],
    ["FU-000003", "北京某贸易", day(11, 26), "已成交", "", "王五", false, ""],
    ["", "", "", "", "", "", false, ""],
    ["", "ACME, Inc.", day(11, 26), "待回访", "", "Anna Smith", false, ""],
  ];
}

function plan(values: unknown[][], nextIdNumber = 4): SyncPlan {
  const { followUps, problems } = readFollowUps(values, 2, COLUMNS, ZONE);
  const table = { firstRow: 2, values, positions: COLUMNS };
  return planSync({ table, followUps, problems, settings, team: TEAM, now: NOW, nextIdNumber });
}

/** The planned changes of one column, as [row, value]. */
function changesIn(result: SyncPlan, column: keyof typeof COLUMNS): [number, unknown][] {
  return result.changes.filter((c) => c.column === COLUMNS[column]).map((c) => [c.row, c.after]);
}

/** The sheet after the plan's writes. */
function apply(values: unknown[][], result: SyncPlan): unknown[][] {
  const sheet = values.map((row) => [...row, ...Array(9 - row.length).fill("")]);
  for (const { row, column, after } of result.changes) sheet[row - 2][column - 1] = after;
  return sheet;
}

describe("sync-plan", () => {
  describe("planSync", () => {
    it("gives ids to rows without one and to a copied row's repeated id, in row order", () => {
      expect(changesIn(plan(teamRows()), "id")).toEqual([
        [3, "FU-000004"],
        [4, "FU-000005"],
        [5, "FU-000006"],
        [7, "FU-000007"],
      ]);
      expect(plan(teamRows()).nextIdNumber).toBe(8);
      expect(plan(teamRows()).counts.ids).toBe(4);
    });

    it("never hands out an id already in the sheet", () => {
      expect(changesIn(plan(teamRows(), 3), "id")[0]).toEqual([3, "FU-000004"]);
    });

    it("remembers what each cell held, so the writer can refuse when someone changed it meanwhile", () => {
      const change = plan(teamRows()).changes.find((c) => c.row === 5 && c.column === COLUMNS.id);
      expect(change).toEqual({ row: 5, column: 1, before: "FU-000003", after: "FU-000006" });
    });

    it("plans nothing in a column the team owns, whatever the rows hold", () => {
      const rows = [...teamRows(), ["", "北京某贸易", day(11, 27), "谈判中", day(11, 29), "李四", "否", ""]];
      expect(changesToTeamColumns(plan(rows).changes, COLUMNS)).toEqual([]);
      expect(changesIn(plan(rows), "done")).toEqual([]);
    });

    it("stamps rows without a logged-at time with now, never a cell holding other text", () => {
      const rows = teamRows();
      rows[2][7] = "上周";
      const result = plan(rows);
      expect(changesIn(result, "loggedAt").map(([row, at]) => [row, (at as Date).getTime()])).toEqual([
        [3, NOW],
        [5, NOW],
        [7, NOW],
      ]);
    });

    it("marks a row superseded when the same customer, however spelled, has a newer follow-up", () => {
      expect(changesIn(plan(teamRows()), "superseded")).toEqual([
        [2, true],
        [4, true],
      ]);
    });

    it("marks a closed or done row superseded too (the mark says a newer row exists), never the latest", () => {
      const rows = [
        ["", "北京某贸易", day(11, 20), "已流失", day(11, 22), "李四", "是", ""],
        ["", "北京某贸易", day(11, 26), "待回访", day(11, 30), "李四", false, ""],
      ];
      expect(changesIn(plan(rows), "superseded")).toEqual([[2, true]]);
    });

    it("clears a mark the rule no longer gives (the newer row was deleted), and counts both ways", () => {
      const rows = [
        ["FU-000001", "北京某贸易", day(11, 20), "待回访", day(11, 22), "李四", false, new Date(NOW), true],
      ];
      const result = plan(rows);
      expect(changesIn(result, "superseded")).toEqual([[2, ""]]);
      expect(result.counts).toEqual({ ids: 0, loggedAt: 0, superseded: 0, unsuperseded: 1 });
    });

    it("orders same-day rows by logged-at, counting this sync's stamp for rows without one", () => {
      const rows = [
        ["", "Acme", day(11, 26), "Quoted", day(11, 28), "李四", false, ""],
        ["", "Acme", day(11, 26), "Quoted", day(11, 29), "李四", false, new Date(Date.UTC(2026, 10, 26, 3))],
      ];
      const first = plan(rows);
      expect(changesIn(first, "superseded")).toEqual([[3, true]]);
      expect(changesIn(plan(apply(rows, first)), "superseded")).toEqual([]);
    });

    it("adds unknown stages and owners and open rows without a next date to the reader's problems", () => {
      expect(plan(teamRows()).problems).toEqual([
        { row: 4, column: "stage", kind: "unknownStage", value: "New lead" },
        { row: 5, column: "owner", kind: "unknownOwner", value: "王五" },
        { row: 7, column: "nextDate", kind: "missingNextDate", value: "" },
      ]);
    });

    it("lists a vague status for cleanup, not as unknown, whether Settings lists it or not; the row stays open", () => {
      const rows = [
        ["", "北京某贸易", day(11, 26), "跟进中", day(11, 30), "李四", false, ""],
        ["", "Globex", day(11, 26), "TBD", "", "Anna Smith", false, ""],
      ];
      expect(plan(rows).problems).toEqual([
        { row: 2, column: "stage", kind: "vagueStage", value: "跟进中" },
        { row: 3, column: "stage", kind: "vagueStage", value: "TBD" },
        { row: 3, column: "nextDate", kind: "missingNextDate", value: "" },
      ]);
      const listed = { ...settings, stages: [...settings.stages, { name: "跟进中", kind: "open" as const }] };
      const { followUps, problems } = readFollowUps(rows, 2, COLUMNS, ZONE);
      const table = { firstRow: 2, values: rows, positions: COLUMNS };
      const result = planSync({ table, followUps, problems, settings: listed, team: TEAM, now: NOW, nextIdNumber: 1 });
      expect(result.problems[0]).toEqual({ row: 2, column: "stage", kind: "vagueStage", value: "跟进中" });
    });

    it("keeps the reader's problems, in row order with its own", () => {
      const rows = [["", "", day(11, 26), "搁置", day(11, 30), "", false, ""], ...teamRows().slice(0, 1)];
      expect(plan(rows).problems).toEqual([
        { row: 2, column: "customer", kind: "missingCustomer", value: "" },
        { row: 2, column: "stage", kind: "unknownStage", value: "搁置" },
      ]);
    });

    it("does not ask for a next date on a row a newer follow-up replaced", () => {
      const rows = [
        ["", "Acme", day(11, 20), "待回访", "", "李四", false, ""],
        ["", "Acme", day(11, 26), "已成交", "", "李四", false, ""],
      ];
      expect(plan(rows).problems).toEqual([]);
    });

    it("plans nothing more once its own plan is applied", () => {
      const first = plan(teamRows());
      const second = plan(apply(teamRows(), first), first.nextIdNumber);
      expect(second).toMatchObject({ changes: [], nextIdNumber: first.nextIdNumber });
      expect(second.problems).toEqual(first.problems);
    });
  });

  describe("highestIdNumber", () => {
    it("finds the largest FU-N id, ignoring the team's own numbering", () => {
      const { followUps } = readFollowUps(
        [
          ["FU-000012", "Acme"],
          ["fu-1000123", "Globex"],
          ["7", "Initech"],
          ["FU-12a", "Umbrella"],
        ],
        2,
        COLUMNS,
        ZONE,
      );
      expect(highestIdNumber(followUps)).toBe(1000123);
      expect(highestIdNumber([])).toBe(0);
    });
  });
});
