/** The Apps Script entry points: every export here becomes a top-level global function of dist/Code.js, and nothing else does. */

import * as commands from "./gas/commands";
import { showHelpSidebar } from "./gas/help";
import { addAddonMenu } from "./gas/menu";

/** Simple trigger: runs on open in AuthMode.NONE, LIMITED or FULL; must only build the menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addAddonMenu();
}

/** Runs once when the add-on is installed (AuthMode.FULL): the menu, and nothing that needs the document yet. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: Set up / adopt table. */
export function setUpTable(): void {
  commands.setUpOrAdopt();
}

/** Menu: Sync & repair. */
export function syncTable(): void {
  commands.syncAndRepair();
}

/** Menu: Settings. */
export function openSettings(): void {
  commands.openSettings();
}

/** Menu: Help. */
export function showHelp(): void {
  showHelpSidebar();
}
