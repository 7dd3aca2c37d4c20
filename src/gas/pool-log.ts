/** The Pool log sheet (公海记录): the add-on's own, warning-protected, append-only history of customers released to the pool and claimed from it; read whole (a line per release or claim, far fewer than follow-ups). */

import { dayInZone } from "../core/dates";
import type { Agenda } from "../core/due";
import type { Language } from "../core/language";
import { literalGrid } from "../core/literal";
import { type Pool, type PoolEvent, poolEventsOf, poolLogHeader, poolLogRow, poolOf } from "../core/pool";
import { translator } from "../i18n/translate";
import { growSheet, trimSheet } from "./sheet-size";
import { ownSheet, recordedSheet } from "./spreadsheet-metadata";
import type { Table } from "./table";
import { writeGrid } from "./table-layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const METADATA_KEY = "followUpTracker.poolLog";
const WIDTH = 6;

/** The events of the Pool log, oldest first; none when nobody has released a customer yet (the sheet is made then). */
export function readPoolEvents(spreadsheet: Spreadsheet): PoolEvent[] {
  const sheet = recordedSheet(spreadsheet, METADATA_KEY);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return [];
  return poolEventsOf(sheet.getRange(2, 1, last - 1, WIDTH).getValues());
}

/** Who holds each customer the Pool log names, given the table's agenda (a follow-up logged since an event ends it). */
export function poolOfTable(table: Table, agenda: Agenda): Pool {
  return poolOf(readPoolEvents(table.spreadsheet), agenda.latest, (ms) => dayInZone(ms, table.timeZone));
}

/**
 * Appends events below the log's last row in one write (the sheet, protected, and its header made on first use),
 * growing the sheet by exactly the rows needed and keeping it to the columns it uses.
 */
export function appendPoolEvents(spreadsheet: Spreadsheet, language: Language, events: readonly PoolEvent[]): void {
  if (events.length === 0) return;
  const t = translator(language);
  const sheet = ownSheet(spreadsheet, METADATA_KEY, t("pool.sheet"), (created) =>
    created.protect().setDescription(t("pool.protection")).setWarningOnly(true),
  );
  if (sheet.getLastRow() === 0) writeGrid(sheet, [poolLogHeader(language)]);
  const rows = events.map((event) => poolLogRow(event, language));
  const first = sheet.getLastRow() + 1;
  growSheet(sheet, first + rows.length - 1);
  sheet.getRange(first, 1, rows.length, WIDTH).setValues(literalGrid(rows));
  trimSheet(sheet, first + rows.length - 1, WIDTH);
}
