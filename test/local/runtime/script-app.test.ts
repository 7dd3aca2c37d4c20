/** Tests of the emulated ScriptApp: enums, clock and spreadsheet trigger builders, the trigger table and its limits. */

import { type AuthModeName, type ExecutionKind, Kernel, SCOPES } from "../../../local/runtime/kernel";
import { createScriptApp, TriggerTable } from "../../../local/runtime/script-app";
import { errorOf, inExecution } from "./fixtures/execution";

const START = Date.UTC(2024, 4, 6, 9, 0, 0);

interface RunOptions {
  user?: string;
  doc?: string | null;
  authMode?: AuthModeName;
  kind?: ExecutionKind;
}

function setup(options: { addOn?: boolean } = {}) {
  const kernel = new Kernel({ now: START, scriptTimeZone: "America/New_York" });
  const table = new TriggerTable(options);
  const app = createScriptApp(kernel, table);
  const run = <T>(body: () => T, o: RunOptions = {}): T =>
    inExecution(kernel, body, {
      functionName: "install",
      kind: o.kind ?? "editor",
      authMode: o.authMode ?? "FULL",
      activeUser: o.user ?? "rep@example.com",
      effectiveUser: o.user ?? "rep@example.com",
      activeSpreadsheetId: o.doc === undefined ? "sheet-1" : o.doc,
    });
  return { kernel, table, app, run };
}

const spreadsheet = (id: string) => ({ getId: () => id }) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

