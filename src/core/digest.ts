/** The daily reminder digest: one email's worth per Team member (own follow-ups, team counts, admin problems) and its text. */

import type { MessageKey } from "../i18n/messages";
import { fill, translator } from "../i18n/translate";
import { type ColumnKey, columnSpec } from "./columns";
import { phoneNumberOf } from "./customer-match";
import { type Collision, collisionLine, customerContacts, ownershipOf } from "./customers";
import { type Day, dayInZone, isoOfDay } from "./dates";
import { agendaOf, dueOf, missingNextDates } from "./due";
import { EMAIL_BYTES, shownCounts, utf8Bytes } from "./email-budget";
import type { FollowUp, NextDateSource, RowProblem } from "./follow-ups";
import { escapeHtml, oneLine, EMAIL_STYLE as STYLE, safeLink } from "./html";
import type { Language } from "./language";
import { type GoingStale, goingStale, type PoolEvent, poolOf, reminderOwner } from "./pool";
import { type ReminderStatus, type StatusProblem, statusLines } from "./reminder-status";
import { type Settings, type SettingsProblem, stageNameIn } from "./settings";
import { isValidEmail, ownerOf, type TeamMember, type TeamProblem } from "./team";

/** One follow-up as a reminder lists it. */
export interface DigestItem {
  row: number;
  id: string;
  customer: string;
  /** The row's contact, else the customer's latest known one (as the sidebar shows it). */
  contact: string;
  /** The row's contact details, else the customer's latest known ones, as typed. */
  contactInfo: string;
  /** The phone number in the contact details as typed, and the number a `tel:` link dials (digits and "+"); "" for none. */
  phone: string;
  tel: string;
  stage: string;
  nextStep: string;
  lastSummary: string;
  /** yyyy-mm-dd. */
  nextDate: string;
  /** Where the next date came from when not from its cell: the next step ("date from text") or the cadence. */
  nextDateSource?: NextDateSource;
  /** Days past the next date: 0 due today, negative = days ahead. */
  daysOverdue: number;
  /** Opens the sheet at the row. */
  link: string;
}

/** Something that kept a reminder from going out, a cell the rule cannot read, or a Team row to fix: for the admins. */
export type DigestProblem =
  | { kind: "ownerNotOnTeam" | "ownerAmbiguous" | "ownerWithoutEmail"; row: number; customer: string; owner: string }
  | { kind: "noOwner"; row: number; customer: string }
  /** A cell of the Follow-ups sheet the rule of due cannot read as typed (a date, a done mark). */
  | { kind: "cell"; row: number; column: ColumnKey; issue: RowProblem["kind"]; value: string }
  /** A row of the Team sheet to fix (a name or an email on two rows, an invalid email …). */
  | { kind: "team"; row: number; issue: TeamProblem["kind"]; value: string }
  /** A Settings value the add-on cannot read, so it uses the default (reminder days among them): 0 for no stages. */
  | { kind: "setting"; row: number; value: string }
  /** A failure of the reminders themselves (a run that stopped, a trigger gone, the quota, a digest not sent). */
  | { kind: "status"; row: 0; problem: StatusProblem }
  /** 撞单 typed into the sheet (at the other rep's first row): the customer stays its owner's (./customers). */
  | { kind: "collision"; row: number; collision: Collision };

/** Everything one recipient is told today, in one email. */
export interface Digest {
  /** The recipient's email, as on the Team sheet. */
  to: string;
  name: string;
  language: Language;
  overdue: DigestItem[];
  dueToday: DigestItem[];
  upcoming: DigestItem[];
  /** The recipient's customers going to the pool (公海) soon, soonest first (./pool), each linked to its row. */
  goingStale: (GoingStale & { link: string })[];
  /** Manager section: the recipient's reps with something overdue or due today. */
  team: { rep: string; overdue: number; dueToday: number }[];
  /** Admin section: customers in the pool nobody has claimed (told alongside the admin's other news). */
  poolCount: number;
  /** Settings' stale days: a customer goes to the pool after this many days without a follow-up. */
  staleDays: number;
  /** Admin section. */
  problems: DigestProblem[];
  /** The spreadsheet's time zone, for the times the admin section shows. */
  timeZone: string;
}

