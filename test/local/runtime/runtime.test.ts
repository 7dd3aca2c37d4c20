/** Tests of the assembled runtime: fresh global scope per execution, the simulated clock and time zone inside the script, triggers fired by the scheduler, and platform refusals seen from script code. */

import { FRIDAY_MORNING_SHANGHAI, runtimeOnSource } from "../../helpers/runtime";

const HOUR = 3600_000;

describe("runtime", () => {
  describe("run", () => {
    it("gives every execution a fresh global scope, as Apps Script does", () => {
      const runtime = runtimeOnSource("var counter = 0;\nfunction bump() { counter++; return counter; }");
      expect(runtime.run("bump")).toBe(1);
      expect(runtime.run("bump")).toBe(1);
    });

    it("runs the script on the simulated clock, in the script's time zone", () => {
      const runtime = runtimeOnSource(
        "function now() { return [Date.now(), new Date().getTime(), new Date().getHours(), String(new Date(0)).slice(16, 24)]; }",
        { scriptTimeZone: "Asia/Shanghai" },
      );
      // 01:00 UTC is 09:00 in Shanghai; the epoch is 08:00 there.
      expect(runtime.run("now")).toEqual([FRIDAY_MORNING_SHANGHAI, FRIDAY_MORNING_SHANGHAI, 9, "08:00:00"]);
      runtime.advanceBy(HOUR);
      expect((runtime.run("now") as number[])[2]).toBe(10);
    });

    it("hands the script Dates and exceptions of its own realm", () => {
      const runtime = runtimeOnSource(`
        function probe() {
          var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
          sheet.getRange("A1").setValue(new Date(2026, 10, 27));
          var value = sheet.getRange("A1").getValue();
          var caught;
          try { sheet.getRange(0, 1); } catch (e) { caught = e; }
          return [value instanceof Date, caught instanceof Error, caught.name, caught.message];
        }`);
      expect(runtime.run("probe")).toEqual([true, true, "Exception", "The starting row of the range is too small."]);
    });

    it("reports a missing function the way the editor does", () => {
      const runtime = runtimeOnSource("function a() {}");
      expect(() => runtime.run("b")).toThrow("Script function not found: b");
      expect(runtime.executions.at(-1)).toMatchObject({ functionName: "b", status: "FAILED" });
    });

    it("refuses a service whose scope the manifest does not declare", () => {
      const runtime = runtimeOnSource(
        "function mail() { MailApp.sendEmail('ann.lee@example.com', 'hi', 'body'); }",
        {},
        ["https://www.googleapis.com/auth/spreadsheets.currentonly"],
      );
      expect(() => runtime.run("mail")).toThrow(
        "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
      );
      expect(runtime.outbox.messages).toHaveLength(0);
    });

    it("surfaces an injected fault to the script as an Apps Script exception", () => {
      const runtime = runtimeOnSource(`
        function read() {
          try { SpreadsheetApp.getActiveSheet().getRange("A1:B2").getValues(); return "ok"; }
          catch (e) { return e.name + ": " + e.message; }
        }`);
      runtime.kernel.injectFault({
        match: "Range.getValues",
        nth: 1,
        message: "Service Spreadsheets timed out while accessing document with id x.",
      });
      expect(runtime.run("read")).toBe("Exception: Service Spreadsheets timed out while accessing document with id x.");
      expect(runtime.run("read")).toBe("ok");
    });
  });

  describe("interleaved executions", () => {
    it("a second execution cannot take the document lock the first one holds", () => {
      const runtime = runtimeOnSource(`
        function hold() {
          var lock = LockService.getDocumentLock();
          lock.waitLock(10000);
          SpreadsheetApp.getActiveSheet().getRange("A1").setValue("first");
          lock.releaseLock();
        }
        function attempt() { return LockService.getDocumentLock().tryLock(2000); }`);
      const attempts: unknown[] = [];
      runtime.kernel.interleave({ match: "Range.setValue", nth: 1 }, () => attempts.push(runtime.run("attempt")));
      runtime.run("hold");
      expect(attempts).toEqual([false]);
      expect(runtime.run("attempt")).toBe(true);
    });
  });

  describe("advanceTo", () => {
    const source = `
      function install() { ScriptApp.newTrigger("tick").timeBased().everyHours(1).create(); }
      function tick(e) {
        var props = PropertiesService.getScriptProperties();
        props.setProperty("ticks", String(Number(props.getProperty("ticks") || 0) + 1));
        props.setProperty("last", JSON.stringify({ uid: e.triggerUid, mode: String(e.authMode), tz: e.timezone,
          year: e.year, active: SpreadsheetApp.getActiveSpreadsheet() === null ? "none" : "doc" }));
      }
      function ticks() { return PropertiesService.getScriptProperties().getProperty("ticks"); }
      function last() { return JSON.parse(PropertiesService.getScriptProperties().getProperty("last")); }`;

    it("fires an hourly trigger 24 times a day with time-driven event objects", () => {
      const runtime = runtimeOnSource(source);
      runtime.run("install");
      const runs = runtime.advanceBy(24 * HOUR);
      expect(runs).toHaveLength(24);
      expect(runs.every((r) => r.status === "COMPLETED" && r.functionName === "tick")).toBe(true);
      expect(runtime.run("ticks")).toBe("24");
      const uid = runtime.triggers.list()[0]?.uniqueId;
      // An add-on's time trigger gets no active spreadsheet [UNCONFIRMED, the stricter default].
      expect(runtime.run("last")).toEqual({ uid, mode: "FULL", tz: "UTC", year: 2026, active: "none" });
    });

    it("records a failing trigger run (Apps Script emails the owner) and keeps the clock going", () => {
      const runtime = runtimeOnSource(`
        function install() { ScriptApp.newTrigger("remind").timeBased().everyHours(1).create(); }
        function remind() { SpreadsheetApp.getUi().alert("hello"); }`);
      runtime.run("install");
      const installedAt = runtime.kernel.now();
      const runs = runtime.advanceBy(3 * HOUR);
      expect(runs.map((r) => r.status)).toEqual(["FAILED", "FAILED", "FAILED"]);
      expect(runs[0]?.error).toBe("Cannot call SpreadsheetApp.getUi() from this context.");
      expect(runtime.kernel.now()).toBe(installedAt + 3 * HOUR);
    });

    it("never fires a disabled trigger", () => {
      const runtime = runtimeOnSource(source);
      runtime.run("install");
      const uid = runtime.triggers.list()[0]?.uniqueId ?? "";
      runtime.triggers.disable(uid);
      expect(runtime.advanceBy(5 * HOUR)).toEqual([]);
    });
  });
});
