/** The filtered view a digest's "… and N more" opens: one Sheets filter view per rep on the Follow-ups sheet, showing that rep's overdue and due-today rows by the rule that colours them, and when it must be written or looked for again. */

import { fill, translator } from "../i18n/translate";
import { columnLetter } from "./a1";
import type { Day } from "./dates";
import type { Digest } from "./digest";
import { fingerprint } from "./fingerprint";
import { oneLine } from "./html";
import type { Language } from "./language";
import { type RuleColumns, rowColouringFormula } from "./overdue-rules";
import type { Settings } from "./settings";
import { memberByName, type TeamMember } from "./team";
import { sheetTrim } from "./text";

/** The Follow-ups sheet as a view reads it: its id and size, its columns (1-based) and what the colouring needs. */
export interface DueViewSheet {
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  /** The colouring's columns (its firstRow is the row under the header) and the owner column. */
  columns: RuleColumns & { owner: number };
  settings: Settings;
  /** The table's language, which orders dates typed as text. */
  language: Language;
}

/** One rep's view, as the Sheets API's FilterView takes it. */
export interface DueView {
  /** Whose: the rep's email in lower case (a digest's recipient). */
  rep: string;
  title: string;
  /** A GridRange (0-based, ends exclusive): from the header row to the sheet's last row, every column. */
  range: { startRowIndex: number; endRowIndex: number; startColumnIndex: number; endColumnIndex: number };
  /** The 0-based column its one criterion sits on: the owner column. */
  columnIndex: number;
  /** Its CUSTOM_FORMULA criterion, written for the row under the header. */
  formula: string;
  /** Changes whenever anything above does: the view is rewritten then. */
  fingerprint: string;
}

/** A string literal for a formula ("" doubles quotes). */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The names and email an owner cell may hold for the rep: ../core/team's ownerOf finds a member by name (a name on
 * two Team rows names nobody), else by email. Names are compared as the sheet's TRIM and "=" compare them (ends
 * trimmed, inner spaces collapsed, case ignored); a name with other spacing than ownerOf's may differ [edge case].
 */
function ownerTexts(rep: string, team: readonly TeamMember[]): string[] {
  const names = team
    .filter((m) => m.email.trim().toLowerCase() === rep && memberByName(team, m.name) === m)
    .map((m) => sheetTrim(m.name));
  return [...new Set([...names, rep])];
}

/**
 * The view of `digest`'s recipient: the rows whose owner cell names them and which are overdue or due today by the
 * sheet's own row colouring (../core/overdue-rules: the same formulas as the red and amber rows, which agree with
 * ./due row by row), in one CUSTOM_FORMULA on the owner column, titled "<rep> · 待跟进" in the rep's language.
 * A customer claimed from the pool is reminded to its claimer whatever its owner cell says (./pool), which a formula
 * cannot read: such rows show in the owner's view, not the claimer's.
 */
export function dueViewOf(digest: Digest, team: readonly TeamMember[], sheet: DueViewSheet): DueView {
  const rep = digest.to.trim().toLowerCase();
  const { columns } = sheet;
  const owner = `TRIM($${columnLetter(columns.owner)}${columns.firstRow}&"")`;
  const isRep = `OR(${ownerTexts(rep, team)
    .map((text) => `${owner}=${literal(text)}`)
    .join(",")})`;
  const colouring = (["overdue", "dueToday"] as const).map((c) =>
    rowColouringFormula(c, columns, sheet.settings, sheet.language).slice(1),
  );
  const formula = `=AND(${isRep},OR(${colouring.join(",")}))`;
  const title = fill(translator(digest.language)("filterView.title"), { rep: oneLine(digest.name) });
  const range = {
    startRowIndex: columns.firstRow - 2,
    endRowIndex: sheet.maxRows,
    startColumnIndex: 0,
    endColumnIndex: sheet.maxColumns,
  };
  const columnIndex = columns.owner - 1;
  return {
    rep,
    title,
    range,
    columnIndex,
    formula,
    fingerprint: fingerprint(JSON.stringify([sheet.sheetId, title, range, columnIndex, formula])),
  };
}

