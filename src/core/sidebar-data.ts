/** What the sidebar shows from the table: existing customers for the autocomplete, and the user's overdue and due-today follow-ups. */

import type { Day } from "./dates";
import { isoOfDay } from "./dates";
import { type FollowUp, isDueToday, isOverdue, latestByCustomer } from "./follow-ups";
import type { Settings } from "./settings";
import type { CustomerSummary, DueItem } from "./sidebar-api";
import type { TeamMember } from "./team";

/**
 * Each customer once, as of its latest follow-up (SPEC "current state of a customer"); contact details come from
 * the latest follow-up that has them, so a row typed without a phone number does not hide the customer's phone.
 */
export function customerSummaries(followUps: readonly FollowUp[]): CustomerSummary[] {
  const latest = latestByCustomer([...followUps]);
  const contact = new Map<string, { contact: string; contactInfo: string; at: FollowUp }>();
  for (const f of followUps) {
    const known = contact.get(f.customerKey);
    if (!known || isLater(f, known.at)) {
      contact.set(f.customerKey, {
        contact: f.contact || known?.contact || "",
        contactInfo: f.contactInfo || known?.contactInfo || "",
        at: f,
      });
    } else {
      if (!known.contact && f.contact) known.contact = f.contact;
      if (!known.contactInfo && f.contactInfo) known.contactInfo = f.contactInfo;
    }
  }
  return [...latest.values()]
    .filter((f) => f.customerKey !== "")
    .map((f) => ({
      name: f.customer,
      contact: contact.get(f.customerKey)?.contact ?? f.contact,
      contactInfo: contact.get(f.customerKey)?.contactInfo ?? f.contactInfo,
      need: f.need,
      stage: f.stage,
      owner: f.owner,
      lastDate: f.date === null ? "" : isoOfDay(f.date),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function isLater(a: FollowUp, b: FollowUp): boolean {
  return (a.date ?? -Infinity) > (b.date ?? -Infinity) || ((a.date ?? 0) === (b.date ?? 0) && a.row > b.row);
}

/** The member's overdue and due-today follow-ups, most overdue first (then by row). */
export function dueItemsFor(
  followUps: readonly FollowUp[],
  settings: Settings,
  today: Day,
  member: TeamMember | undefined,
): DueItem[] {
  if (!member) return [];
  const mine = (owner: string) => {
    const o = owner.trim().toLowerCase();
    return o !== "" && (o === member.name.toLowerCase() || (member.email !== "" && o === member.email.toLowerCase()));
  };
  return followUps
    .filter((f) => mine(f.owner) && (isOverdue(f, settings, today) || isDueToday(f, settings, today)))
    .map((f) => ({
      row: f.row,
      id: f.id,
      customer: f.customer,
      stage: f.stage,
      nextStep: f.nextStep,
      nextDate: f.nextDate === null ? "" : isoOfDay(f.nextDate),
      daysOverdue: today - (f.nextDate ?? today),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);
}
