/** The second promise when things go wrong: no reminder lost in silence (a short quota, a run that keeps failing, a stopped trigger, a lost table record, an empty Team, a failing review email, re-authorization) and nobody told twice (a deleted Reminder log, a rep calling the hourly job, a retried save). */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import { runSidebarCall } from "../../local/sidebar-host/sidebar-host";
import type { SaveResult, SidebarData } from "../../src/core/sidebar-api";
import { followUpTable, form, NAMES, TEAM, typedRow } from "../helpers/follow-up-table";
import { metadataValue } from "../helpers/workbook";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Friday 2026-11-27, 07:30 in Shanghai. */
const SEVEN_THIRTY = Date.UTC(2026, 10, 26, 23, 30);
const LI_LEI = { email: "li.lei@example.com", locale: "zh_CN" };
const LI_SI = { email: "li.si@example.com", locale: "zh_CN" };
const TOO_MANY = "Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.";

function menu(runtime: AppsScriptRuntime, caption: string): string {
  runtime.ui.answerNext("OK");
  runtime.clickMenu(caption);
  return runtime.ui.exchanges.at(-1)?.prompt ?? "";
}

/** One overdue row per rep (李四, Ann Lee), reminders switched on by li.lei (admin) at `now`. */
function ready(now = SEVEN_THIRTY): AppsScriptRuntime {
  const runtime = followUpTable(
    [typedRow("上海某科技", "李四", "2026/11/20"), typedRow("Globex", "Ann Lee", "2026/11/20")],
    { now },
  );
  runtime.open("LIMITED");
  menu(runtime, "提醒开关");
  return runtime;
}

const isDigest = (subject: string) => subject.startsWith("【跟进提醒】") || subject.startsWith("[Follow-up reminder]");
const isAlert = (subject: string) => subject.startsWith("【跟进表助手】每日提醒");

/** "2026-11-27 li.si@example.com" for every digest sent, in order. */
function digests(runtime: AppsScriptRuntime): string[] {
  return runtime.outbox.messages
    .filter((m) => isDigest(m.subject))
    .map((m) => `${new Date(m.at + 8 * HOUR).toISOString().slice(0, 10)} ${m.to.join()}`);
}

/** The reminders' status as the Settings sheet shows it (column K below its title). */
function settingsStatus(runtime: AppsScriptRuntime): string[] {
  const settings = runtime.inspect().getActiveSpreadsheet().getSheetByName("设置");
  return (settings?.getRange(2, 11, 12, 1).getValues() ?? []).map(([line]) => String(line)).filter(Boolean);
}

function sidebarAs(runtime: AppsScriptRuntime, user: { email: string; locale: string }): SidebarData {
  return runtime.run("sidebarData", [], { user }) as SidebarData;
}