export interface DigestInput {
  followUps: FollowUp[];
  /** The problems `readFollowUps` found. */
  rowProblems: RowProblem[];
  settings: Settings;
  team: TeamMember[];
  /** The problems `parseTeam` found. */
  teamProblems?: readonly TeamProblem[];
  /** The problems `parseSettings` found. */
  settingsProblems?: readonly SettingsProblem[];
  /** Ids of rows that handed a customer over in the sidebar (./customers): the collisions the admins are told of. */
  handovers: ReadonlySet<string>;
  today: Day;
  /** The URL that opens the Follow-ups sheet at a row. */
  link: (row: number) => string;
  /** The table's language, for members without their own. */
  defaultLanguage: Language;
  /** The reminders' own failures (digests of earlier days that did not go out among them): the admins are told. */
  status?: ReminderStatus;
  /** The spreadsheet's time zone, for the times in status lines. */
  timeZone?: string;
  /** The Pool log (./pool): who holds the customers it names follows from it and the rows; none when absent. */
  poolEvents?: readonly PoolEvent[];
}

/** Cell problems that change what the rule of due reads, so a reminder may be missing or wrong: the admins are told. */
const CELL_ISSUES: ReadonlySet<RowProblem["kind"]> = new Set(["notADate", "numberAsDate", "unknownDone"]);

type Due = "overdue" | "dueToday" | "upcoming";

/** A recipient being built: one per distinct email on the Team sheet. */
interface Recipient {
  digest: Digest;
  manager: boolean;
  admin: boolean;
}

type Contacts = ReturnType<typeof customerContacts>;

/** One follow-up as a digest item for a reader of `language` (the stage by its name in that language, from Settings). */
function itemOf(followUp: FollowUp, input: DigestInput, contacts: Contacts, language: Language): DigestItem {
  const nextDate = followUp.nextDate as Day;
  const known = contacts.get(followUp.customerKey);
  const contactInfo = followUp.contactInfo || known?.contactInfo || "";
  const phone = phoneNumberOf(contactInfo);
  return {
    row: followUp.row,
    id: followUp.id,
    customer: followUp.customer,
    contact: followUp.contact || known?.contact || "",
    contactInfo,
    phone: phone?.typed ?? "",
    tel: phone?.dial ?? "",
    stage: stageNameIn(input.settings, followUp.stage, language),
    nextStep: followUp.nextStep,
    lastSummary: followUp.summary,
    nextDate: isoOfDay(nextDate),
    ...(followUp.nextDateSource ? { nextDateSource: followUp.nextDateSource } : {}),
    daysOverdue: input.today - nextDate,
    link: input.link(followUp.row),
  };
}

/** Most overdue (or soonest due) first, then by row. */
function byUrgency(a: DigestItem, b: DigestItem): number {
  return b.daysOverdue - a.daysOverdue || a.row - b.row;
}

/** One recipient per distinct valid email on the Team sheet, keyed by the email in lower case. */
function recipientsOf(input: DigestInput): Map<string, Recipient> {
  const recipients = new Map<string, Recipient>();
  for (const member of input.team) {
    const to = member.email.trim();
    if (!isValidEmail(to)) continue;
    const key = to.toLowerCase();
    const recipient = recipients.get(key) ?? {
      digest: {
        to,
        name: member.name.trim() || to,
        language: member.language || input.defaultLanguage,
        overdue: [],
        dueToday: [],
        upcoming: [],
        goingStale: [],
        team: [],
        poolCount: 0,
        staleDays: input.settings.staleDays,
        problems: [],
        timeZone: input.timeZone ?? "UTC",
      },
      manager: false,
      admin: false,
    };
    recipient.manager ||= member.role !== "rep";
    recipient.admin ||= member.role === "admin";
    recipients.set(key, recipient);
  }
  return recipients;
}

type Counts = Map<TeamMember, { overdue: number; dueToday: number }>;

/** The manager section: the members whose manager's email is `email`, with something overdue or due today, worst first. */
function teamSection(team: readonly TeamMember[], email: string, counts: Counts): Digest["team"] {
  return team
    .filter((m) => m.managerEmail.trim().toLowerCase() === email)
    .map((m) => ({ rep: m.name.trim() || m.email, ...(counts.get(m) ?? { overdue: 0, dueToday: 0 }) }))
    .filter((r) => r.overdue + r.dueToday > 0)
    .sort((a, b) => b.overdue - a.overdue || b.dueToday - a.dueToday);
}

