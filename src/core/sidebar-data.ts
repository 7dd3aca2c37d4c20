/** What the sidebar shows from the table: existing customers for the autocomplete, and the user's overdue and due-today follow-ups. */

import type { Day } from "./dates";
import { isoOfDay } from "./dates";
import { type Agenda, dueOf } from "./due";
import type { FollowUp } from "./follow-ups";
import type { CustomerSummary, DueItem } from "./sidebar-api";
import { ownerOf, type TeamMember } from "./team";

/**
 * Each customer once, as of its latest follow-up (SPEC "current state of a customer"); contact details come from
 * the latest follow-up that has them, so a row typed without a phone number does not hide the customer's phone.
 */
export function customerSummaries(followUps: readonly FollowUp[], agenda: Agenda): CustomerSummary[] {
  const latest = agenda.latest;
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

/**
 * The member's overdue and due-today follow-ups, most overdue first (then by row): exactly the rows the member's
 * digest lists as overdue and due today (the same rule, the same owner lookup).
 */
export function dueItemsFor(
  followUps: readonly FollowUp[],
  agenda: Agenda,
  today: Day,
  team: readonly TeamMember[],
  member: TeamMember | undefined,
): DueItem[] {
  if (!member) return [];
  const mine = (owner: string) => {
    const lookup = ownerOf(team, owner);
    return "member" in lookup && lookup.member === member;
  };
  return followUps
    .filter((f) => {
      const due = dueOf(agenda, f, today);
      return (due === "overdue" || due === "dueToday") && mine(f.owner);
    })
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
