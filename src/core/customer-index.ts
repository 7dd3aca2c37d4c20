/** The customer index: one entry per customer (or per row without a customer) holding what the sidebar needs — name, owner, phone, rows, latest contact, and the one follow-up that is open — so opening and saving never read the whole table. */

import { phoneDigits } from "./customer-match";
import { customerContacts, ownershipOf } from "./customers";
import { type Day, isoOfDay } from "./dates";
import { agendaOf, isOpen } from "./due";
import { fingerprint } from "./fingerprint";
import type { FollowUp, NextDateSource, RowProblem } from "./follow-ups";
import { ownersWithPool, type Pool, reminderOwner } from "./pool";
import type { Settings } from "./settings";
import type { CustomerSummary, DueItem, PoolItem } from "./sidebar-api";
import { ownerOf, type TeamMember } from "./team";

/** The open follow-up of an entry: what its owner's due list shows once its date has come. */
export interface IndexedDue {
  row: number;
  id: string;
  customer: string;
  stage: string;
  nextStep: string;
  nextDate: Day;
  nextDateSource?: NextDateSource;
}

/** One customer as the index keeps it (a row without a customer is an entry of its own, with key ""). */
export interface IndexEntry {
  /** ./customer-match's customer key; "" for a row without a customer. */
  key: string;
  /** The customer as its latest row writes it. */
  name: string;
  /** Who holds the customer (./customers, the pool included): what a save's 撞单 warning compares. */
  owner: string;
  /** Digits of the contact details shown (./customer-match phoneDigits), "" when none: 查重 by phone. */
  phone: string;
  /** The sheet rows of the customer, ascending. */
  rows: number[];
  summary: Omit<CustomerSummary, "name" | "owner">;
  /**
   * The Team member reminded of the open follow-up (./pool reminderOwner, resolved on Team), as their position on the
   * Team sheet ("0" is its first member: a name on two rows resolves to neither), "" for nobody.
   */
  dueOwner: string;
  due: IndexedDue | null;
  /** Released to the pool (公海): as the sidebar lists it for claiming; null when not in the pool. */
  pool: IndexedPool | null;
}

/** A customer in the pool as the index keeps it: the owner it was released from, its stage and latest follow-up date. */
export interface IndexedPool {
  owner: string;
  customer: string;
  stage: string;
  lastDate: Day | null;
}

/** What the entries are computed from: rows that include every row of each customer they hold. */
export interface IndexInput {
  followUps: readonly FollowUp[];
  problems: readonly RowProblem[];
  settings: Settings;
  team: readonly TeamMember[];
  handovers: ReadonlySet<string>;
  pool: Pool;
}

/** The Team member a reminder for `owner` goes to (its position), "" when the cell names nobody on Team unambiguously. */
function memberAt(team: readonly TeamMember[], owner: string | null): string {
  if (owner === null) return "";
  const lookup = ownerOf(team, owner);
  return "member" in lookup ? String(team.indexOf(lookup.member)) : "";
}

/**
 * The entries of `input`'s customers, by the same rules as the whole table's: the latest row by ./due, the owner by
 * ./customers and the pool, the contact each from the newest row that has it, the reminder by ./pool. Every customer's
 * rows must all be in `input` (a customer's entry is a function of its rows, the Team, the hand-overs and the pool).
 */
export function indexEntries(input: IndexInput): IndexEntry[] {
  const { followUps, problems, settings, team } = input;
  const agenda = agendaOf(followUps, problems, settings);
  const { owners } = ownershipOf(followUps, problems, team, input.handovers);
  const held = ownersWithPool(owners, input.pool);
  const contacts = customerContacts(followUps);
  const groups = new Map<string, FollowUp[]>();
  for (const f of followUps) {
    const group = f.customerKey === "" ? `#${f.row}` : f.customerKey;
    const rows = groups.get(group);
    if (rows) rows.push(f);
    else groups.set(group, [f]);
  }
  return [...groups.values()].map((rows) => {
    const latest = agenda.latest.get(rows[0].customerKey) ?? rows[0];
    const contact = contacts.get(latest.customerKey);
    const open = rows.find((f) => isOpen(agenda, f));
    return {
      key: latest.customerKey,
      name: latest.customer,
      owner: latest.customerKey === "" ? latest.owner : (held.get(latest.customerKey) ?? latest.owner),
      phone: phoneDigits(contact?.contactInfo ?? ""),
      rows: rows.map((f) => f.row).sort((a, b) => a - b),
      summary: {
        contact: contact?.contact ?? "",
        contactInfo: contact?.contactInfo ?? "",
        need: latest.need,
        stage: latest.stage,
        lastDate: latest.date === null ? "" : isoOfDay(latest.date),
      },
      dueOwner: open ? memberAt(team, reminderOwner(open, input.pool)) : "",
      due: open ? dueOf(open) : null,
      pool: poolEntryOf(latest, input.pool),
    };
  });
}

