/** What a status or next-step word means, in both languages: won, lost, vague (not a stage, not an action) or a stage name; adoption, Sync, Settings and the sidebar ask this module. */

import type { StageKind } from "./settings";
import { toHalfWidth } from "./text";

/** What a status word says before Settings is asked: a won or lost outcome, a vague word, or an ordinary stage name. */
export type StageWord = "won" | "lost" | "vague" | "stage";

/**
 * A word reduced for comparison: half-width, lower-cased, only letters and digits kept, so "Closed - Won",
 * "closed won" and "ＣＬＯＳＥＤ ＷＯＮ" are one word, and "跟进中…" or "TBD?" are "跟进中" and "tbd".
 */
function wordKey(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Statuses that mean the deal was won (the article's 成交 / 签约完成, a CRM's Closed Won). */
const WON_WORDS = [
  "成交",
  "已成交",
  "签约完成",
  "已签约",
  "签约成功",
  "赢单",
  "已赢单",
  "签单",
  "已签单",
  "成单",
  "已成单",
  "won",
  "closed won",
  "deal won",
  "signed",
];

/** Statuses that mean the deal was lost (丢单 / 输单 / 已流失, a CRM's Closed Lost). */
const LOST_WORDS = [
  "丢单",
  "已丢单",
  "输单",
  "已输单",
  "流失",
  "已流失",
  "客户流失",
  "放弃",
  "已放弃",
  "失败",
  "lost",
  "closed lost",
  "deal lost",
  "dead",
];

/**
 * Statuses that say nothing about where the customer stands — the "流水账" the article warns against ("销售只写'跟进中'").
 * They are never made stages: a row holding one stays an open follow-up and is listed for cleanup.
 */
const VAGUE_STAGE_WORDS = [
  "跟进中",
  "继续跟进",
  "持续跟进",
  "跟进",
  "待定",
  "未定",
  "联系中",
  "沟通中",
  "再说",
  "考虑中",
  "观望",
  "观望中",
  "进行中",
  "处理中",
  "保持联系",
  "其他",
  "in progress",
  "following up",
  "follow up",
  "ongoing",
  "tbd",
  "tbc",
  "pending",
  "open",
  "active",
  "working",
  "wip",
  "considering",
  "other",
];

/** Next steps that name no action ("不能只写'继续跟进'，而应写出具体行动方案"), once dates and times are set aside. */
const VAGUE_STEP_WORDS = [
  "继续跟进",
  "持续跟进",
  "跟进",
  "再跟进",
  "后续跟进",
  "跟进中",
  "待跟进",
  "再联系",
  "继续联系",
  "保持联系",
  "联系",
  "再说",
  "下次再说",
  "待定",
  "等通知",
  "等消息",
  "看情况",
  "follow up",
  "follow up later",
  "keep following up",
  "keep in touch",
  "stay in touch",
  "check in",
  "touch base",
  "contact again",
  "reach out",
  "tbd",
  "pending",
  "later",
];

const BY_KEY = new Map<string, StageWord>([
  ...VAGUE_STAGE_WORDS.map((w): [string, StageWord] => [wordKey(w), "vague"]),
  ...WON_WORDS.map((w): [string, StageWord] => [wordKey(w), "won"]),
  ...LOST_WORDS.map((w): [string, StageWord] => [wordKey(w), "lost"]),
]);

const VAGUE_STEPS = new Set(VAGUE_STEP_WORDS.map(wordKey));

/** What a status means: won, lost, vague, or "stage" for any other name (blank is a stage name too: missing, not vague). */
export function stageWordOf(status: string): StageWord {
  return BY_KEY.get(wordKey(status)) ?? "stage";
}

/** A status that says nothing concrete (跟进中, 待定, in progress, TBD …): never a stage, listed for cleanup. */
export function isVagueStage(status: string): boolean {
  return stageWordOf(status) === "vague";
}

/** The kind a stage found in a team's table gets in Settings: won or lost when its word says so, else open. */
export function kindOfNewStage(name: string): StageKind {
  const word = stageWordOf(name);
  return word === "won" || word === "lost" ? word : "open";
}

/** Dates and times inside a next step ("6/20", "2024-06-20", "6月20日", "周一", "下周", "明天", "Monday", "next week"). */
const WHEN_WORDS =
  /\d{1,4}\s*[/\-.年月]\s*\d{1,2}(?:\s*[/\-.月]\s*\d{1,4})?\s*[日号]?|\d{1,2}\s*[日号]|(?:下+|本|这|上)?(?:周|星期|礼拜)[一二三四五六日天]?|今天|明天|后天|月底|月初|上午|下午|晚上|\b(?:today|tomorrow|next|this|week|month|on|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/giu;

/**
 * A next step that names no concrete action ("继续跟进", "6/20再联系", "follow up next week"): what remains once the
 * dates and times in it are set aside is one of the vague words. An empty step is missing, not vague.
 */
export function isVagueNextStep(step: string): boolean {
  if (step.trim() === "") return false;
  return VAGUE_STEPS.has(wordKey(step.replace(WHEN_WORDS, " ")));
}
