/** What a test or the playground sees of a spreadsheet's filter views from outside any execution, and a person deleting one in the Sheets UI. */

import { rowsShown } from "./filter-views";
import { a1Of, type SpreadsheetModel } from "./model";
import type { SpreadsheetStore } from "./store";

/** One filter view as the Sheets UI lists it (Data → Filter views). */
export interface FilterViewInfo {
  id: number;
  title: string;
  sheetId: number;
  sheetName: string;
  /** The range it covers, e.g. "A1:R1000" (its first row is the header row). */
  range: string;
  /** The rows (1-based) it shows now, by ./filter-views rowsShown. */
  rows(): number[];
}

/** Every filter view of the spreadsheet, sheet by sheet. */
export function filterViewsOf(store: SpreadsheetStore, model: SpreadsheetModel): FilterViewInfo[] {
  const wb = store.workbook(model);
  return model.sheets.flatMap((sheet) =>
    (sheet.filterViews ?? []).map((view) => ({
      id: view.id,
      title: view.title,
      sheetId: sheet.id,
      sheetName: sheet.name,
      range: a1Of(view.range),
      rows: () => rowsShown(wb, sheet, view),
    })),
  );
}

/** Deletes the filter view with this id, as a person does in the Sheets UI; false when there is none. */
export function removeFilterView(model: SpreadsheetModel, filterViewId: number): boolean {
  for (const sheet of model.sheets) {
    const views = sheet.filterViews ?? [];
    const kept = views.filter((view) => view.id !== filterViewId);
    if (kept.length === views.length) continue;
    if (kept.length > 0) sheet.filterViews = kept;
    else delete sheet.filterViews;
    return true;
  }
  return false;
}