/**
 * One digest per Team member who has something today: their own overdue, due-today and upcoming follow-ups (by
 * ./due's rule: open, not done, not superseded), their reps' counts when `managerDigest` is on, and for admins every
 * reminder that could not be routed, every cell the rule cannot read, every Team row to fix, every digest that did not
 * go out and every failure of the reminders. Only addresses on the Team sheet, one digest per address, none empty,
 * sorted by email.
 */
export function buildDigests(input: DigestInput): Digest[] {
  const agenda = agendaOf(input.followUps, input.rowProblems, input.settings);
  const zone = input.timeZone ?? "UTC";
  const pool = poolOf(input.poolEvents ?? [], agenda.latest, (ms) => dayInZone(ms, zone));
  const contacts = customerContacts(input.followUps);
  const recipients = recipientsOf(input);
  const counts: Counts = new Map();
  const problems: DigestProblem[] = [];
  for (const followUp of [...input.followUps].sort((a, b) => a.row - b.row)) {
    const due = dueOf(agenda, followUp, input.today);
    if (due === null || due === "later") continue;
    const { row, customer } = followUp;
    // A customer in the pool is nobody's until claimed (the admins are told how many wait); a claimed one its claimer's.
    const owner = reminderOwner(followUp, pool);
    if (owner === null) continue;
    const lookup = ownerOf(input.team, owner);
    if ("problem" in lookup) {
      problems.push(
        lookup.problem === "noOwner"
          ? { kind: "noOwner", row, customer }
          : { kind: lookup.problem, row, customer, owner },
      );
      continue;
    }
    const { member } = lookup;
    const count = counts.get(member) ?? { overdue: 0, dueToday: 0 };
    if (due !== "upcoming") count[due]++;
    counts.set(member, count);
    if (!member.reminders) continue;
    const recipient = recipients.get(member.email.trim().toLowerCase());
    if (recipient) recipient.digest[due].push(itemOf(followUp, input, contacts, recipient.digest.language));
    else problems.push({ kind: "ownerWithoutEmail", row, customer, owner });
  }
  for (const p of input.rowProblems) {
    if (CELL_ISSUES.has(p.kind))
      problems.push({ kind: "cell", row: p.row, column: p.column, issue: p.kind, value: p.value });
  }
  // An open row no date reaches would be reminded to nobody: the admins are told, as Sync tells them.
  for (const p of missingNextDates(agenda, input.followUps, input.rowProblems)) {
    problems.push({ kind: "cell", row: p.row, column: p.column, issue: p.kind, value: p.value });
  }
  const { collisions } = ownershipOf(input.followUps, input.rowProblems, input.team, input.handovers);
  for (const collision of collisions) problems.push({ kind: "collision", row: collision.otherRows[0], collision });
  problems.sort((a, b) => a.row - b.row);
  const teamProblems: DigestProblem[] = (input.teamProblems ?? []).map((p) => ({
    kind: "team",
    row: p.row,
    issue: p.kind,
    value: p.value,
  }));
  const settingsProblems = (input.settingsProblems ?? []).map(
    (p): DigestProblem =>
      "row" in p ? { kind: "setting", row: p.row, value: p.value } : { kind: "setting", row: 0, value: "" },
  );
  const before: DigestProblem[] = [
    ...(input.status?.problems ?? []).map((problem): DigestProblem => ({ kind: "status", row: 0, problem })),
    ...settingsProblems,
    ...teamProblems,
  ];
  for (const stale of goingStale(input.settings, agenda.latest, pool, input.today)) {
    const lookup = ownerOf(input.team, stale.owner);
    if (!("member" in lookup) || !lookup.member.reminders) continue;
    const recipient = recipients.get(lookup.member.email.trim().toLowerCase());
    const stage = recipient && stageNameIn(input.settings, stale.stage, recipient.digest.language);
    recipient?.digest.goingStale.push({ ...stale, stage: stage ?? stale.stage, link: input.link(stale.row) });
  }
  for (const [email, { digest, manager, admin }] of recipients) {
    digest.overdue.sort(byUrgency);
    digest.dueToday.sort(byUrgency);
    digest.upcoming.sort(byUrgency);
    if (manager && input.settings.managerDigest) digest.team = teamSection(input.team, email, counts);
    if (admin) digest.problems = [...before, ...problems];
    if (admin) digest.poolCount = pool.released.size;
  }
  return [...recipients.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r.digest)
    .filter(
      (d) =>
        d.overdue.length + d.dueToday.length + d.upcoming.length + d.goingStale.length + d.team.length > 0 ||
        d.problems.length > 0,
    );
}

