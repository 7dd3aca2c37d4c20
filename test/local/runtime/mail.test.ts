/** Tests of the emulated MailApp: overloads, recipient validation, per-message limit and the per-recipient daily quota. */

import { type AuthModeName, Kernel, SCOPES } from "../../../local/runtime/kernel";
import { MAIL } from "../../../local/runtime/limits";
import { createMailApp, DAILY_RECIPIENTS, Outbox } from "../../../local/runtime/mail";
import { errorOf, inExecution } from "./fixtures/execution";

const START = Date.UTC(2024, 4, 6, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

function setup(options: { dailyLimit?: number; maxBodyBytes?: number } = {}) {
  const kernel = new Kernel({ now: START, scriptTimeZone: "Asia/Shanghai" });
  const outbox = new Outbox(options);
  const mail = createMailApp(kernel, outbox);
  const run = <T>(body: () => T, user = "owner@example.com", authMode: AuthModeName = "FULL"): T =>
    inExecution(kernel, body, {
      functionName: "sendDigest",
      kind: "timeTrigger",
      authMode,
      activeUser: "",
      effectiveUser: user,
      activeSpreadsheetId: null,
    });
  return { kernel, outbox, mail, run };
}

function addresses(n: number): string {
  return Array.from({ length: n }, (_, i) => `rep${i}@example.com`).join(",");
}

describe("mail", () => {
  describe("sendEmail", () => {
    it("records (recipient, subject, body) with the effective user as sender and the simulated time", () => {
      const { mail, outbox, run, kernel } = setup();
      run(() => mail.sendEmail("li.lei@example.com", "Follow-ups due", "3 overdue"));
      expect(outbox.messages).toEqual([
        {
          at: expect.any(Number),
          from: "owner@example.com",
          to: ["li.lei@example.com"],
          cc: [],
          bcc: [],
          subject: "Follow-ups due",
          body: "3 overdue",
          htmlBody: null,
          name: null,
          replyTo: null,
          noReply: false,
          attachments: 0,
        },
      ]);
      expect(outbox.messages[0]?.at).toBeGreaterThanOrEqual(START);
      expect(outbox.messages[0]?.at).toBeLessThanOrEqual(kernel.now());
    });

    it("applies the options of (recipient, subject, body, options) and splits comma-separated lists", () => {
      const { mail, outbox, run } = setup();
      run(() =>
        mail.sendEmail("a@example.com, b@example.com", "Digest", "text", {
          htmlBody: "<b>html</b>",
          name: "Follow-up Tracker",
          replyTo: "manager@example.com",
          cc: "c@example.com",
          bcc: "d@example.com,e@example.com",
          noReply: true,
        }),
      );
      expect(outbox.messages[0]).toMatchObject({
        to: ["a@example.com", "b@example.com"],
        cc: ["c@example.com"],
        bcc: ["d@example.com", "e@example.com"],
        htmlBody: "<b>html</b>",
        name: "Follow-up Tracker",
        replyTo: "manager@example.com",
        noReply: true,
      });
    });

    it("accepts a message object", () => {
      const { mail, outbox, run } = setup();
      run(() => mail.sendEmail({ to: "a@example.com", subject: "Weekly review", htmlBody: "<p>KPIs</p>" }));
      expect(outbox.messages[0]).toMatchObject({ to: ["a@example.com"], subject: "Weekly review", body: "" });
    });

    it("accepts (recipient, replyTo, subject, body)", () => {
      const { mail, outbox, run } = setup();
      run(() => mail.sendEmail("a@example.com", "boss@example.com", "Subject", "Body"));
      expect(outbox.messages[0]).toMatchObject({ replyTo: "boss@example.com", subject: "Subject", body: "Body" });
    });

    it("throws 'Invalid email: x' for a malformed address in any field", () => {
      const { mail, outbox, run } = setup();
      expect(run(() => errorOf(() => mail.sendEmail("li.lei", "s", "b")))).toBe("Invalid email: li.lei");
      expect(
        run(() => errorOf(() => mail.sendEmail("a@example.com", "s", "b", { cc: "ok@example.com, 王经理" }))),
      ).toBe("Invalid email: 王经理");
      expect(outbox.messages).toHaveLength(0);
    });

    it("throws when there is no recipient", () => {
      const { mail, run } = setup();
      expect(run(() => errorOf(() => mail.sendEmail({ to: "", subject: "s", body: "b" })))).toBe(
        "Failed to send email: no recipient",
      );
    });

    it("allows 50 recipients per message and refuses 51", () => {
      const { mail, outbox, run } = setup();
      run(() => mail.sendEmail(addresses(50), "s", "b"));
      expect(run(() => errorOf(() => mail.sendEmail(addresses(50), "s", "b", { cc: "x@example.com" })))).toBe(
        "Limit Exceeded: Email Recipients Per Message.",
      );
      expect(outbox.messages).toHaveLength(1);
    });

    it("throws Apps Script's signature error for arguments matching no overload", () => {
      const { mail, run } = setup();
      const send = mail.sendEmail as (...args: unknown[]) => void;
      expect(run(() => errorOf(() => send("a@example.com", 1, "b")))).toBe(
        "The parameters (String,number,String) don't match the method signature for MailApp.sendEmail.",
      );
    });

    it("needs the send_mail scope, and FULL authorization", () => {
      const { mail, run, kernel } = setup();
      const expected = `You do not have permission to call MailApp.sendEmail. Required permissions: ${SCOPES.sendMail}`;
      expect(run(() => errorOf(() => mail.sendEmail("a@example.com", "s", "b")), "u@example.com", "LIMITED")).toBe(
        expected,
      );
      kernel.scopes = new Set([SCOPES.spreadsheetsCurrentOnly]);
      expect(run(() => errorOf(() => mail.sendEmail("a@example.com", "s", "b")))).toBe(expected);
    });
  });

  // guides/services/quotas, "Current limitations": "Email body size | 200 KB / msg" (consumer), "400 KB / msg"
  // (Workspace); "Email attachments | 250 / msg".
  describe("message size", () => {
    const BODY_SIZE = "Limit Exceeded: Email Body Size.";

    it("sends a 200 KB body and refuses one byte more, sending nothing and charging no quota", () => {
      const { mail, outbox, run } = setup();
      run(() => mail.sendEmail("a@example.com", "s", "x".repeat(204800)));
      expect(run(() => errorOf(() => mail.sendEmail("a@example.com", "s", "x".repeat(204801))))).toBe(BODY_SIZE);
      expect(outbox.messages).toHaveLength(1);
      expect(run(() => mail.getRemainingDailyQuota())).toBe(DAILY_RECIPIENTS.consumer - 1);
    });

    it("counts the plain and the HTML body together, in UTF-8 bytes", () => {
      const { mail, outbox, run } = setup();
      const half = "x".repeat(102400);
      run(() => mail.sendEmail({ to: "a@example.com", subject: "s", body: half, htmlBody: half }));
      expect(
        run(() =>
          errorOf(() => mail.sendEmail({ to: "a@example.com", subject: "s", body: half, htmlBody: `${half}x` })),
        ),
      ).toBe(BODY_SIZE);
      // 68,267 CJK characters are 204,801 bytes.
      expect(run(() => errorOf(() => mail.sendEmail("a@example.com", "s", "中".repeat(68267))))).toBe(BODY_SIZE);
      expect(outbox.messages).toHaveLength(1);
    });

    it("allows 400 KB for a Workspace account", () => {
      const { mail, outbox, run } = setup({ maxBodyBytes: MAIL.bodyBytes.workspace });
      run(() => mail.sendEmail("a@example.com", "s", "x".repeat(409600)));
      expect(run(() => errorOf(() => mail.sendEmail("a@example.com", "s", "x".repeat(409601))))).toBe(BODY_SIZE);
      expect(outbox.messages).toHaveLength(1);
    });

    it("refuses more than 250 attachments", () => {
      const { mail, outbox, run } = setup();
      const attachments = (n: number) => Array.from({ length: n }, () => ({}) as GoogleAppsScript.Base.BlobSource);
      run(() => mail.sendEmail({ to: "a@example.com", subject: "s", body: "b", attachments: attachments(250) }));
      expect(
        run(() =>
          errorOf(() =>
            mail.sendEmail({ to: "a@example.com", subject: "s", body: "b", attachments: attachments(251) }),
          ),
        ),
      ).toBe("Limit Exceeded: Email Attachments Per Message.");
      expect(outbox.messages.map((m) => m.attachments)).toEqual([250]);
    });
  });

  describe("Outbox.sentTo", () => {
    it("finds the messages addressed to someone in to, cc or bcc, ignoring case", () => {
      const { mail, outbox, run } = setup();
      run(() => mail.sendEmail("a@example.com", "one", "b", { bcc: "Boss@Example.com" }));
      run(() => mail.sendEmail("c@example.com", "two", "b"));
      expect(outbox.sentTo("boss@example.com").map((m) => m.subject)).toEqual(["one"]);
    });
  });

  describe("getRemainingDailyQuota", () => {
    it("decreases per recipient, not per message", () => {
      const { mail, run } = setup();
      run(() => mail.sendEmail("a@example.com,b@example.com", "s", "b", { cc: "c@example.com" }));
      expect(run(() => mail.getRemainingDailyQuota())).toBe(DAILY_RECIPIENTS.consumer - 3);
    });

    it("throws 'Service invoked too many times for one day: email.' when the recipients do not fit", () => {
      const { mail, outbox, run } = setup({ dailyLimit: 5 });
      run(() => mail.sendEmail(addresses(4), "s", "b"));
      expect(run(() => errorOf(() => mail.sendEmail(addresses(2), "s", "b")))).toBe(
        "Service invoked too many times for one day: email.",
      );
      run(() => mail.sendEmail(addresses(1), "s", "b"));
      expect(run(() => mail.getRemainingDailyQuota())).toBe(0);
      expect(outbox.messages).toHaveLength(2);
    });

    it("keeps a quota per user, reset 24 hours after the user's first message", () => {
      const { mail, run, kernel } = setup({ dailyLimit: DAILY_RECIPIENTS.workspace });
      run(() => mail.sendEmail(addresses(10), "s", "b"));
      expect(run(() => mail.getRemainingDailyQuota(), "other@example.com")).toBe(1500);
      kernel.advance(DAY - 60_000);
      expect(run(() => mail.getRemainingDailyQuota())).toBe(1490);
      kernel.advance(60_000);
      expect(run(() => mail.getRemainingDailyQuota())).toBe(1500);
    });
  });
});
