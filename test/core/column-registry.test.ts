/** Tests of the column registry as the one place a column is declared: every registered column is adopted by its headers, read into its follow-up field, reported and saved by its kind, with no column left out. */

import {
  blankColumnFields,
  COLUMNS,
  type ColumnKey,
  type ColumnKind,
  type ColumnPositions,
  type ColumnSpec,
  fieldOf,
} from "../../src/core/columns";
import { dayFromYmd } from "../../src/core/dates";
import { type FollowUp, type RowProblem, readFollowUps } from "../../src/core/follow-ups";
import { detectTable } from "../../src/core/header-detection";
import { planSave } from "../../src/core/save-plan";
import { defaultSettings } from "../../src/core/settings";
import { validFollowUp } from "../fixtures/follow-up";
import { at, day } from "../fixtures/shanghai-dates";

const ZONE = "Asia/Shanghai";
const READING = { language: "zh" as const, today: dayFromYmd(2026, 11, 27) };

/**
 * Every registered column, in reverse registry order from column B, after a column of the team's own in A: no column
 * stands where a new table would put it.
 */
const POSITIONS: ColumnPositions = Object.fromEntries([...COLUMNS].reverse().map((spec, i) => [spec.key, i + 2]));
const WIDTH = COLUMNS.length + 1;
const positionOf = (spec: ColumnSpec): number => POSITIONS[spec.key] ?? 0;

/** A row of the table holding `cells` by column key, the team's own column A filled, the rest blank. */
function sheetRow(cells: Partial<Record<string, unknown>>): unknown[] {
  const row: unknown[] = Array(WIDTH).fill("");
  row[0] = "华东区";
  for (const spec of COLUMNS) if (spec.key in cells) row[positionOf(spec) - 1] = cells[spec.key];
  return row;
}

const fieldValue = (followUp: FollowUp, spec: ColumnSpec): unknown => followUp[fieldOf(spec)];

/** A value as people type it in a column of each kind (the n-th column's, so no two columns hold the same), and as it is read. */
const TYPED: Record<ColumnKind, (n: number) => { cell: unknown; read: unknown }> = {
  id: (n) => ({ cell: `FU-0000${n}`, read: `FU-0000${n}` }),
  text: (n) => ({ cell: ` 第${n}列写的话 `, read: `第${n}列写的话` }),
  date: (n) => ({ cell: day(11, n), read: dayFromYmd(2026, 11, n) }),
  timestamp: (n) => ({ cell: at(11, n, 15), read: at(11, n, 15).getTime() }),
  stage: () => ({ cell: "已报价 ", read: "已报价" }),
  method: () => ({ cell: "微信", read: "微信" }),
  owner: () => ({ cell: "李四", read: "李四" }),
  source: () => ({ cell: "展会", read: "展会" }),
  score: () => ({ cell: 4, read: "4" }),
  done: () => ({ cell: "已完成", read: true }),
  superseded: () => ({ cell: true, read: true }),
  amount: () => ({ cell: "12万", read: 120_000 }),
};

/** A cell no reading of its kind understands, and what is reported. */
const UNREADABLE: Partial<Record<ColumnKind, { cell: unknown; problem: RowProblem["kind"] }>> = {
  date: { cell: "下周三", problem: "notADate" },
  timestamp: { cell: "昨天下午", problem: "notADate" },
  done: { cell: "再说", problem: "unknownDone" },
  amount: { cell: "十万", problem: "notAnAmount" },
};

/** Midnight of a day (days since 1970-01-01) in Shanghai, UTC+8 all year. */
const shanghaiMidnight = (day: number): Date => new Date(day * 86_400_000 - 8 * 3_600_000);

const read = (rows: unknown[][]) => readFollowUps(rows, 2, POSITIONS, ZONE, [], READING);

