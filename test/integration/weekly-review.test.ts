/** Integration tests of the weekly review on the built bundle: pivot output cells and KPI cells equal figures computed here from the raw rows, week boundaries by the spreadsheet's zone, cost at 50,000 rows. */

import { callsBetween } from "../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { KPI_COLUMNS, KPI_ROWS } from "../../src/core/review";
import { followUpTable, typedRow } from "../helpers/follow-up-table";

const DAY = 86_400_000;
/** Monday 2026-11-30, 10:00 in Shanghai: the last complete week is 2026-11-23 – 2026-11-29. */
const MONDAY_MORNING = Date.UTC(2026, 10, 30, 2, 0);
const OPEN = ["新线索", "待回访", "需求确认", "已报价", "谈判中", "签约中"];
const METHODS = ["电话", "微信", "邮件", "面访", "视频会议", "其他"];
const OWNERS = ["li.lei", "李四", "Ann Lee"];

interface Raw {
  customer: string;
  owner: string;
  method: string;
  date: string;
  stage: string;
  nextDate: string;
}

const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY;
const slash = (text: string) => text.replace(/-0?/g, "/");

/** 24 customers, 1–4 follow-ups each over six weeks, some won, some lost, the rest open (some overdue, some stale). */
function dataSet(): Raw[] {
  const rows: Raw[] = [];
  const first = dayOf("2026-10-20");
  for (let c = 0; c < 24; c++) {
    const count = 1 + (c % 4);
    for (let k = 0; k < count; k++) {
      const date = first + ((c * 3) % 35) + k * 5;
      if (date > dayOf("2026-11-29")) break;
      const last = k === count - 1 || date + 5 > dayOf("2026-11-29");
      const stage =
        last && c % 5 === 0 ? "已成交" : last && c % 7 === 0 ? "已流失" : (OPEN[Math.min(k + (c % 3), 5)] ?? "");
      const closed = stage === "已成交" || stage === "已流失";
      rows.push({
        customer: `客户${String(c).padStart(2, "0")}`,
        owner: OWNERS[c % 3] ?? "",
        method: METHODS[(c + k) % 6] ?? "",
        date: iso(date),
        stage,
        nextDate: closed ? "" : iso(date + (last ? 7 + (c % 4) * 3 : 5)),
      });
    }
  }
  return rows;
}

/** The workbook with the data set, reviewed from the menu. */
function reviewed(raw: Raw[], extra: unknown[][] = []): AppsScriptRuntime {
  const rows = raw.map((r) => {
    const row = typedRow(r.customer, r.owner, slash(r.nextDate), "", r.stage);
    row[4] = slash(r.date);
    row[5] = r.method;
    return row;
  });
  const runtime = followUpTable([...rows, ...extra], { now: MONDAY_MORNING });
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu("生成周报");
  return runtime;
}

/** A pivot's output as rows of cells, from its anchor down to its Grand Total row, or its last row when it shows none. */
function pivotCells(runtime: AppsScriptRuntime, index: number): unknown[][] {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("周报");
  const pivot = sheet?.getPivotTables()[index];
  const anchor = pivot?.getAnchorCell();
  if (!sheet || !anchor) throw new Error(`no pivot ${index}`);
  const rows = Math.min(60, sheet.getMaxRows() - anchor.getRow() + 1);
  const block = sheet.getRange(anchor.getRow(), anchor.getColumn(), rows, sheet.getMaxColumns()).getValues();
  const blank = block.findIndex((row, i) => i > 1 && row.every((cell) => cell === ""));
  return block.slice(0, blank);
}

/** A pivot with one row group and one column group as { row label: { column label: value } }. */
function crossTab(cells: unknown[][]): Record<string, Record<string, unknown>> {
  const header = cells[1] ?? [];
  const table: Record<string, Record<string, unknown>> = {};
  for (const row of cells.slice(2)) {
    const entries = header
      .map((label, i) => [String(label), row[i]] as const)
      .filter(([label], i) => i > 0 && label !== "");
    table[String(row[0])] = Object.fromEntries(entries.filter(([, value]) => value !== ""));
  }
  return table;
}

