/** Retries a service call that failed for a passing reason (timeouts, internal errors), waiting longer each time. */

/** Errors worth another try: Google's transient service failures, never quota exhaustion or bad arguments. */
const TRANSIENT =
  /timed out|internal error|service error|unavailable|try again|Lock timeout|too many times in a short time/i;
/** Waits before the 2nd and 3rd attempts (Utilities.sleep, which counts against the 6-minute limit). */
const BACKOFF_MS = [500, 2000];

/** The message of an error thrown by a service (an Exception of the script's realm) or of anything thrown. */
export function errorMessage(error: unknown): string {
  return typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
}

/** True for an error a retry may cure. */
export function isTransient(error: unknown): boolean {
  const message = errorMessage(error);
  return TRANSIENT.test(message) && !/for one day/i.test(message);
}

/** Runs `call`; on a transient failure waits and tries again, at most three attempts in all; rethrows anything else. */
export function withRetry<T>(call: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return call();
    } catch (error) {
      const wait = BACKOFF_MS[attempt];
      if (wait === undefined || !isTransient(error)) throw error;
      Utilities.sleep(wait);
    }
  }
}
