/** Tests of src/core/review: the review rows and the Review data summaries, the KPIs of a hand-built team (every figure worked out by hand) and the managers' email. */

import { dayFromYmd } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import { type FollowUp, type RowProblem, readFollowUps } from "../../src/core/follow-ups";
import {
  KPI_COLUMNS,
  KPI_ROWS,
  kpiGrid,
  type ReviewEmailInput,
  type ReviewOverdueItem,
  renderReviewEmail,
  reviewDataLayout,
  reviewRows,
  reviewSummaries,
  topOverdue,
  weeklyKpis,
  weeklyReview,
} from "../../src/core/review";
import { defaultSettings, type Settings } from "../../src/core/settings";
import type { TeamMember } from "../../src/core/team";
import { at, day } from "../fixtures/shanghai-dates";

const ZONE = "Asia/Shanghai";
/** Monday: the last complete week is 2026-11-23 – 11-29, the week before 11-16 – 11-22. */
const TODAY = dayFromYmd(2026, 11, 30);
const SETTINGS = defaultSettings("zh");
/** The reps on the Team sheet (Alice owns rows but is not on it). */
const MEMBERS: TeamMember[] = ["张三", "李四", "王五"].map((name) => ({
  name,
  email: `${name}@example.com`,
  role: "rep",
  managerEmail: "",
  reminders: true,
  language: "",
}));
const SHEET_URL = "https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A";
const COLUMNS = {
  id: 1,
  customer: 2,
  date: 3,
  method: 4,
  stage: 5,
  nextStep: 6,
  nextDate: 7,
  owner: 8,
  done: 9,
  loggedAt: 10,
} as const;

type Cells = Partial<Record<keyof typeof COLUMNS, unknown>>;

/** One sheet row, logged at 18:00 on its follow-up day unless told otherwise. */
function sheetRow(cells: Cells): unknown[] {
  const row: unknown[] = Array(10).fill("");
  const date = cells.date instanceof Date ? cells.date : null;
  const loggedAt = date ? new Date(date.getTime() + 18 * 3_600_000) : at(11, 30, 8);
  const all: Cells = { done: false, loggedAt, ...cells };
  for (const [key, value] of Object.entries(all)) row[COLUMNS[key as keyof typeof COLUMNS] - 1] = value;
  return row;
}

function read(rows: Cells[]): { followUps: FollowUp[]; problems: RowProblem[] } {
  return readFollowUps(rows.map(sheetRow), 2, COLUMNS, ZONE);
}

/**
 * The team, sheet rows 2–21 (row = index + 2). Customers and what the figures make of them:
 * - 上海甲科技有限公司 (张三): first 11-10, won 11-25 → won last week, 15 days to win; rows 2–3 superseded.
 * - 乙贸易 (李四): first 11-17, 11-22 (Sunday, typed below), lost 11-24 → lost last week; new the week before.
 * - 丙集团 (张三): first 11-02, won 11-20 → won the week before, 18 days.
 * - 丁公司 (王五): one row 10-20, next 10-27 → overdue 34 days, stale (41 days).
 * - Acme Co., Ltd. / ACME, Inc. (Alice): same customer; 11-23 then 11-26, next 11-28 → new last week, overdue 2 days.
 * - 戊: no follow-up date → unreadable, not a review row.
 * - 己: stage 搁置 (on hold) not in Settings → a review row of kind unknown, unreadable; next 11-29 → overdue 1 day.
 * - (no customer) row 14: not a review row, unreadable; next 11-25 → overdue 5 days, as the digest counts it.
 * - 庚: next date "下周" is no date → a review row, unreadable; new last week.
 * - 辛 (李四): first 11-16 (Monday), won 11-29 (Sunday) → won last week, 13 days; new the week before.
 * - 壬 (Alice): 11-30, today → in neither week.
 * - 癸 (王五): one row 10-31, exactly 30 days ago → stale.
 * - 子: lost 10-01 → closed, in no week, not stale.
 */
