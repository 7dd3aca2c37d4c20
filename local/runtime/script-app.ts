/** The emulated ScriptApp: its enums, installable triggers (time-driven and spreadsheet) and the TriggerTable that keeps them across executions. */

import { type Kernel, SCOPES } from "./kernel";

/**
 * An Apps Script enum whose values are their names: String(ScriptApp.EventType.CLOCK) === "CLOCK" and `==`
 * comparisons hold as in Apps Script; the real enum objects' name()/ordinal() methods are not emulated.
 */
export function enumOf<const N extends string>(...names: N[]): Readonly<{ [K in N]: K }> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { [K in N]: K };
}

export const AuthMode = enumOf("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL");
export const AuthorizationStatus = enumOf("REQUIRED", "NOT_REQUIRED");
export const EventType = enumOf("CLOCK", "ON_OPEN", "ON_EDIT", "ON_FORM_SUBMIT", "ON_CHANGE", "ON_EVENT_UPDATED");
export const TriggerSource = enumOf("SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR");
export const WeekDay = enumOf("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY");

export type EventTypeName = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_FORM_SUBMIT" | "ON_CHANGE";
export type WeekDayName = keyof typeof WeekDay;

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
  /** The document the creating execution was bound to (execution.activeSpreadsheetId). */
  readonly documentId: string | null;
  readonly clock: ClockRule | null;
  readonly createdAt: number;
  enabled: boolean;
}

/** Installable triggers per user per script (developers.google.com/apps-script/guides/services/quotas). */
export const MAX_TRIGGERS_PER_USER = 20;

