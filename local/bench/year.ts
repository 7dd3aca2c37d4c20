/** The bench's "one year": a table of a year's follow-ups run through the built bundle on a few real days, the Reminder log aged to a year from the lines those days wrote, and the cells each sheet then takes against Google's 10 million-cell limit. */

import { CELL_LIMIT } from "../../src/core/cell-limit";
import { dayInZone, isoOfDay, weekdayOfDay } from "../../src/core/dates";
import { asLiteral } from "../../src/core/literal";
import { DETAIL_DAYS } from "../../src/core/log-retention";
import { translate } from "../../src/i18n/translate";
import type { Project } from "../runtime/loader";
import type { AppsScriptRuntime } from "../runtime/runtime";
import { benchRuntime, click, HOUR, MENU, runHourly, turnRemindersOn, typeTeamTable, writeTeam } from "./operations";
import { type Scenario, YEAR_DAYS, YEAR_NOW, yearTable } from "./workload";

/** The operation's name in the bench's output. */
export const ONE_YEAR = "one year";

/** The most the add-on's derived and log sheets may take, as a share of the Follow-ups sheet (issue #14). */
export const DERIVED_SHARE_TARGET = 0.1;

const ZONE = "Asia/Shanghai";
const DAY = 24 * HOUR;

/** What the year leaves: every sheet's grid (max rows × max columns, what the 10 million-cell limit counts). */
export interface YearCells {
  operation: typeof ONE_YEAR;
  owners: number;
  /** By sheet name, in the workbook's order. */
  sheetCells: Record<string, number>;
  rows: number;
  /** The name of the team's Follow-ups sheet. */
  followUpsSheet: string;
  /** The add-on's derived and log sheets: every sheet but Follow-ups, Settings and Team. */
  derivedAndLogSheets: string[];
  totalCells: number;
  cellLimit: number;
  followUpsCells: number;
  derivedAndLogCells: number;
  /** derivedAndLogCells as a share of followUpsCells. */
  derivedAndLogShare: number;
  targetShare: number;
  targetMet: boolean;
  /** Lines the bench added to the Reminder log (copies of the real days' lines) to age it to a year. */
  logLinesAged: number;
  /** Reminder log lines of days more than 90 days before the last run that it left unfolded (0: retention caught up). */
  logLinesPastRetention: number;
}

/** The Reminder log sheet (made by the first run that sends), looked at from outside any execution. */
function reminderLog(runtime: AppsScriptRuntime): GoogleAppsScript.Spreadsheet.Sheet | null {
  return runtime.inspect().getActiveSpreadsheet().getSheetByName(translate("zh", "log.sheet"));
}

/** The Reminder log's lines below its header, as getValues returns them; none before the log exists. */
function logLines(runtime: AppsScriptRuntime): unknown[][] {
  const sheet = reminderLog(runtime);
  const last = sheet?.getLastRow() ?? 0;
  return !sheet || last < 2 ? [] : sheet.getRange(2, 1, last - 1, sheet.getLastColumn()).getValues();
}

/** A log line moved `days` days: every ISO day in its day cell ("2026-11-23", "review 2026-11-16") and its time. */
function shifted(line: readonly unknown[], days: number): unknown[] {
  const [key, email, status, time, ...rest] = line;
  const day = String(key).replace(/\d{4}-\d{2}-\d{2}/g, (iso) => isoOfDay(Date.parse(iso) / DAY + days));
  return [day, email, status, new Date((time as Date).getTime() + days * DAY), ...rest];
}

/**
 * Extends the Reminder log backwards to a year: on every workday (Mon–Fri, the default reminder days) of the 52
 * weeks before `firstDay` (the real review day), the lines its digest run wrote (`daily`), and on each Monday also
 * the lines its review run wrote (`weekly`), dates shifted day by day; written above the real lines in one
 * setValues through the inspection handle (no add-on call, not counted), the sheet grown as the log's own appends
 * grow it (by what is missing, at least 500 rows). Returns the lines added.
 */
