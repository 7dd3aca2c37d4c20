/** Formats of an emulated Range: number formats, colours, font, alignment, wrapping, notes, and clearing. */

import { type ClearWhat, mapRect } from "./grid";
import { AUTOMATIC_FORMAT } from "./number-format";
import { checkShape, RangeBase } from "./range-base";

type Range = GoogleAppsScript.Spreadsheet.Range;

const DEFAULT_BACKGROUND = "#ffffff";

const NAMED_COLORS: Record<string, string> = {
  white: "#ffffff",
  black: "#000000",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
};

/** Colours as getBackground() reports them: lower-case "#rrggbb" (CSS names and "#rgb" expanded) [approximation]. */
function normalizeColor(color: string): string {
  const lower = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(lower);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return NAMED_COLORS[lower] ?? lower;
}

/** Values Range.setFontWeight accepts (developers.google.com/apps-script/reference/spreadsheet/range#setFontWeight(String)). */
const FONT_WEIGHTS = ["bold", "normal"];
/** Values Range.setHorizontalAlignment accepts. */
const HORIZONTAL_ALIGNMENTS = ["left", "center", "right", "normal"];

export class RangeFormatting extends RangeBase {
  getNumberFormat(): string {
    this.call("getNumberFormat", { cellsRead: 1 });
    this.settleCells();
    return this.topLeft()?.numberFormat ?? AUTOMATIC_FORMAT;
  }

  getNumberFormats(): string[][] {
    this.call("getNumberFormats", { cellsRead: this.size });
    this.settleCells();
    return mapRect(this.sheet, this, (cell) => cell?.numberFormat ?? AUTOMATIC_FORMAT);
  }

  setNumberFormat(numberFormat: string): Range {
    this.call("setNumberFormat", { cellsWritten: this.size });
    if (typeof numberFormat !== "string") throw this.fail("setNumberFormat", [numberFormat]);
    return this.update((cell) => {
      cell.numberFormat = numberFormat;
    });
  }

  setNumberFormats(numberFormats: string[][]): Range {
    this.call("setNumberFormats", { cellsWritten: this.size });
    const data = checkShape(this.workbook, "Range.setNumberFormats", numberFormats, this.numRows, this.numColumns);
    if (!data.every((line) => line.every((f) => typeof f === "string")))
      throw this.fail("setNumberFormats", [numberFormats]);
    return this.update((cell, i, j) => {
      cell.numberFormat = data[i]?.[j] as string;
    });
  }