/** How many rows one section of an email lists before "… and N more" (keeps a large sheet's email small). */
const LISTED = 100;

/**
 * How many follow-ups one section of a digest lists, the most overdue first, before "… and N more: the sidebar's list
 * has them all": a rep reads a morning's email, not a report; and mail time grows with size (docs/performance.md),
 * so 200 reps' digests with hundreds of rows each would not fit one run.
 */
const FOLLOW_UPS_LISTED = 30;

type Translate = (key: MessageKey) => string;

function statusOf(item: DigestItem, t: Translate): string {
  const status =
    item.daysOverdue > 1
      ? fill(t("digest.overdueDays"), { days: item.daysOverdue })
      : item.daysOverdue === 1
        ? t("digest.overdueOneDay")
        : item.daysOverdue === 0
          ? t("digest.dueToday")
          : fill(t("digest.dueOn"), { date: item.nextDate });
  if (item.nextDateSource === "text") return fill(t("digest.item.dateFromText"), { status });
  return item.nextDateSource === "cadence" ? fill(t("digest.item.dateByCadence"), { status }) : status;
}

function problemLine(problem: DigestProblem, language: Language, timeZone: string): string {
  const t = translator(language);
  switch (problem.kind) {
    case "status":
      return statusLines({ problems: [problem.problem] }, language, timeZone)[0];
    case "team":
      return fill(t("problem.teamRow"), { row: problem.row, issue: fill(t(`team.problem.${problem.issue}`), problem) });
    case "collision":
      return collisionLine(problem.collision, language);
    case "setting":
      return problem.row === 0 ? t("digest.problem.noStages") : fill(t("digest.problem.setting"), problem);
    case "cell":
      return fill(t("problem.row"), {
        row: problem.row,
        column: columnSpec(problem.column).header[language],
        issue: fill(t(`problem.${problem.issue}`), { value: problem.value }),
      });
    default:
      return fill(t("problem.row"), {
        row: problem.row,
        column: columnSpec("owner").header[language],
        issue: fill(t(`digest.problem.${problem.kind}`), problem),
      });
  }
}

/** Room kept in an email for what is not a list entry: greeting, headings, "… more" lines, the pool line, footer. */
const FRAME_BYTES = 8 * 1024;

/** Entries every list shows, room permitting, before any list shows more. */
const FIRST_ENTRIES = 10;

const DUES = ["overdue", "dueToday", "upcoming"] as const;

type Sections = ReturnType<typeof sectionsOf>;

/**
 * The sections of a digest, each with its title and the rows it lists (a section with no rows is left out), and how
 * many entries of each list the email shows so that it stays within `EMAIL_BYTES` (./email-budget).
 */
function sectionsOf(digest: Digest) {
  const t = translator(digest.language);
  const size = (text: readonly string[], html: string) => utf8Bytes(text.join("\n")) + utf8Bytes(html) + 2;
  const [overdue = 0, dueToday = 0, upcoming = 0, goingStale = 0, team = 0, problems = 0] = shownCounts(
    [
      ...DUES.map((due) => digest[due].map((item) => size(itemText(item, t), htmlItem(item, due, t)))),
      digest.goingStale.map((item) => size(goingStaleText(item, t), goingStaleHtml(item, t))),
      digest.team.map((rep) => size([`- ${teamLine(rep, t)}`], htmlParagraph(teamLine(rep, t), PHONE_STYLE.listLine))),
      digest.problems.map((p) => size([problemText(p, digest)], problemHtml(p, digest))),
    ],
    EMAIL_BYTES - FRAME_BYTES,
    FIRST_ENTRIES,
    [FOLLOW_UPS_LISTED, FOLLOW_UPS_LISTED, FOLLOW_UPS_LISTED, FOLLOW_UPS_LISTED, LISTED, LISTED],
  );
  const shownOf = { overdue, dueToday, upcoming };
  const itemSections = DUES.map((due) => ({
    due,
    title: fill(t(`digest.section.${due}`), { count: digest[due].length }),
    items: digest[due],
    shown: shownOf[due],
  }));
  return {
    shown: { goingStale, team, problems },
    items: itemSections.filter((s) => s.items.length > 0),
    goingStale: digest.goingStale.length > 0 ? fill(t("digest.goingStale"), { days: digest.staleDays }) : "",
    team: digest.team.length > 0 ? t("digest.section.team") : "",
    problems: digest.problems.length > 0 ? fill(t("digest.section.problems"), { count: digest.problems.length }) : "",
  };
}