const TEAM: Cells[] = [
  {
    customer: "上海甲科技有限公司",
    date: day(11, 10),
    method: "电话",
    stage: "新线索",
    nextDate: day(11, 17),
    owner: "张三",
  },
  { customer: "上海甲科技", date: day(11, 18), method: "面访", stage: "已报价", nextDate: day(11, 25), owner: "张三" },
  { customer: "上海甲科技有限公司", date: day(11, 25), method: "微信", stage: "已成交", owner: "张三" },
  { customer: "乙贸易", date: day(11, 17), method: "电话", stage: "新线索", nextDate: day(11, 20), owner: "李四" },
  { customer: "乙贸易", date: day(11, 24), method: "电话", stage: "已流失", owner: "李四" },
  {
    customer: "丙集团",
    date: day(11, 2),
    method: "电话",
    stage: "新线索",
    nextDate: day(11, 5),
    owner: "张三",
    done: true,
  },
  { customer: "丙集团", date: day(11, 20), method: "面访", stage: "已成交", owner: "张三" },
  {
    customer: "丁公司",
    date: day(10, 20),
    method: "电话",
    stage: "需求确认",
    nextStep: "发报价",
    nextDate: day(10, 27),
    owner: "王五",
  },
  {
    customer: "Acme Co., Ltd.",
    date: day(11, 23),
    method: "邮件",
    stage: "新线索",
    nextDate: day(11, 26),
    owner: "Alice",
  },
  { customer: "ACME, Inc.", date: day(11, 26), method: "电话", stage: "待回访", nextDate: day(11, 28), owner: "Alice" },
  { customer: "戊", method: "电话", stage: "新线索", owner: "李四" },
  { customer: "己", date: day(11, 27), method: "电话", stage: "搁置", nextDate: day(11, 29), owner: "王五" },
  { date: day(11, 24), method: "电话", stage: "新线索", nextDate: day(11, 25), owner: "李四" },
  { customer: "庚", date: day(11, 26), method: "微信", stage: "待回访", nextDate: "下周", owner: "Alice" },
  { customer: "辛", date: day(11, 16), method: "电话", stage: "新线索", nextDate: day(11, 19), owner: "李四" },
  { customer: "辛", date: day(11, 29), method: "面访", stage: "已成交", owner: "李四" },
  { customer: "壬", date: day(11, 30), method: "电话", stage: "新线索", nextDate: day(12, 3), owner: "Alice" },
  { customer: "癸", date: day(10, 31), method: "电话", stage: "待回访", nextDate: day(12, 10), owner: "王五" },
  { customer: "子", date: day(10, 1), method: "电话", stage: "已流失", owner: "王五" },
  { customer: "乙贸易", date: day(11, 22), method: "电话", stage: "待回访", nextDate: day(11, 23), owner: "李四" },
];

/** The team as read, with the problems a sync adds (unknown stage, unknown owner) on top of readFollowUps's. */
function team(): { followUps: FollowUp[]; problems: RowProblem[] } {
  const { followUps, problems } = read(TEAM);
  const syncProblems: RowProblem[] = [
    { row: 13, column: "stage", kind: "unknownStage", value: "搁置" },
    { row: 19, column: "owner", kind: "unknownOwner", value: "Alice" },
  ];
  return { followUps, problems: [...problems, ...syncProblems] };
}

