/** What Apps Script shows of users to a script its developer runs (probes/users.js): the active and effective users, the temporary key, the authorization status. */

import { runProbe } from "../../local/probes/probe-runner";

// SESSION_PAGE: developers.google.com/apps-script/reference/base/session

describe("probes: users", () => {
  it("knows the effective user's email", () => {
    // SESSION_PAGE, getEffectiveUser(): "Gets information about the user under whose authority the script is running."
    expect(runProbe("users", "probe_users_effectiveEmailKnown")).toEqual({ value: true });
  });

  it("knows the active user's email, the effective user's, when the developer runs the script", () => {
    // SESSION_PAGE, getActiveUser(): the email is blank only "if security policies do not allow access to the user's
    // identity [...] However, these restrictions generally do not apply if the developer runs the script themselves";
    // getEffectiveUser(): "In most other scenarios, this returns the same account as getActiveUser()".
    expect(runProbe("users", "probe_users_activeIsEffective")).toEqual({ value: { known: true, same: true } });
  });

  it("gives a temporary key that is stable and does not reveal the email", () => {
    // SESSION_PAGE, getTemporaryActiveUserKey(): "a temporary key that is unique to the active user but does not
    // reveal the user identity".
    expect(runProbe("users", "probe_users_temporaryKey")).toEqual({
      value: { known: true, stable: true, hidesEmail: true },
    });
  });

  it("requires no authorization of a developer running their own script", () => {
    // developers.google.com/apps-script/reference/script/authorization-status, NOT_REQUIRED: "The user has granted
    // this script all the authorization it currently requires" (the live runner authorized the probes' scopes).
    expect(runProbe("users", "probe_users_authorizationNotRequired")).toEqual({ value: "NOT_REQUIRED" });
  });
});
