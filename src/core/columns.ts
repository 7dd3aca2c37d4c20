/**
 * The column registry of the Follow-ups sheet: per column its key, headers in both languages, the aliases adoption
 * recognises, its kind and what the add-on needs; the kinds give the FollowUp's fields, their reading, the save's
 * writing, the number format and the validation, so adding a column is one entry here.
 */

import type { Day } from "./dates";
import type { Language } from "./language";

/**
 * What a follow-up holds for a column of each kind; the kinds themselves are its keys. A kind is also how the
 * column's cells are read (./follow-ups), written by a save (./save-plan), formatted and validated (../gas).
 */
export interface ColumnValues {
  /** The add-on's record id. */
  id: string;
  /** Free text, trimmed. */
  text: string;
  /** A date column's day (./dates reads typed ones); null when blank or unreadable (reported). */
  date: Day | null;
  /** The add-on's logged-at stamp, epoch ms. */
  timestamp: number | null;
  /** A stage of the Settings list, as the sheet's formula reads it (only spaces trimmed). */
  stage: string;
  /** A method of the Settings list. */
  method: string;
  /** A member of the Team sheet. */
  owner: string;
  /** A lead source of the Settings list. */
  source: string;
  /** The intent grade as typed (1–5, or the team's own grades). */
  score: string;
  /** The done cell means done (./due's `doneMarkOf`; a value that means nothing is reported and counts as not done). */
  done: boolean;
  /** The add-on's "superseded" cell holds TRUE (what the sheet shows; ./due's rule decides what it should be). */
  superseded: boolean;
  /** An amount as a number (./amounts: 12万, ¥30,000 …); null when blank or not an amount (reported). */
  amount: number | null;
}

/** How a column's cells are read, written, validated and formatted. */
export type ColumnKind = keyof ColumnValues;

/**
 * Whose cells a column holds. "team": what people type (in an adopted table, the team's own column); the add-on
 * writes such a cell only in a row it appends. "addOn": the add-on's own data (ids, stamps, the superseded mark),
 * always in a column it added itself, never in one of the team's.
 */
export type ColumnOwner = "team" | "addOn";

export interface ColumnSpec<Key extends string = ColumnKey> {
  readonly key: Key;
  readonly header: Readonly<Record<Language, string>>;
  /** Other header texts teams use for this column (compared after `normalizeHeader`). */
  readonly aliases: readonly string[];
  readonly kind: ColumnKind;
  readonly owner: ColumnOwner;
  /** Adoption appends the column when the team's table lacks it: the add-on cannot work without it. */
  readonly needed: boolean;
  /** Default width in pixels. */
  readonly width: number;
  /** The FollowUp field holding the column, when not named as its key. */
  readonly field?: string;
}

