/** The emulated MailApp: sends into an Outbox that records every message and keeps each user's daily recipient quota. */

import { type Kernel, SCOPES } from "./kernel";
import { MAIL, MAIL_ERRORS } from "./limits";
import { scriptSignatureError } from "./signature";

/** Recipients per day by account type (./limits MAIL); the simulation and bench runs pick the Workspace figure. */
export const DAILY_RECIPIENTS = MAIL.dailyRecipients;

/** A message as MailApp sent it. */
export interface SentMail {
  at: number;
  /** The effective user of the sending execution (a trigger's owner, for triggers). */
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  attachments: number;
}

/** Texts of refused messages that are not limits. */
const MESSAGE_ERRORS = {
  noRecipient: "Failed to send email: no recipient",
  invalid: (address: string) => `Invalid email: ${address}`,
};

/** Where a user's quota window stands. */
interface QuotaWindow {
  startedAt: number;
  used: number;
}

const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Sent mail and per-user quotas, kept across executions. The quotas page says quotas "are per user and reset
 * 24 hours after the first request": a user's window opens with the first message and closes 24 h later.
 */
export class Outbox {
  readonly messages: SentMail[] = [];
  /** Recipients per user per 24 h: DAILY_RECIPIENTS.consumer by default, .workspace for Workspace users. */
  dailyLimit: number;
  /**
   * Largest body of one message, plain and HTML together in UTF-8 bytes: MAIL.bodyBytes.consumer (200 KB) unless
   * given, also where the Workspace recipient quota is (the stricter choice); MAIL.bodyBytes.workspace (400 KB) for a
   * Workspace account.
   */
  maxBodyBytes: number;
  private readonly windows = new Map<string, QuotaWindow>();

  constructor(options: { dailyLimit?: number; maxBodyBytes?: number } = {}) {
    this.dailyLimit = options.dailyLimit ?? DAILY_RECIPIENTS.consumer;
    this.maxBodyBytes = options.maxBodyBytes ?? MAIL.bodyBytes.consumer;
  }

  /** Recipients the user may still send to at `now`. */
  remaining(user: string, now: number): number {
    return this.dailyLimit - (this.openWindow(user, now)?.used ?? 0);
  }

  /** Messages whose to, cc or bcc include the address. */
  sentTo(address: string): SentMail[] {
    const wanted = address.toLowerCase();
    return this.messages.filter((m) => [...m.to, ...m.cc, ...m.bcc].some((a) => a.toLowerCase() === wanted));
  }

  /** Charges `recipients` to the user's quota; throws Apps Script's error when they do not all fit. */
  charge(kernel: Kernel, user: string, recipients: number): void {
    const now = kernel.now();
    const window = this.openWindow(user, now) ?? { startedAt: now, used: 0 };
    // [UNCONFIRMED] a message that does not fit entirely is refused whole, even if some recipients would fit.
    if (window.used + recipients > this.dailyLimit) throw kernel.exception(MAIL_ERRORS.quota);
    window.used += recipients;
    this.windows.set(user, window);
  }

  private openWindow(user: string, now: number): QuotaWindow | undefined {
    const window = this.windows.get(user);
    return window && now - window.startedAt < QUOTA_WINDOW_MS ? window : undefined;
  }
}

type Options = GoogleAppsScript.Mail.MailAdvancedParameters;

