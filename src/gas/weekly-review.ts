/** Builds the weekly review: a Review data sheet (the four summaries its pivots read, not a copy of the table), and a Weekly review sheet with the KPI block, the funnel and weighted pipeline, each rep's week, the customers won, lost and going stale (each with a link to its row), four real pivot tables and a funnel chart, money and percentages formatted. */

import { columnLetter } from "../core/a1";
import { currencySymbol, moneyFormat, PERCENT_FORMAT } from "../core/amounts";
import type { Day } from "../core/dates";
import { literalGrid } from "../core/literal";
import {
  type BlockFormat,
  type FormattedRange,
  funnelBlock,
  KPI_FORMATS,
  kpiGrid,
  listsBlock,
  type ReviewBlock,
  type ReviewSummary,
  type ReviewSummaryName,
  repBlock,
  reviewDataLayout,
  reviewSummaries,
  type SummaryPlace,
  type WeeklyReview,
  weeklyReview,
} from "../core/review";
import { translator } from "../i18n/translate";
import { archivedFollowUps } from "./archive-records";
import { growSheet, trimSheet } from "./sheet-size";
import { ownSheet } from "./spreadsheet-metadata";
import type { Table } from "./table";
import { readRows, type TableRows } from "./table-rows";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows kept below the pivots for the funnel chart anchored there (about its height). */
const CHART_ROWS = 20;

/** What a build produced. */
export interface ReviewOutcome {
  content: WeeklyReview;
  /** The symbol money is shown with (Settings, else the spreadsheet's locale). */
  currency: string;
  review: Sheet;
}

/** Writes `grid` at A1 of `sheet` after clearing it, growing the sheet when needed (a fixed number of calls). */
function replaceContents(sheet: Sheet, grid: unknown[][], width: number): void {
  sheet.clear();
  growSheet(sheet, grid.length, width);
  if (grid.length > 0) sheet.getRange(1, 1, grid.length, width).setValues(grid);
}

/** The blocks one under the other, a blank row between, as one rectangle of cells, its formatted ranges and each block's first row (0-based). */
function stackBlocks(blocks: readonly ReviewBlock[]): ReviewBlock & { width: number; tops: number[] } {
  const width = Math.max(...blocks.flatMap((block) => block.grid.map((row) => row.length)));
  const grid: ReviewBlock["grid"] = [];
  const formats: FormattedRange[] = [];
  const tops: number[] = [];
  for (const block of blocks) {
    if (grid.length > 0) grid.push(Array<string>(width).fill(""));
    tops.push(grid.length);
    formats.push(...block.formats.map((range) => ({ ...range, row: range.row + grid.length })));
    grid.push(...block.grid.map((row) => [...row, ...Array<string>(width - row.length).fill("")]));
  }
  return { grid, formats, width, tops };
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

  const summaries = reviewSummaries(content.rows, today, language);
  const titles = {
    perWeek: t("review.pivot.perWeek"),
    funnel: t("review.pivot.funnel"),
    byMethod: t("review.pivot.byMethod"),
    overdue: t("review.pivot.overdue"),
  };
  const layout = reviewDataLayout(summaries, titles);
  const data = ownSheet(spreadsheet, "followUpTracker.reviewData", t("review.dataSheet"));
  replaceContents(data, literalGrid(layout.grid), layout.width);
  trimSheet(data, layout.grid.length, layout.width);
  data.setFrozenRows(0);
  data.getRangeList(Object.values(layout.places).map((place) => `A${place.titleRow}`)).setFontWeight("bold");
  const sourceOf = (name: ReviewSummaryName) => {
    const place: SummaryPlace = layout.places[name];
    return data.getRange(place.headerRow, 1, place.height, place.width);
  };

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
  const pivots = placePivots(sheet, sourceOf, summaries, titles, blocks.grid.length + 2);
  // The funnel chart, below the pivots, reads the funnel block's stage names and customers (its lines start two rows
  // below the block's title: see funnelBlock).
  const funnelLines = (blocks.tops[1] as number) + 3;
  const stages = Math.max(1, content.funnel.lines.length);
  growSheet(sheet, pivots.endRow + CHART_ROWS);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange(funnelLines, 1, stages, 1))
      .addRange(sheet.getRange(funnelLines, 2, stages, 1))
      .setOption("title", t("review.chart.funnel"))
      .setPosition(pivots.endRow, 1, 0, 0)
      .build(),
  );
  trimSheet(sheet, pivots.endRow + CHART_ROWS, Math.max(blocks.width, pivots.width));
  protectWarningOnly([data, sheet], t("review.protection"));
  return { content, currency, review: sheet };
}

