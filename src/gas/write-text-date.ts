/** Writes a next date read from the next step into the row's empty next-date cell when its owner asks from the sidebar: under the document lock, re-read just before writing, only that one cell. */

import { columnSpec } from "../core/columns";
import type { TextDateRequest, TextDateResult } from "../core/sidebar-api";
import { cellText } from "../core/text";
import { cellValueText, isEmptyDateCell, planDateFromText } from "../core/text-date-write";
import { fill, translator } from "../i18n/translate";
import { markRowsEdited, readSomeRows } from "./customer-index";
import { currentMember, requireTable } from "./follow-up-sidebar";
import { withDocumentLock } from "./lock";

/** The request as sent, if it has the right shape. */
function requestOf(value: unknown): TextDateRequest | null {
  if (typeof value !== "object" || value === null) return null;
  const { row, id, nextDate } = value as Record<string, unknown>;
  if (typeof row !== "number" || !Number.isInteger(row) || row < 1) return null;
  if (typeof id !== "string" || id.length > 100) return null;
  if (typeof nextDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(nextDate)) return null;
  return { row, id, nextDate };
}

/**
 * google.script.run endpoint: the one write to a column the team owns in a row it already has, and only at this
 * explicit request of the row's owner (see ../core/text-date-write). Under the document lock that row is read and the
 * write planned; the cell is read once more just before writing, and a cell someone filled meanwhile is kept and
 * the user told so. The date goes in as "yyyy-mm-dd", which Sheets takes as that date in every locale.
 */
export function writeDateFromTextRequest(value: unknown): TextDateResult {
  const table = requireTable();
  const t = translator(table.language);
  const request = requestOf(value);
  if (!request) return { ok: false, message: t("form.invalid") };
  const member = currentMember(table);
  const done = withDocumentLock((): TextDateResult => {
    // Only the row asked about (and the header, for the column's name): whether it is still the owner's, still empty
    // and still dated by its next step is that row's own business.
    const last = table.followUps.getLastRow();
    const rows = readSomeRows(
      table,
      [request.row].filter((row) => row <= last),
    );
    const column = table.positions.nextDate;
    const header = column === undefined ? "" : cellText(rows.header[column - 1]);
    const names = {
      row: request.row,
      date: request.nextDate,
      column: header || columnSpec("nextDate").header[table.language],
    };
    const plan = planDateFromText({
      table: { firstRow: rows.firstRow, values: rows.values, positions: table.positions },
      followUps: rows.followUps,
      request,
      team: table.members,
      member,
      timeZone: table.timeZone,
    });
    if (!plan.ok) return { ok: false, message: fill(t(`textDate.${plan.reason}`), { ...names, value: plan.value }) };
    const cell = table.followUps.getRange(plan.change.row, plan.change.column);
    const now = cell.getValue();
    if (!isEmptyDateCell(now)) {
      return {
        ok: false,
        message: fill(t("textDate.cellFilled"), { ...names, value: cellValueText(now, table.timeZone) }),
      };
    }
    cell.setValue(plan.change.after);
    markRowsEdited(table.spreadsheet, [plan.change.row]);
    return { ok: true, message: fill(t("textDate.written"), names) };
  });
  return done ? done.value : { ok: false, message: t("error.busy") };
}
