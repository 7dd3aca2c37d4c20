/** Tests of the emulated LockService, with concurrency simulated by nested executions. */

import { DEFAULT_COST_MODEL, Kernel } from "../../../local/runtime/kernel";
import { createLockService, LOCK_TIMEOUT_MESSAGE, LockTable } from "../../../local/runtime/lock";
import { ANA, executionRunner, freeKernel, inExecution } from "./fixtures/execution";

const START = 1_000_000;

/** A kernel whose calls cost nothing, wired to release locks when an execution ends (as the runtime does). */
function setup() {
  const kernel = freeKernel({ now: START, scriptTimeZone: "UTC" });
  const table = new LockTable();
  kernel.onExecutionEnd = (execution) => table.releaseAllOf(execution.id);
  const service = createLockService(kernel, table);
  const { run, thrown } = executionRunner(kernel, ANA);
  return { kernel, table, service, run, thrown };
}

describe("lock", () => {
  describe("tryLock", () => {
    it("acquires a free lock, and again in the same execution", () => {
      const { service, run } = setup();
      run(() => {
        const lock = service.getScriptLock();
        expect(lock.tryLock(1000)).toBe(true);
        expect(lock.tryLock(1000)).toBe(true);
        expect(service.getScriptLock().tryLock(0)).toBe(true);
      });
    });

    it("fails after charging the timeout while another execution holds the lock", () => {
      const { kernel, service, run } = setup();
      run(() => {
        service.getScriptLock().waitLock(1000);
        const before = kernel.now();
        const second = run(() => service.getScriptLock().tryLock(1000), { effectiveUser: "bo@example.com" });
        expect(second).toBe(false);
        expect(kernel.now()).toBe(before + 1000);
      });
    });

    it("finds the lock free once the holding execution has ended", () => {
      const { service, run } = setup();
      run(() => service.getScriptLock().tryLock(0));
      expect(run(() => service.getScriptLock().tryLock(0))).toBe(true);
    });

    it("refuses a timeout that is not a number, or negative", () => {
      const { service, thrown } = setup();
      expect(thrown(() => service.getScriptLock().tryLock("1000" as never)).message).toBe(
        "The parameters (String) don't match the method signature for LockService.Lock.tryLock.",
      );
      expect(thrown(() => service.getScriptLock().tryLock(-1)).message).toBe("Invalid argument: timeoutInMillis");
    });
  });

  describe("waitLock", () => {
    it("throws Apps Script's timeout text after charging the timeout", () => {
      const { kernel, service, run } = setup();
      run(() => {
        service.getScriptLock().waitLock(0);
        const before = kernel.now();
        const error = run(() => {
          try {
            service.getScriptLock().waitLock(30000);
          } catch (e) {
            return e as Error;
          }
          throw new Error("expected an exception");
        });
        expect(error.name).toBe("Exception");
        expect(error.message).toBe(LOCK_TIMEOUT_MESSAGE);
        expect(error.message).toBe("Lock timeout: another process was holding the lock for too long.");
        expect(kernel.now()).toBe(before + 30000);
      });
    });
  });

  describe("releaseLock", () => {
    it("lets another execution take the lock, and does nothing when not held", () => {
      const { service, run } = setup();
      run(() => {
        const lock = service.getScriptLock();
        lock.releaseLock();
        lock.waitLock(0);
        lock.releaseLock();
        expect(lock.hasLock()).toBe(false);
        expect(run(() => service.getScriptLock().tryLock(0))).toBe(true);
      });
    });
  });

  describe("hasLock", () => {
    it("is true only in the execution holding the lock", () => {
      const { service, run } = setup();
      run(() => {
        const lock = service.getScriptLock();
        expect(lock.hasLock()).toBe(false);
        lock.waitLock(0);
        expect(lock.hasLock()).toBe(true);
        expect(run(() => service.getScriptLock().hasLock())).toBe(false);
      });
    });
  });

  describe("releaseAllOf", () => {
    it("releases every lock of an execution", () => {
      const table = new LockTable();
      table.acquire("script", 1);
      table.acquire("user:ana@example.com", 1);
      table.acquire("document:sheet-1", 2);
      table.releaseAllOf(1);
      expect([table.holderOf("script"), table.holderOf("user:ana@example.com")]).toEqual([undefined, undefined]);
      expect(table.holderOf("document:sheet-1")).toBe(2);
    });
  });

  describe("getUserLock", () => {
    it("contends only with executions of the same user", () => {
      const { service, run } = setup();
      run(() => {
        service.getUserLock().waitLock(0);
        expect(run(() => service.getUserLock().tryLock(10), { effectiveUser: "bo@example.com" })).toBe(true);
        expect(run(() => service.getUserLock().tryLock(10))).toBe(false);
      });
    });
  });

  describe("getDocumentLock", () => {
    it("contends only within one document, and is null without a document", () => {
      const { service, run } = setup();
      run(() => {
        service.getDocumentLock()?.waitLock(0);
        expect(run(() => service.getDocumentLock()?.tryLock(10), { activeSpreadsheetId: "sheet-2" })).toBe(true);
        expect(run(() => service.getDocumentLock()?.tryLock(10))).toBe(false);
      });
      expect(run(() => service.getDocumentLock(), { activeSpreadsheetId: null })).toBeNull();
    });
  });

  describe("getScriptLock", () => {
    it("is refused in AuthMode.NONE", () => {
      const { service, thrown } = setup();
      expect(thrown(() => service.getScriptLock(), { authMode: "NONE" }).message).toMatch(
        /^You do not have permission to call LockService\.getScriptLock\./,
      );
    });

    it("charges the default cost of lock calls", () => {
      const kernel = new Kernel({ now: START, scriptTimeZone: "UTC" });
      const service = createLockService(kernel, new LockTable());
      inExecution(kernel, () => service.getScriptLock().tryLock(0), ANA);
      expect(kernel.now()).toBe(START + 2 * DEFAULT_COST_MODEL.perCallMs.Lock);
    });
  });
});
