/** Tests of src/core/review-reps: each rep's week against the week before, counted as the KPIs count (owners matched to the Team sheet), and the per-rep block in both languages. */

import { type Day, dayFromYmd } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import type { FollowUp } from "../../src/core/follow-ups";
import { repBlock, repLines } from "../../src/core/review-reps";
import { defaultSettings } from "../../src/core/settings";
import type { Role, TeamMember } from "../../src/core/team";
import { followUpOf } from "../fixtures/follow-up";

const SETTINGS = defaultSettings("zh");
/** Monday: last week is 2026-11-23 – 11-29, the week before 11-16 – 11-22. */
const TODAY = dayFromYmd(2026, 11, 30);

function day(month: number, date: number): Day {
  return dayFromYmd(2026, month, date);
}

function member(name: string, role: Role): TeamMember {
  return { name, email: `${name}@example.com`, role, managerEmail: "", reminders: true, language: "" };
}

const MEMBERS = [member("李四", "rep"), member("王五", "rep"), member("赵六", "rep"), member("张三", "manager")];

let nextRow = 2;
function row(fields: Partial<FollowUp>): FollowUp {
  return followUpOf({ row: nextRow++, nextDate: day(12, 5), ...fields });
}

/**
 * Default win probabilities: 新线索 10%, 已报价 50%, 谈判中 60%.
 * - 甲 (李四): new the week before at 新线索 (100,000), 已报价 last week (owner typed " 李四 ").
 * - 乙 (王五): new last week at 新线索 (50,000).
 * - 丙 (张三, a manager): new the week before at 谈判中 (200,000), won last week.
 * - 丁 (Bob, not on Team): 待回访 since 11-10, overdue since 11-20.
 * - 戊 (no owner): new and lost last week.
 * - 己 (王五): new the week before, overdue since 11-26.
 */
const ROWS: FollowUp[] = [
  row({ customer: "甲", date: day(11, 17), stage: "新线索", owner: "李四", amount: 100_000 }),
  row({ customer: "甲", date: day(11, 24), stage: "已报价", owner: " 李四 " }),
  row({ customer: "乙", date: day(11, 25), stage: "新线索", owner: "王五", amount: 50_000 }),
  row({ customer: "丙", date: day(11, 18), stage: "谈判中", owner: "张三", amount: 200_000 }),
  row({ customer: "丙", date: day(11, 26), stage: "已成交", owner: "张三", nextDate: null }),
  row({ customer: "丁", date: day(11, 10), stage: "待回访", owner: "Bob", nextDate: day(11, 20) }),
  row({ customer: "戊", date: day(11, 28), stage: "已流失", owner: "", nextDate: null }),
  row({ customer: "己", date: day(11, 19), stage: "新线索", owner: "王五", nextDate: day(11, 26) }),
];
const LINES = repLines(ROWS, agendaOf(ROWS, [], SETTINGS), TODAY, MEMBERS);
const zeros = { followUps: 0, newCustomers: 0, won: 0, lost: 0, pipeline: 0 };

describe("review-reps", () => {
  describe("repLines", () => {
    it("lists the Team's reps in Team order, then anyone else with a figure by name, rows without an owner last", () => {
      expect(LINES.map((line) => line.rep)).toEqual(["李四", "王五", "赵六", "Bob", "张三", ""]);
    });

    it("counts each rep's follow-ups, new, won and lost customers and pipeline in both weeks, and what is overdue now", () => {
      expect(LINES).toEqual([
        {
          rep: "李四",
          thisWeek: { followUps: 1, newCustomers: 0, won: 0, lost: 0, pipeline: 50_000 },
          previousWeek: { followUps: 1, newCustomers: 1, won: 0, lost: 0, pipeline: 10_000 },
          overdueNow: 0,
        },
        {
          rep: "王五",
          thisWeek: { followUps: 1, newCustomers: 1, won: 0, lost: 0, pipeline: 5_000 },
          previousWeek: { followUps: 1, newCustomers: 1, won: 0, lost: 0, pipeline: 0 },
          overdueNow: 1,
        },
        { rep: "赵六", thisWeek: zeros, previousWeek: zeros, overdueNow: 0 },
        { rep: "Bob", thisWeek: zeros, previousWeek: zeros, overdueNow: 1 },
        {
          rep: "张三",
          thisWeek: { followUps: 1, newCustomers: 0, won: 1, lost: 0, pipeline: 0 },
          previousWeek: { followUps: 1, newCustomers: 1, won: 0, lost: 0, pipeline: 120_000 },
          overdueNow: 0,
        },
        {
          rep: "",
          thisWeek: { followUps: 1, newCustomers: 1, won: 0, lost: 1, pipeline: 0 },
          previousWeek: zeros,
          overdueNow: 0,
        },
      ]);
    });
  });

  describe("repBlock", () => {
    it("heads each figure for last week and the week before in the sheet's language, the pipeline as money", () => {
      const en = repBlock(LINES, "en");
      expect(en.grid[0]?.[0]).toBe("Per rep: last week against the week before");
      expect(en.grid[1]).toEqual([
        "Rep",
        "Follow-ups (last week)",
        "Follow-ups (week before)",
        "New customers (last week)",
        "New customers (week before)",
        "Customers won (last week)",
        "Customers won (week before)",
        "Customers lost (last week)",
        "Customers lost (week before)",
        "Weighted pipeline (last week)",
        "Weighted pipeline (week before)",
        "Overdue now",
      ]);
      expect(en.grid[2]).toEqual(["李四", 1, 1, 0, 1, 0, 0, 0, 0, 50_000, 10_000, 0]);
      expect(en.grid[7]?.[0]).toBe("(no owner)");
      expect(en.formats).toEqual([{ row: 2, column: 9, height: 6, width: 2, format: "money" }]);
      const zh = repBlock(LINES, "zh");
      expect(zh.grid[1]?.slice(0, 3)).toEqual(["销售", "跟进次数（上周）", "跟进次数（前一周）"]);
      expect(zh.grid[7]?.[0]).toBe("（无责任人）");
    });
  });
});
