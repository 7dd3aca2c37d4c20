/** Finds the existing customer a follow-up is about, and the warnings (查重 duplicate, 撞单 collision, owner change) to show before saving. */

import type { CustomerSummary, Warning } from "./sidebar-api";
import { customerKey, phoneDigits } from "./text";

/**
 * The warnings for logging a follow-up of `customer` (with `contactInfo`, owned by `owner`) by `userName`:
 * - the exact name of an existing customer: 撞单 when another rep owns it, and an owner-change warning when
 *   the follow-up names a different owner than the customer's (ownership never changes silently);
 * - otherwise a name whose customer key, or contact whose phone digits, match an existing customer: 查重,
 *   naming that customer and its owner (and the same collision/owner checks against it).
 */
export function warningsFor(
  input: { customer: string; contactInfo: string; owner: string },
  customers: readonly CustomerSummary[],
  userName: string,
): Warning[] {
  const name = input.customer.trim();
  if (name === "") return [];
  const key = customerKey(name);
  const phone = phoneDigits(input.contactInfo);
  const exact = customers.find((c) => c.name.trim() === name);
  const byName = exact ? undefined : customers.find((c) => customerKey(c.name) === key);
  const byPhone =
    exact || byName || phone === "" ? undefined : customers.find((c) => phoneDigits(c.contactInfo) === phone);
  const warnings: Warning[] = [];
  if (byName) warnings.push({ kind: "duplicate", existing: byName.name, owner: byName.owner, by: "name" });
  if (byPhone) warnings.push({ kind: "duplicate", existing: byPhone.name, owner: byPhone.owner, by: "phone" });
  const existing = exact ?? byName ?? byPhone;
  if (existing && existing.owner !== "") {
    if (existing.owner !== userName)
      warnings.push({ kind: "collision", customer: existing.name, owner: existing.owner });
    const owner = input.owner.trim();
    if (owner !== "" && owner !== existing.owner) {
      warnings.push({ kind: "ownerChange", customer: existing.name, from: existing.owner, to: owner });
    }
  }
  return warnings;
}
