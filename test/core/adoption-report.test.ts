/** Tests of src/core/adoption-report: the adoption confirmation names the column that feeds reminders (or says plainly there is none), the closing and vague statuses, and the column-by-column mapping `simulate` prints. */

import {
  adoptedNotes,
  adoptionQuestion,
  mappingLines,
  remindersText,
  statusesOf,
  statusesText,
} from "../../src/core/adoption-report";
import { type AdoptionPlan, detectTable, planAdoption } from "../../src/core/header-detection";

function planOf(values: unknown[][]): AdoptionPlan {
  const table = detectTable(values);
  if (!table) throw new Error("no table");
  return planAdoption(table);
}

/** The stage column of `values` from the header row down, as adoption reads it for the question. */
function stageCellsOf(values: unknown[][]): unknown[] {
  const plan = planOf(values);
  const column = plan.columns.stage;
  return column === undefined ? [] : values.slice(plan.headerRow - 1).map((row) => row[column - 1]);
}

const ZH_TEMPLATE = [
  ["客户名称", "联系人", "跟进时间", "当前状态", "下次回访时间", "跟进人", "备注说明"],
  ["上海某科技", "张三", "2024/6/10", "已报价", "2024/6/12", "李四", ""],
  ["北京某贸易", "李四", "2024/6/9", "跟进中", "2024/6/13", "王五", ""],
  ["深圳某医疗", "赵六", "2024/6/11", "跟进中", "2024/6/14", "王五", ""],
  ["杭州某网络", "钱七", "2024/6/8", "签约完成", "", "李四", ""],
  ["宁波某港口", "孙八", "2024/6/7", "丢单", "", "王五", ""],
];

const EN_TEMPLATE = [
  ["Customer", "Date", "Follow-up Date", "Rep", "Status", "Next action", "Done"],
  ["Acme", "2024-06-03", "2024-06-10", "Ann Lee", "Quoted", "Call back about the quote", ""],
  ["Globex", "2024-06-04", "2024-06-07", "Bo Chen", "In progress", "Send the deck", ""],
  ["Initech", "2024-06-01", "", "Bo Chen", "Closed Won", "", "Yes"],
];

