/** A rep claims a customer from the pool (公海) in the sidebar: under the document lock, only while it is still in the pool (the 撞单 check: nobody else claimed or followed it up meanwhile), recorded in the Pool log. */

import { customerKey } from "../core/customer-match";
import { dayInZone } from "../core/dates";
import { agendaOf } from "../core/due";
import { poolOf } from "../core/pool";
import type { ClaimRequest, ClaimResult } from "../core/sidebar-api";
import { fill, translator } from "../i18n/translate";
import { currentIndex, customerRows, linesOfKeys, updateCustomer } from "./customer-index";
import { currentMember, requireTable } from "./follow-up-sidebar";
import { withDocumentLock } from "./lock";
import { appendPoolEvents } from "./pool-log";

/** The request as sent, if it has the right shape. */
function requestOf(value: unknown): ClaimRequest | null {
  if (typeof value !== "object" || value === null) return null;
  const { customer } = value as Record<string, unknown>;
  if (typeof customer !== "string" || customer.trim() === "" || customer.length > 500) return null;
  return { customer };
}

/**
 * google.script.run endpoint: the current member (on the Team sheet) claims `customer`. Refused when it is no longer
 * in the pool: claimed by someone else (named) or followed up since its release. Nothing the team typed changes: the
 * claim is a line of the Pool log, and the claimer's reminders and ownership follow from it (../core/pool).
 */
export function claimCustomerRequest(value: unknown): ClaimResult {
  const table = requireTable();
  const t = translator(table.language);
  const request = requestOf(value);
  if (!request) return { ok: false, message: t("form.invalid") };
  const member = currentMember(table);
  if (!member) return { ok: false, message: t("sidebar.notOnTeam") };
  const done = withDocumentLock((): ClaimResult => {
    // Only this customer's rows are read: the customer index says where they are.
    const index = currentIndex(table);
    const key = customerKey(request.customer);
    const customer = customerRows(table, index, key, linesOfKeys(index.sheet));
    const agenda = agendaOf(customer.rows.followUps, customer.rows.problems, table.settings);
    const pool = poolOf(index.events, agenda.latest, (ms) => dayInZone(ms, table.timeZone));
    const names = { customer: request.customer.trim() };
    const released = pool.released.get(key);
    if (!released) {
      const claim = pool.claimed.get(key);
      if (claim) return { ok: false, message: fill(t("pool.alreadyClaimed"), { ...names, owner: claim.owner }) };
      return { ok: false, message: fill(t("pool.notInPool"), names) };
    }
    const owner = member.name.trim() || member.email;
    const by = member.email;
    const claimed = {
      kind: "claimed" as const,
      at: Date.now(),
      customer: released.customer,
      customerKey: key,
      owner,
      by,
    };
    appendPoolEvents(table.spreadsheet, table.language, [claimed]);
    const through = Math.max(table.followUps.getLastRow(), table.headerRow);
    updateCustomer(table, index, customer, customer.rows, through, [...index.events, claimed]);
    return { ok: true, message: fill(t("pool.claimedMessage"), { customer: released.customer }) };
  });
  return done?.value ?? { ok: false, message: t("error.busy") };
}
