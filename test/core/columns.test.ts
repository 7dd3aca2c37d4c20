/** Tests of src/core/columns: every column once with headers in both languages, the add-on's own columns (no aliases, so a team's column is never taken for one), the columns adoption must add, and the follow-up fields the columns give by kind. */

import {
  ADD_ON_COLUMNS,
  type ByKind,
  blankColumnFields,
  COLUMNS,
  type ColumnKey,
  columnFields,
  columnSpec,
  fieldOf,
  missingColumns,
} from "../../src/core/columns";
import { normalizeHeader } from "../../src/core/text";

const ALL_KEYS: ColumnKey[] = [
  "id",
  "customer",
  "contact",
  "contactInfo",
  "date",
  "method",
  "need",
  "summary",
  "stage",
  "nextStep",
  "nextDate",
  "owner",
  "source",
  "score",
  "notes",
  "done",
  "loggedAt",
  "superseded",
  "amount",
  "expectedClose",
];

describe("columns", () => {
  describe("COLUMNS", () => {
    it("has every column once, in a new table's order (id first, the add-on's stamps, then the optional money columns)", () => {
      expect(COLUMNS.map((c) => c.key)).toEqual(ALL_KEYS);
    });

    it("gives every column a Chinese and an English header, each different from every other column's", () => {
      for (const language of ["zh", "en"] as const) {
        const headers = COLUMNS.map((c) => c.header[language].trim());
        for (const header of headers) expect(header).not.toBe("");
        expect(new Set(headers).size).toBe(COLUMNS.length);
      }
      for (const c of COLUMNS) expect(c.header.zh).toMatch(/[\u4e00-\u9fff]/);
      for (const c of COLUMNS) expect(c.header.en).toMatch(/^[\x20-\x7e–]+$/);
    });

    it("never lets one header text or alias name two columns", () => {
      const owners = new Map<string, ColumnKey[]>();
      for (const c of COLUMNS) {
        for (const text of new Set([c.header.zh, c.header.en, ...c.aliases].map(normalizeHeader))) {
          owners.set(text, [...(owners.get(text) ?? []), c.key]);
        }
      }
      expect([...owners].filter(([, keys]) => keys.length > 1)).toEqual([]);
    });

    it("gives every column a positive width and an owner", () => {
      for (const c of COLUMNS) {
        expect(c.width).toBeGreaterThan(0);
        expect(["team", "addOn"]).toContain(c.owner);
      }
    });
  });

  describe("ADD_ON_COLUMNS", () => {
    it("is exactly the add-on's id, logged-at and superseded columns", () => {
      expect(ADD_ON_COLUMNS).toEqual(["id", "loggedAt", "superseded"]);
    });

    it("has no aliases, so a team's own ID or created-at column is never taken for the add-on's", () => {
      for (const key of ADD_ON_COLUMNS) expect(columnSpec(key).aliases).toEqual([]);
      const aliases = COLUMNS.flatMap((c) => c.aliases.map(normalizeHeader));
      for (const teamsOwn of ["id", "编号", "序号", "created at", "创建时间"]) {
        expect(aliases).not.toContain(normalizeHeader(teamsOwn));
      }
    });

    it("leaves every other column to the team", () => {
      for (const c of COLUMNS) expect(c.owner === "addOn").toBe(ADD_ON_COLUMNS.includes(c.key));
    });
  });

  describe("columnSpec", () => {
    it("gives the spec of a column by key", () => {
      expect(columnSpec("nextDate")).toMatchObject({
        key: "nextDate",
        header: { zh: "下次跟进日期", en: "Next follow-up date" },
        kind: "date",
        owner: "team",
      });
      expect(columnSpec("superseded").header).toEqual({ zh: "已有新跟进", en: "Superseded" });
    });

    it("throws for a key that is not a column", () => {
      expect(() => columnSpec("deadline" as ColumnKey)).toThrow("unknown column deadline");
    });
  });

  describe("needed columns", () => {
    const needed = COLUMNS.filter((c) => c.needed).map((c) => c.key);

    it("include the next date, the done mark and every column of the add-on's own", () => {
      expect(needed).toEqual(expect.arrayContaining(["nextDate", "done", "customer", "date", ...ADD_ON_COLUMNS]));
    });

    it("leave out the columns a team can do without", () => {
      for (const optional of ["contact", "contactInfo", "source", "score", "notes"] as ColumnKey[]) {
        expect(needed).not.toContain(optional);
      }
    });
  });

  describe("missingColumns", () => {
    it("lists the needed columns a table lacks, in catalogue order, and nothing for a complete table", () => {
      const full = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1]));
      expect(missingColumns(full)).toEqual([]);
      const { superseded: _superseded, done: _done, contact: _contact, ...older } = full;
      expect(missingColumns(older)).toEqual(["done", "superseded"]);
    });
  });

  describe("follow-up fields", () => {
    it("names each column's field by its key, but the superseded mark's", () => {
      expect(COLUMNS.filter((c) => fieldOf(c) !== c.key).map((c) => [c.key, fieldOf(c)])).toEqual([
        ["superseded", "supersededMark"],
      ]);
    });

    /** Each kind's value, told apart: the key it was asked for, with the kind's name or a number. */
    const MARKED: ByKind<string> = {
      id: (key, mark) => `${mark}:id:${key}`,
      text: (key, mark) => `${mark}:text:${key}`,
      date: () => 1,
      timestamp: () => 2,
      stage: (key, mark) => `${mark}:stage:${key}`,
      method: (key, mark) => `${mark}:method:${key}`,
      owner: (key, mark) => `${mark}:owner:${key}`,
      source: (key, mark) => `${mark}:source:${key}`,
      score: (key, mark) => `${mark}:score:${key}`,
      done: () => true,
      superseded: () => true,
      amount: () => 3,
    };

    it("gives every column's field its kind's value for that column, except the fields given", () => {
      const fields: Record<string, unknown> = columnFields(MARKED, "m", { customer: "上海某科技", date: null });
      expect(Object.keys(fields)).toEqual(COLUMNS.map(fieldOf));
      expect(fields).toMatchObject({
        id: "m:id:id",
        customer: "上海某科技",
        contact: "m:text:contact",
        date: null,
        nextDate: 1,
        expectedClose: 1,
        stage: "m:stage:stage",
        score: "m:score:score",
        done: true,
        loggedAt: 2,
        supersededMark: true,
        amount: 3,
      });
    });

    it("gives a blank row's fields: empty text, no dates, stamp or amount, not done, not superseded", () => {
      expect(blankColumnFields()).toEqual({
        id: "",
        customer: "",
        contact: "",
        contactInfo: "",
        date: null,
        method: "",
        need: "",
        summary: "",
        stage: "",
        nextStep: "",
        nextDate: null,
        owner: "",
        source: "",
        score: "",
        notes: "",
        done: false,
        loggedAt: null,
        supersededMark: false,
        amount: null,
        expectedClose: null,
      });
    });
  });
});
