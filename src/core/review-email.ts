/** The weekly review email to managers, in the reader's language: the KPIs, the funnel and pipeline, each rep's week against the week before, the customers won, lost and going stale, the most overdue follow-ups, and a link to the review sheet. */

import { fill, translator } from "../i18n/translate";
import { moneyText, percentText } from "./amounts";
import type { Day } from "./dates";
import type { Agenda } from "./due";
import type { FollowUp } from "./follow-ups";
import { escapeHtml, htmlTable, oneLine, EMAIL_STYLE as STYLE, safeLink } from "./html";
import type { Language } from "./language";
import type { Funnel } from "./review-funnel";
import { NOW_FIGURES, type ReviewKpis, WEEK_FIGURES } from "./review-kpis";
import type { CustomerLists, NamedCustomer } from "./review-lists";
import { REP_FIGURES, type RepLine } from "./review-reps";
import { overdueNowRows } from "./review-rows";
import { type Settings, stageNameIn } from "./settings";

/** One overdue follow-up as the review email lists it. */
export interface ReviewOverdueItem {
  customer: string;
  owner: string;
  /** As typed in the sheet (shown in the reader's language). */
  stage: string;
  nextStep: string;
  /** Days past the next follow-up date (1 or more). */
  daysOverdue: number;
  /** Opens the sheet at the row. */
  link: string;
}

