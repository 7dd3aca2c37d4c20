/** Runs a change to the table under the document lock, so two people's operations never interleave. */

/** How long to wait for someone else's operation to finish. */
const WAIT_MS = 30_000;

/**
 * Runs `body` holding the document lock and flushes before releasing it (pending writes must land before the
 * next holder reads; developers.google.com/apps-script/reference/lock/lock). Returns null when the lock could
 * not be had in time.
 */
export function withDocumentLock<T>(body: () => T): { value: T } | null {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(WAIT_MS)) return null;
  try {
    const value = body();
    SpreadsheetApp.flush();
    return { value };
  } finally {
    lock.releaseLock();
  }
}
