/** The installable triggers Google keeps per script project (TriggerTable), what each stores, and the limits and error texts of creating them. */

import type { Kernel } from "./kernel";

export type EventTypeName = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_FORM_SUBMIT" | "ON_CHANGE";
/** ScriptApp.WeekDay's names, Sunday first. */
export const WEEK_DAY_NAMES = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const;
export type WeekDayName = (typeof WEEK_DAY_NAMES)[number];

/**
 * When a time-driven trigger fires (developers.google.com/apps-script/reference/script/clock-trigger-builder).
 * `hour` null means "a stable pseudo-random hour"; `nearMinute` null means "a stable pseudo-random minute".
 */
export type ClockRule =
  | { kind: "once"; at: number }
  | {
      kind: "onDate";
      year: number;
      month: number;
      day: number;
      hour: number | null;
      nearMinute: number | null;
      timeZone: string;
    }
  | { kind: "minutes"; every: number }
  | { kind: "hours"; every: number; nearMinute: number | null }
  | { kind: "days"; every: number; hour: number | null; nearMinute: number | null; timeZone: string }
  | {
      kind: "weeks";
      every: number;
      weekDay: WeekDayName | null;
      hour: number | null;
      nearMinute: number | null;
      timeZone: string;
    }
  | { kind: "monthDay"; day: number; hour: number | null; nearMinute: number | null; timeZone: string };

/** One installable trigger as Google stores it. */
export interface TriggerRecord {
  readonly uniqueId: string;
  readonly handlerFunction: string;
  readonly eventType: EventTypeName;
  readonly source: "CLOCK" | "SPREADSHEETS";
  /** The spreadsheet id of a spreadsheet trigger; null for time-driven triggers. */
  readonly sourceId: string | null;
  /** The user who created it: it runs as, and sends mail from, this user. */
  readonly owner: string;
  /** The document it belongs to (getUserTriggers): a spreadsheet trigger's source, else the creating execution's document. */
  readonly documentId: string | null;
  readonly clock: ClockRule | null;
  readonly createdAt: number;
  enabled: boolean;
}

/** Installable triggers per user per script (developers.google.com/apps-script/guides/services/quotas). */
export const MAX_TRIGGERS_PER_USER = 20;

/**
 * Error texts. Those marked [UNCONFIRMED] were found in no searchable source (reference pages, issue threads); they
 * keep Apps Script's style, and a live probe (probes/triggers.js) reads the real ones where no person is needed.
 */
export const TRIGGER_ERRORS = {
  /**
   * Past MAX_TRIGGERS_PER_USER. The wording is the one commonly quoted for this quota [UNCONFIRMED: no searchable
   * source quotes it]; probe_triggers_limit reads it live.
   */
  tooMany: "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
  /** Quoted from a real add-on: "Exception: The recurrence interval for an Add-on trigger must be at least one hour." (github.com/ttsukagoshi/mail-merge-for-gmail/issues/165). */
  addOnInterval: "The recurrence interval for an Add-on trigger must be at least one hour.",
  /**
   * Reported for time-based triggers ("this add-on has created too many time-based triggers in this document for this
   * Google user account", github.com/ljay79/jira-tools/issues/53); the words for the spreadsheet events are
   * [UNCONFIRMED].
   */
  addOnOnePerType: (kind: string) =>
    `This add-on has created too many ${kind} triggers in this document for this Google user account.`,
  /** The rule is documented (see TriggerTable.add); the wording is the documentation's [UNCONFIRMED]. */
  addOnOtherFile: "Add-ons can only create triggers for the file in which the add-on is used.",
  everyMinutes: "The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.", // [UNCONFIRMED]
  everyHours: "The value passed to everyHours() must be 1, 2, 4, 6, 8 or 12.", // [UNCONFIRMED]
  invalid: (name: string) => `Invalid argument: ${name}`, // [UNCONFIRMED] wording for out-of-range values
  conflicting: "The trigger's schedule has already been set and cannot be set again.", // [UNCONFIRMED]
  noSchedule:
    "A time-based trigger needs a schedule: call after, at, atDate, everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay or onMonthDay.", // [UNCONFIRMED]
  hourWithoutDays: "atHour() and nearMinute() need a daily, weekly, monthly or dated schedule.", // [UNCONFIRMED]
  noEvent: "A spreadsheet trigger needs an event: call onOpen, onEdit, onChange or onFormSubmit.", // [UNCONFIRMED]
  notFound: "Unexpected error while getting the method or property deleteTrigger on object ScriptApp.", // [UNCONFIRMED]
};

/** The installable triggers of one script project, across users and executions. */
export class TriggerTable {
  /** True for a published editor add-on, whose triggers Google restricts further. */
  readonly addOn: boolean;
  private readonly records: TriggerRecord[] = [];
  private nextId = 4_170_000_001;

  constructor(options: { addOn?: boolean } = {}) {
    this.addOn = options.addOn ?? false;
  }

  /** Every trigger of every user, in creation order. */
  list(): readonly TriggerRecord[] {
    return this.records;
  }

  find(uniqueId: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uniqueId === uniqueId);
  }

  /** Test hook: Google silently disables a trigger; it is still listed but never fires again [UNCONFIRMED]. */
  disable(uniqueId: string): void {
    const record = this.find(uniqueId);
    if (!record) throw new Error(`no trigger ${uniqueId}`);
    record.enabled = false;
  }

  /**
   * Stores a new trigger after Google's checks: "Triggers | 20 / user / script" (developers.google.com/apps-script/
   * guides/services/quotas), then an add-on's restrictions (developers.google.com/workspace/add-ons/concepts/
   * editor-triggers#restrictions): "Add-ons can only create triggers for the file in which the add-on is used",
   * "Time-driven triggers cannot run more frequently than once per hour", "Each add-on can only have one trigger of
   * each type, per user, per document". `creatingDocumentId` is the document the creating execution is bound to.
   */
  add(
    kernel: Kernel,
    spec: Omit<TriggerRecord, "uniqueId" | "createdAt" | "enabled">,
    creatingDocumentId: string | null,
  ): TriggerRecord {
    const mine = this.records.filter((r) => r.owner === spec.owner);
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw kernel.exception(TRIGGER_ERRORS.tooMany);
    if (this.addOn) {
      if (spec.sourceId !== null && spec.sourceId !== creatingDocumentId) {
        throw kernel.exception(TRIGGER_ERRORS.addOnOtherFile);
      }
      if (spec.clock?.kind === "minutes") throw kernel.exception(TRIGGER_ERRORS.addOnInterval);
      if (mine.some((r) => r.documentId === spec.documentId && r.eventType === spec.eventType)) {
        throw kernel.exception(TRIGGER_ERRORS.addOnOnePerType(EVENT_WORDS[spec.eventType]));
      }
    }
    const record: TriggerRecord = { ...spec, uniqueId: String(this.nextId++), createdAt: kernel.now(), enabled: true };
    this.records.push(record);
    return record;
  }

  remove(uniqueId: string): boolean {
    const index = this.records.findIndex((r) => r.uniqueId === uniqueId);
    if (index < 0) return false;
    this.records.splice(index, 1);
    return true;
  }
}

const EVENT_WORDS: Record<EventTypeName, string> = {
  CLOCK: "time-based",
  ON_OPEN: "open",
  ON_EDIT: "edit",
  ON_CHANGE: "change",
  ON_FORM_SUBMIT: "form submit",
};
