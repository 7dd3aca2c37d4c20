/** Tests of per-user authorization: ScriptApp.getAuthorizationInfo, and what Apps Script does in triggers and menus once an add-on update adds a scope its users have not granted. */

import { AUTHORIZATION_URL } from "../../../local/runtime/authorization";
import { AUTHORIZATION_REQUIRED, SCOPES } from "../../../local/runtime/kernel";
import type { AppsScriptRuntime } from "../../../local/runtime/runtime";
import { EN_REP, runtimeOnSource, ZH_REP } from "../../helpers/runtime";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The add-on as first published: the bound document, mail, triggers and the user's email. */
const FIRST_RELEASE = [SCOPES.spreadsheetsCurrentOnly, SCOPES.sendMail, SCOPES.scriptApp, SCOPES.userinfoEmail];
/** An update that also opens spreadsheets by id (which a time-driven trigger needs: it has no active document). */
const UPDATE = [...FIRST_RELEASE, SCOPES.spreadsheets];

/** Installs an hourly trigger that records what it sees in script property "seen" (JSON) and mails its owner. */
const PROBE = `
  function setUp() {
    PropertiesService.getScriptProperties().setProperty("doc", SpreadsheetApp.getActiveSpreadsheet().getId());
    ScriptApp.newTrigger("probe").timeBased().everyHours(1).create();
  }
  function probe() {
    var info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    var seen = {
      status: String(info.getAuthorizationStatus()),
      required: info.getAuthorizationStatus() == ScriptApp.AuthorizationStatus.REQUIRED,
      url: info.getAuthorizationUrl(),
      scopes: info.getAuthorizedScopes(),
    };
    try {
      seen.open = SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty("doc")).getName();
    } catch (e) {
      seen.open = e.name + ": " + e.message;
    }
    try {
      MailApp.sendEmail(Session.getEffectiveUser().getEmail(), "probe", "body");
      seen.mail = "sent";
    } catch (e) {
      seen.mail = e.name + ": " + e.message;
    }
    PropertiesService.getScriptProperties().setProperty("seen", JSON.stringify(seen));
  }
  function openDoc() {
    return SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty("doc")).getName();
  }
  function info(mode, scopes) {
    var i = scopes ? ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode[mode], scopes)
                   : ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode[mode]);
    return [String(i.getAuthorizationStatus()), i.getAuthorizationUrl(), i.getAuthorizedScopes()];
  }
  function call(args) {
    try { ScriptApp.getAuthorizationInfo.apply(ScriptApp, args); return "ok"; } catch (e) { return e.message; }
  }
  function setUpHourly() { ScriptApp.newTrigger("hourly").timeBased().everyHours(1).create(); }
  function touch() { PropertiesService.getScriptProperties().setProperty("touched", "yes"); }
`;

function probeRuntime(): AppsScriptRuntime {
  const runtime = runtimeOnSource(PROBE, {}, UPDATE);
  runtime.run("setUp");
  return runtime;
}

/** What the last probe run recorded. */
function seen(runtime: AppsScriptRuntime): Record<string, unknown> {
  return JSON.parse(runtime.properties.script.get("seen") ?? "null");
}

/** A runtime on the first release whose trigger is installed, then updated to declare `spreadsheets` too. */
function updatedRuntime(): AppsScriptRuntime {
  const runtime = runtimeOnSource(PROBE, {}, FIRST_RELEASE);
  runtime.run("setUp");
  runtime.updateManifestScopes(UPDATE);
  return runtime;
}

