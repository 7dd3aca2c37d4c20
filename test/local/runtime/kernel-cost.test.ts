/** Tests of the kernel's cost model: mail priced by size and recipients, the round trip of a read after a write, and the mail time it keeps apart. */

import { DEFAULT_COST_MODEL, Kernel, SCOPES } from "../../../local/runtime/kernel";
import { createMailApp, Outbox } from "../../../local/runtime/mail";
import { inExecution } from "./fixtures/execution";

const T0 = Date.UTC(2026, 10, 27, 1, 0);
const DOC = { needsAuth: true, scopes: [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets] };
const KB = 1024;
const { readAfterWriteMs, mail: MAIL_COST } = DEFAULT_COST_MODEL;
const SHEETS_CALL_MS = DEFAULT_COST_MODEL.perCallMs.Spreadsheet;
const SEND_MS = DEFAULT_COST_MODEL.perMethodMs["MailApp.sendEmail"] ?? 0;

/** Simulated ms that `body` takes in one execution of a fresh kernel (with MailApp on it). */
function elapsed(body: (kernel: Kernel, mail: GoogleAppsScript.Mail.MailApp) => void): number {
  const kernel = new Kernel({ now: T0, scriptTimeZone: "Asia/Shanghai" });
  const mail = createMailApp(kernel, new Outbox({ dailyLimit: 1500 }));
  inExecution(kernel, () => body(kernel, mail), { kind: "timeTrigger", activeSpreadsheetId: null });
  return kernel.now() - T0;
}

const write = (kernel: Kernel) => kernel.call("Spreadsheet", "Range.setValues", { ...DOC, cellsWritten: 10 });
const read = (kernel: Kernel) => kernel.call("Spreadsheet", "Range.getValues", { ...DOC, cellsRead: 10 });

