/** Tests of a person's actions in the open spreadsheet (typing, pasting, inserting and removing rows, opening it): how the cells are written, what the UI refuses, and which triggers fire with which event objects. */

import { EN_REP, runtimeOnSource, ZH_REP } from "../../helpers/runtime";

/** Logs every trigger run into script properties: the function, and what its event and Session say. */
const LOGGING = `
  function log_(fn, e) {
    var props = PropertiesService.getScriptProperties();
    var entries = JSON.parse(props.getProperty("log") || "[]");
    entries.push({
      fn: fn,
      mode: String(e.authMode),
      range: e.range ? e.range.getSheet().getName() + "!" + e.range.getA1Notation() : undefined,
      bounds: e.range ? [e.range.rowStart, e.range.columnStart, e.range.rowEnd, e.range.columnEnd] : undefined,
      value: e.value,
      oldValue: e.oldValue,
      keys: ["value", "oldValue"].filter(function (k) { return k in e; }),
      changeType: e.changeType,
      uid: e.triggerUid,
      source: e.source ? e.source.getId() : undefined,
      userShown: e.user ? e.user.getEmail() === Session.getActiveUser().getEmail() : undefined,
      effective: Session.getEffectiveUser().getEmail()
    });
    props.setProperty("log", JSON.stringify(entries));
  }
  function log() { return JSON.parse(PropertiesService.getScriptProperties().getProperty("log") || "[]"); }
  function installed(e) { log_("installed", e); }
  function changed(e) { log_("changed", e); }
  function opened(e) { log_("opened", e); }
  function install(kinds) {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    kinds.forEach(function (kind) {
      var builder = ScriptApp.newTrigger(kind === "onEdit" ? "installed" : kind === "onChange" ? "changed" : "opened")
        .forSpreadsheet(ss);
      builder[kind]().create();
    });
  }
  function cell(a1) { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(a1).getValue(); }`;

const WITH_ON_EDIT = `${LOGGING}\n  function onEdit(e) { log_("onEdit", e); }`;

type LogEntry = Record<string, unknown>;

