/** Integration tests on the built bundle: a digest that lists only part of a rep's overdue and due-today follow-ups links its "… and N more" to the rep's filtered view of them all (a Sheets filter view), which shows exactly those rows by src/core/due, costs no API call when nothing changed, comes back when a person deletes it, and never stops a digest when the Sheets API fails. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { FilterViewInfo } from "../../local/runtime/spreadsheet/filter-view-inspection";
import { COLUMNS, type ColumnKey } from "../../src/core/columns";
import { dayInZone } from "../../src/core/dates";
import { agendaOf, dueOf } from "../../src/core/due";
import { readFollowUps } from "../../src/core/follow-ups";
import { parseSettings } from "../../src/core/settings";
import { followUpTable, NAMES, typedRow } from "../helpers/follow-up-table";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Friday 2026-11-27, 07:30 in Shanghai: half an hour before the default reminder hour. */
const SEVEN_THIRTY = Date.UTC(2026, 10, 26, 23, 30);
const column = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key);

/** A typed row with its done cell (column P) filled in. */
function doneRow(customer: string, owner: string, nextDate: string, done: string): unknown[] {
  const cells = [...typedRow(customer, owner, nextDate), "", "", "", ""];
  cells[column("done")] = done;
  return cells;
}

/**
 * `owner`'s table: 36 customers overdue (more than the 30 a digest lists), 3 due today, one customer followed up twice
 * (the older row superseded), a closed and a done row overdue, two upcoming; and another rep's two overdue rows.
 */
function rowsOf(owner: string, other: string): unknown[][] {
  return [
    ...Array.from({ length: 36 }, (_, i) => typedRow(`客户${i}`, owner, `2026/11/${1 + (i % 25)}`)),
    ...Array.from({ length: 3 }, (_, i) => typedRow(`今日客户${i}`, owner, "2026/11/27")),
    ["", "重复客户", "张三", "", "2026/11/10", "电话", "", "", "已报价", "回访", "2026/11/12", owner],
    typedRow("重复客户", owner, "2026/11/22"),
    typedRow("成交客户", owner, "2026/11/20", "", "已成交"),
    doneRow("做完客户", owner, "2026/11/20", "是"),
    typedRow("下周客户", owner, "2026/11/29"),
    typedRow("下周客户二", owner, "2026/11/30"),
    typedRow("别人的客户", other, "2026/11/20"),
    typedRow("别人的客户二", other, "2026/11/27"),
  ];
}

/** The table, reminders switched on at 07:30 (Friday), in `language`. */
function ready(language: "zh" | "en" = "zh"): AppsScriptRuntime {
  const [owner, other] = language === "zh" ? ["李四", "Ann Lee"] : ["Ann Lee", "李四"];
  const runtime = followUpTable(rowsOf(owner, other), { now: SEVEN_THIRTY, language });
  // A sheet of 150 rows: the view covers them all, and the formula engine evaluates it on each.
  const sheet = followUps(runtime, language);
  sheet.deleteRows(151, sheet.getMaxRows() - 150);
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu(language === "zh" ? "提醒开关" : "Reminders on/off");
  return runtime;
}

/** The Follow-ups sheet of the open spreadsheet. */
function followUps(runtime: AppsScriptRuntime, language: "zh" | "en" = "zh") {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName(NAMES[language].followUps);
  if (!sheet) throw new Error("no Follow-ups sheet");
  return sheet;
}