function ageReminderLog(
  runtime: AppsScriptRuntime,
  firstDay: number,
  daily: readonly unknown[][],
  weekly: readonly unknown[][],
): number {
  const aged: unknown[][] = [];
  for (let day = firstDay + 1 - (YEAR_DAYS - 1); day < firstDay; day++) {
    const weekday = weekdayOfDay(day);
    if (weekday > 5) continue;
    for (const line of weekday === 1 ? [...daily, ...weekly] : daily) aged.push(shifted(line, day - firstDay));
  }
  const sheet = reminderLog(runtime);
  if (!sheet) throw new Error("no Reminder log after the real runs");
  const lines = [...aged, ...logLines(runtime)].map((line) => line.map(asLiteral));
  const needed = lines.length + 1;
  if (needed > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(needed - sheet.getMaxRows(), 500));
  sheet.getRange(2, 1, lines.length, lines[0]?.length ?? 0).setValues(lines);
  return aged.length;
}

/** Lines of the log that are not summaries and were written before `day` − DETAIL_DAYS. */
function linesPastRetention(runtime: AppsScriptRuntime, day: number): number {
  const summary = new Set((["zh", "en"] as const).map((language) => translate(language, "log.state.summary")));
  return logLines(runtime).filter(
    ([, , status, time]) =>
      !summary.has(String(status)) && dayInZone((time as Date).getTime(), ZONE) < day - DETAIL_DAYS,
  ).length;
}

/** Every sheet's grid, and the derived and log sheets' total against the Follow-ups sheet. */
function cellsOf(
  runtime: AppsScriptRuntime,
  scenario: Scenario,
  followUpsId: number,
): Omit<YearCells, "logLinesAged" | "logLinesPastRetention"> {
  const table = new Set([translate("zh", "sheet.settings"), translate("zh", "sheet.team")]);
  const sheets = runtime.inspect().getActiveSpreadsheet().getSheets();
  const followUps = sheets.find((sheet) => sheet.getSheetId() === followUpsId);
  if (!followUps) throw new Error("the team's sheet is gone");
  const sheetCells = Object.fromEntries(sheets.map((s) => [s.getName(), s.getMaxRows() * s.getMaxColumns()]));
  const derivedAndLogSheets = sheets
    .map((s) => s.getName())
    .filter((name) => name !== followUps.getName() && !table.has(name));
  const followUpsCells = sheetCells[followUps.getName()] ?? 0;
  const derivedAndLogCells = derivedAndLogSheets.reduce((sum, name) => sum + (sheetCells[name] ?? 0), 0);
  const derivedAndLogShare = derivedAndLogCells / followUpsCells;
  return {
    operation: ONE_YEAR,
    owners: scenario.owners,
    sheetCells,
    rows: scenario.rows,
    followUpsSheet: followUps.getName(),
    derivedAndLogSheets,
    totalCells: Object.values(sheetCells).reduce((sum, cells) => sum + cells, 0),
    cellLimit: CELL_LIMIT,
    followUpsCells,
    derivedAndLogCells,
    derivedAndLogShare,
    targetShare: DERIVED_SHARE_TARGET,
    targetMet: derivedAndLogShare <= DERIVED_SHARE_TARGET,
  };
}

/**
 * A year of the scenario's table (workload's yearTable: its last day Monday 2026-11-23) through the real add-on:
 * adopted, the team written, reminders on; on Monday the 08:00 run sends the digests and the 09:00 run the weekly
 * review; the Reminder log is aged to a year from their lines (ageReminderLog); on Tuesday the 08:00 run folds the
 * log's old days (its retention) and sends the digests. Returns every sheet's cells after it.
 */
export function measureYear(project: Project, scenario: Scenario): YearCells {
  const runtime = benchRuntime(project, YEAR_NOW);
  const followUpsId = typeTeamTable(runtime, yearTable(scenario));
  runtime.open("LIMITED");
  click(runtime, MENU.setUp, ["YES", "OK"]);
  writeTeam(runtime, scenario);
  const uid = turnRemindersOn(runtime);
  const monday = dayInZone(YEAR_NOW, ZONE);
  const before = logLines(runtime).length;
  runtime.kernel.setNow(YEAR_NOW + HOUR);
  runHourly(runtime, uid, scenario.owners + 1);
  const afterDigests = logLines(runtime).length;
  runtime.kernel.setNow(YEAR_NOW + 2 * HOUR);
  runHourly(runtime, uid, 1);
  const lines = logLines(runtime);
  const logLinesAged = ageReminderLog(runtime, monday, lines.slice(before, afterDigests), lines.slice(afterDigests));
  runtime.kernel.setNow(YEAR_NOW + DAY + HOUR);
  runHourly(runtime, uid, scenario.owners + 1);
  return {
    ...cellsOf(runtime, scenario, followUpsId),
    logLinesAged,
    logLinesPastRetention: linesPastRetention(runtime, monday + 1),
  };
}
