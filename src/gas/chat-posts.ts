/** Posts the day's reminders into each configured group chat through the send-once protocol: one message per channel per workday (in parts only where the platform's size limit requires), each rep covered exactly once, failures reported as mail failures are. */

import { type ChatChannel, channelName } from "../core/chat-channels";
import { chatParts, chatReps, POSTS_PER_RUN } from "../core/chat-messages";
import type { Day } from "../core/dates";
import { isoOfDay } from "../core/dates";
import type { Digest } from "../core/digest";
import { noteGivenUp, type ReminderStatus } from "../core/reminder-status";
import { undeliveredKeys } from "../core/send-record";
import { previousWorkday } from "../core/workdays";
import { fill, translator } from "../i18n/translate";
import { readChannels } from "./chat-channels";
import { postToChannel } from "./chat-post";
import { POST_RECORD_KEY, recordedBatch, sendBatch } from "./send-once";
import type { Table } from "./table";

/** The send-record batch of a channel's posts of one day: one entry per rep it lists. */
export function chatBatchKey(channel: Pick<ChatChannel, "id">, day: string): string {
  return `chat ${channel.id} ${day}`;
}

/**
 * A channel's posts of the last workday that did not surely go out (failed too often, given up, or claimed and never
 * confirmed) become the same status line as undelivered digests, naming the channel, once.
 */
function reportLastWorkday(table: Table, channel: ChatChannel, status: ReminderStatus, today: Day, now: number): void {
  const day = isoOfDay(previousWorkday(table.settings.workdays, today));
  const recorded = recordedBatch(table.spreadsheet, chatBatchKey(channel, day), POST_RECORD_KEY);
  if (!recorded || recorded.batch.reported) return;
  const missed = undeliveredKeys(recorded.batch).length;
  if (missed > 0) {
    const detail = fill(translator(table.language)("chat.unsent"), { count: missed });
    noteGivenUp(status, [{ email: channelName(channel, table.language), detail }], now, day);
  }
  recorded.batch.reported = true;
  recorded.save();
}

/**
 * Posts today's reminders to every channel: the reps of today's `digests` with something overdue or due today, less
 * those a post of today already covered (or may have: a claim is never posted again), packed into as few parts as the
 * platform allows, at most POSTS_PER_RUN a run (the rest next run). Given-up posts go into the status as given-up
 * digests do. Returns whether every channel is settled for the day.
 */
export function postChatReminders(
  table: Table,
  digests: readonly Digest[],
  today: Day,
  startedAt: number,
  status: ReminderStatus,
): { settled: boolean } {
  const channels = readChannels(table.spreadsheet);
  const day = isoOfDay(today);
  const language = table.language;
  const reps = chatReps(digests, table.members);
  const sheetUrl = `${table.spreadsheet.getUrl()}#gid=${table.followUps.getSheetId()}`;
  const context = { language, day, spreadsheetName: table.spreadsheet.getName(), sheetUrl };
  let settled = true;
  for (const channel of channels) {
    reportLastWorkday(table, channel, status, today, startedAt);
    if (reps.length === 0) continue;
    const name = channelName(channel, language);
    const outgoing = (stillToSend: (email: string) => boolean) => {
      const parts = chatParts(
        channel.platform,
        reps.filter((r) => stillToSend(r.email)),
        context,
      );
      return parts.map((part, index) => ({
        email: part.reps[0],
        covers: part.reps,
        note: fill(translator(language)("chat.log"), { channel: name, part: index + 1, parts: parts.length }),
        send: () => postToChannel(channel, part.body),
      }));
    };
    const run = sendBatch(table.spreadsheet, language, chatBatchKey(channel, day), outgoing, startedAt, undefined, {
      remainingQuota: () => POSTS_PER_RUN,
      recordKey: POST_RECORD_KEY,
    });
    noteGivenUp(
      status,
      run.gaveUp.map((g) => ({ email: name, detail: g.detail })),
      startedAt,
      day,
    );
    settled &&= run.settled;
  }
  return { settled };
}