/** The rows src/core/due has as `owner`'s overdue or due today at the runtime's clock, read from the sheet as the add-on reads it. */
function dueRowsOf(runtime: AppsScriptRuntime, owner: string, language: "zh" | "en" = "zh"): number[] {
  const ss = runtime.inspect().getActiveSpreadsheet();
  const settingsSheet = ss.getSheetByName(language === "zh" ? "设置" : "Settings");
  const sheet = followUps(runtime, language);
  if (!settingsSheet) throw new Error("no Settings sheet");
  const width = sheet.getLastColumn();
  const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, width).getValues();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  // Found by header, as columns may have moved.
  const positions = Object.fromEntries(COLUMNS.map((c) => [c.key, header.indexOf(c.header[language]) + 1]));
  const settings = parseSettings(settingsSheet.getDataRange().getValues()).settings;
  const today = dayInZone(runtime.kernel.now(), "Asia/Shanghai");
  const { followUps: rows, problems } = readFollowUps(values, 2, positions, "Asia/Shanghai", header, {
    language,
    today,
    settings,
  });
  const agenda = agendaOf(rows, problems, settings);
  return rows
    .filter((f) => f.owner === owner && ["overdue", "dueToday"].includes(dueOf(agenda, f, today) ?? ""))
    .map((f) => f.row);
}

/** The digests sent to `email`, oldest first. */
function digestsTo(runtime: AppsScriptRuntime, email: string) {
  return runtime.outbox.messages.filter((m) => m.to.includes(email));
}

/** The filter view id the last digest to `email` links its "more" line to, or null. */
function linkedView(runtime: AppsScriptRuntime, email: string, language: "zh" | "en" = "zh"): number | null {
  const body = digestsTo(runtime, email).at(-1)?.body ?? "";
  const match = /#gid=(\d+)&fvid=(\d+)/.exec(body);
  if (!match) return null;
  expect(Number(match[1])).toBe(followUps(runtime, language).getSheetId());
  return Number(match[2]);
}

function viewById(runtime: AppsScriptRuntime, id: number | null): FilterViewInfo | undefined {
  return runtime.filterViews().find((v) => v.id === id);
}

const sheetsCalls = (runtime: AppsScriptRuntime) => runtime.kernel.snapshot().byService.Sheets ?? 0;

