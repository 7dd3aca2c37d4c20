/** Menu: release stale customers to the pool (公海), for admins only: lists them, asks, then records each release in the Pool log under the document lock. */

import { dayInZone } from "../core/dates";
import { agendaOf } from "../core/due";
import { type PoolEvent, releasable, reminderOwner } from "../core/pool";
import { fill } from "../i18n/translate";
import { startAdminAction } from "./admin-action";
import { markRowsEdited } from "./customer-index";
import { withDocumentLock } from "./lock";
import { appendPoolEvents, poolOfTable } from "./pool-log";
import type { Table } from "./table";
import { readRows } from "./table-rows";

/** How many customers the question names before "…". */
const NAMED = 15;

/** The stale customers of the table now, not yet in the pool, the longest-forgotten first. */
function candidates(table: Table, now: number) {
  const rows = readRows(table);
  const agenda = agendaOf(rows.followUps, rows.problems, table.settings);
  const pool = poolOfTable(table, agenda);
  const today = dayInZone(now, table.timeZone);
  const dayOf = (ms: number) => dayInZone(ms, table.timeZone);
  return releasable(table.settings, agenda.latest, pool, today, dayOf).map((f) => ({
    followUp: f,
    owner: reminderOwner(f, pool) ?? f.owner,
    days: today - (f.date ?? today),
  }));
}

/** Asks an admin to release the stale customers, and records the releases; everyone else is told it is for admins. */
export function releaseStaleCustomers(): void {
  const action = startAdminAction("pool.title", "pool.adminsOnly");
  if (!action) return;
  const { spreadsheet, ui, table: opened, language, t, email, tell } = action;
  const days = opened.settings.staleDays;
  const found = candidates(opened, Date.now());
  if (found.length === 0) return void tell(fill(t("pool.noneStale"), { days }));
  const lines = found
    .slice(0, NAMED)
    .map((c) => fill(t("pool.releaseLine"), { customer: c.followUp.customer, owner: c.owner, days: c.days }));
  if (found.length > NAMED) lines.push(fill(t("list.more"), { count: found.length - NAMED }));
  const question = fill(t("pool.releaseQuestion"), { count: found.length, days, list: lines.join("\n") });
  if (ui.alert(t("pool.title"), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const done = withDocumentLock(() => {
    // Read again under the lock: a follow-up logged meanwhile keeps its customer out of the pool.
    const now = Date.now();
    const asked = new Set(found.map((c) => c.followUp.customerKey));
    const releasing = candidates(opened, now).filter((c) => asked.has(c.followUp.customerKey));
    const events = releasing.map(
      (c): PoolEvent => ({
        kind: "released",
        at: now,
        customer: c.followUp.customer,
        customerKey: c.followUp.customerKey,
        owner: c.owner,
        by: email,
      }),
    );
    appendPoolEvents(spreadsheet, language, events);
    // The customer index patches these customers (now in the pool) on the next sidebar call.
    markRowsEdited(
      spreadsheet,
      releasing.map((c) => c.followUp.row),
    );
    return events.length;
  });
  if (!done) return void tell(t("error.busy"));
  tell(fill(t("pool.releasedMessage"), { count: done.value }));
}