export interface ReviewEmailInput {
  kpis: ReviewKpis;
  funnel: Funnel;
  reps: RepLine[];
  lists: CustomerLists;
  /** Most overdue first; the email lists at most `TOP_OVERDUE`. */
  topOverdue: ReviewOverdueItem[];
  /** Stage names are shown in the reader's language, as Settings names them. */
  settings: Settings;
  /** The symbol money is shown with (./amounts `currencySymbol`). */
  currency: string;
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

/** A row of a section: its cells (user text not yet escaped), an optional link, and the line the text body shows. */
interface Row {
  cells: string[];
  link: string;
  line: string;
}

/** A section of the email: a heading, then a table in HTML and a list in text. */
interface Section {
  title: string;
  color?: string;
  headers: string[];
  rows: Row[];
  /** Whether the table has a link column. */
  linked: boolean;
}

/** A row whose text line is its cells and link joined. */
function plainRow(cells: string[], link = ""): Row {
  const shown = cells.map(oneLine);
  return { cells: shown, link, line: [...shown, link].filter((part) => part !== "").join(" · ") };
}

/** What both bodies show, in the reader's language (user text not yet escaped). */
function sectionsOf(input: ReviewEmailInput): { intro: string; sections: Section[] } {
  const t = translator(input.language);
  const { kpis, settings } = input;
  const money = (amount: number) => moneyText(amount, input.currency);
  const stage = (name: string) => stageNameIn(settings, name, input.language);
  const weekValue = (figure: (typeof WEEK_FIGURES)[number], value: number | null) => {
    if (value === null) return t("review.email.blank");
    if (figure === "winRate") return percentText(value);
    return figure === "pipeline" ? money(value) : String(value);
  };
  const span = { from: kpis.thisWeek.weekStart, to: kpis.thisWeek.weekEnd };
  const figures: Section = {
    title: t("review.email.figures"),
    headers: [
      t("review.kpi.figure"),
      fill(t("review.kpi.thisWeek"), span),
      fill(t("review.kpi.previousWeek"), { from: kpis.previousWeek.weekStart, to: kpis.previousWeek.weekEnd }),
    ],
    linked: false,
    rows: WEEK_FIGURES.map((figure) => {
      const row = {
        label: t(`review.kpi.${figure}`),
        value: weekValue(figure, kpis.thisWeek[figure]),
        previous: weekValue(figure, kpis.previousWeek[figure]),
      };
      return { cells: [row.label, row.value, row.previous], link: "", line: fill(t("review.email.line"), row) };
    }),
  };
  const now: Section = {
    title: fill(t("review.kpi.now"), { today: kpis.today }),
    headers: [],
    linked: false,
    rows: NOW_FIGURES.map((figure) => ({
      cells: [t(`review.kpi.${figure}`), String(kpis[figure])],
      link: "",
      line: fill(t(`review.email.now.${figure}`), { value: kpis[figure] }),
    })),
  };
  const blank = (value: number | null, shown: (value: number) => string) =>
    value === null ? t("review.email.blank") : shown(value);
  const { funnel } = input;
  const funnelSection: Section = {
    title: t("review.email.funnel"),
    headers: (["stage", "customers", "reached", "conversion", "weighted"] as const).map((c) => t(`review.funnel.${c}`)),
    linked: false,
    rows: [
      ...funnel.lines.map((line) => {
        const values = {
          stage: stage(line.stage),
          customers: line.customers,
          reached: line.reached ?? "",
          conversion: line.kind === "open" ? blank(line.conversion, percentText) : "",
          weighted: line.weighted === null ? "" : money(line.weighted),
        };
        return {
          cells: [values.stage, ...[values.customers, values.reached, values.conversion, values.weighted].map(String)],
          link: "",
          line: fill(t(`review.email.funnel.${line.kind}`), values),
        };
      }),
      {
        cells: [t("review.funnel.total"), String(funnel.customers), "", "", money(funnel.weighted)],
        link: "",
        line: fill(t("review.email.funnel.total"), {
          customers: funnel.customers,
          amount: money(funnel.amount),
          weighted: money(funnel.weighted),
        }),
      },
    ],
  };
  const repValue = (figure: (typeof REP_FIGURES)[number], value: number) =>
    figure === "pipeline" ? money(value) : String(value);
  const reps: Section = {
    title: t("review.email.reps"),
    headers: [t("review.reps.rep"), ...REP_FIGURES.map((f) => t(`review.kpi.${f}`)), t("review.kpi.overdueNow")],
    linked: false,
    rows: input.reps.map((line) => {
      const versus = REP_FIGURES.map((figure) =>
        fill(t("review.email.versus"), {
          value: repValue(figure, line.thisWeek[figure]),
          previous: repValue(figure, line.previousWeek[figure]),
        }),
      );
      const cells = [
        line.rep === "" ? t("review.reps.noOwner") : oneLine(line.rep),
        ...versus,
        String(line.overdueNow),
      ];
      const labelled = [...REP_FIGURES, "overdueNow" as const].map(
        (figure, i) => `${t(`review.kpi.${figure}`)} ${cells[i + 1]}`,
      );
      return {
        cells,
        link: "",
        line: fill(t("review.email.repLine"), { rep: cells[0], figures: labelled.join(" · ") }),
      };
    }),
  };
  const listHeaders = (["customer", "owner", "stage", "amount", "days"] as const).map((c) =>
    t(`review.list.column.${c}`),
  );
  const listSection = (which: keyof CustomerLists, color?: string): Section => {
    const { items, total } = input.lists[which];
    const cells = (item: NamedCustomer) => [
      item.customer,
      item.owner,
      stage(item.stage),
      item.amount === null ? "" : money(item.amount),
      item.days === 1 ? t("review.email.dayAgo") : fill(t("review.email.daysAgo"), { days: item.days }),
    ];
    return {
      title: fill(t(`review.list.${which}`), { total, shown: items.length, days: settings.staleDays }),
      color,
      headers: listHeaders,
      linked: true,
      rows: items.map((item) => plainRow(cells(item), safeLink(item.link))),
    };
  };
  const items = input.topOverdue.slice(0, TOP_OVERDUE);
  const overdue: Section = {
    title:
      items.length > 0
        ? fill(t("review.email.overdue"), { total: kpis.overdueNow, shown: items.length })
        : t("review.email.noOverdue"),
    color: "#c5221f",
    headers: (["customer", "owner", "stage", "nextStep", "status"] as const).map((column) =>
      column === "owner" ? t("review.email.owner") : t(`digest.column.${column}`),
    ),
    linked: true,
    rows: items.map((item) =>
      plainRow(
        [
          item.customer,
          item.owner,
          stage(item.stage),
          item.nextStep,
          item.daysOverdue === 1
            ? t("digest.overdueOneDay")
            : fill(t("digest.overdueDays"), { days: item.daysOverdue }),
        ],
        safeLink(item.link),
      ),
    ),
  };
  return {
    intro: fill(t("review.email.intro"), { ...span, spreadsheet: oneLine(input.spreadsheetName) }),
    sections: [
      figures,
      now,
      funnelSection,
      reps,
      listSection("won", "#188038"),
      listSection("lost"),
      listSection("stale", "#b06000"),
      overdue,
    ],
  };
}

function textOf(input: ReviewEmailInput): string {
  const t = translator(input.language);
  const { intro, sections } = sectionsOf(input);
  const lines = [intro];
  for (const section of sections) {
    lines.push("", `■ ${section.title}`, ...section.rows.map((row) => `- ${row.line}`));
  }
  const reviewUrl = safeLink(input.reviewUrl);
  if (reviewUrl) lines.push("", fill(t("review.email.openLine"), { url: reviewUrl }));
  lines.push("", t("review.email.footer"));
  return `${lines.join("\n")}\n`;
}

/** A link to an already-safe URL ("" when there is none). */
function htmlLink(href: string, text: string): string {
  return href === "" ? "" : `<a href="${escapeHtml(href)}" style="${STYLE.a}">${escapeHtml(text)}</a>`;
}

function htmlOf(input: ReviewEmailInput): string {
  const t = translator(input.language);
  const { intro, sections } = sectionsOf(input);
  const paragraph = (html: string, style: string = STYLE.p) => `<p style="${style}">${html}</p>`;
  const parts = [paragraph(escapeHtml(intro))];
  for (const section of sections) {
    parts.push(`<h3 style="${STYLE.h};color:${section.color ?? "#202124"}">${escapeHtml(section.title)}</h3>`);
    if (section.rows.length === 0) continue;
    const rows = section.rows.map((row) => [
      ...row.cells.map(escapeHtml),
      ...(section.linked ? [htmlLink(row.link, t("digest.open"))] : []),
    ]);
    parts.push(htmlTable(section.linked ? [...section.headers, ""] : section.headers, rows));
  }
  const reviewUrl = safeLink(input.reviewUrl);
  if (reviewUrl) parts.push(paragraph(htmlLink(reviewUrl, t("review.email.open"))));
  parts.push(paragraph(escapeHtml(t("review.email.footer")), STYLE.footer));
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
