/** Integration tests of the weekly review a manager acts on, on the built bundle, in a Chinese and an English table with amounts typed as teams type them: money and percentages formatted, the funnel with conversion and the weighted pipeline, each rep's week, the names to act on linked to their rows, pivot headers and the Reminder log in the reader's language, and the review email in the manager's language. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { followUpTable, NAMES } from "../helpers/follow-up-table";

type Language = "zh" | "en";
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Monday 2026-11-30, 10:00 in Shanghai: the last complete week is 2026-11-23 – 2026-11-29. */
const MONDAY_MORNING = Date.UTC(2026, 10, 30, 2, 0);
/** Amount and expected close: the optional money columns a new table has (S and T). */
const AMOUNT_COLUMN = 19;

const STAGES: Record<Language, Record<string, string>> = {
  zh: { lead: "新线索", callback: "待回访", needs: "需求确认", quoted: "已报价", negotiating: "谈判中" },
  en: {
    lead: "New lead",
    callback: "Awaiting callback",
    needs: "Needs confirmed",
    quoted: "Quoted",
    negotiating: "Negotiating",
  },
};
const CLOSED: Record<Language, { won: string; lost: string }> = {
  zh: { won: "已成交", lost: "已流失" },
  en: { won: "Won", lost: "Lost" },
};

/**
 * Seven follow-ups of five customers, amounts typed as teams type them (default win probabilities: 新线索 10%,
 * 待回访 25%, 需求确认 35%, 已报价 50%, 谈判中 60%):
 * - 上海某科技 (李四): 新线索 11-16 at "12万", 已报价 11-24 → 50% × 120,000 = 60,000 now.
 * - 北京某贸易 (Ann Lee): 谈判中 11-17 at "$12k", won 11-25 at 30000.
 * - 深圳某电子 (李四): 待回访 10-20 at "1.5w", overdue since 10-27, stale → 25% × 15,000 = 3,750.
 * - 广州某物流 (Ann Lee): lost 11-26.
 * - 杭州某网络 (li.lei): 需求确认 11-18 at "¥30,000" → 35% × 30,000 = 10,500.
 * Weighted pipeline now and at the end of last week: 74,250; at the end of the week before: 12,000 + 7,200 + 3,750 +
 * 10,500 = 33,450. Last week: 1 won, 1 lost: a win rate of 50%.
 */
function rows(language: Language): { cells: unknown[]; amount: unknown }[] {
  const s = STAGES[language];
  const c = CLOSED[language];
  const row = (customer: string, owner: string, date: string, stage: string, next: string, amount: unknown) => ({
    cells: ["", customer, "", "", date, "", "", "", stage, "", next, owner],
    amount,
  });
  return [
    row("上海某科技", "李四", "2026/11/16", s.lead as string, "2026/11/20", "12万"),
    row("上海某科技", "李四", "2026/11/24", s.quoted as string, "2026/12/3", ""),
    row("北京某贸易", "Ann Lee", "2026/11/17", s.negotiating as string, "2026/11/25", "$12k"),
    row("北京某贸易", "Ann Lee", "2026/11/25", c.won, "", 30000),
    row("深圳某电子", "李四", "2026/10/20", s.callback as string, "2026/10/27", "1.5w"),
    row("广州某物流", "Ann Lee", "2026/11/26", c.lost, "", ""),
    row("杭州某网络", "li.lei", "2026/11/18", s.needs as string, "2026/12/10", "¥30,000"),
  ];
}

/** A table in `language` with the follow-ups and their amounts typed in, at `now`. */
function table(language: Language, now: number): AppsScriptRuntime {
  const data = rows(language);
  const runtime = followUpTable(
    data.map((r) => r.cells),
    { language, now },
  );
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName(NAMES[language].followUps) as Sheet;
  sheet.getRange(2, AMOUNT_COLUMN, data.length, 1).setValues(data.map((r) => [r.amount]));
  return runtime;
}

