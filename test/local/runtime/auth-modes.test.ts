/** Tests of the auth-mode table: each emulated service, called as a script calls it, in AuthMode.NONE, LIMITED and FULL. */

import { allowedIn, reachOf } from "../../../local/runtime/auth-modes";
import { SCOPES } from "../../../local/runtime/kernel";
import type { AppsScriptRuntime, RunOptions } from "../../../local/runtime/runtime";
import { runtimeOnSource } from "../../helpers/runtime";

/*
 * What Apps Script allows per mode: developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle,
 * "Authorization modes": NONE gives "Access to user data: Locale only", no document, "Add menu items" only, no
 * Properties, no Jdbc/UrlFetch, and of other services "Logger, Utilities"; LIMITED adds the document, Properties and
 * "Any services that don't access user data", still no UrlFetch and no user interface beyond menus ("Add-ons can't open
 * sidebars or dialogs while executing in AuthMode.LIMITED"); FULL allows all services. Simple triggers "cannot access
 * services that require authorization [...] cannot send email" and "cannot access other files"
 * (developers.google.com/apps-script/guides/triggers#restrictions).
 */

/** One call per service (or per kind of access); attempt() returns "ok" or the message it threw. */
const SOURCE = `
  var CALLS = {
    "Logger.log": function () { Logger.log("x"); },
    "console.log": function () { console.log("x"); },
    "Utilities.formatDate": function () { Utilities.formatDate(new Date(0), "UTC", "yyyy"); },
    "Session.getActiveUserLocale": function () { Session.getActiveUserLocale(); },
    "Ui.createAddonMenu": function () { SpreadsheetApp.getUi().createAddonMenu().addItem("Help", "help").addToUi(); },
    "Session.getScriptTimeZone": function () { Session.getScriptTimeZone(); },
    "Session.getActiveUser": function () { Session.getActiveUser().getEmail(); },
    "Session.getEffectiveUser": function () { Session.getEffectiveUser().getEmail(); },
    "Session.getTemporaryActiveUserKey": function () { Session.getTemporaryActiveUserKey(); },
    "SpreadsheetApp.getActiveSpreadsheet": function () { SpreadsheetApp.getActiveSpreadsheet().getName(); },
    "SpreadsheetApp.newDataValidation": function () { SpreadsheetApp.newDataValidation(); },
    "SpreadsheetApp.openById": function () { SpreadsheetApp.openById(SpreadsheetApp.getActiveSpreadsheet().getId()); },
    "PropertiesService.getDocumentProperties": function () { PropertiesService.getDocumentProperties().getKeys(); },
    "PropertiesService.getUserProperties": function () { PropertiesService.getUserProperties().getKeys(); },
    "PropertiesService.getScriptProperties": function () { PropertiesService.getScriptProperties().getKeys(); },
    "CacheService.getScriptCache": function () { CacheService.getScriptCache().get("k"); },
    "LockService.getDocumentLock": function () { LockService.getDocumentLock().tryLock(1); },
    "HtmlService.createHtmlOutput": function () { HtmlService.createHtmlOutput("x"); },
    "ScriptApp.getAuthorizationInfo": function () { ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL); },
    "Ui.alert": function () { SpreadsheetApp.getUi().alert("x"); },
    "Ui.showSidebar": function () { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("x").setTitle("t")); },
    "MailApp.getRemainingDailyQuota": function () { MailApp.getRemainingDailyQuota(); },
    "MailApp.sendEmail": function () { MailApp.sendEmail("a@example.com", "s", "b"); },
    "ScriptApp.newTrigger": function () { ScriptApp.newTrigger("f").timeBased().everyHours(1).create(); },
    "ScriptApp.getProjectTriggers": function () { ScriptApp.getProjectTriggers(); },
    "UrlFetchApp.getRequest": function () { UrlFetchApp.getRequest("https://example.com/"); },
  };
  function attempt(names) {
    return names.map(function (name) {
      try { CALLS[name](); return "ok"; } catch (e) { return e.message; }
    });
  }
`;

const SCOPES_DECLARED = [
  SCOPES.spreadsheetsCurrentOnly,
  SCOPES.spreadsheets,
  SCOPES.containerUi,
  SCOPES.sendMail,
  SCOPES.scriptApp,
  SCOPES.userinfoEmail,
  SCOPES.externalRequest,
];