describe("authorization", () => {
  describe("while every declared scope is granted (the default)", () => {
    it("reports NOT_REQUIRED, no URL and every declared scope, in the editor and in a trigger", () => {
      const runtime = probeRuntime();
      expect(runtime.run("info", ["FULL"])).toEqual(["NOT_REQUIRED", null, UPDATE]);
      runtime.advanceBy(HOUR);
      expect(runtime.triggerRuns.map((r) => r.status)).toEqual(["COMPLETED"]);
      expect(seen(runtime)).toEqual({
        status: "NOT_REQUIRED",
        required: false,
        url: null,
        scopes: UPDATE,
        open: "fixture",
        mail: "sent",
      });
    });
  });

  describe("after an update adds a scope the trigger's owner has not granted", () => {
    it("the trigger sees REQUIRED with a URL; calls needing the new scope throw, the rest keep working", () => {
      const runtime = updatedRuntime();
      runtime.advanceBy(HOUR);
      expect(seen(runtime)).toEqual({
        status: "REQUIRED",
        required: true,
        url: AUTHORIZATION_URL,
        scopes: FIRST_RELEASE,
        open: `Exception: ${AUTHORIZATION_REQUIRED}`,
        mail: "sent",
      });
      expect(runtime.outbox.sentTo(ZH_REP.email)).toHaveLength(1);
    });

    it("fails a trigger run that does not catch the exception, and records it", () => {
      const runtime = runtimeOnSource(`${PROBE}\nfunction hourly() { openDoc(); }`, {}, FIRST_RELEASE);
      runtime.run("setUp");
      // An add-on may keep one time-driven trigger per user and document: replace the probe.
      runtime.triggers.remove(runtime.triggers.list()[0]?.uniqueId as string);
      runtime.run("setUpHourly");
      runtime.updateManifestScopes(UPDATE);
      runtime.advanceBy(HOUR);
      expect(runtime.triggerRuns.find((r) => r.functionName === "hourly")).toMatchObject({
        status: "FAILED",
        error: AUTHORIZATION_REQUIRED,
      });
      expect(runtime.executions.at(-1)).toMatchObject({ kind: "timeTrigger", status: "FAILED" });
    });

    it("refuses to start a menu item or sidebar call until the user authorizes (the dialog, not the function)", () => {
      const runtime = updatedRuntime();
      expect(() => runtime.run("touch")).toThrow(AUTHORIZATION_REQUIRED);
      expect(runtime.properties.script.get("touched")).toBeUndefined();
      expect(runtime.executions.at(-1)).toMatchObject({ functionName: "touch", status: "FAILED" });
      runtime.grantScopes(ZH_REP.email);
      runtime.run("touch");
      expect(runtime.properties.script.get("touched")).toBe("yes");
    });

    it("concerns only users who have not granted it", () => {
      const runtime = updatedRuntime();
      runtime.grantScopes(EN_REP.email);
      expect(runtime.run("openDoc", [], { user: EN_REP })).toBe("fixture");
      expect(() => runtime.run("openDoc")).toThrow(AUTHORIZATION_REQUIRED);
    });

    it("is NOT_REQUIRED again once the owner grants the scope through the URL", () => {
      const runtime = updatedRuntime();
      runtime.advanceBy(HOUR);
      expect(seen(runtime).status).toBe("REQUIRED");
      runtime.grantScopes(ZH_REP.email);
      runtime.advanceBy(HOUR);
      expect(seen(runtime)).toMatchObject({ status: "NOT_REQUIRED", url: null, scopes: UPDATE, open: "fixture" });
    });
  });

  describe("after the owner revokes a scope", () => {
    it("calls needing only that scope throw in the trigger, others work", () => {
      const runtime = probeRuntime();
      runtime.revokeScopes(ZH_REP.email, [SCOPES.sendMail]);
      expect(runtime.grantedScopes(ZH_REP.email)).not.toContain(SCOPES.sendMail);
      runtime.advanceBy(HOUR);
      expect(seen(runtime)).toMatchObject({
        status: "REQUIRED",
        url: AUTHORIZATION_URL,
        scopes: UPDATE.filter((s) => s !== SCOPES.sendMail),
        open: "fixture",
        mail: `Exception: ${AUTHORIZATION_REQUIRED}`,
      });
      expect(runtime.outbox.messages).toHaveLength(0);
    });
  });

  describe("Google's add-on pattern: check in the trigger, mail the user the URL at most once a day", () => {
    const SAMPLE = `
      function install() {
        ScriptApp.newTrigger("hourlyCheck").timeBased().everyHours(1).create();
        PropertiesService.getScriptProperties().setProperty("doc", SpreadsheetApp.getActiveSpreadsheet().getId());
      }
      function hourlyCheck() {
        var authInfo = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
        if (authInfo.getAuthorizationStatus() == ScriptApp.AuthorizationStatus.REQUIRED) {
          sendReauthorizationRequest(authInfo.getAuthorizationUrl());
          return;
        }
        var doc = SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty("doc"));
        doc.getSheets()[0].appendRow([new Date()]);
      }
      function sendReauthorizationRequest(url) {
        var props = PropertiesService.getUserProperties();
        var today = new Date().toDateString();
        if (props.getProperty("lastAuthEmailDate") != today && MailApp.getRemainingDailyQuota() > 0) {
          var template = HtmlService.createTemplate("<p>Please authorize the add-on again: <a href='<?= url ?>'>open</a></p>");
          template.url = url;
          var html = template.evaluate().getContent();
          MailApp.sendEmail(Session.getEffectiveUser().getEmail(), "Authorization required", url, { htmlBody: html });
          props.setProperty("lastAuthEmailDate", today);
        }
      }`;

    it("sends one email a day while authorization is required, then resumes its work once granted", () => {
      const runtime = runtimeOnSource(SAMPLE, {}, FIRST_RELEASE);
      runtime.run("install");
      runtime.updateManifestScopes(UPDATE);
      const runs = runtime.advanceBy(3 * DAY);
      expect(runs.length).toBeGreaterThanOrEqual(70);
      expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
      const mails = runtime.outbox.sentTo(ZH_REP.email);
      // Three days from 09:00 on a Friday in Shanghai touch four calendar days there.
      const days = mails.map((m) => new Date(m.at + 8 * HOUR).toISOString().slice(0, 10));
      expect(days).toEqual(["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"]);
      expect(mails[0]).toMatchObject({ subject: "Authorization required", body: AUTHORIZATION_URL });
      expect(mails[0]?.htmlBody).toContain(`href='${AUTHORIZATION_URL}'`);
      expect(
        runtime
          .inspect()
          .openById(runtime.documentId as string)
          .getSheets()[0]
          ?.getLastRow(),
      ).toBe(0);

      runtime.grantScopes(ZH_REP.email);
      runtime.advanceBy(3 * HOUR);
      expect(runtime.outbox.messages).toHaveLength(4);
      expect(
        runtime
          .inspect()
          .openById(runtime.documentId as string)
          .getSheets()[0]
          ?.getLastRow(),
      ).toBe(3);
    });
  });

  describe("ScriptApp.getAuthorizationInfo", () => {
    it("requires nothing in NONE and CUSTOM_FUNCTION, judges LIMITED as FULL [UNCONFIRMED]", () => {
      const runtime = updatedRuntime();
      const inTrigger = (mode: string) => runtime.run("info", [mode], { kind: "timeTrigger" });
      expect(inTrigger("NONE")).toEqual(["NOT_REQUIRED", null, FIRST_RELEASE]);
      expect(inTrigger("CUSTOM_FUNCTION")).toEqual(["NOT_REQUIRED", null, FIRST_RELEASE]);
      expect(inTrigger("LIMITED")).toEqual(["REQUIRED", AUTHORIZATION_URL, FIRST_RELEASE]);
    });

    it("with a list of scopes, judges and reports only those", () => {
      const runtime = updatedRuntime();
      const run = (scopes: string[]) => runtime.run("info", ["FULL", scopes], { kind: "timeTrigger" });
      expect(run([SCOPES.sendMail])).toEqual(["NOT_REQUIRED", null, [SCOPES.sendMail]]);
      expect(run([SCOPES.sendMail, SCOPES.spreadsheets])).toEqual(["REQUIRED", AUTHORIZATION_URL, [SCOPES.sendMail]]);
    });

    it("refuses arguments that are not an AuthMode (and a scope list of strings)", () => {
      const runtime = probeRuntime();
      const message = (types: string) =>
        `The parameters (${types}) don't match the method signature for ScriptApp.getAuthorizationInfo.`;
      expect(runtime.run("call", [["EVERYTHING"]])).toBe(message("String"));
      expect(runtime.run("call", [[1]])).toBe(message("number"));
      expect(runtime.run("call", [["FULL", [1]]])).toBe(message("String,number[]"));
      expect(runtime.run("call", [["FULL"]])).toBe("ok");
    });

    it("needs no scope, but is refused in AuthMode.NONE [UNCONFIRMED]", () => {
      const runtime = runtimeOnSource(PROBE, {}, [SCOPES.spreadsheetsCurrentOnly]);
      expect(runtime.run("info", ["FULL"])).toEqual(["NOT_REQUIRED", null, [SCOPES.spreadsheetsCurrentOnly]]);
      expect(runtime.run("call", [["FULL"]], { authMode: "NONE", kind: "simpleTrigger" })).toBe(
        "You do not have permission to call ScriptApp.getAuthorizationInfo.",
      );
      expect(runtime.run("call", [["FULL"]], { authMode: "LIMITED", kind: "simpleTrigger" })).toBe("ok");
    });
  });

  describe("the test API", () => {
    it("grants on install, and refuses scopes the manifest does not declare", () => {
      const runtime = updatedRuntime();
      expect(() => runtime.grantScopes(ZH_REP.email, ["https://www.googleapis.com/auth/drive"])).toThrow(
        "the manifest does not declare https://www.googleapis.com/auth/drive",
      );
      expect(() => runtime.revokeScopes(ZH_REP.email, ["https://www.googleapis.com/auth/drive"])).toThrow(
        "neither declared nor granted: https://www.googleapis.com/auth/drive",
      );
      expect(runtime.grantedScopes(ZH_REP.email)).not.toContain(SCOPES.spreadsheets);
      expect(() => runtime.install()).toThrow("Script function not found: onInstall");
      expect(runtime.grantedScopes(ZH_REP.email)).toContain(SCOPES.spreadsheets);
    });
  });
});
