/** Tests of src/core/cell-writes: when two cells hold the same value, how planned changes become the fewest writes that touch no other cell, and which changes would touch the team's columns. */

import {
  a1RangesOf,
  type CellChange,
  changesToTeamColumns,
  sameCell,
  type WriteOp,
  writeOps,
} from "../../src/core/cell-writes";
import type { ColumnPositions } from "../../src/core/columns";

/** A change of one cell that held "" before. */
function change(row: number, column: number, after: unknown): CellChange {
  return { row, column, before: "", after };
}

/** What the writes put in each cell, as "column:row" → value; a cell written twice fails the test. */
function written(ops: readonly WriteOp[]): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  const put = (column: number, row: number, value: unknown) => {
    const key = `${column}:${row}`;
    if (cells.has(key)) throw new Error(`cell ${key} is written twice`);
    cells.set(key, value);
  };
  for (const op of ops) {
    if (op.kind === "block") {
      for (const [i, value] of op.values.entries()) put(op.column, op.firstRow + i, value);
    } else {
      for (const row of op.rows) put(op.column, row, op.value);
    }
  }
  return cells;
}

/** What the changes ask each cell to hold, as "column:row" → value. */
function planned(changes: readonly CellChange[]): Map<string, unknown> {
  return new Map(changes.map((c) => [`${c.column}:${c.row}`, c.after]));
}

/**
 * The changes of one column for `code` read in base 3, one digit per row of 2..9: 0 leaves the row alone, 1 writes
 * TRUE, 2 writes "" (a mark taken away). 3^8 codes cover every subset of the rows with every mix of the two values.
 */
function columnChanges(column: number, code: number): CellChange[] {
  const changes: CellChange[] = [];
  let rest = code;
  for (let row = 2; row <= 9; row++) {
    const digit = rest % 3;
    rest = Math.floor(rest / 3);
    if (digit === 1) changes.push(change(row, column, true));
    if (digit === 2) changes.push(change(row, column, ""));
  }
  return changes;
}

/** Number of runs of consecutive rows. */
function runCount(rows: number[]): number {
  return [...rows].sort((a, b) => a - b).filter((row, i, sorted) => i === 0 || row !== sorted[i - 1] + 1).length;
}

