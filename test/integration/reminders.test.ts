/** Integration tests of daily reminders on the built bundle: the on/off switch, one digest per owner per day at the reminder hour in the spreadsheet's zone, exactly once, quota, safety and cost. */

import { callsBetween } from "../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { followUpTable, NAMES, TEAM, typedRow } from "../helpers/follow-up-table";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Friday 2026-11-27, 07:30 in Shanghai: half an hour before the default reminder hour. */
const SEVEN_THIRTY = Date.UTC(2026, 10, 26, 23, 30);

/** Turns reminders on from the menu (answering the confirmation). */
function switchReminders(runtime: AppsScriptRuntime, language: "zh" | "en" = "zh"): string {
  runtime.ui.answerNext("OK");
  runtime.clickMenu(language === "zh" ? "提醒开关" : "Reminders on/off");
  return runtime.ui.exchanges.at(-1)?.prompt ?? "";
}

/** The local wall-clock "yyyy-mm-dd HH" of an instant in a zone. */
function localHour(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return parts.replace(", ", " ");
}

describe("reminders switch", () => {
  it("installs exactly one hourly trigger however often it is clicked, and turns it off", () => {
    const runtime = followUpTable();
    runtime.open("LIMITED");
    expect(switchReminders(runtime)).toBe(
      "已开启每日跟进提醒：每位负责人在提醒日（周一至周五）8 点后（按表格时区）收到一封提醒邮件；提醒日和时间可在「设置」表中修改。",
    );
    expect(runtime.triggers.list().map((t) => [t.handlerFunction, t.clock?.kind])).toEqual([["runHourly", "hours"]]);
    expect(switchReminders(runtime)).toBe("已关闭每日跟进提醒。");
    expect(runtime.triggers.list()).toEqual([]);
    switchReminders(runtime);
    switchReminders(runtime);
    switchReminders(runtime);
    expect(runtime.triggers.list()).toHaveLength(1);
  });

  it("creates the trigger again when Google silently disabled it", () => {
    const runtime = followUpTable();
    runtime.open("LIMITED");
    switchReminders(runtime);
    const [first] = runtime.triggers.list();
    runtime.triggers.disable(first?.uniqueId ?? "");
    runtime.advanceBy(5 * HOUR);
    expect(switchReminders(runtime)).toBe("每日跟进提醒的触发器已失效，已重新创建。");
    expect(runtime.triggers.list().map((t) => t.enabled)).toEqual([true]);
    expect(runtime.triggers.list()[0]?.uniqueId).not.toBe(first?.uniqueId);
  });
});

