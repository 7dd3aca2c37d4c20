/** The Spreadsheet class of the emulated service (developers.google.com/apps-script/reference/spreadsheet/spreadsheet). */

import { isKnownTimeZone } from "../time-zone";
import { addMetadata, FakeDeveloperMetadataFinder, metadataOfSpreadsheet } from "./developer-metadata";
import { isInteger, MESSAGES, sheetNameTaken, signatureError } from "./errors";
import type { SheetModel } from "./model";
import { dropNamedRangesOfSheet, namedRangesOf, rangeByName, removeNamedRange, setNamedRange } from "./named-ranges";
import { protectionsOf, userOf } from "./protection";
import { FakeRange } from "./range";
import { FakeSheet } from "./sheet";
import { defaultSheetName, newSheetModel, scrambledId } from "./store";
import type { Workbook } from "./workbook";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type SpreadsheetMethods =
  | "getId"
  | "getName"
  | "getUrl"
  | "getSpreadsheetTimeZone"
  | "setSpreadsheetTimeZone"
  | "getSpreadsheetLocale"
  | "setSpreadsheetLocale"
  | "getSheets"
  | "getSheetByName"
  | "getSheetById"
  | "insertSheet"
  | "deleteSheet"
  | "getActiveSheet"
  | "setActiveSheet"
  | "getActiveRange"
  | "setActiveRange"
  | "setActiveSelection"
  | "getRange"
  | "getOwner"
  | "getEditors"
  | "getProtections"
  | "addDeveloperMetadata"
  | "getDeveloperMetadata"
  | "createDeveloperMetadataFinder"
  | "toast"
  | "setNamedRange"
  | "getRangeByName"
  | "getNamedRanges"
  | "removeNamedRange"
  | "getActiveCell"
  | "getCurrentCell"
  | "addMenu";

/** True when `name` is taken by another sheet; Sheets compares sheet names case-insensitively. */
export function nameTaken(wb: Workbook, name: string, except: SheetModel | null): boolean {
  const lower = name.toLowerCase();
  return wb.spreadsheet.sheets.some((s) => s !== except && s.name.toLowerCase() === lower);
}

/** The sheet model behind a Sheet object of this spreadsheet, or the signature error of `method`. */
function sheetModelOf(wb: Workbook, method: string, sheet: unknown): SheetModel {
  if (sheet instanceof FakeSheet && sheet.workbook === wb) return sheet.model;
  throw signatureError(wb.kernel, method, [sheet]);
}