/** What each mode does with each call: "ok", or "refused" (the permission error). */
const EXPECTED: Record<string, { NONE: string; LIMITED: string; FULL: string }> = {
  // NONE: "Other services: Logger, Utilities"; "Access to user data: Locale only"; "Add menu items".
  "Logger.log": { NONE: "ok", LIMITED: "ok", FULL: "ok" },
  "console.log": { NONE: "ok", LIMITED: "ok", FULL: "ok" },
  "Utilities.formatDate": { NONE: "ok", LIMITED: "ok", FULL: "ok" },
  "Session.getActiveUserLocale": { NONE: "ok", LIMITED: "ok", FULL: "ok" },
  "Ui.createAddonMenu": { NONE: "ok", LIMITED: "ok", FULL: "ok" },
  // Not Logger or Utilities: NONE refuses [UNCONFIRMED for the script's zone]; LIMITED allows services that don't
  // access user data.
  "Session.getScriptTimeZone": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  // Simple triggers "may or may not be able to determine the identity of the current user": the call runs, the email
  // may be blank (identity.test.ts).
  "Session.getActiveUser": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "Session.getEffectiveUser": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "Session.getTemporaryActiveUserKey": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  // "Access to document": no / yes / yes; "cannot access other files".
  "SpreadsheetApp.getActiveSpreadsheet": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "SpreadsheetApp.newDataValidation": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "SpreadsheetApp.openById": { NONE: "refused", LIMITED: "refused", FULL: "ok" },
  // "Access to Properties": no / yes / yes, for every store.
  "PropertiesService.getDocumentProperties": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "PropertiesService.getUserProperties": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "PropertiesService.getScriptProperties": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  // "Other services": Logger, Utilities / any that don't access user data / all.
  "CacheService.getScriptCache": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "LockService.getDocumentLock": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "HtmlService.createHtmlOutput": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  "ScriptApp.getAuthorizationInfo": { NONE: "refused", LIMITED: "ok", FULL: "ok" },
  // "Access to user interface": add menu items / add menu items / yes.
  "Ui.alert": { NONE: "refused", LIMITED: "refused", FULL: "ok" },
  "Ui.showSidebar": { NONE: "refused", LIMITED: "refused", FULL: "ok" },
  // Services that access user data: FULL only ("cannot send email").
  "MailApp.getRemainingDailyQuota": { NONE: "refused", LIMITED: "refused", FULL: "ok" },
  "MailApp.sendEmail": { NONE: "refused", LIMITED: "refused", FULL: "ok" },
  "ScriptApp.newTrigger": { NONE: "refused", LIMITED: "refused", FULL: "ok" },
  "ScriptApp.getProjectTriggers": { NONE: "refused", LIMITED: "refused", FULL: "ok" },
  // "Access to Jdbc, UrlFetch": no / no / yes.
  "UrlFetchApp.getRequest": { NONE: "refused", LIMITED: "refused", FULL: "ok" },
};

const NAMES = Object.keys(EXPECTED);

function fixture(): AppsScriptRuntime {
  const runtime = runtimeOnSource(SOURCE, {}, SCOPES_DECLARED);
  runtime.ui.answerNext("OK");
  return runtime;
}

/** Runs every call in one execution of this mode; "refused" stands for Apps Script's permission error. */
function outcomes(runtime: AppsScriptRuntime, how: RunOptions): Record<string, string> {
  const results = runtime.run("attempt", [NAMES], how) as string[];
  return Object.fromEntries(
    NAMES.map((name, i) => {
      const result = results[i] ?? "";
      return [name, result.startsWith("You do not have permission to call ") ? "refused" : result];
    }),
  );
}

describe("auth modes", () => {
  it.each([
    ["NONE", { authMode: "NONE", kind: "simpleTrigger" }],
    ["LIMITED", { authMode: "LIMITED", kind: "simpleTrigger" }],
    ["FULL", { authMode: "FULL", kind: "editor" }],
  ] as const)("AuthMode.%s allows what Google's table says, service by service", (mode, how) => {
    const runtime = fixture();
    expect(outcomes(runtime, how)).toEqual(Object.fromEntries(NAMES.map((name) => [name, EXPECTED[name]?.[mode]])));
  });

  it("names the scope a refused call needs, or none where the call needs no scope", () => {
    const runtime = fixture();
    const limited: RunOptions = { authMode: "LIMITED", kind: "simpleTrigger" };
    const [mail, alert, fetch] = runtime.run(
      "attempt",
      [["MailApp.sendEmail", "Ui.alert", "UrlFetchApp.getRequest"]],
      limited,
    ) as string[];
    expect(mail).toBe(`You do not have permission to call MailApp.sendEmail. Required permissions: ${SCOPES.sendMail}`);
    expect(alert).toBe("You do not have permission to call Ui.alert.");
    expect(fetch).toBe(
      `You do not have permission to call UrlFetchApp.getRequest. Required permissions: ${SCOPES.externalRequest}`,
    );
  });

  describe("allowedIn", () => {
    it("lets a call needing no authorization run in every mode", () => {
      for (const mode of ["NONE", "LIMITED", "CUSTOM_FUNCTION", "FULL"] as const)
        expect(allowedIn(mode, {})).toBe(true);
    });

    it("lets a call through when any one of its scopes is allowed (the bound document or the full spreadsheets scope)", () => {
      const document = { needsAuth: true, scopes: [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets] };
      expect(reachOf(document)).toEqual(["document", "userData"]);
      expect(allowedIn("LIMITED", document)).toBe(true);
      expect(allowedIn("LIMITED", { needsAuth: true, scopes: [SCOPES.spreadsheets] })).toBe(false);
    });

    it("gives custom functions UrlFetch but no dialogs, as the table's CUSTOM_FUNCTION column says", () => {
      expect(allowedIn("CUSTOM_FUNCTION", { needsAuth: true, scopes: [SCOPES.externalRequest] })).toBe(true);
      expect(allowedIn("CUSTOM_FUNCTION", { reach: "interface" })).toBe(false);
      expect(allowedIn("CUSTOM_FUNCTION", { needsAuth: true, scopes: [SCOPES.sendMail] })).toBe(false);
    });
  });
});
