/** Tests of src/core/report: the lists and Sync messages that tell the team what changed and which cells need a person. */

import type { RowProblem } from "../../src/core/follow-ups";
import { listText, problemLines, syncReport, teamProblemLines } from "../../src/core/report";
import type { TeamProblem } from "../../src/core/team";

const PROBLEMS: RowProblem[] = [
  { row: 5, column: "date", kind: "notADate", value: "下周二" },
  { row: 7, column: "stage", kind: "unknownStage", value: "跟进中" },
  { row: 9, column: "customer", kind: "missingCustomer", value: "" },
];

const TEAM_PROBLEMS: TeamProblem[] = [{ row: 3, kind: "invalidEmail", value: "zhao6@example" }];

/** `count` rows whose follow-up date is missing, from row 2 down. */
function missingDates(count: number): RowProblem[] {
  return Array.from({ length: count }, (_, i) => ({ row: i + 2, column: "date", kind: "missingDate", value: "" }));
}

const NO_CHANGE = { ids: 0, loggedAt: 0, superseded: 0, unsuperseded: 0 };

describe("report", () => {
  describe("listText", () => {
    it("joins names with the list mark of each language", () => {
      expect(listText(["上海某科技", "北京某贸易", "Acme"], "zh")).toBe("上海某科技、北京某贸易、Acme");
      expect(listText(["Acme", "Globex", "上海某科技"], "en")).toBe("Acme, Globex, 上海某科技");
      expect(listText(["跟进中"], "zh")).toBe("跟进中");
    });

    it("says none when the list is empty", () => {
      expect(listText([], "zh")).toBe("无");
      expect(listText([], "en")).toBe("none");
    });
  });

  describe("problemLines", () => {
    it("names the row, the column header and the issue in Chinese", () => {
      expect(problemLines(PROBLEMS, "zh")).toEqual([
        "第 5 行「跟进时间」：不是日期（下周二）",
        "第 7 行「当前阶段」：阶段「跟进中」不在设置的阶段列表中",
        "第 9 行「客户名称」：没有填写客户名称",
      ]);
    });

    it("names the row, the column header and the issue in English", () => {
      expect(problemLines(PROBLEMS, "en")).toEqual([
        "Row 5, “Follow-up date”: not a date (下周二)",
        "Row 7, “Stage”: stage “跟进中” is not in the Settings stage list",
        "Row 9, “Customer”: no customer name",
      ]);
    });

    it("lists twenty problems, then says how many more there are", () => {
      const zh = problemLines(missingDates(25), "zh");
      expect(zh).toHaveLength(21);
      expect(zh[19]).toBe("第 21 行「跟进时间」：没有填写跟进时间");
      expect(zh[20]).toBe("…另有 5 条");
      expect(problemLines(missingDates(25), "en")[20]).toBe("… and 5 more");
      expect(problemLines(missingDates(20), "en")).toHaveLength(20);
      expect(problemLines([], "zh")).toEqual([]);
    });
  });

  describe("teamProblemLines", () => {
    it("names the Team sheet row and what is wrong, and caps the list", () => {
      expect(teamProblemLines(TEAM_PROBLEMS, "zh")).toEqual([
        "团队表第 3 行：邮箱「zhao6@example」无效，此人收不到提醒",
      ]);
      expect(teamProblemLines(TEAM_PROBLEMS, "en")).toEqual([
        "Team sheet row 3: email “zhao6@example” is not valid; this person gets no reminders",
      ]);
      const many = Array.from({ length: 21 }, (_, i): TeamProblem => ({ row: i + 2, kind: "missingName", value: "" }));
      expect(teamProblemLines(many, "en").at(-1)).toBe("… and 1 more");
    });
  });

  describe("syncReport", () => {
    it("says everything is in order when nothing changed and nothing needs a person", () => {
      expect(syncReport(NO_CHANGE, [], [], "zh")).toBe("同步完成：一切正常，没有需要修改的地方。");
      expect(syncReport(NO_CHANGE, [], [], "en")).toBe(
        "Sync finished: everything is in order, nothing needed changing.",
      );
    });

    it("counts what Sync wrote in the add-on's own columns", () => {
      expect(syncReport({ ids: 3, loggedAt: 2, superseded: 4, unsuperseded: 1 }, [], [], "zh")).toBe(
        "同步完成：新分配编号 3 条，补填录入时间 2 条，标记“已有新跟进” 4 条，取消该标记 1 条。只写入跟进表助手自己的列，你们填写的内容一格未动。",
      );
      expect(syncReport({ ids: 3, loggedAt: 2, superseded: 4, unsuperseded: 1 }, [], [], "en")).toBe(
        "Sync finished: 3 IDs assigned, 2 logged-at times filled in, 4 rows marked “superseded”, 1 unmarked. Only the add-on's own columns were written; not one cell your team typed was changed.",
      );
    });

    it("lists the Team sheet's rows, then the table's cells, that a person has to fix", () => {
      expect(syncReport(NO_CHANGE, PROBLEMS, TEAM_PROBLEMS, "zh").split("\n")).toEqual([
        "同步完成：新分配编号 0 条，补填录入时间 0 条，标记“已有新跟进” 0 条，取消该标记 0 条。只写入跟进表助手自己的列，你们填写的内容一格未动。",
        "",
        "团队表中以下 1 处需要修正：",
        "团队表第 3 行：邮箱「zhao6@example」无效，此人收不到提醒",
        "",
        "以下 3 处需要人工检查（未做任何修改）：",
        "第 5 行「跟进时间」：不是日期（下周二）",
        "第 7 行「当前阶段」：阶段「跟进中」不在设置的阶段列表中",
        "第 9 行「客户名称」：没有填写客户名称",
      ]);
    });

    it("counts every problem in the header, even those past the listed twenty", () => {
      const lines = syncReport({ ...NO_CHANGE, ids: 1 }, missingDates(25), [], "en").split("\n");
      expect(lines[2]).toBe("25 cells need a person to check them (nothing was changed):");
      expect(lines).toHaveLength(3 + 21);
      expect(lines.at(-1)).toBe("… and 5 more");
    });

    it("reports Team sheet rows to fix even when the table itself needs nothing", () => {
      const team: TeamProblem[] = [...TEAM_PROBLEMS, { row: 4, kind: "unknownRole", value: "intern" }];
      expect(syncReport(NO_CHANGE, [], team, "en").split("\n").slice(1)).toEqual([
        "",
        "2 rows of the Team sheet need fixing:",
        "Team sheet row 3: email “zhao6@example” is not valid; this person gets no reminders",
        "Team sheet row 4: role “intern” is unknown; read as rep (use rep, manager or admin)",
      ]);
    });
  });
});
