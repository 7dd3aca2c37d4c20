/** Opens the Help sidebar in the user's language. */

import { languageFromLocale } from "../core/language";
import { translator } from "../i18n/translate";

/** Shows the Help sidebar (built from src/ui/help into dist/Help.html). */
export function showHelpSidebar(): void {
  const language = languageFromLocale(Session.getActiveUserLocale());
  const t = translator(language);
  const template = HtmlService.createTemplateFromFile("Help");
  template.lang = language === "zh" ? "zh-CN" : "en";
  template.title = t("help.title");
  template.intro = t("help.intro");
  template.steps = [
    t("help.step.setup"),
    t("help.step.log"),
    t("help.step.remind"),
    t("help.step.review"),
    t("help.step.pool"),
    t("help.step.archive"),
  ];
  template.close = t("help.close");
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(t("help.title")));
}
