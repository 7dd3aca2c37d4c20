/** The weekly review's KPIs: last complete week against the week before, what stands today, and the block the review sheet shows. */

import { fill, translator } from "../i18n/translate";
import { type Day, isoOfDay } from "./dates";
import type { Agenda } from "./due";
import type { FollowUp } from "./follow-ups";
import type { Language } from "./language";
import type { FormattedRange, ReviewBlock } from "./review-block";
import { total } from "./review-funnel";
import { overdueNowRows } from "./review-rows";
import { type ReviewBasis, reviewBasis, reviewedMonday, reviewWeek, staleCustomers } from "./review-weeks";

/** One week's figures (Monday to Sunday, by follow-up date). */
export interface WeekKpis {
  /** yyyy-mm-dd, a Monday. */
  weekStart: string;
  /** yyyy-mm-dd, the Sunday after `weekStart`. */
  weekEnd: string;
  /** Rows whose follow-up date falls in the week. */
  followUps: number;
  /** Customers whose first follow-up falls in the week. */
  newCustomers: number;
  /** Customers whose latest row is of kind won and dated in the week. */
  won: number;
  /** Customers whose latest row is of kind lost and dated in the week. */
  lost: number;
  /** won / (won + lost), null when both are 0. */
  winRate: number | null;
  /** Median days from first follow-up to the winning row, over the customers won in the week; null when none. */
  medianDaysToWin: number | null;
  /** The weighted open pipeline at the end of the week: amounts × their stage's win probability (./review-funnel). */
  pipeline: number;
}

export interface ReviewKpis {
  /** The last complete week before today's. */
  thisWeek: WeekKpis;
  /** The week before that. */
  previousWeek: WeekKpis;
  /** Overdue rows not superseded by a newer follow-up of their customer, as the daily digests count them. */
  overdueNow: number;
  /** Customers whose current stage is open, with no follow-up for `staleDays` days or more. */
  staleCustomers: number;
  /** Rows a person has to fix (see `reviewRows`). */
  unreadable: number;
  /** yyyy-mm-dd, the day the figures are as of. */
  today: string;
  staleDays: number;
}

/** The weekly figures, in the order the review shows them. */
export const WEEK_FIGURES = [
  "followUps",
  "newCustomers",
  "won",
  "lost",
  "winRate",
  "medianDaysToWin",
  "pipeline",
] as const;

/** The figures that stand today, in the order the review shows them. */
export const NOW_FIGURES = ["overdueNow", "staleCustomers", "unreadable"] as const;

const LAYOUT = ["title", "header", ...WEEK_FIGURES, "now", ...NOW_FIGURES] as const;

/** Row index (0-based) of each line of `kpiGrid`. */
export const KPI_ROWS = Object.fromEntries(LAYOUT.map((line, index) => [line, index])) as Record<
  (typeof LAYOUT)[number],
  number
>;

/** Column index (0-based) of each column of `kpiGrid`; figures that stand today have their value under `thisWeek`. */
export const KPI_COLUMNS = { label: 0, thisWeek: 1, previousWeek: 2, definition: 3 } as const;

/** The cells of `kpiGrid` shown as a percentage (the win rate) or as money (the pipeline). */
export const KPI_FORMATS: readonly FormattedRange[] = [
  { row: KPI_ROWS.winRate, column: KPI_COLUMNS.thisWeek, height: 1, width: 2, format: "percent" },
  { row: KPI_ROWS.pipeline, column: KPI_COLUMNS.thisWeek, height: 1, width: 2, format: "money" },
];

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One week's figures from its rows (see ./review-weeks). */
function weekKpis(basis: ReviewBasis, monday: Day): WeekKpis {
  const week = reviewWeek(basis, monday);
  const won = week.won.length;
  const lost = week.lost.length;
  const firstDate = (f: FollowUp) => basis.first.get(f.customerKey)?.date as Day;
  return {
    weekStart: isoOfDay(monday),
    weekEnd: isoOfDay(monday + 6),
    followUps: week.followUps.length,
    newCustomers: week.newCustomers.length,
    won,
    lost,
    winRate: won + lost === 0 ? null : won / (won + lost),
    medianDaysToWin: median(week.won.map((f) => (f.date as Day) - firstDate(f))),
    pipeline: total(week.pipeline.map((p) => p.weighted)),
  };
}

/**
 * The review's KPIs as of `today` (the spreadsheet's day): the last complete Monday–Sunday week before today's week
 * and the week before it, the overdue rows and stale customers now, and `unreadable` as `reviewRows` counted it.
 * Rows without a date or a customer count nowhere but in `unreadable`, except that overdue rows are counted as the
 * daily digests count them.
 */
export function weeklyKpis(followUps: FollowUp[], agenda: Agenda, today: Day, unreadable: number): ReviewKpis {
  const basis = reviewBasis(followUps, agenda);
  const monday = reviewedMonday(today);
  return {
    thisWeek: weekKpis(basis, monday),
    previousWeek: weekKpis(basis, monday - 7),
    overdueNow: overdueNowRows(agenda, followUps, today).length,
    staleCustomers: staleCustomers(basis, today).length,
    unreadable,
    today: isoOfDay(today),
    staleDays: agenda.settings.staleDays,
  };
}

/**
 * The KPI block for the top of the review sheet, 4 columns wide (see `KPI_ROWS`, `KPI_COLUMNS`): a title, a header,
 * the weekly figures for both weeks, then the figures as of today; each with its definition. The win rate is a
 * fraction and the pipeline an amount (the sheet formats them: `KPI_FORMATS`); a figure with no value is "".
 */
export function kpiGrid(kpis: ReviewKpis, language: Language): ReviewBlock["grid"] {
  const t = translator(language);
  const span = (week: WeekKpis) => ({ from: week.weekStart, to: week.weekEnd });
  const weekRows = WEEK_FIGURES.map((figure) => [
    t(`review.kpi.${figure}`),
    kpis.thisWeek[figure] ?? "",
    kpis.previousWeek[figure] ?? "",
    t(`review.kpi.${figure}.definition`),
  ]);
  const nowRows = NOW_FIGURES.map((figure) => [
    t(`review.kpi.${figure}`),
    kpis[figure],
    "",
    fill(t(`review.kpi.${figure}.definition`), { days: kpis.staleDays }),
  ]);
  return [
    [fill(t("review.title"), span(kpis.thisWeek)), "", "", ""],
    [
      t("review.kpi.figure"),
      fill(t("review.kpi.thisWeek"), span(kpis.thisWeek)),
      fill(t("review.kpi.previousWeek"), span(kpis.previousWeek)),
      t("review.kpi.definition"),
    ],
    ...weekRows,
    [fill(t("review.kpi.now"), { today: kpis.today }), "", "", ""],
    ...nowRows,
  ];
}
