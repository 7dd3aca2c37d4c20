/** A month of a three-person team's follow-ups, logged from the sidebar each morning, and the reminder digests each member should get because of them. */

import type { User } from "../../local/runtime/runtime";
import type { FollowUpForm } from "../../src/core/sidebar-api";
import { form } from "../helpers/follow-up-table";

/** A Team member of the helper's TEAM, as the sidebar user who logs their own customers. */
export interface Member {
  name: string;
  user: User;
  /** The manager's email on the Team sheet (the manager's digest counts this rep's overdue and due-today rows). */
  managerEmail: string;
}

export const MEMBERS: readonly Member[] = [
  { name: "li.lei", user: { email: "li.lei@example.com", locale: "zh_CN" }, managerEmail: "" },
  { name: "李四", user: { email: "li.si@example.com", locale: "zh_CN" }, managerEmail: "li.lei@example.com" },
  { name: "Ann Lee", user: { email: "ann.lee@example.com", locale: "en" }, managerEmail: "li.lei@example.com" },
];

/** Settings' default "upcoming" window, in days. */
const UPCOMING_DAYS = 3;

/** One sidebar submission: on `day` (0 = the first day of the month) before the reminder hour. */
export interface PlannedFollowUp {
  day: number;
  member: Member;
  customer: string;
  /** Unique per submission, so each stored row can be traced back to it. */
  summary: string;
  stage: string;
  /** The day of the next follow-up, or null when the deal is closed. */
  nextDay: number | null;
}

/**
 * Each member takes on a new customer every three days (staggered by a day per member) and follows it up twice:
 * on the agreed day, except every third customer, who is called back three days late (overdue meanwhile); the
 * third contact wins the deal. Only contacts inside the month are planned.
 */
export function monthPlan(days: number): PlannedFollowUp[] {
  const plan: PlannedFollowUp[] = [];
  MEMBERS.forEach((member, m) => {
    for (let start = m, k = 0; start < days; start += 3, k++) {
      const customer = `${member.name}的客户${k + 1}`;
      const late = k % 3 === 2 ? 3 : 0;
      const second = start + 5 + late;
      const contacts = [
        { day: start, stage: "新线索", nextDay: start + 5 },
        { day: second, stage: "已报价", nextDay: second + 4 },
        { day: second + 4, stage: "已成交", nextDay: null },
      ];
      for (const [n, contact] of contacts.entries()) {
        if (contact.day >= days) break;
        plan.push({ ...contact, member, customer, summary: `${customer}：第${n + 1}次沟通` });
      }
    }
  });
  return plan.sort((a, b) => a.day - b.day || a.customer.localeCompare(b.customer));
}

/** "2026-11-02" for day `day` of a month starting on `firstDay` (an ISO date). */
function isoDay(firstDay: string, day: number): string {
  return new Date(Date.parse(`${firstDay}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
}

/** The sidebar form of a planned follow-up. */
export function formOf(planned: PlannedFollowUp, firstDay: string, phone: string): FollowUpForm {
  const closed = planned.nextDay === null;
  return form({
    customer: planned.customer,
    contactInfo: phone,
    date: isoDay(firstDay, planned.day),
    stage: planned.stage,
    summary: planned.summary,
    nextStep: closed ? "" : "回访",
    nextDate: planned.nextDay === null ? "" : isoDay(firstDay, planned.nextDay),
    owner: planned.member.name,
  });
}

/**
 * The days on which each member's email should get a digest, worked out from the plan alone: on a workday (none goes
 * out on a day off), a customer's state is its latest contact logged that morning or before; an open one is overdue,
 * due today or upcoming (within the window) for its owner; a manager also hears of their reps' overdue and due-today
 * customers.
 */
export function expectedDigestDays(
  plan: readonly PlannedFollowUp[],
  days: number,
  isWorkday: (day: number) => boolean,
): Map<string, number[]> {
  const expected = new Map<string, number[]>(MEMBERS.map((m) => [m.user.email, []]));
  for (let day = 0; day < days; day++) {
    if (!isWorkday(day)) continue;
    const latest = new Map<string, PlannedFollowUp>();
    for (const p of plan) if (p.day <= day) latest.set(p.customer, p);
    const told = new Set<string>();
    for (const { member, nextDay } of latest.values()) {
      if (nextDay === null || nextDay > day + UPCOMING_DAYS) continue;
      told.add(member.user.email);
      if (nextDay <= day && member.managerEmail !== "") told.add(member.managerEmail);
    }
    for (const email of told) expected.get(email)?.push(day);
  }
  return expected;
}
