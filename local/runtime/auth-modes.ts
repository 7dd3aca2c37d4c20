/** What each ScriptApp.AuthMode lets a call reach: Google's table of authorization modes, and how the kernel classifies a call against it. */

import { type AuthModeName, type CallOptions, SCOPES } from "./kernel";

/**
 * The rows of the authorization-modes table a call can fall in. A call that needs no authorization (Logger, Utilities,
 * Session.getActiveUserLocale, building and adding menus) falls in none and runs in every mode.
 */
export type Reach =
  /** "Access to document, form, presentation, or spreadsheet": the document the script is bound to. */
  | "document"
  /**
   * The users' identity (Session's users, User.getEmail): the call runs where the document does, but the email may
   * come back blank ("Access to user data: Locale only"; which email shows is ./identity's rule).
   */
  | "identity"
  /** "Access to user interface" beyond adding menu items: alerts, prompts, dialogs, sidebars. */
  | "interface"
  /** "Access to Jdbc, UrlFetch". */
  | "network"
  /** "Access to Properties", and the "other services" that don't access user data (Cache, Lock, HtmlService, ...). */
  | "service"
  /** Everything else needing authorization: mail, triggers, other files ("All services", FULL only). */
  | "userData";

/**
 * Google's table (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle, "Authorization modes"):
 *
 * |                          | NONE                | LIMITED            | CUSTOM_FUNCTION    | FULL              |
 * | Occurs for               | onOpen of an add-on | onOpen (all other  | custom functions   | all other times:  |
 * |                          | installed, not      | times), onEdit     |                    | installable       |
 * |                          | enabled in the file |                    |                    | triggers,         |
 * |                          |                     |                    |                    | onInstall,        |
 * |                          |                     |                    |                    | google.script.run |
 * | Access to user data      | locale only         | locale only        | locale only        | yes               |
 * | Access to the document   | no                  | yes                | yes, read-only     | yes               |
 * | Access to user interface | add menu items      | add menu items     | no                 | yes               |
 * | Access to Properties     | no                  | yes                | yes                | yes               |
 * | Access to Jdbc, UrlFetch | no                  | no                 | yes                | yes               |
 * | Other services           | Logger, Utilities   | any that don't     | any that don't     | all services      |
 * |                          |                     | access user data   | access user data   |                   |
 *
 * The same page: in NONE "permissions fail and other calls, such as filling in menus, stop", and its troubleshooting
 * steps keep only `.getUi`, `.createMenu`, `.addItem` and `.addToUi` in such an onOpen; "Add-ons can't open sidebars
 * or dialogs while executing in AuthMode.LIMITED". The triggers guide says the same of simple triggers
 * (developers.google.com/apps-script/guides/triggers#restrictions): "They cannot access services that require
 * authorization", "They can modify the file they are bound to, but cannot access other files", "They may or may not
 * be able to determine the identity of the current user".
 *
 * Not emulated: CUSTOM_FUNCTION's read-only document and its lack of menus (the runtime runs no custom functions).
 * Whether a bound script's simple trigger may show an alert, which the table (written for add-ons) does not allow in
 * LIMITED, is [UNCONFIRMED]: refusing it is the stricter choice.
 */
export const AUTH_MODE_REACH: Readonly<Record<AuthModeName, ReadonlySet<Reach>>> = {
  NONE: new Set<Reach>(),
  LIMITED: new Set<Reach>(["document", "identity", "service"]),
  CUSTOM_FUNCTION: new Set<Reach>(["document", "identity", "network", "service"]),
  FULL: new Set<Reach>(["document", "identity", "interface", "network", "service", "userData"]),
};

/** What one scope reaches. The full spreadsheets scope opens other files, which only FULL allows. */
function scopeReach(scope: string): Reach {
  switch (scope) {
    case SCOPES.spreadsheetsCurrentOnly:
      return "document";
    case SCOPES.userinfoEmail:
      return "identity";
    case SCOPES.containerUi:
      return "interface";
    case SCOPES.externalRequest:
      return "network";
    default:
      return "userData";
  }
}

/** What a call reaches: its `reach`, else what its scopes reach, else "service" when it needs authorization. */
export function reachOf(options: CallOptions): Reach[] {
  if (options.reach) return [options.reach];
  if (options.scopes) return options.scopes.map(scopeReach);
  return options.needsAuth ? ["service"] : [];
}

/** Whether `mode` lets a call through: it needs no authorization, or one of the things it reaches is allowed. */
export function allowedIn(mode: AuthModeName, options: CallOptions): boolean {
  const reaches = reachOf(options);
  return reaches.length === 0 || reaches.some((reach) => AUTH_MODE_REACH[mode].has(reach));
}
