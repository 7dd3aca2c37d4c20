/** Where the reminder channels (group-robot webhooks, secrets) are kept, and the admins-only dialog's server side: list, add, remove, send a test post. */

import {
  type ChannelsReply,
  type ChatChannel,
  channelName,
  channelsText,
  channelView,
  checkChannel,
  MAX_CHANNELS,
  nextChannelId,
  parseChannels,
} from "../core/chat-channels";
import { testPostBody } from "../core/chat-messages";
import type { Language } from "../core/language";
import { memberByEmail } from "../core/team";
import { fill, translator } from "../i18n/translate";
import { postToChannel } from "./chat-post";
import { errorMessage } from "./retry";
import { readValue, writeValue } from "./spreadsheet-metadata";
import { documentLanguage, isTableProblem, openTable } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property (and metadata key) holding the channels as JSON. */
const CHANNELS_KEY = "followUpTracker.chatChannels";

/**
 * The channels. Kept in the document's properties (developers.google.com/apps-script/guides/properties), which no
 * cell, sheet or other script shows; and mirrored in PROJECT-visibility developer metadata, which only this project
 * can read, because the hourly trigger may run without an active document, where getDocumentProperties() "returns
 * null" (reference) [UNCONFIRMED for add-on time triggers: PLATFORM.md].
 */
export function readChannels(spreadsheet: Spreadsheet): ChatChannel[] {
  const properties = PropertiesService.getDocumentProperties();
  const stored = properties ? properties.getProperty(CHANNELS_KEY) : readValue(spreadsheet, CHANNELS_KEY);
  return parseChannels(stored);
}

function storeChannels(spreadsheet: Spreadsheet, channels: readonly ChatChannel[]): void {
  const text = channels.length > 0 ? channelsText(channels) : null;
  const properties = PropertiesService.getDocumentProperties();
  if (text === null) properties?.deleteProperty(CHANNELS_KEY);
  else properties?.setProperty(CHANNELS_KEY, text);
  writeValue(spreadsheet, CHANNELS_KEY, text);
}

/**
 * Runs `act` for an admin of the active spreadsheet's table (by the Team sheet's role, as every admin action checks);
 * anyone else gets the refusal and no channel. Every global can be called from a browser, so each call checks again.
 */
function asAdmin(
  act: (spreadsheet: Spreadsheet, language: Language, channels: ChatChannel[]) => { ok: boolean; message: string },
): ChannelsReply {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openTable(spreadsheet);
  const language = isTableProblem(table) ? documentLanguage(spreadsheet) : table.language;
  const t = translator(language);
  if (isTableProblem(table)) return { ok: false, message: t("sync.notSetUp"), channels: [] };
  const email = Session.getActiveUser().getEmail();
  if (memberByEmail(table.members, email)?.role !== "admin")
    return { ok: false, message: t("chat.adminsOnly"), channels: [] };
  const lock = LockService.getDocumentLock();
  lock.waitLock(10_000);
  try {
    const { ok, message } = act(spreadsheet, language, readChannels(spreadsheet));
    return { ok, message, channels: readChannels(spreadsheet).map(channelView) };
  } finally {
    lock.releaseLock();
  }
}

/** The dialog's list. */
export function listChannels(): ChannelsReply {
  return asAdmin(() => ({ ok: true, message: "" }));
}

/** Adds the channel the dialog's form describes, once checked (../core/chat-channels). */
export function addChannel(input: unknown): ChannelsReply {
  return asAdmin((spreadsheet, language, channels) => {
    const t = translator(language);
    if (channels.length >= MAX_CHANNELS)
      return { ok: false, message: fill(t("chat.error.tooMany"), { max: MAX_CHANNELS }) };
    const checked = checkChannel(input, language);
    if ("error" in checked) return { ok: false, message: checked.error };
    const channel = { id: nextChannelId(channels, Date.now()), ...checked.channel };
    storeChannels(spreadsheet, [...channels, channel]);
    return { ok: true, message: fill(t("chat.saved"), { channel: channelName(channel, language) }) };
  });
}

/** Removes the channel `id`. */
export function removeChannel(id: unknown): ChannelsReply {
  return asAdmin((spreadsheet, language, channels) => {
    const t = translator(language);
    const channel = channels.find((c) => c.id === id);
    if (!channel) return { ok: false, message: t("chat.error.unknown") };
    storeChannels(
      spreadsheet,
      channels.filter((c) => c !== channel),
    );
    return { ok: true, message: fill(t("chat.removed"), { channel: channelName(channel, language) }) };
  });
}

/** Posts a short test message to the channel `id`, and says whether the platform took it (never naming the URL). */
export function testChannel(id: unknown): ChannelsReply {
  return asAdmin((spreadsheet, language, channels) => {
    const t = translator(language);
    const channel = channels.find((c) => c.id === id);
    if (!channel) return { ok: false, message: t("chat.error.unknown") };
    const name = channelName(channel, language);
    const text = fill(t("chat.test"), { label: channel.label, spreadsheet: spreadsheet.getName() });
    try {
      postToChannel(channel, testPostBody(channel.platform, text));
      return { ok: true, message: fill(t("chat.testSent"), { channel: name }) };
    } catch (error) {
      return { ok: false, message: fill(t("chat.testFailed"), { channel: name, detail: errorMessage(error) }) };
    }
  });
}
