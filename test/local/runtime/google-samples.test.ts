/** Google's own Apps Script samples (test/fixtures/google-samples, Apache-2.0) run in a fresh runtime do what they do on Google. */

import { readFileSync } from "node:fs";
import path from "node:path";
import { projectFromSources } from "../../../local/runtime/loader";
import { AppsScriptRuntime, type RuntimeOptions } from "../../../local/runtime/runtime";
import { EN_REP, FRIDAY_MORNING_SHANGHAI } from "../../helpers/runtime";

const SAMPLES = path.resolve(__dirname, "../../fixtures/google-samples");
const SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/script.send_mail",
  "https://www.googleapis.com/auth/script.scriptapp",
  "https://www.googleapis.com/auth/script.external_request",
];

/** A bound script made of sample files (paths in the samples repository), with an open en_US spreadsheet. */
function runtimeOf(files: string[], options: Partial<RuntimeOptions> = {}): AppsScriptRuntime {
  const sources = Object.fromEntries(
    files.map((file) => [path.basename(file).replace(/\.gs$/, ".js"), readFileSync(path.join(SAMPLES, file), "utf8")]),
  );
  const project = projectFromSources(sources, {
    timeZone: "America/New_York",
    runtimeVersion: "V8",
    oauthScopes: SCOPES,
  });
  const runtime = new AppsScriptRuntime(project, {
    now: FRIDAY_MORNING_SHANGHAI,
    user: EN_REP,
    addOn: false,
    ...options,
  });
  runtime.createSpreadsheet({ name: "Samples", timeZone: "America/New_York", locale: "en_US" });
  return runtime;
}

function firstSheet(runtime: AppsScriptRuntime): GoogleAppsScript.Spreadsheet.Sheet {
  return runtime.inspect().getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
}