/** The latest row of each customer (rows are generated without two on one day). */
function latestRows(raw: Raw[]): Map<string, Raw> {
  const latest = new Map<string, Raw>();
  for (const row of raw) {
    const known = latest.get(row.customer);
    if (!known || row.date >= known.date) latest.set(row.customer, row);
  }
  return latest;
}

const kindOf = (stage: string) => (stage === "已成交" ? "won" : stage === "已流失" ? "lost" : "open");

describe("weekly review", () => {
  const raw = dataSet();
  const latest = latestRows(raw);
  const runtime = reviewed(raw, [
    ["", "无日期客户", "张三", "", "", "电话", "要报价", "介绍", "已报价", "回访", "2026/12/3", "李四"],
    ["", "奇怪阶段客户", "张三", "", "2026/10/1", "电话", "要报价", "介绍", "搁置", "回访", "2026/12/3", "李四"],
    // 客户00 called by phone once more, before its other rows: by method, it still counts once under phone.
    ["", "客户00", "张三", "", "2026/10/10", "电话", "要报价", "介绍", "新线索", "回访", "2026/10/15", "li.lei"],
  ]);
  const kpi = (row: keyof typeof KPI_ROWS, column: "thisWeek" | "previousWeek" = "thisWeek") =>
    runtime
      .inspect()
      .getActiveSpreadsheet()
      .getSheetByName("周报")
      ?.getRange(KPI_ROWS[row] + 1, KPI_COLUMNS[column] + 1)
      .getValue();

  it("fills the KPI block with last week's and the week before's figures", () => {
    for (const [column, start] of [
      ["thisWeek", "2026-11-23"],
      ["previousWeek", "2026-11-16"],
    ] as const) {
      const end = iso(dayOf(start) + 6);
      const inWeek = (date: string) => date >= start && date <= end;
      const firsts = new Map<string, string>();
      for (const r of raw)
        if (!firsts.has(r.customer) || r.date < (firsts.get(r.customer) ?? "")) firsts.set(r.customer, r.date);
      const closedIn = (kind: string) => [...latest.values()].filter((r) => kindOf(r.stage) === kind && inWeek(r.date));
      const won = closedIn("won");
      const lost = closedIn("lost");
      const days = won.map((r) => dayOf(r.date) - dayOf(firsts.get(r.customer) ?? r.date)).sort((a, b) => a - b);
      const median =
        days.length === 0
          ? ""
          : days.length % 2
            ? days[(days.length - 1) / 2]
            : ((days[days.length / 2 - 1] ?? 0) + (days[days.length / 2] ?? 0)) / 2;
      expect(kpi("followUps", column)).toBe(raw.filter((r) => inWeek(r.date)).length);
      expect(kpi("newCustomers", column)).toBe([...firsts.values()].filter(inWeek).length);
      expect(kpi("won", column)).toBe(won.length);
      expect(kpi("lost", column)).toBe(lost.length);
      expect(kpi("winRate", column)).toBe(
        won.length + lost.length === 0 ? "" : won.length / (won.length + lost.length),
      );
      expect(kpi("medianDaysToWin", column)).toBe(median);
      // The data set is built so that both weeks have follow-ups and closed customers to count.
      expect(won.length + lost.length).toBeGreaterThan(0);
    }
  });

  it("counts overdue now, stale customers and unreadable rows", () => {
    const today = "2026-11-30";
    const open = [...latest.values()].filter((r) => kindOf(r.stage) === "open");
    expect(kpi("overdueNow")).toBe(open.filter((r) => r.nextDate < today).length);
    // 奇怪阶段客户's stage is not in Settings: it is counted as open, last followed up on 2026-10-01.
    expect(kpi("staleCustomers")).toBe(open.filter((r) => dayOf(today) - dayOf(r.date) >= 30).length + 1);
    expect(kpi("unreadable")).toBe(2);
    expect(open.filter((r) => r.nextDate < today).length).toBeGreaterThan(0);
  });

  it("pivots the funnel: customers per owner × current stage (stages in order across)", () => {
    const funnel = crossTab(pivotCells(runtime, 1));
    const order = [...OPEN, "已成交", "已流失"];
    const expected: Record<string, Record<string, number>> = {};
    for (const r of latest.values()) {
      const label = `${order.indexOf(r.stage) + 1} ${r.stage}`;
      const row = expected[r.owner] ?? {};
      row[label] = (row[label] ?? 0) + 1;
      row.总计 = (row.总计 ?? 0) + 1;
      expected[r.owner] = row;
    }
    const header = pivotCells(runtime, 1)[1]?.map(String) ?? [];
    const stages = header.slice(1, header.indexOf("总计"));
    expect(stages.filter((label) => !label.startsWith("?"))).toEqual(
      [...new Set(Object.values(expected).flatMap((row) => Object.keys(row)))].filter((l) => l !== "总计").sort(),
    );
    expect(stages).toContain("? 搁置");
    for (const owner of Object.keys(expected)) {
      const shown = { ...funnel[owner] };
      if (owner === "李四") {
        // 奇怪阶段客户's only row has a stage Settings does not know.
        expect(shown["? 搁置"]).toBe(1);
        delete shown["? 搁置"];
        shown.总计 = Number(shown.总计) - 1;
      }
      expect(shown).toEqual(expected[owner]);
    }
  });

  it("pivots follow-ups per owner for each of the last 8 weeks", () => {
    const perWeek = crossTab(pivotCells(runtime, 0));
    const weeks = Array.from({ length: 8 }, (_, i) => iso(dayOf("2026-11-30") - 7 * (7 - i)));
    for (const owner of OWNERS) {
      const expected: Record<string, number> = {};
      for (const r of raw) {
        const monday = iso(dayOf(r.date) - ((new Date(dayOf(r.date) * DAY).getUTCDay() + 6) % 7));
        if (r.owner === owner && weeks.includes(monday)) expected[monday] = (expected[monday] ?? 0) + 1;
      }
      const total = Object.values(expected).reduce((a, b) => a + b, 0);
      expect(perWeek[owner]).toEqual({ ...expected, 总计: total });
    }
  });

  it("pivots customers by method × their current outcome (customers, not rows), and overdue now per owner", () => {
    const byMethod = crossTab(pivotCells(runtime, 2));
    const words: Record<string, string> = { open: "进行中", won: "赢单", lost: "输单" };
    for (const method of METHODS) {
      const customers: Record<string, Set<string>> = {};
      for (const r of raw.filter((row) => row.method === method)) {
        const kind = words[kindOf(latest.get(r.customer)?.stage ?? "")] ?? "";
        customers[kind] = (customers[kind] ?? new Set()).add(r.customer);
      }
      const expected = Object.fromEntries(Object.entries(customers).map(([kind, set]) => [kind, set.size]));
      // The dated row with an unknown stage was followed up by phone; its customer's outcome is unknown.
      if (method === "电话") expected.未知阶段 = 1;
      const total = Object.values(expected).reduce((a, b) => a + b, 0);
      expect(byMethod[method]).toEqual({ ...expected, 总计: total });
    }
    // No total over methods: a customer followed up two ways would count twice in it.
    expect(Object.keys(byMethod).sort()).toEqual([...METHODS].sort());
    // The extra phone row of 客户00 (its only other row is by phone too) did not add to the count.
    expect(raw.filter((r) => r.customer === "客户00").map((r) => r.method)).toEqual(["电话"]);
    const overdue = pivotCells(runtime, 3);
    const expected: Record<string, number> = {};
    for (const r of latest.values())
      if (kindOf(r.stage) === "open" && r.nextDate < "2026-11-30") expected[r.owner] = (expected[r.owner] ?? 0) + 1;
    const shown = Object.fromEntries(overdue.slice(1, -1).map((row) => [String(row[0]), row[1]]));
    expect(shown).toEqual(expected);
  });

  it("draws the funnel as a chart and rebuilds without duplicating pivots, charts or sheets", () => {
    const ss = runtime.inspect().getActiveSpreadsheet();
    const names = ss.getSheets().map((s) => s.getName());
    runtime.ui.answerNext("OK");
    runtime.clickMenu("生成周报");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(names);
    const review = ss.getSheetByName("周报");
    expect(review?.getPivotTables()).toHaveLength(4);
    expect(review?.getCharts()).toHaveLength(1);
    expect(
      review
        ?.getCharts()[0]
        ?.getRanges()
        .map((r) => r.getNumRows()),
    ).toEqual([8, 8]);
  });

  it("keeps the Review data sheet to the cells it uses (the 10 million-cell limit counts empty ones), rebuild after rebuild", () => {
    const ss = runtime.inspect().getActiveSpreadsheet();
    const data = ss.getSheetByName("周报数据");
    const size = () => [data?.getMaxRows(), data?.getMaxColumns()];
    const used = [data?.getLastRow(), data?.getLastColumn()];
    expect(size()).toEqual(used);
    runtime.ui.answerNext("OK");
    runtime.clickMenu("生成周报");
    expect(size()).toEqual(used);
    expect(data?.getLastColumn()).toBe(3);
    // The Weekly review sheet too: its blocks, the pivots (stages across, not reps) and room for the chart below.
    const review = ss.getSheetByName("周报");
    const chartRow = review?.getCharts()[0]?.getContainerInfo().getAnchorRow() ?? 0;
    expect(review?.getMaxRows()).toBe(chartRow + 20);
    expect(review?.getMaxColumns()).toBe(Math.max(review?.getLastColumn() ?? 0, 10));
  });

  it("holds the summaries the pivots read, not a copy of the table", () => {
    const data = runtime.inspect().getActiveSpreadsheet().getSheetByName("周报数据");
    const cells = data?.getDataRange().getValues() ?? [];
    expect(cells[0]?.[0]).toBe("每位销售每周跟进次数（按跟进时间）");
    expect(cells[1]).toEqual(["责任人", "所在周（周一）", "跟进次数"]);
    const titles = cells.filter((row) => row[1] === "" && row[0] !== "").map((row) => row[0]);
    expect(titles).toHaveLength(4);
    // Follow-ups per owner and week add up to every follow-up of the eight weeks the pivot shows: the data set's,
    // not the two extra rows dated early October (a year of weeks would be most of the sheet, for a pivot of eight).
    const perWeek = cells.slice(
      2,
      cells.findIndex((row, i) => i > 1 && row[0] === ""),
    );
    expect(perWeek.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(raw.length);
    expect(new Set(perWeek.map((row) => row[1])).size).toBeLessThanOrEqual(8);
  });
});

describe("a rep whose only follow-up is older than the weeks shown", () => {
  // Ann Lee's one customer was last followed up in September and is overdue since: she is in no week of the
  // per-week pivot but in the overdue one, which must be sized from the overdue owners, or the pivots overlap.
  const raw = dataSet().filter((r) => r.owner !== "Ann Lee");
  const september: Raw = {
    customer: "九月客户",
    owner: "Ann Lee",
    method: "电话",
    date: "2026-09-01",
    stage: "待回访",
    nextDate: "2026-09-10",
  };
  const runtime = reviewed([...raw, september]);

  it("lists her overdue follow-up, and the funnel chart sits below the overdue pivot, not over its last rows", () => {
    const perWeek = crossTab(pivotCells(runtime, 0));
    expect(Object.keys(perWeek)).not.toContain("Ann Lee");
    const overdue = pivotCells(runtime, 3);
    const shown = Object.fromEntries(overdue.slice(1, -1).map((row) => [String(row[0]), row[1]]));
    expect(shown["Ann Lee"]).toBe(1);
    const review = runtime.inspect().getActiveSpreadsheet().getSheetByName("周报");
    const anchor = review?.getPivotTables()[3]?.getAnchorCell().getRow() ?? 0;
    const chartRow = review?.getCharts()[0]?.getContainerInfo().getAnchorRow() ?? 0;
    expect(chartRow).toBeGreaterThan(anchor + overdue.length - 1);
  });
});

describe("week boundaries by the spreadsheet's zone", () => {
  it.each(["Asia/Shanghai", "America/Los_Angeles"])(
    "a follow-up at Monday 00:30 in %s belongs to that Monday's week",
    (zone) => {
      const runtime = followUpTable([], { now: MONDAY_MORNING });
      const ss = runtime.inspect().getActiveSpreadsheet();
      ss.setSpreadsheetTimeZone(zone);
      const row = typedRow("边界客户", "李四", "2026/12/10");
      row[4] = "2026/11/23 0:30";
      const sunday = typedRow("周日客户", "李四", "2026/12/10");
      sunday[4] = "2026/11/22 23:30";
      ss.getSheetByName("跟进记录")?.getRange(2, 1, 2, 12).setValues([row, sunday]);
      runtime.open("LIMITED");
      runtime.ui.answerNext("OK");
      runtime.clickMenu("生成周报");
      // Follow-ups per owner and week, the Review data sheet's first summary (title, header, then its lines).
      const data = ss.getSheetByName("周报数据")?.getRange(3, 1, 2, 3).getValues();
      expect(data).toEqual([
        ["李四", "2026-11-16", 1],
        ["李四", "2026-11-23", 1],
      ]);
    },
  );
});

describe("cost", () => {
  it("builds from 50,000 follow-ups with the same service calls as from 1,000, well inside 6 minutes", () => {
    const measure = (count: number) => {
      const rows = Array.from({ length: count }, (_, i) => {
        const row = typedRow(`客户${i % 5000}`, OWNERS[i % 3] ?? "", "2026/12/10", "", OPEN[i % 6]);
        row[4] = `2026/${10 + (i % 2)}/${1 + (i % 28)}`;
        return row;
      });
      const runtime = followUpTable(rows, { now: MONDAY_MORNING });
      runtime.open("LIMITED");
      runtime.ui.answerNext("OK");
      const before = runtime.kernel.snapshot();
      runtime.clickMenu("生成周报");
      const run = runtime.executions.at(-1);
      const data = runtime.inspect().getActiveSpreadsheet().getSheetByName("周报数据");
      return {
        dataCells: (data?.getMaxRows() ?? 0) * (data?.getMaxColumns() ?? 0),
        calls: callsBetween(before, runtime.kernel.snapshot(), "Spreadsheet"),
        ms: (run?.endedAt ?? 0) - (run?.startedAt ?? 0),
      };
    };
    const small = measure(1_000);
    const large = measure(50_000);
    expect(large.calls).toBe(small.calls);
    // Review data holds summaries (3 owners, 9 weeks, 6 stages, 6 methods), not 50,000 copied rows.
    expect(large.dataCells).toBeLessThan(300);
    expect(large.ms).toBeLessThan(3 * 60_000);
  });
});

describe("weekly email", () => {
  it("rebuilds the review on the review day and hour and emails each manager once", () => {
    // Sunday 2026-11-29 20:00 in Shanghai; the review day is Monday (Settings default), hour 9.
    const runtime = followUpTable([typedRow("上海某科技", "李四", "2026/11/20")], {
      now: Date.UTC(2026, 10, 29, 12, 0),
    });
    runtime.open("LIMITED");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("提醒开关");
    runtime.advanceTo(Date.UTC(2026, 10, 30, 0, 30)); // Monday 08:30: daily digests only
    const reviewMail = () => runtime.outbox.messages.filter((m) => m.subject.startsWith("【周报】"));
    expect(reviewMail()).toEqual([]);
    runtime.advanceTo(Date.UTC(2026, 10, 30, 12, 0)); // Monday 20:00
    expect(reviewMail().map((m) => m.to.join())).toEqual(["li.lei@example.com"]);
    expect(reviewMail()[0]?.htmlBody).toContain("#gid=");
    expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("周报")?.getPivotTables()).toHaveLength(4);
    runtime.advanceTo(Date.UTC(2026, 11, 6, 12, 0)); // the rest of the week
    expect(reviewMail()).toHaveLength(1);
    expect(runtime.triggerRuns.filter((r) => r.status !== "COMPLETED")).toEqual([]);
  });
});
