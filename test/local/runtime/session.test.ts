/** Tests of the emulated Session service: what each member returns, where its email is blank, and the auth modes that refuse it. */

import { Kernel, SCOPES } from "../../../local/runtime/kernel";
import { createSession } from "../../../local/runtime/session";
import { ANA, type ExecutionSpec, executionRunner } from "./fixtures/execution";

/** Ana at the keyboard, the script running as its owner, in Chinese. */
const ANA_AS_OWNER: Partial<ExecutionSpec> = { ...ANA, effectiveUser: "owner@example.com", userLocale: "zh_CN" };

/** A simple trigger (onOpen, onEdit) run by Ana, whose email Apps Script hides there (see identity.test.ts for when). */
const HIDDEN_SIMPLE_TRIGGER: Partial<ExecutionSpec> = {
  ...ANA,
  kind: "simpleTrigger",
  authMode: "LIMITED",
  activeUserHidden: true,
};

const EMAIL_REFUSED = (method: string) =>
  `You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/userinfo.email`;

function setup() {
  const kernel = new Kernel({ now: 0, scriptTimeZone: "Asia/Shanghai" });
  const session = createSession(kernel);
  const { run, thrown } = executionRunner(kernel, ANA_AS_OWNER);
  return { kernel, session, run, thrown };
}

describe("session", () => {
  describe("getActiveUser", () => {
    it("returns the user at the keyboard", () => {
      const { session, run } = setup();
      expect(run(() => session.getActiveUser().getEmail())).toBe("ana@example.com");
    });

    it("returns a blank email where Apps Script hides the user's identity, also in AuthMode.LIMITED", () => {
      // reference/base/session#getActiveUser(): "If security policies do not allow access to the user's identity,
      // User.getEmail() returns a blank string [...] like a simple onOpen(e) or onEdit(e) trigger".
      const { session, run } = setup();
      expect(run(() => session.getActiveUser().getEmail(), HIDDEN_SIMPLE_TRIGGER)).toBe("");
      expect(run(() => session.getActiveUser().getEmail(), { ...HIDDEN_SIMPLE_TRIGGER, activeUserHidden: false })).toBe(
        "ana@example.com",
      );
    });

    it("is refused in AuthMode.NONE with the userinfo.email scope named", () => {
      // workspace/add-ons/concepts/editor-auth-lifecycle: NONE gives "Access to user data: Locale only".
      const { session, thrown } = setup();
      const error = thrown(() => session.getActiveUser(), { authMode: "NONE" });
      expect(error.name).toBe("Exception");
      expect(error.message).toBe(EMAIL_REFUSED("Session.getActiveUser"));
    });

    it("is refused when the manifest does not declare userinfo.email", () => {
      // reference/base/session#getActiveUser(): "Scripts that use this method require authorization with [...]
      // https://www.googleapis.com/auth/userinfo.email".
      const { kernel, session, thrown } = setup();
      kernel.scopes = new Set([SCOPES.spreadsheetsCurrentOnly]);
      expect(thrown(() => session.getActiveUser()).message).toBe(EMAIL_REFUSED("Session.getActiveUser"));
    });
  });

  describe("getEffectiveUser", () => {
    it("returns the user the script runs as", () => {
      const { session, run } = setup();
      expect(run(() => session.getEffectiveUser().getEmail())).toBe("owner@example.com");
    });

    it("shows an installable trigger's owner even where the user who fired it is hidden", () => {
      // reference/base/session#getEffectiveUser(): "If the script is running under an installable trigger, this
      // returns the account of the user who created the trigger."
      const { session, run } = setup();
      const firedByAna = { ...ANA_AS_OWNER, kind: "installableTrigger", activeUserHidden: true } as const;
      expect(
        run(() => [session.getActiveUser().getEmail(), session.getEffectiveUser().getEmail()], firedByAna),
      ).toEqual(["", "owner@example.com"]);
    });

    it("is blank in a simple trigger that hides the active user, since it is the same account", () => {
      // getEffectiveUser(): "In most other scenarios, this returns the same account as getActiveUser()".
      const { session, run } = setup();
      expect(run(() => session.getEffectiveUser().getEmail(), HIDDEN_SIMPLE_TRIGGER)).toBe("");
    });

    it("is refused in AuthMode.NONE", () => {
      const { session, thrown } = setup();
      expect(thrown(() => session.getEffectiveUser(), { authMode: "NONE" }).message).toBe(
        EMAIL_REFUSED("Session.getEffectiveUser"),
      );
    });
  });

  describe("getScriptTimeZone", () => {
    it("returns the project's zone, also in AuthMode.LIMITED", () => {
      const { session, run } = setup();
      expect(run(() => session.getScriptTimeZone())).toBe("Asia/Shanghai");
      expect(run(() => session.getScriptTimeZone(), { authMode: "LIMITED", kind: "simpleTrigger" })).toBe(
        "Asia/Shanghai",
      );
    });

    it("is refused in AuthMode.NONE, which allows Logger, Utilities and the locale only", () => {
      // editor-auth-lifecycle, NONE: "Access to user data: Locale only", "Other services: Logger, Utilities"
      // [UNCONFIRMED for the script's zone; the stricter reading].
      const { session, thrown } = setup();
      expect(thrown(() => session.getScriptTimeZone(), { authMode: "NONE" }).message).toBe(
        "You do not have permission to call Session.getScriptTimeZone.",
      );
    });
  });

  describe("getActiveUserLocale", () => {
    it("returns the user's locale, also in AuthMode.NONE", () => {
      // editor-auth-lifecycle, NONE: "Access to user data: Locale only" (links Session.getActiveUserLocale()).
      const { session, run } = setup();
      expect(run(() => session.getActiveUserLocale(), { authMode: "NONE" })).toBe("zh_CN");
    });
  });

  describe("getTemporaryActiveUserKey", () => {
    it("is stable per user and differs between users, also where their emails are hidden", () => {
      // reference/base/session#getTemporaryActiveUserKey(): "a temporary key that is unique to the active user but
      // does not reveal the user identity".
      const { session, run } = setup();
      const ana = run(() => session.getTemporaryActiveUserKey());
      expect(run(() => session.getTemporaryActiveUserKey())).toBe(ana);
      expect(run(() => session.getTemporaryActiveUserKey(), { activeUser: "bo@example.com" })).not.toBe(ana);
      const hiddenAna = run(() => session.getTemporaryActiveUserKey(), HIDDEN_SIMPLE_TRIGGER);
      const hiddenBo = run(() => session.getTemporaryActiveUserKey(), {
        ...HIDDEN_SIMPLE_TRIGGER,
        activeUser: "bo@example.com",
        effectiveUser: "bo@example.com",
      });
      expect(hiddenAna).toBe(ana);
      expect(hiddenBo).not.toBe(hiddenAna);
      expect(hiddenAna).not.toContain("ana@example.com");
    });

    it("is refused in AuthMode.NONE", () => {
      const { session, thrown } = setup();
      expect(thrown(() => session.getTemporaryActiveUserKey(), { authMode: "NONE" }).message).toBe(
        "You do not have permission to call Session.getTemporaryActiveUserKey.",
      );
    });
  });
});
