/** Follow-up rows read from the sheet's values, with the cells a person has to look at; what is due is ./due's to say. */

import { fill, translator } from "../i18n/translate";
import { columnLetter } from "./a1";
import { parseAmount } from "./amounts";
import { cadenceDate } from "./cadence";
import {
  type ByKind,
  type ColumnFields,
  type ColumnKey,
  type ColumnPositions,
  columnFields,
  columnSpec,
} from "./columns";
import { customerKey } from "./customer-match";
import { type Day, dayInZone, dayOfTypedDate, isoOfDay, readTypedDate } from "./dates";
import { doneMarkOf, isDateCell } from "./due";
import type { Language } from "./language";
import type { Settings } from "./settings";
import { cellText, normalizeHeader, sheetTrim } from "./text";

/**
 * One follow-up: one contact with a customer, one row of the Follow-ups sheet: a field per column of the registry
 * (./columns), holding its kind's value, and these:
 */
export interface FollowUp extends ColumnFields {
  /** Sheet row. */
  row: number;
  /** The customer as ./customer-match compares customers ("" without a customer). */
  customerKey: string;
  /**
   * SPEC "next date" (`nextDate`) is the next-date cell's; when that cell is empty, the first date written in the
   * next step; when there is none, the date the cadence gives (./cadence) from a follow-up date the sheet holds. This
   * says where it came from when not from its cell: "text", the cell empty and the date read from the next step
   * ("6/12回访报价反馈"); "cadence", no date in either and the cadence's.
   */
  nextDateSource?: NextDateSource;
}

/** A next date not read from its cell. */
export type NextDateSource = "text" | "cadence";

/** A cell a person has to look at. */
export interface RowProblem {
  row: number;
  column: ColumnKey;
  kind:
    | "notADate"
    | "numberAsDate"
    | "unknownDone"
    | "repeatedHeader"
    | "missingCustomer"
    | "missingDate"
    | "missingStage"
    | "unknownStage"
    | "unknownOwner"
    | "ambiguousOwner"
    | "missingNextDate"
    /** A vague status (跟进中, TBD …): still an open follow-up, listed for cleanup (./stage-words). */
    | "vagueStage"
    /** An amount cell that holds no amount (./amounts). */
    | "notAnAmount";
  value: string;
}

/** Blank as far as a follow-up goes: empty, whitespace, or an unticked checkbox. */
export function isBlankCell(value: unknown): boolean {
  return value === false || (!isDateCell(value) && cellText(value) === "");
}

/** How typed dates are read: in the order of the table's language (zh 24/6/3, en 6/3/24), near the spreadsheet's today. */
export interface DateReading {
  language: Language;
  /** Today in the spreadsheet's zone: a follow-up date typed without a year takes the year nearest it. */
  today: Day;
  /** The Settings whose cadence gives a next date to rows without one; none is given without them (adoption's first read). */
  settings?: Settings;
}

/** Sheets' serial day 0 (1899-12-30) as a Day: a number in a date cell counts from there, as the sheet's INT() does. */
const SERIAL_EPOCH_DAY = -25569;

/**
 * The test whether a data row repeats `header` (a header row pasted again inside the data): at least two of the
 * table's column headers, and at least half of them, stand again in their own columns. With `unreadRepeat`, a cell
 * not read (undefined) counts as repeating its header: whether the row may repeat it once read whole.
 */
function headerRepeat(
  header: readonly unknown[],
  columns: ColumnPositions,
): (cells: readonly unknown[], unreadRepeat?: boolean) => boolean {
  const titles = Object.values(columns).flatMap((column) => {
    const title = normalizeHeader(header[column - 1]);
    return title === "" ? [] : [{ column, title }];
  });
  const needed = Math.max(2, Math.ceil(titles.length / 2));
  return (cells, unreadRepeat = false) => {
    const unread = unreadRepeat ? titles.filter(({ column }) => cells[column - 1] === undefined).length : 0;
    let repeated = unread;
    let left = titles.length - unread;
    // Each cell's header text costs a few regular expressions: compared only until the answer is known.
    for (const { column, title } of titles) {
      if (repeated >= needed || repeated + left < needed) break;
      const cell = cells[column - 1];
      if (unreadRepeat && cell === undefined) continue;
      left--;
      if (normalizeHeader(cell) === title) repeated++;
    }
    return repeated >= needed;
  };
}

/**
 * The rows of `values` read in some columns only (a cell not read is undefined, which getValues never returns) that
 * `readFollowUps` may read otherwise once their other cells are read: those blank in every cell read (a blank row, or
 * a follow-up by a cell not read), and those that may repeat the header in cells not read. Every other row reads as
 * it would whole, but for the fields of the columns not read (blank) and their cells' problems (not found).
 */