/** Distinct non-empty values in one column of a summary's lines. */
function distinct(summary: ReviewSummary, column: number): number {
  return new Set(summary.lines.map((line) => line[column]).filter((v) => v !== "")).size;
}

/**
 * The four pivots, one under the other with a title above each, each reading its summary on the Review data sheet
 * and adding its counts (SUM): sizes are worked out from the summaries so they never overlap (an overlapping pivot
 * shows #REF! in Sheets). Column numbers are absolute sheet columns of the source: every summary starts in column A.
 */
function placePivots(
  sheet: Sheet,
  sourceOf: (name: ReviewSummaryName) => GoogleAppsScript.Spreadsheet.Range,
  summaries: Record<ReviewSummaryName, ReviewSummary>,
  titles: Record<ReviewSummaryName, string>,
  firstRow: number,
): { endRow: number; width: number } {
  const owners = distinct(summaries.perWeek, 0);
  const weeks = distinct(summaries.perWeek, 1);
  const funnelOwners = distinct(summaries.funnel, 0);
  const stages = distinct(summaries.funnel, 1);
  const methods = distinct(summaries.byMethod, 0);
  const outcomes = distinct(summaries.byMethod, 1);
  let row = firstRow;
  const place = (name: ReviewSummaryName, height: number) => {
    sheet.getRange(row, 1).setValue(titles[name]).setFontWeight("bold");
    const anchor = sheet.getRange(row + 1, 1);
    row += height + 4;
    const pivot = anchor.createPivotTable(sourceOf(name));
    const { header } = summaries[name];
    pivot
      .addPivotValue(header.length, SpreadsheetApp.PivotTableSummarizeFunction.SUM)
      .setDisplayName(header[header.length - 1] as string);
    return pivot;
  };

  // Summary columns: 1 and 2 the groups, the last one the count (see reviewSummaries).
  const perWeek = place("perWeek", owners + 4);
  perWeek.addRowGroup(1);
  perWeek.addColumnGroup(2);

  // Owners down, stages across: ten stages fit a screen, two hundred reps do not.
  const funnel = place("funnel", funnelOwners + 4);
  funnel.addRowGroup(1);
  funnel.addColumnGroup(2);

  // Customers per method: a customer followed up by phone and by email counts under both, so a total over methods
  // would count customers twice; each method's own total (over outcomes) stays.
  const byMethod = place("byMethod", methods + 3);
  byMethod.addRowGroup(1).showTotals(false);
  byMethod.addColumnGroup(2);

  const overdue = place("overdue", distinct(summaries.overdue, 0) + 3);
  overdue.addRowGroup(1);

  // The widest pivot: a row label, one column per column-group value (weeks, stages, outcomes), the grand total.
  return { endRow: row, width: 2 + Math.max(weeks, stages, outcomes, 1) };
}

/** Both sheets are the add-on's: editing them is allowed but warned about (they are rebuilt each week). */
function protectWarningOnly(sheets: Sheet[], description: string): void {
  for (const sheet of sheets) {
    const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    (existing ?? sheet.protect()).setDescription(description).setWarningOnly(true);
  }
}
