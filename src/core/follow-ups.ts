/** Follow-up rows read from the sheet's values, and SPEC's definitions of open, overdue, due-today and upcoming. */

import type { ColumnKey, ColumnPositions } from "./columns";
import { type Day, dayInZone, isoOfDay } from "./dates";
import { type Settings, stageKindOf } from "./settings";
import { cellText, customerKey } from "./text";

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
  /** The next step is done: a newer follow-up of the customer was logged. */
  done: boolean;
  /** When the row was logged, epoch ms. */
  loggedAt: number | null;
}

/** A cell a person has to look at. */
export interface RowProblem {
  row: number;
  column: ColumnKey;
  kind:
    | "notADate"
    | "missingCustomer"
    | "missingDate"
    | "missingStage"
    | "unknownStage"
    | "unknownOwner"
    | "missingNextDate";
  value: string;
}

/** A Date from `getValues()`, which comes from another JS realm, so `instanceof Date` would miss it. */
function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]" && !Number.isNaN((value as Date).getTime());
}

/** Blank as far as a follow-up goes: empty, whitespace, or an unticked checkbox. */
function isBlankCell(value: unknown): boolean {
  return value === false || (!isDateCell(value) && cellText(value) === "");
}

const DONE_WORDS = new Set(["true", "yes", "y", "1", "x", "✓", "✔", "√", "是", "已完成", "完成", "已跟进", "done"]);

/**
 * The follow-ups in `values` (the data rows below the header, `firstRow` being the sheet row of the first), with the
 * cells a person has to fix: dates that are not dates, rows without a customer or a follow-up date. Blank rows are
 * skipped. Dates are the day they fall on in `timeZone`, the spreadsheet's.
 */
export function readFollowUps(
  values: readonly (readonly unknown[])[],
  firstRow: number,
  columns: ColumnPositions,
  timeZone: string,
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
    const doneCell = cell("done");
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
      stage: text("stage"),
      nextStep: text("nextStep"),
      nextDate,
      owner: text("owner"),
      source: text("source"),
      score: text("score"),
      notes: text("notes"),
      done: doneCell === true || DONE_WORDS.has(cellText(doneCell).toLowerCase()),
      loggedAt: isDateCell(loggedAtCell) ? loggedAtCell.getTime() : null,
    });
  });
  return { followUps, problems };
}

/** SPEC: open = has a next follow-up date, is not done, and its stage is not won or lost (an unknown stage is open). */
export function isOpen(followUp: FollowUp, settings: Settings): boolean {
  const kind = stageKindOf(settings, followUp.stage);
  return followUp.nextDate !== null && !followUp.done && kind !== "won" && kind !== "lost";
}

/** Open and its next date is before today. */
export function isOverdue(followUp: FollowUp, settings: Settings, today: Day): boolean {
  return isOpen(followUp, settings) && (followUp.nextDate as Day) < today;
}

/** Open and its next date is today. */
export function isDueToday(followUp: FollowUp, settings: Settings, today: Day): boolean {
  return isOpen(followUp, settings) && followUp.nextDate === today;
}

/** Open and its next date is after today and at most `windowDays` days away. */
export function isUpcoming(followUp: FollowUp, settings: Settings, today: Day, windowDays: number): boolean {
  const next = followUp.nextDate as Day;
  return isOpen(followUp, settings) && next > today && next <= today + windowDays;
}

/** Whether `a` was logged after `b`: later follow-up date, then later logged-at, then lower in the sheet. */
export function isNewer(a: FollowUp, b: FollowUp): boolean {
  const order: [number | null, number | null][] = [
    [a.date, b.date],
    [a.loggedAt, b.loggedAt],
    [a.row, b.row],
  ];
  for (const [x, y] of order) {
    if (x !== y) return (x ?? Number.NEGATIVE_INFINITY) > (y ?? Number.NEGATIVE_INFINITY);
  }
  return false;
}

/** SPEC's current state of each customer: its newest follow-up, by customer key (rows without a customer left out). */
export function latestByCustomer(followUps: readonly FollowUp[]): Map<string, FollowUp> {
  const latest = new Map<string, FollowUp>();
  for (const followUp of followUps) {
    if (followUp.customerKey === "") continue;
    const current = latest.get(followUp.customerKey);
    if (!current || isNewer(followUp, current)) latest.set(followUp.customerKey, followUp);
  }
  return latest;
}
