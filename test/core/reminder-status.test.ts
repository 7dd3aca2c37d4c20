/** Tests of src/core/reminder-status (and src/core/dates' localTimeText, which its lines use): raising, clearing and expiring problems, the once-a-day alert, the status lines in both languages, and the alert email. */

import { dayFromYmd, localTimeText } from "../../src/core/dates";
import {
  clear,
  expire,
  needsAlert,
  noteGivenUp,
  parseStatus,
  type ReminderStatus,
  raise,
  renderStatusAlert,
  STATUS_KINDS,
  type StatusKind,
  statusLines,
} from "../../src/core/reminder-status";
import { DEFAULT_WORKDAYS, previousWorkday } from "../../src/core/workdays";

const ZONE = "Asia/Shanghai";
const TODAY = dayFromYmd(2026, 11, 27);
/** 2026-11-27 08:05 in Shanghai. */
const AT_0805 = Date.UTC(2026, 10, 27, 0, 5);
const HOUR = 3_600_000;

const KINDS: readonly StatusKind[] = STATUS_KINDS;

function empty(): ReminderStatus {
  return { problems: [] };
}

describe("reminder-status", () => {
  describe("raise", () => {
    it("records a new problem as first seen now", () => {
      const status = empty();
      raise(status, "runFailed", "Exception: boom", AT_0805);
      expect(status.problems).toEqual([{ kind: "runFailed", since: AT_0805, detail: "Exception: boom" }]);
    });

    it("keeps when a lasting problem was first seen and replaces its detail", () => {
      const status = empty();
      raise(status, "runFailed", "Exception: boom", AT_0805);
      raise(status, "runFailed", "Exception: timeout", AT_0805 + 2 * HOUR);
      expect(status.problems).toEqual([{ kind: "runFailed", since: AT_0805, detail: "Exception: timeout" }]);
    });

    it("keeps `since` of a problem of the same kind and day, and keeps other days apart", () => {
      const status = empty();
      raise(status, "quota", "3", AT_0805, "2026-11-26");
      raise(status, "quota", "5", AT_0805 + HOUR, "2026-11-27");
      raise(status, "quota", "7", AT_0805 + 2 * HOUR, "2026-11-26");
      expect(status.problems).toEqual([
        { kind: "quota", since: AT_0805 + HOUR, detail: "5", day: "2026-11-27" },
        { kind: "quota", since: AT_0805, detail: "7", day: "2026-11-26" },
      ]);
    });

    it("does not take a problem of another kind for the same one", () => {
      const status = empty();
      raise(status, "runFailed", "boom", AT_0805);
      raise(status, "tableLost", "", AT_0805 + HOUR);
      expect(status.problems.map((p) => [p.kind, p.since])).toEqual([
        ["runFailed", AT_0805],
        ["tableLost", AT_0805 + HOUR],
      ]);
    });
  });

  describe("clear", () => {
    function withQuotaAndRunFailed(): ReminderStatus {
      const status = empty();
      raise(status, "quota", "3", AT_0805, "2026-11-26");
      raise(status, "quota", "5", AT_0805, "2026-11-27");
      raise(status, "runFailed", "boom", AT_0805);
      return status;
    }

    it("forgets every problem of a kind, of any day", () => {
      const status = withQuotaAndRunFailed();
      clear(status, "quota");
      expect(status.problems.map((p) => p.kind)).toEqual(["runFailed"]);
    });

    it("forgets only the day's problem when given a day", () => {
      const status = withQuotaAndRunFailed();
      clear(status, "quota", "2026-11-26");
      expect(status.problems.map((p) => [p.kind, p.day])).toEqual([
        ["quota", "2026-11-27"],
        ["runFailed", undefined],
      ]);
    });

    it("leaves everything when nothing of the kind is there", () => {
      const status = withQuotaAndRunFailed();
      clear(status, "tableLost");
      expect(status.problems).toHaveLength(3);
    });
  });

  describe("expire", () => {
    it("drops problems about days before the last workday and keeps that day's, today's and undated ones", () => {
      const status = empty();
      raise(status, "undelivered", "li.si@example.cn", AT_0805 - 72 * HOUR, "2026-11-24");
      raise(status, "quota", "3", AT_0805 - 48 * HOUR, "2026-11-25");
      raise(status, "quota", "4", AT_0805 - 24 * HOUR, "2026-11-26");
      raise(status, "undelivered", "anna@example.com", AT_0805, "2026-11-27");
      raise(status, "triggerStopped", "li.si@example.cn", AT_0805 - 30 * 24 * HOUR);
      expire(status, TODAY - 1);
      expect(status.problems.map((p) => [p.kind, p.day ?? "undated"])).toEqual([
        ["quota", "2026-11-26"],
        ["undelivered", "2026-11-27"],
        ["triggerStopped", "undated"],
      ]);
    });

    it("keeps Friday's problems over the weekend, for Monday's admin digest", () => {
      const status = empty();
      raise(status, "quota", "4", AT_0805 - 24 * HOUR, "2026-11-26");
      raise(status, "undelivered", "anna@example.com", AT_0805, "2026-11-27");
      // Monday 2026-11-30: the last workday was Friday.
      expire(status, previousWorkday(DEFAULT_WORKDAYS, TODAY + 3));
      expect(status.problems.map((p) => [p.kind, p.day])).toEqual([["undelivered", "2026-11-27"]]);
    });
  });

  describe("needsAlert", () => {
    it("alerts when there is a problem and the admins were not emailed today", () => {
      const status = empty();
      raise(status, "runFailed", "boom", AT_0805);
      expect(needsAlert(status, TODAY)).toBe(true);
      status.alertedOn = "2026-11-26";
      expect(needsAlert(status, TODAY)).toBe(true);
    });

    it("alerts once a day", () => {
      const status = empty();
      raise(status, "runFailed", "boom", AT_0805);
      status.alertedOn = "2026-11-27";
      expect(needsAlert(status, TODAY)).toBe(false);
      expect(needsAlert(status, TODAY + 1)).toBe(true);
    });

    it("does not alert when nothing is wrong", () => {
      expect(needsAlert(empty(), TODAY)).toBe(false);
    });
  });

  describe("statusLines", () => {
    it("writes each problem in Chinese with when it was first seen in the spreadsheet's zone", () => {
      const status = empty();
      raise(status, "runFailed", "Exception: 服务超时", AT_0805);
      raise(status, "quota", "12", AT_0805 + HOUR, "2026-11-26");
      expect(statusLines(status, "zh", ZONE)).toEqual([
        "2026-11-27 08:05 起每日提醒运行出错：Exception: 服务超时",
        "2026-11-26 的邮件额度已用完，12 封提醒推迟到之后发送",
      ]);
    });

    it("writes each problem in English, the time in the spreadsheet's zone, not the server's", () => {
      const status = empty();
      raise(status, "runFailed", "Exception: timed out", AT_0805);
      raise(status, "undelivered", "li.si@example.cn", AT_0805 + HOUR, "2026-11-26");
      expect(statusLines(status, "en", ZONE)).toEqual([
        "Since 2026-11-27 08:05 the daily reminder run fails: Exception: timed out",
        "Digests of 2026-11-26 did not go out: li.si@example.cn",
      ]);
      expect(statusLines(status, "en", "America/Los_Angeles")[0]).toBe(
        "Since 2026-11-26 16:05 the daily reminder run fails: Exception: timed out",
      );
    });

    it("lists the oldest problem first, whatever order they were raised in", () => {
      const status = empty();
      raise(status, "reviewFailed", "quota", AT_0805 + 2 * HOUR);
      raise(status, "tableLost", "", AT_0805);
      raise(status, "runFailed", "boom", AT_0805 + HOUR);
      const lines = statusLines(status, "en", ZONE);
      expect(lines.map((line) => line.slice(0, 30))).toEqual([
        "Since 2026-11-27 08:05 the tab",
        "Since 2026-11-27 09:05 the dai",
        "Since 2026-11-27 10:05 the wee",
      ]);
    });

    it("has a message for every kind in both languages, each its own, with every placeholder filled", () => {
      for (const language of ["zh", "en"] as const) {
        const lines = KINDS.map((kind) => {
          const status = empty();
          raise(status, kind, "DETAIL", AT_0805, "2026-11-26");
          return statusLines(status, language, ZONE)[0];
        });
        expect(new Set(lines).size).toBe(KINDS.length);
        for (const line of lines) {
          expect(line.length).toBeGreaterThan(10);
          expect(line).not.toMatch(/[{}]|undefined|status\./);
        }
      }
    });

    it("gives no lines when nothing is wrong", () => {
      expect(statusLines(empty(), "zh", ZONE)).toEqual([]);
    });
  });

  describe("parseStatus", () => {
    it.each([
      ["nothing", null],
      ["an empty text", ""],
      ["text that is not JSON", "{problems: oops"],
      ["problems that are not a list", '{"problems":"runFailed"}'],
    ])("reads %s as no problems", (_, text) => {
      expect(parseStatus(text).problems).toEqual([]);
    });

    it("reads back what was stored", () => {
      const status = empty();
      raise(status, "quota", "3", AT_0805, "2026-11-26");
      status.alertedOn = "2026-11-27";
      expect(parseStatus(JSON.stringify(status))).toEqual(status);
    });

    it("leaves out entries this version cannot show (another version's kind, no time), so status lines never fail", () => {
      const text = JSON.stringify({
        problems: [
          { kind: "renamedInAnUpdate", since: AT_0805, detail: "" },
          { kind: "quota", detail: "3" },
          { kind: "runFailed", since: AT_0805, detail: "x" },
        ],
        alertedOn: 7,
      });
      const status = parseStatus(text);
      expect(status).toEqual({ problems: [{ kind: "runFailed", since: AT_0805, detail: "x" }] });
      expect(statusLines(status, "zh", "Asia/Shanghai")).toHaveLength(1);
    });
  });

  describe("renderStatusAlert", () => {
    const OPTIONS = {
      language: "zh" as const,
      timeZone: ZONE,
      spreadsheetName: "华东销售跟进表",
      url: "https://docs.google.com/spreadsheets/d/abc123/edit",
    };

    function twoProblems(): ReminderStatus {
      const status = empty();
      raise(status, "runFailed", "Exception: 服务超时", AT_0805);
      raise(status, "quota", "12", AT_0805 + HOUR, "2026-11-26");
      return status;
    }

    it("counts the problems in the subject", () => {
      expect(renderStatusAlert(twoProblems(), OPTIONS).subject).toBe("【跟进表助手】每日提醒有 2 个问题需要处理");
      expect(renderStatusAlert(twoProblems(), { ...OPTIONS, language: "en" }).subject).toBe(
        "[Follow-up Tracker] 2 problems with the daily reminders",
      );
    });

    it("lists one line per problem in the text, with the link", () => {
      const { text } = renderStatusAlert(twoProblems(), OPTIONS);
      expect(text.split("\n").slice(0, 5)).toEqual([
        "「华东销售跟进表」的每日跟进提醒出现了问题，有人可能没有收到提醒：",
        "",
        "- 2026-11-27 08:05 起每日提醒运行出错：Exception: 服务超时",
        "- 2026-11-26 的邮件额度已用完，12 封提醒推迟到之后发送",
        "",
      ]);
      expect(text).toContain("\nhttps://docs.google.com/spreadsheets/d/abc123/edit\n");
    });

    it("escapes a detail's markup in the HTML and keeps a multi-line detail on one line", () => {
      const status = empty();
      raise(status, "runFailed", '<script>alert("x")</script> & more\nsecond line', AT_0805);
      const { html, text } = renderStatusAlert(status, OPTIONS);
      expect(html).not.toContain("<script>");
      expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more second line");
      expect(text).toContain('- 2026-11-27 08:05 起每日提醒运行出错：<script>alert("x")</script> & more second line\n');
    });

    it("links the spreadsheet with an http(s) URL", () => {
      const { html } = renderStatusAlert(twoProblems(), OPTIONS);
      expect(html).toContain('<a href="https://docs.google.com/spreadsheets/d/abc123/edit"');
      expect(html).toContain(">打开表格</a>");
    });

    it("puts no link in the email when the URL is not http(s)", () => {
      const { html, text } = renderStatusAlert(twoProblems(), { ...OPTIONS, url: "javascript:alert(1)" });
      expect(html).not.toContain("<a ");
      expect(html).not.toContain("javascript:");
      expect(text).not.toContain("javascript:");
    });
  });
});

