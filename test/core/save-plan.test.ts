/** Tests of src/core/save-plan: the row a sidebar save appends (its values in the table's own column order, dates at midnight of the spreadsheet's zone, text as typed) and the superseded marks it gives that customer's rows, in the add-on's column only. */

import { changesToTeamColumns } from "../../src/core/cell-writes";
import type { ColumnPositions } from "../../src/core/columns";
import { dayFromYmd } from "../../src/core/dates";
import type { ValidFollowUp } from "../../src/core/follow-up-form";
import { readFollowUps } from "../../src/core/follow-ups";
import { planSave, type SavePlan } from "../../src/core/save-plan";
import { defaultSettings } from "../../src/core/settings";
import { validFollowUp } from "../fixtures/follow-up";
import { at, day } from "../fixtures/shanghai-dates";

const ZONE = "Asia/Shanghai";
const NOW = Date.UTC(2026, 10, 27, 2, 30);
const FIRST_ROW = 3;
const WIDTH = 16;

/**
 * An adopted table (header in row 2, data from row 3): the team's columns in their own order, the team's own
 * numbering in column 8 (not mapped), then the columns adoption appended. No contact, source, score or notes
 * column; column 16 is another column of the team's, past every mapped one.
 */
const ADOPTED = {
  owner: 1,
  customer: 2,
  nextDate: 3,
  stage: 4,
  date: 5,
  summary: 6,
  done: 7,
  contactInfo: 9,
  id: 10,
  method: 11,
  need: 12,
  nextStep: 13,
  loggedAt: 14,
  superseded: 15,
} as const satisfies ColumnPositions;

type Cells = Partial<Record<keyof typeof ADOPTED, unknown>>;

/** One sheet row of the adopted table, WIDTH wide. */
function sheetRow(cells: Cells, positions: ColumnPositions = ADOPTED): unknown[] {
  const row: unknown[] = Array(WIDTH).fill("");
  for (const [key, value] of Object.entries(cells)) {
    const column = positions[key as keyof ColumnPositions];
    if (column !== undefined) row[column - 1] = value;
  }
  return row;
}

/** A synced table: 上海某科技's rows (two spellings), the earlier ones already marked, and 北京某贸易's rows. */
function syncedRows(): Cells[] {
  return [
    {
      id: "FU-000001",
      customer: "上海某科技",
      date: day(11, 20),
      stage: "需求确认",
      nextDate: day(11, 22),
      owner: "李四",
      loggedAt: at(11, 20, 10),
      superseded: true,
    },
    {
      id: "FU-000002",
      customer: "上海某科技有限公司",
      date: day(11, 24),
      stage: "已报价",
      nextDate: day(11, 28),
      owner: "李四",
      loggedAt: at(11, 24, 10),
      superseded: "",
    },
    {
      id: "FU-000003",
      customer: "北京某贸易",
      date: day(11, 10),
      stage: "待回访",
      nextDate: day(11, 12),
      owner: "王五",
      loggedAt: at(11, 10, 9),
      superseded: "",
    },
    {
      id: "FU-000004",
      customer: "上海某科技",
      date: day(11, 1),
      stage: "新线索",
      nextDate: day(11, 5),
      owner: "李四",
      loggedAt: at(11, 1, 9),
      superseded: true,
    },
    {
      // 北京某贸易's newer row: row 5 should be marked, but that is Sync's business, not a save's for another customer.
      id: "FU-000005",
      customer: "北京某贸易",
      date: day(11, 18),
      stage: "需求确认",
      nextDate: day(11, 30),
      owner: "王五",
      loggedAt: at(11, 18, 9),
      superseded: "",
    },
  ];
}

interface Options {
  rows?: Cells[];
  followUp?: ValidFollowUp;
  positions?: ColumnPositions;
  timeZone?: string;
  now?: number;
}

