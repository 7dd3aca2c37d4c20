/** What the sidebar shows from the table: existing customers for the autocomplete, and the user's overdue and due-today follow-ups. */

import type { Day } from "./dates";
import { isoOfDay } from "./dates";
import { type Agenda, dueOf, isNewer } from "./due";
import type { FollowUp } from "./follow-ups";
import type { CustomerSummary, DueItem } from "./sidebar-api";
import { ownerOf, type TeamMember } from "./team";

/**
 * Each customer once, as of its latest follow-up (SPEC "current state of a customer"); the contact and the contact
 * details each come from the latest-dated row that has them, so a row typed without a phone number does not hide the
 * customer's phone, whatever the order of the rows in the sheet.
 */
export function customerSummaries(followUps: readonly FollowUp[], agenda: Agenda): CustomerSummary[] {
  const newest = (field: "contact" | "contactInfo") => {
    const found = new Map<string, FollowUp>();
    for (const f of followUps) {
      if (f[field] === "") continue;
      const known = found.get(f.customerKey);
      if (!known || isNewer(f, known)) found.set(f.customerKey, f);
    }
    return found;
  };
  const contacts = newest("contact");
  const contactInfos = newest("contactInfo");
  return [...agenda.latest.values()]
    .filter((f) => f.customerKey !== "")
    .map((f) => ({
      name: f.customer,
      contact: contacts.get(f.customerKey)?.contact ?? "",
      contactInfo: contactInfos.get(f.customerKey)?.contactInfo ?? "",
      need: f.need,
      stage: f.stage,
      owner: f.owner,
      lastDate: f.date === null ? "" : isoOfDay(f.date),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
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
