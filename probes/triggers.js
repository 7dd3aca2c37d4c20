// Installable triggers, as far as a script can check them without a person: the trigger builders' refusals, what
// getProjectTriggers and getUserTriggers list after a create, the 20-trigger quota, and that a script's own writes
// fire no edit or change trigger. A probe cannot type into a cell, so what a person's edit fires is not probed here.
// Every probe deletes the triggers it created. The live project is a plain script project, not an add-on, so the
// add-on rules (one trigger of each type per document, hourly at most) cannot be probed.

/** The handler of every trigger these probes create: it records that a trigger ran. */
function probeTriggersRecord(e) {
  PropertiesService.getScriptProperties().setProperty("PROBE_TRIGGERS_FIRED", e.changeType ?? "edit");
}

/** A simple onEdit, to show that a script's write does not run it either. */
function onEdit() {
  PropertiesService.getScriptProperties().setProperty("PROBE_TRIGGERS_FIRED", "onEdit");
}

/** The message `build` throws, or null when it creates a trigger (then deleted at once, so no probe leaves one). */
function probeTriggerAttempt_(build) {
  return probeError_(() => ScriptApp.deleteTrigger(build()));
}

/** The time-based builder's refusals: values everyMinutes/everyHours/atHour/nearMinute refuse, and bad combinations. */
function probe_triggers_clockBuilderErrors() {
  const clock = () => ScriptApp.newTrigger("probeTriggersRecord").timeBased();
  return {
    everyMinutes7: probeError_(() => clock().everyMinutes(7)),
    everyHours3: probeError_(() => clock().everyHours(3)),
    atHour24: probeError_(() => clock().atHour(24)),
    nearMinute60: probeError_(() => clock().nearMinute(60)),
    noSchedule: probeTriggerAttempt_(() => clock().create()),
    twoSchedules: probeTriggerAttempt_(() => clock().everyDays(1).everyHours(1).create()),
    atHourHourly: probeTriggerAttempt_(() => clock().everyHours(2).atHour(8).create()),
  };
}

/** The spreadsheet builder's refusal of a trigger without an event. */
function probe_triggers_spreadsheetBuilderErrors() {
  const spreadsheet = probeSpreadsheet_();
  return {
    noEvent: probeTriggerAttempt_(() =>
      ScriptApp.newTrigger("probeTriggersRecord").forSpreadsheet(spreadsheet).create(),
    ),
  };
}

/** What the lists show of a new clock trigger and a new edit trigger, and what deleting one twice says. */
function probe_triggers_listedAfterCreate() {
  const spreadsheet = probeSpreadsheet_();
  const clock = ScriptApp.newTrigger("probeTriggersRecord").timeBased().everyHours(1).create();
  const edit = ScriptApp.newTrigger("probeTriggersRecord").forSpreadsheet(spreadsheet).onEdit().create();
  const ids = [clock.getUniqueId(), edit.getUniqueId()];
  const listed = (triggers) => triggers.filter((t) => ids.includes(t.getUniqueId()));
  const describe = (t) => [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())];
  try {
    return {
      project: listed(ScriptApp.getProjectTriggers()).map(describe),
      // Only the edit trigger is looked for: whether a clock trigger counts as the document's depends on the script
      // being bound to it, which differs between this runtime and the live runner.
      editInSpreadsheet: ScriptApp.getUserTriggers(spreadsheet).some((t) => t.getUniqueId() === ids[1]),
      clockSourceId: clock.getTriggerSourceId(),
      editSourceIsSpreadsheet: edit.getTriggerSourceId() === spreadsheet.getId(),
      deletedTwice: probeError_(() => {
        ScriptApp.deleteTrigger(clock);
        ScriptApp.deleteTrigger(clock);
      }),
      afterDelete: listed(ScriptApp.getProjectTriggers()).map(describe),
    };
  } finally {
    for (const t of listed(ScriptApp.getProjectTriggers())) ScriptApp.deleteTrigger(t);
  }
}

/** Creates triggers until refused: how many one user may have in this project, and the refusal's text. */
function probe_triggers_limit() {
  const existing = ScriptApp.getProjectTriggers().length;
  const created = [];
  let error = null;
  try {
    for (let i = existing; i < 25 && error === null; i++) {
      // A date no run of the probes will reach, so a trigger left behind would never fire.
      error = probeError_(() =>
        created.push(ScriptApp.newTrigger("probeTriggersRecord").timeBased().atDate(2099, 1, 1).create()),
      );
    }
    return { total: existing + created.length, error };
  } finally {
    for (const t of created) ScriptApp.deleteTrigger(t);
  }
}

/** A script's writes, row inserts and appends fire neither the simple onEdit nor installable edit or change triggers. */
function probe_triggers_scriptWritesFireNothing() {
  const spreadsheet = probeSpreadsheet_();
  const properties = PropertiesService.getScriptProperties();
  properties.deleteProperty("PROBE_TRIGGERS_FIRED");
  const triggers = [
    ScriptApp.newTrigger("probeTriggersRecord").forSpreadsheet(spreadsheet).onEdit().create(),
    ScriptApp.newTrigger("probeTriggersRecord").forSpreadsheet(spreadsheet).onChange().create(),
  ];
  const sheet = probeSheet_();
  try {
    sheet.getRange("A1").setValue("written by a script");
    sheet.getRange("A2:B2").setValues([["a", "b"]]);
    sheet.appendRow(["appended"]);
    sheet.insertRowBefore(1);
    SpreadsheetApp.flush();
    // Triggers run in executions of their own: give one time to start had the writes fired it.
    Utilities.sleep(10000);
    return probeDone_(sheet, { fired: properties.getProperty("PROBE_TRIGGERS_FIRED") });
  } finally {
    for (const t of triggers) ScriptApp.deleteTrigger(t);
  }
}
