/** Tests of src/core/pool: when a customer goes stale, the warning before, what an admin may release, who holds a released or claimed customer (and so who is reminded), and the Pool log's rows in both languages. */

import { COLUMNS, type ColumnKey } from "../../src/core/columns";
import { indexEntries, poolItemsOf } from "../../src/core/customer-index";
import { customerKey } from "../../src/core/customer-match";
import { dayFromYmd, dayInZone } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import { readFollowUps } from "../../src/core/follow-ups";
import {
  goingStale,
  ownersWithPool,
  type Pool,
  type PoolEvent,
  poolEventsOf,
  poolLogHeader,
  poolLogRow,
  poolOf,
  releasable,
  reminderOwner,
  stalenessOf,
} from "../../src/core/pool";
import { defaultSettings } from "../../src/core/settings";

/** A table whose Pool log is empty: nobody released or claimed anything. */
const NO_POOL: Pool = { released: new Map(), claimed: new Map() };

const ZONE = "Asia/Shanghai";
const TODAY = dayFromYmd(2026, 12, 1);
const SETTINGS = defaultSettings("zh"); // stale after 30 days, warned 5 days before
const POSITIONS = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1]));
const dayOf = (ms: number) => dayInZone(ms, ZONE);
/** 08:00 in Shanghai, `daysAgo` days before TODAY. */
const at = (daysAgo: number) => Date.UTC(2026, 11, 1 - daysAgo, 0, 0);

function row(customer: string, daysAgo: number, stage = "已报价", owner = "李四"): unknown[] {
  const cells: Partial<Record<ColumnKey, unknown>> = { customer, date: new Date(at(daysAgo)), stage, owner };
  return COLUMNS.map((c) => cells[c.key] ?? "");
}

/** The customers in the pool as the sidebar lists them (through the customer index). */
function poolList(rows: unknown[][], pool: Pool) {
  const { followUps, problems } = readFollowUps(rows, 2, POSITIONS, ZONE, [], { language: "zh", today: TODAY });
  const entries = indexEntries({ followUps, problems, settings: SETTINGS, team: [], handovers: new Set(), pool });
  return poolItemsOf(
    entries.map((e) => e.pool),
    TODAY,
  );
}

function latestOf(rows: unknown[][]) {
  const { followUps, problems } = readFollowUps(rows, 2, POSITIONS, ZONE, [], { language: "zh", today: TODAY });
  return agendaOf(followUps, problems, SETTINGS).latest;
}

function event(kind: PoolEvent["kind"], customer: string, daysAgo: number, owner: string): PoolEvent {
  return {
    kind,
    at: at(daysAgo) + 3_600_000,
    customer,
    customerKey: customerKey(customer),
    owner,
    by: "x@example.com",
  };
}

const ROWS = [
  row("上海某科技", 40), // stale
  row("北京某贸易", 27), // stale in 3 days: warned
  row("广州某制造", 24), // 6 days left: not yet warned
  row("深圳某电子", 50, "已成交"), // won: never stale
  row("杭州某网络", 30, "跟进中"), // a vague status is open: stale today
];