describe("no reminder lost in silence", () => {
  it("sends the day's digests at 09:xx when the 08:xx run found the quota spent, and never settles a day on a deferral", () => {
    const runtime = followUpTable(
      [typedRow("上海某科技", "李四", "2026/11/20"), typedRow("Globex", "Ann Lee", "2026/11/20")],
      { now: SEVEN_THIRTY - DAY + 90 * MINUTE },
    );
    // li.lei used the whole daily quota at 09:00 yesterday: it comes back at 09:00 today.
    runtime.outbox.charge(runtime.kernel, "li.lei@example.com", 100);
    runtime.advanceTo(SEVEN_THIRTY);
    runtime.open("LIMITED");
    menu(runtime, "提醒开关");
    runtime.advanceBy(90 * MINUTE);
    expect(digests(runtime)).toEqual([]);
    expect(settingsStatus(runtime)).toEqual(["2026-11-27 的邮件额度已用完，3 封提醒推迟到之后发送"]);
    runtime.advanceBy(HOUR);
    expect(digests(runtime).sort()).toEqual([
      "2026-11-27 ann.lee@example.com",
      "2026-11-27 li.lei@example.com",
      "2026-11-27 li.si@example.com",
    ]);
    // Everyone got their digest after all: the quota line goes.
    expect(settingsStatus(runtime)).toEqual([expect.stringMatching(/^正常：最近一次运行 2026-11-27 09:\d\d$/)]);
  });

  it("records a run that keeps failing, and emails the admin about it once a day", () => {
    // From Thursday: the day after is a workday too (no digest goes out on a day off).
    const runtime = ready(SEVEN_THIRTY - DAY);
    runtime.advanceTo(SEVEN_THIRTY - DAY + 30 * MINUTE);
    const stop = runtime.kernel.injectFault({ match: "Sheet.getDataRange", message: TOO_MANY });
    runtime.advanceBy(DAY + 4 * HOUR);
    stop();
    const alerts = runtime.outbox.messages.filter((m) => isAlert(m.subject));
    expect(alerts.map((m) => [new Date(m.at + 8 * HOUR).toISOString().slice(0, 10), m.to.join()])).toEqual([
      ["2026-11-26", "li.lei@example.com"],
      ["2026-11-27", "li.lei@example.com"],
    ]);
    expect(alerts[0]?.body).toContain(`起每日提醒运行出错：${TOO_MANY}`);
    expect(runtime.triggerRuns.filter((r) => r.status === "FAILED").length).toBeGreaterThan(20);
    // Fixed: the next run works, sends the day's digests, and the status is clean again.
    runtime.advanceBy(HOUR);
    expect(digests(runtime).filter((d) => d.startsWith("2026-11-27"))).toHaveLength(3);
    expect(settingsStatus(runtime)).toEqual([expect.stringMatching(/^正常：/)]);
  });

  it("mails the admin once about a stopped trigger, shows it in their sidebar (not reps'), and Sync starts it again", () => {
    const runtime = ready();
    const [trigger] = runtime.triggers.list();
    runtime.triggers.disable(trigger?.uniqueId ?? "");
    runtime.advanceBy(5 * HOUR);
    expect(digests(runtime)).toEqual([]);
    // A rep opens the sidebar first: the admin is emailed about it (the hourly run that would tell them is what stopped).
    expect(sidebarAs(runtime, LI_SI).reminderProblems).toEqual([]);
    const alerts = () => runtime.outbox.messages.filter((m) => isAlert(m.subject));
    expect(alerts().map((m) => [m.to.join(), m.from])).toEqual([["li.lei@example.com", "li.si@example.com"]]);
    expect(alerts()[0]?.body).toContain("起没有运行过每日提醒");
    expect(sidebarAs(runtime, LI_LEI).reminderProblems).toEqual([
      "自 2026-11-27 07:30 起没有运行过每日提醒（li.lei@example.com 的触发器已失效或被删除）。请 li.lei@example.com 或管理员点「同步与修复」或「提醒开关」恢复",
    ]);
    expect(sidebarAs(runtime, LI_SI).reminderProblems).toEqual([]);
    expect(alerts()).toHaveLength(1);
    runtime.user = LI_LEI;
    expect(menu(runtime, "同步与修复")).toContain(
      "每日提醒已停止运行（li.lei@example.com 的触发器失效），已用你的账号重新开启。",
    );
    expect(runtime.triggers.list().filter((t) => t.enabled)).toHaveLength(1);
    runtime.advanceBy(HOUR);
    expect(digests(runtime)).toHaveLength(3);
    expect(sidebarAs(runtime, LI_LEI).reminderProblems).toEqual([]);
  });

  it("runs for a rep who turned reminders on, though Settings (where the status shows) is protected for admins", () => {
    const runtime = followUpTable([typedRow("上海某科技", "李四", "2026/11/20")], { now: SEVEN_THIRTY });
    runtime.user = LI_SI;
    runtime.open("LIMITED");
    menu(runtime, "提醒开关");
    runtime.advanceBy(2 * HOUR);
    expect(runtime.triggerRuns.map((r) => [r.owner, r.status, r.error])).toContainEqual([
      "li.si@example.com",
      "COMPLETED",
      undefined,
    ]);
    expect(runtime.triggerRuns.filter((r) => r.status === "FAILED")).toEqual([]);
    expect(digests(runtime).sort()).toEqual(["2026-11-27 li.lei@example.com", "2026-11-27 li.si@example.com"]);
  });

  it("starts a deleted trigger again when its owner opens the spreadsheet with full authorization", () => {
    const runtime = ready();
    for (const trigger of runtime.triggers.list()) runtime.triggers.remove(trigger.uniqueId);
    runtime.user = LI_LEI;
    runtime.open("LIMITED");
    expect(runtime.triggers.list()).toHaveLength(0);
    runtime.open("FULL");
    expect(runtime.triggers.list()).toHaveLength(1);
    runtime.advanceBy(2 * HOUR);
    expect(digests(runtime)).toHaveLength(3);
  });

  it("rebuilds the table's record when the spreadsheet's metadata lost it, sends the digests, and tells the admin", () => {
    const runtime = ready();
    const ss = runtime.inspect().getActiveSpreadsheet();
    for (const entry of ss.createDeveloperMetadataFinder().withKey("followUpTracker.table").find()) entry.remove();
    runtime.advanceBy(2 * HOUR);
    expect(digests(runtime)).toHaveLength(3);
    const admin = runtime.outbox.messages.find((m) => m.to.includes("li.lei@example.com"));
    expect(admin?.body).toMatch(/2026-11-27 0\d:\d\d 发现跟进表的记录丢失，已根据工作表自动重建，提醒照常发送/);
  });

  it("says so, and emails the reminders' owner once a day, when nobody on the Team sheet can be reminded", () => {
    // Thursday and Friday: workdays, when the status is mailed once the day's digests are settled.
    const runtime = ready(SEVEN_THIRTY - DAY);
    runtime
      .inspect()
      .getActiveSpreadsheet()
      .getSheetByName(NAMES.zh.team)
      ?.getRange(2, 1, TEAM.length, 6)
      .clearContent();
    runtime.advanceBy(DAY + 2 * HOUR);
    const alerts = runtime.outbox.messages.filter((m) => isAlert(m.subject));
    expect(alerts.map((m) => m.to.join())).toEqual(["li.lei@example.com", "li.lei@example.com"]);
    expect(alerts[0]?.body).toContain("团队表中没有可以接收提醒的成员");
    expect(settingsStatus(runtime)[0]).toMatch(/起团队表中没有可以接收提醒的成员/);
  });

  it("gives up a review email that fails three times, records it, and tells the admin once mail works", () => {
    // Monday 2026-11-30, 07:30 in Shanghai: the review goes out from 09:00 (Settings' default).
    const runtime = ready(SEVEN_THIRTY + 3 * DAY);
    runtime.advanceBy(HOUR + 30 * MINUTE); // 09:00: the digests are out
    expect(digests(runtime)).toHaveLength(3);
    const stop = runtime.kernel.injectFault({ match: "MailApp.sendEmail", message: TOO_MANY });
    runtime.advanceBy(3 * HOUR);
    stop();
    const log = runtime.inspect().getActiveSpreadsheet().getSheetByName("提醒记录")?.getDataRange().getValues() ?? [];
    expect(log.filter((r) => String(r[0]).startsWith("review")).map((r) => [r[1], r[2]])).toEqual([
      ["li.lei@example.com", "失败"],
      ["li.lei@example.com", "失败"],
      ["li.lei@example.com", "已放弃"],
    ]);
    runtime.advanceBy(HOUR);
    const alert = runtime.outbox.messages.find((m) => isAlert(m.subject));
    expect(alert?.body).toContain(`起周报邮件发送失败：li.lei@example.com: ${TOO_MANY}`);
    // Given up is given up: no review later that day, and the alert went once.
    runtime.advanceBy(10 * HOUR);
    expect(runtime.outbox.messages.filter((m) => m.subject.startsWith("【周报】"))).toEqual([]);
    expect(runtime.outbox.messages.filter((m) => isAlert(m.subject))).toHaveLength(1);
  });

  it("asks the owner to authorize again once a day after an update added a scope, and the admin sees it", () => {
    // From Thursday: the digests go out on Friday, a workday, once authorized.
    const runtime = ready(SEVEN_THIRTY - DAY);
    const scopes = runtime.project.manifest.oauthScopes ?? [];
    // A scope the manifest lacks (script.external_request is in it since the reminder channels, #15).
    runtime.updateManifestScopes([...scopes, "https://www.googleapis.com/auth/drive.file"]);
    runtime.advanceBy(DAY + 2 * HOUR);
    expect(digests(runtime)).toEqual([]);
    const asks = runtime.outbox.messages.filter((m) => m.subject === "【跟进表助手】需要重新授权才能继续发送跟进提醒");
    expect(asks.map((m) => m.to.join())).toEqual(["li.lei@example.com", "li.lei@example.com"]);
    expect(asks[0]?.body).toContain("https://script.google.com/macros/d/");
    expect(JSON.parse(metadataValue(runtime, "followUpTracker.status") ?? "{}").problems).toEqual([
      expect.objectContaining({ kind: "authorization", detail: "li.lei@example.com" }),
    ]);
    runtime.grantScopes("li.lei@example.com");
    runtime.advanceBy(HOUR);
    expect(digests(runtime)).toHaveLength(3);
  });
});