describe("kernel cost model", () => {
  describe("mail", () => {
    const send = (mail: GoogleAppsScript.Mail.MailApp, to: string, htmlBody: string) =>
      mail.sendEmail({ to, subject: "跟进提醒", body: "", htmlBody });

    it("prices a 100 KB email at about the 1.2 s a published add-on reports, far above a short one", () => {
      const large = elapsed((_, mail) => send(mail, "rep@example.com", "x".repeat(100 * KB)));
      const small = elapsed((_, mail) => send(mail, "rep@example.com", "x"));
      expect(large).toBeGreaterThan(1100);
      expect(large).toBeLessThan(1300);
      expect(large - small).toBeCloseTo((100 * KB - 1) * (MAIL_COST.perKbMs / KB), 3);
    });

    it("counts UTF-8 bytes of the plain and HTML bodies: Chinese text costs three bytes a character", () => {
      const chinese = elapsed((_, mail) => mail.sendEmail("rep@example.com", "提醒", "客".repeat(KB)));
      const ascii = elapsed((_, mail) => mail.sendEmail("rep@example.com", "提醒", "k".repeat(KB)));
      expect(chinese - ascii).toBeCloseTo(2 * MAIL_COST.perKbMs, 3);
    });

    it("charges attachments by their bytes", () => {
      const blob = { getBytes: () => new Array(50 * KB).fill(0) };
      const attached = elapsed((_, mail) =>
        mail.sendEmail({
          to: "rep@example.com",
          subject: "周报",
          body: "见附件",
          attachments: [blob as unknown as GoogleAppsScript.Base.BlobSource],
        }),
      );
      const bare = elapsed((_, mail) => mail.sendEmail({ to: "rep@example.com", subject: "周报", body: "见附件" }));
      expect(attached - bare).toBeCloseTo(50 * MAIL_COST.perKbMs, 3);
    });

    it("charges every recipient of a message, in to, cc and bcc", () => {
      const one = elapsed((_, mail) => mail.sendEmail("a@example.com", "提醒", "今天"));
      const three = elapsed((_, mail) =>
        mail.sendEmail({
          to: "a@example.com",
          cc: "b@example.com",
          bcc: "c@example.com",
          subject: "提醒",
          body: "今天",
        }),
      );
      expect(three - one).toBeCloseTo(2 * MAIL_COST.perRecipientMs, 3);
    });

    it("keeps the time spent in MailApp apart from the rest of the execution's", () => {
      const kernel = new Kernel({ now: T0, scriptTimeZone: "Asia/Shanghai" });
      const mail = createMailApp(kernel, new Outbox({ dailyLimit: 1500 }));
      inExecution(kernel, () => {
        read(kernel);
        mail.getRemainingDailyQuota();
        send(mail, "rep@example.com", "x".repeat(10 * KB));
      });
      const mailMs = DEFAULT_COST_MODEL.perCallMs.Mail + SEND_MS + 10 * MAIL_COST.perKbMs + MAIL_COST.perRecipientMs;
      expect(kernel.mailMs()).toBeCloseTo(mailMs, 3);
      expect(kernel.now() - T0 - kernel.mailMs()).toBeCloseTo(
        SHEETS_CALL_MS + 10 * DEFAULT_COST_MODEL.perCellReadMs,
        3,
      );
    });

    it("charges nothing for a message sent outside any execution", () => {
      const kernel = new Kernel({ now: T0, scriptTimeZone: "Asia/Shanghai" });
      kernel.chargeMessage({ bytes: 100 * KB, recipients: 3 });
      expect(kernel.now()).toBe(T0);
      expect(kernel.mailMs()).toBe(0);
    });
  });

  describe("read after write", () => {
    it("makes a write then a read cost a round trip more than a read then a write", () => {
      const writeThenRead = elapsed((kernel) => {
        write(kernel);
        read(kernel);
      });
      const readThenWrite = elapsed((kernel) => {
        read(kernel);
        write(kernel);
      });
      expect(writeThenRead - readThenWrite).toBe(readAfterWriteMs);
    });

    it("charges one round trip for two reads after one write, and one per write in alternating calls", () => {
      const once = elapsed((kernel) => {
        write(kernel);
        read(kernel);
        read(kernel);
      });
      const readsFirst = elapsed((kernel) => {
        read(kernel);
        read(kernel);
        write(kernel);
      });
      expect(once - readsFirst).toBe(readAfterWriteMs);
      const alternating = elapsed((kernel) => {
        for (let i = 0; i < 10; i++) {
          write(kernel);
          read(kernel);
        }
      });
      const batched = elapsed((kernel) => {
        for (let i = 0; i < 10; i++) read(kernel);
        for (let i = 0; i < 10; i++) write(kernel);
      });
      expect(alternating - batched).toBe(10 * readAfterWriteMs);
    });

    it("treats a change without cells (document metadata) as a write, and a getter or a finder as a read", () => {
      const metadataThenFind = elapsed((kernel) => {
        kernel.call("Spreadsheet", "DeveloperMetadata.setValue", DOC);
        kernel.call("Spreadsheet", "DeveloperMetadataFinder.find", DOC);
        kernel.call("Spreadsheet", "Sheet.insertRowsAfter", DOC);
        kernel.call("Spreadsheet", "Sheet.getLastRow", DOC);
      });
      expect(metadataThenFind).toBe(4 * SHEETS_CALL_MS + 2 * readAfterWriteMs);
    });

    it("lets SpreadsheetApp.flush commit the writes, so the read after it pays nothing more", () => {
      const flushed = elapsed((kernel) => {
        write(kernel);
        kernel.call("Spreadsheet", "SpreadsheetApp.flush", DOC);
        read(kernel);
      });
      const unflushed = elapsed((kernel) => {
        write(kernel);
        read(kernel);
      });
      expect(flushed - unflushed).toBe(
        (DEFAULT_COST_MODEL.perMethodMs["SpreadsheetApp.flush"] ?? 0) - readAfterWriteMs,
      );
    });

    it("never charges a round trip for builders, for calls of other services, or for a write of an earlier execution", () => {
      const kernel = new Kernel({ now: T0, scriptTimeZone: "Asia/Shanghai" });
      inExecution(kernel, () => write(kernel));
      const start = kernel.now();
      inExecution(kernel, () => {
        kernel.call("Spreadsheet", "DataValidationBuilder.requireValueInList", DOC);
        kernel.call("Properties", "Properties.setProperty", { needsAuth: true });
        read(kernel);
      });
      expect(kernel.now() - start).toBeCloseTo(
        DEFAULT_COST_MODEL.perCallMs.Properties + SHEETS_CALL_MS + 10 * DEFAULT_COST_MODEL.perCellReadMs,
        3,
      );
    });
  });
});