describe("adoption-report", () => {
  describe("remindersText", () => {
    it("names the recognised next-date column", () => {
      expect(remindersText(planOf(ZH_TEMPLATE), "zh")).toBe("提醒依据：「下次回访时间」列（下次跟进日期）。");
      expect(remindersText(planOf([["Account", "Next contact date"]]), "en")).toBe(
        "Reminders follow the “Next contact date” column (Next follow-up date).",
      );
    });

    it("says when context made a follow-up-date column the next date", () => {
      expect(remindersText(planOf(EN_TEMPLATE), "en")).toBe(
        "Reminders follow the “Follow-up Date” column: it stands after the contact-date column “Date”, so it is read as the “Next follow-up date”.",
      );
      expect(remindersText(planOf([["客户名称", "跟进时间", "回访日期"]]), "zh")).toBe(
        "提醒依据：「回访日期」列。它在跟进时间列「跟进时间」之后，按「下次跟进日期」处理。",
      );
    });

    it("says plainly that there is no next-date column, what adoption will do, and how to cancel", () => {
      const plan = planOf([["客户名称", "跟进时间", "当前状态"]]);
      expect(plan.toAppend).toContain("nextDate");
      const zh = remindersText(plan, "zh");
      expect(zh).toContain("没有找到下次跟进日期列");
      expect(zh).toContain("会在末尾添加一个空的「下次跟进日期」列，团队填写后才会收到提醒");
      expect(zh).toContain("请选「否」");
      const en = remindersText(planOf([["Customer", "Follow-up Date", "Status"]]), "en");
      expect(en).toContain("No next follow-up date column was found");
      expect(en).toContain("nobody is reminded until the team fills it in");
      expect(en).toContain("answer No");
    });
  });

  describe("statuses", () => {
    it("reads the stage column below the header, without a pasted header row", () => {
      const values = [...ZH_TEMPLATE, ZH_TEMPLATE[0]];
      expect(statusesOf(stageCellsOf(values))).toEqual(["已报价", "跟进中", "跟进中", "签约完成", "丢单"]);
    });

    it("lists the statuses that close a deal and the vague ones, counted, in each language", () => {
      const zh = statusesText(statusesOf(stageCellsOf(ZH_TEMPLATE)), "zh");
      expect(zh).toContain("表示结束的状态：「签约完成」算作赢单、「丢单」算作输单。");
      expect(zh).toContain("以下状态太笼统，不会作为阶段：「跟进中」2 行。这些行仍按下次跟进日期照常提醒");
      const en = statusesText(statusesOf(stageCellsOf(EN_TEMPLATE)), "en");
      expect(en).toContain("Statuses that close a deal: “Closed Won” counts as won.");
      expect(en).toContain("These statuses are too vague to be stages: “In progress” × 1.");
      expect(statusesText(["已报价", "谈判中"], "zh")).toBe("");
    });
  });

  describe("adoptionQuestion", () => {
    it("asks with the mapping, the reminders' column and the statuses, in Chinese", () => {
      const question = adoptionQuestion(planOf(ZH_TEMPLATE), stageCellsOf(ZH_TEMPLATE), "工作表1", "zh");
      expect(question).toContain("在「工作表1」第 1 行找到表头。");
      expect(question).toContain("下次回访时间 → 下次跟进日期、跟进人 → 责任人");
      expect(question).toContain("提醒依据：「下次回访时间」列（下次跟进日期）。");
      expect(question).toContain("「跟进中」2 行");
      expect(question).toMatch(/接管这张表吗？$/);
    });

    it("warns before adopting an English table with no next-date column", () => {
      const values = [
        ["Customer", "Date", "Rep"],
        ["Acme", "2024-06-03", "Ann Lee"],
      ];
      const question = adoptionQuestion(planOf(values), stageCellsOf(values), "Sheet1", "en");
      expect(question).toContain("Will be added at the end: ID, Method, Customer need, What we did / summary, Stage");
      expect(question).toContain("⚠ No next follow-up date column was found");
      expect(question).toMatch(/Adopt this table\?$/);
    });
  });

  describe("adoptedNotes", () => {
    it("repeats after adopting that the appended next-date column is empty, and says nothing otherwise", () => {
      expect(adoptedNotes(planOf([["Customer", "Date"]]), "en")).toEqual([
        "Note: the new “Next follow-up date” column is empty; reminders start once the team fills it in.",
      ]);
      expect(adoptedNotes(planOf(ZH_TEMPLATE), "zh")).toEqual([]);
    });
  });

  describe("mappingLines", () => {
    it("maps every column, left to right, then the appended ones and the reminders' column, in Chinese", () => {
      expect(mappingLines(planOf(ZH_TEMPLATE), "zh")).toEqual([
        "表头在第 1 行，逐列对应：",
        "  A 列「客户名称」→ 客户名称",
        "  B 列「联系人」→ 联系人",
        "  C 列「跟进时间」→ 跟进时间",
        "  D 列「当前状态」→ 当前阶段",
        "  E 列「下次回访时间」→ 下次跟进日期",
        "  F 列「跟进人」→ 责任人",
        "  G 列「备注说明」→ 备注",
        "  H 列 → 新增「记录编号」",
        "  I 列 → 新增「跟进方式」",
        "  J 列 → 新增「客户需求」",
        "  K 列 → 新增「跟进内容」",
        "  L 列 → 新增「下一步计划」",
        "  M 列 → 新增「已跟进」",
        "  N 列 → 新增「录入时间」",
        "  O 列 → 新增「已有新跟进」",
        "提醒依据：「下次回访时间」列（下次跟进日期）。",
      ]);
    });

    it("says which columns are left alone and which follow-up date context decided, in English", () => {
      const lines = mappingLines(planOf([["Customer", "Date", "Follow-up Date", "Region"]]), "en");
      expect(lines.slice(0, 5)).toEqual([
        "Header on row 1, column by column:",
        "  A “Customer” → Customer",
        "  B “Date” → Follow-up date",
        "  C “Follow-up Date” → Next follow-up date (after “Date”)",
        "  D “Region” → left alone, not read",
      ]);
      expect(lines[5]).toBe("  E → added: “ID”");
    });
  });
});