/** A rep of a manager's team as one line: their overdue and due-today counts. */
function teamLine(rep: Digest["team"][number], t: Translate): string {
  return fill(t("digest.team.line"), { ...rep, rep: oneLine(rep.rep) });
}

/** A customer going to the pool soon, as one line: customer, stage, last follow-up, days left. */
function goingStaleLine(item: Digest["goingStale"][number], t: Translate): string {
  return fill(t("digest.goingStale.line"), { ...item, customer: oneLine(item.customer), stage: oneLine(item.stage) });
}

/** The first `count` of `rows`, and the "… and N more" line when there are more. */
function listed<T>(rows: readonly T[], count: number, t: Translate): { shown: readonly T[]; more: string } {
  const more = rows.length > count ? fill(t("list.more"), { count: rows.length - count }) : "";
  return { shown: rows.slice(0, count), more };
}

/**
 * The items of a section past those shown: how many, and where to see them: the rep's filtered view when the section
 * is one it shows (overdue, due today) and the digest has one, else the first one's row (and the sidebar's list).
 */
function moreItems(
  items: readonly DigestItem[],
  shown: number,
  due: Due,
  filteredView: string | undefined,
  t: Translate,
): { line: string; link: string } | null {
  const next = items[shown];
  if (!next) return null;
  const count = items.length - shown;
  if (filteredView && due !== "upcoming")
    return { line: fill(t("digest.more.filteredView"), { count }), link: filteredView };
  return { line: fill(t("digest.more"), { count }), link: next.link };
}

/**
 * Whether the digest's email lists only part of the recipient's overdue or due-today follow-ups: its "… and N more"
 * line would then open their filtered view (see `renderDigest`), which must exist first.
 */
export function listsDuePartly(digest: Digest): boolean {
  return sectionsOf(digest).items.some(({ due, items, shown }) => due !== "upcoming" && shown < items.length);
}

/** An item in the plain-text email: a blank line, its first line bulleted, the rest and the link to its row indented. */
function itemText(item: DigestItem, t: Translate): string[] {
  const [first, ...rest] = itemLines(item, t).map((line) => line.text);
  const link = safeLink(item.link);
  return ["", `- ${first}`, ...[...rest, link].filter((line) => line !== "").map((line) => `  ${line}`)];
}

function goingStaleText(item: Digest["goingStale"][number], t: Translate): string[] {
  const link = safeLink(item.link);
  return ["", `- ${oneLine(goingStaleLine(item, t))}`, ...(link ? [`  ${link}`] : [])];
}

function goingStaleHtml(item: Digest["goingStale"][number], t: Translate): string {
  const open = htmlLink(item.link, t);
  const line = escapeHtml(oneLine(goingStaleLine(item, t)));
  return `<p style="${PHONE_STYLE.listLine}">${line}${open ? ` · ${open}` : ""}</p>`;
}

function problemText(problem: DigestProblem, digest: Digest): string {
  return `- ${oneLine(problemLine(problem, digest.language, digest.timeZone))}`;
}

function problemHtml(problem: DigestProblem, digest: Digest): string {
  return htmlParagraph(oneLine(problemLine(problem, digest.language, digest.timeZone)), PHONE_STYLE.listLine);
}

function htmlParagraph(text: string, style: string = STYLE.p): string {
  return `<p style="${style}">${escapeHtml(text)}</p>`;
}

/** "【跟进提醒】3 条逾期，2 条今日到期": the own counts; a digest with none names its team and problem sections instead. */
function subjectOf(digest: Digest): string {
  const t = translator(digest.language);
  const own = (["overdue", "dueToday", "upcoming"] as const)
    .filter((due) => digest[due].length > 0)
    .map((due) => fill(t(`digest.subject.${due}`), { count: digest[due].length }));
  const others = [
    digest.goingStale.length > 0 ? fill(t("digest.subject.goingStale"), { count: digest.goingStale.length }) : "",
    digest.team.length > 0 ? t("digest.subject.team") : "",
    digest.problems.length > 0 ? fill(t("digest.subject.problems"), { count: digest.problems.length }) : "",
  ].filter((part) => part !== "");
  const parts = own.length > 0 ? own : others;
  return fill(t("digest.subject"), { parts: parts.join(digest.language === "zh" ? "，" : ", ") });
}

