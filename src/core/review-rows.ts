/** The weekly review's data sheet: one normalised row per follow-up, each customer's current row, and what is overdue now. */

import { translate } from "../i18n/translate";
import { type Day, isoOfDay, mondayOf } from "./dates";
import { type Agenda, agendaOf, asSyncOrders, dueOf, isNewer } from "./due";
import type { FollowUp, RowProblem } from "./follow-ups";
import type { Language } from "./language";
import { type Settings, type StageKind, stageKindOf, stageNameIn } from "./settings";
import { sheetTrim } from "./text";

/** One follow-up as the review data sheet holds it, in the sheet's column order. */
export interface ReviewRow {
  /** yyyy-mm-dd, the Monday of the follow-up date's week. */
  weekStart: string;
  owner: string;
  customerKey: string;
  method: string;
  stage: string;
  stageKind: StageKind | "unknown";
  /** "1 新线索": the stage's 1-based Settings order (2 digits when there are 10 or more stages) and name in the sheet's language; "? name" when unknown. */
  stageLabel: string;
  isLatest: boolean;
  overdueNow: boolean;
  /** Days since the customer's previous follow-up; "" for its first. */
  daysSincePrevious: number | "";
  /** The kind of the customer's latest row, for conversion by method. */
  latestKind: StageKind | "unknown";
  /** The row's amount (./amounts), "" when none. */
  amount: number | "";
  /** yyyy-mm-dd of the row's expected close, "" when none. */
  expectedClose: string;
}

const FIELDS = [
  "weekStart",
  "owner",
  "customerKey",
  "method",
  "stage",
  "stageKind",
  "stageLabel",
  "isLatest",
  "overdueNow",
  "daysSincePrevious",
  "latestKind",
  "amount",
  "expectedClose",
] as const satisfies readonly (keyof ReviewRow)[];

/** The data sheet's header texts, in `ReviewRow` field order. */
export const REVIEW_COLUMNS: Record<Language, string[]> = {
  zh: FIELDS.map((field) => translate("zh", `review.column.${field}`)),
  en: FIELDS.map((field) => translate("en", `review.column.${field}`)),
};

/** Problems that make a row unreadable for the review. */
const UNREADABLE_KINDS = new Set<RowProblem["kind"]>([
  "notADate",
  "missingDate",
  "missingCustomer",
  "unknownStage",
  "missingStage",
]);

/** Older first, in the order of `isNewer`. */
function oldestFirst(a: FollowUp, b: FollowUp): number {
  if (isNewer(a, b)) return 1;
  return isNewer(b, a) ? -1 : 0;
}

/** Overdue rows by ./due's rule (open, not done, not superseded): exactly what the daily digests list as overdue. */
export function overdueNowRows(agenda: Agenda, followUps: readonly FollowUp[], today: Day): FollowUp[] {
  return followUps.filter((f) => dueOf(agenda, f, today) === "overdue");
}

/** The stage's kind, or "unknown" when Settings has no such stage. */
function kindOf(settings: Settings, stage: string): StageKind | "unknown" {
  return stageKindOf(settings, stage) ?? "unknown";
}

/** "1 新线索" … "8 已流失" (zero-padded when there are 10 stages or more; "1 New lead" in English), "? 搁置" for a stage not in Settings. */
function stageLabelOf(settings: Settings, stage: string, language: Language): string {
  const wanted = sheetTrim(stage).toLowerCase();
  const index = settings.stages.findIndex((s) => sheetTrim(s.name).toLowerCase() === wanted);
  if (index < 0) return `? ${stage}`.trim();
  const order = String(index + 1).padStart(settings.stages.length >= 10 ? 2 : 1, "0");
  return `${order} ${stageNameIn(settings, settings.stages[index].name, language)}`;
}

/**
 * The review rows, in sheet order, stage labels in `language`: one per follow-up with a date and a customer. `unreadable` is the number of distinct
 * rows a person has to fix: no date or no customer (left out), a stage blank or not in Settings (kept, kind "unknown"),
 * or any date, customer or stage problem `readFollowUps` or a sync reported.
 */
export function reviewRows(
  followUps: FollowUp[],
  problems: RowProblem[],
  settings: Settings,
  today: Day,
  language: Language,
): { rows: ReviewRow[]; unreadable: number } {
  const unreadable = new Set(problems.filter((p) => UNREADABLE_KINDS.has(p.kind)).map((p) => p.row));
  const isReadable = (f: FollowUp) => f.date !== null && f.customerKey !== "";
  const readable = followUps.filter(isReadable);
  for (const f of followUps) {
    if (!isReadable(f) || stageKindOf(settings, f.stage) === null) unreadable.add(f.row);
  }
  const agenda = agendaOf(followUps, problems, settings);
  const overdue = new Set(overdueNowRows(agenda, followUps, today));
  const previousDate = new Map<number, Day>();
  const lastDate = new Map<string, Day>();
  for (const f of asSyncOrders(readable).sort(oldestFirst)) {
    const last = lastDate.get(f.customerKey);
    if (last !== undefined) previousDate.set(f.row, last);
    lastDate.set(f.customerKey, f.date as Day);
  }
  const rows = [...readable]
    .sort((a, b) => a.row - b.row)
    .map((f): ReviewRow => {
      const latest = agenda.latest.get(f.customerKey) as FollowUp;
      const previous = previousDate.get(f.row);
      return {
        weekStart: isoOfDay(mondayOf(f.date as Day)),
        owner: f.owner,
        customerKey: f.customerKey,
        method: f.method,
        stage: f.stage,
        stageKind: kindOf(settings, f.stage),
        stageLabel: stageLabelOf(settings, f.stage, language),
        isLatest: latest === f,
        overdueNow: overdue.has(f),
        daysSincePrevious: previous === undefined ? "" : (f.date as Day) - previous,
        latestKind: kindOf(settings, latest.stage),
        amount: f.amount ?? "",
        expectedClose: f.expectedClose === null ? "" : isoOfDay(f.expectedClose),
      };
    });
  return { rows, unreadable: unreadable.size };
}

/** A kind as the sheet shows it, in `language`. */
function kindText(kind: StageKind | "unknown", language: Language): string {
  return translate(language, `review.kind.${kind}`);
}

/** The data sheet's content from A1: the header row, then one row per review row (booleans and numbers as such). */
export function reviewGrid(rows: readonly ReviewRow[], language: Language): unknown[][] {
  const body = rows.map((row) =>
    FIELDS.map((field) =>
      field === "stageKind" || field === "latestKind" ? kindText(row[field], language) : row[field],
    ),
  );
  return [[...REVIEW_COLUMNS[language]], ...body];
}
