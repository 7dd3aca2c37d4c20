/** The one send-once-and-log protocol for every email the add-on sends on its own (daily digests, weekly reviews, status alerts): claim, send, record, within the quota and the time budget. */

import type { Language } from "../core/language";
import {
  batchOf,
  MAX_ATTEMPTS,
  parseRecord,
  recipientKey,
  recordText,
  type SendBatch,
  type SendEntry,
  shouldSend,
  undeliveredKeys,
} from "../core/send-record";
import { appendLog, type LogEntry, logKey, logSheet, readLog } from "./reminder-log";
import { errorMessage, isTransient, withRetry } from "./retry";
import { openValue } from "./spreadsheet-metadata";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Spreadsheet metadata key of the send record: kept in the spreadsheet, not in a sheet anyone can delete or edit. */
const RECORD_KEY = "followUpTracker.sendRecord";
/** The group-robot posts' own record, so their batches (per channel per day) never push the emails' out of theirs. */
export const POST_RECORD_KEY = "followUpTracker.postRecord";

/** How a batch of group-robot posts differs from one of emails: its own record, and its own count per run. */
export interface PostOptions {
  /** Posts this run may make (a robot's per-minute limit), in place of MailApp's daily quota. */
  remainingQuota: () => number;
  recordKey: string;
}
/** Stop starting new emails this long after the run began: Apps Script stops any execution at 6 minutes. */
export const TIME_BUDGET_MS = 4 * 60 * 1000;

/**
 * One email (or group-robot post) to send: to whom, a short note for the log, and how to send it. A post that lists
 * several reps names them in `covers`: each one's entry is claimed, and its outcome recorded, with the post.
 */
export interface Outgoing {
  email: string;
  note: string;
  send: () => void;
  /** The recipients whose entries this one covers; just `email` when absent (an email has one recipient). */
  covers?: readonly string[];
}

/** The recipients one outgoing covers. */
const coveredBy = (o: Outgoing): readonly string[] => o.covers ?? [o.email];

/** What a run of one batch did. */
export interface BatchRun {
  sent: number;
  /** Left for later because the daily quota is spent. */
  deferred: number;
  /** Failed for a passing reason; tried again next run. */
  failed: number;
  /** Failed for good (reported). */
  gaveUp: { email: string; detail: string }[];
  /** Left for the next run because the time budget ran out. */
  postponed: number;
  /** Every recipient of the batch has an outcome that needs no more tries. */
  settled: boolean;
}

/** The send record of the spreadsheet, with the batch of `key`, and a way to store it again. */
export function openBatch(
  spreadsheet: Spreadsheet,
  key: string,
  recordKey: string = RECORD_KEY,
): { batch: SendBatch; save: () => void } {
  const stored = openValue(spreadsheet, recordKey);
  const record = parseRecord(stored.value);
  const batch = batchOf(record, key);
  return { batch, save: () => stored.set(recordText(record)) };
}

/** The batch of `key` as recorded, or null when the record has none (nothing was planned for it). */
export function recordedBatch(
  spreadsheet: Spreadsheet,
  key: string,
  recordKey: string = RECORD_KEY,
): { batch: SendBatch; save: () => void } | null {
  const stored = openValue(spreadsheet, recordKey);
  const record = parseRecord(stored.value);
  const batch = record.batches.find((b) => b.key === key);
  return batch ? { batch, save: () => stored.set(recordText(record)) } : null;
}

/** The emails (of `candidates`) a batch did not surely deliver, and how many undelivered recipients are not among them. */
export function undeliveredOf(batch: SendBatch, candidates: readonly string[]): { emails: string[]; unknown: number } {
  const keys = new Set(undeliveredKeys(batch));
  const emails = [...new Set(candidates.map((e) => e.trim().toLowerCase()))].filter((e) => keys.has(recipientKey(e)));
  return { emails, unknown: keys.size - emails.length };
}

/**
 * Sends each email of the batch `key` at most once. Every recipient is first planned in the send record (spreadsheet
 * metadata); the Reminder log, if it shows an email sent that the record lacks, counts too, so deleting either one
 * never sends twice. Recipients deferred or failed earlier (or `servedFirst`) go first. Before each email: the time
 * budget and the daily quota, asked of MailApp once per run and counted down by each email's one recipient (when
 * spent, the rest are deferred to a later run: a deferral never settles a batch); the
 * entry is claimed ("sending") and stored, the email sent (passing failures retried), the outcome stored. A passing
 * failure is tried again next run, up to MAX_ATTEMPTS runs; anything else is given up and reported. The log gets one
 * row per outcome (per recipient covered). Group-robot `posts` keep their own record and count, and are `planned`
 * from the recipients still to send to, as this batch's record and log say, read once.
 */
