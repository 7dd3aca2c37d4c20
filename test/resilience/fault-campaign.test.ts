/** Faults at the wrong moment, on the built bundle: a day on which every email fails, a save that fails after writing its row, a Reminder log whose creation fails halfway. (A month under faults is test/resilience/month-of-use.test.ts.) */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { followUpTable, form, typedRow } from "../helpers/follow-up-table";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Apps Script's wording of two transient errors. */
const TIMEOUT = "Service Spreadsheets timed out while accessing document with id 1a2b3c.";
/** As reported from Apps Script executions, e.g. github.com/dropseed/google-sheets-us-states/issues/5. */
const TOO_MANY = "Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.";

/** "2026-11-02" of an instant in Shanghai. */
function isoDayOf(at: number): string {
  return new Date(at + 8 * HOUR).toISOString().slice(0, 10);
}

function switchReminders(runtime: AppsScriptRuntime): void {
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu("提醒开关");
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
        ["2026-11-27", "失败", `transient: ${TOO_MANY}`],
        ["2026-11-27", "失败", `transient: ${TOO_MANY}`],
        ["2026-11-27", "已放弃", TOO_MANY],
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
      ["li.lei@example.com", "失败"],
      ["li.lei@example.com", "失败"],
      ["li.lei@example.com", "已放弃"],
    ]);
  });

  it("sends the next workday's digests once mail works again, but the failed day's are never sent", () => {
    const runtime = failingDay();
    // Friday's failed; the weekend sends nothing (Settings' default reminder days); Monday's go out (with the review).
    runtime.advanceBy(3 * DAY);
    const sent = runtime.outbox.messages
      .filter((m) => !m.subject.startsWith("【周报】"))
      .map((m) => `${isoDayOf(m.at)} ${m.to.join()}`);
    expect(sent.sort()).toEqual([
      "2026-11-30 ann.lee@example.com",
      "2026-11-30 li.lei@example.com",
      "2026-11-30 li.si@example.com",
    ]);
  });

  it("tells the admins in the next workday's digest which reminders did not go out, and tells the reps nothing of it", () => {
    const runtime = failingDay();
    runtime.advanceBy(3 * DAY);
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

  // The log sheet is recorded before it is laid out: a failure while laying it out (protecting it, writing its header)
  // leaves a sheet the next run finds, never a second one beside an orphan.
  it.each([
    ["protecting it", "Sheet.protect"],
    ["describing its protection", "Protection.setDescription"],
  ])("creates the Reminder log once when the first attempt fails while %s", (_step, match) => {
    const sevenThirty = Date.UTC(2026, 10, 26, 23, 30);
    const runtime = followUpTable([typedRow("上海某科技", "李四", "2026/11/20")], { now: sevenThirty });
    switchReminders(runtime);
    runtime.kernel.injectFault({ match, nth: 1, message: TIMEOUT });
    runtime.advanceBy(3 * HOUR);
    expect(runtime.triggerRuns.filter((r) => r.status === "FAILED").map((r) => r.error)).toEqual([TIMEOUT]);
    expect(runtime.outbox.messages.map((m) => m.to.join()).sort()).toEqual(["li.lei@example.com", "li.si@example.com"]);
    expect(logSheets(runtime).map((sheet) => sheet.getName())).toEqual(["提醒记录"]);
  });
});