/** The columns as declared, each with its literal key, kind and field, from which the types below derive. */
const DECLARED = [
  {
    key: "id",
    header: { zh: "记录编号", en: "ID" },
    // Never matched to a team's column: a team's own IDs (编号, ID, 序号 …) stay theirs; the add-on's ids are its own.
    aliases: [],
    owner: "addOn",
    kind: "id",
    needed: true,
    width: 90,
  },
  {
    key: "customer",
    header: { zh: "客户名称", en: "Customer" },
    aliases: [
      "客户",
      "客户名",
      "客户全称",
      "公司名称",
      "公司",
      "客户公司",
      "企业名称",
      "单位名称",
      "company",
      "company name",
      "account",
      "account name",
      "client",
      "customer name",
    ],
    owner: "team",
    kind: "text",
    needed: true,
    width: 160,
  },
  {
    key: "contact",
    header: { zh: "联系人", en: "Contact" },
    aliases: ["客户联系人", "对接人", "contact person", "contact name"],
    owner: "team",
    kind: "text",
    needed: false,
    width: 90,
  },
  {
    key: "contactInfo",
    header: { zh: "联系方式", en: "Phone / email / WeChat" },
    aliases: [
      "电话",
      "手机",
      "手机号",
      "联系电话",
      "邮箱",
      "微信",
      "phone",
      "email",
      "wechat",
      "mobile",
      "contact info",
    ],
    owner: "team",
    kind: "text",
    needed: false,
    width: 140,
  },
  {
    key: "date",
    header: { zh: "跟进时间", en: "Follow-up date" },
    // 跟进日期 / 回访日期 / Follow-up date … are decided by context (header-detection.ts, resolveFollowUpDates).
    aliases: [
      "日期",
      "时间",
      "拜访时间",
      "拜访日期",
      "联系时间",
      "联系日期",
      "沟通时间",
      "沟通日期",
      "记录日期",
      "date",
      "contact date",
      "last contact",
      "last contacted",
      "date contacted",
      "call date",
      "activity date",
      "visit date",
      "meeting date",
    ],
    owner: "team",
    kind: "date",
    needed: true,
    width: 110,
  },
  {
    key: "method",
    header: { zh: "跟进方式", en: "Method" },
    aliases: ["方式", "沟通方式", "联系渠道", "channel", "follow up method", "contact method"],
    owner: "team",
    kind: "method",
    needed: true,
    width: 90,
  },
  {
    key: "need",
    header: { zh: "客户需求", en: "Customer need" },
    aliases: ["需求", "客户诉求", "need", "needs", "requirement", "requirements", "pain point"],
    owner: "team",
    kind: "text",
    needed: true,
    width: 200,
  },
  {
    key: "summary",
    header: { zh: "跟进内容", en: "What we did / summary" },
    aliases: [
      "跟进内容摘要",
      "沟通内容",
      "跟进记录",
      "内容",
      "摘要",
      "summary",
      "notes of call",
      "what we did",
      "activity",
    ],
    owner: "team",
    kind: "text",
    needed: true,
    width: 240,
  },
  {
    key: "stage",
    header: { zh: "当前阶段", en: "Stage" },
    aliases: [
      "当前状态",
      "状态",
      "阶段",
      "销售阶段",
      "跟进状态",
      "跟进阶段",
      "客户状态",
      "客户阶段",
      "商机阶段",
      "进展",
      "进度",
      "stage",
      "status",
      "pipeline stage",
      "deal stage",
      "sales stage",
      "opportunity stage",
      "deal status",
      "lead status",
    ],
    owner: "team",
    kind: "stage",
    needed: true,
    width: 100,
  },
  {
    key: "nextStep",
    header: { zh: "下一步计划", en: "Next step" },
    aliases: [
      "下一步",
      "下步计划",
      "后续计划",
      "下一步行动",
      "下一步动作",
      "下一步安排",
      "跟进计划",
      "后续动作",
      "行动计划",
      "待办",
      "next step",
      "next action",
      "next steps",
      "next actions",
      "action items",
      "follow-up action",
      "to do",
    ],
    owner: "team",
    kind: "text",
    needed: true,
    width: 200,
  },
  {
    key: "nextDate",
    header: { zh: "下次跟进日期", en: "Next follow-up date" },
    // Any header starting 下次 / 计划 / Next … and ending 日期 / 时间 / date … is one too (header-detection.ts).
    aliases: [
      "下次跟进",
      "下次跟进时间",
      "下次联系时间",
      "下次联系日期",
      "下次回访",
      "下次回访时间",
      "下次回访日期",
      "计划跟进日期",
      "计划回访日期",
      "跟进计划日期",
      "预约回访时间",
      "计划日期",
      "next follow up",
      "next date",
      "next contact",
      "next contact date",
      "next call",
      "next action date",
      "callback date",
      "due date",
      "follow up by",
      "follow up on",
    ],
    owner: "team",
    kind: "date",
    needed: true,
    width: 120,
  },
  {
    key: "owner",
    header: { zh: "责任人", en: "Owner" },
    aliases: [
      "负责人",
      "销售",
      "跟进人",
      "业务员",
      "销售员",
      "销售代表",
      "跟进销售",
      "所属销售",
      "客户经理",
      "业务负责人",
      "经办人",
      "owner",
      "rep",
      "sales rep",
      "salesperson",
      "sales person",
      "account owner",
      "account manager",
      "sales owner",
      "assigned to",
    ],
    owner: "team",
    kind: "owner",
    needed: true,
    width: 90,
  },
  {
    key: "source",
    header: { zh: "客户来源", en: "Lead source" },
    aliases: ["来源", "线索来源", "渠道", "source", "lead source", "origin"],
    owner: "team",
    kind: "source",
    needed: false,
    width: 110,
  },
  {
    key: "score",
    header: { zh: "意向评分", en: "Intent (1–5)" },
    aliases: ["意向", "意向度", "评分", "intent", "score", "rating", "interest"],
    owner: "team",
    kind: "score",
    needed: false,
    width: 80,
  },
  {
    key: "notes",
    header: { zh: "备注", en: "Notes" },
    aliases: ["备注说明", "附注", "notes", "note", "remarks", "comments"],
    owner: "team",
    kind: "text",
    needed: false,
    width: 160,
  },
  {
    key: "done",
    header: { zh: "已跟进", en: "Next step done" },
    aliases: [
      "已完成",
      "完成",
      "是否完成",
      "完成情况",
      "完成状态",
      "是否跟进",
      "是否已跟进",
      "跟进完成",
      "done",
      "completed",
      "complete",
      "finished",
    ],
    owner: "team",
    kind: "done",
    needed: true,
    width: 80,
  },
  {
    key: "loggedAt",
    header: { zh: "录入时间", en: "Logged at" },
    // The add-on's own stamps; a team's "created at" column stays theirs.
    aliases: [],
    owner: "addOn",
    kind: "timestamp",
    needed: true,
    width: 140,
  },
  {
    key: "superseded",
    header: { zh: "已有新跟进", en: "Superseded" },
    // TRUE when a newer follow-up of the same customer exists (SPEC "Done": superseded), kept by Sync and saves so
    // the sheet's colouring can see it in O(1) per row.
    aliases: [],
    owner: "addOn",
    kind: "superseded",
    needed: true,
    width: 90,
    field: "supersededMark",
  },
  // Money (optional, never appended by adoption; a team that has them gets them read, a new table has them).
  {
    key: "amount",
    header: { zh: "预计金额", en: "Amount" },
    // Read by ./amounts: 12万, 1.5w, ¥30,000 and $12k are amounts.
    aliases: [
      "金额",
      "合同金额",
      "预计合同金额",
      "成交金额",
      "预算",
      "商机金额",
      "订单金额",
      "amount",
      "deal size",
      "deal value",
      "deal amount",
      "value",
      "expected revenue",
      "budget",
    ],
    owner: "team",
    kind: "amount",
    needed: false,
    width: 100,
  },
  {
    key: "expectedClose",
    header: { zh: "预计成交日期", en: "Expected close" },
    aliases: [
      "预计成交时间",
      "预计签约日期",
      "预计签约时间",
      "预计成单日期",
      "计划签约日期",
      "close date",
      "expected close date",
      "expected close",
      "expected closing date",
      "estimated close date",
      "target close date",
    ],
    owner: "team",
    kind: "date",
    needed: false,
    width: 110,
  },
] as const satisfies readonly ColumnSpec<string>[];