/** The customer's place in the pool, when released. */
function poolEntryOf(latest: FollowUp, pool: Pool): IndexedPool | null {
  const release = latest.customerKey === "" ? undefined : pool.released.get(latest.customerKey);
  return release
    ? { owner: release.owner, customer: latest.customer, stage: latest.stage, lastDate: latest.date }
    : null;
}

/** Longest text an index cell holds for one field: a cell holds at most 50,000 characters, a line several fields. */
const FIELD_LIMIT = 2_000;

/** Text cut to FIELD_LIMIT characters (a customer pasted as a whole page must not make the index unwritable). */
function fitted(text: string): string {
  return text.length > FIELD_LIMIT ? text.slice(0, FIELD_LIMIT) : text;
}

/**
 * The customer key as the index's key column holds it: the key itself, or for a key too long for a cell, its start and
 * a fingerprint of the whole (still one line per customer). Lookups compare keys through it.
 */
export function indexKeyOf(key: string): string {
  return key.length > FIELD_LIMIT ? `${key.slice(0, FIELD_LIMIT - 9)}#${fingerprint(key)}` : key;
}

/** What identifies an entry's line: its customer key (as indexed), or "#row" for a row without a customer. */
export function identityOf(entry: { key: string; rows: readonly number[] }): string {
  return entry.key !== "" ? indexKeyOf(entry.key) : `#${entry.rows[0]}`;
}

/** The open row as the index keeps it. */
function dueOf(f: FollowUp): IndexedDue {
  return {
    row: f.row,
    id: f.id,
    customer: f.customer,
    stage: f.stage,
    nextStep: f.nextStep,
    nextDate: f.nextDate as Day,
    ...(f.nextDateSource ? { nextDateSource: f.nextDateSource } : {}),
  };
}

/** The autocomplete's and the warnings' view of an entry. */
export function summaryOf(entry: Pick<IndexEntry, "name" | "owner" | "summary">): CustomerSummary {
  return { name: entry.name, owner: entry.owner, ...entry.summary };
}

/**
 * The member's overdue and due-today follow-ups from the entries' open rows, most overdue first (then by row): the
 * same items the member's digest lists as overdue and due today (test/core/sidebar-data.test.ts compares them).
 */
export function dueItemsOf(
  entries: readonly Pick<IndexEntry, "dueOwner" | "due">[],
  team: readonly TeamMember[],
  member: TeamMember | undefined,
  today: Day,
): DueItem[] {
  const position = member ? team.indexOf(member) : -1;
  if (position < 0) return [];
  return entries
    .flatMap(({ dueOwner, due }): DueItem[] => {
      if (!due || dueOwner !== String(position) || due.nextDate > today) return [];
      const { nextDate, ...rest } = due;
      return [{ ...rest, nextDate: isoOfDay(nextDate), daysOverdue: today - nextDate }];
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);
}

/**
 * The index sheet's columns, in order. The due cell holds the open follow-up and the member it reminds together (one
 * cell per customer fewer: after a year of 20,000 customers the index is a large share of the add-on's own cells).
 */
export const INDEX_COLUMNS = ["key", "phone", "name", "owner", "rows", "summary", "due", "pool"] as const;

/** An index column's 1-based position. */
export function indexColumn(name: (typeof INDEX_COLUMNS)[number]): number {
  return INDEX_COLUMNS.indexOf(name) + 1;
}

/** The texts of an object cut to FIELD_LIMIT each (what the index keeps of a long need or next step). */
function fittedFields<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [name, typeof field === "string" ? fitted(field) : field]),
  ) as T;
}