describe("nobody told twice", () => {
  it("sends neither the day's digests nor the review again when the Reminder log sheet is deleted", () => {
    const runtime = ready(SEVEN_THIRTY + 3 * DAY);
    runtime.advanceBy(3 * HOUR);
    const sent = runtime.outbox.messages.length;
    expect(runtime.outbox.messages.filter((m) => m.subject.startsWith("【周报】"))).toHaveLength(1);
    const ss = runtime.inspect().getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName("提醒记录") as GoogleAppsScript.Spreadsheet.Sheet);
    runtime.advanceBy(12 * HOUR);
    expect(runtime.outbox.messages).toHaveLength(sent);
  });

  it("does not send again what a run that failed midway sent, even with the Reminder log deleted after it", () => {
    const runtime = ready();
    // The send record's write after the first digest fails: the run stops with one digest out and recorded "sending".
    runtime.kernel.injectFault({ match: "DeveloperMetadata.setValue", nth: 5, message: TOO_MANY });
    runtime.advanceBy(90 * MINUTE);
    expect(digests(runtime)).toHaveLength(1);
    expect(runtime.triggerRuns.at(-1)?.status).toBe("FAILED");
    const ss = runtime.inspect().getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName("提醒记录") as GoogleAppsScript.Spreadsheet.Sheet);
    runtime.advanceBy(3 * HOUR);
    expect(digests(runtime).sort()).toEqual([
      "2026-11-27 ann.lee@example.com",
      "2026-11-27 li.lei@example.com",
      "2026-11-27 li.si@example.com",
    ]);
  });

  it("refuses a rep who calls the hourly job from the browser, whatever trigger id they pass", () => {
    const runtime = ready();
    runtime.advanceBy(45 * MINUTE); // 08:15: the owner's trigger has not run yet today
    const uid = runtime.triggers.list()[0]?.uniqueId;
    for (const event of [undefined, {}, { triggerUid: uid }, { triggerUid: "x", authMode: "FULL" }]) {
      expect(runSidebarCall(runtime, "runHourly", event === undefined ? [] : [event], LI_SI)).toEqual({
        ok: false,
        message: "runHourly runs only from its own hourly trigger",
      });
    }
    expect(runtime.outbox.messages).toEqual([]);
    runtime.advanceBy(HOUR);
    expect(runtime.outbox.messages.filter((m) => isDigest(m.subject)).map((m) => m.from)).toEqual([
      "li.lei@example.com",
      "li.lei@example.com",
      "li.lei@example.com",
    ]);
  });

  it("checks a save's request id under the document lock, so a retry waits for the first and finds its outcome", () => {
    const runtime = followUpTable();
    let lockHeldAtCheck: boolean | null = null;
    runtime.kernel.interleave({ match: "Cache.get", times: 1 }, () => {
      const holder = runtime.locks.holderOf(`document:${runtime.documentId}`);
      lockHeldAtCheck = holder !== undefined && holder === runtime.kernel.execution?.id;
    });
    const request = { form: form(), confirmed: [], requestId: "retry-same-id" };
    const first = runtime.run("saveFollowUp", [request]) as SaveResult;
    expect(lockHeldAtCheck).toBe(true);
    expect(runtime.run("saveFollowUp", [request])).toEqual(first);
    expect(runtime.inspect().getActiveSpreadsheet().getSheetByName(NAMES.zh.followUps)?.getLastRow()).toBe(2);
  });

  it("refuses two Team rows with the same name: Sync and the admin's digest say so, and neither gets the other's rows", () => {
    const runtime = ready();
    const team = runtime.inspect().getActiveSpreadsheet().getSheetByName(NAMES.zh.team);
    team?.getRange(2 + TEAM.length, 1, 1, 6).setValues([["李四", "another.li.si@example.com", "销售", "", true, "zh"]]);
    runtime.user = LI_LEI;
    const report = menu(runtime, "同步与修复");
    expect(report).toContain(
      "团队表第 5 行：姓名「李四」出现了两次：名下的跟进无法确定是谁的，提醒不会发出，请改成不同的名字",
    );
    expect(report).toContain("第 2 行「责任人」：团队表中有两位「李四」，无法确定是谁");
    runtime.advanceBy(2 * HOUR);
    expect(runtime.outbox.sentTo("li.si@example.com")).toEqual([]);
    expect(runtime.outbox.sentTo("another.li.si@example.com")).toEqual([]);
    const admin = runtime.outbox.sentTo("li.lei@example.com")[0];
    expect(admin?.body).toContain("客户「上海某科技」的责任人「李四」在团队表中重名，提醒未发送");
    expect(admin?.body).toContain("团队表第 5 行：姓名「李四」出现了两次");
  });
});

