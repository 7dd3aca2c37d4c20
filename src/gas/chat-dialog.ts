/** Opens the Reminder channels dialog (admins only) in the table's language. */

import { CHAT_PLATFORMS } from "../core/chat-channels";
import { startAdminAction } from "./admin-action";

/** Shows the dialog built from src/ui/chat-channels (dist/ChatChannels.html); everyone but an admin is told it is theirs. */
export function showChannelsDialog(): void {
  const action = startAdminAction("chat.dialog.title", "chat.adminsOnly");
  if (!action) return;
  const { t, language, ui } = action;
  const template = HtmlService.createTemplateFromFile("ChatChannels");
  template.lang = language === "zh" ? "zh-CN" : "en";
  template.intro = t("chat.dialog.intro");
  template.platforms = CHAT_PLATFORMS.map((platform) => ({ value: platform, label: t(`chat.platform.${platform}`) }));
  template.labels = {
    platform: t("chat.field.platform"),
    label: t("chat.field.label"),
    url: t("chat.field.url"),
    secret: t("chat.field.secret"),
    secretHint: t("chat.dialog.secretHint"),
    add: t("chat.dialog.add"),
    remove: t("chat.dialog.remove"),
    test: t("chat.dialog.test"),
    close: t("chat.dialog.close"),
    empty: t("chat.dialog.empty"),
    signed: t("chat.dialog.signed"),
  };
  ui.showModalDialog(template.evaluate().setWidth(520).setHeight(560), t("chat.dialog.title"));
}