describe("column registry", () => {
  describe("adoption", () => {
    it("recognises every team column by its Chinese header, its English header and each alias", () => {
      const missed: string[] = [];
      for (const spec of COLUMNS.filter((c) => c.owner === "team")) {
        for (const name of [spec.header.zh, spec.header.en, ...spec.aliases]) {
          // Beside a column that names the customer (or, for the customer's own names, the contact).
          const [beside, besideKey]: [string, ColumnKey] =
            spec.key === "customer" ? ["联系人", "contact"] : ["客户名称", "customer"];
          const columns = detectTable([[beside, name]])?.columns;
          if (columns?.[spec.key] !== 2 || columns[besideKey] !== 1) missed.push(`${name} → ${spec.key}`);
        }
      }
      expect(missed).toEqual([]);
    });

    it("never takes a team's header for one of the add-on's own columns", () => {
      for (const spec of COLUMNS.filter((c) => c.owner === "addOn")) {
        for (const name of [spec.header.zh, spec.header.en]) {
          expect(detectTable([["客户名称", "联系人", name]])?.columns[spec.key]).toBeUndefined();
        }
      }
    });
  });

  describe("reading", () => {
    it("reads what is typed in every column into the follow-up, by the column's kind", () => {
      const typed = COLUMNS.map((spec, n) => ({ spec, ...TYPED[spec.kind](n + 1) }));
      const { followUps, problems } = read([sheetRow(Object.fromEntries(typed.map((t) => [t.spec.key, t.cell])))]);
      expect(problems).toEqual([]);
      const [followUp] = followUps;
      for (const t of typed) expect([t.spec.key, fieldValue(followUp, t.spec)]).toEqual([t.spec.key, t.read]);
    });

    it("reads a blank cell in every column but the customer and follow-up date as the blank of its kind", () => {
      const { followUps } = read([sheetRow({ customer: "上海某科技", date: day(11, 20) })]);
      const blank: Record<string, unknown> = blankColumnFields();
      for (const spec of COLUMNS.filter((c) => c.key !== "customer" && c.key !== "date")) {
        expect([spec.key, fieldValue(followUps[0], spec)]).toEqual([spec.key, blank[fieldOf(spec)]]);
      }
    });

    it("reports, against its own column, a cell its kind cannot read, and reads it as blank", () => {
      for (const spec of COLUMNS) {
        const unreadable = UNREADABLE[spec.kind];
        if (!unreadable) continue;
        const { followUps, problems } = read([
          sheetRow({ customer: "上海某科技", date: day(11, 20), [spec.key]: unreadable.cell }),
        ]);
        expect(problems).toEqual([{ row: 2, column: spec.key, kind: unreadable.problem, value: unreadable.cell }]);
        expect(fieldValue(followUps[0], spec)).toEqual(blankColumnFields()[fieldOf(spec)]);
      }
    });

    it("reads a plain number in every date column as the sheet's serial day, and reports it there", () => {
      for (const spec of COLUMNS.filter((c) => c.kind === "date")) {
        const { followUps, problems } = read([
          sheetRow({ customer: "上海某科技", date: day(11, 20), [spec.key]: 45000 }),
        ]);
        expect(fieldValue(followUps[0], spec)).toBe(dayFromYmd(2023, 3, 15));
        expect(problems).toEqual([{ row: 2, column: spec.key, kind: "numberAsDate", value: "45000 → 2023-03-15" }]);
      }
    });

    it("reads a date typed without a year in every date column but the follow-up date near the follow-up date", () => {
      // Followed up on 2026-12-28: "1/5" is next January, not the January before today (2026-11-27).
      for (const spec of COLUMNS.filter((c) => c.kind === "date" && c.key !== "date")) {
        const { followUps } = read([sheetRow({ customer: "上海某科技", date: day(12, 28), [spec.key]: "1/5" })]);
        expect([spec.key, fieldValue(followUps[0], spec)]).toEqual([spec.key, dayFromYmd(2027, 1, 5)]);
      }
    });
  });

  describe("saving", () => {
    const form = validFollowUp({ customer: "深圳某电子", method: "微信" });
    const NOW = Date.UTC(2026, 10, 27, 2, 30);
    const saved = planSave({
      table: { firstRow: 2, values: [], positions: POSITIONS },
      followUps: [],
      problems: [],
      settings: defaultSettings("zh"),
      followUp: form,
      row: 2,
      id: "FU-000001",
      now: NOW,
      width: WIDTH,
      timeZone: ZONE,
    });
    const formValue = (spec: ColumnSpec): unknown => (form as unknown as Record<string, unknown>)[spec.key];
    const inForm = COLUMNS.filter((spec) => spec.key in form);

    it("writes each field of the form into its column, wherever the table has it; dates at midnight in the zone", () => {
      expect(inForm.length).toBeGreaterThan(10);
      for (const spec of inForm) {
        const value = formValue(spec);
        const expected = spec.kind === "date" ? shanghaiMidnight(Number(value)) : value;
        expect([spec.key, saved.rowValues[positionOf(spec) - 1]]).toEqual([spec.key, expected]);
      }
    });

    it("leaves blank every team column the form does not ask for, and the team's own column", () => {
      const others = COLUMNS.filter((spec) => spec.owner === "team" && !(spec.key in form));
      expect(others.map((spec) => spec.key)).toEqual(expect.arrayContaining(["done", "amount", "expectedClose"]));
      for (const spec of others) expect([spec.key, saved.rowValues[positionOf(spec) - 1]]).toEqual([spec.key, ""]);
      expect(saved.rowValues[0]).toBe("");
    });

    it("stamps the add-on's own columns: the id, the logged-at time, and no superseded mark for a new customer", () => {
      const cellOf = (key: ColumnKey) => saved.rowValues[(POSITIONS[key] ?? 0) - 1];
      expect(cellOf("id")).toBe("FU-000001");
      expect(cellOf("loggedAt")).toEqual(new Date(NOW));
      expect(cellOf("superseded")).toBe("");
    });

    it("is read back as the form said, in every column the form fills", () => {
      const { followUps, problems } = read([saved.rowValues]);
      expect(problems).toEqual([]);
      for (const spec of inForm) {
        const value = formValue(spec);
        const expected = spec.kind === "date" ? value : String(value);
        expect([spec.key, fieldValue(followUps[0], spec)]).toEqual([spec.key, expected]);
      }
      expect(followUps[0]).toMatchObject({ id: "FU-000001", loggedAt: NOW, done: false, supersededMark: false });
    });
  });
});