export function rowsToReadWhole(
  values: readonly (readonly unknown[])[],
  firstRow: number,
  header: readonly unknown[],
  columns: ColumnPositions,
): number[] {
  const repeatsHeader = headerRepeat(header, columns);
  const rows: number[] = [];
  values.forEach((cells, index) => {
    if (!cells.includes(undefined)) return;
    if (cells.every(isBlankCell) || repeatsHeader(cells, true)) rows.push(firstRow + index);
  });
  return rows;
}

/** One row's cells as the readers of ./columns' kinds see them. */
interface RowCells {
  /** The cell of a column ("" when the table lacks the column). */
  cell(key: ColumnKey): unknown;
  /** The cell as trimmed text (a date as yyyy-mm-dd in the spreadsheet's zone). */
  text(key: ColumnKey): string;
  /** A date column's day, a typed date without a year taking the year nearest the row's follow-up date. */
  day(key: ColumnKey): Day | null;
  /** Reports the cell as one a person has to look at. */
  report(key: ColumnKey, kind: RowProblem["kind"], value: string): void;
}

const asText = (key: ColumnKey, cells: RowCells): string => cells.text(key);

/** How a column of each kind is read from its cell, with what is reported. */
const READERS: ByKind<RowCells> = {
  id: asText,
  text: asText,
  date: (key, cells) => cells.day(key),
  timestamp: (key, cells) => {
    const value = cells.cell(key);
    if (isDateCell(value)) return value.getTime();
    if (cellText(value) !== "") cells.report(key, "notADate", cellText(value));
    return null;
  },
  // As the sheet's formula reads it (TRIM only trims spaces): "已流失" and an ideographic space is not a stage.
  stage: (key, cells) => sheetTrim(cells.cell(key)),
  method: asText,
  owner: asText,
  source: asText,
  score: asText,
  done: (key, cells) => {
    const mark = doneMarkOf(cells.cell(key));
    if (mark === "unknown") cells.report(key, "unknownDone", cells.text(key));
    return mark === "done";
  },
  superseded: (key, cells) => cells.cell(key) === true,
  amount: (key, cells) => {
    const amount = parseAmount(cells.cell(key));
    if (amount !== "notAnAmount") return amount;
    cells.report(key, "notAnAmount", cells.text(key));
    return null;
  },
};

/**
 * The follow-ups in `values` (the data rows below the header, `firstRow` being the sheet row of the first), with the
 * cells a person has to fix: dates that are not dates, done marks that mean nothing, rows without a customer or a
 * follow-up date, and copies of the header row (which are not follow-ups). Blank rows are skipped. Every column is
 * read by its kind (`READERS`); the customer, the follow-up date and the next date by rules of their own. Dates are
 * the day they fall on in `timeZone`, the spreadsheet's; a plain number in a date column is the day the sheet's
 * formulas take it for (a serial day) and is reported. Dates typed as text are read as ./dates reads them
 * (`reading`): a follow-up date without a year takes the year nearest today, other dates without one the year
 * nearest the row's follow-up date when that cell holds a date (else today's); an empty next-date cell takes the
 * first date in the next step. A text that is no date is reported. A row with no next date in either, whose
 * follow-up date the sheet holds as a date, takes the cadence's (as the colouring formula can compute it). `reading`
 * defaults to zh order and the current day, without a cadence.
 */