  /** clear() removes contents and formats; options pick parts (contentsOnly, formatOnly, validationsOnly, commentsOnly). */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): Range {
    if (options === undefined) return this.clearing("clear", { contents: true, formats: true });
    const what: ClearWhat = {
      contents: options.contentsOnly === true,
      formats: options.formatOnly === true,
      validations: options.validationsOnly === true,
      notes: options.commentsOnly === true,
    };
    return this.clearing("clear", Object.values(what).some(Boolean) ? what : { contents: true, formats: true });
  }

  clearContent(): Range {
    return this.clearing("clearContent", { contents: true });
  }

  clearFormat(): Range {
    return this.clearing("clearFormat", { formats: true });
  }

  getBackground(): string {
    this.call("getBackground", { cellsRead: 1 });
    this.settleCells();
    return this.topLeft()?.background ?? DEFAULT_BACKGROUND;
  }

  getBackgrounds(): string[][] {
    this.call("getBackgrounds", { cellsRead: this.size });
    this.settleCells();
    return mapRect(this.sheet, this, (cell) => cell?.background ?? DEFAULT_BACKGROUND);
  }

  /** null resets to white. */
  setBackground(color: string | null): Range {
    this.call("setBackground", { cellsWritten: this.size });
    if (color !== null && typeof color !== "string") throw this.fail("setBackground", [color]);
    return this.update((cell) => {
      if (color === null) delete cell.background;
      else cell.background = normalizeColor(color);
    });
  }

  setBackgrounds(color: string[][]): Range {
    this.call("setBackgrounds", { cellsWritten: this.size });
    const data = checkShape(this.workbook, "Range.setBackgrounds", color, this.numRows, this.numColumns);
    if (!data.every((line) => line.every((c) => c === null || typeof c === "string")))
      throw this.fail("setBackgrounds", [color]);
    return this.update((cell, i, j) => {
      const c = data[i]?.[j] as string | null;
      if (c === null) delete cell.background;
      else cell.background = normalizeColor(c);
    });
  }

  setFontColor(color: string | null): Range {
    this.call("setFontColor", { cellsWritten: this.size });
    if (color !== null && typeof color !== "string") throw this.fail("setFontColor", [color]);
    return this.update((cell) => {
      if (color === null) delete cell.fontColor;
      else cell.fontColor = normalizeColor(color);
    });
  }

  /** "bold", "normal" or null; other texts are refused (stricter) [UNCONFIRMED text]. */
  setFontWeight(fontWeight: string | null): Range {
    this.call("setFontWeight", { cellsWritten: this.size });
    if (fontWeight !== null && typeof fontWeight !== "string") throw this.fail("setFontWeight", [fontWeight]);
    if (fontWeight !== null && !FONT_WEIGHTS.includes(fontWeight))
      throw this.workbook.exception(`Invalid argument: ${fontWeight}`);
    return this.update((cell) => {
      if (fontWeight === null || fontWeight === "normal") delete cell.fontWeight;
      else cell.fontWeight = fontWeight;
    });
  }

  setHorizontalAlignment(alignment: string | null): Range {
    this.call("setHorizontalAlignment", { cellsWritten: this.size });
    if (alignment !== null && typeof alignment !== "string") throw this.fail("setHorizontalAlignment", [alignment]);
    if (alignment !== null && !HORIZONTAL_ALIGNMENTS.includes(alignment))
      throw this.workbook.exception(`Invalid argument: ${alignment}`);
    return this.update((cell) => {
      if (alignment === null || alignment === "normal") delete cell.horizontalAlignment;
      else cell.horizontalAlignment = alignment;
    });
  }

  setWrap(isWrapEnabled: boolean): Range {
    this.call("setWrap", { cellsWritten: this.size });
    if (typeof isWrapEnabled !== "boolean") throw this.fail("setWrap", [isWrapEnabled]);
    return this.update((cell) => {
      cell.wrap = isWrapEnabled;
    });
  }

  /** null or "" removes the note. */
  setNote(note: string | null): Range {
    this.call("setNote", { cellsWritten: this.size });
    if (note !== null && typeof note !== "string") throw this.fail("setNote", [note]);
    return this.update((cell) => {
      if (!note) delete cell.note;
      else cell.note = note;
    });
  }

  getNote(): string {
    this.call("getNote", { cellsRead: 1 });
    return this.topLeft()?.note ?? "";
  }

  /** "Returns the notes associated with the cells in the range" ("" where a cell has none; reference, Range#getNotes()). */
  getNotes(): string[][] {
    this.call("getNotes", { cellsRead: this.size });
    return mapRect(this.sheet, this, (cell) => cell?.note ?? "");
  }

  /** "Sets a rectangular grid of notes (must match dimensions of this range)"; null or "" removes a cell's note. */
  setNotes(notes: (string | null)[][]): Range {
    this.call("setNotes", { cellsWritten: this.size });
    const data = checkShape(this.workbook, "Range.setNotes", notes, this.numRows, this.numColumns);
    if (!data.every((line) => line.every((note) => note === null || typeof note === "string")))
      throw this.fail("setNotes", [notes]);
    return this.update((cell, i, j) => {
      const note = data[i]?.[j] as string | null;
      if (!note) delete cell.note;
      else cell.note = note;
    });
  }
}