// A bare address (local@domain.tld). "Name <address>" forms are refused [UNCONFIRMED].
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** The MailApp global (developers.google.com/apps-script/reference/mail/mail-app). */
export function createMailApp(kernel: Kernel, outbox: Outbox): GoogleAppsScript.Mail.MailApp {
  const guarded = { scopes: [SCOPES.sendMail], needsAuth: true };

  /** A comma-separated list of addresses; every one must be valid. */
  const addresses = (list: unknown, method: string, args: readonly unknown[]): string[] => {
    if (list === undefined || list === null || list === "") return [];
    if (typeof list !== "string") throw scriptSignatureError(kernel, method, args);
    return list.split(",").map((raw) => {
      const address = raw.trim();
      if (!ADDRESS.test(address)) throw kernel.exception(MESSAGE_ERRORS.invalid(address));
      return address;
    });
  };

  const text = (value: unknown, method: string, args: readonly unknown[]): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") throw scriptSignatureError(kernel, method, args);
    return value;
  };

  const send = (message: Options, args: readonly unknown[]): void => {
    const method = "MailApp.sendEmail";
    const user = kernel.requireExecution(method).effectiveUser;
    const to = addresses(message.to, method, args);
    const cc = addresses(message.cc, method, args);
    const bcc = addresses(message.bcc, method, args);
    const replyTo = text(message.replyTo, method, args);
    if (replyTo !== null) addresses(replyTo, method, args);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw kernel.exception(MESSAGE_ERRORS.noRecipient);
    if (count > MAIL.recipientsPerMessage) throw kernel.exception(MAIL_ERRORS.perMessage);
    const body = text(message.body, method, args) ?? "";
    const htmlBody = text(message.htmlBody, method, args);
    if (Buffer.byteLength(body, "utf8") + Buffer.byteLength(htmlBody ?? "", "utf8") > outbox.maxBodyBytes) {
      throw kernel.exception(MAIL_ERRORS.bodySize);
    }
    const attachments = Array.isArray(message.attachments) ? message.attachments : [];
    if (attachments.length > MAIL.attachmentsPerMessage) throw kernel.exception(MAIL_ERRORS.attachments);
    // Sending takes longer the bigger the message and the more its recipients (the kernel's cost model, `mail`).
    const bytes =
      Buffer.byteLength(body, "utf8") + Buffer.byteLength(htmlBody ?? "", "utf8") + attachmentBytes(attachments);
    kernel.chargeMessage({ bytes, recipients: count });
    const mail: SentMail = {
      at: kernel.now(),
      from: user,
      to,
      cc,
      bcc,
      subject: text(message.subject, method, args) ?? "",
      body,
      htmlBody,
      name: text(message.name, method, args),
      replyTo,
      noReply: message.noReply === true,
      attachments: attachments.length,
    };
    outbox.charge(kernel, user, count);
    outbox.messages.push(mail);
  };

  return {
    getRemainingDailyQuota(): number {
      kernel.call("Mail", "MailApp.getRemainingDailyQuota", guarded);
      const user = kernel.execution?.effectiveUser ?? "";
      return outbox.remaining(user, kernel.now());
    },

    /** The four overloads: (message), (to, subject, body), (to, subject, body, options), (to, replyTo, subject, body). */
    sendEmail(...args: unknown[]): void {
      kernel.call("Mail", "MailApp.sendEmail", guarded);
      const message = overload(args);
      if (!message) throw scriptSignatureError(kernel, "MailApp.sendEmail", args);
      send(message, args);
    },
  } as GoogleAppsScript.Mail.MailApp;
}

/**
 * Bytes of the attachments: a BlobSource's blob (getBlob()) or a Blob itself, measured by getBytes(). The runtime
 * emulates no blobs, so only a script's own blob-like objects have a size; anything else counts as 0 bytes.
 */
function attachmentBytes(attachments: readonly unknown[]): number {
  const hasMethod = (value: unknown, name: string): value is Record<string, () => unknown> =>
    typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[name] === "function";
  return attachments.reduce<number>((sum, attachment) => {
    const blob = hasMethod(attachment, "getBlob") ? attachment.getBlob() : attachment;
    const bytes = hasMethod(blob, "getBytes") ? blob.getBytes() : [];
    return sum + (Array.isArray(bytes) ? bytes.length : 0);
  }, 0);
}

/** The message an argument list of sendEmail stands for, or null when it matches no overload. */
function overload(args: unknown[]): Options | null {
  const isString = (v: unknown) => typeof v === "string";
  const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  const [a, b, c, d] = args as [string, string, string, unknown];
  if (args.length === 1 && isObject(a)) return a as Options;
  if (args.length === 3 && [a, b, c].every(isString)) return { to: a, subject: b, body: c };
  if (args.length === 4 && [a, b, c].every(isString) && isObject(d))
    return { ...(d as Options), to: a, subject: b, body: c };
  if (args.length === 4 && [a, b, c, d].every(isString)) return { to: a, replyTo: b, subject: c, body: d as string };
  return null;
}
