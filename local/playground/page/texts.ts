/** The playground page's own words (buttons, headings, labels, status lines) in English and Chinese, and the reader's choice between them, remembered in localStorage; the add-on's content stays in the spreadsheet's language. */

export type PageLanguage = "en" | "zh";

const en = {
  title: "Follow-up Tracker · playground",
  product: "Follow-up Tracker",
  heading: "playground",
  menu: "Extensions › Follow-up Tracker",
  clock: "Clock",
  clockText: "Simulated time",
  clockInput: "Set date and time",
  clockSet: "Set",
  clockHour: "+1 hour",
  clockDay: "+1 day",
  reset: "Reset",
  resetHint: "Forget every action and start again from the demo",
  resetConfirm: "Forget everything done in the playground and start again from the demo?",
  resetDone: "Started again from the demo.",
  workbook: "Workbook",
  gridHint: "Double-click a cell to type into it; click a checkbox to tick it",
  sheets: "Sheets",
  hiddenSheet: "{0} (hidden)",
  rules: "Conditional formatting",
  sidebar: "Sidebar",
  sidebarFrame: "Add-on sidebar",
  noSidebar: "No sidebar open — use the menu",
  outbox: "Outbox",
  triggerRuns: "Trigger runs",
  noMail: "No email sent yet. Reminders go out at 8:00 — move the clock.",
  mailMeta: "From {0} to {1} · {2}",
  mailHtml: "Email as HTML",
  dialogAnswer: "Answer",
  OK: "OK",
  CANCEL: "Cancel",
  YES: "Yes",
  NO: "No",
  CLOSE: "Close",
  menuRunning: "{0}…",
  menuDone: "{0}: done.",
  menuFailed: "{0}: {1}",
  cellLabel: "Cell {0} row {1} column {2}",
  edited: "Edited {0}; {1}.",
  noTrigger: "no trigger fired",
  triggers: "triggers: {0}",
  clockNoRun: "Clock moved; no trigger was due.",
  clockRuns: "Clock moved; {0} trigger run(s), {1} failed; the latest: {2}.",
  runAt: "{0} at {1} {2}",
  posts: "Group chat posts",
  noPosts: "No group post yet. The demo's WeCom group gets one post each reminder day after 8:00 — move the clock.",
  postWhen: "{0} · {1}",
  wecom: "WeCom",
  dingtalk: "DingTalk",
  feishu: "Feishu / Lark",
  googleChat: "Google Chat",
};

type PageTexts = typeof en;
export type TextKey = keyof PageTexts;

const zh: PageTexts = {
  title: "跟进表助手 · 试用场",
  product: "跟进表助手",
  heading: "试用场",
  menu: "扩展程序 › 跟进表助手",
  clock: "时钟",
  clockText: "模拟时间",
  clockInput: "设置日期和时间",
  clockSet: "设置",
  clockHour: "+1 小时",
  clockDay: "+1 天",
  reset: "重置",
  resetHint: "忘掉所有操作，从演示数据重新开始",
  resetConfirm: "忘掉在试用场里做过的一切，从演示数据重新开始？",
  resetDone: "已从演示数据重新开始。",
  workbook: "工作簿",
  gridHint: "双击单元格即可输入；单击复选框即可勾选",
  sheets: "工作表",
  hiddenSheet: "{0}（隐藏）",
  rules: "条件格式",
  sidebar: "边栏",
  sidebarFrame: "插件边栏",
  noSidebar: "没有打开的边栏——请使用菜单",
  outbox: "发件箱",
  triggerRuns: "触发器运行",
  noMail: "还没有发出邮件。提醒在 8:00 发出——拨动时钟试试。",
  mailMeta: "发件人 {0}，收件人 {1} · {2}",
  mailHtml: "邮件（HTML）",
  dialogAnswer: "回答",
  OK: "确定",
  CANCEL: "取消",
  YES: "是",
  NO: "否",
  CLOSE: "关闭",
  menuRunning: "{0}…",
  menuDone: "{0}：完成。",
  menuFailed: "{0}：{1}",
  cellLabel: "单元格 {0} 第 {1} 行第 {2} 列",
  edited: "已编辑 {0}；{1}。",
  noTrigger: "没有触发器运行",
  triggers: "触发器：{0}",
  clockNoRun: "时钟已拨动；没有到期的触发器。",
  clockRuns: "时钟已拨动；触发器运行 {0} 次，失败 {1} 次；最近一次：{2}。",
  runAt: "{0} 于 {1} {2}",
  posts: "群消息",
  noPosts: "还没有群消息。演示的企业微信群在每个提醒日 8:00 后收到一条——拨动时钟试试。",
  postWhen: "{0} · {1}",
  wecom: "企业微信",
  dingtalk: "钉钉",
  feishu: "飞书",
  googleChat: "Google Chat",
};

const TEXTS: Record<PageLanguage, PageTexts> = { en, zh };
const STORAGE_KEY = "followUpTracker.playground.language";

/** The reader's choice if they made one here, else their browser's language (Chinese for zh-*, English otherwise). */
function initialLanguage(): PageLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "zh") return stored;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

let language: PageLanguage = initialLanguage();

export function pageLanguage(): PageLanguage {
  return language;
}

/** Switches the page's language and remembers it for the next visit. */
export function choosePageLanguage(chosen: PageLanguage): void {
  language = chosen;
  localStorage.setItem(STORAGE_KEY, chosen);
  applyTexts();
}

/** The text for `key` in the page's language, with {0}, {1}… replaced by `values`. */
export function t(key: TextKey, ...values: (string | number)[]): string {
  return TEXTS[language][key].replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)] ?? ""));
}

/**
 * Writes the page's static words in its language: an element's text (data-text), title (data-title) and aria-label
 * (data-label) name the key.
 */
export function applyTexts(): void {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  for (const element of document.querySelectorAll<HTMLElement>("[data-text]")) {
    element.textContent = t(element.dataset.text as TextKey);
  }
  for (const element of document.querySelectorAll<HTMLElement>("[data-title]")) {
    element.title = t(element.dataset.title as TextKey);
  }
  for (const element of document.querySelectorAll<HTMLElement>("[data-label]")) {
    element.setAttribute("aria-label", t(element.dataset.label as TextKey));
  }
}
