/** The weekly review email to managers: the KPIs, the most overdue follow-ups and a link to the review sheet. */

import type { MessageKey } from "../i18n/messages";
import { fill, translator } from "../i18n/translate";
import type { Day } from "./dates";
import type { Agenda } from "./due";
import type { FollowUp } from "./follow-ups";
import { escapeHtml, htmlTable, oneLine, EMAIL_STYLE as STYLE, safeLink } from "./html";
import type { Language } from "./language";
import { NOW_FIGURES, type ReviewKpis, WEEK_FIGURES } from "./review-kpis";
import { overdueNowRows } from "./review-rows";

/** One overdue follow-up as the review email lists it. */
export interface ReviewOverdueItem {
  customer: string;
  owner: string;
  stage: string;
  nextStep: string;
  /** Days past the next follow-up date (1 or more). */
  daysOverdue: number;
  /** Opens the sheet at the row. */
  link: string;
}

export interface ReviewEmailInput {
  kpis: ReviewKpis;
  /** Most overdue first; the email lists at most `TOP_OVERDUE`. */
  topOverdue: ReviewOverdueItem[];
  reviewUrl: string;
  spreadsheetName: string;
  language: Language;
}

/** How many overdue follow-ups the email lists. */
export const TOP_OVERDUE = 10;

/** The overdue follow-ups the daily digests count (see `overdueNowRows`), most overdue first, then by row; at most `TOP_OVERDUE`. */
export function topOverdue(
  followUps: readonly FollowUp[],
  agenda: Agenda,
  today: Day,
  link: (row: number) => string,
): ReviewOverdueItem[] {
  return overdueNowRows(agenda, followUps, today)
    .sort((a, b) => (a.nextDate as Day) - (b.nextDate as Day) || a.row - b.row)
    .slice(0, TOP_OVERDUE)
    .map((f) => ({
      customer: f.customer,
      owner: f.owner,
      stage: f.stage,
      nextStep: f.nextStep,
      daysOverdue: today - (f.nextDate as Day),
      link: link(f.row),
    }));
}

type Translate = (key: MessageKey) => string;

/** A figure as the email shows it: the win rate as a whole percentage, no value as "n/a". */
function valueText(figure: string, value: number | null, t: Translate): string {
  if (value === null) return t("review.email.blank");
  return figure === "winRate" ? `${Math.round(value * 100)}%` : String(value);
}

function statusOf(item: ReviewOverdueItem, t: Translate): string {
  return item.daysOverdue === 1 ? t("digest.overdueOneDay") : fill(t("digest.overdueDays"), { days: item.daysOverdue });
}

/** What both bodies show, already in the email's language (user text not yet escaped). */
function contentOf(input: ReviewEmailInput) {
  const t = translator(input.language);
  const { kpis } = input;
  const span = { from: kpis.thisWeek.weekStart, to: kpis.thisWeek.weekEnd };
  const items = input.topOverdue.slice(0, TOP_OVERDUE);
  return {
    t,
    intro: fill(t("review.email.intro"), { ...span, spreadsheet: oneLine(input.spreadsheetName) }),
    weekHeaders: [
      fill(t("review.kpi.thisWeek"), span),
      fill(t("review.kpi.previousWeek"), { from: kpis.previousWeek.weekStart, to: kpis.previousWeek.weekEnd }),
    ],
    weekly: WEEK_FIGURES.map((figure) => ({
      label: t(`review.kpi.${figure}`),
      value: valueText(figure, kpis.thisWeek[figure], t),
      previous: valueText(figure, kpis.previousWeek[figure], t),
    })),
    nowTitle: fill(t("review.kpi.now"), { today: kpis.today }),
    now: NOW_FIGURES.map((figure) => ({
      label: t(`review.kpi.${figure}`),
      value: String(kpis[figure]),
      line: fill(t(`review.email.now.${figure}`), { value: kpis[figure] }),
    })),
    overdueTitle:
      items.length > 0
        ? fill(t("review.email.overdue"), { total: kpis.overdueNow, shown: items.length })
        : t("review.email.noOverdue"),
    items: items.map((item) => ({
      cells: [item.customer, item.owner, item.stage, item.nextStep, statusOf(item, t)].map(oneLine),
      link: safeLink(item.link),
    })),
    reviewUrl: safeLink(input.reviewUrl),
  };
}

function textOf(input: ReviewEmailInput): string {
  const c = contentOf(input);
  const lines = [c.intro, "", `■ ${c.t("review.email.figures")}`];
  for (const row of c.weekly) lines.push(`- ${fill(c.t("review.email.line"), row)}`);
  lines.push("", `■ ${c.nowTitle}`);
  for (const row of c.now) lines.push(`- ${row.line}`);
  lines.push("", `■ ${c.overdueTitle}`);
  for (const item of c.items) lines.push(`- ${[...item.cells, item.link].filter((part) => part !== "").join(" · ")}`);
  if (c.reviewUrl) lines.push("", fill(c.t("review.email.openLine"), { url: c.reviewUrl }));
  lines.push("", c.t("review.email.footer"));
  return `${lines.join("\n")}\n`;
}

/** A link to an already-safe URL ("" when there is none). */
function htmlLink(href: string, text: string): string {
  return href === "" ? "" : `<a href="${escapeHtml(href)}" style="${STYLE.a}">${escapeHtml(text)}</a>`;
}

function htmlOf(input: ReviewEmailInput): string {
  const c = contentOf(input);
  const paragraph = (html: string, style: string = STYLE.p) => `<p style="${style}">${html}</p>`;
  const heading = (title: string, color = "#202124") =>
    `<h3 style="${STYLE.h};color:${color}">${escapeHtml(title)}</h3>`;
  const escaped = (cells: readonly string[]) => cells.map(escapeHtml);
  const parts = [
    paragraph(escapeHtml(c.intro)),
    heading(c.t("review.email.figures")),
    htmlTable(
      [c.t("review.kpi.figure"), ...c.weekHeaders],
      c.weekly.map((row) => escaped([row.label, row.value, row.previous])),
    ),
    heading(c.nowTitle),
    htmlTable(
      [],
      c.now.map((row) => escaped([row.label, row.value])),
    ),
    heading(c.overdueTitle, "#c5221f"),
  ];
  if (c.items.length > 0) {
    const headers = (["customer", "owner", "stage", "nextStep", "status"] as const).map((column) =>
      column === "owner" ? c.t("review.email.owner") : c.t(`digest.column.${column}`),
    );
    const rows = c.items.map((item) => [...escaped(item.cells), htmlLink(item.link, c.t("digest.open"))]);
    parts.push(htmlTable([...headers, ""], rows));
  }
  if (c.reviewUrl) parts.push(paragraph(htmlLink(c.reviewUrl, c.t("review.email.open"))));
  parts.push(paragraph(escapeHtml(c.t("review.email.footer")), STYLE.footer));
  return `<div style="${STYLE.body}">${parts.join("")}</div>`;
}

/** The weekly review email in `language`: subject "【周报】2026-11-23 – 2026-11-29 跟进 42 条，成交 3 个", text and HTML (user text escaped, links only http(s)). */
export function renderReviewEmail(input: ReviewEmailInput): { subject: string; text: string; html: string } {
  const { thisWeek } = input.kpis;
  const subject = fill(translator(input.language)("review.email.subject"), {
    from: thisWeek.weekStart,
    to: thisWeek.weekEnd,
    followUps: thisWeek.followUps,
    won: thisWeek.won,
  });
  return { subject, text: textOf(input), html: htmlOf(input) };
}