/** Characters of the last follow-up's text an item shows before "…" (context only: the sheet has the rest). */
const SUMMARY_SHOWN = 60;

function shortened(text: string, length: number): string {
  const line = oneLine(text);
  return line.length > length ? `${line.slice(0, length)}…` : line;
}

/** A `tel:` value: digits and an optional leading "+", else none. */
function telOf(item: DigestItem): string {
  return /^\+?\d{7,15}$/.test(item.tel) ? item.tel : "";
}

/**
 * One item as short lines, for a phone's screen: the customer and stage; the contact and a phone number to tap (or
 * the contact details as typed); the next step; the last follow-up; how overdue. Each line in plain text and in HTML
 * (user text escaped); the link to the row comes last.
 */
function itemLines(item: DigestItem, t: Translate): { text: string; html: string; muted?: boolean }[] {
  const lines: { text: string; html: string; muted?: boolean }[] = [];
  const text = (value: string) => ({ text: value, html: escapeHtml(value) });
  const stage = oneLine(item.stage);
  lines.push({
    text: [oneLine(item.customer), stage].filter((part) => part !== "").join(" · "),
    html: `<b>${escapeHtml(oneLine(item.customer))}</b>${stage ? ` · ${escapeHtml(stage)}` : ""}`,
  });
  const contact = oneLine(item.contact);
  const tel = telOf(item);
  const reach = tel ? oneLine(item.phone) : oneLine(item.contactInfo);
  if (contact || reach) {
    const reachHtml = tel ? `<a href="tel:${tel}" style="${STYLE.a}">${escapeHtml(reach)}</a>` : escapeHtml(reach);
    const [before, after = ""] = t("digest.item.contact").split("{value}");
    lines.push({
      text: before + [contact, reach].filter((part) => part !== "").join(" · ") + after,
      html:
        escapeHtml(before) +
        [escapeHtml(contact), reachHtml].filter((part) => part !== "").join(" · ") +
        escapeHtml(after),
    });
  }
  if (item.nextStep.trim()) lines.push(text(fill(t("digest.item.nextStep"), { value: oneLine(item.nextStep) })));
  if (item.lastSummary.trim()) {
    const summary = fill(t("digest.item.lastSummary"), { value: shortened(item.lastSummary, SUMMARY_SHOWN) });
    lines.push({ ...text(summary), muted: true });
  }
  lines.push(text(statusOf(item, t)));
  return lines;
}

function textOf(digest: Digest, sections: Sections, options: RenderOptions): string {
  const t = translator(digest.language);
  const lines = [
    fill(t("digest.greeting"), { name: oneLine(digest.name) }),
    fill(t("digest.intro"), { spreadsheet: oneLine(options.spreadsheetName), today: options.today }),
  ];
  for (const { due, title, items, shown } of sections.items) {
    lines.push("", `■ ${title}`);
    for (const item of items.slice(0, shown)) lines.push(...itemText(item, t));
    const more = moreItems(items, shown, due, options.filteredView, t);
    if (more) lines.push("", more.line, ...(safeLink(more.link) ? [`  ${safeLink(more.link)}`] : []));
  }
  if (sections.goingStale) {
    const { shown, more } = listed(digest.goingStale, sections.shown.goingStale, t);
    lines.push("", `■ ${sections.goingStale}`);
    for (const item of shown) lines.push(...goingStaleText(item, t));
    if (more) lines.push("", more);
  }
  if (sections.team) {
    lines.push("", `■ ${sections.team}`);
    const { shown, more } = listed(digest.team, sections.shown.team, t);
    for (const r of shown) lines.push(`- ${teamLine(r, t)}`);
    if (more) lines.push(more);
  }
  if (sections.problems) {
    const { shown, more } = listed(digest.problems, sections.shown.problems, t);
    lines.push("", `■ ${sections.problems}`, t("digest.problems.note"));
    for (const problem of shown) lines.push(problemText(problem, digest));
    if (more) lines.push(more);
  }
  if (digest.poolCount > 0) lines.push("", fill(t("digest.pool"), { count: digest.poolCount }));
  lines.push("", t("digest.footer"));
  return `${lines.join("\n")}\n`;
}

const SECTION_COLOR: Record<Due, string> = { overdue: "#c5221f", dueToday: "#b06000", upcoming: "#1a73e8" };

