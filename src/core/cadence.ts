/** The cadence (跟进节奏): how many days after a contact an open customer is followed up again, by intent grade, else by stage (Settings); the next date a row without one gets, so nobody is forgotten. */

import type { Day } from "./dates";
import { type GradeCadence, listedStage, type Settings, stageCadenceDays, stageKindOf } from "./settings";

/** What the cadence reads of Settings: the stages (with their cadence) and the cadence by intent grade; the sidebar has these too. */
export type CadenceSettings = Pick<Settings, "stages" | "gradeCadence">;

import { sheetTrim } from "./text";

/** A grade as the colouring formula compares it (`TRIM(cell&"")`, case-insensitively). */
function gradeText(grade: string): string {
  return sheetTrim(grade).toLowerCase();
}

/** The grade's row of Settings' cadence by intent, if the grade is listed there. */
export function listedGrade(settings: CadenceSettings, grade: string): GradeCadence | undefined {
  const wanted = gradeText(grade);
  if (wanted === "") return undefined;
  return settings.gradeCadence.find((g) => gradeText(g.grade) === wanted);
}

/**
 * Days between follow-ups of a row at `stage` with intent `grade`: the grade's when Settings lists the grade, else
 * the stage's (./settings `stageCadenceDays`); null when neither gives one, and for a won or lost stage. A stage
 * Settings does not list is no closed stage (./due reads it as the colouring formula does): its grade still counts.
 */
export function cadenceDaysOf(settings: CadenceSettings, stage: string, grade: string): number | null {
  const kind = stageKindOf(settings, stage);
  if (kind === "won" || kind === "lost") return null;
  const byGrade = listedGrade(settings, grade);
  if (byGrade) return byGrade.days;
  const listed = listedStage(settings, stage);
  return listed ? stageCadenceDays(listed) : null;
}

/** The day the cadence gives a row last contacted on `date`: that many days after it; null without a cadence. */
export function cadenceDate(settings: CadenceSettings, stage: string, grade: string, date: Day): Day | null {
  const days = cadenceDaysOf(settings, stage, grade);
  return days === null ? null : date + days;
}