describe.each([
  ["Asia/Shanghai", Date.UTC(2026, 10, 22, 16, 0)], // Monday 2026-11-23 00:00 in Shanghai
  ["America/Los_Angeles", Date.UTC(2026, 10, 23, 8, 0)], // Monday 2026-11-23 00:00 in Los Angeles
])("14 days of hourly runs, spreadsheet in %s, script in Europe/Berlin", (timeZone, midnight) => {
  /** Follow-ups whose next dates fall over the fortnight, for a Chinese rep, an English rep and the admin. */
  const rows = [
    typedRow("上海某科技", "李四", "2026/11/23"),
    typedRow("北京某贸易", "李四", "2026/11/27"),
    typedRow("Globex", "Ann Lee", "2026/11/30"),
    typedRow("广州某制造", "li.lei", "2026/12/1", "", "已成交"), // closed: never reminded
  ];
  /** Next dates by owner, to work out independently which days each owner should hear from us. */
  const nextDates: Record<string, string[]> = {
    "li.si@example.com": ["2026-11-23", "2026-11-27"],
    "ann.lee@example.com": ["2026-11-30"],
  };

  function fortnight() {
    const runtime = followUpTable(rows, { now: midnight - DAY });
    runtime.inspect().getActiveSpreadsheet().setSpreadsheetTimeZone(timeZone);
    // Reminders go on at 00:30 on Monday: the first run at or after 08:00 sends Monday's digests.
    runtime.advanceTo(midnight + 30 * 60_000);
    runtime.open("LIMITED");
    switchReminders(runtime);
    runtime.advanceTo(midnight + 14 * DAY);
    return runtime;
  }

  it("sends each owner one digest on each workday something is overdue, due or upcoming, in their language, at 8:00 local", () => {
    const runtime = fortnight();
    const failures = runtime.triggerRuns.filter((r) => r.status !== "COMPLETED");
    expect(failures).toEqual([]);
    for (const [email, dates] of Object.entries(nextDates)) {
      const mails = runtime.outbox.messages.filter((m) => m.to.includes(email));
      const days = mails.map((m) => localHour(m.at, timeZone));
      // Upcoming window is 3 days: from 3 days before the first next date, every workday (Settings' default:
      // Monday–Friday) while one is open (overdue).
      const first = dates[0] ?? "";
      const expectedDays = Array.from({ length: 14 }, (_, i) => new Date(midnight + i * DAY + 12 * HOUR))
        .map((d) => localHour(d.getTime(), timeZone).slice(0, 10))
        .filter((day) => day >= shiftDays(first, -3) && ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()));
      expect(days).toEqual(expectedDays.map((day) => `${day} 08`));
    }
    const zh = runtime.outbox.messages.find((m) => m.to.includes("li.si@example.com"));
    expect(zh?.subject).toMatch(/^【跟进提醒】/);
    const en = runtime.outbox.messages.find((m) => m.to.includes("ann.lee@example.com"));
    expect(en?.subject).toMatch(/^\[Follow-up reminder\]/);
  });

  it("lists the right items on a given day, most overdue first, with a link to the row", () => {
    const runtime = fortnight();
    const onDay = (email: string, day: string) =>
      runtime.outbox.messages.find((m) => m.to.includes(email) && localHour(m.at, timeZone).startsWith(day));
    // Monday: what fell due on Friday and stayed open over the weekend is overdue.
    expect(onDay("li.si@example.com", "2026-11-28")).toBeUndefined();
    const lisi = onDay("li.si@example.com", "2026-11-30");
    expect(lisi?.subject).toBe("【跟进提醒】2 条逾期");
    expect(lisi?.body.indexOf("上海某科技")).toBeLessThan(lisi?.body.indexOf("北京某贸易") ?? 0);
    expect(lisi?.htmlBody).toContain("#gid=");
    expect(lisi?.htmlBody).toContain("range=A2");
    expect(onDay("ann.lee@example.com", "2026-11-26")).toBeUndefined();
    expect(onDay("ann.lee@example.com", "2026-11-27")?.subject).toBe("[Follow-up reminder] 1 upcoming");
    expect(onDay("ann.lee@example.com", "2026-11-30")?.subject).toBe("[Follow-up reminder] 1 due today");
  });
});

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

describe("exactly once", () => {
  /** A table with one overdue row per rep, reminders on, at 07:30 Shanghai on Friday 2026-11-27. */
  function ready() {
    const runtime = followUpTable(
      [typedRow("上海某科技", "李四", "2026/11/20"), typedRow("Globex", "Ann Lee", "2026/11/20")],
      {
        now: SEVEN_THIRTY,
      },
    );
    runtime.open("LIMITED");
    switchReminders(runtime);
    return runtime;
  }
  const perRecipient = (runtime: AppsScriptRuntime) =>
    runtime.outbox.messages.map((m) => m.to.join()).sort((a, b) => a.localeCompare(b));

  it("sends nothing twice when the trigger runs again the same day, or reminders are switched off and on", () => {
    const runtime = ready();
    runtime.advanceBy(2 * HOUR);
    expect(perRecipient(runtime)).toEqual(["ann.lee@example.com", "li.lei@example.com", "li.si@example.com"]);
    runtime.run("runHourly", [{ triggerUid: runtime.triggers.list()[0]?.uniqueId }], {
      kind: "timeTrigger",
      spreadsheetId: null,
    });
    switchReminders(runtime);
    switchReminders(runtime);
    runtime.advanceBy(10 * HOUR);
    expect(perRecipient(runtime)).toHaveLength(3);
    // The log lives in its own sheet; the team's other sheets are untouched.
    const ss = runtime.inspect().getActiveSpreadsheet();
    expect(ss.getSheetByName("工作表1")?.getLastRow()).toBe(0);
    // The header and one row per email sent.
    expect(ss.getSheetByName("提醒记录")?.getLastRow()).toBe(4);
  });

  it("lets only one of two overlapping runs send", () => {
    const runtime = ready();
    const uid = runtime.triggers.list()[0]?.uniqueId;
    let overlapping = 0;
    runtime.kernel.interleave({ match: "MailApp.sendEmail", nth: 1 }, () => {
      overlapping++;
      runtime.run("runHourly", [{ triggerUid: uid }], { kind: "timeTrigger", spreadsheetId: null });
    });
    runtime.advanceBy(2 * HOUR);
    expect(overlapping).toBe(1);
    expect(perRecipient(runtime)).toEqual(["ann.lee@example.com", "li.lei@example.com", "li.si@example.com"]);
  });

  it("asks MailApp for the remaining quota once per run, not once per email", () => {
    const runtime = ready();
    const before = runtime.kernel.snapshot().byMethod["MailApp.getRemainingDailyQuota"] ?? 0;
    runtime.advanceBy(2 * HOUR);
    expect(perRecipient(runtime)).toEqual(["ann.lee@example.com", "li.lei@example.com", "li.si@example.com"]);
    expect((runtime.kernel.snapshot().byMethod["MailApp.getRemainingDailyQuota"] ?? 0) - before).toBe(1);
  });

  it("retries a passing mail failure and resumes after a run that crashed midway", () => {
    const runtime = ready();
    runtime.kernel.injectFault({ match: "MailApp.sendEmail", nth: 2, message: "Service error: Mail" });
    // A write of the send record times out partway through the day's digests: the run stops midway.
    runtime.kernel.injectFault({
      match: "DeveloperMetadata.setValue",
      nth: 5,
      message: "Service Spreadsheets timed out while accessing document with id x.",
    });
    runtime.advanceBy(3 * HOUR);
    expect(runtime.triggerRuns.filter((r) => r.status === "FAILED")).toHaveLength(1);
    expect(perRecipient(runtime)).toEqual(["ann.lee@example.com", "li.lei@example.com", "li.si@example.com"]);
  });
});

