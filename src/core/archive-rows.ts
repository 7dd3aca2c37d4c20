/** How the table's rows are written into an archive spreadsheet and read back: the archive's columns matched to the table's (the add-on's by key, the team's by header text, what the archive lacks appended), what each archived cell holds (a formula reading only its own row stays a formula; any other keeps the value Sheets showed, its formula in the note), and where archived follow-ups sit among the table's in the weekly review. */

import { columnLetter } from "./a1";
import { sameCell } from "./cell-writes";
import type { ColumnKey, ColumnPositions } from "./columns";
import { dayInZone, instantOfLocalTime } from "./dates";
import { isDateCell } from "./due";
import type { FollowUp, RowProblem } from "./follow-ups";
import { asLiteral } from "./literal";
import { cellText } from "./text";

/** An archive sheet's columns: its header texts (row 1) and where the add-on's columns are. */
export interface ArchiveColumns {
  header: string[];
  positions: ColumnPositions;
}

/** Where the table's columns go in an archive, and the archive's columns once they are all there. */
export interface ArchiveLayout extends ArchiveColumns {
  /** The archive column (1-based) of each table column: `columnOf[c - 1]` for table column c. */
  columnOf: number[];
}

/**
 * The layout of the table's `width` columns in an archive (`archive` null: a new one, laid out as the table). The
 * add-on's columns go to the archive's column of the same key; the team's to the first archive column with the same
 * header text not taken yet; a column the archive lacks is appended after its last column, so a column added to the
 * table (or renamed) later never lands in another's place.
 */
export function archiveLayout(
  table: { header: readonly unknown[]; positions: ColumnPositions; width: number },
  archive: ArchiveColumns | null,
): ArchiveLayout {
  const tableHeader = Array.from({ length: table.width }, (_, i) => cellText(table.header[i]));
  if (!archive) {
    return { header: tableHeader, positions: { ...table.positions }, columnOf: tableHeader.map((_, i) => i + 1) };
  }
  const header = [...archive.header];
  const positions: ColumnPositions = { ...archive.positions };
  const columnOf = Array<number>(table.width).fill(0);
  const taken = new Set<number>(Object.values(archive.positions));
  const append = (text: string): number => {
    header.push(text);
    taken.add(header.length);
    return header.length;
  };
  for (const [key, column] of Object.entries(table.positions) as [ColumnKey, number][]) {
    const at = positions[key] ?? append(tableHeader[column - 1] ?? "");
    positions[key] = at;
    columnOf[column - 1] = at;
  }
  tableHeader.forEach((text, i) => {
    if (columnOf[i] !== 0) return;
    const at = header.findIndex((existing, j) => existing === text && !taken.has(j + 1)) + 1;
    columnOf[i] = at > 0 ? at : append(text);
    taken.add(columnOf[i]);
  });
  return { header, positions, columnOf };
}

/**
 * Functions whose value depends on where the formula stands, on the moment, or on other files, or that may spill over
 * the cells beside it: a formula calling one keeps its value in the archive, not its formula.
 */
const NOT_MOVABLE = new Set([
  "ADDRESS",
  "ARRAYFORMULA",
  "BYCOL",
  "BYROW",
  "CELL",
  "CHOOSECOLS",
  "CHOOSEROWS",
  "COLUMN",
  "COLUMNS",
  "DETECTLANGUAGE",
  "FILTER",
  "FLATTEN",
  "GETPIVOTDATA",
  "GOOGLEFINANCE",
  "GOOGLETRANSLATE",
  "HSTACK",
  "IMPORTDATA",
  "IMPORTFEED",
  "IMPORTHTML",
  "IMPORTRANGE",
  "IMPORTXML",
  "INDIRECT",
  "INFO",
  "MAKEARRAY",
  "MAP",
  "MMULT",
  "NOW",
  "OFFSET",
  "QUERY",
  "RAND",
  "RANDARRAY",
  "RANDBETWEEN",
  "ROW",
  "ROWS",
  "SCAN",
  "SEQUENCE",
  "SHEET",
  "SHEETS",
  "SORT",
  "SORTN",
  "SPLIT",
  "TOCOL",
  "TODAY",
  "TOROW",
  "TRANSPOSE",
  "UNIQUE",
  "VSTACK",
  "WRAPCOLS",
  "WRAPROWS",
]);