export function readFollowUps(
  values: readonly (readonly unknown[])[],
  firstRow: number,
  columns: ColumnPositions,
  timeZone: string,
  header: readonly unknown[] = [],
  reading: DateReading = { language: "zh", today: dayInZone(Date.now(), timeZone) },
): { followUps: FollowUp[]; problems: RowProblem[] } {
  const followUps: FollowUp[] = [];
  const problems: RowProblem[] = [];
  const repeatsHeader = headerRepeat(header, columns);
  const keys = new Map<string, string>();
  const keyOf = (customer: string): string => {
    let key = keys.get(customer);
    if (key === undefined) {
      key = customer === "" ? "" : customerKey(customer);
      keys.set(customer, key);
    }
    return key;
  };
  // The row being read: the readers below are made once per table, not once per row (a table may hold 100,000).
  let cells: readonly unknown[] = [];
  let row = 0;
  /** The day a date without a year is read near: the row's follow-up date when the sheet holds one, else today. */
  let near = reading.today;
  const cell = (key: ColumnKey): unknown => {
    const column = columns[key];
    return column === undefined ? "" : cells[column - 1];
  };
  const text = (key: ColumnKey): string => {
    const value = cell(key);
    return isDateCell(value) ? isoOfDay(dayInZone(value.getTime(), timeZone)) : cellText(value);
  };
  /** The day the sheet's formulas see in a date cell: a date, or a plain number as a serial day (reported). */
  const sheetDay = (key: ColumnKey): Day | null => {
    const value = cell(key);
    if (isDateCell(value)) return dayInZone(value.getTime(), timeZone);
    if (typeof value !== "number" || !Number.isFinite(value)) return null;
    const serialDay = Math.floor(value) + SERIAL_EPOCH_DAY;
    problems.push({ row, column: key, kind: "numberAsDate", value: `${cellText(value)} → ${isoOfDay(serialDay)}` });
    return serialDay;
  };
  /** A date cell's day: as the sheet holds it, else typed as text (the year of a date without one nearest `nearDay`). */
  const day = (key: ColumnKey, nearDay: Day): Day | null => {
    const value = cell(key);
    const held = sheetDay(key);
    if (held !== null) return held;
    // Blank as the sheet's formula sees it (TRIM of the text): only then does a next date come from the next step.
    if (sheetTrim(value) === "") {
      if (key === "date") problems.push({ row, column: key, kind: "missingDate", value: "" });
      return null;
    }
    const typed = typeof value === "string" ? readTypedDate(value, reading.language, "cell") : null;
    if (typed) return dayOfTypedDate(typed, nearDay);
    problems.push({ row, column: key, kind: "notADate", value: cellText(value) });
    return null;
  };
  const rowCells: RowCells = {
    cell,
    text,
    day: (key) => day(key, near),
    report: (column, kind, value) => problems.push({ row, column, kind, value }),
  };
  values.forEach((rowValues, index) => {
    if (rowValues.every(isBlankCell)) return;
    cells = rowValues;
    row = firstRow + index;
    if (repeatsHeader(cells)) {
      problems.push({
        row,
        column: "customer",
        kind: "repeatedHeader",
        value: cellText(cells[(columns.customer ?? 1) - 1]),
      });
      return;
    }
    const customer = text("customer");
    if (customer === "") problems.push({ row, column: "customer", kind: "missingCustomer", value: "" });
    const date = day("date", reading.today);
    // A next date without a year is read near the follow-up date when the sheet holds one (as the colouring formula
    // can see it), else near today.
    const dateHeld = isDateCell(cell("date")) || typeof cell("date") === "number";
    near = dateHeld && date !== null ? date : reading.today;
    const nextStepCell = cell("nextStep");
    const inText =
      sheetTrim(cell("nextDate")) === "" && typeof nextStepCell === "string"
        ? readTypedDate(nextStepCell, reading.language, "sentence")
        : null;
    const read = inText ? dayOfTypedDate(inText, near) : day("nextDate", near);
    const byCadence =
      read === null && dateHeld && date !== null && reading.settings
        ? cadenceDate(reading.settings, sheetTrim(cell("stage")), text("score"), date)
        : null;
    const nextDate = read ?? byCadence;
    const nextDateSource: NextDateSource | undefined = inText ? "text" : byCadence !== null ? "cadence" : undefined;
    followUps.push({
      row,
      ...columnFields(READERS, rowCells, { customer, date, nextDate }),
      customerKey: keyOf(customer),
      ...(nextDateSource ? { nextDateSource } : {}),
    });
  });
  return { followUps, problems };
}

/**
 * A problem as one sentence in `language`, naming its row, cell and column as the team sees it (their header in
 * `header`, else the add-on's): "第 5 行 K 列「下次跟进日期」的「下周三」不是日期" / "Row 5, cell K5 (Next follow-up
 * date): “next Wed” is not a date". A problem of a column the table lacks names the row only.
 */
export function problemSentence(
  problem: RowProblem,
  columns: ColumnPositions,
  language: Language,
  header: readonly unknown[] = [],
): string {
  const t = translator(language);
  const position = columns[problem.column];
  const column =
    (position === undefined ? "" : cellText(header[position - 1])) || columnSpec(problem.column).header[language];
  const issue = fill(t(`problem.${problem.kind}`), { value: problem.value });
  if (position === undefined) return fill(t("problem.row"), { row: problem.row, column, issue });
  const letter = columnLetter(position);
  const place = { row: problem.row, letter, cell: `${letter}${problem.row}`, column, value: problem.value, issue };
  return fill(t(problem.kind === "notADate" ? "problem.cell.notADate" : "problem.cell"), place);
}
