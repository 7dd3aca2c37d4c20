/** Fault campaign on the built bundle: a month of hourly reminder runs and daily sidebar saves under 10% transient Apps Script errors, then a day on which every email fails. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { SaveResult } from "../../src/core/sidebar-api";
import { followUpTable, form, typedRow } from "../helpers/follow-up-table";
import { expectedDigestDays, formOf, MEMBERS, monthPlan, type PlannedFollowUp } from "./month-plan";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAYS = 30;
/** Monday 2026-11-02 00:00 in Shanghai, the first day of the simulated month. */
const FIRST_MIDNIGHT = Date.UTC(2026, 10, 1, 16);
const FIRST_DAY = "2026-11-02";

/** Apps Script's wording of the three transient errors. */
const TIMEOUT = "Service Spreadsheets timed out while accessing document with id 1a2b3c.";
/** As reported from Apps Script executions, e.g. github.com/dropseed/google-sheets-us-states/issues/5. */
const TOO_MANY = "Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.";
const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";
const TRANSIENT = [TIMEOUT, TOO_MANY, LOCK_TIMEOUT];

/** Where each kind of error strikes, each call failing with probability 0.1 (a seeded, repeatable draw). */
const FAULTS: readonly [string, string][] = [
  ["SpreadsheetApp.openById", TIMEOUT],
  ["Range.getValues", TIMEOUT],
  ["Range.setValues", TIMEOUT],
  ["SpreadsheetApp.flush", TIMEOUT],
  ["MailApp.sendEmail", TOO_MANY],
  ["Properties.*", TOO_MANY],
  ["Cache.*", TOO_MANY],
  ["Lock.tryLock", LOCK_TIMEOUT],
];

/** A user's patience: Save pressed again at most this many times. */
const MAX_ATTEMPTS = 30;

/** The local (Shanghai) day of an instant, as a day number of the month. */
const dayOf = (at: number) => Math.floor((at - FIRST_MIDNIGHT) / DAY);

/** "2026-11-02" of an instant in Shanghai. */
function isoDayOf(at: number): string {
  return new Date(at + 8 * HOUR).toISOString().slice(0, 10);
}

const isDigest = (subject: string) => subject.startsWith("【跟进提醒】") || subject.startsWith("[Follow-up reminder]");

function switchReminders(runtime: AppsScriptRuntime): void {
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu("提醒开关");
}

/** Saves from the sidebar as `planned.member`, pressing Save again (same request id) after an error or an exception. */
function saveLikeAUser(runtime: AppsScriptRuntime, planned: PlannedFollowUp, phone: string, requestId: string) {
  const request = { form: formOf(planned, FIRST_DAY, phone), confirmed: [], requestId };
  for (let attempt = 1; ; attempt++) {
    let result: SaveResult | null = null;
    try {
      result = runtime.run("saveFollowUp", [request], { user: planned.member.user }) as SaveResult;
    } catch {
      // The sidebar shows "Could not reach the server: …"; the user presses Save again.
    }
    if (result && (result.ok || Object.keys(result.errors).length === 0)) return { result, attempts: attempt };
    if (attempt === MAX_ATTEMPTS) return { result, attempts: attempt };
    runtime.advanceBy(20_000);
  }
}

/** Each MailApp.sendEmail attempt, per execution, and whether a fault stopped it (observers around the fault rule). */
function watchMail(runtime: AppsScriptRuntime, fault: () => void): { execution: number; failed: boolean }[] {
  const attempts: { execution: number; failed: boolean }[] = [];
  runtime.kernel.interleave({ match: "MailApp.sendEmail" }, () => {
    attempts.push({ execution: runtime.kernel.execution?.id ?? 0, failed: true });
  });
  fault();
  runtime.kernel.interleave({ match: "MailApp.sendEmail" }, () => {
    const last = attempts.at(-1);
    if (last) last.failed = false;
  });
  return attempts;
}

/** Digests given up on: three failed attempts in a row for one recipient (the product's retry limit). */
function givenUpDigests(attempts: readonly { execution: number; failed: boolean }[]): number {
  let givenUp = 0;
  let streak = 0;
  let execution = -1;
  for (const attempt of attempts) {
    if (attempt.execution !== execution) [execution, streak] = [attempt.execution, 0];
    streak = attempt.failed ? streak + 1 : 0;
    if (streak === 3) [givenUp, streak] = [givenUp + 1, 0];
  }
  return givenUp;
}

/** The Reminder log sheets: "提醒记录", or "提醒记录 2" … when one was left behind half made. */
function logSheets(runtime: AppsScriptRuntime): GoogleAppsScript.Spreadsheet.Sheet[] {
  return runtime
    .inspect()
    .getActiveSpreadsheet()
    .getSheets()
    .filter((sheet) => sheet.getName().startsWith("提醒记录"));
}

/** Every row of every Reminder log sheet below its header. */
function reminderLog(runtime: AppsScriptRuntime): unknown[][] {
  return logSheets(runtime).flatMap((sheet) => sheet.getDataRange().getValues().slice(1));
}

