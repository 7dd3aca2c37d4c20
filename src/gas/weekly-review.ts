/** Builds the weekly review: a Review data sheet (one normalised row per follow-up), and a Weekly review sheet with the KPI block, the funnel and weighted pipeline, each rep's week, the customers won, lost and going stale (each with a link to its row), four real pivot tables and a funnel chart, money and percentages formatted. */

import { columnLetter } from "../core/a1";
import { currencySymbol, moneyFormat, PERCENT_FORMAT } from "../core/amounts";
import { type Day, isoOfDay, mondayOf } from "../core/dates";
import type { Language } from "../core/language";
import { literalGrid } from "../core/literal";
import {
  type BlockFormat,
  type FormattedRange,
  funnelBlock,
  KPI_FORMATS,
  kpiGrid,
  listsBlock,
  type ReviewBlock,
  type ReviewRow,
  repBlock,
  reviewGrid,
  type WeeklyReview,
  weeklyReview,
} from "../core/review";
import { translator } from "../i18n/translate";
import { archivedFollowUps } from "./archive-records";
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
  amount: 12,
  expectedClose: 13,
} as const;
const DATA_WIDTH = 13;
/** Weeks shown in the follow-ups per owner × week pivot. */
const WEEKS_SHOWN = 8;

/** What a build produced. */
export interface ReviewOutcome {
  content: WeeklyReview;
  /** The symbol money is shown with (Settings, else the spreadsheet's locale). */
  currency: string;
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

/**
 * Cuts `sheet` down to the rows and columns it uses (at least two rows: Sheets keeps one below a frozen header), so a
 * derived sheet never holds empty cells against the spreadsheet's 10 million-cell limit.
 */
function trimTo(sheet: Sheet, rows: number, columns: number): void {
  const keptRows = Math.max(rows, 2);
  if (sheet.getMaxRows() > keptRows) sheet.deleteRows(keptRows + 1, sheet.getMaxRows() - keptRows);
  if (sheet.getMaxColumns() > columns) sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
}

/** The Mondays of the last `count` weeks, the current one included, as the data sheet writes them. */
function recentWeeks(today: Day, count: number): string[] {
  const monday = mondayOf(today);
  return Array.from({ length: count }, (_, i) => isoOfDay(monday - 7 * (count - 1 - i)));
}

/** The blocks one under the other, a blank row between, as one rectangle of cells and its formatted ranges. */
function stackBlocks(blocks: readonly ReviewBlock[]): ReviewBlock & { width: number } {
  const width = Math.max(...blocks.flatMap((block) => block.grid.map((row) => row.length)));
  const grid: ReviewBlock["grid"] = [];
  const formats: FormattedRange[] = [];
  for (const block of blocks) {
    if (grid.length > 0) grid.push(Array<string>(width).fill(""));
    formats.push(...block.formats.map((range) => ({ ...range, row: range.row + grid.length })));
    grid.push(...block.grid.map((row) => [...row, ...Array<string>(width - row.length).fill("")]));
  }
  return { grid, formats, width };
}

/** Number formats of the ranges (1-based from `firstRow`), one call per format whatever the number of ranges. */
function applyFormats(sheet: Sheet, ranges: readonly FormattedRange[], firstRow: number, currency: string): void {
  const patterns: Record<BlockFormat, string> = { percent: PERCENT_FORMAT, money: moneyFormat(currency) };
  for (const format of ["percent", "money"] as const) {
    const a1 = ranges
      .filter((r) => r.format === format && r.height > 0 && r.width > 0)
      .map((r) => {
        const top = firstRow + r.row;
        return `${columnLetter(r.column + 1)}${top}:${columnLetter(r.column + r.width)}${top + r.height - 1}`;
      });
    if (a1.length > 0) sheet.getRangeList(a1).setNumberFormat(patterns[format]);
  }
}

/** What opens the Follow-ups sheet at a row (two calls, whatever the number of links). */
export function rowLink(table: Table): (row: number) => string {
  const url = table.spreadsheet.getUrl();
  const sheetId = table.followUps.getSheetId();
  return (row) => `${url}#gid=${sheetId}&range=A${row}`;
}

/**
 * Rebuilds both sheets from scratch: its own pivots and chart are removed first, other sheets are never touched.
 * Service calls do not depend on the number of follow-ups: one read of the table, one write of each sheet, one
 * number format call per format, and a fixed set of pivot and chart calls.
 */
export function buildWeeklyReview(table: Table, today: Day, rows: TableRows = readRows(table)): ReviewOutcome {
  const t = translator(table.language);
  const { spreadsheet, settings, language } = table;
  // Archived follow-ups count too (closed customers moved out of the table), and their links open the archive's row.
  const archived = archivedFollowUps(table, rows.followUps);
  const content = weeklyReview(
    [...rows.followUps, ...archived.followUps],
    [...rows.problems, ...archived.problems],
    settings,
    table.members,
    today,
    language,
    archived.link(rowLink(table)),
  );
  const currency = currencySymbol(settings.currency, spreadsheet.getSpreadsheetLocale());

  const data = ownSheet(spreadsheet, "followUpTracker.reviewData", t("review.dataSheet"));
  replaceContents(data, literalGrid(reviewGrid(content.rows, language)), DATA_WIDTH);
  trimTo(data, content.rows.length + 1, DATA_WIDTH);
  data.setFrozenRows(1);
  applyFormats(
    data,
    [{ row: 0, column: DATA.amount - 1, height: content.rows.length, width: 1, format: "money" }],
    2,
    currency,
  );
  const source = data.getRange(1, 1, content.rows.length + 1, DATA_WIDTH);

  const sheet = ownSheet(spreadsheet, "followUpTracker.review", t("review.sheet"));
  for (const pivot of sheet.getPivotTables()) pivot.remove();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const blocks = stackBlocks([
    { grid: kpiGrid(content.kpis, language), formats: [...KPI_FORMATS] },
    funnelBlock(content.funnel, settings, language),
    repBlock(content.reps, language),
    listsBlock(content.lists, settings, language),
  ]);
  replaceContents(sheet, literalGrid(blocks.grid), blocks.width);
  applyFormats(sheet, blocks.formats, 1, currency);
  placePivots(sheet, source, content.rows, today, language, blocks.grid.length + 2);
  protectWarningOnly([data, sheet], t("review.protection"));
  return { content, currency, review: sheet, rows: content.rows.length };
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
  perWeek.addPivotValue(DATA.customerKey, counta).setDisplayName(t("review.pivot.value.followUps"));
  perWeek.addFilter(DATA.weekStart, visible(recentWeeks(today, WEEKS_SHOWN)));

  const funnelRow = row + 1;
  const funnel = place(t("review.pivot.funnel"), stages + 4);
  funnel.addRowGroup(DATA.stageLabel);
  funnel.addColumnGroup(DATA.owner);
  funnel.addPivotValue(DATA.customerKey, counta).setDisplayName(t("review.pivot.value.customers"));
  funnel.addFilter(DATA.isLatest, visible(["TRUE"]));

  const byMethod = place(t("review.pivot.byMethod"), methods + 4);
  byMethod.addRowGroup(DATA.method);
  byMethod.addColumnGroup(DATA.latestKind);
  // Customers, not rows: a customer called three times by phone counts once under phone.
  byMethod
    .addPivotValue(DATA.customerKey, SpreadsheetApp.PivotTableSummarizeFunction.COUNTUNIQUE)
    .setDisplayName(t("review.pivot.value.customers"));

  const overdue = place(t("review.pivot.overdue"), owners + 3);
  overdue.addRowGroup(DATA.owner);
  overdue.addPivotValue(DATA.customerKey, counta).setDisplayName(t("review.pivot.value.overdue"));
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
