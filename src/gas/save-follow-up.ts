/** Saves a follow-up from the sidebar under the document lock: checks it, appends the row as literal text, marks the customer's superseded rows in the add-on's own column, and makes retries safe. */

import { customerKey, warningsFor } from "../core/customer-match";
import { handoversWith } from "../core/customers";
import { dayInZone } from "../core/dates";
import { agendaOf } from "../core/due";
import { checkFollowUp, formOf } from "../core/follow-up-form";
import { isBlankCell } from "../core/follow-ups";
import { literalGrid } from "../core/literal";
import { poolOf } from "../core/pool";
import { planSave } from "../core/save-plan";
import type { SaveRequest, SaveResult } from "../core/sidebar-api";
import { warningKey } from "../core/sidebar-api";
import { followUpId, highestIdNumber } from "../core/sync-plan";
import { fill, translator } from "../i18n/translate";
import { currentIndex, customerRows, customersLike, readSomeRows, updateCustomer } from "./customer-index";
import { currentMember, requireTable } from "./follow-up-sidebar";
import { withDocumentLock } from "./lock";
import { appendPoolEvents } from "./pool-log";
import { handoversOf, saveRegistry } from "./registry";
import type { Table } from "./table";
import { TableChangedError, writeChanges } from "./table-rows";
import { applyRowColouring, applyValidationBelow } from "./table-rules";

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
 * has not confirmed send the form back. Under the document lock — the request id included, so a retry arriving while
 * the first attempt still runs waits for it and then finds its outcome — the row is appended after the last row and
 * the customer's superseded marks are brought up to date, so concurrent saves never overwrite each other.
 */
export function saveFollowUpRequest(value: unknown): SaveResult {
  const table = requireTable();
  const t = translator(table.language);
  const request = requestOf(value);
  if (!request) return { ok: false, errors: { form: t("form.invalid") }, warnings: [] };
  const memory = CacheService.getDocumentCache();
  const key = `followUpTracker.save.${request.requestId}`;
  const done = withDocumentLock(() => {
    const remembered = memory?.get(key);
    const earlier = remembered ? (JSON.parse(remembered) as Remembered) : null;
    if (earlier && "ok" in earlier) return earlier;
    // A save that wrote its row and then failed (say at the flush) left a claim: the row is the proof it happened.
    if (earlier && isWritten(table, earlier.claim)) return earlier.claim.result;
    try {
      return save(table, request, (result) =>
        memory?.put(key, JSON.stringify({ claim: result }), RETRY_MEMORY_SECONDS),
      );
    } catch (error) {
      if (error instanceof TableChangedError)
        return { ok: false, errors: { form: error.message }, warnings: [] } as SaveResult;
      throw error;
    }
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
 * after a failure further on can tell that the row exists. The row goes below the last row, only if that row is still
 * empty when it is written (someone typing there gets their row kept and this save refused). Reads the customer
 * index's key and phone columns and the lines they point to for the warnings, and the table only at this customer's
 * rows.
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
  const followUp = checked.followUp;
  const index = currentIndex(table);
  const { known, lineOfKey } = customersLike(index.sheet, followUp.customer, followUp.contactInfo);
  const warnings = warningsFor(followUp, known, currentMember(table)?.name ?? "");
  const unconfirmed = warnings.filter((w) => !request.confirmed.includes(warningKey(w)));
  if (unconfirmed.length > 0) return { ok: false, errors: {}, warnings };

  const key = customerKey(followUp.customer);
  const customer = customerRows(table, index, key, lineOfKey);
  const rows = customer.rows;
  const agenda = agendaOf(rows.followUps, rows.problems, table.settings);
  const pool = poolOf(index.events, agenda.latest, (ms) => dayInZone(ms, table.timeZone));
  const row = Math.max(table.followUps.getLastRow(), table.headerRow) + 1;
  // The table's highest id as the index last saw it: the registry's counter restarts at 1 when its record is rebuilt.
  const idNumber = Math.max(table.registry.nextId, index.stamp.highestId + 1, highestIdNumber(rows.followUps) + 1);
  const id = followUpId(idNumber);
  const plan = planSave({
    table: { firstRow: rows.firstRow, values: rows.values, positions: table.positions },
    followUps: rows.followUps,
    problems: rows.problems,
    settings: table.settings,
    followUp,
    row,
    id,
    now,
    width: rows.width,
    timeZone: table.timeZone,
  });
  const count = plan.supersededRows.length;
  const message = plan.newRowSuperseded
    ? fill(t("save.doneBackdated"), { row, id })
    : count > 0
      ? fill(t("save.doneMarked"), { row, id, count })
      : fill(t("save.done"), { row, id });
  const result: SaveResult = { ok: true, row, id, supersededRows: plan.supersededRows, message };
  ensureRow(table, row);
  const target = table.followUps.getRange(row, 1, 1, rows.width);
  if (!target.getValues()[0].every(isBlankCell)) throw new TableChangedError(fill(t("write.rowTaken"), { row }));
  writeChanges(table, rows, plan.changes);
  claim({ row, id, result });
  target.setValues(literalGrid([plan.rowValues]));
  table.registry.nextId = idNumber + 1;
  // A confirmed owner change is a hand-over: the customer moves to the new owner (./core/customers). So is the first
  // follow-up of a customer taken from the pool: logged for one in the pool, it is claimed for the row's owner.
  const released = pool.released.get(key);
  const events = [...index.events];
  if (released) {
    const event = { kind: "claimed" as const, at: now, customer: released.customer, customerKey: key };
    const claimed = { ...event, owner: followUp.owner, by: Session.getActiveUser().getEmail() };
    appendPoolEvents(table.spreadsheet, table.language, [claimed]);
    events.push(claimed);
  }
  const claimedHere = released !== undefined || pool.claimed.get(key)?.owner === followUp.owner;
  if (claimedHere || warnings.some((w) => w.kind === "ownerChange"))
    table.registry.handovers = handoversWith([...handoversOf(table.registry)], id);
  saveRegistry(table.spreadsheet, table.registry);
  updateCustomer(table, index, customer, readSomeRows(table, [...customer.listed, row], rows), row, events);
  return result;
}

/** Grows the sheet when the new row is past its end, and extends dropdowns and colouring to the new rows. */
function ensureRow(table: Table, row: number): void {
  const sheet = table.followUps;
  const max = sheet.getMaxRows();
  if (row <= max) return;
  sheet.insertRowsAfter(max, GROWTH_ROWS);
  applyValidationBelow(table, max + 1);
  applyRowColouring(table);
}
