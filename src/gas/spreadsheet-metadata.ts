/** Small values the add-on keeps in the spreadsheet itself (spreadsheet-level developer metadata, visible to this project only), and the sheets it owns. */

import { freshSheetName } from "./table-layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Unlike document properties, spreadsheet metadata can be read wherever the spreadsheet can be opened, including a
 * time-driven trigger without an active document (developers.google.com/apps-script/reference/spreadsheet/developer-metadata).
 */
function entry(spreadsheet: Spreadsheet, key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata | undefined {
  return spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(key)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET)
    .find()[0];
}

/** The value stored under `key`, or null. */
export function readValue(spreadsheet: Spreadsheet, key: string): string | null {
  return entry(spreadsheet, key)?.getValue() ?? null;
}

/** Stores `value` under `key` (PROJECT visibility), or removes the key when `value` is null. */
export function writeValue(spreadsheet: Spreadsheet, key: string, value: string | null): void {
  const existing = entry(spreadsheet, key);
  if (value === null) existing?.remove();
  else if (existing) existing.setValue(value);
  else spreadsheet.addDeveloperMetadata(key, value, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

/** A value kept under `key`, read once, written as often as needed without looking it up again. */
export interface StoredValue {
  readonly value: string | null;
  set(text: string): void;
}

/** Opens the value under `key` (one lookup); `set` writes it, creating the entry the first time. */
export function openValue(spreadsheet: Spreadsheet, key: string): StoredValue {
  let handle = entry(spreadsheet, key);
  return {
    value: handle?.getValue() ?? null,
    set(text) {
      if (handle) handle.setValue(text);
      else {
        spreadsheet.addDeveloperMetadata(key, text, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
        handle = entry(spreadsheet, key);
      }
    },
  };
}

/** The add-on's own sheet recorded under `key`, found by id (renaming it changes nothing); undefined when there is none. */
export function recordedSheet(spreadsheet: Spreadsheet, key: string): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const recorded = readValue(spreadsheet, key);
  return recorded === null
    ? undefined
    : spreadsheet.getSheets().find((sheet) => String(sheet.getSheetId()) === recorded);
}

/**
 * The add-on's own sheet recorded under `key` (found by id, so renaming it changes nothing), else a new one with a
 * fresh name, laid out by `init` (callers must cope with a sheet whose layout was interrupted).
 */
export function ownSheet(
  spreadsheet: Spreadsheet,
  key: string,
  name: string,
  init: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void = () => {},
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = recordedSheet(spreadsheet, key);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(freshSheetName(spreadsheet, name));
  // Recorded before it is laid out: if laying out fails, the next run finds this sheet instead of making another.
  writeValue(spreadsheet, key, String(sheet.getSheetId()));
  init(sheet);
  return sheet;
}