function plan(options: Options = {}): SavePlan {
  const positions = options.positions ?? ADOPTED;
  const timeZone = options.timeZone ?? ZONE;
  const values = (options.rows ?? syncedRows()).map((cells) => sheetRow(cells, positions));
  const { followUps, problems } = readFollowUps(values, FIRST_ROW, positions, timeZone);
  return planSave({
    table: { firstRow: FIRST_ROW, values, positions },
    followUps,
    problems,
    settings: defaultSettings("zh"),
    followUp: options.followUp ?? validFollowUp(),
    row: FIRST_ROW + values.length,
    id: "FU-000006",
    now: options.now ?? NOW,
    width: WIDTH,
    timeZone,
  });
}

/** The new row's cell in the column of `key`. */
function cellOf(result: SavePlan, key: keyof typeof ADOPTED): unknown {
  return result.rowValues[ADOPTED[key] - 1];
}

describe("save-plan", () => {
  describe("planSave", () => {
    describe("the new row", () => {
      it("puts each value in the table's own column for it, however the team ordered its columns", () => {
        const row = plan().rowValues;
        expect(row).toHaveLength(WIDTH);
        expect(row[ADOPTED.owner - 1]).toBe("李四");
        expect(row[ADOPTED.customer - 1]).toBe("上海某科技");
        expect(row[ADOPTED.stage - 1]).toBe("谈判中");
        expect(row[ADOPTED.summary - 1]).toBe("001 号方案已确认");
        expect(row[ADOPTED.contactInfo - 1]).toBe("+86 138 0013 8000");
        expect(row[ADOPTED.id - 1]).toBe("FU-000006");
        expect(row[ADOPTED.method - 1]).toBe("电话");
        expect(row[ADOPTED.need - 1]).toBe("=报价+运费");
        expect(row[ADOPTED.nextStep - 1]).toBe("发合同草稿");
        expect((row[ADOPTED.loggedAt - 1] as Date).getTime()).toBe(NOW);
      });

      it("leaves the team's unmapped columns and the padding blank, and skips the fields the table has no column for", () => {
        const row = plan().rowValues;
        expect(row[7]).toBe("");
        expect(row[15]).toBe("");
        // contact, source, score and notes have no column here: they are written nowhere.
        for (const missing of ["王经理", "展会", 4, "TRUE"]) expect(row).not.toContain(missing);
      });

      it("pads the row to the sheet's width when the table's columns end before it", () => {
        const result = plan({ rows: [] });
        expect(result.rowValues).toHaveLength(WIDTH);
        expect(result.rowValues.slice(ADOPTED.superseded)).toEqual([""]);
      });

      it("writes the dates as midnight of the spreadsheet's zone in Shanghai", () => {
        const result = plan();
        expect((cellOf(result, "date") as Date).getTime()).toBe(Date.UTC(2026, 10, 26, 16));
        expect((cellOf(result, "nextDate") as Date).getTime()).toBe(Date.UTC(2026, 10, 30, 16));
      });

      it("writes the dates as midnight of the spreadsheet's zone in Los Angeles, summer time or not", () => {
        const winter = plan({ rows: [], timeZone: "America/Los_Angeles" });
        expect((cellOf(winter, "date") as Date).getTime()).toBe(Date.UTC(2026, 10, 27, 8));
        expect((cellOf(winter, "nextDate") as Date).getTime()).toBe(Date.UTC(2026, 11, 1, 8));
        const summer = plan({
          rows: [],
          timeZone: "America/Los_Angeles",
          followUp: validFollowUp({ date: dayFromYmd(2026, 7, 1), nextDate: dayFromYmd(2026, 7, 3) }),
        });
        expect((cellOf(summer, "date") as Date).getTime()).toBe(Date.UTC(2026, 6, 1, 7));
        expect((cellOf(summer, "nextDate") as Date).getTime()).toBe(Date.UTC(2026, 6, 3, 7));
      });

      it("keeps text exactly as typed: the writer, not the plan, makes it literal", () => {
        const result = plan();
        expect(cellOf(result, "need")).toBe("=报价+运费");
        expect(cellOf(result, "contactInfo")).toBe("+86 138 0013 8000");
        expect(cellOf(result, "summary")).toBe("001 号方案已确认");
        expect(result.rowValues.filter((v) => typeof v === "string" && v.startsWith("'"))).toEqual([]);
      });

      it("leaves the new row's done cell blank", () => {
        expect(cellOf(plan(), "done")).toBe("");
      });

      it("leaves the next date blank when there is none, and writes the score as a number", () => {
        const positions: ColumnPositions = { ...ADOPTED, score: 8 };
        const withScore = plan({ positions, rows: [], followUp: validFollowUp({ nextDate: null }) });
        expect(withScore.rowValues[ADOPTED.nextDate - 1]).toBe("");
        expect(withScore.rowValues[7]).toBe(4);
        const noScore = plan({ positions, rows: [], followUp: validFollowUp({ score: null }) });
        expect(noScore.rowValues[7]).toBe("");
      });
    });

    describe("superseded marks", () => {
      it("marks the customer's latest earlier row, spelled with 有限公司, when the new follow-up is newer", () => {
        const result = plan();
        expect(result.changes).toEqual([{ row: 4, column: ADOPTED.superseded, before: "", after: true }]);
        expect(result.supersededRows).toEqual([4]);
        expect(result.newRowSuperseded).toBe(false);
        expect(cellOf(result, "superseded")).toBe("");
      });

      it("marks every unmarked earlier row of the customer, and no other customer's", () => {
        const rows = syncedRows().map((cells) => ({ ...cells, superseded: "" }));
        const result = plan({ rows });
        expect(result.changes.map((c) => [c.row, c.column, c.after])).toEqual([
          [3, ADOPTED.superseded, true],
          [4, ADOPTED.superseded, true],
          [6, ADOPTED.superseded, true],
        ]);
        expect(result.supersededRows).toEqual([3, 4, 6]);
      });

      it("does not plan again a row already marked", () => {
        const planned = plan().changes.map((c) => c.row);
        expect(planned).not.toContain(3);
        expect(planned).not.toContain(6);
      });

      it("supersedes the latest row when the new follow-up is on the same day, being logged after it", () => {
        const result = plan({ followUp: validFollowUp({ date: dayFromYmd(2026, 11, 24) }) });
        expect(result.supersededRows).toEqual([4]);
        expect(result.newRowSuperseded).toBe(false);
      });

      it("marks nothing for a backdated follow-up and marks the new row itself superseded", () => {
        const result = plan({ followUp: validFollowUp({ date: dayFromYmd(2026, 11, 15) }) });
        expect(result.changes).toEqual([]);
        expect(result.supersededRows).toEqual([]);
        expect(result.newRowSuperseded).toBe(true);
        expect(cellOf(result, "superseded")).toBe(true);
      });

      it("marks nothing for a new customer", () => {
        const result = plan({ followUp: validFollowUp({ customer: "深圳某电子" }) });
        expect(result.changes).toEqual([]);
        expect(result.supersededRows).toEqual([]);
        expect(result.newRowSuperseded).toBe(false);
      });

      it("plans no marks for a table without a superseded column", () => {
        const { superseded: _, ...positions } = ADOPTED;
        const rows = syncedRows().map((cells) => ({ ...cells, superseded: "" }));
        const result = plan({ positions, rows, followUp: validFollowUp({ date: dayFromYmd(2026, 11, 15) }) });
        expect(result.changes).toEqual([]);
        expect(result.rowValues).not.toContain(true);
      });

      it("changes only the add-on's superseded column, never a cell the team typed", () => {
        const unmarked = syncedRows().map((cells) => ({ ...cells, superseded: "" }));
        for (const result of [plan(), plan({ rows: unmarked }), plan({ rows: unmarked, now: NOW + 86_400_000 })]) {
          expect(result.changes.length).toBeGreaterThan(0);
          expect(changesToTeamColumns(result.changes, ADOPTED)).toEqual([]);
          expect(result.changes.every((c) => c.column === ADOPTED.superseded)).toBe(true);
        }
      });
    });
  });
});
