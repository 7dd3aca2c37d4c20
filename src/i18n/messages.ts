/** Every user-visible string of the add-on, in zh-CN and English, from one key set the compiler checks. */

/** Simplified Chinese: the reference key set. */
export const zh = {
  "app.name": "跟进表助手",
  "menu.help": "帮助",
  "help.title": "跟进表助手 · 帮助",
  "help.intro": "把团队共享的销售跟进表变成可管理的系统：规范录入、逾期提醒、每周复盘。",
  "help.step.setup": "「设置/接管跟进表」：新建跟进表，或接管团队现有的表格，不丢任何数据。",
  "help.step.log": "「记录跟进」：在侧边栏按“客户需求 → 跟进内容 → 下一步计划”三段式录入。",
  "help.step.remind": "「提醒开关」：每位负责人每天最多收到一封跟进提醒邮件。",
  "help.step.review": "「生成周报」：按人、按阶段、按方式的数据透视表和关键指标。",
  "help.close": "关闭",
} as const;

/** A message key. */
export type MessageKey = keyof typeof zh;

/** English: must define every key (the type makes a missing key a compile error). */
export const en: Record<MessageKey, string> = {
  "app.name": "Follow-up Tracker",
  "menu.help": "Help",
  "help.title": "Follow-up Tracker · Help",
  "help.intro":
    "Turns your team's shared follow-up sheet into a managed system: complete entries, overdue reminders, weekly review.",
  "help.step.setup":
    "“Set up / adopt table”: create a new table, or adopt your team's existing sheet without losing a cell.",
  "help.step.log": "“Log a follow-up”: a sidebar form in three parts: customer need → what we did → next step.",
  "help.step.remind": "“Reminders on/off”: each owner gets at most one reminder email a day.",
  "help.step.review": "“Build weekly review”: pivot tables by rep, stage and method, with the key figures.",
  "help.close": "Close",
};
