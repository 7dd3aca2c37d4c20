/** The contract between the follow-up sidebar and the server: what crosses google.script.run, as plain strings, numbers and arrays. */

import type { Language } from "./language";
import type { StageKind } from "./settings";

/** The form as the sidebar sends it: every field a string (dates "yyyy-mm-dd"), so nothing is lost crossing the wire. */
export interface FollowUpForm {
  customer: string;
  contact: string;
  contactInfo: string;
  date: string;
  method: string;
  need: string;
  summary: string;
  stage: string;
  nextStep: string;
  nextDate: string;
  owner: string;
  source: string;
  score: string;
  notes: string;
}

/** A form field. */
export type FormField = keyof FollowUpForm;

/** The form's fields, in the order the sidebar shows them. */
export const FORM_FIELDS: readonly FormField[] = [
  "customer",
  "contact",
  "contactInfo",
  "date",
  "method",
  "need",
  "summary",
  "stage",
  "nextStep",
  "nextDate",
  "owner",
  "source",
  "score",
  "notes",
];

/** What the sidebar submits: the form, the warnings the user chose to go past, and a key that makes retries safe. */
export interface SaveRequest {
  form: FollowUpForm;
  /** Keys of warnings (`warningKey`) the user saw and confirmed. */
  confirmed: string[];
  /** Unique per submission; a retry with the same key returns the first outcome instead of writing twice. */
  requestId: string;
}

/** Something the user should know before saving; saving goes ahead once they confirm it. */
export type Warning =
  /** 查重: a new name that matches an existing customer by customer key or phone digits. */
  | { kind: "duplicate"; existing: string; owner: string; by: "name" | "phone" }
  /** 撞单: the customer belongs to another rep. */
  | { kind: "collision"; customer: string; owner: string }
  /** The owner chosen differs from the customer's owner: ownership would change. */
  | { kind: "ownerChange"; customer: string; from: string; to: string };

/** The stable key of a warning, for confirming it. */
export function warningKey(warning: Warning): string {
  switch (warning.kind) {
    case "duplicate":
      return `duplicate:${warning.existing}:${warning.by}`;
    case "collision":
      return `collision:${warning.customer}:${warning.owner}`;
    case "ownerChange":
      return `ownerChange:${warning.customer}:${warning.to}`;
  }
}

/** The outcome of a save. Errors map each field to a message in the user's language. */
export type SaveResult =
  | { ok: true; row: number; id: string; supersededRows: number[]; message: string }
  | { ok: false; errors: Partial<Record<FormField | "form", string>>; warnings: Warning[] };

/** An existing customer, as the autocomplete shows it (its latest follow-up). */
export interface CustomerSummary {
  name: string;
  contact: string;
  contactInfo: string;
  /** The customer need last recorded (pre-filled: needs rarely change between two calls). */
  need: string;
  stage: string;
  owner: string;
  /** "yyyy-mm-dd" of the latest follow-up, or "". */
  lastDate: string;
}

/** One of the user's overdue or due-today follow-ups. */
export interface DueItem {
  row: number;
  id: string;
  customer: string;
  stage: string;
  nextStep: string;
  /** "yyyy-mm-dd". */
  nextDate: string;
  /**
   * Where the date came from when not from the next-date cell: "text", read from the next step (the sidebar offers to
   * write it into the cell), or "cadence", the follow-up interval Settings give (nothing was agreed with the customer).
   */
  nextDateSource?: "text" | "cadence";
  /** 0 for due today. */
  daysOverdue: number;
}

/** Writing a date read from the next step into the row's empty next-date cell: the row, its id and the date shown. */
export interface TextDateRequest {
  row: number;
  id: string;
  /** "yyyy-mm-dd", as the due list showed it. */
  nextDate: string;
}

/** The outcome of writing a date from the text, in the user's language. */
export interface TextDateResult {
  ok: boolean;
  message: string;
}

/** A customer in the pool (公海), as the sidebar lists it for claiming. */
export interface PoolItem {
  customer: string;
  stage: string;
  /** Its owner when it was released. */
  owner: string;
  /** Days since its latest follow-up. */
  days: number;
}

/** Claiming a customer from the pool: its name as the list showed it. */
export interface ClaimRequest {
  customer: string;
}

/** The outcome of a claim, in the user's language. */
export interface ClaimResult {
  ok: boolean;
  message: string;
}

/** How many due follow-ups the sidebar lists: a list to work through, small enough to open fast at any table size. */
export const DUE_LISTED = 200;

/** Everything the sidebar needs to open, in one call. */
export interface SidebarData {
  language: Language;
  /** Today in the spreadsheet's time zone, "yyyy-mm-dd". */
  today: string;
  /** The current user's name on the Team sheet, or "" when they are not on it. */
  userName: string;
  /** Settings' stages in order, each with its cadence (days between follow-ups, null for none: ./cadence). */
  stages: { name: string; kind: StageKind; cadenceDays: number | null }[];
  /** The cadence by intent grade (./cadence): with the stage's, what the form prefills the next date from. */
  gradeCadence: { grade: string; days: number }[];
  methods: string[];
  sources: string[];
  owners: string[];
  /** The user's overdue and due-today follow-ups, the most overdue first, at most DUE_LISTED of them. */
  myDue: DueItem[];
  /** How many the user has in all (more than myDue lists when past DUE_LISTED). */
  myDueCount: number;
  /** Customers in the pool, longest-forgotten first: any member may claim one. */
  pool: PoolItem[];
  /** For admins (and the reminders' owner): what is wrong with the daily reminders, one line each; else empty. */
  reminderProblems: string[];
}

/** The server functions the sidebar calls (global functions of the script). */
export interface SidebarApi {
  sidebarData(): SidebarData;
  /** Existing customers matching what the user typed, for the autocomplete (the server's customer index). */
  findCustomers(typed: string): CustomerSummary[];
  saveFollowUp(request: SaveRequest): SaveResult;
  selectRow(row: number): void;
  writeDateFromText(request: TextDateRequest): TextDateResult;
  claimCustomer(request: ClaimRequest): ClaimResult;
}
