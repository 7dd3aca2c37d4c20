/** Google accounts (consumer or Google Workspace) and whether Apps Script shows the active user's email to a running script. */

import type { AuthModeName } from "./kernel";

/** A Google account. */
export interface Account {
  email: string;
  /**
   * The Google Workspace domain the account belongs to; null for a consumer account. Default: the email's domain,
   * except gmail.com and googlemail.com, whose accounts are consumer ones (a consumer account with another address
   * says null).
   */
  domain?: string | null;
}

/**
 * A published add-on's developer when a test names none: an account in no user's domain, since an add-on's users
 * work for other organisations than its publisher.
 */
export const ADD_ON_DEVELOPER: Account = { email: "developer@add-on-publisher.example" };

const CONSUMER_DOMAINS: ReadonlySet<string> = new Set(["gmail.com", "googlemail.com"]);

/** The account's Google Workspace domain (lower case), or null for a consumer account. */
export function workspaceDomainOf(account: Account): string | null {
  if (account.domain !== undefined) return account.domain?.toLowerCase() ?? null;
  const at = account.email.lastIndexOf("@");
  const domain = at < 0 ? "" : account.email.slice(at + 1).toLowerCase();
  return domain === "" || CONSUMER_DOMAINS.has(domain) ? null : domain;
}

function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Who takes part in one execution. */
export interface Participants {
  authMode: AuthModeName;
  /** The user at the keyboard. */
  active: Account;
  /**
   * The email of the user whose authority the script runs with: the active user, or an installable trigger's owner
   * (known by email only, so its domain is its email's unless it is the developer).
   */
  effective: string;
  /** A bound script's owner, or a published add-on's developer. */
  developer: Account;
}

/**
 * Whether Session.getActiveUser().getEmail() (and a trigger event's user) shows the active user's email; "" where not.
 * Google: "the user's email address is not available in any context that allows a script to run without that user's
 * authorization, like a simple onOpen(e) or onEdit(e) trigger, a custom function in Google Sheets, or a web app
 * deployed to 'execute as me' [...]. However, these restrictions generally do not apply if the developer runs the
 * script themselves or belongs to the same Google Workspace domain as the user"
 * (developers.google.com/apps-script/reference/base/session#getActiveUser()). So the email shows:
 * - when the active user runs as themselves and either authorized this run (AuthMode.FULL: a menu item, a sidebar
 *   call, Run in the editor, onInstall, their own installable triggers) or is the developer;
 * - otherwise (a simple trigger in LIMITED, a custom function, another user's installable trigger) only when the
 *   active user shares a Google Workspace domain with the developer and with the effective user. Consumer accounts
 *   (gmail.com) share none. That another user's installable trigger also needs the developer's domain, not only its
 *   owner's, is [UNCONFIRMED]: the stricter choice (for a bound script the two are usually one domain).
 */
export function activeEmailShown(participants: Participants): boolean {
  const { authMode, active, effective, developer } = participants;
  const asThemselves = sameEmail(active.email, effective);
  if (asThemselves && (authMode === "FULL" || sameEmail(active.email, developer.email))) return true;
  const effectiveAccount = asThemselves
    ? active
    : sameEmail(effective, developer.email)
      ? developer
      : { email: effective };
  const domain = workspaceDomainOf(active);
  return domain !== null && domain === workspaceDomainOf(developer) && domain === workspaceDomainOf(effectiveAccount);
}