describe("reviewRows", () => {
  const { followUps, problems } = team();
  const { rows, unreadable } = reviewRows(followUps, problems, SETTINGS, TODAY, "zh");
  /** The review rows' sheet rows, in the order they come: every row but 12 (no date) and 14 (no customer). */
  const sheetRows = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 16, 17, 18, 19, 20, 21];
  const byRow = new Map(sheetRows.map((row, i) => [row, rows[i]]));

  it("keeps every row with a date and a customer, in sheet order, and counts each unreadable row once", () => {
    expect(rows).toHaveLength(18);
    expect(rows.map((r) => r.customerKey)).toEqual([
      "上海甲科技",
      "上海甲科技",
      "上海甲科技",
      "乙贸易",
      "乙贸易",
      "丙",
      "丙",
      "丁",
      "acme",
      "acme",
      "己",
      "庚",
      "辛",
      "辛",
      "壬",
      "癸",
      "子",
      "乙贸易",
    ]);
    // 12 no date, 13 unknown stage (also reported by sync), 14 no customer, 15 next date not a date.
    expect(unreadable).toBe(4);
  });

  it("normalises one row into what the review counts", () => {
    expect(byRow.get(2)).toEqual({
      weekStart: "2026-11-09",
      owner: "张三",
      customerKey: "上海甲科技",
      method: "电话",
      stageLabel: "1 新线索",
      isLatest: false,
      overdueNow: false,
      latestKind: "won",
    });
    expect(byRow.get(9)).toEqual({
      weekStart: "2026-10-19",
      owner: "王五",
      customerKey: "丁",
      method: "电话",
      stageLabel: "3 需求确认",
      isLatest: true,
      overdueNow: true,
      latestKind: "open",
    });
    expect(byRow.get(13)).toMatchObject({ stageLabel: "? 搁置", latestKind: "unknown" });
    expect(byRow.get(4)).toMatchObject({ stageLabel: "7 已成交", isLatest: true, latestKind: "won" });
  });

  it("puts a Sunday in the week of the Monday before it, and a Monday in its own week", () => {
    expect(byRow.get(17)?.weekStart).toBe("2026-11-23"); // Sunday 11-29
    expect(byRow.get(18)?.weekStart).toBe("2026-11-30"); // Monday 11-30
    expect(byRow.get(21)?.weekStart).toBe("2026-11-16"); // Sunday 11-22
    expect(byRow.get(16)?.weekStart).toBe("2026-11-16"); // Monday 11-16
  });

  it("marks each customer's latest row and the rows overdue now", () => {
    expect(sheetRows.filter((row) => byRow.get(row)?.isLatest)).toEqual([4, 6, 8, 9, 11, 13, 15, 17, 18, 19, 20]);
    expect(sheetRows.filter((row) => byRow.get(row)?.overdueNow)).toEqual([9, 11, 13]);
  });

  it("orders a customer's same-day rows as the daily digest does: a row not yet stamped counts as logged now", () => {
    const { followUps: sameDay } = read([
      { customer: "丑", date: day(11, 20), stage: "新线索", nextDate: day(11, 21), loggedAt: "" },
      { customer: "丑", date: day(11, 20), stage: "待回访", nextDate: day(11, 22), loggedAt: at(11, 20, 9) },
    ]);
    const review = reviewRows(sameDay, [], SETTINGS, TODAY, "zh");
    expect(review.rows.map((r) => [r.isLatest, r.overdueNow])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(weeklyKpis(sameDay, agendaOf(sameDay, [], SETTINGS), TODAY, 0).overdueNow).toBe(1);
  });

  it("pads the stage order to two digits when Settings has ten stages or more", () => {
    const stages = Array.from({ length: 10 }, (_, i) => ({ name: `S${i + 1}`, kind: "open" as const }));
    const settings: Settings = { ...SETTINGS, stages };
    const { followUps: two } = read([
      { customer: "寅", date: day(11, 20), stage: "s2", nextDate: day(12, 20) },
      { customer: "卯", date: day(11, 20), stage: "S10", nextDate: day(12, 20) },
    ]);
    expect(reviewRows(two, [], settings, TODAY, "zh").rows.map((r) => r.stageLabel)).toEqual(["02 S2", "10 S10"]);
  });
});

