/** Reads the Weekly review sheet as a manager sees it: the KPI block's cells for the last complete week and the output cells of its pivot tables. */

import type { Language } from "../../src/core/language";
import { KPI_COLUMNS, KPI_ROWS } from "../../src/core/review";
import type { StageKind } from "../../src/core/settings";
import { translate } from "../../src/i18n/translate";
import { taggedSheet } from "./workbook-readback";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The review's figures, as `summary.json` holds them. */
export interface ReviewSummary {
  /** yyyy-mm-dd, the Monday of the last complete week the KPIs describe. */
  weekStart: string;
  kpis: {
    followUps: number;
    newCustomers: number;
    won: number;
    lost: number;
    /** won / (won + lost); null when the sheet shows no rate. */
    winRate: number | null;
    medianDaysToWin: number | null;
    overdueNow: number;
    staleCustomers: number;
  };
  funnel: { stage: string; owner: string; customers: number }[];
  followUpsPerOwnerWeek: { owner: string; week: string; followUps: number }[];
  /** Customers followed up by each method, by their current outcome (a customer counts once per method). */
  byMethod: { method: string; kind: StageKind | "unknown"; customers: number }[];
}

/** Pivot order on the review sheet (src/gas/weekly-review.ts places them one under the other). */
const PIVOT = { perWeek: 0, funnel: 1, byMethod: 2 } as const;
const GRAND_TOTAL = new Set(["总计", "Grand Total"]);
const KINDS = ["open", "won", "lost", "unknown"] as const;

/** A pivot with one row group and one column group, as [row label, column label, value] for each filled cell above its total row (or its end). */
function crossTab(sheet: Sheet, index: number): [string, string, number][] {
  const anchor = sheet.getPivotTables()[index]?.getAnchorCell();
  if (!anchor) throw new Error(`the review sheet has no pivot table ${index + 1}`);
  const block = sheet
    .getRange(
      anchor.getRow(),
      anchor.getColumn(),
      sheet.getLastRow() - anchor.getRow() + 1,
      sheet.getLastColumn() - anchor.getColumn() + 1,
    )
    .getValues();
  const header = (block[1] ?? []).map(String);
  const lastColumn = header.findIndex((label, column) => column > 0 && GRAND_TOTAL.has(label));
  // The by-method pivot shows no total row (a customer reached two ways would count twice): it ends at a blank row.
  const lastRow = block.findIndex((row, at) => at > 1 && (GRAND_TOTAL.has(String(row[0])) || row[0] === ""));
  if (lastColumn < 0 || lastRow < 0) throw new Error(`pivot table ${index + 1} has no Grand Total column`);
  return block.slice(2, lastRow).flatMap((row) =>
    header
      .slice(1, lastColumn)
      .map((label, i): [string, string, unknown] => [String(row[0]), label, row[i + 1]])
      .filter((cell): cell is [string, string, number] => typeof cell[2] === "number"),
  );
}

/** A KPI cell's number, null when blank. */
function figure(sheet: Sheet, row: keyof typeof KPI_ROWS): number | null {
  const value = sheet.getRange(KPI_ROWS[row] + 1, KPI_COLUMNS.thisWeek + 1).getValue();
  return typeof value === "number" ? value : null;
}

/** The kind behind a kind label of the conversion pivot, in either language. */
function kindOfLabel(label: string): StageKind | "unknown" {
  for (const language of ["zh", "en"] as Language[])
    for (const kind of KINDS) if (translate(language, `review.kind.${kind}`) === label) return kind;
  throw new Error(`unknown outcome label "${label}" in the conversion pivot`);
}

/** The review's figures read from the workbook, or null when no review was built. */
export function readReview(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ReviewSummary | null {
  const sheet = taggedSheet(spreadsheet, "followUpTracker.review");
  if (!sheet) return null;
  const heading = String(sheet.getRange(KPI_ROWS.header + 1, KPI_COLUMNS.thisWeek + 1).getValue());
  const count = (row: keyof typeof KPI_ROWS) => figure(sheet, row) ?? 0;
  return {
    weekStart: /\d{4}-\d{2}-\d{2}/.exec(heading)?.[0] ?? "",
    kpis: {
      followUps: count("followUps"),
      newCustomers: count("newCustomers"),
      won: count("won"),
      lost: count("lost"),
      winRate: figure(sheet, "winRate"),
      medianDaysToWin: figure(sheet, "medianDaysToWin"),
      overdueNow: count("overdueNow"),
      staleCustomers: count("staleCustomers"),
    },
    funnel: crossTab(sheet, PIVOT.funnel).map(([owner, label, customers]) => ({
      stage: label.replace(/^(\d+|\?)\s*/, ""),
      owner,
      customers,
    })),
    followUpsPerOwnerWeek: crossTab(sheet, PIVOT.perWeek).map(([owner, week, followUps]) => ({
      owner,
      week,
      followUps,
    })),
    byMethod: crossTab(sheet, PIVOT.byMethod).map(([method, label, customers]) => ({
      method,
      kind: kindOfLabel(label),
      customers,
    })),
  };
}
