/** Tests of src/core/archive-rows: the archive's columns matched to the table's, what each archived cell holds (formulas reading only their own row stay formulas), and archived follow-ups beside the table's in the review. */

import {
  AUTOMATIC_FORMAT,
  archivedForReview,
  archivedRow,
  archiveLayout,
  archivePlaceOf,
  differingCells,
  ownRowFormula,
  reviewRowOf,
} from "../../src/core/archive-rows";
import { followUpOf } from "../fixtures/follow-up";

const HEADER = ["客户名称", "跟进时间", "当前阶段", "备注", "记录编号"];
const POSITIONS = { customer: 1, date: 2, stage: 3, notes: 4, id: 5 };

describe("archive-rows", () => {
  describe("archiveLayout", () => {
    it("lays a new archive out as the table", () => {
      expect(archiveLayout({ header: HEADER, positions: POSITIONS, width: 5 }, null)).toEqual({
        header: HEADER,
        positions: POSITIONS,
        columnOf: [1, 2, 3, 4, 5],
      });
    });

    it("matches the add-on's columns by key and the team's by header, appending what the archive lacks", () => {
      // Since the archive was made, the team inserted 金额 before 备注, renamed 备注, and the add-on added 已有新跟进.
      const table = {
        header: ["客户名称", "跟进时间", "当前阶段", "金额", "说明", "记录编号", "已有新跟进"],
        positions: { customer: 1, date: 2, stage: 3, notes: 5, id: 6, superseded: 7 },
        width: 7,
      };
      const layout = archiveLayout(table, { header: HEADER, positions: POSITIONS });
      expect(layout.columnOf).toEqual([1, 2, 3, 7, 4, 5, 6]);
      expect(layout.header).toEqual([...HEADER, "已有新跟进", "金额"]);
      expect(layout.positions).toEqual({ ...POSITIONS, superseded: 6 });
    });

    it("gives a team column repeated under one header the archive's columns of that header in order", () => {
      const header = ["客户名称", "电话", "电话", "记录编号"];
      const layout = archiveLayout(
        { header, positions: { customer: 1, id: 4 }, width: 4 },
        { header, positions: { customer: 1, id: 4 } },
      );
      expect(layout.columnOf).toEqual([1, 2, 3, 4]);
    });
  });

  describe("ownRowFormula", () => {
    const identity = [1, 2, 3, 4, 5, 6];
    it("moves a formula reading only its own row to the archive row, through the column layout", () => {
      expect(ownRowFormula('=B6&" 成交"', 6, 3, identity)).toBe('=B3&" 成交"');
      expect(ownRowFormula("=SUM($B6:D6)*1E5", 6, 40, [1, 3, 4, 5])).toBe("=SUM($C40:E40)*1E5");
      expect(ownRowFormula('=IF(1>0,"是","否")', 9, 2, identity)).toBe('=IF(1>0,"是","否")');
      expect(ownRowFormula('=IF(C7="A7","B7",LOG10(D7))', 7, 2, identity)).toBe('=IF(C2="A7","B7",LOG10(D2))');
    });

    it("keeps anything else as a value: another row, a whole column, another sheet, a name, a moving function", () => {
      for (const formula of [
        "=B5",
        "=SUM(B:B)",
        "=SUM(6:6)",
        "=团队!A6",
        "='Team list'!A6",
        "=Rate*B6",
        "=ROW()",
        "=TODAY()-B6",
        '=SPLIT(B6, ",")',
        "={B6,C6}",
        "=Z6",
        "plain",
      ]) {
        expect([formula, ownRowFormula(formula, 6, 3, identity)]).toEqual([formula, null]);
      }
    });
  });

  describe("archivedRow", () => {
    const layout = archiveLayout({ header: HEADER, positions: POSITIONS, width: 5 }, null);

    it("writes text literally, a movable formula as a formula, and any other formula's value with it in the note", () => {
      const date = new Date(Date.UTC(2025, 3, 9, 16)); // 2025-04-10 00:00 in Shanghai
      const line = archivedRow(
        layout,
        {
          values: ["=HYPERLINK(x)", date, 7, "甲公司 成交", "FU-000005"],
          formulas: ["", "", "=ROW()", '=A6&" 成交"', ""],
          formats: ["@", AUTOMATIC_FORMAT, AUTOMATIC_FORMAT, "@", "@"],
          notes: ["大客户", "", "旧备注", "", ""],
        },
        6,
        3,
        "Asia/Shanghai",
      );
      expect(line.values).toEqual(["'=HYPERLINK(x)", date, 7, '=A3&" 成交"', "'FU-000005"]);
      expect(line.notes).toEqual(["大客户", "", "旧备注\n=ROW()", "", ""]);
      // A date left to the automatic format gets a date's format; the rest keep theirs.
      expect(line.formats).toEqual(["@", "yyyy-mm-dd", AUTOMATIC_FORMAT, "@", "@"]);
      expect(line.expected).toEqual(["=HYPERLINK(x)", date, 7, "甲公司 成交", "FU-000005"]);
    });

    it("fills archive columns the table lacks with blanks", () => {
      const wider = archiveLayout(
        { header: HEADER.slice(0, 2), positions: { customer: 1, date: 2 }, width: 2 },
        { header: HEADER, positions: POSITIONS },
      );
      const line = archivedRow(wider, { values: ["甲", ""], formulas: [], formats: [], notes: [] }, 2, 2, "UTC");
      expect(line.values).toEqual(["'甲", "", "", "", ""]);
      expect(differingCells([line.expected], [["甲", "", "", "", ""]])).toBe(0);
      expect(differingCells([line.expected], [["乙", "", "", "x", ""]])).toBe(2);
    });
  });

  describe("archivedForReview", () => {
    it("renumbers archived rows past the table's, and counts an id once: in the table, else in the later archive", () => {
      const table = [followUpOf({ row: 2, id: "FU-000009" })];
      const older = {
        followUps: [followUpOf({ row: 2, id: "FU-000001" }), followUpOf({ row: 3, id: "FU-000002" })],
        problems: [{ row: 3, column: "done" as const, kind: "unknownDone" as const, value: "?" }],
      };
      const newer = {
        followUps: [followUpOf({ row: 2, id: "FU-000002" }), followUpOf({ row: 3, id: "FU-000009" })],
        problems: [],
      };
      const read = archivedForReview([older, newer], table);
      expect(read.followUps.map((f) => [f.id, archivePlaceOf(f.row)])).toEqual([
        ["FU-000002", { archive: 1, row: 2 }],
        ["FU-000001", { archive: 0, row: 2 }],
      ]);
      expect(read.problems).toEqual([]);
      expect(archivePlaceOf(reviewRowOf(0, 5))).toEqual({ archive: 0, row: 5 });
      expect(archivePlaceOf(9_999_999)).toBeNull();
    });
  });
});
