/** Named ranges of a spreadsheet (developers.google.com/apps-script/reference/spreadsheet/named-range): setting, finding, renaming and removing them, and how they move with their cells. */

import { signatureError } from "./errors";
import type { GridRangeRef, NamedRangeModel, SpreadsheetModel } from "./model";
import type { Workbook } from "./workbook";

type Range = GoogleAppsScript.Spreadsheet.Range;
type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

/**
 * Sheets' rules for a name (support.google.com/docs/answer/63175, "Name a range"): "Can contain only letters,
 * numbers, and underscores. Can't start with a number, or the words 'true' or 'false.' Can't contain any spaces or
 * punctuation. Must be 1–250 characters. Can't be in either A1 or R1C1 syntax."
 */
function isValidName(name: string): boolean {
  return (
    /^[\p{L}_][\p{L}\p{N}_]{0,249}$/u.test(name) &&
    !/^(true|false)/i.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name)
  );
}

/** The texts for a refused name and a taken one are [UNCONFIRMED]; refusing a taken name is the stricter choice. */
export const NAMED_RANGE_ERRORS = {
  invalidName: (name: string) => `Invalid argument: ${name}`,
  nameTaken: (name: string) => `A named range with the name "${name}" already exists.`,
  notFound: (name: string) => `Invalid argument: ${name}`,
};

function listOf(model: SpreadsheetModel): NamedRangeModel[] {
  model.namedRanges ??= [];
  return model.namedRanges;
}

/** Names compare case-insensitively for uniqueness [UNCONFIRMED], the stricter reading. */
function checkName(wb: Workbook, name: string, except: NamedRangeModel | null): void {
  if (!isValidName(name)) throw wb.exception(NAMED_RANGE_ERRORS.invalidName(name));
  const lower = name.toLowerCase();
  if (listOf(wb.spreadsheet).some((n) => n !== except && n.name.toLowerCase() === lower))
    throw wb.exception(NAMED_RANGE_ERRORS.nameTaken(name));
}

/** A NamedRange object over the stored one (it reads the live model: the range it gives moves with its cells). */
class FakeNamedRange implements NamedRange {
  constructor(
    private readonly wb: Workbook,
    private readonly model: NamedRangeModel,
  ) {}

  getName(): string {
    this.wb.call("NamedRange.getName");
    return this.model.name;
  }

  getRange(): Range {
    this.wb.call("NamedRange.getRange");
    return this.wb.rangeOf(this.model.range);
  }

  setName(...args: unknown[]): NamedRange {
    this.wb.call("NamedRange.setName");
    const [name] = args;
    if (args.length !== 1 || typeof name !== "string") throw signatureError(this.wb.kernel, "NamedRange.setName", args);
    checkName(this.wb, name, this.model);
    this.model.name = name;
    return this;
  }

  setRange(...args: unknown[]): NamedRange {
    this.wb.call("NamedRange.setRange");
    const [range] = args;
    if (args.length !== 1) throw signatureError(this.wb.kernel, "NamedRange.setRange", args);
    this.model.range = this.wb.refOf(range as Range);
    return this;
  }

  remove(): void {
    this.wb.call("NamedRange.remove");
    const list = listOf(this.wb.spreadsheet);
    list.splice(list.indexOf(this.model), 1);
  }
}

/** Spreadsheet.setNamedRange(name, range): "Names a range." */
export function setNamedRange(wb: Workbook, args: readonly unknown[]): void {
  const [name, range] = args;
  if (args.length !== 2 || typeof name !== "string" || typeof range !== "object" || range === null)
    throw signatureError(wb.kernel, "Spreadsheet.setNamedRange", args);
  const ref = wb.refOf(range as Range);
  checkName(wb, name, null);
  listOf(wb.spreadsheet).push({ name, range: ref });
}

/** Spreadsheet.getRangeByName(name): "Returns a named range, or null if no range with the given name is found." Exact names [UNCONFIRMED]. */
export function rangeByName(wb: Workbook, args: readonly unknown[]): Range | null {
  const [name] = args;
  if (args.length !== 1 || typeof name !== "string")
    throw signatureError(wb.kernel, "Spreadsheet.getRangeByName", args);
  const found = listOf(wb.spreadsheet).find((n) => n.name === name);
  return found ? wb.rangeOf(found.range) : null;
}

/** The named ranges of the spreadsheet, or of one sheet (Sheet.getNamedRanges), in the order they were set. */
export function namedRangesOf(wb: Workbook, sheetId: number | null): NamedRange[] {
  return listOf(wb.spreadsheet)
    .filter((n) => sheetId === null || n.range.sheetId === sheetId)
    .map((n) => new FakeNamedRange(wb, n));
}

/**
 * Spreadsheet.removeNamedRange(name): "Deletes a named range with the given name. Throws an exception if no range
 * with the given name is found in the spreadsheet."
 */
export function removeNamedRange(wb: Workbook, args: readonly unknown[]): void {
  const [name] = args;
  if (args.length !== 1 || typeof name !== "string")
    throw signatureError(wb.kernel, "Spreadsheet.removeNamedRange", args);
  const list = listOf(wb.spreadsheet);
  const index = list.findIndex((n) => n.name === name);
  if (index < 0) throw wb.exception(NAMED_RANGE_ERRORS.notFound(name));
  list.splice(index, 1);
}

/**
 * Moves the named ranges after rows or columns were inserted or deleted, as Sheets moves every stored range. One whose
 * cells were all deleted is gone: Sheets keeps it as #REF!, but neither getNamedRanges nor getRangeByName gives it
 * back (issuetracker.google.com/issues/126262167, quoted in github.com/burnash/gspread/issues/1530).
 */
export function shiftNamedRanges(model: SpreadsheetModel, shift: (ref: GridRangeRef) => GridRangeRef | null): void {
  if (!model.namedRanges) return;
  model.namedRanges = model.namedRanges.filter((n) => {
    const moved = shift(n.range);
    if (moved) n.range = moved;
    return moved !== null;
  });
}

/** Drops the named ranges of a deleted sheet (they would name #REF!, which Apps Script does not return). */
export function dropNamedRangesOfSheet(model: SpreadsheetModel, sheetId: number): void {
  if (model.namedRanges) model.namedRanges = model.namedRanges.filter((n) => n.range.sheetId !== sheetId);
}