describe("a digest's “… and N more” opens the rep's filtered view", () => {
  it("links to a filter view that shows exactly the rep's overdue and due-today rows, by src/core/due", () => {
    const runtime = ready();
    runtime.advanceBy(2 * HOUR);
    const [digest] = digestsTo(runtime, "li.si@example.com");
    expect(digest?.subject).toBe("【跟进提醒】37 条逾期，3 条今日到期，2 条即将到期");
    const sheetId = followUps(runtime).getSheetId();
    const url = `https://docs.google.com/spreadsheets/d/${runtime.documentId}/edit#gid=${sheetId}&fvid=`;
    expect(digest?.body).toMatch(
      new RegExp(
        `…另有 7 条未列出：打开筛选视图查看你全部逾期和今日到期的跟进（表格菜单「我的待跟进」也列出它们）\\n  ${url.replace(/[.?]/g, "\\$&")}\\d+`,
      ),
    );
    expect(digest?.htmlBody).toContain(url.replace("&", "&amp;"));
    const view = viewById(runtime, linkedView(runtime, "li.si@example.com"));
    expect(view?.title).toBe("李四 · 待跟进");
    expect(view?.sheetName).toBe("跟进记录");
    expect(view?.range).toBe(
      `A1:${followUps(runtime).getRange(1, followUps(runtime).getMaxColumns()).getA1Notation().replace(/\d+/, "")}150`,
    );
    const expected = dueRowsOf(runtime, "李四");
    // 36 + 1 (the newer row of the customer followed up twice) overdue, 3 due today: no other rep's, nothing closed,
    // done or superseded, nothing upcoming.
    expect(expected).toHaveLength(40);
    expect(view?.rows()).toEqual(expected);
    // Ann's digest lists all she has: no filtered view, no link to one.
    expect(digestsTo(runtime, "ann.lee@example.com")[0]?.body).not.toContain("fvid=");
    expect(runtime.filterViews()).toHaveLength(1);
  });

  it("makes no Sheets API call the next workday when nothing changed, and links the same view", () => {
    const runtime = ready();
    runtime.advanceBy(2 * HOUR);
    const friday = linkedView(runtime, "li.si@example.com");
    const before = sheetsCalls(runtime);
    // Friday's later runs, the weekend, Monday's digests.
    runtime.advanceBy(3 * DAY);
    expect(digestsTo(runtime, "li.si@example.com")).toHaveLength(2);
    expect(sheetsCalls(runtime)).toBe(before);
    expect(linkedView(runtime, "li.si@example.com")).toBe(friday);
    expect(viewById(runtime, friday)?.rows()).toEqual(dueRowsOf(runtime, "李四"));
  });

  it("rewrites the view when the table changes, and makes it again when a person deleted it", () => {
    const runtime = ready();
    runtime.advanceBy(2 * HOUR);
    const first = linkedView(runtime, "li.si@example.com");
    expect(runtime.userDeleteFilterView(first ?? 0)).toBe(true);
    // A column inserted before the owner column moves the columns the view reads: Monday's run rewrites it, finds it
    // gone, and makes it again.
    runtime.userChange({ sheet: NAMES.zh.followUps, change: "INSERT_COLUMN", at: column("need") + 1 });
    runtime.advanceBy(3 * DAY);
    const second = linkedView(runtime, "li.si@example.com");
    expect(second).not.toBe(first);
    expect(viewById(runtime, second)?.rows()).toEqual(dueRowsOf(runtime, "李四"));
    expect(runtime.filterViews()).toHaveLength(1);
  });

  it("makes a deleted view again within a week when nothing else changes", () => {
    const runtime = ready();
    runtime.advanceBy(2 * HOUR);
    const first = linkedView(runtime, "li.si@example.com");
    runtime.userDeleteFilterView(first ?? 0);
    const before = sheetsCalls(runtime);
    // Monday to Thursday the add-on trusts the view it last saw on Friday; the next Friday it looks, and makes it again.
    runtime.advanceBy(6 * DAY);
    expect(sheetsCalls(runtime)).toBe(before);
    runtime.advanceBy(DAY);
    const again = linkedView(runtime, "li.si@example.com");
    expect(again).not.toBe(first);
    expect(viewById(runtime, again)?.rows()).toEqual(dueRowsOf(runtime, "李四"));
  });

  it("sends the digest once, linking the first row not listed, when the Sheets API fails", () => {
    const runtime = ready();
    runtime.kernel.injectFault({
      match: "Sheets.*",
      message: "API call to sheets.spreadsheets.batchUpdate failed with error: Internal error encountered.",
    });
    runtime.advanceBy(5 * HOUR);
    expect(runtime.triggerRuns.filter((r) => r.status !== "COMPLETED")).toEqual([]);
    const digests = digestsTo(runtime, "li.si@example.com");
    expect(digests).toHaveLength(1);
    expect(digests[0]?.body).toContain("…另有 7 条未列出：表格菜单「我的待跟进」列出全部\n  https://");
    expect(digests[0]?.body).toMatch(/#gid=\d+&range=A\d+/);
    expect(digests[0]?.body).not.toContain("fvid=");
    expect(runtime.filterViews()).toEqual([]);
    expect(runtime.logs.messages("console")).toContain(
      "filtered views not written, the digests link rows instead: API call to sheets.spreadsheets.batchUpdate failed with error: Internal error encountered.",
    );
    // Nothing louder: the admin's digest carries no status line about it.
    expect(digestsTo(runtime, "li.lei@example.com")[0]?.body ?? "").not.toMatch(/筛选|filter/i);
  });

  it("says so in English, in an English rep's digest and title", () => {
    const runtime = ready("en");
    runtime.advanceBy(2 * HOUR);
    const [digest] = digestsTo(runtime, "ann.lee@example.com");
    expect(digest?.body).toMatch(
      /… and \d+ more: open the filtered view to see all your overdue and due-today follow-ups \(“My follow-ups due” in the sheet's menu lists them too\)\n {2}https:\/\/\S+&fvid=\d+/,
    );
    const view = viewById(runtime, linkedView(runtime, "ann.lee@example.com", "en"));
    expect(view?.title).toBe("Ann Lee · Follow-ups due");
    expect(view?.rows()).toEqual(dueRowsOf(runtime, "Ann Lee", "en"));
  });
});