/** Builds the review from the menu and returns the review sheet. */
function built(language: Language): { runtime: AppsScriptRuntime; review: Sheet } {
  const runtime = table(language, MONDAY_MORNING);
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu(language === "zh" ? "生成周报" : "Build weekly review");
  const review = runtime
    .inspect()
    .getActiveSpreadsheet()
    .getSheetByName(language === "zh" ? "周报" : "Weekly review");
  if (!review) throw new Error("no review sheet");
  return { runtime, review };
}

/** The review sheet's cells as shown: display values. */
function shown(review: Sheet): string[][] {
  return review.getRange(1, 1, review.getLastRow(), review.getLastColumn()).getDisplayValues();
}

/** Each pivot's value name as its output shows it (top-left with a column group, else beside the row group's label). */
function pivotHeads(review: Sheet): string[] {
  return review.getPivotTables().map((pivot) => {
    const anchor = pivot.getAnchorCell();
    const [first = "", second = ""] =
      review.getRange(anchor.getRow(), anchor.getColumn(), 1, 2).getDisplayValues()[0] ?? [];
    return pivot.getColumnGroups().length > 0 ? first : second;
  });
}

/** The shown row whose first cell is `label`, the first one at or after the row whose first cell is `after`. */
function rowOf(cells: string[][], label: string, after = ""): string[] {
  const start = after === "" ? 0 : cells.findIndex((r) => r[0] === after);
  const found = cells.slice(Math.max(0, start)).find((r) => r[0] === label);
  if (!found) throw new Error(`no row “${label}” after “${after}”`);
  return found;
}

describe("the weekly review with money, in Chinese", () => {
  const { runtime, review } = built("zh");
  const cells = shown(review);

  it("is built on a new table that has the optional money columns, at its end", () => {
    const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
    expect(sheet?.getRange(1, AMOUNT_COLUMN, 1, 2).getValues()[0]).toEqual(["预计金额", "预计成交日期"]);
  });

  it("shows the win rate as a percentage and the weighted pipeline as money", () => {
    expect(rowOf(cells, "赢单率").slice(1, 3)).toEqual(["50%", ""]);
    expect(rowOf(cells, "加权商机金额").slice(1, 3)).toEqual(["¥74,250", "¥33,450"]);
  });

  it("shows the funnel: customers per stage, who reached it, the conversion to the next stage, weighted amounts", () => {
    const title = "销售漏斗（截至今天）：各阶段客户数、阶段转化与加权金额";
    // Furthest stages: 上海 已报价, 北京 won, 深圳 待回访, 杭州 需求确认; 广州 was only ever lost.
    expect(rowOf(cells, "新线索", title).slice(0, 7)).toEqual(["新线索", "0", "4", "100%", "¥0", "10%", "¥0"]);
    expect(rowOf(cells, "待回访", title).slice(0, 7)).toEqual(["待回访", "1", "4", "75%", "¥15,000", "25%", "¥3,750"]);
    expect(rowOf(cells, "需求确认", title).slice(0, 7)).toEqual([
      "需求确认",
      "1",
      "3",
      "67%",
      "¥30,000",
      "35%",
      "¥10,500",
    ]);
    expect(rowOf(cells, "已报价", title).slice(0, 7)).toEqual([
      "已报价",
      "1",
      "2",
      "50%",
      "¥120,000",
      "50%",
      "¥60,000",
    ]);
    expect(rowOf(cells, "已成交", title).slice(0, 3)).toEqual(["已成交", "1", "1"]);
    expect(rowOf(cells, "合计", title).slice(0, 7)).toEqual(["合计", "5", "", "", "¥165,000", "", "¥74,250"]);
  });

  it("compares each rep's week with the week before", () => {
    const header = rowOf(cells, "销售");
    expect(header.slice(0, 3)).toEqual(["销售", "跟进次数（上周）", "跟进次数（前一周）"]);
    const column = (label: string) => header.indexOf(label);
    const liSi = rowOf(cells, "李四", "销售");
    expect(liSi[column("跟进次数（上周）")]).toBe("1");
    expect(liSi[column("新客户（前一周）")]).toBe("1");
    expect(liSi[column("加权商机金额（上周）")]).toBe("¥63,750");
    expect(liSi[column("加权商机金额（前一周）")]).toBe("¥15,750");
    expect(liSi[column("当前逾期")]).toBe("1");
    const ann = rowOf(cells, "Ann Lee", "销售");
    expect(ann[column("成交客户（上周）")]).toBe("1");
    expect(ann[column("流失客户（上周）")]).toBe("1");
  });

  it("names the customers won, lost and going stale, each with a link to its row", () => {
    const won = cells.findIndex((r) => r[0] === "上周成交的客户（共 1 个，列出 1 个）");
    expect(cells[won + 1]?.slice(0, 7)).toEqual(["客户", "责任人", "当前阶段", "金额", "最近跟进", "距今天数", "链接"]);
    expect(cells[won + 2]?.slice(0, 6)).toEqual(["北京某贸易", "Ann Lee", "已成交", "¥30,000", "2026-11-25", "5"]);
    // The link opens the Follow-ups sheet at the customer's latest row (row 5).
    const followUpsId = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getSheetId();
    expect(cells[won + 2]?.[6]).toMatch(
      new RegExp(`^https://docs\\.google\\.com/spreadsheets/d/.+#gid=${followUpsId}&range=A5$`),
    );
    const stale = cells.findIndex((r) => r[0] === "即将进入公海：30 天及以上未跟进的客户（共 1 个，列出 1 个）");
    expect(cells[stale + 2]?.slice(0, 6)).toEqual(["深圳某电子", "李四", "待回访", "¥15,000", "2026-10-20", "41"]);
  });

  it("names the pivots' values, never “COUNTA of …”", () => {
    expect(pivotHeads(review)).toEqual(["跟进次数", "客户数", "客户数", "逾期跟进"]);
    expect(cells.flat().filter((cell) => /COUNTA|COUNTUNIQUE/.test(cell))).toEqual([]);
  });
});

