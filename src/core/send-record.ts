/** The record that makes each email go out exactly once (daily digests and weekly reviews alike): per batch, each recipient's status, kept small enough for the spreadsheet's own metadata. */

/**
 * What happened to one recipient's email of a batch. "due": planned, not tried yet; "sending": claimed just before
 * the mail call (a run that stopped there may have sent it, and twice is worse than telling an admin); "sent";
 * "deferred": the daily mail quota was spent; "failed": a passing failure, tried again next run; "gaveUp": failed for
 * good (a permanent error, or too many attempts). Every status but "sent" is reported when its day is over.
 */
export type SendStatus = "due" | "sending" | "sent" | "deferred" | "failed" | "gaveUp";

export interface SendEntry {
  status: SendStatus;
  /** Mail calls made for this entry (a call that was retried inside one run counts once). */
  attempts: number;
}

/** One batch: the digests of one day ("digest 2026-12-01") or the review of one week ("review 2026-11-23"). */
export interface SendBatch {
  key: string;
  /** By recipient key (`recipientKey`). */
  entries: Record<string, SendEntry>;
  /** Every entry's outcome was reported to the admins once its day was over. */
  reported?: boolean;
}

export interface SendRecord {
  batches: SendBatch[];
}

/** Attempts (one per hourly run) before a passing failure counts as given up. */
export const MAX_ATTEMPTS = 3;
/** Batches kept: yesterday's and today's digests and status alerts, and this week's review, with room to spare. */
const KEPT_BATCHES = 8;

const CODES: Record<SendStatus, string> = {
  due: "d",
  sending: "i",
  sent: "s",
  deferred: "q",
  failed: "f",
  gaveUp: "x",
};
const STATUS_BY_CODE = new Map(Object.entries(CODES).map(([status, code]) => [code, status as SendStatus]));

/**
 * A short, stable key for a recipient's email (trimmed, lower-cased): 53 bits of the cyrb53 hash in base 36, so 200
 * recipients fit in a few KB of metadata and no address is stored in it.
 */
export function recipientKey(email: string): string {
  const text = email.trim().toLowerCase();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The record from its stored text; an empty record for nothing or for text it cannot read. */
export function parseRecord(text: string | null): SendRecord {
  if (!text) return { batches: [] };
  try {
    const stored = JSON.parse(text) as { b?: [string, Record<string, string>, number?][] };
    const batches = (stored.b ?? []).map(([key, entries, reported]): SendBatch => {
      const parsed: Record<string, SendEntry> = {};
      for (const [recipient, code] of Object.entries(entries)) {
        const status = STATUS_BY_CODE.get(code.charAt(0));
        if (status) parsed[recipient] = { status, attempts: Number(code.slice(1)) || 0 };
      }
      return { key, entries: parsed, ...(reported ? { reported: true } : {}) };
    });
    return { batches };
  } catch {
    return { batches: [] };
  }
}

/** The record as stored text (compact: one letter per status, the attempts after it). */
export function recordText(record: SendRecord): string {
  const b = record.batches.map((batch) => {
    const entries = Object.fromEntries(
      Object.entries(batch.entries).map(([recipient, e]) => [recipient, `${CODES[e.status]}${e.attempts || ""}`]),
    );
    return batch.reported ? [batch.key, entries, 1] : [batch.key, entries];
  });
  return JSON.stringify({ b });
}

/** The batch of `key`, added (and the oldest batches dropped) when the record lacks it. */
export function batchOf(record: SendRecord, key: string): SendBatch {
  let batch = record.batches.find((b) => b.key === key);
  if (!batch) {
    batch = { key, entries: {} };
    record.batches.push(batch);
    if (record.batches.length > KEPT_BATCHES) record.batches.splice(0, record.batches.length - KEPT_BATCHES);
  }
  return batch;
}

/** Worth a (first or another) try: nothing yet, planned, deferred for the quota, or failed for a passing reason. */
export function shouldSend(entry: SendEntry | undefined): boolean {
  if (!entry) return true;
  return entry.status === "due" || entry.status === "deferred" || entry.status === "failed";
}

/** Every planned recipient has an outcome that needs no more tries (sent or given up or possibly sent). */
export function isSettled(batch: SendBatch): boolean {
  return Object.values(batch.entries).every((e) => !shouldSend(e));
}

/** Recipient keys of a batch whose email did not (surely) go out. */
export function undeliveredKeys(batch: SendBatch): string[] {
  return Object.entries(batch.entries)
    .filter(([, e]) => e.status !== "sent")
    .map(([recipient]) => recipient);
}
