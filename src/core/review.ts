/** The weekly review's pure logic: the normalised data rows, the KPIs and the managers' email (see the three modules). */

export {
  type ReviewEmailInput,
  type ReviewOverdueItem,
  renderReviewEmail,
  TOP_OVERDUE,
  topOverdue,
} from "./review-email";
export { KPI_COLUMNS, KPI_ROWS, kpiGrid, type ReviewKpis, type WeekKpis, weeklyKpis } from "./review-kpis";
export { REVIEW_COLUMNS, type ReviewRow, reviewGrid, reviewRows } from "./review-rows";