describe("script-app", () => {
  describe("enums", () => {
    it("exposes AuthMode, AuthorizationStatus, EventType, TriggerSource and WeekDay with their names as values", () => {
      const { app } = setup();
      expect(String(app.AuthMode.FULL)).toBe("FULL");
      expect(String(app.AuthorizationStatus.REQUIRED)).toBe("REQUIRED");
      expect(String(app.EventType.CLOCK)).toBe("CLOCK");
      expect(String(app.TriggerSource.SPREADSHEETS)).toBe("SPREADSHEETS");
      expect(Object.keys(app.WeekDay)).toEqual([
        "SUNDAY",
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
      ]);
    });
  });

  describe("timeBased", () => {
    it("creates a clock trigger owned by the effective user, bound to the active document", () => {
      const { app, run, table } = setup();
      const trigger = run(() => app.newTrigger("hourlyScan").timeBased().everyHours(1).create());
      expect(run(() => trigger.getHandlerFunction())).toBe("hourlyScan");
      expect(run(() => trigger.getEventType())).toBe(app.EventType.CLOCK);
      expect(run(() => trigger.getTriggerSource())).toBe(app.TriggerSource.CLOCK);
      expect(run(() => trigger.getTriggerSourceId())).toBeNull();
      expect(table.list()[0]).toMatchObject({
        uniqueId: run(() => trigger.getUniqueId()),
        owner: "rep@example.com",
        documentId: "sheet-1",
        clock: { kind: "hours", every: 1, nearMinute: null },
        createdAt: expect.any(Number),
        enabled: true,
      });
    });

    it("keeps the script's time zone unless inTimezone() names another", () => {
      const { app, run, table } = setup();
      run(() => app.newTrigger("a").timeBased().everyDays(1).atHour(8).create());
      run(() => app.newTrigger("b").timeBased().everyDays(1).atHour(8).inTimezone("Asia/Shanghai").create());
      expect(table.list().map((t) => t.clock)).toEqual([
        { kind: "days", every: 1, hour: 8, nearMinute: null, timeZone: "America/New_York" },
        { kind: "days", every: 1, hour: 8, nearMinute: null, timeZone: "Asia/Shanghai" },
      ]);
    });

    it("makes onWeekDay weekly, refined by everyWeeks", () => {
      const { app, run, table } = setup();
      run(() => app.newTrigger("review").timeBased().onWeekDay(app.WeekDay.MONDAY).everyWeeks(2).atHour(9).create());
      expect(table.list()[0]?.clock).toMatchObject({ kind: "weeks", every: 2, weekDay: "MONDAY", hour: 9 });
    });

    it("records after(ms), at(date) and atDate as one-shot schedules", () => {
      const { app, run, table, kernel } = setup();
      run(() => {
        const base = kernel.now();
        app.newTrigger("a").timeBased().after(90_000).create();
        const clock = table.list()[0]?.clock as { kind: "once"; at: number };
        expect(clock.kind).toBe("once");
        expect(clock.at).toBeGreaterThanOrEqual(base + 90_000);
        expect(clock.at).toBeLessThanOrEqual(kernel.now() + 90_000);
      });
      run(() =>
        app
          .newTrigger("b")
          .timeBased()
          .at(new Date(START + 3_600_000))
          .create(),
      );
      run(() => app.newTrigger("c").timeBased().atDate(2024, 6, 1).create());
      expect(table.list()[1]?.clock).toEqual({ kind: "once", at: START + 3_600_000 });
      expect(table.list()[2]?.clock).toMatchObject({ kind: "onDate", year: 2024, month: 6, day: 1, hour: null });
    });

    it("refuses everyMinutes values other than 1, 5, 10, 15, 30 and everyHours other than 1, 2, 4, 6, 8, 12", () => {
      const { app, run } = setup();
      expect(run(() => errorOf(() => app.newTrigger("f").timeBased().everyMinutes(7)))).toBe(
        "The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.",
      );
      expect(run(() => errorOf(() => app.newTrigger("f").timeBased().everyHours(3)))).toBe(
        "The value passed to everyHours() must be 1, 2, 4, 6, 8 or 12.",
      );
    });

    it("refuses out-of-range hours, minutes, days and unknown time zones", () => {
      const { app, run } = setup();
      const builder = () => app.newTrigger("f").timeBased();
      expect(run(() => errorOf(() => builder().atHour(24)))).toBe("Invalid argument: hour");
      expect(run(() => errorOf(() => builder().nearMinute(60)))).toBe("Invalid argument: minute");
      expect(run(() => errorOf(() => builder().onMonthDay(32)))).toBe("Invalid argument: day");
      expect(run(() => errorOf(() => builder().inTimezone("Mars/Olympus")))).toBe("Invalid argument: timezone");
    });

    it("refuses invalid combinations: atHour without a daily schedule, two schedules, no schedule", () => {
      const { app, run } = setup();
      const builder = () => app.newTrigger("f").timeBased();
      expect(run(() => errorOf(() => builder().atHour(8).create()))).toBe(
        "A time-based trigger needs a schedule: call after, at, atDate, everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay or onMonthDay.",
      );
      expect(run(() => errorOf(() => builder().everyHours(2).atHour(8).create()))).toBe(
        "atHour() and nearMinute() need a daily, weekly, monthly or dated schedule.",
      );
      expect(run(() => errorOf(() => builder().everyMinutes(5).nearMinute(3).create()))).toBe(
        "atHour() and nearMinute() need a daily, weekly, monthly or dated schedule.",
      );
      expect(run(() => errorOf(() => builder().everyDays(1).everyHours(1)))).toBe(
        "The trigger's schedule has already been set and cannot be set again.",
      );
    });

    it("throws the signature error for a bad WeekDay or a non-date at()", () => {
      const { app, run } = setup();
      const builder = () => app.newTrigger("f").timeBased();
      expect(run(() => errorOf(() => builder().onWeekDay("MON" as never)))).toBe(
        "The parameters (String) don't match the method signature for ClockTriggerBuilder.onWeekDay.",
      );
      expect(run(() => errorOf(() => builder().at(START as never)))).toBe(
        "The parameters (number) don't match the method signature for ClockTriggerBuilder.at.",
      );
    });
  });

  describe("forSpreadsheet", () => {
    it("creates spreadsheet triggers for a Spreadsheet or an id", () => {
      const { app, run } = setup();
      const onEdit = run(() =>
        app.newTrigger("onEditInstalled").forSpreadsheet(spreadsheet("sheet-1")).onEdit().create(),
      );
      const onOpen = run(() => app.newTrigger("onOpenInstalled").forSpreadsheet("sheet-2").onOpen().create());
      expect(run(() => [onEdit.getEventType(), onEdit.getTriggerSource(), onEdit.getTriggerSourceId()])).toEqual([
        "ON_EDIT",
        "SPREADSHEETS",
        "sheet-1",
      ]);
      expect(run(() => [onOpen.getEventType(), onOpen.getTriggerSourceId()])).toEqual(["ON_OPEN", "sheet-2"]);
    });

    it("records onChange and onFormSubmit, and refuses a trigger without an event", () => {
      const { app, run, table } = setup();
      run(() => app.newTrigger("c").forSpreadsheet("sheet-1").onChange().create());
      run(() => app.newTrigger("f").forSpreadsheet("sheet-1").onFormSubmit().create());
      expect(table.list().map((t) => t.eventType)).toEqual(["ON_CHANGE", "ON_FORM_SUBMIT"]);
      expect(run(() => errorOf(() => app.newTrigger("x").forSpreadsheet("sheet-1").create()))).toBe(
        "A spreadsheet trigger needs an event: call onOpen, onEdit, onChange or onFormSubmit.",
      );
    });
  });

  describe("getProjectTriggers", () => {
    it("lists the current user's triggers only", () => {
      const { app, run } = setup();
      run(() => app.newTrigger("mine").timeBased().everyHours(1).create());
      run(() => app.newTrigger("theirs").timeBased().everyHours(1).create(), { user: "boss@example.com" });
      expect(run(() => app.getProjectTriggers().map((t) => t.getHandlerFunction()))).toEqual(["mine"]);
    });
  });

  describe("getUserTriggers", () => {
    it("lists the current user's triggers of that spreadsheet", () => {
      const { app, run } = setup();
      run(() => app.newTrigger("here").timeBased().everyHours(1).create());
      run(() => app.newTrigger("there").timeBased().everyHours(1).create(), { doc: "sheet-2" });
      const names = run(() => app.getUserTriggers(spreadsheet("sheet-2")).map((t) => t.getHandlerFunction()));
      expect(names).toEqual(["there"]);
    });
  });

  describe("deleteTrigger", () => {
    it("removes the trigger; deleting it again throws", () => {
      const { app, run, table } = setup();
      const trigger = run(() => app.newTrigger("f").timeBased().everyHours(1).create());
      run(() => app.deleteTrigger(trigger));
      expect(table.list()).toHaveLength(0);
      expect(run(() => errorOf(() => app.deleteTrigger(trigger)))).toBe(
        "Unexpected error while getting the method or property deleteTrigger on object ScriptApp.",
      );
      expect(run(() => errorOf(() => app.deleteTrigger({} as never)))).toBe(
        "The parameters ((class)) don't match the method signature for ScriptApp.deleteTrigger.",
      );
    });
  });

  describe("limits", () => {
    it("allows 20 triggers per user per script", () => {
      const { app, run } = setup();
      for (let i = 0; i < 20; i++) run(() => app.newTrigger(`f${i}`).timeBased().everyHours(1).create());
      expect(run(() => errorOf(() => app.newTrigger("f21").timeBased().everyHours(1).create()))).toBe(
        "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
      );
      run(() => app.newTrigger("g").timeBased().everyHours(1).create(), { user: "boss@example.com" });
    });

    it("needs the script.scriptapp scope and FULL authorization", () => {
      const { app, run, kernel } = setup();
      const expected = `You do not have permission to call ClockTriggerBuilder.create. Required permissions: ${SCOPES.scriptApp}`;
      expect(
        run(() => errorOf(() => app.newTrigger("f").timeBased().everyHours(1).create()), { authMode: "LIMITED" }),
      ).toBe(expected);
      kernel.scopes = new Set([SCOPES.spreadsheetsCurrentOnly]);
      expect(run(() => errorOf(() => app.newTrigger("f").timeBased().everyHours(1).create()))).toBe(expected);
    });
  });

  describe("add-on rules", () => {
    it("refuses a time-driven recurrence shorter than one hour", () => {
      const { app, run } = setup({ addOn: true });
      expect(run(() => errorOf(() => app.newTrigger("f").timeBased().everyMinutes(30).create()))).toBe(
        "The recurrence interval for an Add-on trigger must be at least one hour.",
      );
    });

    it("allows one trigger of each type per user per document", () => {
      const { app, run } = setup({ addOn: true });
      run(() => app.newTrigger("hourly").timeBased().everyHours(1).create());
      expect(run(() => errorOf(() => app.newTrigger("daily").timeBased().everyDays(1).create()))).toBe(
        "This add-on has created too many time-based triggers in this document for this Google user account.",
      );
      run(() => app.newTrigger("hourly").timeBased().everyHours(1).create(), { doc: "sheet-2" });
      run(() => app.newTrigger("hourly").timeBased().everyHours(1).create(), { user: "boss@example.com" });
      run(() => app.newTrigger("edit").forSpreadsheet("sheet-1").onEdit().create());
      run(() => app.newTrigger("open").forSpreadsheet("sheet-1").onOpen().create());
      expect(run(() => errorOf(() => app.newTrigger("edit2").forSpreadsheet("sheet-1").onEdit().create()))).toBe(
        "This add-on has created too many edit triggers in this document for this Google user account.",
      );
    });
  });

  describe("add-on rules: other files", () => {
    it("refuses a spreadsheet trigger on another file than the one the add-on runs in", () => {
      const { app, run } = setup({ addOn: true });
      // "Add-ons can only create triggers for the file in which the add-on is used"
      // (developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions).
      expect(run(() => errorOf(() => app.newTrigger("edit").forSpreadsheet("sheet-2").onEdit().create()))).toBe(
        "Add-ons can only create triggers for the file in which the add-on is used.",
      );
      run(() => app.newTrigger("edit").forSpreadsheet("sheet-2").onEdit().create(), { doc: "sheet-2" });
      // A script that is not an add-on may watch any spreadsheet it can open.
      const plain = setup();
      plain.run(() => plain.app.newTrigger("edit").forSpreadsheet("sheet-2").onEdit().create());
      expect(plain.table.list()).toHaveLength(1);
    });
  });

  describe("TriggerTable.disable", () => {
    it("keeps a disabled trigger listed", () => {
      const { app, run, table } = setup();
      const trigger = run(() => app.newTrigger("f").timeBased().everyHours(1).create());
      table.disable(run(() => trigger.getUniqueId()));
      expect(run(() => app.getProjectTriggers())).toHaveLength(1);
      expect(table.list()[0]?.enabled).toBe(false);
    });
  });
});
