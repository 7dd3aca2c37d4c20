/** Tests of the runtime kernel: call accounting, the cost model, the 6-minute limit, auth modes, scopes, faults and interleavings. */

import vm from "node:vm";
import { callsBetween, DEFAULT_COST_MODEL, Kernel, SCOPES } from "../../../local/runtime/kernel";
import { errorOf, inExecution } from "./fixtures/execution";

const T0 = Date.UTC(2026, 10, 27, 1, 0);
const newKernel = () => new Kernel({ now: T0, scriptTimeZone: "Europe/Berlin" });
const DOC = { needsAuth: true, scopes: [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets] };

describe("kernel", () => {
  describe("call", () => {
    it("is free and unchecked outside any execution (a test looking at the workbook)", () => {
      const kernel = newKernel();
      kernel.call("Spreadsheet", "Range.getValues", { ...DOC, cellsRead: 1000 });
      expect(kernel.snapshot()).toEqual({ byService: {}, byMethod: {}, cellsRead: 0, cellsWritten: 0 });
      expect(kernel.now()).toBe(T0);
    });

    it("counts calls and cells per service and method inside an execution", () => {
      const kernel = newKernel();
      inExecution(kernel, () => {
        kernel.call("Spreadsheet", "Range.getValues", { ...DOC, cellsRead: 1700 });
        kernel.call("Spreadsheet", "Range.setValues", { ...DOC, cellsWritten: 17 });
        kernel.call("Properties", "Properties.getProperty", { needsAuth: true });
      });
      expect(kernel.snapshot()).toEqual({
        byService: { Spreadsheet: 2, Properties: 1 },
        byMethod: { "Range.getValues": 1, "Range.setValues": 1, "Properties.getProperty": 1 },
        cellsRead: 1700,
        cellsWritten: 17,
      });
    });

    it("charges simulated time by the cost model: per call plus per cell", () => {
      const kernel = newKernel();
      inExecution(kernel, () => kernel.call("Spreadsheet", "Range.getValues", { ...DOC, cellsRead: 1000 }));
      const expected = DEFAULT_COST_MODEL.perCallMs.Spreadsheet + 1000 * DEFAULT_COST_MODEL.perCellReadMs;
      expect(kernel.now() - T0).toBeCloseTo(expected, 6);
    });

    it("uses per-method overrides, and builders cost nothing", () => {
      const kernel = newKernel();
      inExecution(kernel, () => kernel.call("Spreadsheet", "SpreadsheetApp.flush", DOC));
      expect(kernel.now() - T0).toBe(DEFAULT_COST_MODEL.perMethodMs["SpreadsheetApp.flush"]);
      const before = kernel.now();
      inExecution(kernel, () => kernel.call("Script", "ClockTriggerBuilder.everyHours"));
      expect(kernel.now()).toBe(before);
      expect(kernel.snapshot().byMethod["ClockTriggerBuilder.everyHours"]).toBe(1);
    });

    it("stops an execution that runs past 6 minutes with Apps Script's message", () => {
      const kernel = newKernel();
      let calls = 0;
      const message = errorOf(() =>
        inExecution(kernel, () => {
          for (;;) {
            kernel.call("Spreadsheet", "Range.getValue", { ...DOC, cellsRead: 1 });
            calls++;
          }
        }),
      );
      expect(message).toBe("Exceeded maximum execution time");
      // 7 ms a call: the limit falls after ~51,000 calls, not before.
      expect(calls).toBeGreaterThan(50_000);
      expect(calls).toBeLessThan(52_000);
    });

    it("refuses document and user-data calls in AuthMode.NONE, naming the scope", () => {
      const kernel = newKernel();
      expect(
        errorOf(() =>
          inExecution(kernel, () => kernel.call("Spreadsheet", "SpreadsheetApp.getActiveSpreadsheet", DOC), {
            authMode: "NONE",
          }),
        ),
      ).toBe(
        "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly",
      );
      // Calls that need no authorisation (menus, Utilities, Logger) go through.
      inExecution(kernel, () => kernel.call("Utilities", "Utilities.formatDate"), { authMode: "NONE" });
    });

    it("lets AuthMode.LIMITED reach the bound document but not mail or triggers", () => {
      const kernel = newKernel();
      inExecution(kernel, () => kernel.call("Spreadsheet", "Range.getValues", DOC), { authMode: "LIMITED" });
      expect(
        errorOf(() =>
          inExecution(
            kernel,
            () => kernel.call("Mail", "MailApp.sendEmail", { needsAuth: true, scopes: [SCOPES.sendMail] }),
            { authMode: "LIMITED" },
          ),
        ),
      ).toBe(
        "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
      );
    });

    it("enforces the manifest's oauthScopes once a manifest is loaded", () => {
      const kernel = newKernel();
      kernel.scopes = new Set([SCOPES.spreadsheetsCurrentOnly]);
      inExecution(kernel, () => kernel.call("Spreadsheet", "Range.getValues", DOC));
      expect(
        errorOf(() =>
          inExecution(kernel, () =>
            kernel.call("Spreadsheet", "SpreadsheetApp.openById", { needsAuth: true, scopes: [SCOPES.spreadsheets] }),
          ),
        ),
      ).toBe(
        "You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets",
      );
    });
  });

  describe("exception", () => {
    it("builds Apps Script exceptions in the running script's realm", () => {
      const kernel = newKernel();
      const realm = vm.runInContext("({ Date: Date, Error: Error })", vm.createContext({}));
      const error = inExecution(kernel, () => kernel.exception("boom"), { realm });
      expect(error).toBeInstanceOf(realm.Error);
      expect(error).not.toBeInstanceOf(Error);
      expect(error.name).toBe("Exception");
      expect(String(error)).toBe("Exception: boom");
    });
  });

  describe("injectFault", () => {
    const timeout = "Service Spreadsheets timed out while accessing document with id doc-1.";

    it("throws on the nth matching call only", () => {
      const kernel = newKernel();
      kernel.injectFault({ match: "Range.getValues", nth: 2, message: timeout });
      const outcomes = [1, 2, 3].map(() => {
        try {
          inExecution(kernel, () => kernel.call("Spreadsheet", "Range.getValues", DOC));
          return "ok";
        } catch (error) {
          return (error as Error).message;
        }
      });
      expect(outcomes).toEqual(["ok", timeout, "ok"]);
    });

    it("matches a whole service with 'Service.*' and stops after `times`", () => {
      const kernel = newKernel();
      kernel.injectFault({ match: "Mail.*", times: 1, message: "Service invoked too many times for one day: email." });
      inExecution(kernel, () => kernel.call("Spreadsheet", "Range.getValues", DOC));
      expect(errorOf(() => inExecution(kernel, () => kernel.call("Mail", "MailApp.sendEmail")))).toBe(
        "Service invoked too many times for one day: email.",
      );
      inExecution(kernel, () => kernel.call("Mail", "MailApp.sendEmail"));
    });

    it("fires at a rate that is repeatable for a seed", () => {
      const failuresWithSeed = (seed: number) => {
        const kernel = new Kernel({ now: T0, scriptTimeZone: "UTC", faultSeed: seed });
        kernel.injectFault({ match: "*", rate: 0.1, message: timeout });
        let failures = 0;
        for (let i = 0; i < 2000; i++) {
          try {
            inExecution(kernel, () => kernel.call("Spreadsheet", "Range.getValues", DOC));
          } catch {
            failures++;
          }
        }
        return failures;
      };
      const failures = failuresWithSeed(7);
      expect(failures).toBeGreaterThan(150);
      expect(failures).toBeLessThan(250);
      expect(failuresWithSeed(7)).toBe(failures);
    });

    it("can be removed", () => {
      const kernel = newKernel();
      const remove = kernel.injectFault({ match: "*", message: timeout });
      remove();
      inExecution(kernel, () => kernel.call("Spreadsheet", "Range.getValues", DOC));
    });
  });

  describe("interleave", () => {
    it("runs a second execution inside the first one's call, then resumes the first", () => {
      const kernel = newKernel();
      const seen: string[] = [];
      kernel.interleave({ match: "Range.setValues", nth: 1 }, () =>
        inExecution(kernel, () => seen.push(`inner:${kernel.execution?.activeUser}`), { activeUser: "b@example.com" }),
      );
      inExecution(
        kernel,
        () => {
          kernel.call("Spreadsheet", "Range.setValues", DOC);
          seen.push(`outer:${kernel.execution?.activeUser}`);
        },
        { activeUser: "a@example.com" },
      );
      expect(seen).toEqual(["inner:b@example.com", "outer:a@example.com"]);
    });
  });

  describe("callsBetween", () => {
    it("tells how many calls an operation made, per service or in all", () => {
      const kernel = newKernel();
      const before = kernel.snapshot();
      inExecution(kernel, () => {
        kernel.call("Spreadsheet", "Range.getValues", DOC);
        kernel.call("Lock", "Lock.tryLock");
      });
      expect(callsBetween(before, kernel.snapshot(), "Spreadsheet")).toBe(1);
      expect(callsBetween(before, kernel.snapshot())).toBe(2);
    });
  });
});
