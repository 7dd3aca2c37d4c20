/** Tests of the emulated Session service. */

import { Kernel, SCOPES } from "../../../local/runtime/kernel";
import { createSession } from "../../../local/runtime/session";
import { ANA, type ExecutionSpec, executionRunner } from "./fixtures/execution";

/** Ana at the keyboard, the script running as its owner, in Chinese. */
const ANA_AS_OWNER: Partial<ExecutionSpec> = { ...ANA, effectiveUser: "owner@example.com", userLocale: "zh_CN" };

function setup() {
  const kernel = new Kernel({ now: 0, scriptTimeZone: "Asia/Shanghai" });
  const session = createSession(kernel);
  const { run, thrown } = executionRunner(kernel, ANA_AS_OWNER);
  return { kernel, session, run, thrown };
}

describe("session", () => {
  describe("getActiveUser", () => {
    it("returns the user at the keyboard, whose email may be hidden", () => {
      const { session, run } = setup();
      expect(run(() => session.getActiveUser().getEmail())).toBe("ana@example.com");
      expect(run(() => session.getActiveUser().getEmail(), { activeUser: "" })).toBe("");
    });

    it("is refused in AuthMode.NONE with the userinfo.email scope named", () => {
      const { session, thrown } = setup();
      const error = thrown(() => session.getActiveUser(), { authMode: "NONE" });
      expect(error.name).toBe("Exception");
      expect(error.message).toBe(
        "You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email",
      );
    });

    it("is refused when the manifest does not declare userinfo.email", () => {
      const { kernel, session, thrown } = setup();
      kernel.scopes = new Set([SCOPES.spreadsheetsCurrentOnly]);
      expect(thrown(() => session.getActiveUser()).message).toBe(
        "You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email",
      );
    });
  });

  describe("getEffectiveUser", () => {
    it("returns the user the script runs as", () => {
      const { session, run } = setup();
      expect(run(() => session.getEffectiveUser().getEmail())).toBe("owner@example.com");
    });

    it("is refused in AuthMode.NONE", () => {
      const { session, thrown } = setup();
      expect(thrown(() => session.getEffectiveUser(), { authMode: "NONE" }).message).toMatch(
        /^You do not have permission to call Session\.getEffectiveUser\./,
      );
    });
  });

  describe("getScriptTimeZone", () => {
    it("returns the project's zone, also in AuthMode.NONE", () => {
      const { session, run } = setup();
      expect(run(() => session.getScriptTimeZone(), { authMode: "NONE" })).toBe("Asia/Shanghai");
    });
  });

  describe("getActiveUserLocale", () => {
    it("returns the user's locale, also in AuthMode.NONE", () => {
      const { session, run } = setup();
      expect(run(() => session.getActiveUserLocale(), { authMode: "NONE" })).toBe("zh_CN");
    });
  });

  describe("getTemporaryActiveUserKey", () => {
    it("is stable per user and differs between users", () => {
      const { session, run } = setup();
      const ana = run(() => session.getTemporaryActiveUserKey());
      expect(run(() => session.getTemporaryActiveUserKey())).toBe(ana);
      expect(run(() => session.getTemporaryActiveUserKey(), { activeUser: "bo@example.com" })).not.toBe(ana);
      expect(run(() => session.getTemporaryActiveUserKey(), { activeUser: "" })).not.toBe(ana);
    });

    it("is refused in AuthMode.NONE", () => {
      const { session, thrown } = setup();
      expect(thrown(() => session.getTemporaryActiveUserKey(), { authMode: "NONE" }).message).toMatch(
        /^You do not have permission to call Session\.getTemporaryActiveUserKey\./,
      );
    });
  });
});
