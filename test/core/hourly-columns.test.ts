/** Tests of src/core/hourly-columns and the rows read whole (src/core/follow-ups rowsToReadWhole): the hourly run reads a team's table in only the columns it needs, and its digests and index entries are those of the whole table. */

import { COLUMNS, type ColumnKey, type ColumnPositions } from "../../src/core/columns";
import { indexEntries } from "../../src/core/customer-index";
import { dayFromYmd, dayInZone } from "../../src/core/dates";
import { buildDigests, renderDigest } from "../../src/core/digest";
import { agendaOf } from "../../src/core/due";
import { readFollowUps, rowsToReadWhole } from "../../src/core/follow-ups";
import { hourlyColumns } from "../../src/core/hourly-columns";
import { type PoolEvent, poolOf } from "../../src/core/pool";
import { defaultSettings } from "../../src/core/settings";
import type { TeamMember } from "../../src/core/team";
import { at, day } from "../fixtures/shanghai-dates";

const ZONE = "Asia/Shanghai";
const TODAY = dayFromYmd(2026, 11, 27);
const SETTINGS = defaultSettings("zh");
const READING = { language: "zh" as const, today: TODAY, settings: SETTINGS };

/** The team's table: its own columns 行业 (B) and 地区 (P) among the registered ones, the add-on's on the right. */
const LAYOUT: (ColumnKey | string)[] = [
  "customer",
  "行业",
  "contact",
  "contactInfo",
  "date",
  "method",
  "need",
  "summary",
  "stage",
  "nextStep",
  "nextDate",
  "owner",
  "source",
  "score",
  "notes",
  "地区",
  "done",
  "amount",
  "expectedClose",
  "id",
  "loggedAt",
  "superseded",
];
const REGISTERED = new Set<string>(COLUMNS.map((c) => c.key));
const POSITIONS: ColumnPositions = Object.fromEntries(
  LAYOUT.flatMap((key, i) => (REGISTERED.has(key) ? [[key, i + 1]] : [])),
);
const HEADER = LAYOUT.map((key) => COLUMNS.find((c) => c.key === key)?.header.zh ?? key);
const column = (key: string): number => LAYOUT.indexOf(key);

const TEAM: TeamMember[] = [
  { name: "li.lei", email: "li.lei@example.com", role: "admin", managerEmail: "", reminders: true, language: "zh" },
  {
    name: "李四",
    email: "li.si@example.com",
    role: "rep",
    managerEmail: "li.lei@example.com",
    reminders: true,
    language: "",
  },
  {
    name: "Ann Lee",
    email: "ann@example.com",
    role: "rep",
    managerEmail: "li.lei@example.com",
    reminders: true,
    language: "en",
  },
];

/** A deterministic stream of choices (a linear congruential generator), so a failure is the same on every run. */
function chooser(seed: number): <T>(options: readonly T[]) => T {
  let state = seed;
  return <T>(options: readonly T[]): T => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    // The high bits: the low ones of this generator repeat with a short period.
    return options[Math.floor(state / 2 ** 16) % options.length] as T;
  };
}

/** A row holding `cells` by column (registered key or the team's header), blank elsewhere. */
function row(cells: Partial<Record<string, unknown>>): unknown[] {
  const line: unknown[] = Array(LAYOUT.length).fill("");
  for (const [key, value] of Object.entries(cells)) line[column(key)] = value;
  return line;
}

/**
 * `count` follow-ups as teams type them (customers followed up again, owners on Team and not, open, closed and vague
 * stages, dates typed, held and unreadable, next dates in the next step or by the cadence, done marks), every column
 * the hourly run does not read filled (amounts that are none among them); and the rows whose reading depends on those
 * columns: blank but for one of them, blank, the header pasted again whole, in part, or in those columns only.
 */