describe("dates", () => {
  describe("localTimeText", () => {
    it("shows an instant on the wall clock of the spreadsheet's zone, minutes and hours padded", () => {
      expect(localTimeText(AT_0805, "Asia/Shanghai")).toBe("2026-11-27 08:05");
      expect(localTimeText(AT_0805, "UTC")).toBe("2026-11-27 00:05");
    });

    it("gives the zone's own date when it differs from UTC's", () => {
      expect(localTimeText(AT_0805, "America/Los_Angeles")).toBe("2026-11-26 16:05");
      expect(localTimeText(Date.UTC(2026, 10, 26, 16, 0), "Asia/Shanghai")).toBe("2026-11-27 00:00");
    });

    it("shows midnight as 00:00, not 24:00", () => {
      expect(localTimeText(Date.UTC(2026, 10, 27, 8, 0), "America/Los_Angeles")).toBe("2026-11-27 00:00");
    });

    it("follows daylight-saving time and half-hour zones", () => {
      // 2026-03-08: Los Angeles moves from UTC-8 to UTC-7 at 02:00.
      expect(localTimeText(Date.UTC(2026, 2, 8, 9, 59), "America/Los_Angeles")).toBe("2026-03-08 01:59");
      expect(localTimeText(Date.UTC(2026, 2, 8, 10, 0), "America/Los_Angeles")).toBe("2026-03-08 03:00");
      expect(localTimeText(AT_0805, "Asia/Kolkata")).toBe("2026-11-27 05:35");
    });
  });

  describe("noteGivenUp", () => {
    it("adds the day's given-up recipients to those recorded, with why, keeping when it was first seen", () => {
      const status = empty();
      noteGivenUp(status, [{ email: "a@example.com", detail: "Mailbox full" }], AT_0805, "2026-11-27");
      noteGivenUp(status, [{ email: "b@example.com", detail: "Mailbox full" }], AT_0805 + 3_600_000, "2026-11-27");
      noteGivenUp(status, [], AT_0805, "2026-11-27");
      expect(status.problems).toEqual([
        {
          kind: "undelivered",
          since: AT_0805,
          detail: "a@example.com, b@example.com — Mailbox full",
          day: "2026-11-27",
        },
      ]);
    });
  });
});