export function sendBatch(
  spreadsheet: Spreadsheet,
  language: Language,
  key: string,
  planned: readonly Outgoing[] | ((stillToSend: (email: string) => boolean) => readonly Outgoing[]),
  startedAt: number,
  servedFirst: (email: string) => boolean = () => false,
  posts?: PostOptions,
): BatchRun {
  const run: BatchRun = { sent: 0, deferred: 0, failed: 0, gaveUp: [], postponed: 0, settled: false };
  const { batch, save } = openBatch(spreadsheet, key, posts?.recordKey);
  const remainingQuota = posts?.remainingQuota ?? (() => MailApp.getRemainingDailyQuota());
  const sheet = logSheet(spreadsheet, language);
  const logged = readLog(sheet);
  const entryOf = (email: string): SendEntry => {
    const id = recipientKey(email);
    if (!batch.entries[id]) {
      const earlier = logged.get(logKey(key, email))?.status;
      const done = earlier === "sent" || earlier === "sending";
      batch.entries[id] = done ? { status: earlier, attempts: 1 } : { status: "due", attempts: 0 };
    }
    return batch.entries[id];
  };
  // A post listing several recipients is packed from those the record and the log say are still to send to.
  const outgoing = typeof planned === "function" ? planned((email) => shouldSend(entryOf(email))) : planned;
  // An outgoing covering several recipients goes only when none of them was (possibly) sent already.
  const entriesOf = (o: Outgoing) => coveredBy(o).map(entryOf);
  const rank = (o: Outgoing) => (servedFirst(o.email) ? 2 : entryOf(o.email).status !== "due" ? 1 : 0);
  const pending = outgoing.filter((o) => entriesOf(o).every(shouldSend)).sort((a, b) => rank(b) - rank(a));
  save();
  const log: LogEntry[] = [];
  const defer = (rest: readonly Outgoing[]) => {
    for (const o of rest) {
      for (const email of coveredBy(o)) {
        const entry = entryOf(email);
        if (entry.status !== "deferred") log.push({ day: key, email, status: "deferred", detail: "quota" });
        entry.status = "deferred";
      }
      run.deferred++;
    }
    save();
  };
  // Asked once, before the first email: each email here has one recipient, so the count goes down by one per email
  // sent; a quota spent elsewhere meanwhile shows as the "for one day" error below, which defers the rest as well.
  let quota: number | undefined;
  try {
    for (const [index, o] of pending.entries()) {
      if (Date.now() - startedAt > TIME_BUDGET_MS) {
        run.postponed = pending.length - index;
        break;
      }
      quota ??= remainingQuota();
      if (quota < 1) {
        defer(pending.slice(index));
        break;
      }
      const entry = entryOf(o.email);
      const covered = coveredBy(o);
      const mark = (status: SendEntry["status"]) => {
        for (const email of covered) entryOf(email).status = status;
      };
      mark("sending");
      for (const email of covered) entryOf(email).attempts++;
      save();
      try {
        withRetry(o.send);
        quota--;
        mark("sent");
        run.sent++;
        for (const email of covered) log.push({ day: key, email, status: "sent", detail: o.note });
      } catch (error) {
        const message = errorMessage(error);
        if (/for one day/i.test(message)) {
          for (const email of covered) entryOf(email).attempts--;
          defer(pending.slice(index));
          break;
        }
        if (isTransient(error) && entry.attempts < MAX_ATTEMPTS) {
          mark("failed");
          run.failed++;
          for (const email of covered) log.push({ day: key, email, status: "failed", detail: `transient: ${message}` });
        } else {
          mark("gaveUp");
          run.gaveUp.push({ email: o.email, detail: message });
          for (const email of covered) log.push({ day: key, email, status: "gaveUp", detail: message });
        }
      }
      save();
    }
  } finally {
    appendLog(sheet, log, new Date(), language);
  }
  // Recipients planned earlier who have nothing today any more do not hold the batch open (nor are they forgotten:
  // an entry not sent is reported once its day is over).
  run.settled = outgoing.every((o) => !entriesOf(o).some(shouldSend));
  return run;
}
