/** The add-on menu as data: each item's message key and the global function it runs. */

import type { MessageKey } from "../i18n/messages";

/** One entry of the add-on menu; `handler` names a global function exported by src/main.ts. */
export interface MenuEntry {
  readonly label: MessageKey;
  readonly handler: string;
}

/** The add-on menu, top to bottom. Items of features still to come are added with them, never as stubs. */
export const ADDON_MENU: readonly MenuEntry[] = [
  { label: "menu.setup", handler: "setUpTable" },
  { label: "menu.log", handler: "showLogSidebar" },
  { label: "menu.due", handler: "showDueSidebar" },
  { label: "menu.sync", handler: "syncTable" },
  { label: "menu.reminders", handler: "toggleReminders" },
  { label: "menu.chat", handler: "showReminderChannels" },
  { label: "menu.review", handler: "buildReview" },
  { label: "menu.release", handler: "releaseStaleCustomers" },
  { label: "menu.archive", handler: "archiveClosedCustomers" },
  { label: "menu.settings", handler: "openSettings" },
  { label: "menu.help", handler: "showHelp" },
];
