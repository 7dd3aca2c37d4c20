/** The emulated LockService: script, user and document locks held by executions, contended by nested executions on the simulated clock. */

import type { Kernel } from "./kernel";
import { integerParameter } from "./signature";

/** The text waitLock throws when it times out, as Apps Script words it. */
export const LOCK_TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";

/** Which execution holds each lock ("script", "user:<email>", "document:<id>"); kept by the runtime across executions. */
export class LockTable {
  private readonly holders = new Map<string, number>();

  /** The id of the execution holding a lock, if any. */
  holderOf(lock: string): number | undefined {
    return this.holders.get(lock);
  }

  /** Takes a lock for an execution; true if it was free or already its own (re-entrant). */
  acquire(lock: string, executionId: number): boolean {
    const holder = this.holders.get(lock);
    if (holder !== undefined && holder !== executionId) return false;
    this.holders.set(lock, executionId);
    return true;
  }

  release(lock: string, executionId: number): void {
    if (this.holders.get(lock) === executionId) this.holders.delete(lock);
  }

  /** Releases every lock an execution holds; the runtime calls it when the execution ends, as Apps Script does. */
  releaseAllOf(executionId: number): void {
    for (const [lock, holder] of this.holders) {
      if (holder === executionId) this.holders.delete(lock);
    }
  }
}

/** The service as emulated: getDocumentLock() returns null without a document. */
export type EmulatedLockService = Omit<GoogleAppsScript.Lock.LockService, "getDocumentLock"> & {
  getDocumentLock(): GoogleAppsScript.Lock.Lock | null;
};

/**
 * A Lock (developers.google.com/apps-script/reference/lock/lock). Locks belong to executions, not to Lock
 * objects: two Lock objects for the same lock in one execution share it. Another execution can only hold
 * it while this one runs if executions are nested; then no wait can succeed, so a tryLock/waitLock charges
 * its whole timeout to the clock and fails.
 */
function lockOf(kernel: Kernel, table: LockTable, name: string): GoogleAppsScript.Lock.Lock {
  // [UNCONFIRMED] AuthMode.NONE refusing locks: PLATFORM.md lists only menus, Logger, Utilities and the locale.
  const call = (method: string) => kernel.call("Lock", `Lock.${method}`, { needsAuth: true });
  const attempt = (method: "tryLock" | "waitLock", timeoutInMillis: unknown): boolean => {
    call(method);
    const timeout = integerParameter(kernel, timeoutInMillis, `LockService.Lock.${method}`, [timeoutInMillis]);
    // [UNCONFIRMED] the reference gives no range; a negative wait is refused rather than treated as 0.
    if (timeout < 0) throw kernel.exception("Invalid argument: timeoutInMillis");
    if (table.acquire(name, kernel.requireExecution(`Lock.${method}`).id)) return true;
    kernel.spend(timeout);
    return false;
  };
  return {
    tryLock(timeoutInMillis: unknown): boolean {
      return attempt("tryLock", timeoutInMillis);
    },
    waitLock(timeoutInMillis: unknown): void {
      if (!attempt("waitLock", timeoutInMillis)) throw kernel.exception(LOCK_TIMEOUT_MESSAGE);
    },
    releaseLock(): void {
      call("releaseLock");
      // "This method has no effect if the lock has not been acquired."
      table.release(name, kernel.requireExecution("Lock.releaseLock").id);
    },
    hasLock(): boolean {
      call("hasLock");
      return table.holderOf(name) === kernel.requireExecution("Lock.hasLock").id;
    },
  };
}

/** The global `LockService` (developers.google.com/apps-script/reference/lock/lock-service). */
export function createLockService(kernel: Kernel, table: LockTable): EmulatedLockService {
  const call = (method: string) => kernel.call("Lock", `LockService.${method}`, { needsAuth: true });
  return {
    getScriptLock() {
      call("getScriptLock");
      return lockOf(kernel, table, "script");
    },
    getUserLock() {
      call("getUserLock");
      return lockOf(kernel, table, `user:${kernel.requireExecution("LockService.getUserLock").effectiveUser}`);
    },
    getDocumentLock() {
      call("getDocumentLock");
      const document = kernel.requireExecution("LockService.getDocumentLock").activeSpreadsheetId;
      // "null if the script is not bound to a document": add-on time triggers may have none.
      return document === null ? null : lockOf(kernel, table, `document:${document}`);
    },
  };
}