/** Adds `count` reps (rep0@example.com …) to the Team sheet, each with one overdue follow-up; returns their Team rows. */
function addOverdueReps(runtime: AppsScriptRuntime, count: number): unknown[][] {
  const owners = Array.from({ length: count }, (_, i) => [`rep${i}`, `rep${i}@example.com`, "销售", "", true, "zh"]);
  const ss = runtime.inspect().getActiveSpreadsheet();
  ss.getSheetByName(NAMES.zh.team)
    ?.getRange(2 + TEAM.length, 1, owners.length, 6)
    .setValues(owners);
  const table = owners.map((o, i) =>
    typedRow(`客户${i}`, String(o[0]), "2026/11/20", `1380000${String(i).padStart(4, "0")}`),
  );
  ss.getSheetByName(NAMES.zh.followUps)?.getRange(2, 1, table.length, 12).setValues(table);
  return owners;
}

describe("limits and safety", () => {
  it("works the same when the trigger run does have an active spreadsheet", () => {
    const runtime = followUpTable([typedRow("上海某科技", "李四", "2026/11/20")], {
      now: SEVEN_THIRTY,
      activeSpreadsheetInTimeTriggers: true,
    });
    runtime.open("LIMITED");
    switchReminders(runtime);
    runtime.advanceBy(2 * HOUR);
    expect(runtime.outbox.messages.map((m) => m.to.join())).toEqual(["li.lei@example.com", "li.si@example.com"]);
  });

  it("logs an owner whose email keeps failing, goes on with the others, and retries that owner next hour", () => {
    const runtime = followUpTable(
      [typedRow("上海某科技", "李四", "2026/11/20"), typedRow("Globex", "Ann Lee", "2026/11/20")],
      {
        now: SEVEN_THIRTY,
      },
    );
    runtime.open("LIMITED");
    switchReminders(runtime);
    runtime.advanceTo(SEVEN_THIRTY + 30 * 60_000);
    // The first recipient's three attempts all fail; the service recovers afterwards.
    runtime.kernel.injectFault({ match: "MailApp.sendEmail", times: 3, message: "Service error: Mail" });
    runtime.advanceBy(HOUR);
    expect(runtime.outbox.messages.map((m) => m.to.join())).toEqual(["li.lei@example.com", "li.si@example.com"]);
    const log = runtime.inspect().getActiveSpreadsheet().getSheetByName("提醒记录")?.getDataRange().getValues() ?? [];
    expect(log.filter((r) => r[2] === "失败").map((r) => [r[1], r[4]])).toEqual([
      ["ann.lee@example.com", "transient: Service error: Mail"],
    ]);
    runtime.advanceBy(HOUR);
    expect(runtime.outbox.messages.map((m) => m.to.join()).sort()).toEqual([
      "ann.lee@example.com",
      "li.lei@example.com",
      "li.si@example.com",
    ]);
  });

  it("stops before the 6-minute limit when mail is slow and finishes in the next run", () => {
    // Each email takes 3 s: 150 of them would need 7.5 minutes.
    const runtime = followUpTable([], {
      now: SEVEN_THIRTY,
      mailDailyLimit: 1500,
      cost: { perMethodMs: { "MailApp.sendEmail": 3000 } },
    });
    addOverdueReps(runtime, 150);
    runtime.open("LIMITED");
    switchReminders(runtime);
    runtime.advanceBy(4 * HOUR);
    expect(runtime.triggerRuns.filter((r) => r.status !== "COMPLETED")).toEqual([]);
    const sent = runtime.outbox.messages.map((m) => m.to.join());
    expect(sent).toHaveLength(150);
    expect(new Set(sent).size).toBe(150);
    const runs = runtime.executions.filter((e) => e.functionName === "runHourly");
    expect(Math.max(...runs.map((e) => e.endedAt - e.startedAt))).toBeLessThan(5 * 60_000);
  });

  it("never emails an owner who is not on the Team sheet, and tells the admins", () => {
    const runtime = followUpTable([typedRow("可疑客户", "someone@evil.example", "2026/11/20")], { now: SEVEN_THIRTY });
    runtime.open("LIMITED");
    switchReminders(runtime);
    runtime.advanceBy(2 * HOUR);
    expect(runtime.outbox.messages.flatMap((m) => [...m.to, ...m.cc, ...m.bcc])).toEqual(["li.lei@example.com"]);
    expect(runtime.outbox.messages[0]?.body).toContain("someone@evil.example");
  });

  it("sends 100 digests when 150 owners exceed the daily quota, and the 51 left (the admin's reports it) first the next workday", () => {
    const runtime = followUpTable([], { now: SEVEN_THIRTY });
    const ss = runtime.inspect().getActiveSpreadsheet();
    const owners = addOverdueReps(runtime, 150);
    runtime.open("LIMITED");
    switchReminders(runtime);
    runtime.advanceBy(16 * HOUR);
    const dayOne = runtime.outbox.messages.map((m) => m.to[0] ?? "");
    expect(dayOne).toHaveLength(100);
    // Friday, then a weekend without digests: Monday is the next day they go out.
    runtime.advanceBy(72 * HOUR);
    const dayTwo = runtime.outbox.messages.slice(100).map((m) => m.to[0] ?? "");
    const deferred = owners.map((o) => String(o[1])).filter((email) => !dayOne.includes(email));
    expect(deferred).toHaveLength(50);
    // Once the quota ran out, the admin's digest had something to say: the quota. It waited too.
    const waited = [...deferred, "li.lei@example.com"];
    expect(dayTwo.slice(0, 51).sort()).toEqual(waited.sort());
    const log = ss.getSheetByName("提醒记录")?.getDataRange().getValues() ?? [];
    expect(
      log
        .filter((r) => r[0] === "2026-11-27" && r[2] === "已推迟")
        .map((r) => r[1])
        .sort(),
    ).toEqual(waited.sort());
    // The admin hears of yesterday's digests that did not go out, by name.
    const adminToday = runtime.outbox.messages.slice(100).find((m) => m.to[0] === "li.lei@example.com");
    expect(adminToday?.body).toContain("2026-11-27 有提醒没有发出：li.lei@example.com, rep5@example.com");
  });

  // 12,400 rows give every rep 31 overdue rows, one more than a digest lists, as 50,000 do: both runs write the reps'
  // filtered views (src/gas/filter-views), whose calls are the same whatever the rows.
  it("makes the same number of Spreadsheet calls per hourly run at 12,400 and 50,000 rows, well inside 6 minutes", () => {
    const measure = (count: number) => {
      const owners = Array.from({ length: 200 }, (_, i) => [`rep${i}`, `rep${i}@example.com`, "销售", "", true, "zh"]);
      const rows = Array.from({ length: count }, (_, i) =>
        typedRow(
          `客户${i}`,
          `rep${i % 200}`,
          Math.floor(i / 200) % 2 ? "2026/12/30" : "2026/11/20",
          `1380${String(i).padStart(7, "0")}`,
        ),
      );
      // A Workspace account: 1,500 recipients a day.
      const runtime = followUpTable(rows, { now: SEVEN_THIRTY, mailDailyLimit: 1500 });
      runtime
        .inspect()
        .getActiveSpreadsheet()
        .getSheetByName(NAMES.zh.team)
        ?.getRange(2 + TEAM.length, 1, owners.length, 6)
        .setValues(owners);
      runtime.open("LIMITED");
      switchReminders(runtime);
      const before = runtime.kernel.snapshot();
      runtime.advanceBy(2 * HOUR);
      const runs = runtime.executions.filter((e) => e.functionName === "runHourly");
      expect(runtime.outbox.messages).toHaveLength(200);
      const ms = Math.max(...runs.map((e) => e.endedAt - e.startedAt));
      return { calls: callsBetween(before, runtime.kernel.snapshot(), "Spreadsheet"), ms };
    };
    const small = measure(12_400);
    const large = measure(50_000);
    expect(large.calls).toBe(small.calls);
    expect(large.ms).toBeLessThan(3 * 60_000);
  });
});