describe("reviewSummaries", () => {
  const { followUps, problems } = team();
  const { rows } = reviewRows(followUps, problems, SETTINGS, TODAY, "zh");
  const summaries = reviewSummaries(rows, TODAY, "zh");

  it("counts follow-ups per owner and week over the eight weeks up to today (every row of those weeks once)", () => {
    expect(summaries.perWeek.header).toEqual(["责任人", "所在周（周一）", "跟进次数"]);
    expect(summaries.perWeek.lines).toEqual([
      ["Alice", "2026-11-23", 3],
      ["Alice", "2026-11-30", 1],
      ["张三", "2026-11-02", 1],
      ["张三", "2026-11-09", 1],
      ["张三", "2026-11-16", 2],
      ["张三", "2026-11-23", 1],
      ["李四", "2026-11-16", 3],
      ["李四", "2026-11-23", 2],
      ["王五", "2026-10-19", 1],
      ["王五", "2026-10-26", 1],
      ["王五", "2026-11-23", 1],
    ]);
    // 王五's follow-up of the week of 2026-09-28 is nine weeks old: outside what the pivot shows, so not kept.
    const shown = rows.filter((row) => row.weekStart >= "2026-10-12");
    expect(shown).toHaveLength(rows.length - 1);
    expect(summaries.perWeek.lines.reduce((sum, line) => sum + Number(line[2]), 0)).toBe(shown.length);
  });

  it("counts customers per owner and current stage, from each customer's latest row", () => {
    expect(summaries.funnel.lines).toEqual([
      ["Alice", "1 新线索", 1],
      ["Alice", "2 待回访", 2],
      ["张三", "7 已成交", 2],
      ["李四", "7 已成交", 1],
      ["李四", "8 已流失", 1],
      ["王五", "2 待回访", 1],
      ["王五", "3 需求确认", 1],
      ["王五", "8 已流失", 1],
      ["王五", "? 搁置", 1],
    ]);
  });

  it("counts a customer once per method whatever its rows by that method, under its current outcome", () => {
    // 乙贸易 has three phone rows (one customer); 上海甲科技 counts under phone, visit and WeChat.
    expect(summaries.byMethod.header).toEqual(["跟进方式", "客户当前结果", "客户数"]);
    expect(summaries.byMethod.lines).toEqual([
      ["微信", "赢单", 1],
      ["微信", "进行中", 1],
      ["电话", "未知阶段", 1],
      ["电话", "赢单", 3],
      ["电话", "输单", 2],
      ["电话", "进行中", 4],
      ["邮件", "进行中", 1],
      ["面访", "赢单", 3],
    ]);
  });

  it("counts the follow-ups overdue now per owner, as the daily digests list them", () => {
    expect(summaries.overdue.lines).toEqual([
      ["Alice", 1],
      ["王五", 2],
    ]);
  });

  it("heads every summary in the sheet's language", () => {
    const en = reviewSummaries(rows, TODAY, "en");
    expect(en.perWeek.header).toEqual(["Owner", "Week (Monday)", "Follow-ups"]);
    expect(en.funnel.header).toEqual(["Owner", "Stage (in order)", "Customers"]);
    expect(en.byMethod.header).toEqual(["Method", "Customer's outcome", "Customers"]);
    expect(en.overdue.header).toEqual(["Owner", "Overdue follow-ups"]);
    expect(en.byMethod.lines.map((line) => line[1])).toContain("unknown stage");
  });
});

describe("reviewDataLayout", () => {
  const { followUps, problems } = team();
  const summaries = reviewSummaries(reviewRows(followUps, problems, SETTINGS, TODAY, "zh").rows, TODAY, "zh");
  const titles = { perWeek: "A", funnel: "B", byMethod: "C", overdue: "D" };
  const { grid, places, width } = reviewDataLayout(summaries, titles);

  it("stacks the summaries under their titles, a blank row between, each where its place says", () => {
    expect(width).toBe(3);
    expect(grid.every((row) => row.length === 3)).toBe(true);
    for (const name of ["perWeek", "funnel", "byMethod", "overdue"] as const) {
      const place = places[name];
      expect(grid[place.titleRow - 1]?.[0]).toBe(titles[name]);
      expect(grid[place.headerRow - 1]?.slice(0, place.width)).toEqual(summaries[name].header);
      const lines = grid.slice(place.headerRow, place.headerRow - 1 + place.height);
      expect(lines.map((row) => row.slice(0, place.width))).toEqual(summaries[name].lines);
    }
    expect(places.funnel.titleRow).toBe(places.perWeek.headerRow + places.perWeek.height + 1);
    expect(grid[places.funnel.titleRow - 2]).toEqual(["", "", ""]);
    expect(grid).toHaveLength(places.overdue.headerRow - 1 + places.overdue.height);
  });

  it("keeps a summary with no lines as its header, so its pivot still has a source", () => {
    const none = reviewDataLayout(reviewSummaries([], TODAY, "zh"), titles);
    expect(none.places.overdue.height).toBe(1);
    expect(none.grid).toHaveLength(4 * 2 + 3);
  });
});

