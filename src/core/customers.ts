/** Who owns each customer (a 撞单 typed into the sheet never moves it, and is reported) and how to reach it: decided here for the sidebar, the digests and Sync. */

import { fill, translator } from "../i18n/translate";
import { asSyncOrders, isNewer } from "./due";
import type { FollowUp, RowProblem } from "./follow-ups";
import type { Language } from "./language";
import { ownerOf, type TeamMember } from "./team";

/**
 * 撞单 typed into the sheet: the customer's rows name another rep than its owner, and none of those rows was a hand-over
 * confirmed in the sidebar. The customer stays its owner's; every row is still reminded to its own owner.
 */
export interface Collision {
  /** The customer as its latest row names it. */
  customer: string;
  /** The customer's owner (the earlier one), as the Team sheet names them. */
  owner: string;
  ownerRows: number[];
  /** The other rep whose rows were typed into the sheet. */
  other: string;
  otherRows: number[];
}

/** The owner of each customer, by customer key, and the collisions that leave it unchanged. */
export interface Ownership {
  owners: ReadonlyMap<string, string>;
  collisions: Collision[];
}

/** A row's id as the hand-over record keeps it. */
export function handoverId(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * Who owns each customer. Its rows are walked in the rule's order (./due: follow-up date, then logged-at, unstamped
 * rows as Sync will stamp them): the first row with an owner makes that owner the customer's; a later row naming
 * another owner moves the customer only when it is a hand-over confirmed in the sidebar (`handovers`: row ids);
 * otherwise it is a collision, reported, and the customer stays the earlier owner's. An owner is one Team member
 * however the cell names them (name or email); rows without an owner are left out.
 */
export function ownershipOf(
  followUps: readonly FollowUp[],
  problems: readonly RowProblem[],
  team: readonly TeamMember[],
  handovers: ReadonlySet<string>,
): Ownership {
  const byCustomer = new Map<string, FollowUp[]>();
  for (const f of asSyncOrders(followUps, problems)) {
    if (f.customerKey === "" || f.owner.trim() === "") continue;
    const rows = byCustomer.get(f.customerKey);
    if (rows) rows.push(f);
    else byCustomer.set(f.customerKey, [f]);
  }
  const owners = new Map<string, string>();
  const collisions: Collision[] = [];
  for (const [key, rows] of byCustomer) {
    rows.sort((a, b) => (isNewer(a, b) ? 1 : isNewer(b, a) ? -1 : 0));
    type Holder = { id: string; name: string; rows: number[] };
    let owner: Holder | undefined;
    let others = new Map<string, Holder>();
    for (const f of rows) {
      const lookup = ownerOf(team, f.owner);
      const member = "member" in lookup ? lookup.member : undefined;
      const id = member ? `member ${team.indexOf(member)}` : `text ${f.owner.trim().toLowerCase()}`;
      const name = member?.name.trim() || f.owner.trim();
      if (owner?.id === id) owner.rows.push(f.row);
      else if (!owner || handovers.has(handoverId(f.id))) {
        owner = { id, name, rows: [f.row] };
        others = new Map();
      } else {
        const other = others.get(id) ?? { id, name, rows: [] };
        other.rows.push(f.row);
        others.set(id, other);
      }
    }
    if (!owner) continue;
    owners.set(key, owner.name);
    const customer = rows[rows.length - 1].customer;
    for (const other of others.values()) {
      collisions.push({
        customer,
        owner: owner.name,
        ownerRows: [...owner.rows].sort((a, b) => a - b),
        other: other.name,
        otherRows: [...other.rows].sort((a, b) => a - b),
      });
    }
  }
  return { owners, collisions: collisions.sort((a, b) => a.otherRows[0] - b.otherRows[0]) };
}

/** The hand-overs once the sidebar saved row `id` with a confirmed owner change: those recorded, and `id`. */
export function handoversWith(recorded: readonly string[], id: string): string[] {
  return [...new Set([...recorded, handoverId(id)])];
}

/** The recorded hand-overs whose rows are still in the table (Sync forgets the others). */
export function handoversPresent(recorded: readonly string[], followUps: readonly FollowUp[]): string[] {
  const present = new Set(followUps.map((f) => handoverId(f.id)));
  return recorded.filter((r) => present.has(r));
}

/** Rows a collision line names before "…". */
const ROWS_NAMED = 5;

function rowList(rows: readonly number[], language: Language): string {
  const named = rows.slice(0, ROWS_NAMED).join(language === "zh" ? "、" : ", ");
  return rows.length > ROWS_NAMED ? `${named}…` : named;
}

/** One collision in `language`: the customer, both reps, their rows, who stays the owner and how to settle it. */
export function collisionLine(collision: Collision, language: Language): string {
  const t = translator(language);
  return fill(t("collision.line"), {
    ...collision,
    ownerRows: rowList(collision.ownerRows, language),
    otherRows: rowList(collision.otherRows, language),
  });
}

/** Collisions a report lists before "… and N more". */
const LISTED = 20;

/** The collisions as a report section (Sync's): a blank line, a header with the count, one line each; none when there are none. */
export function collisionReport(collisions: readonly Collision[], language: Language): string[] {
  if (collisions.length === 0) return [];
  const t = translator(language);
  const lines = collisions.slice(0, LISTED).map((c) => `- ${collisionLine(c, language)}`);
  if (collisions.length > LISTED) lines.push(fill(t("list.more"), { count: collisions.length - LISTED }));
  return ["", fill(t("collision.header"), { count: collisions.length }), ...lines];
}

/** How to reach each customer, by customer key: the contact and the contact details, each from the newest row that has them. */
export function customerContacts(
  followUps: readonly FollowUp[],
): Map<string, { contact: string; contactInfo: string }> {
  const newest = (field: "contact" | "contactInfo") => {
    const found = new Map<string, FollowUp>();
    for (const f of followUps) {
      if (f[field] === "" || f.customerKey === "") continue;
      const known = found.get(f.customerKey);
      if (!known || isNewer(f, known)) found.set(f.customerKey, f);
    }
    return found;
  };
  const contacts = newest("contact");
  const contactInfos = newest("contactInfo");
  const keys = new Set([...contacts.keys(), ...contactInfos.keys()]);
  return new Map(
    [...keys].map((key) => [
      key,
      { contact: contacts.get(key)?.contact ?? "", contactInfo: contactInfos.get(key)?.contactInfo ?? "" },
    ]),
  );
}
