/** The emulated ScriptApp: its enums, the trigger builders (time-driven and spreadsheet), the Trigger objects over ./trigger-table and getAuthorizationInfo. */

import { AuthorizationStatus, authorizationInfo, type EmulatedAuthorizationInfo } from "./authorization";
import { enumOf, memberOf } from "./enums";
import { type Kernel, SCOPES } from "./kernel";
import { isDate, scriptSignatureError } from "./signature";
import { isKnownTimeZone } from "./time-zone";
import {
  type ClockRule,
  type EventTypeName,
  TRIGGER_ERRORS,
  type TriggerRecord,
  TriggerTable,
  WEEK_DAY_NAMES,
  type WeekDayName,
} from "./trigger-table";

export { AuthorizationStatus, TriggerTable };

export const AuthMode = enumOf(["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"]);
export const EventType = enumOf(["CLOCK", "ON_OPEN", "ON_EDIT", "ON_FORM_SUBMIT", "ON_CHANGE", "ON_EVENT_UPDATED"]);
export const TriggerSource = enumOf(["SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR"]);
export const WeekDay = enumOf(WEEK_DAY_NAMES);

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
    if (!valid) throw scriptSignatureError(this.kernel, `ClockTriggerBuilder.${method}`, args);
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
    if (!isKnownTimeZone(timezone)) throw this.kernel.exception(TRIGGER_ERRORS.invalid("timezone"));
    this.draft.timeZone = timezone;
    return this;
  }

  create(): Trigger {
    this.kernel.call("Script", "ClockTriggerBuilder.create", { scopes: [SCOPES.scriptApp], needsAuth: true });
    const rule = this.rule();
    return createTrigger("ClockTriggerBuilder.create", this.kernel, this.table, {
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
    return createTrigger("SpreadsheetTriggerBuilder.create", this.kernel, this.table, {
      handlerFunction: this.handler,
      eventType: this.event,
      source: "SPREADSHEETS",
      sourceId: this.spreadsheetId,
      clock: null,
    });
  }
}

function createTrigger(
  method: string,
  kernel: Kernel,
  table: TriggerTable,
  spec: Pick<TriggerRecord, "handlerFunction" | "eventType" | "source" | "sourceId" | "clock">,
): Trigger {
  const execution = kernel.requireExecution(method);
  const record = table.add(
    kernel,
    { ...spec, owner: execution.effectiveUser, documentId: spec.sourceId ?? execution.activeSpreadsheetId },
    execution.activeSpreadsheetId,
  );
  return new TriggerHandle(kernel, record);
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
> & {
  newTrigger(functionName: string): TriggerBuilder;
  /** The second parameter is documented since @types/google-apps-script 2.0.13 was published. */
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes?: string[]): EmulatedAuthorizationInfo;
};

/** The ScriptApp global (developers.google.com/apps-script/reference/script/script-app). */
export function createScriptApp(kernel: Kernel, table: TriggerTable): EmulatedScriptApp {
  const guarded = { scopes: [SCOPES.scriptApp], needsAuth: true };
  const ownTriggers = (method: string) => {
    const user = kernel.requireExecution(method).effectiveUser;
    return table.list().filter((r) => r.owner === user);
  };
  return {
    AuthMode: AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode,
    AuthorizationStatus: AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus,
    EventType: EventType as unknown as typeof GoogleAppsScript.Script.EventType,
    TriggerSource: TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource,
    WeekDay: WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday,

    newTrigger(functionName: string): TriggerBuilder {
      kernel.call("Script", "ScriptApp.newTrigger", { needsAuth: true });
      if (typeof functionName !== "string") throw scriptSignatureError(kernel, "ScriptApp.newTrigger", [functionName]);
      return {
        timeBased: () => {
          kernel.call("Script", "TriggerBuilder.timeBased");
          return new ClockTriggerBuilder(kernel, table, functionName);
        },
        forSpreadsheet: (sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string) => {
          kernel.call("Script", "TriggerBuilder.forSpreadsheet");
          const id = typeof sheet === "string" ? sheet : spreadsheetIdOf(sheet);
          if (id === null) throw scriptSignatureError(kernel, "TriggerBuilder.forSpreadsheet", [sheet]);
          return new SpreadsheetTriggerBuilder(kernel, table, functionName, id);
        },
      };
    },

    /**
     * Whether the effective user must still grant scopes, with the URL to do so
     * (developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode)): the check an
     * add-on's trigger makes before calling a service an update added. No scope is documented for it, and it must
     * work where authorization is missing, so it needs none; AuthMode.NONE refuses it [UNCONFIRMED], the stricter choice.
     */
    getAuthorizationInfo(
      authMode: GoogleAppsScript.Script.AuthMode,
      oAuthScopes?: string[],
    ): EmulatedAuthorizationInfo {
      kernel.call("Script", "ScriptApp.getAuthorizationInfo", { needsAuth: true });
      const args = oAuthScopes === undefined ? [authMode] : [authMode, oAuthScopes];
      const mode = memberOf(AuthMode, authMode);
      const scopesValid =
        oAuthScopes === undefined ||
        (Array.isArray(oAuthScopes) && oAuthScopes.every((scope: unknown) => typeof scope === "string"));
      if (mode === null || !scopesValid) throw scriptSignatureError(kernel, "ScriptApp.getAuthorizationInfo", args);
      return authorizationInfo(kernel, mode, oAuthScopes ?? null);
    },

    /** The current user's installable triggers of this project, in every document. */
    getProjectTriggers(): Trigger[] {
      kernel.call("Script", "ScriptApp.getProjectTriggers", guarded);
      return ownTriggers("ScriptApp.getProjectTriggers").map((r) => new TriggerHandle(kernel, r));
    },

    /** The current user's triggers in that spreadsheet (including time-driven ones created there [UNCONFIRMED]). */
    getUserTriggers(spreadsheet: unknown): Trigger[] {
      kernel.call("Script", "ScriptApp.getUserTriggers", guarded);
      const id = spreadsheetIdOf(spreadsheet);
      if (id === null) throw scriptSignatureError(kernel, "ScriptApp.getUserTriggers", [spreadsheet]);
      return ownTriggers("ScriptApp.getUserTriggers")
        .filter((r) => r.documentId === id)
        .map((r) => new TriggerHandle(kernel, r));
    },

    deleteTrigger(trigger: Trigger): void {
      kernel.call("Script", "ScriptApp.deleteTrigger", guarded);
      const uniqueId = typeof trigger === "object" && trigger !== null ? triggerRecords.get(trigger) : undefined;
      if (uniqueId === undefined) throw scriptSignatureError(kernel, "ScriptApp.deleteTrigger", [trigger]);
      const record = table.find(uniqueId);
      if (
        !record ||
        record.owner !== kernel.requireExecution("ScriptApp.deleteTrigger").effectiveUser ||
        !table.remove(uniqueId)
      ) {
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