describe("weeklyKpis", () => {
  const { followUps, problems } = team();
  const kpis = weeklyKpis(
    followUps,
    agendaOf(followUps, [], SETTINGS),
    TODAY,
    reviewRows(followUps, problems, SETTINGS, TODAY, "zh").unreadable,
  );

  it("counts last week's figures by hand", () => {
    expect(kpis.thisWeek).toEqual({
      weekStart: "2026-11-23",
      weekEnd: "2026-11-29",
      followUps: 7, // rows 4, 6, 10, 11, 13, 15, 17 (not 14: no customer; not 18: today)
      newCustomers: 3, // Acme, 己, 庚
      won: 2, // 上海甲科技 (11-25), 辛 (11-29, Sunday)
      lost: 1, // 乙贸易
      winRate: 2 / 3,
      medianDaysToWin: 14, // 15 and 13 days
      pipeline: 0, // no amounts typed
    });
  });

  it("counts the week before by hand", () => {
    expect(kpis.previousWeek).toEqual({
      weekStart: "2026-11-16",
      weekEnd: "2026-11-22",
      followUps: 5, // rows 3, 5, 8, 16 (Monday), 21 (Sunday)
      newCustomers: 2, // 乙贸易, 辛
      won: 1, // 丙集团
      lost: 0,
      winRate: 1,
      medianDaysToWin: 18,
      pipeline: 0,
    });
  });

  it("counts what stands today", () => {
    expect(kpis).toMatchObject({
      overdueNow: 4, // rows 9, 11, 13 and 14 (no customer, but the digest reminds its owner); not superseded 2, 3, 10
      staleCustomers: 2, // 丁 (41 days), 癸 (exactly 30)
      unreadable: 4,
      today: "2026-11-30",
      staleDays: 30,
    });
  });

  it("takes the last complete week before today's week, whatever the weekday", () => {
    const sunday = weeklyKpis(followUps, agendaOf(followUps, [], SETTINGS), dayFromYmd(2026, 11, 29), 0);
    expect([sunday.thisWeek.weekStart, sunday.previousWeek.weekStart]).toEqual(["2026-11-16", "2026-11-09"]);
    expect(sunday.thisWeek).toMatchObject({ followUps: 5, won: 1, lost: 0 });
    const monday = weeklyKpis(followUps, agendaOf(followUps, [], SETTINGS), dayFromYmd(2026, 12, 7), 0);
    expect(monday.thisWeek.weekStart).toBe("2026-11-30");
  });

  it("leaves the win rate and the median empty when nobody was won or lost", () => {
    const quiet = weeklyKpis(followUps, agendaOf(followUps, [], SETTINGS), dayFromYmd(2026, 11, 2), 0);
    expect(quiet.thisWeek).toMatchObject({ won: 0, lost: 0, winRate: null, medianDaysToWin: null });
    expect(weeklyKpis([], agendaOf([], [], SETTINGS), TODAY, 0).thisWeek.followUps).toBe(0);
  });
});

