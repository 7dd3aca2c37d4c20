/** Posts one message to a group robot: signed where the platform signs (Utilities' HMAC), sent with UrlFetchApp, and every failure turned into an error that names neither the URL nor the secret. */

import type { ChatChannel } from "../core/chat-channels";
import { maskedUrl } from "../core/chat-channels";
import { chatRequest, isPassingCode, platformError, signingInput } from "../core/chat-messages";
import { errorMessage } from "./retry";

/** Characters of a platform's error answer kept in the message (the log and the status show it). */
const ANSWER_CHARS = 150;

/**
 * Posts `body` to `channel`, or throws. The thrown message is what the Reminder log and the admins see, so the
 * URL (its key or token) and the secret are replaced by the masked URL. A 5xx or 429 answer, or the platform's
 * rate-limit code, says "try again" (../gas/retry counts it passing: retried, then tried next run). A timeout is not
 * passing: the robot may have posted it, and a post goes at most once.
 */
export function postToChannel(channel: ChatChannel, body: Record<string, unknown>): void {
  const signing = signingInput(channel, Date.now());
  const signature = signing && {
    timestamp: signing.timestamp,
    sign: Utilities.base64Encode(Utilities.computeHmacSha256Signature(signing.message, signing.key)),
  };
  const { url, payload } = chatRequest(channel, body, signature);
  const hide = (text: string) =>
    [url, channel.url, channel.secret]
      .filter((secret) => secret !== "")
      .reduce((shown, secret) => shown.split(secret).join(maskedUrl(channel.url)), text);
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, {
      method: "post",
      contentType: "application/json; charset=utf-8",
      payload,
      muteHttpExceptions: true,
    });
  } catch (error) {
    const message = hide(errorMessage(error));
    if (/^Timeout/i.test(message)) throw new Error(`${message} (may have been posted: not posted again)`);
    throw new Error(message);
  }
  const code = response.getResponseCode();
  const answer = hide(response.getContentText()).slice(0, ANSWER_CHARS);
  if (code === 429 || code >= 500) throw new Error(`HTTP ${code}: ${answer} (service unavailable, try again)`);
  if (code >= 300) throw new Error(`HTTP ${code}: ${answer}`);
  const refused = platformError(channel.platform, response.getContentText());
  if (refused) throw new Error(isPassingCode(refused) ? `${hide(refused)} (try again)` : hide(refused));
}