/** An entry as the index sheet's cells (text; the writer stores it literally), each well under a cell's limit. */
export function entryCells(entry: IndexEntry): string[] {
  return [
    indexKeyOf(entry.key),
    entry.phone,
    fitted(entry.name),
    fitted(entry.owner),
    entry.rows.join(" "),
    JSON.stringify(fittedFields(entry.summary)),
    entry.due ? JSON.stringify({ reminded: entry.dueOwner, ...fittedFields(entry.due) }) : "",
    entry.pool ? JSON.stringify(fittedFields(entry.pool)) : "",
  ];
}

/** Row numbers as the rows cell holds them ("12 40 977"; a single row may read back as a number). */
export function rowsOfCell(cell: unknown): number[] {
  return String(cell ?? "")
    .split(" ")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** The JSON object a cell holds, or null (empty, or not JSON: nobody but the add-on writes the index). */
function jsonOfCell<T>(cell: unknown): T | null {
  if (typeof cell !== "string" || cell === "") return null;
  try {
    const value = JSON.parse(cell) as unknown;
    return typeof value === "object" && value !== null ? (value as T) : null;
  } catch {
    return null;
  }
}

/** The open follow-up a due cell holds and the member it reminds (dueOwner "" and due null for an empty or damaged cell). */
export function dueOfCell(cell: unknown): Pick<IndexEntry, "dueOwner" | "due"> {
  const held = jsonOfCell<IndexedDue & { reminded?: unknown }>(cell);
  if (!held || typeof held.row !== "number" || typeof held.nextDate !== "number") return { dueOwner: "", due: null };
  const { reminded, ...due } = held;
  return { dueOwner: typeof reminded === "string" ? reminded : "", due };
}

/** The pool place a pool cell holds, or null. */
export function poolOfCell(cell: unknown): IndexedPool | null {
  const pool = jsonOfCell<IndexedPool>(cell);
  return pool && typeof pool.customer === "string" ? pool : null;
}

/** The customers in the pool as the sidebar lists them for claiming, from the entries' pool cells, the longest-forgotten first. */
export function poolItemsOf(pools: readonly (IndexedPool | null)[], today: Day): PoolItem[] {
  return pools
    .flatMap((p): PoolItem[] =>
      p
        ? [{ customer: p.customer, stage: p.stage, owner: p.owner, days: p.lastDate === null ? 0 : today - p.lastDate }]
        : [],
    )
    .sort((a, b) => b.days - a.days || a.customer.localeCompare(b.customer));
}

/** An entry read back from its cells; null for a blank or damaged line. */
export function entryOf(cells: readonly unknown[]): IndexEntry | null {
  const [key, phone, name, owner, , summary, due, pool] = cells.map((c) => String(c ?? ""));
  const rowList = rowsOfCell(cells[indexColumn("rows") - 1]);
  if (rowList.length === 0) return null;
  const parsed = jsonOfCell<IndexEntry["summary"]>(summary);
  if (!parsed) return null;
  return {
    key,
    name,
    owner,
    phone,
    rows: rowList,
    summary: parsed,
    ...dueOfCell(due),
    pool: poolOfCell(pool),
  };
}

/** How many customers a lookup returns. */
export const LOOKUP_LIMIT = 8;

/**
 * The positions (0-based, in `names`) of customers matching what the user typed, best first: names starting with
 * it, then names or customer keys containing it (case-insensitive), each group by name; at most `limit`.
 */
export function matchingCustomers(
  typed: string,
  customers: readonly { key: string; name: string }[],
  typedKey: string,
  limit = LOOKUP_LIMIT,
): number[] {
  const wanted = typed.trim().toLowerCase();
  if (wanted === "") return [];
  const ranked: { index: number; rank: number; name: string }[] = [];
  customers.forEach((c, index) => {
    if (c.key === "") return;
    const name = c.name.toLowerCase();
    const rank = name.startsWith(wanted)
      ? 0
      : name.includes(wanted) || (typedKey !== "" && c.key.includes(typedKey))
        ? 1
        : -1;
    if (rank >= 0) ranked.push({ index, rank, name: c.name });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((r) => r.index);
}
