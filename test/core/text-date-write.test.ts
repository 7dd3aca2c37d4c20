/** Tests of src/core/text-date-write: a date read from the next step goes into that row's empty next-date cell only, at its owner's request, and never over anything typed there. */

import { runInNewContext } from "node:vm";
import type { ColumnPositions } from "../../src/core/columns";
import { dayFromYmd } from "../../src/core/dates";
import { readFollowUps } from "../../src/core/follow-ups";
import type { TextDateRequest } from "../../src/core/sidebar-api";
import type { TeamMember } from "../../src/core/team";
import { planDateFromText } from "../../src/core/text-date-write";

const ZONE = "Asia/Shanghai";
const COLUMNS: ColumnPositions = { id: 1, customer: 2, date: 3, stage: 4, nextStep: 5, nextDate: 6, owner: 7 };

function member(name: string, email: string): TeamMember {
  return { name, email, role: "rep", managerEmail: "", reminders: true, language: "" };
}

const LI_SI = member("李四", "li.si@example.cn");
const WANG_WU = member("王五", "wang.wu@example.cn");
const TEAM = [LI_SI, WANG_WU];

/** Midnight of a day in Shanghai, as a Date from another realm like the ones getValues() returns. */
function sheetDate(y: number, m: number, d: number): Date {
  return runInNewContext(`new Date(Date.UTC(${y}, ${m - 1}, ${d}, -8))`);
}

/** Row 2 李四's with "11/25回访报价反馈" and an empty next-date cell; row 3 王五's, the same. */
function rows(nextDateOfRow2: unknown = "", nextStepOfRow2 = "11/25回访报价反馈"): unknown[][] {
  return [
    ["FU-000001", "上海某科技", sheetDate(2026, 11, 20), "已报价", nextStepOfRow2, nextDateOfRow2, "李四"],
    ["FU-000002", "北京某贸易", sheetDate(2026, 11, 20), "已报价", "11/25回访", "", "王五"],
  ];
}

/** The plan for `who` (null: someone not on the Team sheet). */
function plan(values: unknown[][], request: Partial<TextDateRequest> = {}, who: TeamMember | null = LI_SI) {
  const read = readFollowUps(values, 2, COLUMNS, ZONE, [], { language: "zh", today: dayFromYmd(2026, 11, 27) });
  return planDateFromText({
    table: { firstRow: 2, values, positions: COLUMNS },
    followUps: read.followUps,
    request: { row: 2, id: "FU-000001", nextDate: "2026-11-25", ...request },
    team: TEAM,
    member: who ?? undefined,
    timeZone: ZONE,
  });
}

describe("text-date-write", () => {
  it("plans the one next-date cell of the member's row, as yyyy-mm-dd, remembering it was empty", () => {
    expect(plan(rows())).toEqual({ ok: true, change: { row: 2, column: 6, before: "", after: "2026-11-25" } });
    expect(plan(rows("   "))).toEqual({ ok: true, change: { row: 2, column: 6, before: "   ", after: "2026-11-25" } });
  });

  it.each([
    ["a date", sheetDate(2026, 12, 1), "2026-12-01"],
    ["a date typed as text", "12/1", "12/1"],
    ["words", "下周", "下周"],
    ["a number", 46000, "46000"],
  ])("refuses when the cell holds %s by now, naming it", (_what, cell, named) => {
    expect(plan(rows(cell))).toEqual({ ok: false, reason: "cellFilled", value: named });
  });

  it("refuses another member's row, and a user who is not on the Team sheet", () => {
    expect(plan(rows(), { row: 3, id: "FU-000002" })).toEqual({ ok: false, reason: "notYours", value: "" });
    expect(plan(rows(), {}, null)).toEqual({ ok: false, reason: "notYours", value: "" });
    expect(plan(rows(), { row: 3, id: "FU-000002" }, WANG_WU)).toMatchObject({ ok: true });
  });

  it.each([
    ["a row that moved (another id there)", { id: "FU-000009" }, rows()],
    ["a row past the table", { row: 9 }, rows()],
    ["a next step whose date changed", {}, rows("", "11/26回访报价反馈")],
    ["a next step with no date any more", {}, rows("", "回访报价反馈")],
  ])("refuses %s: the list the user saw is out of date", (_what, request, values) => {
    expect(plan(values, request)).toEqual({ ok: false, reason: "changed", value: "" });
  });
});
