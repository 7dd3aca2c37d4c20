/** The emulated Session service: the active and effective users, the script's time zone, the user's locale and the temporary user key. */

import { createHash } from "node:crypto";
import { type Kernel, SCOPES } from "./kernel";

/** The user object as emulated (getUserLoginId is deprecated and not emulated). */
export type EmulatedUser = Pick<GoogleAppsScript.Base.User, "getEmail">;

/** The Session members the runtime emulates. */
export type EmulatedSession = Pick<
  GoogleAppsScript.Base.Session,
  "getScriptTimeZone" | "getActiveUserLocale" | "getTemporaryActiveUserKey"
> & {
  getActiveUser(): EmulatedUser;
  getEffectiveUser(): EmulatedUser;
};

/** Reading a user's email needs the userinfo.email scope (developers.google.com/apps-script/reference/base/session). */
const EMAIL = { needsAuth: true, scopes: [SCOPES.userinfoEmail] } as const;

function userOf(kernel: Kernel, email: string): EmulatedUser {
  return {
    getEmail() {
      kernel.call("Session", "User.getEmail", EMAIL);
      return email;
    },
  };
}

/**
 * The global `Session`. getScriptTimeZone and getActiveUserLocale work in AuthMode.NONE (an add-on's onOpen
 * may localise its menu); the users and the temporary key need authorization.
 */
export function createSession(kernel: Kernel): EmulatedSession {
  return {
    getActiveUser() {
      kernel.call("Session", "Session.getActiveUser", EMAIL);
      // May be "" where Apps Script hides the active user (e.g. another domain, installable triggers).
      return userOf(kernel, kernel.requireExecution("Session.getActiveUser").activeUser);
    },
    getEffectiveUser() {
      kernel.call("Session", "Session.getEffectiveUser", EMAIL);
      return userOf(kernel, kernel.requireExecution("Session.getEffectiveUser").effectiveUser);
    },
    getScriptTimeZone() {
      kernel.call("Session", "Session.getScriptTimeZone");
      return kernel.scriptTimeZone;
    },
    getActiveUserLocale() {
      kernel.call("Session", "Session.getActiveUserLocale");
      return kernel.requireExecution("Session.getActiveUserLocale").userLocale;
    },
    getTemporaryActiveUserKey() {
      // [UNCONFIRMED] whether AuthMode.NONE allows it; stricter to refuse.
      kernel.call("Session", "Session.getTemporaryActiveUserKey", { needsAuth: true });
      const execution = kernel.requireExecution("Session.getTemporaryActiveUserKey");
      // Stable per user (the real key also rotates every 30 days); a hidden active user gets a key of its own
      // per effective user, since the runtime knows no other identity for them [UNCONFIRMED].
      const identity = execution.activeUser || `hidden-active-user-of:${execution.effectiveUser}`;
      return createHash("sha256").update(identity).digest("base64");
    },
  };
}
