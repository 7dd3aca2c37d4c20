/** A month of real use as a test, on the built bundle: a team's adopted sheet, hourly runs for 30 days, sidebar saves every morning, colleagues' hand edits landing between the add-on's reads and writes, the Reminder log deleted once, the table's metadata deleted once, the mail quota spent on two days and a transient fault in 30% of executions — then the two promises are counted. */

import { seededRandom } from "../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { COLUMNS } from "../../src/core/columns";
import type { SaveResult } from "../../src/core/sidebar-api";
import { titledTeamSheet } from "../fixtures/team-tables";
import { adoptTeamSheet, TEAM } from "../helpers/follow-up-table";
import { runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { metadataValue } from "../helpers/workbook";
import { expectedDigestDays, formOf, MEMBERS, monthPlan, type PlannedFollowUp } from "./month-plan";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAYS = 30;
/** Monday 2026-11-02 00:00 in Shanghai, the first day of the month. */
const FIRST_MIDNIGHT = Date.UTC(2026, 10, 1, 16);
const FIRST_DAY = "2026-11-02";
/** Days (of the month) on which the owner's whole mail quota is spent by 07:00: Fridays, reported over the weekend. */
const QUOTA_DAYS = [4, 18];
/** Settings' default reminder days, Monday–Friday: the month starts on a Monday. */
const isWorkday = (day: number) => day % 7 < 5;
const LOG_DELETED = { day: 10, hour: 12 };
const METADATA_DELETED = { day: 15, hour: 3 };
/** The share of executions hit by one transient fault, somewhere among their first 40 service calls. */
const FAULTY_EXECUTIONS = 0.3;
/** The share of the add-on's table reads during which a colleague edits the sheet by hand. */
const EDIT_RATE = 0.05;
/** A user's patience: Save pressed again at most this many times. */
const MAX_ATTEMPTS = 40;

const TIMEOUT = "Service Spreadsheets timed out while accessing document with id 1a2b3c.";
const TOO_MANY = "Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.";
const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";
const FAULTS: readonly [string, string][] = [
  ["Spreadsheet.*", TIMEOUT],
  ["Mail.*", TOO_MANY],
  ["Properties.*", TOO_MANY],
  ["Cache.*", TOO_MANY],
  ["Lock.*", LOCK_TIMEOUT],
];

/** The team's own sheet before adoption: a title, their IDs, their done marks; every deal already closed or done. */
const TEAM_SHEET = titledTeamSheet([
  [
    "C-1001",
    "苏州某机械有限公司",
    "何一",
    "'+86 138 0013 8000",
    "2026/10/3",
    "电话",
    "了解需求",
    "需求确认",
    "发送方案",
    "2026/10/7",
    "li.lei",
    "是",
  ],
  [
    "C-1001",
    "苏州某机械",
    "何一",
    "'+86 138 0013 8000",
    "2026/10/6",
    "邮件",
    "方案已发",
    "已成交",
    "",
    "",
    "li.lei",
    "否",
  ],
  ["C-1002", "无锡某纺织", "施三", "0510-8888 6666", "2026/10/1", "微信", "初次沟通", "已流失", "", "", "李四", "No"],
  [
    "C-1003",
    '\'=HYPERLINK("x")',
    "吕二",
    "",
    "2026/10/5",
    "面访",
    "@全体 注意",
    "谈判中",
    "发合同",
    "2026/10/12",
    "Ann Lee",
    "Yes",
  ],
]);
const TEAM_HEADER_ROW = 3;

/** "2026-11-02" of an instant in Shanghai. */
const isoDayOf = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 10);
const dayOf = (at: number) => Math.floor((at - FIRST_MIDNIGHT) / DAY);
const isDigest = (subject: string) => subject.startsWith("【跟进提醒】") || subject.startsWith("[Follow-up reminder]");

interface Figures {
  saves: number;
  savePresses: number;
  handEdits: number;
  hourlyRuns: number;
  failedRuns: number;
  faultyExecutions: number;
  faultsThrown: number;
  digestsSent: number;
  memberDaysExpected: number;
  memberDaysDelivered: number;
  memberDaysReported: number;
  memberDaysMissing: number;
  duplicateDigests: number;
  duplicateRows: number;
  teamCellsCompared: number;
  teamCellsChanged: number;
}