describe("a month of hourly runs and sidebar saves with 10% transient errors", () => {
  const plan = monthPlan(DAYS);
  const phones = new Map([...new Set(plan.map((p) => p.customer))].map((c, i) => [c, `1390000${1000 + i}`]));
  let runtime: AppsScriptRuntime;
  let mailAttempts: { execution: number; failed: boolean }[];
  const outcomes: { planned: PlannedFollowUp; result: SaveResult | null; attempts: number }[] = [];

  beforeAll(() => {
    runtime = followUpTable([], { now: FIRST_MIDNIGHT - DAY });
    runtime.advanceTo(FIRST_MIDNIGHT - 23 * HOUR);
    switchReminders(runtime);
    for (const [match, message] of FAULTS.filter(([match]) => match !== "MailApp.sendEmail")) {
      runtime.kernel.injectFault({ match, rate: 0.1, message });
    }
    mailAttempts = watchMail(runtime, () =>
      runtime.kernel.injectFault({ match: "MailApp.sendEmail", rate: 0.1, message: TOO_MANY }),
    );
    for (let day = 0; day < DAYS; day++) {
      // Reps log their calls before the 8:00 reminders, so a day's digests do not depend on which run gets through first.
      runtime.advanceTo(FIRST_MIDNIGHT + day * DAY + 6 * HOUR);
      plan
        .filter((p) => p.day === day)
        .forEach((planned, n) => {
          const saved = saveLikeAUser(runtime, planned, phones.get(planned.customer) ?? "", `month-d${day}-n${n}`);
          outcomes.push({ planned, ...saved });
        });
    }
    runtime.advanceTo(FIRST_MIDNIGHT + DAYS * DAY);
    runtime.kernel.clearRules();
  });

  it("ran under real pressure: saves needed retries, trigger runs failed, emails were retried", () => {
    expect(plan.length).toBeGreaterThanOrEqual(70);
    expect(outcomes.filter((o) => o.attempts > 1).length).toBeGreaterThan(10);
    expect(runtime.triggerRuns.filter((r) => r.status === "FAILED").length).toBeGreaterThan(50);
    expect(mailAttempts.filter((a) => a.failed).length).toBeGreaterThan(3);
  });

  it("tells the user every save succeeded, in the end", () => {
    const unsaved = outcomes.filter((o) => !o.result?.ok).map((o) => [o.planned.summary, o.attempts, o.result]);
    expect(unsaved).toEqual([]);
  });

  // A save that wrote its row and then failed must not be written again on retry (see below).
  it("stores every submission as exactly one row: none lost, none duplicated", () => {
    const values =
      runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getDataRange().getValues().slice(1) ?? [];
    const summaries = values.map((r) => String(r[7])).filter((s) => s !== "");
    const copies = (summary: string) => summaries.filter((s) => s === summary).length;
    expect(plan.filter((p) => copies(p.summary) !== 1).map((p) => [p.summary, copies(p.summary)])).toEqual([]);
    expect(summaries).toHaveLength(plan.length);
  });

  it("sends each member exactly one digest on each day they have something, and none on other days", () => {
    const expected = expectedDigestDays(plan, DAYS);
    for (const { user } of MEMBERS) {
      const days = runtime.outbox.messages
        .filter((m) => m.to.includes(user.email) && isDigest(m.subject))
        .map((m) => dayOf(m.at));
      expect({ email: user.email, days }).toEqual({ email: user.email, days: expected.get(user.email) });
    }
  });

  it("records every failed trigger run with the error that stopped it, and nothing but injected errors fails", () => {
    const failedRuns = runtime.triggerRuns.filter((r) => r.status === "FAILED");
    const failedExecutions = runtime.executions.filter((e) => e.functionName === "runHourly" && e.status === "FAILED");
    expect(failedRuns).toHaveLength(failedExecutions.length);
    expect(failedRuns.filter((r) => !TRANSIENT.includes(r.error ?? ""))).toEqual([]);
    expect(runtime.triggerRuns).toHaveLength(DAYS * 24 + 23);
  });

  // A failure while creating the log sheet must not leave an empty one behind (see below).
  it("keeps one Reminder log sheet", () => {
    expect(logSheets(runtime).map((sheet) => sheet.getName())).toEqual(["提醒记录"]);
  });

  it("logs every digest it gave up on as failed in the Reminder log, and every digest sent as sending or sent", () => {
    const log = reminderLog(runtime);
    const failed = log.filter((r) => r[2] === "failed" && !String(r[0]).startsWith("review"));
    expect(failed).toHaveLength(givenUpDigests(mailAttempts));
    const sentLogged = log.filter((r) => (r[2] === "sent" || r[2] === "sending") && !String(r[0]).startsWith("review"));
    const sentMail = runtime.outbox.messages.filter((m) => isDigest(m.subject));
    const key = (day: unknown, email: unknown) => `${String(day)}|${String(email)}`;
    const logged = new Set(sentLogged.map((r) => key(r[0], r[1])));
    const unlogged = sentMail.filter((m) => !logged.has(key(isoDayOf(m.at), m.to[0])));
    expect(unlogged.map((m) => key(isoDayOf(m.at), m.to[0]))).toEqual([]);
  });
});

