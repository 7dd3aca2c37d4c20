/** The Charts global as far as embedded Sheets charts need it: the ChartType enum (developers.google.com/apps-script/reference/charts/chart-type). */

import { enumOf } from "./enums";

/** Charts.ChartType, complete, as name strings (String(Charts.ChartType.BAR) === "BAR"). */
export const ChartType = enumOf([
  "TIMELINE",
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TREEMAP",
  "WATERFALL",
]);

/** The Charts global: its enums only; building standalone charts (Charts.newBarChart()...) is not emulated. */
export function createCharts(): Pick<GoogleAppsScript.Charts.Charts, "ChartType"> {
  return Object.freeze({ ChartType: ChartType as unknown as typeof GoogleAppsScript.Charts.ChartType });
}
