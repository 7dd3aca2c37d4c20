/** The review's money and funnel: each customer's amount, the open pipeline weighted by stage, and the funnel of customers per stage with the conversion between consecutive stages. */

import { translator } from "../i18n/translate";
import { type Agenda, asSyncOrders, isNewer } from "./due";
import type { FollowUp } from "./follow-ups";
import type { Language } from "./language";
import type { ReviewBlock } from "./review-block";
import { listedStage, type Settings, type StageKind, stageKindOf, stageNameIn, winProbabilityOf } from "./settings";

/**
 * Each customer's amount: the amount of its newest row that has one (a rep types the figure once; it stands until a
 * later row gives another). Customers without any amount are absent.
 */
export function customerAmounts(followUps: readonly FollowUp[]): Map<string, number> {
  const newest = new Map<string, FollowUp>();
  for (const f of asSyncOrders(followUps)) {
    if (f.customerKey === "" || f.amount === null) continue;
    const known = newest.get(f.customerKey);
    if (!known || isNewer(f, known)) newest.set(f.customerKey, f);
  }
  return new Map([...newest].map(([key, f]) => [key, f.amount as number]));
}

/** One customer of the open pipeline. */
export interface PipelineEntry {
  /** The customer's latest row (./due's rule). */
  latest: FollowUp;
  /** Its amount, 0 when none was typed. */
  amount: number;
  /** The amount × its stage's win probability (Settings). */
  weighted: number;
}

/** The open pipeline of customers whose latest row is `latest`: those at an open stage, each weighted by its stage. */
export function pipelineOf(
  latest: Iterable<FollowUp>,
  amounts: ReadonlyMap<string, number>,
  settings: Settings,
): PipelineEntry[] {
  const entries: PipelineEntry[] = [];
  for (const f of latest) {
    if (stageKindOf(settings, f.stage) !== "open") continue;
    const amount = amounts.get(f.customerKey) ?? 0;
    entries.push({ latest: f, amount, weighted: amount * winProbabilityOf(settings, f.stage) });
  }
  return entries;
}

/** The sum of `values`. */
export function total(values: Iterable<number>): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

/** One stage of the funnel, in Settings order. */
export interface FunnelLine {
  /** As Settings names it. */
  stage: string;
  kind: StageKind;
  /** Customers whose current stage (latest row) it is. */
  customers: number;
  /** Customers who reached it (see `funnelOf`); null for a lost stage. */
  reached: number | null;
  /** Of an open stage: the share of those who reached it that reached the next step; null when none reached it. */
  conversion: number | null;
  /** Of an open stage: the amounts of its customers, their stage's win probability and the weighted sum. */
  amount: number | null;
  winProbability: number | null;
  weighted: number | null;
}

export interface Funnel {
  lines: FunnelLine[];
  /** Customers at a stage Settings lists. */
  customers: number;
  /** The open pipeline: amounts and weighted amounts of customers at open stages. */
  amount: number;
  weighted: number;
}

/**
 * The funnel as of now, over every customer (rows with a date and a customer, as in the rest of the review; the
 * current stage is the customer's latest row, ./due's rule). A customer REACHED an open stage when the furthest
 * stage any of its rows was logged at is that stage or a later one in Settings' order of open stages, every won stage
 * counting as past the last open one (a customer first logged at 已报价 has passed 新线索; a lost customer reached the
 * furthest open stage it was logged at). It reached a won stage when one of its rows is at that stage. The conversion
 * of an open stage is the share of the customers who reached it that reached the next open stage (after the last
 * one: any won stage); so it never exceeds 100%. Stages Settings does not list count nowhere.
 */
export function funnelOf(followUps: readonly FollowUp[], agenda: Agenda): Funnel {
  const { settings } = agenda;
  const open = settings.stages.filter((s) => s.kind === "open");
  const furthest = new Map<string, number>();
  const wonAt = new Map<string, Set<string>>();
  const readable = followUps.filter((f) => f.date !== null && f.customerKey !== "");
  for (const f of readable) {
    const stage = listedStage(settings, f.stage);
    if (stage === undefined || stage.kind === "lost") continue;
    // Open stages rank by their order; every won stage ranks past the last open one.
    const rank = stage.kind === "won" ? open.length : open.indexOf(stage);
    furthest.set(f.customerKey, Math.max(rank, furthest.get(f.customerKey) ?? -1));
    if (stage.kind === "won") wonAt.set(stage.name, (wonAt.get(stage.name) ?? new Set()).add(f.customerKey));
  }
  const reachedRank = (rank: number) => [...furthest.values()].filter((r) => r >= rank).length;
  const current = new Map<string, FollowUp[]>();
  for (const f of agenda.latest.values()) {
    const stage = listedStage(settings, f.stage);
    if (stage === undefined || f.date === null) continue;
    const here = current.get(stage.name) ?? [];
    here.push(f);
    current.set(stage.name, here);
  }
  const amounts = customerAmounts(readable);
  const lines = settings.stages.map((stage): FunnelLine => {
    const here = current.get(stage.name) ?? [];
    const base = { stage: stage.name, kind: stage.kind, customers: here.length };
    if (stage.kind !== "open") {
      const reached = stage.kind === "won" ? (wonAt.get(stage.name)?.size ?? 0) : null;
      return { ...base, reached, conversion: null, amount: null, winProbability: null, weighted: null };
    }
    const rank = open.indexOf(stage);
    const reached = reachedRank(rank);
    const pipeline = pipelineOf(here, amounts, settings);
    return {
      ...base,
      reached,
      conversion: reached === 0 ? null : reachedRank(rank + 1) / reached,
      amount: total(pipeline.map((p) => p.amount)),
      winProbability: winProbabilityOf(settings, stage.name),
      weighted: total(pipeline.map((p) => p.weighted)),
    };
  });
  return {
    lines,
    customers: total(lines.map((l) => l.customers)),
    amount: total(lines.map((l) => l.amount ?? 0)),
    weighted: total(lines.map((l) => l.weighted ?? 0)),
  };
}

/** The funnel's columns, in order. */
export const FUNNEL_COLUMNS = [
  "stage",
  "customers",
  "reached",
  "conversion",
  "amount",
  "winProbability",
  "weighted",
] as const;

/**
 * The funnel block of the review sheet in `language` (stage names too): a title, a header, one line per Settings stage,
 * the total, and what "reached" and the conversion mean. Conversion and probability show as percentages, amounts as money.
 */
export function funnelBlock(funnel: Funnel, settings: Settings, language: Language): ReviewBlock {
  const t = translator(language);
  const lines = funnel.lines.map((line) => [
    stageNameIn(settings, line.stage, language),
    line.customers,
    line.reached ?? "",
    line.conversion ?? "",
    line.amount ?? "",
    line.winProbability ?? "",
    line.weighted ?? "",
  ]);
  const width = FUNNEL_COLUMNS.length;
  const pad = (cells: (string | number)[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  const body = 2;
  const height = lines.length + 1;
  return {
    grid: [
      pad([t("review.funnel.title")]),
      FUNNEL_COLUMNS.map((column) => t(`review.funnel.${column}`)),
      ...lines,
      [t("review.funnel.total"), funnel.customers, "", "", funnel.amount, "", funnel.weighted],
      pad([t("review.funnel.definition")]),
    ],
    formats: [
      { row: body, column: 3, height, width: 1, format: "percent" },
      { row: body, column: 4, height, width: 1, format: "money" },
      { row: body, column: 5, height, width: 1, format: "percent" },
      { row: body, column: 6, height, width: 1, format: "money" },
    ],
  };
}