describe("a spreadsheet near Google's cell limit", () => {
  it("is reported to the admins in their digest before writes start failing, and no longer once space is freed", () => {
    const runtime = ready();
    const ss = runtime.inspect().getActiveSpreadsheet();
    const big = ss.insertSheet("导入的旧数据");
    big.insertRowsAfter(big.getMaxRows(), 300_000 - big.getMaxRows()); // × 26 columns: 7.8 million cells
    runtime.advanceBy(90 * MINUTE); // 09:00: the day's digests went out
    const admin = runtime.outbox.messages.find((m) => isDigest(m.subject) && m.to.includes(LI_LEI.email));
    expect(admin?.body).toMatch(/表格的单元格已用到 7,\d{3},\d{3} \(7\d%\) — 导入的旧数据 7,800,000, .*，超过谷歌上限/);
    expect(runtime.outbox.messages.find((m) => m.to.includes(LI_SI.email))?.body).not.toContain("单元格");
    ss.deleteSheet(big);
    const before = runtime.outbox.messages.length;
    runtime.advanceBy(3 * DAY); // Monday's digests
    const next = runtime.outbox.messages.slice(before).find((m) => isDigest(m.subject) && m.to.includes(LI_LEI.email));
    expect(next?.body).toContain("李四：逾期 1 条");
    expect(next?.body).not.toContain("单元格");
  });
});

