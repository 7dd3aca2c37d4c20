/** Follow-up rows read from the sheet's values, with the cells a person has to look at; what is due is ./due's to say. */

import type { ColumnKey, ColumnPositions } from "./columns";
import { type Day, dayInZone, isoOfDay } from "./dates";
import { doneMarkOf, isDateCell } from "./due";
import { cellText, customerKey, normalizeHeader, sheetTrim } from "./text";

/** One follow-up: one contact with a customer, one row of the Follow-ups sheet. */
export interface FollowUp {
  /** Sheet row. */
  row: number;
  id: string;
  customer: string;
  customerKey: string;
  contact: string;
  contactInfo: string;
  date: Day | null;
  method: string;
  need: string;
  summary: string;
  stage: string;
  nextStep: string;
  nextDate: Day | null;
  owner: string;
  source: string;
  score: string;
  notes: string;
  /** The done cell means done (see `doneMarkOf`; a value that means nothing is reported and counts as not done). */
  done: boolean;
  /** When the row was logged, epoch ms. */
  loggedAt: number | null;
  /** The add-on's "superseded" cell holds TRUE (what the sheet shows; the rule in ./due decides what it should be). */
  supersededMark: boolean;
}

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
    | "missingNextDate";
  value: string;
}

/** Blank as far as a follow-up goes: empty, whitespace, or an unticked checkbox. */
export function isBlankCell(value: unknown): boolean {
  return value === false || (!isDateCell(value) && cellText(value) === "");
}

/** Sheets' serial day 0 (1899-12-30) as a Day: a number in a date cell counts from there, as the sheet's INT() does. */
const SERIAL_EPOCH_DAY = -25569;

/**
 * Whether a data row repeats the header (a header row pasted again inside the data): at least two of the table's
 * column headers, and at least half of them, stand again in their own columns.
 */
function repeatsHeader(cells: readonly unknown[], header: readonly unknown[], columns: ColumnPositions): boolean {
  let named = 0;
  let repeated = 0;
  for (const column of Object.values(columns)) {
    const title = normalizeHeader(header[column - 1]);
    if (title === "") continue;
    named++;
    if (normalizeHeader(cells[column - 1]) === title) repeated++;
  }
  return repeated >= 2 && repeated * 2 >= named;
}

/**
 * The follow-ups in `values` (the data rows below the header, `firstRow` being the sheet row of the first), with the
 * cells a person has to fix: dates that are not dates, done marks that mean nothing, rows without a customer or a
 * follow-up date, and copies of the header row (which are not follow-ups). Blank rows are skipped. Dates are the day
 * they fall on in `timeZone`, the spreadsheet's; a plain number in a date column is the day the sheet's formulas take
 * it for (a serial day) and is reported.
 */
export function readFollowUps(
  values: readonly (readonly unknown[])[],
  firstRow: number,
  columns: ColumnPositions,
  timeZone: string,
  header: readonly unknown[] = [],
): { followUps: FollowUp[]; problems: RowProblem[] } {
  const followUps: FollowUp[] = [];
  const problems: RowProblem[] = [];
  const keys = new Map<string, string>();
  const keyOf = (customer: string): string => {
    let key = keys.get(customer);
    if (key === undefined) {
      key = customer === "" ? "" : customerKey(customer);
      keys.set(customer, key);
    }
    return key;
  };
  values.forEach((cells, index) => {
    if (cells.every(isBlankCell)) return;
    const row = firstRow + index;
    if (repeatsHeader(cells, header, columns)) {
      problems.push({
        row,
        column: "customer",
        kind: "repeatedHeader",
        value: cellText(cells[(columns.customer ?? 1) - 1]),
      });
      return;
    }
    const cell = (key: ColumnKey): unknown => {
      const column = columns[key];
      return column === undefined ? "" : cells[column - 1];
    };
    const text = (key: ColumnKey): string => {
      const value = cell(key);
      return isDateCell(value) ? isoOfDay(dayInZone(value.getTime(), timeZone)) : cellText(value);
    };
    const day = (key: "date" | "nextDate"): Day | null => {
      const value = cell(key);
      if (isDateCell(value)) return dayInZone(value.getTime(), timeZone);
      if (typeof value === "number" && Number.isFinite(value)) {
        const serialDay = Math.floor(value) + SERIAL_EPOCH_DAY;
        problems.push({ row, column: key, kind: "numberAsDate", value: `${cellText(value)} → ${isoOfDay(serialDay)}` });
        return serialDay;
      }
      if (cellText(value) !== "") problems.push({ row, column: key, kind: "notADate", value: cellText(value) });
      else if (key === "date") problems.push({ row, column: key, kind: "missingDate", value: "" });
      return null;
    };
    const customer = text("customer");
    if (customer === "") problems.push({ row, column: "customer", kind: "missingCustomer", value: "" });
    const date = day("date");
    const nextDate = day("nextDate");
    const loggedAtCell = cell("loggedAt");
    if (!isDateCell(loggedAtCell) && cellText(loggedAtCell) !== "") {
      problems.push({ row, column: "loggedAt", kind: "notADate", value: cellText(loggedAtCell) });
    }
    const doneMark = doneMarkOf(cell("done"));
    if (doneMark === "unknown") problems.push({ row, column: "done", kind: "unknownDone", value: text("done") });
    followUps.push({
      row,
      id: text("id"),
      customer,
      customerKey: keyOf(customer),
      contact: text("contact"),
      contactInfo: text("contactInfo"),
      date,
      method: text("method"),
      need: text("need"),
      summary: text("summary"),
      // As the sheet's formula reads it (TRIM only trims spaces): "已流失" and an ideographic space is not a stage.
      stage: sheetTrim(cell("stage")),
      nextStep: text("nextStep"),
      nextDate,
      owner: text("owner"),
      source: text("source"),
      score: text("score"),
      notes: text("notes"),
      done: doneMark === "done",
      loggedAt: isDateCell(loggedAtCell) ? loggedAtCell.getTime() : null,
      supersededMark: cell("superseded") === true,
    });
  });
  return { followUps, problems };
}
