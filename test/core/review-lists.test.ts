/** Tests of src/core/review-lists: the customers won and lost last week (largest first) and going stale (longest forgotten first), the first ten of each with their totals and links to their rows, and the lists block in both languages. */

import { type Day, dayFromYmd } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import type { FollowUp } from "../../src/core/follow-ups";
import { customerLists, listsBlock, TOP_NAMES } from "../../src/core/review-lists";
import { defaultSettings } from "../../src/core/settings";
import { followUpOf } from "../fixtures/follow-up";

const SETTINGS = defaultSettings("zh");
/** Monday: last week is 2026-11-23 – 11-29. */
const TODAY = dayFromYmd(2026, 11, 30);
const link = (row: number) => `https://docs.google.com/spreadsheets/d/abc/edit#gid=7&range=A${row}`;

function day(month: number, date: number): Day {
  return dayFromYmd(2026, month, date);
}

let nextRow = 2;
function row(fields: Partial<FollowUp>): FollowUp {
  return followUpOf({ row: nextRow++, owner: "李四", nextDate: day(12, 5), ...fields });
}

/**
 * Won last week: 小单 (5,000), 大单 (amount typed on an earlier row, 300,000), 无额 (no amount); won the week
 * before: 旧单. Lost last week: 丢单. Twelve customers at 待回访 last followed up 30 to 41 days ago (stale at 30 days),
 * and 新客 followed up 29 days ago (not yet).
 */
const ROWS: FollowUp[] = [
  row({ customer: "小单", date: day(11, 24), stage: "已成交", amount: 5_000, nextDate: null }),
  row({ customer: "大单", date: day(11, 10), stage: "已报价", amount: 300_000 }),
  row({ customer: "大单", date: day(11, 27), stage: "已成交", owner: "王五", nextDate: null }),
  row({ customer: "无额", date: day(11, 29), stage: "已成交", nextDate: null }),
  row({ customer: "旧单", date: day(11, 20), stage: "已成交", nextDate: null }),
  row({ customer: "丢单", date: day(11, 25), stage: "已流失", amount: 80_000, nextDate: null }),
  ...Array.from({ length: 12 }, (_, i) => row({ customer: `沉睡${i + 1}`, date: day(10, 20 + i), stage: "待回访" })),
  row({ customer: "新客", date: day(11, 1), stage: "待回访" }),
];
const LISTS = customerLists(ROWS, agendaOf(ROWS, [], SETTINGS), TODAY, link);

describe("review-lists", () => {
  describe("customerLists", () => {
    it("names last week's won customers, the largest amounts first, each with its latest row and a link to it", () => {
      expect(LISTS.won.total).toBe(3);
      expect(LISTS.won.items).toEqual([
        {
          customer: "大单",
          owner: "王五",
          stage: "已成交",
          amount: 300_000,
          lastFollowUp: "2026-11-27",
          days: 3,
          link: link(4),
        },
        expect.objectContaining({ customer: "小单", amount: 5_000, link: link(2) }),
        expect.objectContaining({ customer: "无额", amount: null, link: link(5) }),
      ]);
      expect(LISTS.lost).toEqual({ items: [expect.objectContaining({ customer: "丢单", amount: 80_000 })], total: 1 });
    });

    it("names the customers going stale, longest forgotten first, the first ten of them", () => {
      expect(TOP_NAMES).toBe(10);
      expect(LISTS.stale.total).toBe(12);
      expect(LISTS.stale.items.map((item) => [item.customer, item.days])).toEqual(
        Array.from({ length: 10 }, (_, i) => [`沉睡${i + 1}`, 41 - i]),
      );
    });
  });

  describe("listsBlock", () => {
    it("lays out each list under its title and header, stage names in the sheet's language, rows linked", () => {
      const en = listsBlock(LISTS, SETTINGS, "en");
      expect(en.grid[0]?.[0]).toBe("Customers won last week (3 of 3)");
      expect(en.grid[1]).toEqual(["Customer", "Owner", "Stage", "Amount", "Last follow-up", "Days ago", "Link"]);
      expect(en.grid[2]).toEqual(["大单", "王五", "Won", 300_000, "2026-11-27", 3, link(4)]);
      expect(en.grid[4]?.[3]).toBe("");
      expect(en.grid[6]?.[0]).toBe("Customers lost last week (1 of 1)");
      expect(en.grid[10]?.[0]).toBe("Going stale: no follow-up for 30 days or more (10 of 12)");
      expect(en.grid[12]?.slice(0, 3)).toEqual(["沉睡1", "李四", "Awaiting callback"]);
      expect(en.grid).toHaveLength(22);
      expect(en.formats).toEqual([
        { row: 2, column: 3, height: 3, width: 1, format: "money" },
        { row: 8, column: 3, height: 1, width: 1, format: "money" },
        { row: 12, column: 3, height: 10, width: 1, format: "money" },
      ]);
      const zh = listsBlock(LISTS, SETTINGS, "zh");
      expect(zh.grid[0]?.[0]).toBe("上周成交的客户（共 3 个，列出 3 个）");
      expect(zh.grid[1]).toEqual(["客户", "责任人", "当前阶段", "金额", "最近跟进", "距今天数", "链接"]);
    });

    it("says none under a list without customers", () => {
      const empty = { items: [], total: 0 };
      const zh = listsBlock({ won: empty, lost: empty, stale: empty }, SETTINGS, "zh");
      expect(zh.grid.map((r) => r[0])).toEqual([
        "上周成交的客户（共 0 个，列出 0 个）",
        "客户",
        "无",
        "",
        "上周流失的客户（共 0 个，列出 0 个）",
        "客户",
        "无",
        "",
        "即将进入公海：30 天及以上未跟进的客户（共 0 个，列出 0 个）",
        "客户",
        "无",
      ]);
      expect(zh.formats).toEqual([]);
    });
  });
});