describe("kpiGrid", () => {
  const { followUps, problems } = team();
  const kpis = weeklyKpis(
    followUps,
    agendaOf(followUps, [], SETTINGS),
    TODAY,
    reviewRows(followUps, problems, SETTINGS, TODAY, "zh").unreadable,
  );

  it("lays out the block in Chinese with the definitions next to the numbers", () => {
    const grid = kpiGrid(kpis, "zh");
    expect(grid.every((row) => row.length === 4)).toBe(true);
    expect(grid[KPI_ROWS.title][0]).toBe("周报 2026-11-23 – 2026-11-29");
    expect(grid[KPI_ROWS.header]).toEqual([
      "指标",
      "上周 2026-11-23 – 2026-11-29",
      "前一周 2026-11-16 – 2026-11-22",
      "口径",
    ]);
    expect(grid[KPI_ROWS.followUps]).toEqual(["跟进次数", 7, 5, "跟进时间在该周内的记录数（不是录入时间）"]);
    expect(grid[KPI_ROWS.newCustomers].slice(0, 3)).toEqual(["新客户", 3, 2]);
    expect(grid[KPI_ROWS.won].slice(0, 3)).toEqual(["成交客户", 2, 1]);
    expect(grid[KPI_ROWS.lost].slice(0, 3)).toEqual(["流失客户", 1, 0]);
    expect(grid[KPI_ROWS.winRate][KPI_COLUMNS.thisWeek]).toBeCloseTo(2 / 3);
    expect(grid[KPI_ROWS.winRate][KPI_COLUMNS.previousWeek]).toBe(1);
    expect(grid[KPI_ROWS.medianDaysToWin].slice(0, 3)).toEqual(["成交周期中位数（天）", 14, 18]);
    expect(grid[KPI_ROWS.now][0]).toBe("截至今天 2026-11-30");
    expect(grid[KPI_ROWS.overdueNow].slice(0, 3)).toEqual(["当前逾期", 4, ""]);
    expect(grid[KPI_ROWS.staleCustomers]).toEqual([
      "公海候选客户",
      2,
      "",
      "当前阶段未成交也未流失，且已 30 天及以上没有跟进的客户数",
    ]);
    expect(grid[KPI_ROWS.unreadable].slice(0, 3)).toEqual(["无法识别的行", 4, ""]);
  });

  it("writes English, and no value as an empty cell", () => {
    const empty = weeklyKpis([], agendaOf([], [], { ...SETTINGS, staleDays: 14 }), TODAY, 0);
    const grid = kpiGrid(empty, "en");
    expect(grid[KPI_ROWS.title][0]).toBe("Weekly review 2026-11-23 – 2026-11-29");
    expect(grid[KPI_ROWS.winRate].slice(0, 3)).toEqual(["Win rate", "", ""]);
    expect(grid[KPI_ROWS.medianDaysToWin].slice(1, 3)).toEqual(["", ""]);
    expect(grid[KPI_ROWS.followUps][KPI_COLUMNS.definition]).toBe(
      "Rows whose follow-up date falls in the week (not when they were typed)",
    );
    expect(grid[KPI_ROWS.staleCustomers][KPI_COLUMNS.definition]).toContain("14 days or more");
  });
});

describe("topOverdue", () => {
  const link = (row: number) => `https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A${row}`;

  it("lists the rows counted as overdue now, most overdue first", () => {
    const { followUps } = team();
    expect(topOverdue(followUps, agendaOf(followUps, [], SETTINGS), TODAY, link)).toEqual([
      { customer: "丁公司", owner: "王五", stage: "需求确认", nextStep: "发报价", daysOverdue: 34, link: link(9) },
      { customer: "", owner: "李四", stage: "新线索", nextStep: "", daysOverdue: 5, link: link(14) },
      { customer: "ACME, Inc.", owner: "Alice", stage: "待回访", nextStep: "", daysOverdue: 2, link: link(11) },
      { customer: "己", owner: "王五", stage: "搁置", nextStep: "", daysOverdue: 1, link: link(13) },
    ]);
  });

  it("keeps the ten most overdue", () => {
    const { followUps } = read(
      Array.from({ length: 12 }, (_, i) => ({ customer: `客户${i}`, date: day(11, 1), nextDate: day(11, 1 + i) })),
    );
    const items = topOverdue(followUps, agendaOf(followUps, [], SETTINGS), TODAY, link);
    expect(items.map((item) => item.daysOverdue)).toEqual([29, 28, 27, 26, 25, 24, 23, 22, 21, 20]);
  });
});

