/** A rep claims a customer from the pool (公海) in the sidebar: under the document lock, only while it is still in the pool (the 撞单 check: nobody else claimed or followed it up meanwhile), recorded in the Pool log. */

import { customerKey } from "../core/customer-match";
import { agendaOf } from "../core/due";
import type { ClaimRequest, ClaimResult } from "../core/sidebar-api";
import { fill, translator } from "../i18n/translate";
import { currentMember, requireTable } from "./follow-up-sidebar";
import { withDocumentLock } from "./lock";
import { appendPoolEvents, poolOfTable } from "./pool-log";
import { readRows } from "./table-rows";

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
    const rows = readRows(table);
    const agenda = agendaOf(rows.followUps, rows.problems, table.settings);
    const pool = poolOfTable(table, agenda);
    const key = customerKey(request.customer);
    const names = { customer: request.customer.trim() };
    const released = pool.released.get(key);
    if (!released) {
      const claim = pool.claimed.get(key);
      if (claim) return { ok: false, message: fill(t("pool.alreadyClaimed"), { ...names, owner: claim.owner }) };
      return { ok: false, message: fill(t("pool.notInPool"), names) };
    }
    const owner = member.name.trim() || member.email;
    const by = member.email;
    appendPoolEvents(table.spreadsheet, table.language, [
      { kind: "claimed", at: Date.now(), customer: released.customer, customerKey: key, owner, by },
    ]);
    return { ok: true, message: fill(t("pool.claimedMessage"), { customer: released.customer }) };
  });
  return done?.value ?? { ok: false, message: t("error.busy") };
}