function teamTable(count: number, seed: number): unknown[][] {
  const pick = chooser(seed);
  const rows = Array.from({ length: count }, () =>
    row({
      customer: pick(["上海某科技", "北京某贸易（集团）", "Globex", "广州某制造", "深圳某电子", ""]),
      行业: pick(["制造业", "零售", ""]),
      contact: pick(["张三", "", "王经理"]),
      contactInfo: pick(["13800138000", "+86 139 0013 9000", "wang@example.com", ""]),
      date: pick([day(11, 20), day(11, 2), "2026/11/13", "11月6日", 46_341, "上周", ""]),
      method: pick(["电话", "微信", "面谈"]),
      need: pick(["要报价", "年度套餐", ""]),
      summary: pick(["介绍产品", "发了方案", ""]),
      stage: pick(["已报价", "谈判中", "新线索", "已成交", "已流失", "跟进中", "待定", ""]),
      nextStep: pick(["回访", "12/1回访报价反馈", "继续跟进", ""]),
      nextDate: pick([day(11, 27), day(11, 30), "2026/11/25", "下周三", 46_355, "", ""]),
      owner: pick(["李四", "Ann Lee", "li.lei", "王五", ""]),
      source: pick(["展会", "官网"]),
      score: pick([1, 3, 5, "A", ""]),
      notes: pick(["客户很急", "", "=SUM(1,2)"]),
      地区: pick(["华东", "华南"]),
      done: pick([true, false, "是", "否", "再说", ""]),
      amount: pick(["12万", "十万", 30_000, ""]),
      expectedClose: pick([day(12, 20), "2026/12/31", "年底", ""]),
      id: pick(["FU-000001", "FU-000002", ""]),
      loggedAt: pick([at(11, 20, 10), at(11, 21, 9), "昨天", ""]),
      superseded: pick([true, false]),
    }),
  );
  const inUnreadColumns = LAYOUT.map((key, i) =>
    ["method", "source", "notes", "amount", "superseded", "行业", "地区"].includes(key) ? HEADER[i] : "",
  );
  const partly = HEADER.map((title, i) =>
    ["customer", "contact", "method", "source", "notes", "amount", "superseded", "date", "owner", "stage"].includes(
      LAYOUT[i] ?? "",
    )
      ? title
      : "",
  );
  rows.splice(
    3,
    0,
    row({ notes: "下周再约" }),
    row({ 地区: "华北" }),
    row({ superseded: true }),
    row({ amount: "十万" }),
    row({}),
    [...HEADER],
    partly,
    inUnreadColumns,
  );
  return rows;
}

/** The grid as the hourly run reads it: the columns it needs, and every cell of the rows `rowsToReadWhole` names. */
function readAsHourly(grid: readonly unknown[][]): { values: unknown[][]; wholeRows: number[] } {
  const read = new Set(hourlyColumns(POSITIONS));
  const values = grid.map((line) => line.map((cell, i) => (read.has(i + 1) ? cell : undefined)));
  const wholeRows = rowsToReadWhole(values, 2, HEADER, POSITIONS);
  for (const sheetRow of wholeRows) values[sheetRow - 2] = [...(grid[sheetRow - 2] as unknown[])];
  return { values, wholeRows };
}

const EVENTS: PoolEvent[] = [
  {
    kind: "released",
    at: at(11, 1, 9).getTime(),
    customer: "广州某制造",
    customerKey: "广州某制造",
    owner: "李四",
    by: "li.lei@example.com",
  },
];

/** Every email of the day's digests (subject, text and HTML per recipient) and every index entry, from `values`. */
function whatTheRunSees(values: readonly unknown[][]) {
  const { followUps, problems } = readFollowUps(values, 2, POSITIONS, ZONE, HEADER, READING);
  const digests = buildDigests({
    followUps,
    rowProblems: problems,
    settings: SETTINGS,
    team: TEAM,
    handovers: new Set(["FU-000002"]),
    today: TODAY,
    link: (line) => `#gid=0&range=A${line}`,
    defaultLanguage: "zh",
    timeZone: ZONE,
    poolEvents: EVENTS,
  });
  const agenda = agendaOf(followUps, problems, SETTINGS);
  const pool = poolOf(EVENTS, agenda.latest, (ms) => dayInZone(ms, ZONE));
  return {
    emails: digests.map((d) => ({
      to: d.to,
      ...renderDigest(d, { spreadsheetName: "销售跟进表", today: "2026-11-27" }),
    })),
    index: indexEntries({
      followUps,
      problems,
      settings: SETTINGS,
      team: TEAM,
      handovers: new Set(["FU-000002"]),
      pool,
    }),
  };
}

describe("the columns the hourly run reads", () => {
  it("leaves out the team's own columns and the registered ones no digest, due rule or index entry looks at", () => {
    const read = hourlyColumns(POSITIONS).map((c) => LAYOUT[c - 1]);
    expect(read).toEqual([
      "customer",
      "contact",
      "contactInfo",
      "date",
      "need",
      "summary",
      "stage",
      "nextStep",
      "nextDate",
      "owner",
      "score",
      "done",
      "expectedClose",
      "id",
      "loggedAt",
    ]);
  });

  it.each([1, 2, 3, 4, 5])(
    "gives the same emails and index entries as the whole table, reading few rows whole (table %i)",
    (seed) => {
      const grid = teamTable(300, seed);
      const { values, wholeRows } = readAsHourly(grid);
      const whole = whatTheRunSees(grid);
      expect(whatTheRunSees(values)).toEqual(whole);
      // The rows blank in every column read, and the header pasted again whole, in part or in those columns only.
      expect(wholeRows).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
      // What the rows read whole change: without them, the admins would miss a row no date reaches.
      const read = new Set(hourlyColumns(POSITIONS));
      const unread = grid.map((line) => line.map((cell, i) => (read.has(i + 1) ? cell : undefined)));
      expect(whatTheRunSees(unread).emails).not.toEqual(whole.emails);
      expect(whole.emails.map((e) => e.to)).toContain("li.lei@example.com");
    },
  );
});