describe("Google's Apps Script samples", () => {
  it("sheets/removingDuplicates: removeDuplicates keeps the first of each row", () => {
    const runtime = runtimeOf(["sheets/removingDuplicates/removingDuplicates.gs"]);
    const sheet = firstSheet(runtime);
    sheet.getRange("A1:B4").setValues([
      ["a", 1],
      ["b", 2],
      ["a", 1],
      ["c", 3],
    ]);
    runtime.run("removeDuplicates");
    expect(sheet.getDataRange().getValues()).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
  });

  it("sheets/customFunctions/btc: BTC(date) reads Coinbase's spot price through UrlFetchApp", () => {
    const runtime = runtimeOf(["sheets/customFunctions/btc.gs"]);
    runtime.http.respond("https://api.coinbase.com/v2/prices/BTC-USD/spot", {
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: '{"data":{"base":"BTC","currency":"USD","amount":"91234.56"}}',
    });
    expect(runtime.run("BTC", ["2026-11-20"], { authMode: "CUSTOM_FUNCTION" })).toBe("91234.56");
    expect(runtime.http.requests.map((r) => [r.url, r.headers])).toEqual([
      [
        "https://api.coinbase.com/v2/prices/BTC-USD/spot?date=2026-11-20",
        { "CB-VERSION": "2016-10-10", Authorization: "Bearer " },
      ],
    ]);
    // Without a token Coinbase answers 401, which UrlFetchApp turns into its exception (muteHttpExceptions unset).
    runtime.http.respond(/coinbase/, { status: 401, body: '{"errors":[{"id":"authentication_error"}]}' });
    expect(() => runtime.run("BTC", ["2026-11-20"], { authMode: "CUSTOM_FUNCTION" })).toThrow(
      'Request failed for https://api.coinbase.com returned code 401. Truncated server response: {"errors":[{"id":"authentication_error"}]} (use muteHttpExceptions option to examine full response)',
    );
  });

  it("solutions/custom-functions/summarize-sheets-data: getSheetsData counts each owner's statuses", () => {
    const runtime = runtimeOf(["solutions/custom-functions/summarize-sheets-data/Code.js"]);
    const ss = runtime.inspect().getActiveSpreadsheet();
    firstSheet(runtime).setName("Summary");
    ss.insertSheet("ReadMe").getRange("A1").setValue("How to use");
    ss.insertSheet("Ann")
      .getRange("A1:C4")
      .setValues([
        ["Task", "Owner Name", "Status"],
        ["Brief", "Ann", "Complete"],
        ["Deck", "Ann", "Overdue"],
        ["Call", "Ann", "Complete"],
      ]);
    ss.insertSheet("Bob")
      .getRange("A1:B3")
      .setValues([
        ["Status", "Owner Name"],
        ["Scheduled", "Bob"],
        ["In-Progress", "Bob"],
      ]);
    expect(runtime.run("getSheetsData", [], { authMode: "CUSTOM_FUNCTION" })).toEqual([
      ["Ann", 3, 2, 0, 0, 1, "Ann"],
      ["Bob", 2, 0, 1, 1, 0, "Bob"],
    ]);
  });

  it("solutions/custom-functions/tier-pricing: tierPrice sums each tier's share", () => {
    const runtime = runtimeOf(["solutions/custom-functions/tier-pricing/Code.js"]);
    const table = [
      [0, 500, 0],
      [500, 1000, 0.1],
      [1000, 2000, 0.2],
    ];
    expect(runtime.run("tierPrice", [1500, table], { authMode: "CUSTOM_FUNCTION" })).toBe(150);
  });

  it("templates/sheets-addon: the add-on menu, the active cell, and creating or copying sheets", () => {
    const runtime = runtimeOf(["templates/sheets-addon/Code.gs"], { addOn: true, addOnName: "Template" });
    runtime.open("LIMITED");
    expect(runtime.ui.menus.map((m) => [m.kind, m.caption, m.entries.length])).toEqual([["addon", "Template", 2]]);
    const sheet = firstSheet(runtime);
    sheet.getRange("B2").setValue(7);
    sheet.setActiveRange(sheet.getRange("B2"));
    expect(runtime.run("getActiveValue")).toBe(7);
    runtime.run("setActiveValue", [42]);
    expect(sheet.getRange("B2").getValue()).toBe(42);
    runtime.run("modifySheets", ["copy"]);
    runtime.run("modifySheets", ["create"]);
    const names = runtime
      .inspect()
      .getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names).toEqual(["Sheet1", "Copy of Sheet1", "Sheet3"]);
    expect(runtime.inspect().getActiveSpreadsheet().getSheetByName("Copy of Sheet1")?.getRange("B2").getValue()).toBe(
      42,
    );
  });

  describe("solutions/editor-add-on/clean-sheet", () => {
    const files = ["solutions/editor-add-on/clean-sheet/Code.js", "solutions/editor-add-on/clean-sheet/Menu.js"];

    it("deleteEmptyRows deletes the selection's empty rows (getHeight, getRowIndex of the active range)", () => {
      const runtime = runtimeOf(files);
      const sheet = firstSheet(runtime);
      sheet.getRange("A1:A6").setValues([["one"], [""], ["three"], [""], [""], ["six"]]);
      sheet.setActiveRange(sheet.getRange("A1:A6"));
      runtime.open("LIMITED");
      runtime.clickMenu("Delete blank rows (from selected rows only)");
      expect(sheet.getRange("A1:A4").getValues()).toEqual([["one"], ["three"], ["six"], [""]]);
      expect(sheet.getMaxRows()).toBe(997);
    });

    it("cropSheet trims the sheet to its data, and About shows the app's alert", () => {
      const runtime = runtimeOf(files);
      const sheet = firstSheet(runtime);
      sheet.getRange("A1:C3").setValue("x");
      runtime.open("LIMITED");
      runtime.clickMenu("Crop sheet to data range");
      expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([3, 3]);
      runtime.ui.answerNext("OK");
      runtime.clickMenu("About");
      expect(runtime.ui.exchanges.map((e) => [e.kind, e.title, e.buttons])).toEqual([
        ["alert", "About this application", "OK"],
      ]);
    });
  });

  it("ui/dialogs/menus: a custom menu with a separator and a sub-menu whose item alerts", () => {
    const runtime = runtimeOf(["ui/dialogs/menus.gs"]);
    runtime.open("LIMITED");
    expect(runtime.ui.menus).toEqual([
      {
        kind: "custom",
        caption: "Custom Menu",
        entries: [
          { kind: "item", caption: "First item", functionName: "menuItem1" },
          { kind: "separator" },
          {
            kind: "subMenu",
            caption: "Sub-menu",
            entries: [{ kind: "item", caption: "Second item", functionName: "menuItem2" }],
          },
        ],
      },
    ]);
    runtime.ui.answerNext("OK");
    runtime.clickMenu("Second item");
    expect(runtime.ui.exchanges.map((e) => e.prompt)).toEqual(["You clicked the second menu item!"]);
  });

  it("ui/dialogs/prompt: the prompt's answer comes back in an alert", () => {
    const runtime = runtimeOf(["ui/dialogs/prompt/prompt.gs"]);
    runtime.open("LIMITED");
    runtime.ui.answerNext("OK", "Ann");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("Show prompt");
    expect(runtime.ui.exchanges.map((e) => [e.kind, e.prompt])).toEqual([
      ["prompt", "Please enter your name:"],
      ["alert", "Your name is Ann."],
    ]);
  });

  it("gmail/sendingEmails: one email per row, and none twice once marked sent", () => {
    const runtime = runtimeOf(["gmail/sendingEmails/sendingEmails.gs"]);
    const sheet = firstSheet(runtime);
    sheet.getRange("A2:B3").setValues([
      ["ann@example.com", "Hello Ann"],
      ["bob@example.com", "Hello Bob"],
    ]);
    runtime.run("sendNonDuplicateEmails");
    runtime.run("sendNonDuplicateEmails");
    expect(runtime.outbox.messages.map((m) => [m.to, m.subject, m.body])).toEqual([
      [["ann@example.com"], "Sending emails from a Spreadsheet", "Hello Ann"],
      [["bob@example.com"], "Sending emails from a Spreadsheet", "Hello Bob"],
    ]);
    expect(sheet.getRange("C2:C3").getValues()).toEqual([["email sent"], ["email sent"]]);
  });

  it("service/propertyService: the three stores are written and read back", () => {
    const runtime = runtimeOf(["service/propertyService.gs"]);
    runtime.run("saveSingleProperty");
    runtime.run("saveMultipleProperties");
    runtime.run("updateProperty");
    expect(Object.fromEntries(runtime.properties.script)).toEqual({
      SERVER_URL: "http://www.example.com/",
      cow: "moo",
      sheep: "baa",
      chicken: "cluck",
    });
    expect(runtime.properties.user(EN_REP.email).get("DISPLAY_UNITS")).toBe("imperial");
    expect(runtime.properties.document(runtime.documentId as string).get("SOURCE_DATA_ID")).toBe(
      "1j3GgabZvXUF177W0Zs_2v--H6SPCQb4pmZ6HsTZYT5k",
    );
    runtime.run("readAllProperties");
    expect(runtime.logs.messages("console").sort()).toEqual([
      "Key: SERVER_URL, Value: http://www.example.com/",
      "Key: chicken, Value: cluck",
      "Key: cow, Value: moo",
      "Key: sheep, Value: baa",
    ]);
  });

  it("triggers/triggers: time-driven and open triggers are created, and one is deleted by its id", () => {
    const runtime = runtimeOf(["triggers/triggers.gs"]);
    runtime.run("createTimeDrivenTriggers");
    runtime.run("createSpreadsheetOpenTrigger");
    expect(runtime.triggers.list().map((t) => [t.handlerFunction, t.eventType])).toEqual([
      ["myFunction", "CLOCK"],
      ["myFunction", "CLOCK"],
      ["myFunction", "ON_OPEN"],
    ]);
    const [first] = runtime.triggers.list();
    runtime.run("deleteTrigger", [first?.uniqueId]);
    expect(runtime.triggers.list()).toHaveLength(2);
  });

  it("utils/logging: console.info formats its arguments and console.time/timeEnd logs the duration", () => {
    const runtime = runtimeOf(["utils/logging.gs"]);
    runtime.run("measuringExecutionTime");
    const messages = runtime.logs.messages("console");
    expect(messages[0]).toBe("Timing the myFunction function (1 arguments)");
    expect(messages.at(-1)).toBe("myFunction() time: 0ms");
  });

  it("sheets/customFunctions: the old addMenu API builds the menu, and its item prepares the sheet", () => {
    const runtime = runtimeOf(["sheets/customFunctions/customFunctions.gs"]);
    runtime.open("LIMITED");
    expect(runtime.ui.menus.map((m) => [m.caption, m.entries.map((e) => ("caption" in e ? e.caption : "—"))])).toEqual([
      ["Directions", ["Prepare sheet...", "Generate step-by-step..."]],
    ]);
    runtime.clickMenu("Prepare sheet...");
    const sheet = firstSheet(runtime);
    expect(sheet.getName()).toBe("Settings");
    expect(sheet.getRange("A1:D1").getValues()[0]).toEqual([
      "Start Address",
      "End Address",
      "Driving Distance (meters)",
      "Driving Distance (miles)",
    ]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(runtime.run("metersToMiles", [1609.344], { authMode: "CUSTOM_FUNCTION" })).toBeCloseTo(1, 4);
  });
});
