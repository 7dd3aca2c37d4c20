/** The weekly review's KPIs: last complete week against the week before, what stands today, and the block the review sheet shows. */

import { fill, translator } from "../i18n/translate";
import { type Day, isoOfDay, mondayOf } from "./dates";
import type { Agenda } from "./due";
import type { FollowUp } from "./follow-ups";
import type { Language } from "./language";
import { overdueNowRows } from "./review-rows";
import { stageKindOf } from "./settings";

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
export const WEEK_FIGURES = ["followUps", "newCustomers", "won", "lost", "winRate", "medianDaysToWin"] as const;

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

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The review's KPIs as of `today` (the spreadsheet's day): the last complete Monday–Sunday week before today's week
 * and the week before it, the overdue rows and stale customers now, and `unreadable` as `reviewRows` counted it.
 * Rows without a date or a customer count nowhere but in `unreadable`, except that overdue rows are counted as the
 * daily digests count them.
 */
export function weeklyKpis(followUps: FollowUp[], agenda: Agenda, today: Day, unreadable: number): ReviewKpis {
  const { settings } = agenda;
  const readable = followUps.filter((f) => f.date !== null && f.customerKey !== "");
  const firstDate = new Map<string, Day>();
  for (const f of readable) {
    const first = firstDate.get(f.customerKey);
    if (first === undefined || (f.date as Day) < first) firstDate.set(f.customerKey, f.date as Day);
  }
  const latest = [...agenda.latest.values()].filter((f) => f.date !== null);
  const week = (monday: Day): WeekKpis => {
    const inWeek = (day: Day) => day >= monday && day <= monday + 6;
    const closed = (kind: "won" | "lost") =>
      latest.filter((f) => inWeek(f.date as Day) && stageKindOf(settings, f.stage) === kind);
    const won = closed("won");
    const lost = closed("lost").length;
    return {
      weekStart: isoOfDay(monday),
      weekEnd: isoOfDay(monday + 6),
      followUps: readable.filter((f) => inWeek(f.date as Day)).length,
      newCustomers: [...firstDate.values()].filter(inWeek).length,
      won: won.length,
      lost,
      winRate: won.length + lost === 0 ? null : won.length / (won.length + lost),
      medianDaysToWin: median(won.map((f) => (f.date as Day) - (firstDate.get(f.customerKey) as Day))),
    };
  };
  const lastMonday = mondayOf(today) - 7;
  return {
    thisWeek: week(lastMonday),
    previousWeek: week(lastMonday - 7),
    overdueNow: overdueNowRows(agenda, followUps, today).length,
    staleCustomers: latest.filter((f) => {
      const kind = stageKindOf(settings, f.stage);
      return kind !== "won" && kind !== "lost" && today - (f.date as Day) >= settings.staleDays;
    }).length,
    unreadable,
    today: isoOfDay(today),
    staleDays: settings.staleDays,
  };
}

/**
 * The KPI block for the top of the review sheet, 4 columns wide (see `KPI_ROWS`, `KPI_COLUMNS`): a title, a header,
 * the weekly figures for both weeks, then the figures as of today; each with its definition. The win rate is a
 * fraction (the sheet formats it as a percentage); a figure with no value is "".
 */
export function kpiGrid(kpis: ReviewKpis, language: Language): unknown[][] {
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