describe("pool", () => {
  it("calls an open customer stale after the Settings days without a follow-up, a won or lost one never", () => {
    const latest = latestOf(ROWS);
    const of = (name: string) => {
      const f = latest.get(customerKey(name));
      return f ? stalenessOf(SETTINGS, f, TODAY) : undefined;
    };
    expect(of("上海某科技")).toEqual({ stale: true, days: 40 });
    expect(of("北京某贸易")).toEqual({ stale: false, daysLeft: 3 });
    expect(of("深圳某电子")).toBeNull();
    expect(of("杭州某网络")).toEqual({ stale: true, days: 30 });
  });

  it("warns the owner within the warning days, soonest first, and not at all with 0 days", () => {
    const latest = latestOf([...ROWS, row("成都某餐饮", 29, "需求确认", "Ann Lee")]);
    expect(goingStale(SETTINGS, latest, NO_POOL, TODAY)).toEqual([
      { row: 7, customer: "成都某餐饮", stage: "需求确认", owner: "Ann Lee", lastDate: "2026-11-02", daysLeft: 1 },
      { row: 3, customer: "北京某贸易", stage: "已报价", owner: "李四", lastDate: "2026-11-04", daysLeft: 3 },
    ]);
    expect(goingStale({ ...SETTINGS, staleWarningDays: 0 }, latest, NO_POOL, TODAY)).toEqual([]);
  });

  it("offers the stale customers not yet in the pool for release, the longest-forgotten first", () => {
    const latest = latestOf(ROWS);
    const customers = (pool: Pool) => releasable(SETTINGS, latest, pool, TODAY, dayOf).map((f) => f.customer);
    expect(customers(NO_POOL)).toEqual(["上海某科技", "杭州某网络"]);
    expect(customers(poolOf([event("released", "上海某科技", 1, "李四")], latest, dayOf))).toEqual(["杭州某网络"]);
    // A claim holds the customer for the stale days, as a follow-up would; then it may be released again.
    const claimed = (daysAgo: number) => [
      event("released", "上海某科技", daysAgo + 1, "李四"),
      event("claimed", "上海某科技", daysAgo, "Ann Lee"),
    ];
    const shanghaiLatest = latestOf([row("上海某科技", 80)]);
    const releasableNow = (daysAgo: number) =>
      releasable(SETTINGS, shanghaiLatest, poolOf(claimed(daysAgo), shanghaiLatest, dayOf), TODAY, dayOf).length;
    expect([releasableNow(29), releasableNow(30)]).toEqual([0, 1]);
  });

  it("holds a released customer in the pool (reminding nobody) until claimed, then the claimer holds it", () => {
    const latest = latestOf(ROWS);
    const released = poolOf([event("released", "上海某科技", 2, "李四")], latest, dayOf);
    const shanghai = latest.get(customerKey("上海某科技"));
    if (!shanghai) throw new Error("no row");
    expect(reminderOwner(shanghai, released)).toBeNull();
    expect(poolList(ROWS, released)).toEqual([{ customer: "上海某科技", stage: "已报价", owner: "李四", days: 40 }]);
    const claimed = poolOf(
      [event("released", "上海某科技", 2, "李四"), event("claimed", "上海某科技", 1, "Ann Lee")],
      latest,
      dayOf,
    );
    expect(reminderOwner(shanghai, claimed)).toBe("Ann Lee");
    expect(poolList(ROWS, claimed)).toEqual([]);
    const owners = new Map([
      [customerKey("上海某科技"), "李四"],
      [customerKey("北京某贸易"), "李四"],
    ]);
    expect([...ownersWithPool(owners, released).values()]).toEqual(["", "李四"]);
    expect([...ownersWithPool(owners, claimed).values()]).toEqual(["Ann Lee", "李四"]);
  });

  it("lets the rows decide again once a follow-up is logged after the release or the claim", () => {
    const latest = latestOf([...ROWS, row("上海某科技", 0, "已报价", "王五")]);
    const pool = poolOf([event("released", "上海某科技", 2, "李四")], latest, dayOf);
    expect(pool.released.size).toBe(0);
    const shanghai = latest.get(customerKey("上海某科技"));
    expect(shanghai && reminderOwner(shanghai, pool)).toBe("王五");
  });

  it.each(["zh", "en"] as const)("writes and reads back the Pool log in %s", (language) => {
    const events = [event("released", "上海某科技", 2, "李四"), event("claimed", "上海某科技", 1, "Ann Lee")];
    expect(poolLogHeader(language)).toHaveLength(6);
    const rows = events.map((e) => poolLogRow(e, language));
    expect(rows[0]?.[1]).toBe(language === "zh" ? "释放到公海" : "released to the pool");
    expect(poolEventsOf([...rows, ["", "随手写的", "x"], [new Date(), "领取", "无键客户", ""]])).toEqual(events);
  });
});
