/** Saves a follow-up from the sidebar under the document lock: checks it, appends the row as literal text, ticks the customer's earlier open rows, and makes retries safe. */

import { warningsFor } from "../core/customer-match";
import { type Day, dayInZone, instantOfLocalTime } from "../core/dates";
import { checkFollowUp, formOf, type ValidFollowUp } from "../core/follow-up-form";
import { isOpen } from "../core/follow-ups";
import { asLiteral } from "../core/literal";
import type { SaveRequest, SaveResult } from "../core/sidebar-api";
import { warningKey } from "../core/sidebar-api";
import { customerSummaries } from "../core/sidebar-data";
import { followUpId, highestIdNumber } from "../core/sync-plan";
import { customerKey } from "../core/text";
import { fill, translator } from "../i18n/translate";
import { currentMember, requireTable } from "./follow-up-sidebar";
import { withDocumentLock } from "./lock";
import { saveRegistry } from "./registry";
import type { Table } from "./table";
import { readRows, writeColumnChanges } from "./table-rows";
import { applyRowColouring, applyValidation } from "./table-rules";

/** How long a saved request's outcome is remembered for retries (CacheService allows up to 6 h). */
const RETRY_MEMORY_SECONDS = 6 * 60 * 60;
/** Rows added at once when the sheet is full, so growth (and re-applying rules) is rare. */
const GROWTH_ROWS = 500;

/** The request as sent, if it has the right shape. */
function requestOf(value: unknown): SaveRequest | null {
  if (typeof value !== "object" || value === null) return null;
  const { form, confirmed, requestId } = value as Record<string, unknown>;
  const checkedForm = formOf(form);
  if (!checkedForm || !Array.isArray(confirmed) || !confirmed.every((c) => typeof c === "string")) return null;
  if (typeof requestId !== "string" || requestId.length < 8 || requestId.length > 100) return null;
  return { form: checkedForm, confirmed, requestId };
}

/**
 * google.script.run endpoint. Everything is checked on the server (types, required fields, dates, lengths,
 * known stage/method/owner); a refusal maps each field to a message in the user's language; warnings the user
 * has not confirmed send the form back. Under the document lock the row is appended after the last row and the
 * customer's earlier open rows are ticked done, so concurrent saves never overwrite each other.
 */
export function saveFollowUpRequest(value: unknown): SaveResult {
  const table = requireTable();
  const t = translator(table.language);
  const request = requestOf(value);
  if (!request) return { ok: false, errors: { form: t("form.invalid") }, warnings: [] };
  const memory = CacheService.getDocumentCache();
  const key = `followUpTracker.save.${request.requestId}`;
  const remembered = memory?.get(key);
  const earlier = remembered ? (JSON.parse(remembered) as Remembered) : null;
  if (earlier && "ok" in earlier) return earlier;
  const done = withDocumentLock(() => {
    // A save that wrote its row and then failed (say at the flush) left a claim: the row is the proof it happened.
    if (earlier && isWritten(table, earlier.claim)) return earlier.claim.result;
    return save(table, request, (result) => memory?.put(key, JSON.stringify({ claim: result }), RETRY_MEMORY_SECONDS));
  });
  if (!done) return { ok: false, errors: { form: t("error.busy") }, warnings: [] };
  if (done.value.ok) memory?.put(key, JSON.stringify(done.value), RETRY_MEMORY_SECONDS);
  return done.value;
}

/** What the cache holds for a request id: its outcome, or the claim made just before its row was written. */
type Remembered = SaveResult | { claim: { row: number; id: string; result: SaveResult } };

/** Whether the claimed row holds the claimed id (the row was written before the save failed). */
function isWritten(table: Table, claim: { row: number; id: string }): boolean {
  const column = table.positions.id;
  if (column === undefined || claim.row > table.followUps.getLastRow()) return false;
  return table.followUps.getRange(claim.row, column).getValue() === claim.id;
}

/**
 * Checks and writes one follow-up; `claim` is told the row, id and outcome just before the row is written, so a retry
 * after a failure further on can tell that the row exists.
 */
function save(
  table: Table,
  request: SaveRequest,
  claim: (claimed: { row: number; id: string; result: SaveResult }) => void,
): SaveResult {
  const t = translator(table.language);
  const now = Date.now();
  const today = dayInZone(now, table.timeZone);
  const checked = checkFollowUp(request.form, {
    settings: table.settings,
    team: table.members,
    today,
    language: table.language,
  });
  if (!checked.ok) return { ok: false, errors: checked.errors, warnings: [] };
  const rows = readRows(table);
  const followUp = checked.followUp;
  const warnings = warningsFor(followUp, customerSummaries(rows.followUps), currentMember(table)?.name ?? "");
  const unconfirmed = warnings.filter((w) => !request.confirmed.includes(warningKey(w)));
  if (unconfirmed.length > 0) return { ok: false, errors: {}, warnings };

  const row = rows.firstRow + rows.values.length;
  const idNumber = Math.max(table.registry.nextId, highestIdNumber(rows.followUps) + 1);
  const id = followUpId(idNumber);
  // The customer's earlier rows are those with the same customer key (SPEC); a phone match alone is not the same customer.
  const key = customerKey(followUp.customer);
  const superseded = rows.followUps.filter((f) => f.customerKey === key && isOpen(f, table.settings)).map((f) => f.row);
  const message =
    superseded.length > 0
      ? fill(t("save.doneMarked"), { row, id, count: superseded.length })
      : fill(t("save.done"), { row, id });
  const result: SaveResult = { ok: true, row, id, doneRows: superseded, message };
  claim({ row, id, result });
  ensureRow(table, row);
  table.followUps.getRange(row, 1, 1, rows.width).setValues([rowValues(table, rows.width, followUp, id, now)]);
  writeColumnChanges(
    table,
    rows,
    table.positions.done,
    superseded.map((r) => [r, true]),
  );
  table.registry.nextId = idNumber + 1;
  saveRegistry(table.spreadsheet, table.registry);
  return result;
}

/** Grows the sheet when the new row is past its end, and extends dropdowns and colouring to the new rows. */
function ensureRow(table: Table, row: number): void {
  const sheet = table.followUps;
  if (row <= sheet.getMaxRows()) return;
  sheet.insertRowsAfter(sheet.getMaxRows(), GROWTH_ROWS);
  applyValidation(table);
  applyRowColouring(table);
}

/** The new row, every text stored literally (never as a formula), dates at midnight of the spreadsheet's zone. */
function rowValues(table: Table, width: number, f: ValidFollowUp, id: string, now: number): unknown[] {
  const values: unknown[] = Array(width).fill("");
  const dateOf = (day: Day) => new Date(instantOfLocalTime(day, 0, 0, table.timeZone));
  const cells: Record<string, unknown> = {
    id: asLiteral(id),
    customer: asLiteral(f.customer),
    contact: asLiteral(f.contact),
    contactInfo: asLiteral(f.contactInfo),
    date: dateOf(f.date),
    method: asLiteral(f.method),
    need: asLiteral(f.need),
    summary: asLiteral(f.summary),
    stage: asLiteral(f.stage),
    nextStep: asLiteral(f.nextStep),
    nextDate: f.nextDate === null ? "" : dateOf(f.nextDate),
    owner: asLiteral(f.owner),
    source: asLiteral(f.source),
    score: f.score ?? "",
    notes: asLiteral(f.notes),
    done: false,
    loggedAt: new Date(now),
  };
  for (const [key, column] of Object.entries(table.positions)) values[column - 1] = cells[key] ?? "";
  return values;
}