describe("renderReviewEmail", () => {
  const { followUps, problems } = team();
  const content = weeklyReview(followUps, problems, SETTINGS, MEMBERS, TODAY, "zh", (row) => `${SHEET_URL}${row}`);
  const items: ReviewOverdueItem[] = [
    {
      customer: "<script>alert(1)</script>",
      owner: "王五",
      stage: "需求确认",
      nextStep: "发报价\n再电话",
      daysOverdue: 34,
      link: "https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A9",
    },
    { customer: "己 & 子", owner: "Alice", stage: "搁置", nextStep: "", daysOverdue: 1, link: "javascript:alert(1)" },
  ];
  const input = (language: "zh" | "en", more: Partial<ReviewEmailInput> = {}): ReviewEmailInput => ({
    ...content,
    topOverdue: items,
    settings: SETTINGS,
    currency: "¥",
    reviewUrl: "https://docs.google.com/spreadsheets/d/abc/edit#gid=42",
    spreadsheetName: "华东销售跟进表",
    language,
    ...more,
  });

  it("writes the Chinese email: subject, figures, funnel, each rep's week, the names to act on, overdue list and the review link", () => {
    const mail = renderReviewEmail(input("zh"));
    expect(mail.subject).toBe("【周报】2026-11-23 – 2026-11-29 跟进 7 条，成交 2 个");
    expect(mail.text.split("\n")).toEqual([
      "「华东销售跟进表」上周（2026-11-23 – 2026-11-29）的团队周报：",
      "",
      "■ 关键指标",
      "- 跟进次数：7（前一周 5）",
      "- 新客户：3（前一周 2）",
      "- 成交客户：2（前一周 1）",
      "- 流失客户：1（前一周 0）",
      "- 赢单率：67%（前一周 100%）",
      "- 成交周期中位数（天）：14（前一周 18）",
      "- 加权商机金额：¥0（前一周 ¥0）",
      "",
      "■ 截至今天 2026-11-30",
      "- 当前逾期：4 条",
      "- 公海候选客户：2 个",
      "- 无法识别的行：4 行",
      "",
      // Furthest stage per customer (rows with a date): 壬 新线索; 乙贸易, Acme, 庚, 癸 待回访; 丁 需求确认;
      // 上海甲, 丙, 辛 won (past every open stage). 己 (搁置) and 子 (lost only) reached no listed open stage.
      "■ 销售漏斗（截至今天）",
      "- 新线索：当前 1 个客户，累计到达 9 个，进入下一阶段 89%，加权金额 ¥0",
      "- 待回访：当前 3 个客户，累计到达 8 个，进入下一阶段 50%，加权金额 ¥0",
      "- 需求确认：当前 1 个客户，累计到达 4 个，进入下一阶段 75%，加权金额 ¥0",
      "- 已报价：当前 0 个客户，累计到达 3 个，进入下一阶段 100%，加权金额 ¥0",
      "- 谈判中：当前 0 个客户，累计到达 3 个，进入下一阶段 100%，加权金额 ¥0",
      "- 签约中：当前 0 个客户，累计到达 3 个，进入下一阶段 100%，加权金额 ¥0",
      "- 已成交：当前 3 个客户（累计 3 个）",
      "- 已流失：当前 2 个客户",
      "- 合计：10 个客户，商机金额 ¥0，加权金额 ¥0",
      "",
      // Team reps in Team order, then Alice (not on Team); rows 4, 6, 10, 11, 13, 15, 17 last week.
      "■ 每位销售：上周（括号内为前一周）",
      "- 销售 张三：跟进次数 1（前一周 2） · 新客户 0（前一周 0） · 成交客户 1（前一周 1） · 流失客户 0（前一周 0） · 加权商机金额 ¥0（前一周 ¥0） · 当前逾期 0",
      "- 销售 李四：跟进次数 2（前一周 3） · 新客户 0（前一周 2） · 成交客户 1（前一周 0） · 流失客户 1（前一周 0） · 加权商机金额 ¥0（前一周 ¥0） · 当前逾期 1",
      "- 销售 王五：跟进次数 1（前一周 0） · 新客户 1（前一周 0） · 成交客户 0（前一周 0） · 流失客户 0（前一周 0） · 加权商机金额 ¥0（前一周 ¥0） · 当前逾期 2",
      "- 销售 Alice：跟进次数 3（前一周 0） · 新客户 2（前一周 0） · 成交客户 0（前一周 0） · 流失客户 0（前一周 0） · 加权商机金额 ¥0（前一周 ¥0） · 当前逾期 1",
      "",
      "■ 上周成交的客户（共 2 个，列出 2 个）",
      "- 上海甲科技有限公司 · 张三 · 已成交 · 5 天前跟进 · https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A4",
      "- 辛 · 李四 · 已成交 · 1 天前跟进 · https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A17",
      "",
      "■ 上周流失的客户（共 1 个，列出 1 个）",
      "- 乙贸易 · 李四 · 已流失 · 6 天前跟进 · https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A6",
      "",
      "■ 即将进入公海：30 天及以上未跟进的客户（共 2 个，列出 2 个）",
      "- 丁公司 · 王五 · 需求确认 · 41 天前跟进 · https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A9",
      "- 癸 · 王五 · 待回访 · 30 天前跟进 · https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A19",
      "",
      "■ 逾期最久的跟进（共 4 条逾期，列出前 2 条）",
      "- <script>alert(1)</script> · 王五 · 需求确认 · 发报价 再电话 · 逾期 34 天 · https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A9",
      "- 己 & 子 · Alice · 搁置 · 逾期 1 天",
      "",
      "打开周报：https://docs.google.com/spreadsheets/d/abc/edit#gid=42",
      "",
      "此邮件由跟进表助手每周发送给团队表中的主管和管理员。",
      "",
    ]);
  });

  it("escapes user text in the HTML and links only http(s) URLs", () => {
    const { html } = renderReviewEmail(input("zh"));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("己 &amp; 子");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://docs.google.com/spreadsheets/d/abc/edit#gid=0&amp;range=A9"');
    expect(html).toContain('href="https://docs.google.com/spreadsheets/d/abc/edit#gid=42"');
    expect(html).toContain('<td style="padding:6px 8px;border-bottom:1px solid #e8eaed;vertical-align:top">67%</td>');
    expect(renderReviewEmail(input("zh", { reviewUrl: "javascript:alert(1)" })).html).not.toContain("javascript:");
  });

  it("writes the English email, with n/a for figures without a value and a note when nothing is overdue", () => {
    const quiet = weeklyKpis([], agendaOf([], [], SETTINGS), TODAY, 0);
    const mail = renderReviewEmail(input("en", { kpis: quiet, topOverdue: [], spreadsheetName: "East <b>team</b>" }));
    expect(mail.subject).toBe("[Weekly review] 2026-11-23 – 2026-11-29: 0 follow-ups, 0 won");
    expect(mail.text).toContain("Team review of “East <b>team</b>” for last week (2026-11-23 – 2026-11-29):");
    expect(mail.text).toContain("- Win rate: n/a (week before: n/a)");
    expect(mail.text).toContain("- Overdue now: 0");
    expect(mail.text).toContain("■ Nothing is overdue.");
    expect(mail.text).toContain("Open the weekly review: https://docs.google.com/spreadsheets/d/abc/edit#gid=42");
    expect(mail.html).toContain("East &lt;b&gt;team&lt;/b&gt;");
    expect(mail.html).toContain("Nothing is overdue.");
    const full = renderReviewEmail(input("en"));
    expect(full.subject).toBe("[Weekly review] 2026-11-23 – 2026-11-29: 7 follow-ups, 2 won");
    expect(full.text).toContain("■ Most overdue follow-ups (2 of 4 overdue)");
    // Stage names in the reader's language (Settings' English names); one not in Settings as typed.
    expect(full.text).toContain(
      "- <script>alert(1)</script> · 王五 · Needs confirmed · 发报价 再电话 · 34 days overdue",
    );
    expect(full.text).toContain("- New lead: 1 now, 9 reached it, 89% went on, weighted ¥0\n");
    expect(full.text).toContain("- 辛 · 李四 · Won · last follow-up 1 day ago · ");
    expect(full.text).toContain(
      "- 丁公司 · 王五 · Needs confirmed · last follow-up 41 days ago · https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A9\n",
    );
    expect(full.text).toContain("■ Going stale: no follow-up for 30 days or more (2 of 2)\n");
    expect(full.text).not.toContain("已报价");
    expect(full.text).toContain("- 己 & 子 · Alice · 搁置 · 1 day overdue\n");
    expect(full.html).toContain("&lt;script&gt;");
    expect(full.html).not.toContain("<script>");
  });

  it("lists at most ten overdue follow-ups", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...items[0], customer: `客户${i}`, daysOverdue: 20 - i }));
    const mail = renderReviewEmail(input("zh", { topOverdue: many }));
    expect(mail.text).toContain("客户9");
    expect(mail.text).not.toContain("客户10");
  });
});
