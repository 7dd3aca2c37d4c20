/** The appsscript.json pushed with the probes: their zone and runtime, the Apps Script API access `clasp run-function` needs, and the OAuth scopes their services need, read from the sources so a new probe brings its own. */

import { PROBE_MANIFEST } from "./probe-runner";

/** What the live runner pushes as appsscript.json. */
export interface LiveManifest {
  timeZone: string;
  runtimeVersion: string;
  exceptionLogging: "STACKDRIVER";
  /** Only the owner may call the functions through the Apps Script API (developers.google.com/apps-script/manifest#executionapi). */
  executionApi: { access: "MYSELF" };
  oauthScopes: string[];
}

/**
 * The scope each service needs, from the "Authorization" section of its reference page (developers.google.com/
 * apps-script/reference/…). CacheService, LockService, PropertiesService, Utilities, Logger and console list none.
 * A service is detected by its name in the source: a name in a comment only adds a scope, never drops one.
 */
const SCOPES_BY_USE: readonly { use: RegExp; scope: string }[] = [
  // spreadsheet/spreadsheet-app#openById(String)
  { use: /\bSpreadsheetApp\b/, scope: "https://www.googleapis.com/auth/spreadsheets" },
  // base/session#getActiveUser(), #getEffectiveUser()
  { use: /\bSession\.get(Active|Effective)User\b/, scope: "https://www.googleapis.com/auth/userinfo.email" },
  // script/script-app#newTrigger(String), #getProjectTriggers()
  { use: /\bScriptApp\b/, scope: "https://www.googleapis.com/auth/script.scriptapp" },
  // mail/mail-app#sendEmail(String,String,String)
  { use: /\bMailApp\b/, scope: "https://www.googleapis.com/auth/script.send_mail" },
  // url-fetch/url-fetch-app#fetch(String)
  { use: /\bUrlFetchApp\b/, scope: "https://www.googleapis.com/auth/script.external_request" },
  // base/ui (SpreadsheetApp.getUi), html/html-service shown in a dialog or sidebar
  { use: /\bgetUi\b|\bHtmlService\b/, scope: "https://www.googleapis.com/auth/script.container.ui" },
  // drive/drive-app
  { use: /\bDriveApp\b/, scope: "https://www.googleapis.com/auth/drive" },
];

/** The scopes the given sources need, sorted (the Apps Script API token must cover every one: api/how-tos/execute). */
export function scopesFor(sources: readonly string[]): string[] {
  const scopes = SCOPES_BY_USE.filter(({ use }) => sources.some((source) => use.test(source))).map((s) => s.scope);
  return [...new Set(scopes)].sort();
}

export function liveManifest(sources: readonly string[]): LiveManifest {
  return {
    ...PROBE_MANIFEST,
    exceptionLogging: "STACKDRIVER",
    executionApi: { access: "MYSELF" },
    oauthScopes: scopesFor(sources),
  };
}
