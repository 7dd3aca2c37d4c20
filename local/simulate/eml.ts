/** Writes a sent message as an RFC 5322 .eml file: encoded-word headers (RFC 2047) when not ASCII, and a multipart/alternative body with the text and HTML parts. */

import type { SentMail } from "../runtime/mail";

const CRLF = "\r\n";
/** Bytes of UTF-8 per encoded word: base64 of 39 bytes is 52 characters, which with "Subject: " keeps the first line inside 78 and each word inside RFC 2047's 75 with "=?UTF-8?B??=". */
const WORD_BYTES = 39;

/** A header value as RFC 2047 encoded words (one per ≤45 bytes, never splitting a character), or as is when ASCII. */
export function encodeHeader(value: string): string {
  const oneLine = value.replace(/\r?\n/g, " ");
  if (/^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  const words: string[] = [];
  let chunk = "";
  for (const character of oneLine) {
    if (Buffer.byteLength(chunk + character) > WORD_BYTES) {
      words.push(chunk);
      chunk = "";
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString("base64")}?=`).join(`${CRLF} `);
}

/** Base64 of UTF-8 text in lines of 76 characters (RFC 2045). */
function base64Lines(text: string): string {
  return (
    Buffer.from(text)
      .toString("base64")
      .match(/.{1,76}/g)
      ?.join(CRLF) ?? ""
  );
}

function part(type: "plain" | "html", content: string): string {
  return [
    `Content-Type: text/${type}; charset=UTF-8`,
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(content),
  ].join(CRLF);
}

/** RFC 5322 date-time in UTC, e.g. "Mon, 10 Jun 2024 01:00:00 +0000". */
function rfc5322Date(at: number): string {
  return new Date(Math.floor(at)).toUTCString().replace("GMT", "+0000");
}

/** The message as an .eml file's text; `sequence` makes its Message-ID and MIME boundary unique in the outbox. */
export function toEml(mail: SentMail, sequence: number): string {
  const boundary = `=_follow-up-tracker_${sequence}`;
  const headers = [
    `From: ${mail.from}`,
    `To: ${mail.to.join(", ")}`,
    ...(mail.cc.length > 0 ? [`Cc: ${mail.cc.join(", ")}`] : []),
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${rfc5322Date(mail.at)}`,
    `Message-ID: <simulate.${sequence}.${Math.floor(mail.at)}@follow-up-tracker.example.com>`,
    "MIME-Version: 1.0",
  ];
  if (mail.htmlBody === null) return [...headers, part("plain", mail.body), ""].join(CRLF);
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    part("plain", mail.body),
    `--${boundary}`,
    part("html", mail.htmlBody),
    `--${boundary}--`,
    "",
  ].join(CRLF);
}

/** A file name for the message: its place in the outbox and its first recipient. */
export function emlFileName(mail: SentMail, sequence: number): string {
  const recipient = (mail.to[0] ?? "nobody").replace(/[^A-Za-z0-9@._-]+/g, "_");
  return `${String(sequence).padStart(4, "0")}-${recipient}.eml`;
}
