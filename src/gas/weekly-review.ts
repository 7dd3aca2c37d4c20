/** Builds the weekly review: a Review data sheet (one normalised row per follow-up), and a Weekly review sheet with the KPI block, four real pivot tables and a funnel chart. */

import { type Day, isoOfDay, mondayOf } from "../core/dates";
import { agendaOf } from "../core/due";
import type { Language } from "../core/language";
import { literalGrid } from "../core/literal";
import { kpiGrid, type ReviewKpis, type ReviewRow, reviewGrid, reviewRows, weeklyKpis } from "../core/review";
import { translator } from "../i18n/translate";
import { ownSheet } from "./spreadsheet-metadata";
import type { Table } from "./table";
import { readRows, type TableRows } from "./table-rows";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Columns of the review data sheet, 1-based, in ReviewRow order (see REVIEW_COLUMNS). */
const DATA = {
  weekStart: 1,
  owner: 2,
  customerKey: 3,
  method: 4,
  stage: 5,
  stageKind: 6,
  stageLabel: 7,
  isLatest: 8,
  overdueNow: 9,
  daysSincePrevious: 10,
  latestKind: 11,
} as const;
const DATA_WIDTH = 11;
/** Weeks shown in the follow-ups per owner × week pivot. */
const WEEKS_SHOWN = 8;

/** What a build produced. */
export interface ReviewOutcome {
  kpis: ReviewKpis;
  review: Sheet;
  rows: number;
}

/** Writes `grid` at A1 of `sheet` after clearing it, growing the sheet when needed (a fixed number of calls). */
function replaceContents(sheet: Sheet, grid: unknown[][], width: number): void {
  sheet.clear();
  if (grid.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (grid.length > 0) sheet.getRange(1, 1, grid.length, width).setValues(grid);
}

/** The Mondays of the last `count` weeks, the current one included, as the data sheet writes them. */
function recentWeeks(today: Day, count: number): string[] {
  const monday = mondayOf(today);
  return Array.from({ length: count }, (_, i) => isoOfDay(monday - 7 * (count - 1 - i)));
}

/**
 * Rebuilds both sheets from scratch: its own pivots and chart are removed first, other sheets are never touched.
 * Service calls do not depend on the number of follow-ups: one read of the table, one write of the data sheet,
 * and a fixed set of pivot and chart calls.
 */
export function buildWeeklyReview(table: Table, today: Day, rows: TableRows = readRows(table)): ReviewOutcome {
  const t = translator(table.language);
  const review = reviewRows(rows.followUps, rows.problems, table.settings, today);
  const kpis = weeklyKpis(
    rows.followUps,
    agendaOf(rows.followUps, rows.problems, table.settings),
    today,
    review.unreadable,
  );
  const { spreadsheet } = table;

  const data = ownSheet(spreadsheet, "followUpTracker.reviewData", t("review.dataSheet"));
  replaceContents(data, literalGrid(reviewGrid(review.rows, table.language)), DATA_WIDTH);
  data.setFrozenRows(1);
  const source = data.getRange(1, 1, review.rows.length + 1, DATA_WIDTH);

  const sheet = ownSheet(spreadsheet, "followUpTracker.review", t("review.sheet"));
  for (const pivot of sheet.getPivotTables()) pivot.remove();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const kpiBlock = literalGrid(kpiGrid(kpis, table.language));
  const width = Math.max(...kpiBlock.map((r) => r.length));
  replaceContents(
    sheet,
    kpiBlock.map((r) => [...r, ...Array(width - r.length).fill("")]),
    width,
  );
  placePivots(sheet, source, review.rows, today, table.language, kpiBlock.length + 2);
  protectWarningOnly([data, sheet], t("review.protection"));
  return { kpis, review: sheet, rows: review.rows.length };
}

/** Distinct non-empty values of one field. */
function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)].filter((v) => v !== "");
}

/**
 * The four pivots, one under the other with a title above each: sizes are worked out from the data so they never
 * overlap (an overlapping pivot shows #REF! in Sheets). Column numbers are absolute sheet columns of the source.
 */
function placePivots(
  sheet: Sheet,
  source: GoogleAppsScript.Spreadsheet.Range,
  rows: readonly ReviewRow[],
  today: Day,
  language: Language,
  firstRow: number,
): void {
  const t = translator(language);
  const owners = distinct(rows.map((r) => r.owner)).length;
  const stages = distinct(rows.map((r) => r.stageLabel)).length;
  const methods = distinct(rows.map((r) => r.method)).length;
  const counta = SpreadsheetApp.PivotTableSummarizeFunction.COUNTA;
  const visible = (values: string[]) => SpreadsheetApp.newFilterCriteria().setVisibleValues(values).build();
  let row = firstRow;
  const place = (title: string, height: number) => {
    sheet.getRange(row, 1).setValue(title).setFontWeight("bold");
    const anchor = sheet.getRange(row + 1, 1);
    row += height + 4;
    return anchor.createPivotTable(source);
  };

  const perWeek = place(t("review.pivot.perWeek"), owners + 4);
  perWeek.addRowGroup(DATA.owner);
  perWeek.addColumnGroup(DATA.weekStart);
  perWeek.addPivotValue(DATA.customerKey, counta);
  perWeek.addFilter(DATA.weekStart, visible(recentWeeks(today, WEEKS_SHOWN)));

  const funnelRow = row + 1;
  const funnel = place(t("review.pivot.funnel"), stages + 4);
  funnel.addRowGroup(DATA.stageLabel);
  funnel.addColumnGroup(DATA.owner);
  funnel.addPivotValue(DATA.customerKey, counta);
  funnel.addFilter(DATA.isLatest, visible(["TRUE"]));

  const byMethod = place(t("review.pivot.byMethod"), methods + 4);
  byMethod.addRowGroup(DATA.method);
  byMethod.addColumnGroup(DATA.latestKind);
  byMethod.addPivotValue(DATA.customerKey, counta);

  const overdue = place(t("review.pivot.overdue"), owners + 3);
  overdue.addRowGroup(DATA.owner);
  overdue.addPivotValue(DATA.customerKey, counta);
  overdue.addFilter(DATA.overdueNow, visible(["TRUE"]));

  // The funnel chart, below the pivots, reads the funnel pivot's stage labels and its Grand Total column.
  if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
  const labels = sheet.getRange(funnelRow + 2, 1, Math.max(1, stages), 1);
  const totals = sheet.getRange(funnelRow + 2, owners + 2, Math.max(1, stages), 1);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(labels)
      .addRange(totals)
      .setOption("title", t("review.chart.funnel"))
      .setPosition(row, 1, 0, 0)
      .build(),
  );
}

/** Both sheets are the add-on's: editing them is allowed but warned about (they are rebuilt each week). */
function protectWarningOnly(sheets: Sheet[], description: string): void {
  for (const sheet of sheets) {
    const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    (existing ?? sheet.protect()).setDescription(description).setWarningOnly(true);
  }
}
