/** Tests of src/core/archive-plan: which customers Archive closed customers moves (closed more than the Settings months ago, every row readable and with its own id), to which year's archive, how many in one run, and the Archives sheet's lines. */

import {
  type ArchiveRecord,
  archiveName,
  archivesGrid,
  deletionRuns,
  monthsBefore,
  planArchive,
} from "../../src/core/archive-plan";
import { dayFromYmd, isoOfDay } from "../../src/core/dates";
import type { FollowUp, RowProblem } from "../../src/core/follow-ups";
import { defaultSettings } from "../../src/core/settings";
import { followUpOf } from "../fixtures/follow-up";

const SETTINGS = defaultSettings("zh"); // archive after 12 months
const TODAY = dayFromYmd(2026, 11, 27);

/** A follow-up of `customer` on `date` (yyyy-mm-dd) at `stage`, in sheet row `row`, with id FU-<row>. */
function at(row: number, customer: string, date: string, stage: string): FollowUp {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const closed = stage === "已成交" || stage === "已流失";
  return followUpOf({
    row,
    id: `FU-${String(row).padStart(6, "0")}`,
    customer,
    date: dayFromYmd(y, m, d),
    stage,
    nextDate: closed ? null : dayFromYmd(y, m, d + 7),
  });
}

describe("archive-plan", () => {
  describe("monthsBefore", () => {
    it("counts calendar months back, the 31st of a shorter month falling on its last day", () => {
      expect(isoOfDay(monthsBefore(TODAY, 12))).toBe("2025-11-27");
      expect(isoOfDay(monthsBefore(dayFromYmd(2026, 3, 31), 1))).toBe("2026-02-28");
      expect(isoOfDay(monthsBefore(dayFromYmd(2024, 3, 31), 1))).toBe("2024-02-29");
      expect(isoOfDay(monthsBefore(dayFromYmd(2026, 1, 15), 1))).toBe("2025-12-15");
      expect(isoOfDay(monthsBefore(dayFromYmd(2026, 1, 15), 120))).toBe("2016-01-15");
    });
  });

  describe("planArchive", () => {
    it("moves customers won or lost more than 12 months ago, each with all its rows, to its latest year's archive", () => {
      const rows = [
        at(2, "甲公司", "2024-12-20", "需求确认"),
        at(3, "乙公司", "2025-01-05", "已流失"),
        at(4, "丙公司", "2026-10-01", "已成交"),
        at(5, "甲公司", "2025-01-10", "已成交"),
        at(6, "丁公司", "2024-05-01", "谈判中"),
        at(7, "戊公司", "2025-11-27", "已成交"),
        at(8, "己公司", "2025-11-26", "已流失"),
      ];
      const plan = planArchive(rows, [], SETTINGS, TODAY, 100);
      expect(plan.customers).toEqual([
        { customerKey: rows[1]?.customerKey, customer: "乙公司", year: 2025, rows: [3] },
        { customerKey: rows[0]?.customerKey, customer: "甲公司", year: 2025, rows: [2, 5] },
        { customerKey: rows[6]?.customerKey, customer: "己公司", year: 2025, rows: [8] },
      ]);
      // 丙公司 won last month, 丁公司 is open however old, 戊公司 was won exactly 12 months ago: all stay.
      expect([plan.remaining, plan.heldBack]).toEqual([0, 0]);
    });

    it("follows Settings' months and names the year of the latest follow-up", () => {
      const rows = [at(2, "甲公司", "2025-12-30", "谈判中"), at(3, "甲公司", "2026-01-03", "已成交")];
      expect(planArchive(rows, [], SETTINGS, TODAY, 100).customers).toEqual([]);
      const plan = planArchive(rows, [], { ...SETTINGS, archiveMonths: 6 }, TODAY, 100);
      expect(plan.customers.map((c) => [c.customer, c.year, c.rows])).toEqual([["甲公司", 2026, [2, 3]]]);
    });

    it("holds back a customer with a row to fix, a row without an id, or an id another row repeats", () => {
      const problem: RowProblem = { row: 2, column: "done", kind: "unknownDone", value: "maybe" };
      const rows = [
        at(2, "甲公司", "2024-01-02", "谈判中"),
        at(3, "甲公司", "2024-02-01", "已成交"),
        { ...at(4, "乙公司", "2024-03-01", "已流失"), id: "" },
        at(5, "丙公司", "2024-03-01", "已流失"),
        { ...at(6, "丁公司", "2024-03-01", "已成交"), id: "FU-000005" },
        at(7, "戊公司", "2024-04-01", "已成交"),
      ];
      const plan = planArchive(rows, [problem], SETTINGS, TODAY, 100);
      expect(plan.customers.map((c) => c.customer)).toEqual(["戊公司"]);
      expect(plan.heldBack).toBe(4);
    });

    it("stops at the run limit, the longest closed first, but always takes one customer", () => {
      // 甲公司 and 乙公司 are two runs of one row each (an open customer's rows lie between), 丙公司 one.
      const rows = [
        at(2, "甲公司", "2024-01-01", "谈判中"),
        at(3, "X", "2026-11-01", "谈判中"),
        at(4, "甲公司", "2024-03-01", "已成交"),
        at(5, "X", "2026-11-02", "谈判中"),
        at(6, "乙公司", "2024-02-01", "谈判中"),
        at(7, "X", "2026-11-03", "谈判中"),
        at(8, "乙公司", "2024-04-01", "已成交"),
        at(9, "X", "2026-11-04", "谈判中"),
        at(10, "丙公司", "2024-06-01", "已流失"),
      ];
      const names = (maxRuns: number) =>
        planArchive(rows, [], SETTINGS, TODAY, maxRuns).customers.map((c) => c.customer);
      expect(names(2)).toEqual(["甲公司"]);
      expect(planArchive(rows, [], SETTINGS, TODAY, 2).remaining).toBe(2);
      expect(names(4)).toEqual(["甲公司", "乙公司"]);
      expect(names(5)).toEqual(["甲公司", "乙公司", "丙公司"]);
      expect(names(1)).toEqual(["甲公司"]);
    });

    it("counts a customer whose rows join runs already taken as adding none", () => {
      const rows = [
        at(2, "甲公司", "2024-01-01", "谈判中"),
        at(3, "乙公司", "2024-02-01", "已成交"),
        at(4, "甲公司", "2024-01-10", "已成交"),
      ];
      expect(planArchive(rows, [], SETTINGS, TODAY, 2).customers.map((c) => c.customer)).toEqual(["甲公司", "乙公司"]);
    });
  });

  describe("deletionRuns", () => {
    it("gives the runs of adjacent rows, the bottom one first", () => {
      const customers = [
        { customerKey: "a", customer: "a", year: 2024, rows: [2, 5, 6] },
        { customerKey: "b", customer: "b", year: 2025, rows: [3, 9] },
      ];
      expect(deletionRuns(customers)).toEqual([
        [9, 9],
        [5, 6],
        [2, 3],
      ]);
    });
  });

  describe("archiveName and archivesGrid", () => {
    it("names the archive and lists the archives in either language", () => {
      expect(archiveName("销售跟进表", 2025, "zh")).toBe("销售跟进表 · 归档 2025");
      expect(archiveName("Sales", 2025, "en")).toBe("Sales · Archive 2025");
      const record = (year: number, at: number | null): ArchiveRecord => ({
        year,
        id: `id${year}`,
        sheetId: 0,
        positions: {},
        customers: 3,
        rows: 7,
        at,
      });
      const grid = archivesGrid([record(2025, Date.UTC(2026, 10, 27)), record(2024, null)], "en", (id) => `u/${id}`);
      expect(grid).toEqual([
        ["Year", "Archive", "Customers", "Rows", "Last archived at"],
        [2024, "u/id2024", 3, 7, ""],
        [2025, "u/id2025", 3, 7, new Date(Date.UTC(2026, 10, 27))],
      ]);
    });
  });
});
