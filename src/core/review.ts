/** The weekly review's pure logic: the normalised data rows, the KPIs, the funnel and pipeline, each rep's week, the names to act on and the managers' email (see the modules), and all of it worked out at once. */

import type { Day } from "./dates";
import { agendaOf } from "./due";
import type { FollowUp, RowProblem } from "./follow-ups";
import type { Language } from "./language";
import { type Funnel, funnelOf } from "./review-funnel";
import { type ReviewKpis, weeklyKpis } from "./review-kpis";
import { type CustomerLists, customerLists } from "./review-lists";
import { type RepLine, repLines } from "./review-reps";
import { type ReviewRow, reviewRows } from "./review-rows";
import type { Settings } from "./settings";
import type { TeamMember } from "./team";

export type { BlockFormat, FormattedRange, ReviewBlock } from "./review-block";
export {
  type ReviewEmailInput,
  type ReviewOverdueItem,
  renderReviewEmail,
  TOP_OVERDUE,
  topOverdue,
} from "./review-email";
export { type Funnel, type FunnelLine, funnelBlock, funnelOf } from "./review-funnel";
export {
  KPI_COLUMNS,
  KPI_FORMATS,
  KPI_ROWS,
  kpiGrid,
  type ReviewKpis,
  type WeekKpis,
  weeklyKpis,
} from "./review-kpis";
export { type CustomerLists, customerLists, listsBlock, type NamedCustomer, TOP_NAMES } from "./review-lists";
export { type RepLine, type RepWeek, repBlock, repLines } from "./review-reps";
export {
  REVIEW_SUMMARIES,
  type ReviewRow,
  type ReviewSummary,
  type ReviewSummaryName,
  reviewDataLayout,
  reviewRows,
  reviewSummaries,
  type SummaryPlace,
} from "./review-rows";

/** Everything the review shows, worked out once from the table. */
export interface WeeklyReview {
  rows: ReviewRow[];
  kpis: ReviewKpis;
  funnel: Funnel;
  reps: RepLine[];
  lists: CustomerLists;
}

/**
 * The review of the table as of `today` (the spreadsheet's day), stage labels of the data rows in `language`; `link`
 * opens a sheet row (the names lists link to their customers' rows).
 */
export function weeklyReview(
  followUps: FollowUp[],
  problems: RowProblem[],
  settings: Settings,
  members: readonly TeamMember[],
  today: Day,
  language: Language,
  link: (row: number) => string,
): WeeklyReview {
  const review = reviewRows(followUps, problems, settings, today, language);
  const agenda = agendaOf(followUps, problems, settings);
  return {
    rows: review.rows,
    kpis: weeklyKpis(followUps, agenda, today, review.unreadable),
    funnel: funnelOf(followUps, agenda),
    reps: repLines(followUps, agenda, today, members),
    lists: customerLists(followUps, agenda, today, link),
  };
}