describe("a month of real use", () => {
  const plan = monthPlan(DAYS);
  const phones = new Map([...new Set(plan.map((p) => p.customer))].map((c, i) => [c, `1390000${1000 + i}`]));
  const random = seededRandom(2026);
  let runtime: AppsScriptRuntime;
  let sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** What each team cell should hold: what the team typed, by hand or through a save ("row:column" → value). */
  const expected = new Map<string, unknown>();
  /** The emails each day's failures were reported for (the reminders' status, read each morning before 08:00). */
  const reported = new Map<string, Set<string>>();
  const figures: Figures = {
    saves: 0,
    savePresses: 0,
    handEdits: 0,
    hourlyRuns: 0,
    failedRuns: 0,
    faultyExecutions: 0,
    faultsThrown: 0,
    digestsSent: 0,
    memberDaysExpected: 0,
    memberDaysDelivered: 0,
    memberDaysReported: 0,
    memberDaysMissing: 0,
    duplicateDigests: 0,
    duplicateRows: 0,
    teamCellsCompared: 0,
    teamCellsChanged: 0,
  };

  /** Sheet columns of the team's own cells: everything but the add-on's ids, stamps and superseded marks. */
  function teamColumns(): number[] {
    const header = sheet.getRange(TEAM_HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const ours = COLUMNS.filter((c) => c.owner === "addOn").map((c) => c.header.zh);
    return header.map((h, i) => (ours.includes(h) ? 0 : i + 1)).filter((c) => c > 0);
  }

  /** Records the team cells of `row` as they stand now (a row the team just typed or saved). */
  function expectRow(row: number): void {
    const columns = teamColumns();
    const width = Math.max(...columns);
    const values = sheet.getRange(row, 1, 1, width).getValues()[0];
    const formulas = sheet.getRange(row, 1, 1, width).getFormulas()[0];
    for (const column of columns) expected.set(`${row}:${column}`, formulas[column - 1] || values[column - 1]);
  }

  /** A colleague's edit that changes no reminder: a new summary on an existing row, or a closed deal typed below. */
  function handEdit(): void {
    figures.handEdits++;
    const last = sheet.getLastRow();
    if (random() < 0.2) {
      const row = last + 1;
      sheet
        .getRange(row, 1, 1, 12)
        .setValues([
          [`C-9${row}`, `手填客户${row}`, "", "", "2026/10/20", "电话", "电话里成交了", "已成交", "", "", "李四", ""],
        ]);
      expectRow(row);
      return;
    }
    const row = TEAM_HEADER_ROW + 1 + Math.floor(random() * (last - TEAM_HEADER_ROW));
    const contact = 3;
    sheet.getRange(row, contact).setValue(`联系人 ${figures.handEdits}`);
    expected.set(`${row}:${contact}`, `联系人 ${figures.handEdits}`);
  }

  /** One transient fault in FAULTY_EXECUTIONS of executions, at a random one of their first 40 calls. */
  function injectFaults(): void {
    const plans = new Map<number, { at: number; seen: number }>();
    for (const [match, message] of FAULTS) {
      runtime.kernel.interleave({ match }, () => {
        const id = runtime.kernel.execution?.id;
        if (id === undefined) return;
        let p = plans.get(id);
        if (!p) {
          const faulty = random() < FAULTY_EXECUTIONS;
          if (faulty) figures.faultyExecutions++;
          p = { at: faulty ? 1 + Math.floor(random() * 40) : 0, seen: 0 };
          plans.set(id, p);
        }
        p.seen++;
        if (p.seen === p.at) {
          figures.faultsThrown++;
          throw runtime.kernel.exception(message);
        }
      });
    }
  }

  /** Saves as `planned.member`, pressing Save again (same request id) after an error or an exception. */
  function saveLikeAUser(planned: PlannedFollowUp, requestId: string): SaveResult | null {
    const request = { form: formOf(planned, FIRST_DAY, phones.get(planned.customer) ?? ""), confirmed: [], requestId };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      figures.savePresses++;
      try {
        const result = runtime.run("saveFollowUp", [request], { user: planned.member.user }) as SaveResult;
        if (result.ok) {
          expectRow(result.row);
          return result;
        }
        if (Object.keys(result.errors).length === 0) return result;
      } catch {
        // The sidebar shows "Could not reach the server: …"; the user presses Save again.
      }
      runtime.advanceBy(20_000);
    }
    return null;
  }

  /** The reminders' status as stored, for the days whose digests it reports as not sent. */
  function noteReported(): void {
    const problems = JSON.parse(metadataValue(runtime, "followUpTracker.status") ?? "{}").problems ?? [];
    for (const p of problems as { kind: string; day?: string; detail: string }[]) {
      if (p.kind !== "undelivered" || !p.day) continue;
      const emails = reported.get(p.day) ?? new Set<string>();
      for (const email of p.detail.split(" — ")[0].split(", ")) emails.add(email);
      reported.set(p.day, emails);
    }
  }

  beforeAll(() => {
    runtime = runtimeOnDist({ user: ZH_REP, now: FIRST_MIDNIGHT - DAY });
    sheet = adoptTeamSheet(runtime, TEAM_SHEET, TEAM_HEADER_ROW, { members: TEAM });
    for (let row = 1; row <= TEAM_SHEET.length; row++) expectRow(row);
    runtime.advanceTo(FIRST_MIDNIGHT - 23 * HOUR);
    runtime.ui.answerNext("OK");
    runtime.clickMenu("提醒开关");
    injectFaults();
    // On the quota days someone else's script has spent the owner's whole quota whenever the add-on looks.
    const spendQuota = () => {
      if (!QUOTA_DAYS.includes(dayOf(runtime.kernel.now()))) return;
      const user = runtime.kernel.execution?.effectiveUser ?? "";
      const left = runtime.outbox.remaining(user, runtime.kernel.now());
      if (left > 0) runtime.outbox.charge(runtime.kernel, user, left);
    };
    runtime.kernel.interleave({ match: "MailApp.getRemainingDailyQuota" }, spendQuota);
    runtime.kernel.interleave({ match: "MailApp.sendEmail" }, spendQuota);
    runtime.kernel.interleave({ match: "Range.getValues", rate: EDIT_RATE }, handEdit);
    const at = (day: number, hour: number) => FIRST_MIDNIGHT + day * DAY + hour * HOUR;
    for (let day = 0; day < DAYS; day++) {
      if (day === METADATA_DELETED.day) {
        runtime.advanceTo(at(day, METADATA_DELETED.hour));
        const ss = runtime.inspect().getActiveSpreadsheet();
        for (const entry of ss.createDeveloperMetadataFinder().withKey("followUpTracker.table").find()) entry.remove();
      }
      // Reps log their calls before the 8:00 reminders; the status is read then too (yesterday's report is in).
      runtime.advanceTo(at(day, 6));
      noteReported();
      plan
        .filter((p) => p.day === day)
        .forEach((planned, n) => {
          if (saveLikeAUser(planned, `month-d${day}-n${n}`)?.ok) figures.saves++;
        });
      if (day === LOG_DELETED.day) {
        runtime.advanceTo(at(day, LOG_DELETED.hour));
        const ss = runtime.inspect().getActiveSpreadsheet();
        ss.deleteSheet(ss.getSheetByName("提醒记录") as GoogleAppsScript.Spreadsheet.Sheet);
      }
    }
    runtime.advanceTo(at(DAYS, 6));
    noteReported();
    runtime.kernel.clearRules();
  });

  it("ran under real pressure: faults in saves and runs, hand edits between reads and writes, two quota days", () => {
    figures.hourlyRuns = runtime.triggerRuns.length;
    figures.failedRuns = runtime.triggerRuns.filter((r) => r.status === "FAILED").length;
    expect(figures.faultsThrown).toBeGreaterThan(100);
    expect(figures.failedRuns).toBeGreaterThan(30);
    expect(figures.handEdits).toBeGreaterThan(20);
    expect(figures.savePresses).toBeGreaterThan(plan.length);
    // Every failed run failed on an injected fault, nothing else.
    const failures = runtime.triggerRuns.filter((r) => r.status === "FAILED").map((r) => r.error ?? "");
    expect(failures.filter((e) => ![TIMEOUT, TOO_MANY, LOCK_TIMEOUT].includes(e))).toEqual([]);
  });

  it("rebuilt the table's record after it was deleted, and started a new Reminder log after that was deleted", () => {
    const ss = runtime.inspect().getActiveSpreadsheet();
    const registry = ss.createDeveloperMetadataFinder().withKey("followUpTracker.table").find();
    expect(registry).toHaveLength(1);
    expect(JSON.parse(registry[0]?.getValue() ?? "{}").followUps).toBe(sheet.getSheetId());
    const log = ss.getSheetByName("提醒记录");
    // Its first entry came after the deletion: an alert later that day ("alert 2026-11-12", when a run failed that
    // afternoon), or the next day's digests or alert ("2026-11-13", "alert 2026-11-13"); the day's digests that went
    // out before the deletion are not written again.
    const deleted = FIRST_MIDNIGHT + LOG_DELETED.day * DAY + LOG_DELETED.hour * HOUR;
    const [first, , , at] = log?.getRange(2, 1, 1, 4).getValues()[0] ?? [];
    const [today, tomorrow] = [isoDayOf(deleted), isoDayOf(deleted + DAY)];
    expect(String(first)).toMatch(new RegExp(`^(alert ${today}|(alert )?${tomorrow})$`));
    expect(new Date(String(at)).getTime()).toBeGreaterThan(deleted);
  });

  it("changed no cell the team typed: every team cell holds what the team typed, by hand or through a save", () => {
    const changed: string[] = [];
    for (const [key, value] of expected) {
      const [row, column] = key.split(":").map(Number);
      const range = sheet.getRange(row, column);
      const now = range.getFormula() || range.getValue();
      const time = (v: unknown) => (Object.prototype.toString.call(v) === "[object Date]" ? (v as Date).getTime() : v);
      const same = time(value) === time(now);
      if (!same) changed.push(`${key}: ${String(value)} → ${String(now)}`);
    }
    figures.teamCellsCompared = expected.size;
    figures.teamCellsChanged = changed.length;
    expect(changed).toEqual([]);
  });

  it("stored every save once: none lost, none twice", () => {
    const summaries = sheet
      .getDataRange()
      .getValues()
      .map((r) => String(r[6]));
    const copies = (summary: string) => summaries.filter((s) => s === summary).length;
    figures.duplicateRows = plan.filter((p) => copies(p.summary) > 1).length;
    expect(plan.filter((p) => copies(p.summary) !== 1).map((p) => [p.summary, copies(p.summary)])).toEqual([]);
    expect(figures.saves).toBe(plan.length);
  });

  it("gave every member, every day they had something, exactly one digest or one reported failure; nobody two", () => {
    const wanted = expectedDigestDays(plan, DAYS, isWorkday);
    const problems: string[] = [];
    for (const { user } of MEMBERS) {
      const sent = runtime.outbox.messages.filter((m) => m.to.includes(user.email) && isDigest(m.subject));
      figures.digestsSent += sent.length;
      for (let day = 0; day < DAYS; day++) {
        const count = sent.filter((m) => dayOf(m.at) === day).length;
        if (count > 1) figures.duplicateDigests++;
        if (count > 1) problems.push(`${user.email} got ${count} digests on day ${day}`);
        if (!wanted.get(user.email)?.includes(day)) continue;
        figures.memberDaysExpected++;
        const iso = isoDayOf(FIRST_MIDNIGHT + day * DAY);
        if (count === 1) figures.memberDaysDelivered++;
        else if (reported.get(iso)?.has(user.email)) figures.memberDaysReported++;
        else {
          figures.memberDaysMissing++;
          problems.push(`${user.email} had something on day ${day} (${iso}) but got no digest and no report`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The quota days' digests could not go out; they were reported the next morning.
    for (const day of QUOTA_DAYS) expect(reported.get(isoDayOf(FIRST_MIDNIGHT + day * DAY))?.size).toBeGreaterThan(0);
  });

  afterAll(() => {
    // The figures of the month, for the record (docs and closing notes quote them).
    console.log(
      [
        `month of real use: ${DAYS} days, ${plan.length} planned saves, ${figures.saves} stored (${figures.savePresses} presses of Save)`,
        `  ${figures.hourlyRuns} hourly runs, ${figures.failedRuns} failed; ${figures.faultyExecutions} executions faulty, ${figures.faultsThrown} faults thrown; ${figures.handEdits} hand edits`,
        `  ${figures.memberDaysExpected} member-days with something: ${figures.memberDaysDelivered} one digest, ${figures.memberDaysReported} reported failures, ${figures.memberDaysMissing} missing`,
        `  ${figures.digestsSent} digests sent, ${figures.duplicateDigests} duplicate digests, ${figures.duplicateRows} duplicate rows`,
        `  ${figures.teamCellsCompared} team cells compared, ${figures.teamCellsChanged} changed`,
      ].join("\n"),
    );
  });
});