describe("a year of the Reminder log", () => {
  it("keeps 90 days of one line per email and folds older days into one summary line each, never sending twice", () => {
    const runtime = ready();
    runtime.advanceBy(90 * MINUTE); // Friday's digests: the log exists
    const ss = runtime.inspect().getActiveSpreadsheet();
    const log = ss.getSheetByName("提醒记录") as GoogleAppsScript.Spreadsheet.Sheet;
    const today = log.getRange(2, 1, log.getLastRow() - 1, 5).getValues();
    const at = new Date(Date.UTC(2026, 7, 1));
    const old = [
      ["'2026-08-01", "rep1@example.com", "已发送", at, ""],
      ["'2026-08-01", "rep2@example.com", "已放弃", at, "Invalid email"],
      ["'2026-08-02", "rep1@example.com", "已发送", at, ""],
      ["'2026-09-02", "rep1@example.com", "已发送", at, ""], // within 90 days of Monday 2026-11-30
    ];
    log.insertRowsBefore(2, old.length);
    log.getRange(2, 1, old.length, 5).setValues(old);
    const sent = runtime.outbox.messages.length;
    runtime.advanceBy(3 * DAY); // Monday's digests
    expect(log.getMaxColumns()).toBe(5);
    const rows = log.getRange(2, 1, 4, 5).getValues();
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual([
      ["2026-08-01", "汇总", "已发送 1，已放弃 1"],
      ["2026-08-02", "汇总", "已发送 1"],
      ["2026-09-02", "已发送", ""],
      [today[0]?.[0], today[0]?.[2], today[0]?.[4]],
    ]);
    // Friday's emails are not sent again; Monday's go out once.
    const monday = runtime.outbox.messages.slice(sent).map((m) => m.to);
    expect(monday).toEqual([...new Set(monday)]);
    expect(monday.length).toBeGreaterThan(0);
  });
});