export class FakeSpreadsheet implements Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  constructor(readonly workbook: Workbook) {}

  private get model() {
    return this.workbook.spreadsheet;
  }

  getId(): string {
    this.workbook.call("Spreadsheet.getId");
    return this.model.id;
  }

  getName(): string {
    this.workbook.call("Spreadsheet.getName");
    return this.model.name;
  }

  getUrl(): string {
    this.workbook.call("Spreadsheet.getUrl");
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.workbook.call("Spreadsheet.getSpreadsheetTimeZone");
    return this.model.timeZone;
  }

  /** Serials stay; the instants they denote move to the new zone, as in Sheets. Unknown zones are refused [UNCONFIRMED text]. */
  setSpreadsheetTimeZone(timezone: string): void {
    this.workbook.call("Spreadsheet.setSpreadsheetTimeZone");
    if (typeof timezone !== "string")
      throw signatureError(this.workbook.kernel, "Spreadsheet.setSpreadsheetTimeZone", [timezone]);
    if (!isKnownTimeZone(timezone)) throw this.workbook.exception(`Invalid argument: ${timezone}`);
    this.reformat(() => {
      this.model.timeZone = timezone;
    });
  }

  getSpreadsheetLocale(): string {
    this.workbook.call("Spreadsheet.getSpreadsheetLocale");
    return this.model.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.workbook.call("Spreadsheet.setSpreadsheetLocale");
    if (typeof locale !== "string" || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      throw signatureError(this.workbook.kernel, "Spreadsheet.setSpreadsheetLocale", [locale]);
    this.reformat(() => {
      this.model.locale = locale;
    });
  }

  /**
   * Changes the locale or zone pivot tables and formulas compute with: pivots a write left stale are rendered with
   * the old setting first (Sheets had rendered them by then), and every pivot and formula is recomputed with the
   * new one when next observed.
   */
  private reformat(change: () => void): void {
    this.workbook.settlePivots();
    change();
    this.workbook.cellsChanged();
  }

  getSheets(): Sheet[] {
    this.workbook.call("Spreadsheet.getSheets");
    return this.model.sheets.map((s) => this.workbook.sheetObject(s) as unknown as Sheet);
  }

  /** Exact (case-sensitive) match, null when none [UNCONFIRMED: Sheets may match case-insensitively]. */
  getSheetByName(name: string): Sheet | null {
    this.workbook.call("Spreadsheet.getSheetByName");
    if (typeof name !== "string") throw signatureError(this.workbook.kernel, "Spreadsheet.getSheetByName", [name]);
    const sheet = this.model.sheets.find((s) => s.name === name);
    return sheet ? (this.workbook.sheetObject(sheet) as unknown as Sheet) : null;
  }

  getSheetById(id: number): Sheet | null {
    this.workbook.call("Spreadsheet.getSheetById");
    if (!isInteger(id)) throw signatureError(this.workbook.kernel, "Spreadsheet.getSheetById", [id]);
    const sheet = this.model.sheets.find((s) => s.id === id);
    return sheet ? (this.workbook.sheetObject(sheet) as unknown as Sheet) : null;
  }

  /**
   * insertSheet(), insertSheet(sheetIndex), insertSheet(sheetName), insertSheet(sheetName, sheetIndex).
   * The new sheet becomes the active sheet (reference). Options objects are not emulated.
   */
  insertSheet(...args: unknown[]): Sheet {
    this.workbook.call("Spreadsheet.insertSheet");
    const wb = this.workbook;
    const [first, second] = args;
    const fail = () => signatureError(wb.kernel, "Spreadsheet.insertSheet", args);
    let name: string | null = null;
    let index = this.model.sheets.length;
    if (args.length === 1 && typeof first === "string") name = first;
    else if (args.length === 1 && isInteger(first)) index = first;
    else if (args.length === 2 && typeof first === "string" && isInteger(second)) [name, index] = [first, second];
    else if (args.length !== 0) throw fail();
    if (index < 0 || index > this.model.sheets.length) throw wb.exception(`Invalid argument: sheetIndex`);
    if (name === null) {
      let n = this.model.sheets.length + 1;
      while (nameTaken(wb, defaultSheetName(this.model.locale, n), null)) n++;
      name = defaultSheetName(this.model.locale, n);
    } else if (nameTaken(wb, name, null)) throw wb.exception(sheetNameTaken(name));
    wb.assertCellLimit(1000 * 26);
    const sheet = newSheetModel(scrambledId(this.model.nextSheetId++), name);
    this.model.sheets.splice(index, 0, sheet);
    // A formula naming a sheet that did not exist reads it now.
    wb.formulas.changed();
    this.model.activeSheetIndex = index;
    this.model.activeRange = null;
    return wb.sheetObject(sheet) as unknown as Sheet;
  }

  deleteSheet(sheet: Sheet): void {
    this.workbook.call("Spreadsheet.deleteSheet");
    const model = sheetModelOf(this.workbook, "Spreadsheet.deleteSheet", sheet);
    if (this.model.sheets.length === 1) throw this.workbook.exception(MESSAGES.removeAllSheets);
    const active = this.workbook.activeSheetModel();
    this.workbook.settlePivots();
    this.model.sheets = this.model.sheets.filter((s) => s !== model);
    this.model.protections = this.model.protections.filter((p) => p.range.sheetId !== model.id);
    this.model.developerMetadata = this.model.developerMetadata.filter(
      (m) => m.location.type === "SPREADSHEET" || m.location.sheetId !== model.id,
    );
    dropNamedRangesOfSheet(this.model, model.id);
    // Formulas and pivot tables reading the sheet show #REF! now (the engine no longer finds it).
    this.workbook.sheetDeleted(model);
    const stillActive = this.model.sheets.indexOf(active);
    this.model.activeSheetIndex = Math.max(stillActive, 0);
    if (this.model.activeRange?.sheetId === model.id) this.model.activeRange = null;
  }

  getActiveSheet(): Sheet {
    this.workbook.call("Spreadsheet.getActiveSheet");
    return this.workbook.sheetObject(this.workbook.activeSheetModel()) as unknown as Sheet;
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.workbook.call("Spreadsheet.setActiveSheet");
    const model = sheetModelOf(this.workbook, "Spreadsheet.setActiveSheet", sheet);
    this.model.activeSheetIndex = this.model.sheets.indexOf(model);
    this.model.activeRange = null;
    return sheet;
  }

  /** The selection, or null when there is none (a script run without a user selection) [UNCONFIRMED]. */
  getActiveRange(): Range | null {
    this.workbook.call("Spreadsheet.getActiveRange");
    const ref = this.model.activeRange;
    return ref ? this.workbook.rangeOf(ref) : null;
  }

  setActiveRange(range: Range): Range {
    this.workbook.call("Spreadsheet.setActiveRange");
    return this.select("Spreadsheet.setActiveRange", range);
  }

  setActiveSelection(range: Range | string): Range {
    this.workbook.call("Spreadsheet.setActiveSelection");
    const target =
      typeof range === "string"
        ? (this.workbook.rangeByA1(range, this.workbook.activeSheetModel(), false) as unknown as Range)
        : range;
    return this.select("Spreadsheet.setActiveSelection", target);
  }

  private select(method: string, range: Range): Range {
    if (!(range instanceof FakeRange) || range.workbook !== this.workbook)
      throw signatureError(this.workbook.kernel, method, [range]);
    selectRange(this.workbook, range);
    return range;
  }

  /** "Sheet1!A1:B2", or A1 notation on the active sheet. */
  getRange(a1Notation: string): Range {
    this.workbook.call("Spreadsheet.getRange");
    if (typeof a1Notation !== "string")
      throw signatureError(this.workbook.kernel, "Spreadsheet.getRange", [a1Notation]);
    return this.workbook.rangeByA1(a1Notation, this.workbook.activeSheetModel(), false) as unknown as Range;
  }

  getOwner(): GoogleAppsScript.Base.User | null {
    this.workbook.call("Spreadsheet.getOwner");
    return userOf(this.workbook.kernel, this.model.owner) as GoogleAppsScript.Base.User;
  }

  /** The owner and the editors of the file. */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.workbook.call("Spreadsheet.getEditors");
    const emails = [...new Set([this.model.owner, ...this.model.editors])];
    return emails.map((e) => userOf(this.workbook.kernel, e) as GoogleAppsScript.Base.User);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.workbook.call("Spreadsheet.getProtections");
    return protectionsOf(
      this.workbook,
      "Spreadsheet.getProtections",
      type,
      null,
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }

  addDeveloperMetadata(...args: unknown[]): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.workbook.call("Spreadsheet.addDeveloperMetadata");
    addMetadata(this.workbook, "Spreadsheet.addDeveloperMetadata", args, { type: "SPREADSHEET" });
    return this as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.workbook.call("Spreadsheet.getDeveloperMetadata");
    return metadataOfSpreadsheet(this.workbook) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata[];
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.workbook.call("Spreadsheet.createDeveloperMetadataFinder");
    return new FakeDeveloperMetadataFinder(
      this.workbook,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  /** Recorded in store.toasts; nothing else happens. A null or missing timeout means 5 s; negative stays (reference). */
  toast(...args: [msg: string, title?: string, timeoutSeconds?: number | null]): void {
    this.workbook.call("Spreadsheet.toast");
    const [msg, title, timeoutSeconds] = args;
    const ok =
      typeof msg === "string" &&
      (title === undefined || typeof title === "string") &&
      (timeoutSeconds === undefined || timeoutSeconds === null || typeof timeoutSeconds === "number");
    if (!ok) throw signatureError(this.workbook.kernel, "Spreadsheet.toast", args);
    this.workbook.store.toasts.push({
      spreadsheetId: this.model.id,
      message: msg,
      title: title ?? "",
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  // Named ranges (./named-ranges).

  setNamedRange(...args: unknown[]): void {
    this.workbook.call("Spreadsheet.setNamedRange");
    setNamedRange(this.workbook, args);
  }

  getRangeByName(...args: unknown[]): Range | null {
    this.workbook.call("Spreadsheet.getRangeByName");
    return rangeByName(this.workbook, args);
  }

  /** "Gets all the named ranges in this spreadsheet." */
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    this.workbook.call("Spreadsheet.getNamedRanges");
    return namedRangesOf(this.workbook, null);
  }

  removeNamedRange(...args: unknown[]): void {
    this.workbook.call("Spreadsheet.removeNamedRange");
    removeNamedRange(this.workbook, args);
  }

  /** The active sheet's active cell (Sheet.getActiveCell). */
  getActiveCell(): Range {
    this.workbook.call("Spreadsheet.getActiveCell");
    return activeCellOf(this.workbook, this.workbook.activeSheetModel()) as unknown as Range;
  }

  /** "Returns the current (highlighted) cell that is selected in one of the active ranges in the active sheet or null if there is no current cell." */
  getCurrentCell(): Range | null {
    this.workbook.call("Spreadsheet.getCurrentCell");
    return currentCellOf(this.workbook);
  }

  /**
   * The old menu API (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addMenu(String,Object)):
   * entries `{name, functionName}`, null for a separator; shown as Ui.createMenu(name)…addToUi() would show it.
   */
  addMenu(...args: unknown[]): void {
    this.workbook.call("Spreadsheet.addMenu");
    const [name, subMenus] = args;
    const isEntry = (e: unknown) =>
      e === null ||
      (typeof e === "object" &&
        typeof (e as { name?: unknown }).name === "string" &&
        typeof (e as { functionName?: unknown }).functionName === "string");
    if (args.length !== 2 || typeof name !== "string" || !Array.isArray(subMenus) || !subMenus.every(isEntry))
      throw signatureError(this.workbook.kernel, "Spreadsheet.addMenu", args);
    const ui = this.workbook.store.ui;
    if (!ui) throw new Error("Spreadsheet.addMenu needs the runtime's UI (SpreadsheetStore.ui)");
    const menu = ui().createMenu(name);
    for (const entry of subMenus as ({ name: string; functionName: string } | null)[]) {
      if (entry === null) menu.addSeparator();
      else menu.addItem(entry.name, entry.functionName);
    }
    menu.addToUi();
  }
}

/** The top-left cell of the selection when it is on `sheet`, else the sheet's A1 [UNCONFIRMED]. */
export function activeCellOf(wb: Workbook, sheet: SheetModel): FakeRange {
  const ref = wb.spreadsheet.activeRange;
  const onSheet = ref && ref.sheetId === sheet.id;
  return wb.range(sheet, onSheet ? ref.row : 1, onSheet ? ref.column : 1, 1, 1);
}

/** The top-left cell of the selection, or null when nothing is selected. */
export function currentCellOf(wb: Workbook): Range | null {
  const ref = wb.spreadsheet.activeRange;
  return ref ? wb.rangeOf({ ...ref, numRows: 1, numColumns: 1 }) : null;
}

/** Makes a range the selection, and its sheet the active sheet. */
export function selectRange(wb: Workbook, range: FakeRange): void {
  wb.spreadsheet.activeSheetIndex = wb.spreadsheet.sheets.indexOf(range.sheet);
  wb.spreadsheet.activeRange = range.ref();
}
