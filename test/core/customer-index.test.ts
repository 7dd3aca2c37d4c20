/** Tests of src/core/customer-index's cells and lookups: an entry survives the trip through the index sheet, long texts stay inside a cell, and customers are found as people type them. */

import {
  dueOfCell,
  entryCells,
  entryOf,
  type IndexEntry,
  identityOf,
  indexKeyOf,
  matchingCustomers,
  poolItemsOf,
} from "../../src/core/customer-index";
import { customerKey } from "../../src/core/customer-match";
import { dayFromYmd } from "../../src/core/dates";

const TODAY = dayFromYmd(2026, 11, 27);

function entry(overrides: Partial<IndexEntry> = {}): IndexEntry {
  return {
    key: customerKey("上海某科技有限公司"),
    name: "上海某科技有限公司",
    owner: "李四",
    phone: "13800138000",
    rows: [4, 12, 977],
    summary: {
      contact: "张三",
      contactInfo: "+86 138-0013-8000",
      need: "年度套餐",
      stage: "已报价",
      lastDate: "2026-11-20",
    },
    dueOwner: "1",
    due: {
      row: 977,
      id: "FU-000977",
      customer: "上海某科技有限公司",
      stage: "已报价",
      nextStep: "回访",
      nextDate: TODAY - 2,
    },
    pool: null,
    ...overrides,
  };
}

describe("customer-index", () => {
  it("reads back every field of an entry from its cells, text kept as text", () => {
    const original = entry({ name: "=SUM(1,2)", key: customerKey("=SUM(1,2)") });
    const cells = entryCells(original);
    expect(cells.every((cell) => typeof cell === "string")).toBe(true);
    expect(entryOf(cells)).toEqual(original);
    // A single row reads back as a number from Sheets: still that row.
    expect(entryOf(entryCells(entry({ rows: [7] })).map((cell, i) => (i === 4 ? 7 : cell)))?.rows).toEqual([7]);
  });

  it("keeps the open follow-up and the member it reminds in one cell, and a customer with none in a blank one", () => {
    const cells = entryCells(entry());
    expect(cells).toHaveLength(8);
    expect(dueOfCell(cells[6])).toEqual({ dueOwner: "1", due: entry().due });
    const closed = entryCells(entry({ dueOwner: "", due: null }));
    expect(closed[6]).toBe("");
    expect(entryOf(closed)).toEqual(entry({ dueOwner: "", due: null }));
    // A due item reminding nobody on Team (an owner not listed) keeps its item and reminds nobody.
    expect(dueOfCell(entryCells(entry({ dueOwner: "" }))[6])).toEqual({ dueOwner: "", due: entry().due });
    expect(dueOfCell("{not json")).toEqual({ dueOwner: "", due: null });
  });

  it("treats a blank or damaged line as no entry", () => {
    expect(entryOf(Array(8).fill(""))).toBeNull();
    const cells = entryCells(entry());
    cells[5] = "{not json";
    expect(entryOf(cells)).toBeNull();
  });

  it("keeps every cell under Sheets' 50,000 characters, and a long key one line per customer", () => {
    const long = "某".repeat(50_000);
    const cells = entryCells(
      entry({ key: customerKey(long), name: long, summary: { ...entry().summary, need: long } }),
    );
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThan(50_000);
    expect(indexKeyOf(customerKey(long))).toBe(cells[0]);
    expect(indexKeyOf(customerKey(`${long}甲`))).not.toBe(cells[0]);
    expect(identityOf({ key: "", rows: [8] })).toBe("#8");
  });

  it("finds customers as typed: names starting with the text first, then names or keys containing it", () => {
    const customers = ["北京某科技", "上海某科技有限公司", "上海某贸易", "某科技（上海）", "", "深圳某电子"].map(
      (name) => ({
        key: customerKey(name),
        name,
      }),
    );
    const found = (typed: string, limit?: number) =>
      matchingCustomers(typed, customers, customerKey(typed), limit).map((i) => customers[i]?.name);
    expect(found("上海")).toEqual(["上海某科技有限公司", "上海某贸易", "某科技（上海）"]);
    // The legal form typed or not, the customer key finds the same customers.
    expect(found("某科技有限公司").sort()).toEqual(["上海某科技有限公司", "北京某科技", "某科技（上海）"].sort());
    expect(found("某科技")[0]).toBe("某科技（上海）");
    expect(found("上海", 1)).toEqual(["上海某科技有限公司"]);
    expect(found("  ")).toEqual([]);
  });

  it("lists the pool longest-forgotten first", () => {
    const pools = [
      { owner: "李四", customer: "甲", stage: "已报价", lastDate: TODAY - 31 },
      null,
      { owner: "王五", customer: "乙", stage: "谈判中", lastDate: TODAY - 45 },
    ];
    expect(poolItemsOf(pools, TODAY)).toEqual([
      { customer: "乙", stage: "谈判中", owner: "王五", days: 45 },
      { customer: "甲", stage: "已报价", owner: "李四", days: 31 },
    ]);
  });
});
