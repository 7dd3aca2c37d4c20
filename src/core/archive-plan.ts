/** Which customers "Archive closed customers" moves: closed (latest follow-up won or lost) more than the Settings months before today, every row readable and carrying its own id, each to the archive of its latest follow-up's year; and how many fit in one execution. */

import { fill, translate } from "../i18n/translate";
import { runsOf } from "./cell-writes";
import type { ColumnPositions } from "./columns";
import { type Day, dayFromYmd, ymdOfDay } from "./dates";
import { agendaOf, stateOf } from "./due";
import type { FollowUp, RowProblem } from "./follow-ups";
import type { Language } from "./language";
import { type Settings, stageKindOf } from "./settings";

/** One customer to move: all its rows go to the archive of `year`, together. */
export interface ArchivedCustomer {
  customerKey: string;
  /** As its latest row names it. */
  customer: string;
  /** The year of its latest follow-up: the archive it goes to. */
  year: number;
  /** Its sheet rows, in order. */
  rows: number[];
}

/** What one run moves, and what it leaves. */
export interface ArchivePlan {
  /** Closed long enough ago and ready, the longest closed first, as many as one run moves. */
  customers: ArchivedCustomer[];
  /** Ready customers left for the next run (one run deletes at most `maxRuns` runs of rows). */
  remaining: number;
  /**
   * Closed long enough ago but held back: a row a person has to fix (a cell the add-on cannot read), a row still open,
   * or a row without the add-on's own id, or with an id another row repeats (Sync gives every row its own).
   */
  heldBack: number;
}

/** The day `months` calendar months before `today` (the 31st of a shorter month falls on its last day). */
export function monthsBefore(today: Day, months: number): Day {
  const { year, month, day } = ymdOfDay(today);
  const index = year * 12 + (month - 1) - months;
  const target = { year: Math.floor(index / 12), month: (index % 12) + 1 };
  const lastDay = ymdOfDay(dayFromYmd(target.year, target.month + 1, 1) - 1).day;
  return dayFromYmd(target.year, target.month, Math.min(day, lastDay));
}

/** How many runs of adjacent rows `rows` adds to the rows already `taken` (each row joins or bridges its neighbours). */
function addedRuns(taken: ReadonlySet<number>, rows: readonly number[]): number {
  const mine = new Set<number>();
  const has = (row: number) => taken.has(row) || mine.has(row);
  let added = 0;
  for (const row of rows) {
    if (has(row)) continue;
    added += 1 - (has(row - 1) ? 1 : 0) - (has(row + 1) ? 1 : 0);
    mine.add(row);
  }
  return added;
}

/**
 * The customers to archive now (the spreadsheet's `today`): a customer is closed when its latest row (../due's one
 * rule) has a won or lost stage, and archivable when that row's follow-up date is more than Settings'
 * `archiveMonths` months before today. All of a customer's rows move together, so a customer with a row to fix,
 * an open row, or a row the archive could not recognise later (no id of its own) stays. The longest closed go first,
 * until their rows make `maxRuns` runs of adjacent rows (each run is one deletion); the first customer goes whatever
 * its runs, or it could never move.
 */
export function planArchive(
  followUps: readonly FollowUp[],
  problems: readonly RowProblem[],
  settings: Settings,
  today: Day,
  maxRuns: number,
): ArchivePlan {
  const agenda = agendaOf(followUps, problems, settings);
  const cutoff = monthsBefore(today, settings.archiveMonths);
  const unreadable = new Set(problems.map((p) => p.row));
  const idCount = new Map<string, number>();
  for (const f of followUps) {
    const id = f.id.trim().toUpperCase();
    if (id !== "") idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }
  const rowsOf = new Map<string, FollowUp[]>();
  for (const f of followUps) {
    if (f.customerKey === "") continue;
    const rows = rowsOf.get(f.customerKey);
    if (rows) rows.push(f);
    else rowsOf.set(f.customerKey, [f]);
  }
  const ready: (ArchivedCustomer & { closedOn: Day })[] = [];
  let heldBack = 0;
  for (const [key, latest] of agenda.latest) {
    const kind = stageKindOf(settings, latest.stage);
    if ((kind !== "won" && kind !== "lost") || latest.date === null || latest.date >= cutoff) continue;
    const rows = rowsOf.get(key) ?? [];
    const held = rows.some(
      (f) => unreadable.has(f.row) || stateOf(agenda, f) === "open" || idCount.get(f.id.trim().toUpperCase()) !== 1,
    );
    if (held) heldBack++;
    else
      ready.push({
        customerKey: key,
        customer: latest.customer,
        year: ymdOfDay(latest.date).year,
        rows: rows.map((f) => f.row).sort((a, b) => a - b),
        closedOn: latest.date,
      });
  }
  ready.sort((a, b) => a.closedOn - b.closedOn || a.customerKey.localeCompare(b.customerKey));
  const taken = new Set<number>();
  let runs = 0;
  const customers: ArchivedCustomer[] = [];
  for (const { closedOn: _closedOn, ...customer } of ready) {
    const added = addedRuns(taken, customer.rows);
    if (customers.length > 0 && runs + added > maxRuns) break;
    runs += added;
    for (const row of customer.rows) taken.add(row);
    customers.push(customer);
  }
  return { customers, remaining: ready.length - customers.length, heldBack };
}

/** The runs of adjacent rows the plan deletes, bottom first (so each deletion leaves the rows above where they were). */
export function deletionRuns(customers: readonly ArchivedCustomer[]): [number, number][] {
  return runsOf(customers.flatMap((c) => c.rows)).reverse();
}

/** The archive spreadsheet of `year`: "销售跟进表 · 归档 2025" / "Sales table · Archive 2025". */
export function archiveName(spreadsheetName: string, year: number, language: Language): string {
  return fill(translate(language, "archive.fileName"), { name: spreadsheetName, year });
}

/** What the add-on records of one archive spreadsheet (in the main spreadsheet's own metadata), one per year. */
export interface ArchiveRecord {
  year: number;
  /** The archive spreadsheet's id (SpreadsheetApp.openById). */
  id: string;
  /** Its sheet of follow-ups. */
  sheetId: number;
  /** Where the add-on's columns are on that sheet (the team's are found by their header text). */
  positions: ColumnPositions;
  /** Customers and rows it holds. */
  customers: number;
  rows: number;
  /** When rows were last archived into it (epoch ms), null before the first. */
  at: number | null;
}

/** The Archives sheet's content: a header, then one line per archive (year, link, customers, rows, last archived at). */
export function archivesGrid(
  records: readonly ArchiveRecord[],
  language: Language,
  urlOf: (id: string) => string,
): unknown[][] {
  const lines = [...records]
    .sort((a, b) => a.year - b.year)
    .map((r) => [r.year, urlOf(r.id), r.customers, r.rows, r.at === null ? "" : new Date(r.at)]);
  return [translate(language, "archive.header").split("|"), ...lines];
}