/** Error texts. Those marked [UNCONFIRMED] were not found in any public source; they keep Apps Script's style. */
export const TRIGGER_ERRORS = {
  tooMany: "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
  addOnInterval: "The recurrence interval for an Add-on trigger must be at least one hour.",
  /** Reported for time-based triggers; the wording for the spreadsheet events is [UNCONFIRMED]. */
  addOnOnePerType: (kind: string) =>
    `This add-on has created too many ${kind} triggers in this document for this Google user account.`,
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

/** Apps Script's "wrong arguments" error: "The parameters (String,number) don't match the method signature for X.y." */
export function signatureMismatch(kernel: Kernel, method: string, args: readonly unknown[]): Error {
  return kernel.exception(
    `The parameters (${args.map(typeLabel).join(",")}) don't match the method signature for ${method}.`,
  );
}

/** Apps Script's name of an argument's type in that error (same naming as spreadsheet/errors.ts). */
function typeLabel(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return "String";
  if (typeof value === "boolean") return "Boolean";
  if (isDate(value)) return "Date";
  if (Array.isArray(value)) {
    const names = new Set(value.map(typeLabel));
    const [only] = names;
    return names.size === 1 && only !== "(class)" ? `${only}[]` : "Object[]";
  }
  if (typeof value === "object") return "(class)";
  return typeof value;
}

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

  /** Stores a new trigger after Google's checks (per-user limit, add-on rules). */
  add(kernel: Kernel, spec: Omit<TriggerRecord, "uniqueId" | "createdAt" | "enabled">): TriggerRecord {
    const mine = this.records.filter((r) => r.owner === spec.owner);
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw kernel.exception(TRIGGER_ERRORS.tooMany);
    if (this.addOn) {
      // developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
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

type Trigger = GoogleAppsScript.Script.Trigger;

const triggerRecords = new WeakMap<object, string>();

/** A Trigger object as ScriptApp hands it out; it reads the table live. */
class TriggerHandle implements Trigger {
  constructor(
    private readonly kernel: Kernel,
    private readonly record: TriggerRecord,
  ) {
    triggerRecords.set(this, record.uniqueId);
  }
  getUniqueId(): string {
    this.kernel.call("Script", "Trigger.getUniqueId");
    return this.record.uniqueId;
  }
  getHandlerFunction(): string {
    this.kernel.call("Script", "Trigger.getHandlerFunction");
    return this.record.handlerFunction;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    this.kernel.call("Script", "Trigger.getEventType");
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.kernel.call("Script", "Trigger.getTriggerSource");
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  /** The spreadsheet id for spreadsheet triggers; null for time-driven ones [UNCONFIRMED]. */
  getTriggerSourceId(): string {
    this.kernel.call("Script", "Trigger.getTriggerSourceId");
    return this.record.sourceId as string;
  }
}

type ClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

/** Accumulates the calls of a ClockTriggerBuilder; create() turns them into a ClockRule. */
interface ClockDraft {
  schedule:
    | { kind: "once"; at: number }
    | { kind: "onDate"; year: number; month: number; day: number }
    | { kind: "minutes"; every: number }
    | { kind: "hours"; every: number }
    | { kind: "days"; every: number }
    | { kind: "weeks"; every: number }
    | { kind: "monthDay"; day: number }
    | null;
  weekDay: WeekDayName | null;
  hour: number | null;
  nearMinute: number | null;
  timeZone: string | null;
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** ScriptApp.newTrigger(name).timeBased() (developers.google.com/apps-script/reference/script/clock-trigger-builder). */
class ClockTriggerBuilder implements ClockBuilder {
  private readonly draft: ClockDraft = { schedule: null, weekDay: null, hour: null, nearMinute: null, timeZone: null };
  /** True while the weekly schedule comes from onWeekDay() alone (everyWeeks may still set its period). */
  private weeklyImplied = false;

  constructor(
    private readonly kernel: Kernel,
    private readonly table: TriggerTable,
    private readonly handler: string,
  ) {}

  private step(method: string, args: readonly unknown[], valid: boolean): void {
    this.kernel.call("Script", `ClockTriggerBuilder.${method}`);
    if (!valid) throw signatureMismatch(this.kernel, `ClockTriggerBuilder.${method}`, args);
  }

  private schedule(schedule: NonNullable<ClockDraft["schedule"]>): this {
    if (this.draft.schedule) throw this.kernel.exception(TRIGGER_ERRORS.conflicting);
    this.draft.schedule = schedule;
    return this;
  }

  private checkRange(value: number, min: number, max: number, name: string): void {
    if (!isInteger(value, min, max)) throw this.kernel.exception(TRIGGER_ERRORS.invalid(name));
  }

  after(durationMilliseconds: number): ClockBuilder {
    this.step("after", [durationMilliseconds], typeof durationMilliseconds === "number");
    this.checkRange(durationMilliseconds, 0, Number.MAX_SAFE_INTEGER, "durationMilliseconds");
    return this.schedule({ kind: "once", at: this.kernel.now() + durationMilliseconds });
  }

  at(date: GoogleAppsScript.Base.Date): ClockBuilder {
    this.step("at", [date], isDate(date));
    return this.schedule({ kind: "once", at: (date as Date).getTime() });
  }

  /** Fires once on that date, near midnight (±15 min) unless atHour/nearMinute say otherwise. */
  atDate(year: number, month: number, day: number): ClockBuilder {
    const args = [year, month, day];
    this.step(
      "atDate",
      args,
      args.every((a) => typeof a === "number"),
    );
    this.checkRange(year, 1970, 9999, "year");
    this.checkRange(month, 1, 12, "month");
    this.checkRange(day, 1, 31, "day");
    return this.schedule({ kind: "onDate", year, month, day });
  }

  atHour(hour: number): ClockBuilder {
    this.step("atHour", [hour], typeof hour === "number");
    this.checkRange(hour, 0, 23, "hour");
    this.draft.hour = hour;
    return this;
  }

  nearMinute(minute: number): ClockBuilder {
    this.step("nearMinute", [minute], typeof minute === "number");
    this.checkRange(minute, 0, 59, "minute");
    this.draft.nearMinute = minute;
    return this;
  }

  everyMinutes(n: number): ClockBuilder {
    this.step("everyMinutes", [n], typeof n === "number");
    if (!EVERY_MINUTES.includes(n)) throw this.kernel.exception(TRIGGER_ERRORS.everyMinutes);
    return this.schedule({ kind: "minutes", every: n });
  }

  everyHours(n: number): ClockBuilder {
    this.step("everyHours", [n], typeof n === "number");
    if (!EVERY_HOURS.includes(n)) throw this.kernel.exception(TRIGGER_ERRORS.everyHours);
    return this.schedule({ kind: "hours", every: n });
  }

  everyDays(n: number): ClockBuilder {
    this.step("everyDays", [n], typeof n === "number");
    this.checkRange(n, 1, 366, "days");
    return this.schedule({ kind: "days", every: n });
  }

  everyWeeks(n: number): ClockBuilder {
    this.step("everyWeeks", [n], typeof n === "number");
    this.checkRange(n, 1, 52, "weeks");
    if (this.weeklyImplied) {
      // onWeekDay() already implied a weekly schedule: everyWeeks(n) sets its period.
      this.weeklyImplied = false;
      this.draft.schedule = { kind: "weeks", every: n };
      return this;
    }
    return this.schedule({ kind: "weeks", every: n });
  }

  /** Weekly on that day; implies everyWeeks(1) when everyWeeks was not called. */
  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockBuilder {
    const name = day as unknown as string;
    this.step("onWeekDay", [day], typeof name === "string" && Object.hasOwn(WeekDay, name));
    if (this.draft.weekDay) throw this.kernel.exception(TRIGGER_ERRORS.conflicting);
    this.draft.weekDay = name as WeekDayName;
    if (this.draft.schedule?.kind !== "weeks") {
      this.schedule({ kind: "weeks", every: 1 });
      this.weeklyImplied = true;
    }
    return this;
  }

  onMonthDay(day: number): ClockBuilder {
    this.step("onMonthDay", [day], typeof day === "number");
    this.checkRange(day, 1, 31, "day");
    return this.schedule({ kind: "monthDay", day });
  }

  /** The zone atHour/atDate/onWeekDay/onMonthDay are read in; default: the script's time zone. */
  inTimezone(timezone: string): ClockBuilder {
    this.step("inTimezone", [timezone], typeof timezone === "string");
    if (!isTimeZone(timezone)) throw this.kernel.exception(TRIGGER_ERRORS.invalid("timezone"));
    this.draft.timeZone = timezone;
    return this;
  }

  create(): Trigger {
    this.kernel.call("Script", "ClockTriggerBuilder.create", { scopes: [SCOPES.scriptApp], needsAuth: true });
    const rule = this.rule();
    return createTrigger(this.kernel, this.table, {
      handlerFunction: this.handler,
      eventType: "CLOCK",
      source: "CLOCK",
      sourceId: null,
      clock: rule,
    });
  }

  private rule(): ClockRule {
    const { schedule, hour, nearMinute } = this.draft;
    if (!schedule) throw this.kernel.exception(TRIGGER_ERRORS.noSchedule);
    const timeZone = this.draft.timeZone ?? this.kernel.scriptTimeZone;
    const timed = { hour, nearMinute, timeZone };
    const untimed = hour === null && nearMinute === null;
    switch (schedule.kind) {
      case "once":
      case "minutes":
        if (!untimed) throw this.kernel.exception(TRIGGER_ERRORS.hourWithoutDays);
        return schedule;
      case "hours":
        if (hour !== null) throw this.kernel.exception(TRIGGER_ERRORS.hourWithoutDays);
        return { ...schedule, nearMinute };
      case "onDate":
        return { ...schedule, ...timed };
      case "days":
        return { ...schedule, ...timed };
      case "monthDay":
        return { ...schedule, ...timed };
      case "weeks":
        return { ...schedule, weekDay: this.draft.weekDay, ...timed };
    }
  }
}

type SheetBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

/** ScriptApp.newTrigger(name).forSpreadsheet(ss) (developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder). */
class SpreadsheetTriggerBuilder implements SheetBuilder {
  private event: EventTypeName | null = null;

  constructor(
    private readonly kernel: Kernel,
    private readonly table: TriggerTable,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  private on(method: string, event: EventTypeName): SheetBuilder {
    this.kernel.call("Script", `SpreadsheetTriggerBuilder.${method}`);
    if (this.event) throw this.kernel.exception(TRIGGER_ERRORS.conflicting);
    this.event = event;
    return this;
  }

  onOpen(): SheetBuilder {
    return this.on("onOpen", "ON_OPEN");
  }
  onEdit(): SheetBuilder {
    return this.on("onEdit", "ON_EDIT");
  }
  onChange(): SheetBuilder {
    return this.on("onChange", "ON_CHANGE");
  }
  onFormSubmit(): SheetBuilder {
    return this.on("onFormSubmit", "ON_FORM_SUBMIT");
  }

  create(): Trigger {
    this.kernel.call("Script", "SpreadsheetTriggerBuilder.create", { scopes: [SCOPES.scriptApp], needsAuth: true });
    if (!this.event) throw this.kernel.exception(TRIGGER_ERRORS.noEvent);
    return createTrigger(this.kernel, this.table, {
      handlerFunction: this.handler,
      eventType: this.event,
      source: "SPREADSHEETS",
      sourceId: this.spreadsheetId,
      clock: null,
    });
  }
}

function createTrigger(
  kernel: Kernel,
  table: TriggerTable,
  spec: Pick<TriggerRecord, "handlerFunction" | "eventType" | "source" | "sourceId" | "clock">,
): Trigger {
  const execution = requireExecution(kernel);
  const record = table.add(kernel, {
    ...spec,
    owner: execution.effectiveUser,
    documentId: spec.sourceId ?? execution.activeSpreadsheetId,
  });
  return new TriggerHandle(kernel, record);
}

function requireExecution(kernel: Kernel) {
  const execution = kernel.execution;
  if (!execution) throw new Error("ScriptApp needs a running execution (use kernel.withExecution)");
  return execution;
}

type TriggerBuilder = Pick<GoogleAppsScript.Script.TriggerBuilder, "timeBased" | "forSpreadsheet">;

/** The ScriptApp members the runtime emulates. */
export type EmulatedScriptApp = Pick<
  GoogleAppsScript.Script.ScriptApp,
  | "AuthMode"
  | "AuthorizationStatus"
  | "EventType"
  | "TriggerSource"
  | "WeekDay"
  | "getProjectTriggers"
  | "getUserTriggers"
  | "deleteTrigger"
> & { newTrigger(functionName: string): TriggerBuilder };

/** The ScriptApp global (developers.google.com/apps-script/reference/script/script-app). */
export function createScriptApp(kernel: Kernel, table: TriggerTable): EmulatedScriptApp {
  const guarded = { scopes: [SCOPES.scriptApp], needsAuth: true };
  const ownTriggers = () => {
    const user = requireExecution(kernel).effectiveUser;
    return table.list().filter((r) => r.owner === user);
  };
  return {
    AuthMode: AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode,
    AuthorizationStatus: AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus,
    EventType: EventType as unknown as typeof GoogleAppsScript.Script.EventType,
    TriggerSource: TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource,
    WeekDay: WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday,

    newTrigger(functionName: string): TriggerBuilder {
      kernel.call("Script", "ScriptApp.newTrigger");
      if (typeof functionName !== "string") throw signatureMismatch(kernel, "ScriptApp.newTrigger", [functionName]);
      return {
        timeBased: () => {
          kernel.call("Script", "TriggerBuilder.timeBased");
          return new ClockTriggerBuilder(kernel, table, functionName);
        },
        forSpreadsheet: (sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string) => {
          kernel.call("Script", "TriggerBuilder.forSpreadsheet");
          const id = typeof sheet === "string" ? sheet : spreadsheetIdOf(sheet);
          if (id === null) throw signatureMismatch(kernel, "TriggerBuilder.forSpreadsheet", [sheet]);
          return new SpreadsheetTriggerBuilder(kernel, table, functionName, id);
        },
      };
    },

    /** The current user's installable triggers of this project, in every document. */
    getProjectTriggers(): Trigger[] {
      kernel.call("Script", "ScriptApp.getProjectTriggers", guarded);
      return ownTriggers().map((r) => new TriggerHandle(kernel, r));
    },

    /** The current user's triggers in that spreadsheet (including time-driven ones created there [UNCONFIRMED]). */
    getUserTriggers(spreadsheet: unknown): Trigger[] {
      kernel.call("Script", "ScriptApp.getUserTriggers", guarded);
      const id = spreadsheetIdOf(spreadsheet);
      if (id === null) throw signatureMismatch(kernel, "ScriptApp.getUserTriggers", [spreadsheet]);
      return ownTriggers()
        .filter((r) => r.documentId === id)
        .map((r) => new TriggerHandle(kernel, r));
    },

    deleteTrigger(trigger: Trigger): void {
      kernel.call("Script", "ScriptApp.deleteTrigger", guarded);
      const uniqueId = typeof trigger === "object" && trigger !== null ? triggerRecords.get(trigger) : undefined;
      if (uniqueId === undefined) throw signatureMismatch(kernel, "ScriptApp.deleteTrigger", [trigger]);
      const record = table.find(uniqueId);
      if (!record || record.owner !== requireExecution(kernel).effectiveUser || !table.remove(uniqueId)) {
        throw kernel.exception(TRIGGER_ERRORS.notFound);
      }
    },
  };
}

function spreadsheetIdOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const getId = (value as { getId?: unknown }).getId;
  if (typeof getId !== "function") return null;
  const id: unknown = getId.call(value);
  return typeof id === "string" ? id : null;
}