/** Narrow enough for a 360 px screen: blocks of short lines, no tables, long words broken. */
const PHONE_STYLE = {
  body: `${STYLE.body};max-width:600px;overflow-wrap:anywhere`,
  item: "margin:0;padding:8px 0;border-bottom:1px solid #e8eaed",
  line: "margin:0 0 2px",
  muted: "margin:0 0 2px;color:#5f6368",
  listLine: "margin:0 0 6px",
} as const;

function htmlHeading(title: string, color = "#202124"): string {
  return `<h3 style="${STYLE.h};color:${color}">${escapeHtml(title)}</h3>`;
}

function htmlLink(link: string, t: Translate): string {
  const href = safeLink(link);
  return href === "" ? "" : `<a href="${escapeHtml(href)}" style="${STYLE.a}">${escapeHtml(t("digest.open"))}</a>`;
}

function htmlItem(item: DigestItem, due: Due, t: Translate): string {
  const lines = itemLines(item, t);
  const last = lines.length - 1;
  const html = lines.map((line, i) => {
    if (i < last) return `<p style="${line.muted ? PHONE_STYLE.muted : PHONE_STYLE.line}">${line.html}</p>`;
    const open = htmlLink(item.link, t);
    const status = `<span style="color:${SECTION_COLOR[due]}">${line.html}</span>`;
    return `<p style="${PHONE_STYLE.line}">${status}${open ? ` · ${open}` : ""}</p>`;
  });
  return `<div style="${PHONE_STYLE.item}">${html.join("")}</div>`;
}

function htmlOf(digest: Digest, sections: Sections, options: RenderOptions): string {
  const t = translator(digest.language);
  const paragraph = htmlParagraph;
  const parts = [
    paragraph(fill(t("digest.greeting"), { name: oneLine(digest.name) })),
    paragraph(fill(t("digest.intro"), { spreadsheet: oneLine(options.spreadsheetName), today: options.today })),
  ];
  for (const { due, title, items, shown } of sections.items) {
    parts.push(htmlHeading(title, SECTION_COLOR[due]), ...items.slice(0, shown).map((item) => htmlItem(item, due, t)));
    const more = moreItems(items, shown, due, options.filteredView, t);
    if (more) {
      const open = htmlLink(more.link, t);
      parts.push(`<p style="${STYLE.p}">${escapeHtml(more.line)}${open ? ` · ${open}` : ""}</p>`);
    }
  }
  if (sections.goingStale) {
    const { shown, more } = listed(digest.goingStale, sections.shown.goingStale, t);
    parts.push(htmlHeading(sections.goingStale, "#b06000"), ...shown.map((item) => goingStaleHtml(item, t)));
    if (more) parts.push(paragraph(more));
  }
  if (sections.team) {
    const { shown, more } = listed(digest.team, sections.shown.team, t);
    parts.push(htmlHeading(sections.team), ...shown.map((r) => paragraph(teamLine(r, t), PHONE_STYLE.listLine)));
    if (more) parts.push(paragraph(more));
  }
  if (sections.problems) {
    const { shown, more } = listed(digest.problems, sections.shown.problems, t);
    parts.push(htmlHeading(sections.problems), paragraph(t("digest.problems.note")));
    for (const problem of shown) parts.push(problemHtml(problem, digest));
    if (more) parts.push(paragraph(more));
  }
  if (digest.poolCount > 0) parts.push(paragraph(fill(t("digest.pool"), { count: digest.poolCount })));
  parts.push(paragraph(t("digest.footer"), STYLE.footer));
  return `<div style="${PHONE_STYLE.body}">${parts.join("")}</div>`;
}

/** What an email is rendered with besides its digest. */
export interface RenderOptions {
  spreadsheetName: string;
  /** yyyy-mm-dd. */
  today: string;
  /** The URL of the recipient's filtered view of their overdue and due-today rows, when they have one. */
  filteredView?: string;
}

/**
 * The email of a digest in its language: subject with the counts, a plain-text body and an HTML body (user text
 * escaped). An overdue or due-today section cut short ends with "… and N more", linked to the recipient's filtered
 * view when `filteredView` is given, else to the first row not listed.
 */
export function renderDigest(digest: Digest, options: RenderOptions): { subject: string; text: string; html: string } {
  const sections = sectionsOf(digest);
  return {
    subject: subjectOf(digest),
    text: textOf(digest, sections, options),
    html: htmlOf(digest, sections, options),
  };
}