describe("cell-writes", () => {
  describe("sameCell", () => {
    it("takes two dates for the same cell value when they are the same instant, whatever the object", () => {
      const instant = Date.UTC(2026, 10, 27, 1, 30);
      expect(sameCell(new Date(instant), new Date(instant))).toBe(true);
      expect(sameCell(new Date(instant), new Date(instant + 1000))).toBe(false);
    });

    it("does not take a date for the number or text of its instant", () => {
      const instant = Date.UTC(2026, 10, 27);
      expect(sameCell(new Date(instant), instant)).toBe(false);
      expect(sameCell(instant, new Date(instant))).toBe(false);
      expect(sameCell(new Date(instant), new Date(instant).toISOString())).toBe(false);
      expect(sameCell(new Date(instant), "")).toBe(false);
    });

    it("takes every kind of blank for the same empty cell", () => {
      expect(sameCell("", null)).toBe(true);
      expect(sameCell(null, undefined)).toBe(true);
      expect(sameCell(undefined, "")).toBe(true);
      expect(sameCell("", "")).toBe(true);
    });

    it("does not take an unticked checkbox, a zero or a space for a blank cell", () => {
      expect(sameCell(false, "")).toBe(false);
      expect(sameCell(0, "")).toBe(false);
      expect(sameCell(" ", "")).toBe(false);
    });

    it("tells a number from the text of that number, and TRUE from the text TRUE", () => {
      expect(sameCell(1, "1")).toBe(false);
      expect(sameCell("001", 1)).toBe(false);
      expect(sameCell(true, "TRUE")).toBe(false);
      expect(sameCell(42, 42)).toBe(true);
      expect(sameCell("FU-000001", "FU-000001")).toBe(true);
      expect(sameCell("上海某科技", "上海某科技 ")).toBe(false);
    });
  });

  describe("writeOps", () => {
    it("writes a run of adjacent changed cells of one column as one block", () => {
      const ops = writeOps([change(4, 2, "b"), change(3, 2, "a"), change(5, 2, "c")]);
      expect(ops).toEqual([{ kind: "block", column: 2, firstRow: 3, values: ["a", "b", "c"] }]);
    });

    it("writes one changed cell as a block of one", () => {
      expect(writeOps([change(7, 9, true)])).toEqual([{ kind: "block", column: 9, firstRow: 7, values: [true] }]);
    });

    it("writes the same value in separate runs as one scatter write", () => {
      const ops = writeOps([change(2, 9, true), change(3, 9, true), change(6, 9, true), change(10, 9, true)]);
      expect(ops).toEqual([{ kind: "scatter", column: 9, rows: [2, 3, 6, 10], value: true }]);
    });

    it("groups dates of the same instant into one scatter write", () => {
      const instant = Date.UTC(2026, 10, 27, 1);
      const ops = writeOps([change(2, 8, new Date(instant)), change(5, 8, new Date(instant))]);
      expect(ops).toEqual([{ kind: "scatter", column: 8, rows: [2, 5], value: new Date(instant) }]);
    });

    it("scatters a repeated value and writes the rest in blocks that skip the scattered rows", () => {
      const ops = writeOps([change(2, 9, "x"), change(3, 9, true), change(5, 9, true), change(6, 9, "y")]);
      expect(ops).toEqual([
        { kind: "scatter", column: 9, rows: [3, 5], value: true },
        { kind: "block", column: 9, firstRow: 2, values: ["x"] },
        { kind: "block", column: 9, firstRow: 6, values: ["y"] },
      ]);
    });

    it("writes distinct ids as blocks of adjacent rows, never across a row left alone", () => {
      const ids = [2, 3, 4, 5, 8, 9].map((row, i) => change(row, 1, `FU-00000${i + 1}`));
      expect(writeOps(ids)).toEqual([
        { kind: "block", column: 1, firstRow: 2, values: ["FU-000001", "FU-000002", "FU-000003", "FU-000004"] },
        { kind: "block", column: 1, firstRow: 8, values: ["FU-000005", "FU-000006"] },
      ]);
    });

    it("writes each column on its own, in column order", () => {
      const ops = writeOps([change(3, 9, true), change(3, 1, "FU-000007"), change(4, 1, "FU-000008")]);
      expect(ops).toEqual([
        { kind: "block", column: 1, firstRow: 3, values: ["FU-000007", "FU-000008"] },
        { kind: "block", column: 9, firstRow: 3, values: [true] },
      ]);
    });

    it("writes nothing for no changes", () => {
      expect(writeOps([])).toEqual([]);
    });

    it("for every subset of rows 2..9 marked TRUE or cleared, covers exactly the changed cells with their values", () => {
      let checked = 0;
      for (let code = 0; code < 3 ** 8; code++) {
        const changes = columnChanges(9, code);
        const ops = writeOps(changes);
        expect(written(ops)).toEqual(planned(changes));
        // One scatter write per value found in two or more runs, and no scatter write of a value in one run.
        const scattered = ops.filter((op) => op.kind === "scatter").map((op) => op.value);
        const repeated = [true, ""].filter(
          (value) => runCount(changes.filter((c) => c.after === value).map((c) => c.row)) > 1,
        );
        expect(scattered).toEqual(expect.arrayContaining(repeated));
        expect(scattered).toHaveLength(repeated.length);
        checked++;
      }
      expect(checked).toBe(6561);
    });

    it("covers exactly the changed cells when several columns change at once", () => {
      for (let code = 0; code < 3 ** 8; code += 7) {
        const changes = [
          ...columnChanges(1, code),
          ...columnChanges(8, (code * 13 + 5) % 3 ** 8),
          ...columnChanges(9, 3 ** 8 - 1 - code),
        ];
        const ops = writeOps(changes);
        expect(written(ops)).toEqual(planned(changes));
        for (const op of ops) expect(changes.some((c) => c.column === op.column)).toBe(true);
      }
    });
  });

  describe("a1RangesOf", () => {
    it("names a single row as one cell", () => {
      expect(a1RangesOf(18, [5])).toEqual(["R5"]);
    });

    it("merges adjacent rows into one range, in row order, whatever order they come in", () => {
      expect(a1RangesOf(18, [12, 5, 10, 9, 11])).toEqual(["R5", "R9:R12"]);
    });

    it("uses two letters beyond column Z", () => {
      expect(a1RangesOf(28, [3, 4, 7])).toEqual(["AB3:AB4", "AB7"]);
    });

    it("gives no ranges for no rows", () => {
      expect(a1RangesOf(1, [])).toEqual([]);
    });
  });

  describe("changesToTeamColumns", () => {
    // An adopted table: the team's columns first, the add-on's appended after them; column 8 is the team's own, unmapped.
    const POSITIONS: ColumnPositions = {
      customer: 1,
      owner: 2,
      nextDate: 3,
      stage: 4,
      date: 5,
      done: 6,
      notes: 7,
      id: 9,
      loggedAt: 10,
      superseded: 11,
    };

    it("reports a change to a column the team types in", () => {
      const toCustomer = change(5, 1, "北京某贸易");
      const toDone = change(6, 6, true);
      const toNextDate = change(7, 3, new Date(Date.UTC(2026, 11, 1)));
      expect(changesToTeamColumns([toCustomer, toDone, toNextDate], POSITIONS)).toEqual([
        toCustomer,
        toDone,
        toNextDate,
      ]);
    });

    it("lets the add-on's id, logged-at and superseded columns through", () => {
      const changes = [change(5, 9, "FU-000010"), change(5, 10, new Date(Date.UTC(2026, 10, 27))), change(4, 11, true)];
      expect(changesToTeamColumns(changes, POSITIONS)).toEqual([]);
    });

    it("reports a change to a column the table does not map (the team's own), and one past the table", () => {
      const toTeamsOwnId = change(5, 8, "A-17");
      const pastTable = change(5, 30, "x");
      expect(changesToTeamColumns([toTeamsOwnId, pastTable], POSITIONS)).toEqual([toTeamsOwnId, pastTable]);
    });
  });
});
