/** What the sidebar shows from the table: existing customers for the autocomplete, and the user's overdue and due-today follow-ups. */

import { customerContacts } from "./customers";
import type { Day } from "./dates";
import { isoOfDay } from "./dates";
import { type Agenda, dueOf } from "./due";
import type { FollowUp } from "./follow-ups";
import { type Pool, reminderOwner } from "./pool";
import type { CustomerSummary, DueItem } from "./sidebar-api";
import { ownerOf, type TeamMember } from "./team";

/**
 * Each customer once, as of its latest follow-up (SPEC "current state of a customer"), with its owner as ./customers
 * decides it (`owners`: a 撞单 typed into the sheet does not move it); the contact and the contact details each come
 * from the latest-dated row that has them, so a row typed without a phone number does not hide the customer's phone,
 * whatever the order of the rows in the sheet.
 */
export function customerSummaries(
  followUps: readonly FollowUp[],
  agenda: Agenda,
  owners: ReadonlyMap<string, string>,
): CustomerSummary[] {
  const contacts = customerContacts(followUps);
  return [...agenda.latest.values()]
    .filter((f) => f.customerKey !== "")
    .map((f) => ({
      name: f.customer,
      contact: contacts.get(f.customerKey)?.contact ?? "",
      contactInfo: contacts.get(f.customerKey)?.contactInfo ?? "",
      need: f.need,
      stage: f.stage,
      owner: owners.get(f.customerKey) ?? f.owner,
      lastDate: f.date === null ? "" : isoOfDay(f.date),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The member's overdue and due-today follow-ups, most overdue first (then by row): exactly the rows the member's
 * digest lists as overdue and due today (the same rule, the same owner lookup: a customer in the pool is nobody's,
 * a claimed one its claimer's), a date read from the next step or the cadence marked as such.
 */
export function dueItemsFor(
  followUps: readonly FollowUp[],
  agenda: Agenda,
  today: Day,
  team: readonly TeamMember[],
  member: TeamMember | undefined,
  pool: Pool,
): DueItem[] {
  if (!member) return [];
  const mine = (owner: string) => {
    const lookup = ownerOf(team, owner);
    return "member" in lookup && lookup.member === member;
  };
  return followUps
    .filter((f) => {
      const due = dueOf(agenda, f, today);
      const owner = reminderOwner(f, pool);
      return (due === "overdue" || due === "dueToday") && owner !== null && mine(owner);
    })
    .map((f) => ({
      row: f.row,
      id: f.id,
      customer: f.customer,
      stage: f.stage,
      nextStep: f.nextStep,
      nextDate: f.nextDate === null ? "" : isoOfDay(f.nextDate),
      ...(f.nextDateSource ? { nextDateSource: f.nextDateSource } : {}),
      daysOverdue: today - (f.nextDate ?? today),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);
}