describe("a day on which every email fails", () => {
  /** Friday 2026-11-27, 07:30 in Shanghai, reminders on, one overdue row per rep. */
  function failingDay() {
    const sevenThirty = Date.UTC(2026, 10, 26, 23, 30);
    const runtime = followUpTable(
      [typedRow("上海某科技", "李四", "2026/11/20"), typedRow("Globex", "Ann Lee", "2026/11/20")],
      { now: sevenThirty },
    );
    switchReminders(runtime);
    const stop = runtime.kernel.injectFault({ match: "MailApp.sendEmail", message: TOO_MANY });
    runtime.advanceTo(sevenThirty + 16 * HOUR + 29 * MINUTE);
    stop();
    return runtime;
  }

  it("tries each recipient's digest in three hourly runs, then gives up, logging each outcome; sends nothing", () => {
    const runtime = failingDay();
    expect(runtime.outbox.messages).toEqual([]);
    const log = reminderLog(runtime).filter((r) => r[0] === "2026-11-27");
    for (const email of ["ann.lee@example.com", "li.lei@example.com", "li.si@example.com"]) {
      const rows = log.filter((r) => r[1] === email).map((r) => [r[0], r[2], r[4]]);
      expect(rows).toEqual([
        ["2026-11-27", "failed", `transient: ${TOO_MANY}`],
        ["2026-11-27", "failed", `transient: ${TOO_MANY}`],
        ["2026-11-27", "gaveUp", TOO_MANY],
      ]);
    }
  });

  it("does not rely on Apps Script's failure emails: no run fails, and the Settings sheet shows the admins what did not go out", () => {
    const runtime = failingDay();
    expect(runtime.triggerRuns.filter((r) => r.status === "FAILED")).toEqual([]);
    const settings = runtime.inspect().getActiveSpreadsheet().getSheetByName("设置");
    const status = settings
      ?.getRange(1, 11, 3, 1)
      .getValues()
      .map(([line]) => line);
    expect(status?.[0]).toBe("提醒状态");
    expect(status?.[1]).toBe(
      `2026-11-27 有提醒没有发出：ann.lee@example.com, li.lei@example.com, li.si@example.com — ${TOO_MANY}`,
    );
    // The admins' alert was tried too (mail was down for it as well), three times, and logged.
    const alerts = reminderLog(runtime).filter((r) => r[0] === "alert 2026-11-27");
    expect(alerts.map((r) => [r[1], r[2]])).toEqual([
      ["li.lei@example.com", "failed"],
      ["li.lei@example.com", "failed"],
      ["li.lei@example.com", "gaveUp"],
    ]);
  });

  it("sends the next day's digests once mail works again, but the failed day's are never sent", () => {
    const runtime = failingDay();
    runtime.advanceBy(DAY);
    const sent = runtime.outbox.messages.map((m) => `${isoDayOf(m.at)} ${m.to.join()}`);
    expect(sent.sort()).toEqual([
      "2026-11-28 ann.lee@example.com",
      "2026-11-28 li.lei@example.com",
      "2026-11-28 li.si@example.com",
    ]);
  });

  it("tells the admins in the next day's digest which reminders did not go out, and tells the reps nothing of it", () => {
    const runtime = failingDay();
    runtime.advanceBy(DAY);
    const admin = runtime.outbox.messages.find((m) => m.to.includes("li.lei@example.com"));
    expect(admin?.body).toContain(
      "2026-11-27 有提醒没有发出：li.lei@example.com, li.si@example.com, ann.lee@example.com",
    );
    const rep = runtime.outbox.messages.find((m) => m.to.includes("li.si@example.com"));
    expect(rep?.body).not.toContain("没有发出");
  });
});

describe("one fault at the wrong moment", () => {
  // Fails today: the request id is remembered only after the whole save succeeded, so a retry after a late failure writes again.
  it("saves once when the save wrote its row and then failed, and the user pressed Save again", () => {
    const runtime = followUpTable();
    runtime.kernel.injectFault({ match: "Cache.put", nth: 1, message: TOO_MANY });
    const request = { form: form(), confirmed: [], requestId: "retry-after-late-failure" };
    expect(() => runtime.run("saveFollowUp", [request])).toThrow(TOO_MANY);
    expect(runtime.run("saveFollowUp", [request])).toMatchObject({ ok: true });
    expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录")?.getLastRow()).toBe(2);
  });

  // Fails today: the log sheet is tagged only after its header is written, so a failure in between orphans it.
  it("creates the Reminder log once when the first attempt to create it fails", () => {
    const sevenThirty = Date.UTC(2026, 10, 26, 23, 30);
    const runtime = followUpTable([typedRow("上海某科技", "李四", "2026/11/20")], { now: sevenThirty });
    switchReminders(runtime);
    runtime.kernel.injectFault({ match: "Range.setValues", nth: 1, message: TIMEOUT });
    runtime.advanceBy(3 * HOUR);
    expect(runtime.outbox.messages.map((m) => m.to.join()).sort()).toEqual(["li.lei@example.com", "li.si@example.com"]);
    expect(logSheets(runtime).map((sheet) => sheet.getName())).toEqual(["提醒记录"]);
  });
});
