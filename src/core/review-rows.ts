/** The weekly review's data: one normalised row per follow-up in memory (week, owner, stage label, the customer's latest row, overdue now), and the four small summaries the Review data sheet holds for the pivots. */

import { translate } from "../i18n/translate";
import { type Day, isoOfDay, mondayOf } from "./dates";
import { type Agenda, agendaOf, dueOf } from "./due";
import type { FollowUp, RowProblem } from "./follow-ups";
import type { Language } from "./language";
import { type Settings, type StageKind, stageKindOf, stageNameIn } from "./settings";
import { sheetTrim } from "./text";

/** One follow-up as the review counts it. */
export interface ReviewRow {
  /** yyyy-mm-dd, the Monday of the follow-up date's week. */
  weekStart: string;
  owner: string;
  customerKey: string;
  method: string;
  /** "1 新线索": the stage's 1-based Settings order (2 digits when there are 10 or more stages) and name in the sheet's language; "? name" when unknown. */
  stageLabel: string;
  isLatest: boolean;
  overdueNow: boolean;
  /** The kind of the customer's latest row, for conversion by method. */
  latestKind: StageKind | "unknown";
}

/** Problems that make a row unreadable for the review. */
const UNREADABLE_KINDS = new Set<RowProblem["kind"]>([
  "notADate",
  "missingDate",
  "missingCustomer",
  "unknownStage",
  "missingStage",
]);

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
  for (const f of followUps) {
    if (!isReadable(f) || stageKindOf(settings, f.stage) === null) unreadable.add(f.row);
  }
  const agenda = agendaOf(followUps, problems, settings);
  const overdue = new Set(overdueNowRows(agenda, followUps, today));
  const rows = followUps
    .filter(isReadable)
    .sort((a, b) => a.row - b.row)
    .map((f): ReviewRow => {
      const latest = agenda.latest.get(f.customerKey) as FollowUp;
      return {
        weekStart: isoOfDay(mondayOf(f.date as Day)),
        owner: f.owner,
        customerKey: f.customerKey,
        method: f.method,
        stageLabel: stageLabelOf(settings, f.stage, language),
        isLatest: latest === f,
        overdueNow: overdue.has(f),
        latestKind: kindOf(settings, latest.stage),
      };
    });
  return { rows, unreadable: unreadable.size };
}

/** The four summaries a pivot of the review reads, in the order the Review data sheet stacks them. */
export const REVIEW_SUMMARIES = ["perWeek", "funnel", "byMethod", "overdue"] as const;
export type ReviewSummaryName = (typeof REVIEW_SUMMARIES)[number];

/** One summary: its column headers (the last one the count) and one line per group, the count last. */
export interface ReviewSummary {
  header: string[];
  lines: (string | number)[][];
}

/**
 * Counts per group of `keysOf` (rows it returns null for are left out), in the groups' sorted order; `countsRow`
 * says whether a row adds to its group (given the group's id), every row by default.
 */
function countBy(
  rows: readonly ReviewRow[],
  keysOf: (row: ReviewRow) => string[] | null,
  countsRow: (row: ReviewRow, group: string) => boolean = () => true,
): (string | number)[][] {
  const counts = new Map<string, { keys: string[]; count: number }>();
  for (const row of rows) {
    const keys = keysOf(row);
    if (keys === null) continue;
    const id = JSON.stringify(keys);
    const group = counts.get(id) ?? { keys, count: 0 };
    if (countsRow(row, id)) group.count += 1;
    counts.set(id, group);
  }
  const byKeys = (a: string[], b: string[]) => {
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
  };
  return [...counts.values()].sort((a, b) => byKeys(a.keys, b.keys)).map((group) => [...group.keys, group.count]);
}

/** Weeks the follow-ups per owner × week summary (and so its pivot) covers: the current one and the seven before. */
const WEEKS_SHOWN = 8;

/** The Mondays of the last `count` weeks up to `today`'s, oldest first, as ISO days (how the rows' weekStart reads). */
function recentWeeks(today: Day, count: number): string[] {
  const monday = mondayOf(today);
  return Array.from({ length: count }, (_, i) => isoOfDay(monday - 7 * (count - 1 - i)));
}

/**
 * What the Review data sheet holds: not a copy of the table but the four summaries its pivots read, so its size
 * follows owners × the weeks shown, not follow-ups nor the table's age. Follow-ups per owner and week for the
 * WEEKS_SHOWN weeks up to `today` (a year of weeks kept for a pivot showing eight would be most of the sheet; the
 * Follow-ups sheet itself pivots over any period); customers per owner and current stage (each
 * customer's latest row); customers by method and their current outcome (a customer followed up three times by phone
 * counts once under phone, so a customer counts once per method — the pivot shows no total over methods, which would
 * count a customer once per method); overdue follow-ups now per owner.
 */
export function reviewSummaries(
  rows: readonly ReviewRow[],
  today: Day,
  language: Language,
): Record<ReviewSummaryName, ReviewSummary> {
  const weeksShown = new Set(recentWeeks(today, WEEKS_SHOWN));
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const seen = new Set<string>();
  const firstOfCustomer = (row: ReviewRow, group: string) => {
    const customer = `${group}\n${row.customerKey}`;
    if (seen.has(customer)) return false;
    seen.add(customer);
    return true;
  };
  return {
    perWeek: {
      header: [t("review.column.owner"), t("review.column.weekStart"), t("review.pivot.value.followUps")],
      lines: countBy(rows, (row) => (weeksShown.has(row.weekStart) ? [row.owner, row.weekStart] : null)),
    },
    funnel: {
      header: [t("review.column.owner"), t("review.column.stageLabel"), t("review.pivot.value.customers")],
      lines: countBy(rows, (row) => (row.isLatest ? [row.owner, row.stageLabel] : null)),
    },
    byMethod: {
      header: [t("review.column.method"), t("review.column.latestKind"), t("review.pivot.value.customers")],
      lines: countBy(rows, (row) => [row.method, t(`review.kind.${row.latestKind}`)], firstOfCustomer),
    },
    overdue: {
      header: [t("review.column.owner"), t("review.pivot.value.overdue")],
      lines: countBy(rows, (row) => (row.overdueNow ? [row.owner] : null)),
    },
  };
}

/** Where one summary sits on the Review data sheet (1-based): its title row, then its header row and lines. */
export interface SummaryPlace {
  titleRow: number;
  /** The header row: the pivot's source starts here. */
  headerRow: number;
  /** Header row and lines. */
  height: number;
  width: number;
}

/**
 * The Review data sheet's content from A1: each summary under its title (the title of the pivot that reads it), a
 * blank row between them, as one rectangle of cells; and where each summary sits.
 */
export function reviewDataLayout(
  summaries: Record<ReviewSummaryName, ReviewSummary>,
  titles: Record<ReviewSummaryName, string>,
): { grid: (string | number)[][]; places: Record<ReviewSummaryName, SummaryPlace>; width: number } {
  const width = Math.max(...REVIEW_SUMMARIES.map((name) => summaries[name].header.length));
  const pad = (cells: (string | number)[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  const grid: (string | number)[][] = [];
  const places = {} as Record<ReviewSummaryName, SummaryPlace>;
  for (const name of REVIEW_SUMMARIES) {
    const { header, lines } = summaries[name];
    if (grid.length > 0) grid.push(pad([]));
    grid.push(pad([titles[name]]));
    places[name] = {
      titleRow: grid.length,
      headerRow: grid.length + 1,
      height: lines.length + 1,
      width: header.length,
    };
    grid.push(pad(header), ...lines.map(pad));
  }
  return { grid, places, width };
}