describe("edit-events", () => {
  describe("userEdit", () => {
    it("writes the text as typed and runs the simple onEdit in LIMITED with value and oldValue as strings", () => {
      const runtime = runtimeOnSource(WITH_ON_EDIT);
      runtime.userEdit({ sheet: "工作表1", a1: "B2", value: "41" });
      const outcome = runtime.userEdit({ sheet: "工作表1", a1: "B2", value: "42" });
      expect(runtime.run("cell", ["B2"])).toBe(42);
      expect(outcome.simpleTrigger).toMatchObject({
        functionName: "onEdit",
        kind: "simpleTrigger",
        authMode: "LIMITED",
      });
      expect(outcome.triggerRuns).toEqual([]);
      // developers.google.com/apps-script/guides/triggers/events#edit: value and oldValue for a single cell; no
      // triggerUid for a simple trigger. The typings declare both values as strings.
      expect((runtime.run("log") as LogEntry[])[1]).toEqual({
        fn: "onEdit",
        mode: "LIMITED",
        range: "工作表1!B2",
        bounds: [2, 2, 2, 2],
        value: "42",
        oldValue: "41",
        keys: ["value", "oldValue"],
        source: runtime.documentId,
        userShown: true,
        // Whether a simple trigger may read the user's email is ./identity's rule.
        effective: expect.any(String),
      });
    });

    it("gives no oldValue for an empty cell, no value when cleared, and TRUE/FALSE for booleans", () => {
      const runtime = runtimeOnSource(WITH_ON_EDIT);
      runtime.userEdit({ sheet: "工作表1", row: 3, column: 1, value: "true" });
      runtime.userEdit({ sheet: "工作表1", row: 3, column: 1, value: "" });
      const entries = runtime.run("log") as LogEntry[];
      expect(entries.map((e) => [e.keys, e.value, e.oldValue])).toEqual([
        [["value"], "TRUE", undefined],
        [["oldValue"], undefined, "TRUE"],
      ]);
    });

    it("pastes a block: the event's range covers it, without value or oldValue", () => {
      const runtime = runtimeOnSource(WITH_ON_EDIT);
      runtime.userEdit({
        sheet: "工作表1",
        a1: "B2",
        values: [
          ["1", "2"],
          ["3", "2026/11/30"],
        ],
      });
      expect(runtime.run("cell", ["C2"])).toBe(2);
      expect(runtime.run("log")).toEqual([
        expect.objectContaining({ range: "工作表1!B2:C3", bounds: [2, 2, 3, 3], keys: [] }),
      ]);
    });

    it("makes the edited cell the active range, as the person's selection", () => {
      const runtime = runtimeOnSource(`
        function onEdit(e) {
          PropertiesService.getScriptProperties().setProperty("active",
            SpreadsheetApp.getActiveSheet().getName() + "!" + SpreadsheetApp.getActiveRange().getA1Notation());
        }
        function active() { return PropertiesService.getScriptProperties().getProperty("active"); }
        function addSheet() { SpreadsheetApp.getActiveSpreadsheet().insertSheet("Other"); SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].activate(); }`);
      runtime.run("addSheet");
      runtime.userEdit({ sheet: "Other", a1: "D7", value: "x" });
      expect(runtime.run("active")).toBe("Other!D7");
    });

    it("fires the installable edit triggers, then the change triggers, each as its owner in FULL", () => {
      const runtime = runtimeOnSource(WITH_ON_EDIT);
      runtime.run("install", [["onChange", "onEdit"]]);
      const [changeUid, editUid] = runtime.triggers.list().map((t) => t.uniqueId);
      const outcome = runtime.userEdit({ sheet: "工作表1", a1: "A1", value: "hello", user: EN_REP });
      expect(outcome.triggerRuns.map((r) => [r.functionName, r.triggerUid, r.owner, r.status])).toEqual([
        ["installed", editUid, ZH_REP.email, "COMPLETED"],
        ["changed", changeUid, ZH_REP.email, "COMPLETED"],
      ]);
      expect(runtime.triggerRuns).toEqual(outcome.triggerRuns);
      const entries = runtime.run("log") as LogEntry[];
      expect(entries.map((e) => [e.fn, e.mode, e.uid, e.effective])).toEqual([
        ["onEdit", "LIMITED", undefined, expect.any(String)],
        ["installed", "FULL", editUid, ZH_REP.email],
        ["changed", "FULL", changeUid, ZH_REP.email],
      ]);
      expect(entries[1]).toMatchObject({ range: "工作表1!A1", value: "hello", userShown: true });
      // developers.google.com/apps-script/guides/triggers/events#change: authMode, changeType, source, triggerUid, user.
      expect(entries[2]).toMatchObject({ changeType: "EDIT", source: runtime.documentId, keys: [] });
      expect(entries[2]).not.toHaveProperty("range");
      expect(runtime.executions.slice(-4, -1).map((x) => [x.functionName, x.kind])).toEqual([
        ["onEdit", "simpleTrigger"],
        ["installed", "installableTrigger"],
        ["changed", "installableTrigger"],
      ]);
    });

    it("hands every trigger the value as typed, even after onEdit rewrote the cell (a write that fires nothing)", () => {
      const runtime = runtimeOnSource(`${LOGGING}
        function onEdit(e) { e.range.setValue(e.value.toUpperCase()); }`);
      runtime.run("install", [["onEdit"]]);
      runtime.userEdit({ sheet: "工作表1", a1: "A1", value: "hello" });
      expect(runtime.run("cell", ["A1"])).toBe("HELLO");
      expect((runtime.run("log") as LogEntry[]).map((e) => [e.fn, e.value])).toEqual([["installed", "hello"]]);
      expect(runtime.executions.filter((x) => x.functionName === "onEdit")).toHaveLength(1);
    });

    it("records no execution when the script defines no onEdit", () => {
      const runtime = runtimeOnSource(LOGGING);
      const before = runtime.executions.length;
      expect(runtime.userEdit({ sheet: "工作表1", a1: "A1", value: "x" })).toEqual({
        simpleTrigger: null,
        triggerRuns: [],
      });
      expect(runtime.executions).toHaveLength(before);
    });

    it("keeps the edit when triggers fail: the failures are recorded and the next trigger still fires", () => {
      const runtime = runtimeOnSource(`${LOGGING}
        function onEdit(e) { MailApp.sendEmail("boss@example.com", "edited", "A1"); }
        function installed(e) { throw new Error("boom"); }`);
      runtime.run("install", [["onEdit", "onChange"]]);
      const outcome = runtime.userEdit({ sheet: "工作表1", a1: "A1", value: "kept" });
      expect(runtime.run("cell", ["A1"])).toBe("kept");
      // A simple trigger "cannot access services that require authorization" (guides/triggers#restrictions).
      expect(outcome.simpleTrigger).toMatchObject({
        status: "FAILED",
        error: expect.stringMatching(/MailApp\.sendEmail/),
      });
      expect(outcome.triggerRuns.map((r) => [r.functionName, r.status, r.error])).toEqual([
        ["installed", "FAILED", "boom"],
        ["changed", "COMPLETED", undefined],
      ]);
      expect(runtime.outbox.messages).toHaveLength(0);
    });

    it("never fires a disabled trigger or another document's", () => {
      const runtime = runtimeOnSource(LOGGING);
      runtime.run("install", [["onEdit"]]);
      runtime.triggers.disable(runtime.triggers.list()[0]?.uniqueId ?? "");
      expect(runtime.userEdit({ sheet: "工作表1", a1: "A1", value: "x" }).triggerRuns).toEqual([]);
      runtime.createSpreadsheet({ name: "other", timeZone: "Asia/Shanghai", locale: "zh_CN" });
      runtime.run("install", [["onChange"]]);
      const other = runtime.documentId;
      runtime.documentId = runtime.spreadsheets.all()[0]?.id ?? null;
      expect(runtime.userEdit({ sheet: "工作表1", a1: "A1", value: "y" }).triggerRuns).toEqual([]);
      expect(other).not.toBe(runtime.documentId);
    });

    describe("what the UI refuses", () => {
      const PROTECTING = `${WITH_ON_EDIT}
        function protect(warningOnly) {
          SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1:B2").protect().setWarningOnly(warningOnly);
        }
        function validate(allowInvalid) {
          var rule = SpreadsheetApp.newDataValidation().requireValueInList(["yes", "no"], true)
            .setAllowInvalid(allowInvalid).build();
          SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("C1").setDataValidation(rule);
        }`;

      it("refuses a protected cell to a person who may not edit it, and fires nothing", () => {
        const runtime = runtimeOnSource(PROTECTING);
        runtime.run("protect", [false]);
        const before = runtime.executions.length;
        expect(() => runtime.userEdit({ sheet: "工作表1", a1: "B2", value: "x", user: EN_REP })).toThrow(
          "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
        );
        expect(runtime.executions).toHaveLength(before);
        expect(runtime.run("cell", ["B2"])).toBe("");
        // The owner may edit it.
        runtime.userEdit({ sheet: "工作表1", a1: "B2", value: "owner's" });
        expect(runtime.run("cell", ["B2"])).toBe("owner's");
      });

      it("accepts a warning-only protection (the person confirms the warning)", () => {
        const runtime = runtimeOnSource(PROTECTING);
        runtime.run("protect", [true]);
        runtime.userEdit({ sheet: "工作表1", a1: "B2", value: "x", user: EN_REP });
        expect(runtime.run("cell", ["B2"])).toBe("x");
      });

      it("refuses a value a rejecting validation rule rejects, and accepts it under a warning rule", () => {
        const runtime = runtimeOnSource(PROTECTING);
        runtime.run("validate", [false]);
        expect(() => runtime.userEdit({ sheet: "工作表1", a1: "C1", value: "maybe" })).toThrow(
          "The data you entered in cell C1 violates the data validation rules set on this cell.",
        );
        runtime.userEdit({ sheet: "工作表1", a1: "C1", value: "yes" });
        runtime.run("validate", [true]);
        runtime.userEdit({ sheet: "工作表1", a1: "C1", value: "maybe" });
        expect(runtime.run("cell", ["C1"])).toBe("maybe");
        expect((runtime.run("log") as LogEntry[]).map((e) => e.value)).toEqual(["yes", "maybe"]);
      });
    });

    it("refuses a test's mistakes plainly", () => {
      const runtime = runtimeOnSource(LOGGING);
      expect(() => runtime.userEdit({ sheet: "Nope", a1: "A1", value: "x" })).toThrow('no sheet "Nope"');
      expect(() => runtime.userEdit({ sheet: "工作表1", a1: "A1:B2", value: "x" })).toThrow("a1 names one cell");
      expect(() => runtime.userEdit({ sheet: "工作表1", a1: "A1" })).toThrow("give value or values");
      expect(() => runtime.userEdit({ sheet: "工作表1", a1: "A1", values: [["a"], ["b", "c"]] })).toThrow(
        "rows of texts, all of the same length",
      );
    });
  });

  describe("script writes", () => {
    it("fire no trigger: only a person's edit does", () => {
      const runtime = runtimeOnSource(`${WITH_ON_EDIT}
        function write() {
          var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
          sheet.getRange("A1").setValue("by script");
          sheet.getRange("A2:B2").setValues([["a", "b"]]);
          sheet.appendRow(["c"]);
          sheet.insertRowBefore(1);
        }`);
      runtime.run("install", [["onEdit", "onChange"]]);
      runtime.run("write");
      // "Script executions and API requests do not cause triggers to run"
      // (developers.google.com/apps-script/guides/triggers/installable#restrictions).
      expect(runtime.run("log")).toEqual([]);
      expect(runtime.triggerRuns).toEqual([]);
      expect(runtime.executions.map((x) => x.functionName)).toEqual(["install", "write", "log"]);
    });
  });

  describe("userChange", () => {
    it("inserts and removes rows as the person, firing change triggers with INSERT_ROW and REMOVE_ROW, not onEdit", () => {
      const runtime = runtimeOnSource(WITH_ON_EDIT);
      runtime.userEdit({ sheet: "工作表1", a1: "A2", value: "row two" });
      runtime.run("install", [["onChange"]]);
      runtime.userChange({ sheet: "工作表1", change: "INSERT_ROW", at: 2, count: 2 });
      expect(runtime.run("cell", ["A4"])).toBe("row two");
      runtime.userChange({ sheet: "工作表1", change: "REMOVE_ROW", at: 1 });
      expect(runtime.run("cell", ["A3"])).toBe("row two");
      runtime.userChange({ sheet: "工作表1", change: "INSERT_COLUMN", at: 1 });
      expect(runtime.run("cell", ["B3"])).toBe("row two");
      const entries = runtime.run("log") as LogEntry[];
      expect(entries.map((e) => [e.fn, e.changeType, e.mode])).toEqual([
        ["onEdit", undefined, "LIMITED"],
        ["changed", "INSERT_ROW", "FULL"],
        ["changed", "REMOVE_ROW", "FULL"],
        ["changed", "INSERT_COLUMN", "FULL"],
      ]);
    });

    it("refuses to remove protected rows to a person who may not edit them", () => {
      const runtime = runtimeOnSource(`${LOGGING}
        function protect() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1:B2").protect(); }`);
      runtime.run("protect");
      runtime.run("install", [["onChange"]]);
      expect(() => runtime.userChange({ sheet: "工作表1", change: "REMOVE_ROW", at: 2, user: EN_REP })).toThrow(
        /protected cell/,
      );
      expect(runtime.triggerRuns).toEqual([]);
    });
  });

  describe("open", () => {
    it("runs the simple onOpen, then the installable open triggers as their owners with e.source and e.triggerUid", () => {
      const runtime = runtimeOnSource(`${LOGGING}\n  function onOpen(e) { log_("onOpen", e); }`);
      runtime.run("install", [["onOpen"]]);
      const uid = runtime.triggers.list()[0]?.uniqueId;
      runtime.user = EN_REP;
      const outcome = runtime.open("LIMITED");
      expect(outcome.simpleTrigger).toMatchObject({ functionName: "onOpen", authMode: "LIMITED" });
      expect(outcome.triggerRuns.map((r) => [r.functionName, r.status])).toEqual([["opened", "COMPLETED"]]);
      // developers.google.com/apps-script/guides/triggers/events#open: authMode, source, triggerUid, user.
      expect((runtime.run("log") as LogEntry[]).map((e) => [e.fn, e.mode, e.uid, e.source, e.effective])).toEqual([
        ["onOpen", "LIMITED", undefined, runtime.documentId, expect.any(String)],
        ["opened", "FULL", uid, runtime.documentId, ZH_REP.email],
      ]);
    });

    it("fires the installable open triggers without an onOpen, and rethrows a failing onOpen after them", () => {
      const runtime = runtimeOnSource(LOGGING);
      runtime.run("install", [["onOpen"]]);
      expect(runtime.open().triggerRuns).toHaveLength(1);
      const failing = runtimeOnSource(`${LOGGING}\n  function onOpen() { throw new Error("menu broke"); }`);
      failing.run("install", [["onOpen"]]);
      expect(() => failing.open()).toThrow("menu broke");
      expect(failing.triggerRuns.map((r) => r.status)).toEqual(["COMPLETED"]);
    });
  });
});