describe("the weekly review with money, in English", () => {
  const { runtime, review } = built("en");
  const cells = shown(review);

  it("writes English headers and stage names, and dollars for an en_US spreadsheet", () => {
    const followUps = runtime.inspect().getActiveSpreadsheet().getSheetByName("Follow-ups");
    expect(followUps?.getRange(1, AMOUNT_COLUMN, 1, 2).getValues()[0]).toEqual(["Amount", "Expected close"]);
    expect(rowOf(cells, "Win rate").slice(1, 3)).toEqual(["50%", ""]);
    expect(rowOf(cells, "Weighted pipeline").slice(1, 3)).toEqual(["$74,250", "$33,450"]);
    const title = "Pipeline funnel (as of today): customers per stage, conversion and weighted amounts";
    expect(rowOf(cells, "Stage", title)).toEqual(
      expect.arrayContaining(["Customers now", "Reached", "Went on to next stage", "Win probability", "Weighted"]),
    );
    expect(rowOf(cells, "Quoted", title).slice(0, 7)).toEqual([
      "Quoted",
      "1",
      "2",
      "50%",
      "$120,000",
      "50%",
      "$60,000",
    ]);
    const won = cells.findIndex((r) => r[0] === "Customers won last week (1 of 1)");
    expect(cells[won + 2]?.slice(0, 6)).toEqual(["北京某贸易", "Ann Lee", "Won", "$30,000", "2026-11-25", "5"]);
    expect(cells[won + 2]?.[6]).toMatch(/#gid=\d+&range=A5$/);
    expect(pivotHeads(review)).toEqual(["Follow-ups", "Customers", "Customers", "Overdue follow-ups"]);
    // No Chinese on the sheet but the team's own customer names.
    const chinese = cells.flat().filter((cell) => /[\u4e00-\u9fff]/.test(cell));
    expect(chinese.every((cell) => /^(上海|北京|深圳|广州|杭州)某/.test(cell) || cell === "李四")).toBe(true);
    // The review data sheet's stage labels, which the funnel pivot groups by.
    const data = runtime.inspect().getActiveSpreadsheet().getSheetByName("Review data");
    const dataCells = data?.getDataRange().getValues() ?? [];
    const funnel = dataCells.findIndex((row) => row[0] === "Pipeline funnel: customers by current stage, per rep");
    expect(dataCells[funnel + 1]).toEqual(["Owner", "Stage (in order)", "Customers"]);
    expect(dataCells[funnel + 2]?.[1]).toMatch(/^\d (Awaiting callback|Quoted|Won|Lost|New lead)$/);
    expect(dataCells.flat().filter((cell) => /[\u4e00-\u9fff]/.test(String(cell)))).toEqual(
      dataCells.flat().filter((cell) => /^(上海|北京|深圳|广州|杭州)某|^李四$/.test(String(cell))),
    );
  });
});

describe("the review email in the manager's language", () => {
  /** Sunday 2026-11-29 20:00 in Shanghai; reminders on; the review goes out on Monday at 09:00. */
  function mailed(managerLanguage: Language) {
    const runtime = table("zh", Date.UTC(2026, 10, 29, 12, 0));
    const ss = runtime.inspect().getActiveSpreadsheet();
    ss.getSheetByName("团队")?.getRange(2, 6).setValue(managerLanguage);
    runtime.open("LIMITED");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("提醒开关");
    runtime.advanceTo(Date.UTC(2026, 10, 30, 2, 0));
    const mail = runtime.outbox.messages.filter((m) => /【周报】|\[Weekly review\]/.test(m.subject));
    expect(mail.map((m) => m.to.join())).toEqual(["li.lei@example.com"]);
    return { runtime, mail: mail[0] };
  }

  it("writes an English manager of a Chinese table English stage names, figures and headers, in the table's currency", () => {
    const { mail } = mailed("en");
    expect(mail?.subject).toBe("[Weekly review] 2026-11-23 – 2026-11-29: 3 follow-ups, 1 won");
    expect(mail?.body).toContain("- Win rate: 50% (week before: n/a)\n");
    expect(mail?.body).toContain("- Weighted pipeline: ¥74,250 (week before: ¥33,450)\n");
    expect(mail?.body).toContain("- Quoted: 1 now, 2 reached it, 50% went on, weighted ¥60,000\n");
    expect(mail?.body).toContain("■ Customers won last week (1 of 1)\n- 北京某贸易 · Ann Lee · Won · ¥30,000 · ");
    expect(mail?.body).toContain(
      "■ Going stale: no follow-up for 30 days or more (1 of 1)\n- 深圳某电子 · 李四 · Awaiting callback",
    );
    expect(mail?.body).not.toMatch(/新线索|待回访|需求确认|已报价|已成交|已流失/);
    expect(mail?.htmlBody).toContain(">Customers now</th>");
  });

  it("writes a Chinese manager Chinese, and logs each email's state in the table's language", () => {
    const { runtime, mail } = mailed("zh");
    expect(mail?.body).toContain("- 已报价：当前 1 个客户，累计到达 2 个，进入下一阶段 50%，加权金额 ¥60,000\n");
    const log = runtime.inspect().getActiveSpreadsheet().getSheetByName("提醒记录")?.getDataRange().getValues() ?? [];
    expect(log[0]?.slice(0, 3)).toEqual(["日期", "收件人", "状态"]);
    expect(log.filter((r) => String(r[0]).startsWith("review")).map((r) => [r[1], r[2]])).toEqual([
      ["li.lei@example.com", "已发送"],
    ]);
    expect(log.slice(1).every((r) => ["发送中", "已发送", "已推迟", "失败", "已放弃"].includes(String(r[2])))).toBe(
      true,
    );
  });
});
