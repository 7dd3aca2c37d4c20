/** The reminders' own health: every way the hourly run can fail to remind, kept so the admins see it (Settings, the sidebar, one email a day). */

import type { MessageKey } from "../i18n/messages";
import { fill, translator } from "../i18n/translate";
import { type Day, isoOfDay, localTimeText } from "./dates";
import { EMAIL_STYLE, escapeHtml, oneLine, safeLink } from "./html";
import type { Language } from "./language";

/**
 * The ways the reminders fail: a run that stopped with an error; the previous run never finished (the 6-minute
 * limit); no run for hours (the trigger gone or disabled); the table's record lost and rebuilt, or lost for good;
 * nobody on Team who can get a reminder; the mail quota spent (digests deferred); digests of a day that did not go
 * out; weekly review emails that could not be sent; the reminders' owner must authorize the add-on again; the
 * spreadsheet near Google's cell limit (past it, no write succeeds: no save, no Sync, no log).
 */
export const STATUS_KINDS = [
  "runFailed",
  "runCutShort",
  "triggerStopped",
  "tableRecovered",
  "tableLost",
  "noRecipients",
  "quota",
  "undelivered",
  "reviewFailed",
  "authorization",
  "cellLimit",
] as const;

/** A way the reminders failed (see STATUS_KINDS). */
export type StatusKind = (typeof STATUS_KINDS)[number];

export interface StatusProblem {
  kind: StatusKind;
  /** Epoch ms when it was first seen (kept while it lasts). */
  since: number;
  detail: string;
  /** For a problem about one day (quota, undelivered): that day, yyyy-mm-dd; it expires once the next workday is over. */
  day?: string;
}

export interface ReminderStatus {
  problems: StatusProblem[];
  /** The day (yyyy-mm-dd) the admins were last emailed about the status. */
  alertedOn?: string;
}

const KINDS: ReadonlySet<string> = new Set(STATUS_KINDS);

/** A stored problem this version can show: a known kind, a time, a detail (an older or newer version may differ). */
function isProblem(value: unknown): value is StatusProblem {
  const p = value as Partial<StatusProblem> | null;
  return (
    typeof p === "object" &&
    p !== null &&
    typeof p.kind === "string" &&
    KINDS.has(p.kind) &&
    typeof p.since === "number" &&
    Number.isFinite(p.since) &&
    typeof p.detail === "string" &&
    (p.day === undefined || typeof p.day === "string")
  );
}

/** The status from its stored text (an empty status for nothing or for text it cannot read; unknown entries left out). */
export function parseStatus(text: string | null): ReminderStatus {
  if (!text) return { problems: [] };
  try {
    const parsed = JSON.parse(text) as { problems?: unknown; alertedOn?: unknown };
    const problems = Array.isArray(parsed.problems) ? parsed.problems.filter(isProblem) : [];
    return { problems, ...(typeof parsed.alertedOn === "string" ? { alertedOn: parsed.alertedOn } : {}) };
  } catch {
    return { problems: [] };
  }
}

/** Records a problem (replacing one of the same kind and day, keeping when it was first seen). */
export function raise(status: ReminderStatus, kind: StatusKind, detail: string, now: number, day?: string): void {
  const same = (p: StatusProblem) => p.kind === kind && p.day === day;
  const since = status.problems.find(same)?.since ?? now;
  status.problems = [...status.problems.filter((p) => !same(p)), { kind, since, detail, ...(day ? { day } : {}) }];
}

/** Forgets every problem of `kind` (it no longer holds), or only the one about `day`. */
export function clear(status: ReminderStatus, kind: StatusKind, day?: string): void {
  status.problems = status.problems.filter((p) => p.kind !== kind || (day !== undefined && p.day !== day));
}

/**
 * Drops problems about days before `lastWorkday`, the last workday before today (./workdays): a problem of Friday is
 * still told on Monday, when the admins' digest carries it, and gone on Tuesday.
 */
export function expire(status: ReminderStatus, lastWorkday: Day): void {
  const kept = isoOfDay(lastWorkday);
  status.problems = status.problems.filter((p) => p.day === undefined || p.day >= kept);
}

/** Whether the admins are still to be emailed today about a problem. */
export function needsAlert(status: ReminderStatus, today: Day): boolean {
  return status.problems.length > 0 && status.alertedOn !== isoOfDay(today);
}

/**
 * Records digests of `day` given up on, adding their recipients to those already recorded for that day, with why
 * (the next day's report then names every digest of the day that did not go out).
 */
export function noteGivenUp(
  status: ReminderStatus,
  gaveUp: readonly { email: string; detail: string }[],
  now: number,
  day: string,
): void {
  if (gaveUp.length === 0) return;
  const earlier = status.problems.find((p) => p.kind === "undelivered" && p.day === day);
  const named = earlier ? earlier.detail.split(" — ")[0].split(", ") : [];
  const emails = [...new Set([...named, ...gaveUp.map((g) => g.email)])];
  raise(status, "undelivered", `${emails.join(", ")} — ${gaveUp[0].detail}`, now, day);
}

/** One line per problem, in `language`, oldest first, with when it was first seen in the spreadsheet's zone. */
export function statusLines(status: ReminderStatus, language: Language, timeZone: string): string[] {
  const t = translator(language);
  return [...status.problems]
    .sort((a, b) => a.since - b.since)
    .map((p) =>
      fill(t(`status.${p.kind}` as MessageKey), {
        since: localTimeText(p.since, timeZone),
        detail: p.detail,
        day: p.day ?? "",
      }),
    );
}

/** The email that tells the admins (or the reminders' owner) what is wrong with the reminders: subject, text, HTML. */
export function renderStatusAlert(
  status: ReminderStatus,
  options: { language: Language; timeZone: string; spreadsheetName: string; url: string },
): { subject: string; text: string; html: string } {
  const t = translator(options.language);
  const lines = statusLines(status, options.language, options.timeZone);
  const intro = fill(t("status.alert.intro"), { spreadsheet: oneLine(options.spreadsheetName) });
  const link = safeLink(options.url);
  const text = [intro, "", ...lines.map((line) => `- ${oneLine(line)}`), "", link, "", t("status.alert.footer")].join(
    "\n",
  );
  const paragraph = (content: string, style: string = EMAIL_STYLE.p) => `<p style="${style}">${content}</p>`;
  const html = [
    paragraph(escapeHtml(intro)),
    `<ul>${lines.map((line) => `<li>${escapeHtml(oneLine(line))}</li>`).join("")}</ul>`,
    link
      ? paragraph(`<a href="${escapeHtml(link)}" style="${EMAIL_STYLE.a}">${escapeHtml(t("status.alert.open"))}</a>`)
      : "",
    paragraph(escapeHtml(t("status.alert.footer")), EMAIL_STYLE.footer),
  ].join("");
  return {
    subject: fill(t("status.alert.subject"), { count: lines.length }),
    text: `${text}\n`,
    html: `<div style="${EMAIL_STYLE.body}">${html}</div>`,
  };
}
