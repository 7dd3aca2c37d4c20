/** Writing a next date read from the next step into the row's empty next-date cell, at its owner's request: the one cell of a team column the add-on writes in an existing row. */

import type { CellChange } from "./cell-writes";
import { dayInZone, isoOfDay } from "./dates";
import { isDateCell } from "./due";
import type { FollowUp } from "./follow-ups";
import type { TextDateRequest } from "./sidebar-api";
import { cellAt, type TableCells } from "./sync-plan";
import { ownerOf, type TeamMember } from "./team";
import { sheetTrim } from "./text";

export interface TextDateInput {
  table: TableCells;
  /** The follow-ups read from the table just now, under the document lock. */
  followUps: readonly FollowUp[];
  request: TextDateRequest;
  team: readonly TeamMember[];
  /** Who asks (by their email on the Team sheet). */
  member: TeamMember | undefined;
  /** The spreadsheet's zone, for naming a date found in the cell. */
  timeZone: string;
}

/** Why nothing is written: the cell holds something now, the row is not the one shown, or it is someone else's. */
export type TextDateRefusal = "cellFilled" | "changed" | "notYours";

/** The single cell to write ("yyyy-mm-dd", which Sheets reads as that date in every locale), or why not. */
export type TextDatePlan = { ok: true; change: CellChange } | { ok: false; reason: TextDateRefusal; value: string };

/**
 * The write a user asks for from their due list: the date read from the next step goes into the row's next-date
 * cell. Only that cell, only in the member's own row (by ./team's owner lookup, as the due list has it), only while
 * the cell is empty as the sheet's formula sees it (TRIM), and only while the row still reads the date the list
 * showed from its next step with the same id: a cell filled meanwhile is kept and reported, never overwritten.
 */
export function planDateFromText(input: TextDateInput): TextDatePlan {
  const { request, table } = input;
  const followUp = input.followUps.find((f) => f.row === request.row);
  const column = table.positions.nextDate;
  if (!followUp || followUp.id !== request.id || column === undefined) {
    return { ok: false, reason: "changed", value: "" };
  }
  const lookup = ownerOf(input.team, followUp.owner);
  if (!input.member || !("member" in lookup) || lookup.member !== input.member) {
    return { ok: false, reason: "notYours", value: "" };
  }
  const before = cellAt(table, request.row, "nextDate");
  if (!isEmptyDateCell(before))
    return { ok: false, reason: "cellFilled", value: cellValueText(before, input.timeZone) };
  if (
    followUp.nextDateSource !== "text" ||
    followUp.nextDate === null ||
    isoOfDay(followUp.nextDate) !== request.nextDate
  ) {
    return { ok: false, reason: "changed", value: "" };
  }
  return { ok: true, change: { row: request.row, column, before, after: request.nextDate } };
}

/** Empty as the rule of due reads a next-date cell: nothing but spaces (a date, a number or any text is something). */
export function isEmptyDateCell(value: unknown): boolean {
  return typeof value === "string" ? sheetTrim(value) === "" : value === null || value === undefined;
}

/** A cell's value as a refusal names it: a date as its day in the spreadsheet's zone. */
export function cellValueText(value: unknown, timeZone: string): string {
  return isDateCell(value) ? isoOfDay(dayInZone(value.getTime(), timeZone)) : sheetTrim(value);
}