/** A cell reference in A1 notation, not part of a longer name, a number (1E5) or a function name (LOG10). */
const CELL_REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(])/g;
/** A name: a function (when "(" follows), TRUE / FALSE, or a named range. */
const NAME = /(?<![A-Za-z0-9_.$])[A-Za-z_][A-Za-z0-9_.]*(\s*\()?/g;
/** Where a reference stood, once replaced. */
const PLACE = "\u0000";

/** The column number of letters ("A" → 1, "AB" → 28). */
function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/**
 * The formula `formula` (A1 notation, in table row `row`) as it reads the same cells of its own row from archive row
 * `archiveRow`: each reference to a cell of its own row moved there, its column through `columnOf`. Null when it reads
 * anything else (another row, a whole column, another sheet, a named range), or calls a function of NOT_MOVABLE.
 */
export function ownRowFormula(
  formula: string,
  row: number,
  archiveRow: number,
  columnOf: readonly number[],
): string | null {
  if (!formula.startsWith("=")) return null;
  // Outside its string literals ("…", with "" for a quote), the formula is code; strings stay as they are.
  const parts = formula.slice(1).split('"');
  let movable = true;
  const moved = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    const code = part.replace(CELL_REFERENCE, (_whole, columnFixed: string, letters: string, rowFixed, number) => {
      const column = columnOf[columnNumber(letters) - 1];
      if (Number(number) !== row || column === undefined) movable = false;
      return `${columnFixed}${columnLetter(column ?? 1)}${rowFixed}${archiveRow}`;
    });
    const rest = part.replace(CELL_REFERENCE, PLACE).replaceAll(new RegExp(`${PLACE}\\s*:\\s*${PLACE}`, "g"), PLACE);
    if (/[!':{]/.test(rest)) movable = false;
    for (const [name, call] of rest.matchAll(NAME)) {
      const word = name.replace(/\s*\($/, "").toUpperCase();
      if (call ? NOT_MOVABLE.has(word) : word !== "TRUE" && word !== "FALSE") movable = false;
    }
    return code;
  });
  return movable && parts.length % 2 === 1 ? `=${moved.join('"')}` : null;
}

/** What Range.getNumberFormat() gives for a cell left to Sheets' automatic format. */
export const AUTOMATIC_FORMAT = "0.###############";

/** One table row's cells as read: values, A1 formulas ("" for none), number formats and notes. */
export interface RowCells {
  values: readonly unknown[];
  formulas: readonly string[];
  formats: readonly string[];
  notes: readonly string[];
}

/** One row as written into the archive (as wide as it), and the values it must read back. */
export interface ArchivedRow {
  /** For setValues: text as a literal, a movable formula as a formula. */
  values: unknown[];
  formats: string[];
  notes: string[];
  /** What getValues must give back, cell by cell. */
  expected: unknown[];
}

/**
 * Table row `row` as archive row `archiveRow` lays it out: each cell's value (text stored literally), its number
 * format and note; a formula reading only its own row (`ownRowFormula`) stays a formula, any other keeps the value
 * Sheets showed, the formula's text added to the cell's note. A date in a cell of the automatic format is given a date
 * format (the archive's cell would otherwise show a number). `timeZone` is the spreadsheet's.
 */
export function archivedRow(
  layout: ArchiveLayout,
  cells: RowCells,
  row: number,
  archiveRow: number,
  timeZone: string,
): ArchivedRow {
  const width = layout.header.length;
  const out: ArchivedRow = {
    values: Array(width).fill(""),
    formats: Array(width).fill(AUTOMATIC_FORMAT),
    notes: Array(width).fill(""),
    expected: Array(width).fill(""),
  };
  layout.columnOf.forEach((at, i) => {
    const value = cells.values[i] ?? "";
    const formula = cells.formulas[i] ?? "";
    const note = cells.notes[i] ?? "";
    const moved = formula === "" ? null : ownRowFormula(formula, row, archiveRow, layout.columnOf);
    out.values[at - 1] = moved ?? asLiteral(value);
    out.notes[at - 1] = formula === "" || moved ? note : [note, formula].filter((text) => text !== "").join("\n");
    out.formats[at - 1] = formatOf(cells.formats[i] ?? AUTOMATIC_FORMAT, value, timeZone);
    out.expected[at - 1] = value;
  });
  return out;
}

/** The format an archived cell gets: the table cell's, or for a date in the automatic format, a date's. */
function formatOf(format: string, value: unknown, timeZone: string): string {
  if (format !== AUTOMATIC_FORMAT || !isDateCell(value)) return format;
  const midnight = instantOfLocalTime(dayInZone(value.getTime(), timeZone), 0, 0, timeZone) === value.getTime();
  return midnight ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss";
}

/** How many cells of `read` (the archive's rows read back) differ from what was `expected`. */
export function differingCells(
  expected: readonly (readonly unknown[])[],
  read: readonly (readonly unknown[])[],
): number {
  let differing = 0;
  expected.forEach((line, r) => {
    line.forEach((value, c) => {
      if (!sameCell(read[r]?.[c], value)) differing++;
    });
  });
  return differing;
}

/** Rows of archive `archive` (0-based, in record order) sit past every sheet row in the review (a sheet has < 10M rows). */
const ARCHIVE_ROW_SPAN = 10_000_000;

/** The row number an archived follow-up of `archive`, sheet row `row`, has in the review. */
export function reviewRowOf(archive: number, row: number): number {
  return (archive + 1) * ARCHIVE_ROW_SPAN + row;
}

/** The archive and sheet row of a review row number, or null for a row of the table. */
export function archivePlaceOf(reviewRow: number): { archive: number; row: number } | null {
  if (reviewRow < ARCHIVE_ROW_SPAN) return null;
  return { archive: Math.floor(reviewRow / ARCHIVE_ROW_SPAN) - 1, row: reviewRow % ARCHIVE_ROW_SPAN };
}

/** The follow-ups of each archive as read, and the cells it could not read. */
export interface ArchiveRead {
  followUps: FollowUp[];
  problems: RowProblem[];
}

/**
 * The archives' follow-ups as the review counts them beside the table's: renumbered past the table's rows
 * (`reviewRowOf`), each id once (a row the table still holds, archived by a run that stopped before deleting it,
 * counts in the table; a row in two archives counts once, in the later one).
 */
export function archivedForReview(archives: readonly ArchiveRead[], table: readonly FollowUp[]): ArchiveRead {
  const seen = new Set(table.map((f) => f.id.trim().toUpperCase()).filter((id) => id !== ""));
  const followUps: FollowUp[] = [];
  const problems: RowProblem[] = [];
  for (let archive = archives.length - 1; archive >= 0; archive--) {
    const read = archives[archive] as ArchiveRead;
    const dropped = new Set<number>();
    for (const f of read.followUps) {
      const id = f.id.trim().toUpperCase();
      if (id !== "" && seen.has(id)) dropped.add(f.row);
      else {
        if (id !== "") seen.add(id);
        followUps.push({ ...f, row: reviewRowOf(archive, f.row) });
      }
    }
    for (const p of read.problems) {
      if (!dropped.has(p.row)) problems.push({ ...p, row: reviewRowOf(archive, p.row) });
    }
  }
  return { followUps, problems };
}