/** All columns, in the default order of a new table. */
export const COLUMNS: readonly ColumnSpec[] = DECLARED;

/** A column of the follow-up table, named by what it holds (SPEC.md "The sheets"). */
export type ColumnKey = (typeof DECLARED)[number]["key"];

type DeclaredColumn = (typeof DECLARED)[number];

/** The FollowUp field of a registered column: its `field`, else its key. */
type FieldOf<Column> = Column extends { readonly field: infer Field extends string }
  ? Field
  : Column extends { readonly key: infer Key extends string }
    ? Key
    : never;

/** A follow-up's fields that come from columns, one per registered column, of its kind's value. */
export type ColumnFields = { [Column in DeclaredColumn as FieldOf<Column>]: ColumnValues[Column["kind"]] };

/** The FollowUp field that holds a column (superseded → supersededMark). */
export function fieldOf(spec: ColumnSpec): keyof ColumnFields {
  return (spec.field ?? spec.key) as keyof ColumnFields;
}

/** A value per kind for a column of that kind: how to read one, or what a new row holds in one. */
export type ByKind<Source> = { readonly [Kind in ColumnKind]: (key: ColumnKey, source: Source) => ColumnValues[Kind] };

/** Each column's field, key and kind, in registry order. */
const FIELDS = DECLARED.map((spec) => ({ field: fieldOf(spec), key: spec.key, kind: spec.kind }));

/**
 * Every field, in registry order: each follow-up starts as a copy, so all have one shape, which V8 reads and writes
 * fast (objects grown field by field made reading 100,000 rows about 50% slower).
 */
const SHAPE = Object.fromEntries(FIELDS.map(({ field }) => [field, null]));

/**
 * The column fields of a follow-up in registry order, each from its kind's entry of `byKind` (given `source`), except
 * the fields `given` holds (the columns read by rules of their own).
 */
export function columnFields<Source>(
  byKind: ByKind<Source>,
  source: Source,
  given: Partial<ColumnFields> = {},
): ColumnFields {
  const fields: Record<string, unknown> = { ...SHAPE };
  for (const { field, key, kind } of FIELDS) {
    fields[field] = field in given ? given[field] : byKind[kind](key, source);
  }
  // Every registered column's field is now set, by its kind's function, whose value type ByKind checks.
  return fields as ColumnFields;
}

/** What a follow-up holds for a blank cell of each kind. */
const BLANK: ByKind<unknown> = {
  id: () => "",
  text: () => "",
  date: () => null,
  timestamp: () => null,
  stage: () => "",
  method: () => "",
  owner: () => "",
  source: () => "",
  score: () => "",
  done: () => false,
  superseded: () => false,
  amount: () => null,
};

/** The column fields of a row whose every cell is blank. */
export function blankColumnFields(): ColumnFields {
  return columnFields(BLANK, undefined);
}

/** The spec of one column. */
export function columnSpec(key: ColumnKey): ColumnSpec {
  const spec = COLUMNS.find((c) => c.key === key);
  if (!spec) throw new Error(`unknown column ${key}`);
  return spec;
}

/** The columns that hold the add-on's own data. */
export const ADD_ON_COLUMNS: readonly ColumnKey[] = COLUMNS.filter((c) => c.owner === "addOn").map((c) => c.key);

/** Where each column of the table is: 1-based sheet column numbers; absent when the table lacks the column. */
export type ColumnPositions = Partial<Record<ColumnKey, number>>;

/** The needed columns a table lacks (a table set up by an older version, or a needed column deleted by hand), in catalogue order. */
export function missingColumns(positions: ColumnPositions): ColumnKey[] {
  return COLUMNS.filter((c) => c.needed && positions[c.key] === undefined).map((c) => c.key);
}
