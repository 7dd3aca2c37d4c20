/** Per-user OAuth grants kept across executions, and ScriptApp.getAuthorizationInfo's AuthorizationInfo built from them. */

import { enumOf } from "./enums";
import type { Kernel } from "./kernel";

/** ScriptApp.AuthorizationStatus (developers.google.com/apps-script/reference/script/authorization-status). */
export const AuthorizationStatus = enumOf(["REQUIRED", "NOT_REQUIRED"]);

/**
 * The scopes each user has granted the script, kept across executions as Google keeps a user's consent.
 * Until a test changes a user's grant, that user has granted `initial` (the manifest's scopes when the project was
 * loaded: everyone authorized the add-on as first published). A scope a later update adds to the manifest is
 * therefore granted by nobody until they authorize again, which is what happens to real users.
 */
export class ScopeGrants {
  private readonly byUser = new Map<string, ReadonlySet<string>>();
  private readonly initial: ReadonlySet<string>;

  constructor(initial: Iterable<string>) {
    this.initial = new Set(initial);
  }

  /** The scopes `user` has granted. */
  granted(user: string): ReadonlySet<string> {
    return this.byUser.get(user) ?? this.initial;
  }

  /** Adds scopes to the user's grant (the user went through the authorization dialog). */
  grant(user: string, scopes: Iterable<string>): void {
    this.byUser.set(user, new Set([...this.granted(user), ...scopes]));
  }

  /** Removes scopes from the user's grant (never granted, or consent withdrawn). */
  revoke(user: string, scopes: Iterable<string>): void {
    const removed = new Set(scopes);
    this.byUser.set(user, new Set([...this.granted(user)].filter((s) => !removed.has(s))));
  }
}

/**
 * Where the user grants access. Real URLs are not documented; this one is a stable stand-in shaped like the
 * script's other URLs, the same for every user (the page authorizes whoever is signed in) [UNCONFIRMED].
 */
export const AUTHORIZATION_URL = "https://script.google.com/macros/d/local-runtime-script/authorize";

/**
 * AuthorizationInfo (developers.google.com/apps-script/reference/script/authorization-info). @types/google-apps-script
 * 2.0.13 lacks getAuthorizedScopes (documented since) and types the URL as string, though it is null when no
 * authorization is required.
 */
export interface EmulatedAuthorizationInfo
  extends Omit<GoogleAppsScript.Script.AuthorizationInfo, "getAuthorizationUrl"> {
  getAuthorizationUrl(): string | null;
  getAuthorizedScopes(): string[];
}

/**
 * What ScriptApp.getAuthorizationInfo(authMode[, oAuthScopes]) returns for the running execution's effective user,
 * as of the call. The scopes considered are `requested`, else every scope the manifest declares. NONE and
 * CUSTOM_FUNCTION never require authorization ("no other authorization mode requires that users grant
 * authorization", of modes other than FULL); LIMITED is judged as FULL [UNCONFIRMED], the stricter choice, since an
 * add-on reaches LIMITED only once authorized.
 */
export function authorizationInfo(
  kernel: Kernel,
  authMode: string,
  requested: readonly string[] | null,
): EmulatedAuthorizationInfo {
  const user = kernel.requireExecution("ScriptApp.getAuthorizationInfo").effectiveUser;
  const considered = requested ?? [...(kernel.scopes ?? [])];
  const granted = kernel.grantedScopes(user);
  const authorized = considered.filter((scope) => granted.has(scope));
  const required = (authMode === "FULL" || authMode === "LIMITED") && authorized.length < considered.length;
  // The object holds what was computed: its getters are counted but cost nothing (see DEFAULT_COST_MODEL).
  return {
    getAuthorizationStatus() {
      kernel.call("Script", "AuthorizationInfo.getAuthorizationStatus");
      const status = required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
      return status as unknown as GoogleAppsScript.Script.AuthorizationStatus;
    },
    getAuthorizationUrl() {
      kernel.call("Script", "AuthorizationInfo.getAuthorizationUrl");
      return required ? AUTHORIZATION_URL : null;
    },
    getAuthorizedScopes() {
      kernel.call("Script", "AuthorizationInfo.getAuthorizedScopes");
      return [...authorized];
    },
  };
}
