/** Adds the add-on menu to the spreadsheet UI; works in every auth mode because it touches only the UI and the user's locale. */

import { languageFromLocale } from "../core/language";
import { ADDON_MENU } from "../core/menu";
import { translator } from "../i18n/translate";

/**
 * Builds the menu under Extensions. In AuthMode.NONE the document and PropertiesService are off limits
 * (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle), so the language comes from
 * the user's locale only; a language chosen in Settings takes over once the add-on is enabled.
 */
export function addAddonMenu(): void {
  const t = translator(languageFromLocale(Session.getActiveUserLocale()));
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of ADDON_MENU) menu.addItem(t(entry.label), entry.handler);
  menu.addToUi();
}
