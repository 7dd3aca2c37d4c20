/** What Apps Script does with installable triggers where no person is needed (probes/triggers.js): the builders' refusals, the lists after a create, the 20-trigger quota, and that a script's writes fire nothing. */

import { runProbe } from "../../local/probes/probe-runner";
import { TRIGGER_ERRORS } from "../../local/runtime/trigger-table";

// CLOCK_PAGE: developers.google.com/apps-script/reference/script/clock-trigger-builder
// INSTALLABLE_PAGE: developers.google.com/apps-script/guides/triggers/installable

/** The live runner runs the probes as a plain script project, not as an add-on: so does this runtime. */
const probe = (name: string) => runProbe("triggers", name, { addOn: false });

describe("probes: triggers", () => {
  it("refuses the values and combinations the clock builder does not take", () => {
    // CLOCK_PAGE, everyMinutes(n): "n must be 1, 5, 10, 15 or 30"; everyHours(n): "n must be 1, 2, 4, 6, 8 or 12";
    // atHour(hour): "The hour at which to fire. (0-23)"; nearMinute(minute): "The minute at which to fire. (0-59)";
    // atHour/nearMinute belong to daily, weekly, monthly and dated schedules. Every text is [UNCONFIRMED]: this probe
    // reads the real ones live.
    expect(probe("probe_triggers_clockBuilderErrors")).toEqual({
      value: {
        everyMinutes7: TRIGGER_ERRORS.everyMinutes,
        everyHours3: TRIGGER_ERRORS.everyHours,
        atHour24: "Invalid argument: hour",
        nearMinute60: "Invalid argument: minute",
        noSchedule: TRIGGER_ERRORS.noSchedule,
        twoSchedules: TRIGGER_ERRORS.conflicting,
        atHourHourly: TRIGGER_ERRORS.hourWithoutDays,
      },
    });
  });

  it("refuses a spreadsheet trigger without an event", () => {
    // developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder: a trigger is made by onOpen(),
    // onEdit(), onChange() or onFormSubmit() before create(). The text is [UNCONFIRMED].
    expect(probe("probe_triggers_spreadsheetBuilderErrors")).toEqual({ value: { noEvent: TRIGGER_ERRORS.noEvent } });
  });

  it("lists a new trigger at once, with its handler, event type and source, until it is deleted", () => {
    // developers.google.com/apps-script/reference/script/script-app#getProjectTriggers(): "Gets all installable
    // triggers associated with the current project and current user"; getUserTriggers(spreadsheet): "in the given
    // spreadsheet"; Trigger.getTriggerSourceId(): "the spreadsheet ID" for a spreadsheet trigger. A clock trigger's
    // source id (null) and the text of a second delete are [UNCONFIRMED].
    expect(probe("probe_triggers_listedAfterCreate")).toEqual({
      value: {
        project: [
          ["probeTriggersRecord", "CLOCK", "CLOCK"],
          ["probeTriggersRecord", "ON_EDIT", "SPREADSHEETS"],
        ],
        editInSpreadsheet: true,
        clockSourceId: null,
        editSourceIsSpreadsheet: true,
        deletedTwice: TRIGGER_ERRORS.notFound,
        afterDelete: [["probeTriggersRecord", "ON_EDIT", "SPREADSHEETS"]],
      },
    });
  });

  it("allows 20 triggers per user in a project and refuses the 21st", () => {
    // developers.google.com/apps-script/guides/services/quotas: "Triggers | 20 / user / script". The text is
    // [UNCONFIRMED] (commonly quoted, found in no searchable source).
    expect(probe("probe_triggers_limit")).toEqual({ value: { total: 20, error: TRIGGER_ERRORS.tooMany } });
  });

  it("fires no trigger for a script's own writes", () => {
    // INSTALLABLE_PAGE, Restrictions: "Script executions and API requests do not cause triggers to run."; the simple
    // onEdit "runs when a user changes a value in a spreadsheet" (developers.google.com/apps-script/guides/triggers).
    expect(probe("probe_triggers_scriptWritesFireNothing")).toEqual({ value: { fired: null } });
  });
});
