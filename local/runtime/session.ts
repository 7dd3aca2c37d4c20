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
 * The global `Session`. Only getActiveUserLocale works in AuthMode.NONE ("Access to user data: Locale only", so an
 * add-on's onOpen may localise its menu); everything else needs authorization (./auth-modes). In LIMITED the users
 * can be read, but their email may be blank (./identity).
 */
export function createSession(kernel: Kernel): EmulatedSession {
  return {
    getActiveUser() {
      kernel.call("Session", "Session.getActiveUser", EMAIL);
      const execution = kernel.requireExecution("Session.getActiveUser");
      return userOf(kernel, execution.activeUserHidden ? "" : execution.activeUser);
    },
    /**
     * "In most other scenarios, this returns the same account as getActiveUser()" (an installable trigger's is its
     * creator's). Where that same account's email is hidden (a simple trigger run by someone outside the developer's
     * domain), it is hidden here too [UNCONFIRMED: the stricter choice].
     */
    getEffectiveUser() {
      kernel.call("Session", "Session.getEffectiveUser", EMAIL);
      const { activeUser, activeUserHidden, effectiveUser } = kernel.requireExecution("Session.getEffectiveUser");
      return userOf(kernel, activeUserHidden && effectiveUser === activeUser ? "" : effectiveUser);
    },
    /** The project's zone. Whether AuthMode.NONE allows it ("Logger, Utilities" only) is [UNCONFIRMED]: refused. */
    getScriptTimeZone() {
      kernel.call("Session", "Session.getScriptTimeZone", { needsAuth: true });
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
      // Stable per user (the real key also rotates every 30 days), also where the email is hidden: the key is what
      // tells such users apart. With no active user at all, one key per effective user [UNCONFIRMED].
      const identity = execution.activeUser || `no-active-user-of:${execution.effectiveUser}`;
      return createHash("sha256").update(identity).digest("base64");
    },
  };
}
