/** Runs a hand-written reminder script (a baseline) once on a copy of the bench's workbook: its follow-ups and Team sheet, in a bound project of its own. */

import { projectFromSources } from "../runtime/loader";
import { DAILY_RECIPIENTS } from "../runtime/mail";
import { AppsScriptRuntime } from "../runtime/runtime";
import { type Measurement, measure } from "./measurement";
import { BENCH_NOW, MANAGER, type Scenario } from "./workload";

/** The copy's sheet names, as a Chinese team names them. */
export const BASELINE_SHEETS = { followUps: "跟进记录", team: "团队" } as const;

/** A baseline: its name in the bench's output, and its Code.js given the first free column after the follow-ups. */
export interface Baseline {
  name: string;
  functionName: string;
  source: (freeColumn: number) => string;
}

/** A bound script project of the baseline's source for a Workspace user, loaded the way a clasp rootDir is. */
function baselineRuntime(source: string, oauthScopes: string[]): AppsScriptRuntime {
  const project = projectFromSources({ "Code.js": source }, { timeZone: "Asia/Shanghai", oauthScopes });
  return new AppsScriptRuntime(project, {
    now: BENCH_NOW,
    user: { email: MANAGER.email, locale: MANAGER.locale },
    addOn: false,
    mailDailyLimit: DAILY_RECIPIENTS.workspace,
  });
}

/** Copies a sheet's values into a sheet of another workbook, outside any execution, leaving one free column after them. */
function copyValues(from: GoogleAppsScript.Spreadsheet.Sheet, to: GoogleAppsScript.Spreadsheet.Sheet): void {
  const values = from.getDataRange().getValues();
  const width = values[0]?.length ?? 0;
  if (values.length > to.getMaxRows()) to.insertRowsAfter(to.getMaxRows(), values.length - to.getMaxRows());
  if (width + 1 > to.getMaxColumns()) to.insertColumnsAfter(to.getMaxColumns(), width + 1 - to.getMaxColumns());
  to.getRange(1, 1, values.length, width).setValues(values);
}

/**
 * Runs the baseline once as a time-driven trigger, on the bench's day after the reminder hour and with the same mail
 * quota, on a copy of the follow-ups (the adopted first sheet) and the Team sheet of `workbook`.
 */
export function measureBaseline(baseline: Baseline, workbook: AppsScriptRuntime, scenario: Scenario): Measurement {
  const source = workbook.inspect().getActiveSpreadsheet();
  const followUps = source.getSheets()[0];
  const team = source.getSheetByName(BASELINE_SHEETS.team);
  if (!followUps || !team) throw new Error("the workbook has no follow-ups or Team sheet to copy");
  const freeColumn = followUps.getLastColumn() + 1;
  const runtime = baselineRuntime(baseline.source(freeColumn), workbook.project.manifest.oauthScopes ?? []);
  runtime.createSpreadsheet({ name: "销售跟进表", timeZone: "Asia/Shanghai", locale: "zh_CN" });
  const copy = runtime.inspect().getActiveSpreadsheet();
  const firstSheet = copy.getSheets()[0];
  if (!firstSheet) throw new Error("the copy has no sheet");
  copyValues(followUps, firstSheet.setName(BASELINE_SHEETS.followUps));
  copyValues(team, copy.insertSheet(BASELINE_SHEETS.team));
  return measure(runtime, baseline.name, scenario, () => {
    runtime.run(baseline.functionName, [], { kind: "timeTrigger" });
  });
}
