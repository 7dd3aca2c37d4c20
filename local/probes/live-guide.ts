/** What the live runner tells a maintainer: the one-time setup when clasp has no usable login, the link to make after it creates the scratch script, and what to check when Google refuses a call. */

import type { LiveState } from "./live-workspace";
import { WORKSPACE } from "./live-workspace";

const DOCS = "docs/probes.md";

/** clasp's default scopes (to create, push, deploy) plus every scope the pushed probes declare (to run them). */
export function loginCommand(scopes: readonly string[], user?: string): string {
  const named = user ? ` --user ${user}` : "";
  return `npx clasp login${named} --creds <your client_secret.json> --extra-scopes ${scopes.join(",")}`;
}

export function setupGuide(reason: string, scopes: readonly string[], user?: string): string[] {
  return [
    `probes:live: ${reason}, so nothing ran on Google. One-time setup (${DOCS} says more):`,
    "  1. Turn on the Google Apps Script API for your account: https://script.google.com/home/usersettings",
    "  2. In a Google Cloud project (https://console.cloud.google.com/): enable the Apps Script API, set up the OAuth",
    "     consent screen (you as a test user), create an OAuth client ID of type Desktop app and download its JSON.",
    `  3. Log in with that client and the probes' scopes: ${loginCommand(scopes, user)}`,
    "  4. Run `npm run probes:live` again: it creates the scratch spreadsheet and script, then says what to link.",
  ];
}

function settingsUrl(state: LiveState): string {
  return `https://script.google.com/home/projects/${state.scriptId}/settings`;
}

export function createdGuide(state: LiveState): string[] {
  return [
    `probes:live: created the scratch spreadsheet https://docs.google.com/spreadsheets/d/${state.spreadsheetId}/edit`,
    `  and its script https://script.google.com/d/${state.scriptId}/edit (remembered in ${WORKSPACE}/state.json).`,
    `  Once, before Google runs anything: open ${settingsUrl(state)}, "Google Cloud Platform (GCP) Project",`,
    "  Change project, and enter the project number of the Cloud project your OAuth client belongs to.",
  ];
}

export function refusalGuide(
  error: string,
  state: LiveState | null,
  scopes: readonly string[],
  user?: string,
): string[] {
  const project = state ? `: ${settingsUrl(state)}, "Google Cloud Platform (GCP) Project"` : "";
  return [
    `probes:live: Google refused: ${error}`,
    "  Check, then run `npm run probes:live` again:",
    `  - the script uses the Cloud project your OAuth client belongs to${project};`,
    "  - the Apps Script API is enabled in that Cloud project, and for your account at https://script.google.com/home/usersettings;",
    `  - your login covers the probes' scopes (a new probe may add one): ${loginCommand(scopes, user)}`,
    `  - to start again with a new spreadsheet and script, delete ${WORKSPACE}/.`,
  ];
}
