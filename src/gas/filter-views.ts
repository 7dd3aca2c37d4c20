/** Writes the reps' filtered views of their due follow-ups (Sheets filter views, through the Sheets advanced service) for the digests that list only part of them; any failure leaves those digests with their row links. */

import type { Day } from "../core/dates";
import { type Digest, listsDuePartly } from "../core/digest";
import {
  changesFor,
  type DueView,
  type DueViewSheet,
  dueViewLink,
  dueViewOf,
  mustLook,
  parseRecords,
  recordsAfter,
  recordsText,
  type ViewChange,
} from "../core/filter-views";
import { errorMessage } from "./retry";
import { openValue } from "./spreadsheet-metadata";
import type { Table } from "./table";

/** Where the views' ids and fingerprints are kept (spreadsheet metadata, which a trigger without a document reads too). */
const RECORDS_KEY = "followUpTracker.filterViews";

/** The FilterView fields the add-on writes, and so the mask of an update (the rest, e.g. sort orders, are left). */
const WRITTEN_FIELDS = "title,range,filterSpecs";

/**
 * A FilterView with its filterSpecs (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#FilterView:
 * "filterSpecs[]: The filter criteria for showing/hiding values per column"), which @types/google-apps-script's
 * FilterView predates; its `criteria` map is the deprecated form.
 */
type FilterView = GoogleAppsScript.Sheets.Schema.FilterView & {
  filterSpecs?: { columnIndex: number; filterCriteria: GoogleAppsScript.Sheets.Schema.FilterCriteria }[];
};

type SheetsService = GoogleAppsScript.Sheets;

/**
 * The advanced service, enabled in appsscript.json (dependencies.enabledAdvancedServices: Sheets, v4). It needs no
 * scope beyond `spreadsheets`, which the add-on has: batchUpdate takes `spreadsheets`, `drive` or `drive.file`
 * (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate, "Authorization scopes").
 */
function sheetsService(): SheetsService {
  if (typeof Sheets === "undefined" || Sheets === undefined)
    throw new Error("the Sheets advanced service is not enabled");
  return Sheets;
}

/** The Follow-ups sheet as a view reads it; null when the table lacks a column the colouring or the owner needs. */
function dueViewSheet(table: Table): DueViewSheet | null {
  const { nextDate, stage, owner, done, superseded, date, nextStep, score } = table.positions;
  if (nextDate === undefined || stage === undefined || owner === undefined) return null;
  return {
    sheetId: table.followUps.getSheetId(),
    maxRows: table.followUps.getMaxRows(),
    maxColumns: table.followUps.getMaxColumns(),
    columns: { nextDate, stage, owner, done, superseded, date, nextStep, score, firstRow: table.headerRow + 1 },
    settings: table.settings,
    language: table.language,
  };
}

/** A view as the API takes it: its range on the sheet and its one CUSTOM_FORMULA criterion. */
function filterOf(view: DueView, sheetId: number): FilterView {
  return {
    title: view.title,
    range: { sheetId, ...view.range },
    filterSpecs: [
      {
        columnIndex: view.columnIndex,
        filterCriteria: { condition: { type: "CUSTOM_FORMULA", values: [{ userEnteredValue: view.formula }] } },
      },
    ],
  };
}

/** The ids of the filter views the Follow-ups sheet has now (one call). */
function existingViews(api: SheetsService, table: Table, sheetId: number): Set<number> {
  const found = api.Spreadsheets.get(table.spreadsheet.getId(), {
    fields: "sheets(properties(sheetId),filterViews(filterViewId))",
  });
  const sheet = (found.sheets ?? []).find((s) => (s.properties?.sheetId ?? 0) === sheetId);
  return new Set((sheet?.filterViews ?? []).flatMap((v) => (v.filterViewId === undefined ? [] : [v.filterViewId])));
}

/** Writes the changes in one batch (all or nothing); returns the ids of the views added, by rep. */
function write(api: SheetsService, table: Table, sheetId: number, changes: readonly ViewChange[]): Map<string, number> {
  if (changes.length === 0) return new Map();
  const requests = changes.map((change): GoogleAppsScript.Sheets.Schema.Request => {
    const filter = filterOf(change.view, sheetId);
    if (change.kind === "add") return { addFilterView: { filter } };
    const updated: FilterView = { ...filter, filterViewId: change.id };
    return { updateFilterView: { filter: updated, fields: WRITTEN_FIELDS } };
  });
  const { replies = [] } = api.Spreadsheets.batchUpdate({ requests }, table.spreadsheet.getId());
  const added = new Map<string, number>();
  changes.forEach((change, i) => {
    if (change.kind !== "add") return;
    const id = replies[i]?.addFilterView?.filter?.filterViewId;
    if (id === undefined) throw new Error(`no filter view id in the reply to request ${i}`);
    added.set(change.view.rep, id);
  });
  return added;
}

/**
 * The filtered-view link of every digest that lists only part of its recipient's overdue or due-today follow-ups
 * (../core/digest listsDuePartly), by recipient email in lower case, each view made or brought up to date first. A
 * few calls whatever the rows: nothing when no digest is cut short; else the record (spreadsheet metadata) and the
 * sheet's size, and only when something changed, or a view was last seen a week ago (../core/filter-views
 * TRUSTED_DAYS), one look and one batch of writes (twice at most, when a view to rewrite was deleted meanwhile). A
 * failure of the Sheets API never stops a digest: those digests keep their row links, and a log line says why.
 */
export function filteredViewLinks(table: Table, digests: readonly Digest[], today: Day): Map<string, string> {
  const cut = digests.filter(listsDuePartly);
  if (cut.length === 0) return new Map();
  try {
    const sheet = dueViewSheet(table);
    if (!sheet) return new Map();
    const api = sheetsService();
    const views = cut.map((digest) => dueViewOf(digest, table.members, sheet));
    const stored = openValue(table.spreadsheet, RECORDS_KEY);
    const records = parseRecords(stored.value);
    let existing = mustLook(views, records, today) ? existingViews(api, table, sheet.sheetId) : null;
    let changes = changesFor(views, records, existing);
    let added: Map<string, number>;
    try {
      added = write(api, table, sheet.sheetId, changes);
    } catch (error) {
      if (existing) throw error;
      // A view to rewrite may have been deleted since it was last seen: look, and write once more.
      existing = existingViews(api, table, sheet.sheetId);
      changes = changesFor(views, records, existing);
      added = write(api, table, sheet.sheetId, changes);
    }
    const next = recordsAfter(records, views, changes, added, existing !== null, today);
    const text = recordsText(next);
    if (text !== stored.value) stored.set(text);
    const url = table.spreadsheet.getUrl();
    return new Map(
      views.flatMap((view) => {
        const id = next.get(view.rep)?.id;
        return id === undefined ? [] : [[view.rep, dueViewLink(url, sheet.sheetId, id)] as const];
      }),
    );
  } catch (error) {
    console.warn(`filtered views not written, the digests link rows instead: ${errorMessage(error)}`);
    return new Map();
  }
}