/** What the add-on remembers of a rep's view: its id, the fingerprint it was last written with, the day it was last known to exist. */
export interface ViewRecord {
  id: number;
  fingerprint: string;
  seen: Day;
}

/**
 * Days a view is trusted to still exist without asking Google. Nothing tells the add-on when a person deletes a
 * filter view, and a run that changes nothing should call no API: so the views are looked for once this many days
 * after they were last seen (or at once when a view must be rewritten and is gone). Meanwhile a deleted view's link
 * opens the sheet unfiltered, and the email still names the sidebar's list.
 */
export const TRUSTED_DAYS = 7;

/** Whether the views must be looked for first: one of them was last seen `TRUSTED_DAYS` or more ago. */
export function mustLook(views: readonly DueView[], records: ReadonlyMap<string, ViewRecord>, today: Day): boolean {
  return views.some((view) => {
    const record = records.get(view.rep);
    return record !== undefined && today - record.seen >= TRUSTED_DAYS;
  });
}

/** A view to write: a new one, or one that exists under `id` and has changed. */
export type ViewChange = { kind: "add"; view: DueView } | { kind: "update"; view: DueView; id: number };

/**
 * What must be written so that every view exists as specified: a view never made, or gone from `existing` (the ids
 * the sheet has, when they were looked for), is added; one whose fingerprint changed is updated; the rest are left.
 */
export function changesFor(
  views: readonly DueView[],
  records: ReadonlyMap<string, ViewRecord>,
  existing: ReadonlySet<number> | null,
): ViewChange[] {
  return views.flatMap((view): ViewChange[] => {
    const record = records.get(view.rep);
    if (!record || (existing && !existing.has(record.id))) return [{ kind: "add", view }];
    return record.fingerprint === view.fingerprint ? [] : [{ kind: "update", view, id: record.id }];
  });
}

/**
 * The records once the changes are written (`added`: the new ids by rep): every view written, or seen when the
 * views were looked for (`looked`), was seen today. Records of reps not in `views` are kept (their view stays).
 */
export function recordsAfter(
  records: ReadonlyMap<string, ViewRecord>,
  views: readonly DueView[],
  changes: readonly ViewChange[],
  added: ReadonlyMap<string, number>,
  looked: boolean,
  today: Day,
): Map<string, ViewRecord> {
  const next = new Map(records);
  const written = new Set(changes.map((c) => c.view.rep));
  for (const view of views) {
    const record = records.get(view.rep);
    const id = added.get(view.rep) ?? record?.id;
    if (id === undefined) continue;
    const seen = looked || written.has(view.rep) ? today : (record?.seen ?? today);
    next.set(view.rep, { id, fingerprint: view.fingerprint, seen });
  }
  return next;
}

/** The records as kept in the spreadsheet: `{"rep@example.com":[id,"fingerprint",seenDay]}`. */
export function recordsText(records: ReadonlyMap<string, ViewRecord>): string {
  return JSON.stringify(
    Object.fromEntries([...records].map(([rep, r]) => [rep, [r.id, r.fingerprint, r.seen]] as const)),
  );
}

/** The records read back; whatever cannot be read is forgotten (its view is made again). */
export function parseRecords(text: string | null): Map<string, ViewRecord> {
  const records = new Map<string, ViewRecord>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "{}");
  } catch {
    return records;
  }
  if (typeof parsed !== "object" || parsed === null) return records;
  for (const [rep, value] of Object.entries(parsed)) {
    if (!Array.isArray(value)) continue;
    const [id, print, seen] = value as unknown[];
    if (Number.isInteger(id) && typeof print === "string" && Number.isInteger(seen)) {
      records.set(rep, { id: id as number, fingerprint: print, seen: seen as Day });
    }
  }
  return records;
}

/** The URL that opens the spreadsheet on the Follow-ups sheet with the view applied (`…/edit#gid=<sheet>&fvid=<view>`). */
export function dueViewLink(spreadsheetUrl: string, sheetId: number, filterViewId: number): string {
  return `${spreadsheetUrl}#gid=${sheetId}&fvid=${filterViewId}`;
}
