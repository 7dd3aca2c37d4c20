/** The review's per-rep comparison: each rep's follow-ups, new customers, won, lost and weighted pipeline last week against the week before, and their overdue follow-ups now. */

import { fill, translator } from "../i18n/translate";
import type { Day } from "./dates";
import type { Agenda } from "./due";
import type { FollowUp } from "./follow-ups";
import type { Language } from "./language";
import type { ReviewBlock } from "./review-block";
import { overdueNowRows } from "./review-rows";
import { type ReviewWeek, reviewBasis, reviewedMonday, reviewWeek } from "./review-weeks";
import { ownerOf, type TeamMember } from "./team";

/** One rep's figures for one week, counted as the KPIs count them (./review-weeks). */
export interface RepWeek {
  followUps: number;
  newCustomers: number;
  won: number;
  lost: number;
  /** The weighted open pipeline of the rep's customers at the end of the week. */
  pipeline: number;
}

export interface RepLine {
  /** The Team member's name, or the owner cell as typed when it names nobody on Team; "" for rows without an owner. */
  rep: string;
  /** The last complete week, and the week before it. */
  thisWeek: RepWeek;
  previousWeek: RepWeek;
  /** Overdue follow-ups now, as the daily digests count them. */
  overdueNow: number;
}

/** Counts rows per rep. */
function perRep<T>(items: readonly T[], repOf: (item: T) => string, weight: (item: T) => number = () => 1) {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(repOf(item), (counts.get(repOf(item)) ?? 0) + weight(item));
  return counts;
}

/**
 * Each rep's figures: a row counts for the rep its owner cell names (the follow-up's row, a new customer's first row,
 * a won or lost customer's latest row, a pipeline customer's latest row at the end of the week). Every rep on the
 * Team sheet is listed, in Team order, even with nothing to show; then anyone else with a figure, by name; rows
 * without an owner last.
 */
export function repLines(
  followUps: readonly FollowUp[],
  agenda: Agenda,
  today: Day,
  members: readonly TeamMember[],
): RepLine[] {
  const names = new Map<string, string>();
  const repOf = (f: FollowUp): string => {
    let rep = names.get(f.owner);
    if (rep === undefined) {
      const owner = ownerOf(members, f.owner);
      rep = "member" in owner ? owner.member.name : f.owner.trim();
      names.set(f.owner, rep);
    }
    return rep;
  };
  const basis = reviewBasis(followUps, agenda);
  const monday = reviewedMonday(today);
  const counted = (week: ReviewWeek) => ({
    followUps: perRep(week.followUps, repOf),
    newCustomers: perRep(week.newCustomers, repOf),
    won: perRep(week.won, repOf),
    lost: perRep(week.lost, repOf),
    pipeline: perRep(
      week.pipeline,
      (p) => repOf(p.latest),
      (p) => p.weighted,
    ),
  });
  const weeks = [counted(reviewWeek(basis, monday)), counted(reviewWeek(basis, monday - 7))] as const;
  const overdue = perRep(overdueNowRows(agenda, followUps, today), repOf);
  const team = members.filter((m) => m.role === "rep" && m.name.trim() !== "").map((m) => m.name);
  const others = new Set<string>([...overdue.keys()]);
  for (const week of weeks) for (const counts of Object.values(week)) for (const rep of counts.keys()) others.add(rep);
  for (const rep of team) others.delete(rep);
  const rest = [...others].filter((rep) => rep !== "").sort((a, b) => a.localeCompare(b));
  const reps = [...new Set(team), ...rest, ...(others.has("") ? [""] : [])];
  const figures = (week: (typeof weeks)[number], rep: string): RepWeek => ({
    followUps: week.followUps.get(rep) ?? 0,
    newCustomers: week.newCustomers.get(rep) ?? 0,
    won: week.won.get(rep) ?? 0,
    lost: week.lost.get(rep) ?? 0,
    pipeline: week.pipeline.get(rep) ?? 0,
  });
  return reps.map((rep) => ({
    rep,
    thisWeek: figures(weeks[0], rep),
    previousWeek: figures(weeks[1], rep),
    overdueNow: overdue.get(rep) ?? 0,
  }));
}

/** The weekly figures of a rep, in the order the review shows them. */
export const REP_FIGURES = ["followUps", "newCustomers", "won", "lost", "pipeline"] as const;

/**
 * The per-rep block of the review sheet in `language`: a title, a header, then per rep each figure for last week and
 * the week before side by side, and the overdue follow-ups now; the pipeline shows as money.
 */
export function repBlock(lines: readonly RepLine[], language: Language): ReviewBlock {
  const t = translator(language);
  const header = [
    t("review.reps.rep"),
    ...REP_FIGURES.flatMap((figure) => [
      fill(t("review.reps.thisWeek"), { figure: t(`review.kpi.${figure}`) }),
      fill(t("review.reps.previousWeek"), { figure: t(`review.kpi.${figure}`) }),
    ]),
    t("review.kpi.overdueNow"),
  ];
  const pipelineColumn = 1 + 2 * REP_FIGURES.indexOf("pipeline");
  return {
    grid: [
      [t("review.reps.title"), ...Array<string>(header.length - 1).fill("")],
      header,
      ...lines.map((line) => [
        line.rep === "" ? t("review.reps.noOwner") : line.rep,
        ...REP_FIGURES.flatMap((figure) => [line.thisWeek[figure], line.previousWeek[figure]]),
        line.overdueNow,
      ]),
    ],
    formats: [{ row: 2, column: pipelineColumn, height: lines.length, width: 2, format: "money" }],
  };
}
