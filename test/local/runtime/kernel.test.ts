/** Tests of the runtime kernel: call accounting, the cost model, the 6-minute limit, auth modes, scopes, faults and interleavings. */

import vm from "node:vm";
import {
  type AuthModeName,
  type CallOptions,
  callsBetween,
  DEFAULT_COST_MODEL,
  Kernel,
  SCOPES,
} from "../../../local/runtime/kernel";
import { type ExecutionSpec, errorOf, inExecution } from "./fixtures/execution";

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

    describe("time limit per kind of execution", () => {
      /** Simulated ms an execution of this kind ran before it was stopped, and the message it was stopped with. */
      function runUntilStopped(overrides: Partial<ExecutionSpec>): { ranMs: number; message: string } {
        const kernel = newKernel();
        const message = errorOf(() =>
          inExecution(
            kernel,
            () => {
              for (;;) {
                kernel.advance(993);
                kernel.call("Spreadsheet", "Range.getValue", DOC);
              }
            },
            overrides,
          ),
        );
        return { ranMs: kernel.now() - T0, message };
      }
      /** Each round is 993 ms of work plus one 7 ms call: the first call past the limit, a second later, throws. */
      const stoppedJustAfter = (limitMs: number) => ({
        ranMs: limitMs + 1000,
        message: "Exceeded maximum execution time",
      });

      it("stops a simple trigger (onOpen, onEdit, onInstall) after 30 seconds", () => {
        // guides/triggers#restrictions: simple triggers "cannot run for longer than 30 seconds".
        expect(runUntilStopped({ kind: "simpleTrigger", authMode: "LIMITED" })).toEqual(stoppedJustAfter(30_000));
        expect(runUntilStopped({ kind: "simpleTrigger", authMode: "FULL" })).toEqual(stoppedJustAfter(30_000));
      });

      it("stops a custom function after 30 seconds", () => {
        // guides/services/quotas: "Custom function runtime | 30 sec / execution".
        expect(runUntilStopped({ kind: "editor", authMode: "CUSTOM_FUNCTION" })).toEqual(stoppedJustAfter(30_000));
      });

      it("counts time spent without a call (Utilities.sleep, a lock wait)", () => {
        const kernel = newKernel();
        const message = errorOf(() =>
          inExecution(
            kernel,
            () => {
              kernel.spend(30_000);
              kernel.spend(1);
            },
            { kind: "simpleTrigger", authMode: "LIMITED" },
          ),
        );
        expect([message, kernel.now() - T0]).toEqual(["Exceeded maximum execution time", 30_001]);
      });

      it("lets menu items, sidebar calls and installable triggers run 6 minutes", () => {
        // guides/services/quotas: "Script runtime | 6 min / execution".
        for (const kind of ["editor", "timeTrigger", "installableTrigger"] as const) {
          expect(runUntilStopped({ kind })).toEqual(stoppedJustAfter(360_000));
        }
      });
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

    it("refuses by what a scope-less call reaches, uncounted, naming no scope", () => {
      // workspace/add-ons/concepts/editor-auth-lifecycle: LIMITED gives no user interface beyond menu items, and
      // NONE no Properties.
      const kernel = newKernel();
      const denied = (method: string, options: CallOptions, authMode: AuthModeName) =>
        errorOf(() => inExecution(kernel, () => kernel.call("Ui", method, options), { authMode }));
      expect(denied("Ui.alert", { reach: "interface" }, "LIMITED")).toBe(
        "You do not have permission to call Ui.alert.",
      );
      expect(denied("PropertiesService.getScriptProperties", { needsAuth: true }, "NONE")).toBe(
        "You do not have permission to call PropertiesService.getScriptProperties.",
      );
      expect(kernel.snapshot().byMethod).toEqual({});
      inExecution(kernel, () => kernel.call("Ui", "Ui.alert", { reach: "interface" }), { authMode: "FULL" });
      expect(kernel.snapshot().byMethod).toEqual({ "Ui.alert": 1 });
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
