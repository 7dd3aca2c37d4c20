/** The team's settings (stages, methods, sources, schedule, language) and the Settings sheet they are read from and written to. */

import { type CurrencySetting, parseCurrency } from "./amounts";
import type { Language } from "./language";
import { isVagueStage, kindOfNewStage } from "./stage-words";
import { cellText, normalizeHeader, sheetTrim, toHalfWidth } from "./text";
import { DEFAULT_WORKDAYS, parseWorkdays, workdaysText } from "./workdays";

/** Whether a stage is still being worked on, or closed as won or lost. */
export type StageKind = "open" | "won" | "lost";

export interface Stage {
  name: string;
  kind: StageKind;
  /** The stage's name in the other language (Settings' stage-name column for it), shown to readers of that language. */
  translations?: Partial<Record<Language, string>>;
  /** Of an open stage: the chance (0–1) that a customer there is won, which weighs its amount in the pipeline. */
  winProbability?: number;
  /**
   * Of an open stage: follow up at most this many days after the last contact (./cadence); null when Settings' cell
   * is blank (no cadence for this stage), undefined when Settings has no such column (the default).
   */
  cadenceDays?: number | null;
}

/** One intent grade's cadence (意向评分 → days): a row whose grade Settings lists follows it before its stage's. */
export interface GradeCadence {
  /** The grade as teams type it in the intent column (5, 4 … or A, B, C), compared trimmed and case-insensitively. */
  grade: string;
  days: number;
}

export interface Settings {
  /** In pipeline order. */
  stages: Stage[];
  methods: string[];
  sources: string[];
  /** Hour (0–23) of the daily reminder email. */
  reminderHour: number;
  /** Days of the week the daily reminders go out, Monday = 1 … Sunday = 7 (./workdays); none on the others. */
  workdays: number[];
  /** A follow-up is upcoming when its next date is at most this many days after today. */
  upcomingDays: number;
  /** Day of the weekly review, Monday = 1 … Sunday = 7. */
  reviewWeekday: number;
  reviewHour: number;
  /** A customer is stale (公海 candidate) after this many days without a follow-up. */
  staleDays: number;
  /** Its owner's digest warns this many days before a customer goes stale (./pool); 0: no warning. */
  staleWarningDays: number;
  /** Customers closed (won or lost) more than this many months ago are moved to a yearly archive (./archive-plan). */
  archiveMonths: number;
  language: Language | "auto";
  /** Mail the weekly review to managers. */
  managerDigest: boolean;
  /** The symbol money is shown with, or "auto" for the spreadsheet locale's (./amounts). */
  currency: CurrencySetting;
  /** The cadence by intent grade, in Settings order (./cadence). */
  gradeCadence: GradeCadence[];
}

/** The settings held in one label/value row each. */
export type ScalarSetting = Exclude<keyof Settings, "stages" | "methods" | "sources" | "gradeCadence">;

export type SettingsProblem =
  | { kind: "noStages" }
  | { kind: "unknownStageKind"; row: number; stage: string; value: string }
  | { kind: "badWinProbability"; row: number; stage: string; value: string }
  | { kind: "badCadence"; row: number; stage: string; value: string }
  | { kind: "badGradeCadence"; row: number; grade: string; value: string }
  | { kind: "badValue"; row: number; setting: ScalarSetting; value: string }
  | { kind: "unknownSetting"; row: number; value: string };

/** SPEC's default stages, each open one with the days between follow-ups a team starts from (a new lead is called soon). */
const DEFAULT_STAGES: readonly (Stage & { en: string })[] = [
  { name: "新线索", en: "New lead", kind: "open", cadenceDays: 2 },
  { name: "待回访", en: "Awaiting callback", kind: "open", cadenceDays: 3 },
  { name: "需求确认", en: "Needs confirmed", kind: "open", cadenceDays: 5 },
  { name: "已报价", en: "Quoted", kind: "open", cadenceDays: 3 },
  { name: "谈判中", en: "Negotiating", kind: "open", cadenceDays: 3 },
  { name: "签约中", en: "Contracting", kind: "open", cadenceDays: 2 },
  { name: "已成交", en: "Won", kind: "won" },
  { name: "已流失", en: "Lost", kind: "lost" },
];

/** Days between follow-ups of an open stage Settings gives none for (a stage added by adoption or by hand). */
const DEFAULT_CADENCE_DAYS = 7;

/** The intent grades of the default intent column (1–5), the keenest followed up every other day. */
const DEFAULT_GRADE_CADENCE: readonly GradeCadence[] = [
  { grade: "5", days: 2 },
  { grade: "4", days: 3 },
  { grade: "3", days: 7 },
  { grade: "2", days: 14 },
  { grade: "1", days: 30 },
];

const DEFAULT_METHODS: Record<Language, string[]> = {
  zh: ["电话", "微信", "邮件", "面访", "视频会议", "其他"],
  en: ["Phone", "WeChat", "Email", "Visit", "Video call", "Other"],
};

const DEFAULT_SOURCES: Record<Language, string[]> = {
  zh: ["线上推广", "老客户转介绍", "展会", "官网", "电话营销", "其他"],
  en: ["Online ads", "Referral", "Trade show", "Website", "Cold call", "Other"],
};

/** The other language: the one a stage's translation is in. */
function otherLanguage(language: Language): Language {
  return language === "zh" ? "en" : "zh";
}

/**
 * The default win probability of an open stage, by its place among the open stages in Settings order: from 10% at the
 * first to 75% at the last, rounded to 5% (the default stages get 10 / 25 / 35 / 50 / 60 / 75%); 50% when only one.
 */
function defaultWinProbability(stages: readonly Stage[], stage: Stage): number {
  const open = stages.filter((s) => s.kind === "open");
  if (open.length <= 1) return 0.5;
  return Math.round((10 + (65 * open.indexOf(stage)) / (open.length - 1)) / 5) / 20;
}

/** SPEC's default settings, with stage, method and source names in `language` (and each stage's name in the other). */
export function defaultSettings(language: Language): Settings {
  const other = otherLanguage(language);
  const stages = DEFAULT_STAGES.map(
    (s): Stage => ({
      name: language === "zh" ? s.name : s.en,
      kind: s.kind,
      translations: { [other]: other === "zh" ? s.name : s.en },
      ...(s.cadenceDays ? { cadenceDays: s.cadenceDays } : {}),
    }),
  );
  return {
    stages: stages.map((s) => (s.kind === "open" ? { ...s, winProbability: defaultWinProbability(stages, s) } : s)),
    methods: [...DEFAULT_METHODS[language]],
    sources: [...DEFAULT_SOURCES[language]],
    reminderHour: 8,
    workdays: [...DEFAULT_WORKDAYS],
    upcomingDays: 3,
    reviewWeekday: 1,
    reviewHour: 9,
    staleDays: 30,
    staleWarningDays: 5,
    archiveMonths: 12,
    language: "auto",
    managerDigest: true,
    currency: "auto",
    gradeCadence: DEFAULT_GRADE_CADENCE.map((g) => ({ ...g })),
  };
}

/** Columns (1-based) of the Settings sheet's blocks; row 1 holds their headers. */
export const SETTINGS_LAYOUT = { stageName: 1, stageKind: 2, method: 4, source: 6, label: 8, value: 9 } as const;

/**
 * Columns (1-based) of the per-stage details, on the stages' rows: right of the reminders' status (column K), so the
 * blocks of an older Settings sheet stay where they were. Each is read only under its header; without it, defaults.
 */
export const STAGE_DETAIL_LAYOUT = { translation: 13, winProbability: 14, cadenceDays: 15 } as const;

/** The details' headers in the sheet's language: the translation column holds the names in the other language. */
const STAGE_DETAIL_HEADERS: Record<Language, Record<keyof typeof STAGE_DETAIL_LAYOUT, string>> = {
  zh: { translation: "阶段英文名", winProbability: "赢单概率（%）", cadenceDays: "跟进间隔（天）" },
  en: { translation: "Stage in Chinese", winProbability: "Win probability (%)", cadenceDays: "Follow up every (days)" },
};

/** Columns (1-based) of the cadence by intent grade, right of the stages' details; row 1 holds their headers. */
export const GRADE_LAYOUT = { grade: 17, days: 18 } as const;

const GRADE_HEADERS: Record<Language, Record<keyof typeof GRADE_LAYOUT, string>> = {
  zh: { grade: "意向评分", days: "按评分跟进间隔（天）" },
  en: { grade: "Intent", days: "Follow up every (days) by intent" },
};

/** The headers of a cadence column, in either language. */
const CADENCE_HEADERS = new Set(
  [STAGE_DETAIL_HEADERS.zh.cadenceDays, STAGE_DETAIL_HEADERS.en.cadenceDays].map(normalizeHeader),
);
const GRADE_DAYS_HEADERS = new Set([GRADE_HEADERS.zh.days, GRADE_HEADERS.en.days].map(normalizeHeader));

/** A cadence cell: whole days from 1 to 365; undefined for anything else. */
function cadenceValue(value: unknown): number | undefined {
  return wholeNumber(value, 1, 365);
}

/** The language of the names under a translation header, whatever the sheet's language. */
const TRANSLATION_LANGUAGE = new Map<string, Language>([
  [normalizeHeader("阶段英文名"), "en"],
  [normalizeHeader("Stage in English"), "en"],
  [normalizeHeader("阶段中文名"), "zh"],
  [normalizeHeader(STAGE_DETAIL_HEADERS.en.translation), "zh"],
]);

const PROBABILITY_HEADERS = new Set(
  [STAGE_DETAIL_HEADERS.zh.winProbability, STAGE_DETAIL_HEADERS.en.winProbability].map(normalizeHeader),
);

/** A default stage's name in `language`, when `name` is one of SPEC's default stages in either language. */
function defaultStageName(name: string, language: Language): string | undefined {
  const found = defaultStage(name);
  return found && (language === "zh" ? found.name : found.en);
}

/** SPEC's default stage `name` names, in either language, if any. */
function defaultStage(name: string): (Stage & { en: string }) | undefined {
  const wanted = sheetTrim(name).toLowerCase();
  return DEFAULT_STAGES.find((s) => s.name === wanted || s.en.toLowerCase() === wanted);
}

/** A win probability cell: 30%, 0.3 (Sheets' value of 30%) or 30 (in the "%" column) → 0.3; undefined for anything else. */
function winProbabilityValue(value: unknown): number | undefined {
  const text = toHalfWidth(cellText(value));
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  const number = typeof value === "number" ? value : /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  const share = percent ? Number(percent[1]) / 100 : number > 1 ? number / 100 : number;
  return share >= 0 && share <= 1 ? share : undefined;
}

const BLOCK_HEADERS: Record<Language, Record<keyof typeof SETTINGS_LAYOUT, string>> = {
  zh: {
    stageName: "阶段",
    stageKind: "阶段类型",
    method: "跟进方式",
    source: "客户来源",
    label: "设置项",
    value: "值",
  },
  en: {
    stageName: "Stage",
    stageKind: "Kind",
    method: "Method",
    source: "Lead source",
    label: "Setting",
    value: "Value",
  },
};

/** Whether a sheet's first row is a Settings sheet's header row (either language), to find the sheet again. */
export function isSettingsHeader(row: readonly unknown[]): boolean {
  return (["zh", "en"] as const).some((language) =>
    (Object.keys(SETTINGS_LAYOUT) as (keyof typeof SETTINGS_LAYOUT)[]).every(
      (block) => normalizeHeader(row[SETTINGS_LAYOUT[block] - 1]) === normalizeHeader(BLOCK_HEADERS[language][block]),
    ),
  );
}

const KIND_WORDS: Record<Language, Record<StageKind, string>> = {
  zh: { open: "进行中", won: "赢单", lost: "输单" },
  en: { open: "open", won: "won", lost: "lost" },
};

const SCALAR_LABELS: Record<Language, Record<ScalarSetting, string>> = {
  zh: {
    reminderHour: "提醒时间（0–23 点）",
    upcomingDays: "即将到期提醒天数",
    reviewWeekday: "周报日（1=周一 … 7=周日）",
    reviewHour: "周报时间（0–23 点）",
    staleDays: "公海天数（多少天未跟进）",
    language: "语言（auto/zh/en）",
    managerDigest: "周报邮件发给主管（TRUE/FALSE）",
    workdays: "提醒日（如 周一至周五）",
    currency: "货币（auto/¥/$/€）",
    staleWarningDays: "公海预警（提前几天提醒负责人）",
    archiveMonths: "归档月数（成交/流失多少个月后归档）",
  },
  en: {
    reminderHour: "Reminder hour (0–23)",
    upcomingDays: "Upcoming window (days)",
    reviewWeekday: "Review weekday (1=Mon … 7=Sun)",
    reviewHour: "Review hour (0–23)",
    staleDays: "Stale-customer days",
    language: "Language (auto/zh/en)",
    managerDigest: "Email review to managers (TRUE/FALSE)",
    workdays: "Reminder days (e.g. Mon-Fri)",
    currency: "Currency (auto/¥/$/€)",
    staleWarningDays: "Stale warning (days before)",
    archiveMonths: "Archive after (months)",
  },
};

const SCALAR_SETTINGS = Object.keys(SCALAR_LABELS.en) as ScalarSetting[];

/** The Settings sheet's content from A1: a header row, then the blocks side by side, padded with "". */
export function settingsGrid(settings: Settings, language: Language): unknown[][] {
  const headers = BLOCK_HEADERS[language];
  const blocks: [number, unknown[]][] = [
    [SETTINGS_LAYOUT.stageName, [headers.stageName, ...settings.stages.map((s) => s.name)]],
    [SETTINGS_LAYOUT.stageKind, [headers.stageKind, ...settings.stages.map((s) => KIND_WORDS[language][s.kind])]],
    [SETTINGS_LAYOUT.method, [headers.method, ...settings.methods]],
    [SETTINGS_LAYOUT.source, [headers.source, ...settings.sources]],
    [SETTINGS_LAYOUT.label, [headers.label, ...SCALAR_SETTINGS.map((key) => SCALAR_LABELS[language][key])]],
    [
      SETTINGS_LAYOUT.value,
      [
        headers.value,
        ...SCALAR_SETTINGS.map((key) =>
          key === "workdays" ? workdaysText(settings.workdays, language) : settings[key],
        ),
      ],
    ],
    [
      STAGE_DETAIL_LAYOUT.translation,
      [
        STAGE_DETAIL_HEADERS[language].translation,
        ...settings.stages.map(
          (s) => s.translations?.[otherLanguage(language)] ?? defaultStageName(s.name, otherLanguage(language)) ?? "",
        ),
      ],
    ],
    [
      STAGE_DETAIL_LAYOUT.winProbability,
      [
        STAGE_DETAIL_HEADERS[language].winProbability,
        ...settings.stages.map((s) => (s.kind === "open" ? Math.round(winProbabilityOf(settings, s.name) * 100) : "")),
      ],
    ],
    [
      STAGE_DETAIL_LAYOUT.cadenceDays,
      [STAGE_DETAIL_HEADERS[language].cadenceDays, ...settings.stages.map((s) => stageCadenceDays(s) ?? "")],
    ],
    [GRADE_LAYOUT.grade, [GRADE_HEADERS[language].grade, ...settings.gradeCadence.map((g) => g.grade)]],
    [GRADE_LAYOUT.days, [GRADE_HEADERS[language].days, ...settings.gradeCadence.map((g) => g.days)]],
  ];
  const height = Math.max(...blocks.map(([, cells]) => cells.length));
  const grid = Array.from({ length: height }, () => Array<unknown>(GRADE_LAYOUT.days).fill(""));
  for (const [column, cells] of blocks) {
    cells.forEach((cell, row) => {
      grid[row][column - 1] = cell;
    });
  }
  return grid;
}

/** A setting's label in either language (or its key) → the setting. */
const SETTING_BY_LABEL = new Map<string, ScalarSetting>(
  SCALAR_SETTINGS.flatMap((key) => [
    [normalizeHeader(SCALAR_LABELS.zh[key]), key],
    [normalizeHeader(SCALAR_LABELS.en[key]), key],
    [normalizeHeader(key), key],
  ]),
);

/** The setting a Settings label names (in either language), if any. */
export function settingOfLabel(label: unknown): ScalarSetting | undefined {
  return SETTING_BY_LABEL.get(normalizeHeader(label));
}

const KIND_BY_WORD = new Map<string, StageKind>(
  (["zh", "en"] as const).flatMap((language) =>
    (Object.entries(KIND_WORDS[language]) as [StageKind, string][]).map(([kind, word]) => [
      normalizeHeader(word),
      kind,
    ]),
  ),
);

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "on", "是", "开", "开启"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "off", "否", "关", "关闭"]);
const LANGUAGE_WORDS = new Map<string, Language | "auto">([
  ["auto", "auto"],
  ["自动", "auto"],
  ["zh", "zh"],
  ["中文", "zh"],
  ["en", "en"],
  ["english", "en"],
  ["英文", "en"],
]);

function wholeNumber(value: unknown, min: number, max: number): number | undefined {
  const text = cellText(value);
  const number = typeof value === "number" ? value : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

/** A checkbox or a yes/no word (either language) as a boolean; undefined for anything else. */
function yesOrNo(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  const word = normalizeHeader(value);
  if (TRUE_WORDS.has(word)) return true;
  return FALSE_WORDS.has(word) ? false : undefined;
}

/** A scalar setting's value from its cell, or undefined when the cell does not hold a valid value. */
function scalarValue(setting: ScalarSetting, value: unknown): Settings[ScalarSetting] | undefined {
  switch (setting) {
    case "reminderHour":
    case "reviewHour":
      return wholeNumber(value, 0, 23);
    case "upcomingDays":
      return wholeNumber(value, 0, 365);
    case "reviewWeekday":
      return wholeNumber(value, 1, 7);
    case "staleDays":
      return wholeNumber(value, 1, 3650);
    case "staleWarningDays":
      return wholeNumber(value, 0, 365);
    case "archiveMonths":
      return wholeNumber(value, 1, 120);
    case "language":
      return LANGUAGE_WORDS.get(normalizeHeader(value));
    case "workdays":
      return parseWorkdays(value);
    case "managerDigest":
      return yesOrNo(value);
    case "currency":
      return parseCurrency(value);
  }
}

/** The language the grid's header row is written in (CJK text → zh). */
function gridLanguage(values: readonly (readonly unknown[])[]): Language {
  return (values[0] ?? []).some((cell) => /[\u4e00-\u9fff]/.test(cellText(cell))) ? "zh" : "en";
}

/** The distinct non-blank texts of one column below the header row, in sheet order, with their sheet rows. */
function columnTexts(values: readonly (readonly unknown[])[], column: number): { row: number; text: string }[] {
  const seen = new Set<string>();
  const texts: { row: number; text: string }[] = [];
  values.slice(1).forEach((cells, index) => {
    const text = cellText(cells[column - 1]);
    if (text === "" || seen.has(text.toLowerCase())) return;
    seen.add(text.toLowerCase());
    texts.push({ row: index + 2, text });
  });
  return texts;
}

/**
 * Settings from the Settings sheet's values (`getDataRange().getValues()`). Blank cells are skipped and duplicates
 * dropped; a bad value keeps its default and is reported. Missing stages fall back to the defaults in `language`.
 */
export function parseSettings(
  values: readonly (readonly unknown[])[],
  language: Language = gridLanguage(values),
): { settings: Settings; problems: SettingsProblem[] } {
  const defaults = defaultSettings(language);
  const problems: SettingsProblem[] = [];
  const header = values[0] ?? [];
  const translated = TRANSLATION_LANGUAGE.get(normalizeHeader(header[STAGE_DETAIL_LAYOUT.translation - 1]));
  const weighed = PROBABILITY_HEADERS.has(normalizeHeader(header[STAGE_DETAIL_LAYOUT.winProbability - 1]));
  const paced = CADENCE_HEADERS.has(normalizeHeader(header[STAGE_DETAIL_LAYOUT.cadenceDays - 1]));
  const stages = columnTexts(values, SETTINGS_LAYOUT.stageName).map(({ row, text }) => {
    const cells = values[row - 1];
    const kindCell = cellText(cells[SETTINGS_LAYOUT.stageKind - 1]);
    const kind = kindCell === "" ? "open" : KIND_BY_WORD.get(normalizeHeader(kindCell));
    if (!kind) problems.push({ kind: "unknownStageKind", row, stage: text, value: kindCell });
    const stage: Stage = { name: text, kind: kind ?? "open" };
    const translation = cellText(cells[STAGE_DETAIL_LAYOUT.translation - 1]);
    if (translated && translation !== "") stage.translations = { [translated]: translation };
    const probabilityCell = cells[STAGE_DETAIL_LAYOUT.winProbability - 1];
    if (weighed && cellText(probabilityCell) !== "") {
      const probability = winProbabilityValue(probabilityCell);
      if (probability === undefined) {
        problems.push({ kind: "badWinProbability", row, stage: text, value: cellText(probabilityCell) });
      } else stage.winProbability = probability;
    }
    if (paced && stage.kind === "open") {
      // Under the header, a blank cell is a stage the team follows up without a cadence.
      const cadenceCell = cells[STAGE_DETAIL_LAYOUT.cadenceDays - 1];
      const days = cadenceValue(cadenceCell);
      if (cellText(cadenceCell) !== "" && days === undefined) {
        problems.push({ kind: "badCadence", row, stage: text, value: cellText(cadenceCell) });
      }
      stage.cadenceDays = cellText(cadenceCell) === "" ? null : days;
    }
    return stage;
  });
  if (stages.length === 0) problems.push({ kind: "noStages" });
  const settings: Settings = {
    ...defaults,
    stages: stages.length > 0 ? stages : defaults.stages,
    methods: columnTexts(values, SETTINGS_LAYOUT.method).map((t) => t.text),
    sources: columnTexts(values, SETTINGS_LAYOUT.source).map((t) => t.text),
  };
  const scalars: Partial<Settings> = {};
  for (const { row, text } of columnTexts(values, SETTINGS_LAYOUT.label)) {
    const setting = SETTING_BY_LABEL.get(normalizeHeader(text));
    const cell = values[row - 1][SETTINGS_LAYOUT.value - 1];
    const value = setting ? scalarValue(setting, cell) : undefined;
    if (!setting) problems.push({ kind: "unknownSetting", row, value: text });
    else if (value === undefined) problems.push({ kind: "badValue", row, setting, value: cellText(cell) });
    else Object.assign(scalars, { [setting]: value });
  }
  return { settings: { ...settings, ...scalars, gradeCadence: gradeCadenceOf(values, problems, defaults) }, problems };
}

/**
 * The cadence by intent grade under its headers: each grade's days (a bad value is reported and the grade left out);
 * the defaults when the sheet has no such block (an older Settings sheet: Sync adds it).
 */
function gradeCadenceOf(
  values: readonly (readonly unknown[])[],
  problems: SettingsProblem[],
  defaults: Settings,
): GradeCadence[] {
  if (!GRADE_DAYS_HEADERS.has(normalizeHeader(values[0]?.[GRADE_LAYOUT.days - 1]))) return defaults.gradeCadence;
  return columnTexts(values, GRADE_LAYOUT.grade).flatMap(({ row, text }): GradeCadence[] => {
    const cell = values[row - 1][GRADE_LAYOUT.days - 1];
    const days = cadenceValue(cell);
    if (days !== undefined) return [{ grade: text, days }];
    if (cellText(cell) !== "") problems.push({ kind: "badGradeCadence", row, grade: text, value: cellText(cell) });
    return [];
  });
}

/** Names not yet in `present` (trimmed, non-empty, compared case-insensitively), in first-seen order. */
function newNames(present: readonly string[], names: readonly string[]): string[] {
  const known = new Set(present.map((name) => name.trim().toLowerCase()));
  const added: string[] = [];
  for (const name of names.map((n) => n.trim())) {
    if (name === "" || known.has(name.toLowerCase())) continue;
    known.add(name.toLowerCase());
    added.push(name);
  }
  return added;
}

/**
 * Adds the stages an adopted table uses that Settings lacks, after the existing ones, of the kind their word says
 * (成交 / Closed Won → won, 丢单 / Closed Lost → lost, else open). Vague statuses (跟进中, TBD …) are never made
 * stages (./stage-words): their rows stay open follow-ups, listed by Sync for cleanup.
 */
export function addStages(settings: Settings, names: readonly string[]): { settings: Settings; added: string[] } {
  const added = newNames(
    settings.stages.map((s) => s.name),
    names,
  ).filter((name) => !isVagueStage(name));
  const stages = [...settings.stages, ...added.map((name): Stage => ({ name, kind: kindOfNewStage(name) }))];
  return { settings: { ...settings, stages }, added };
}

/** Adds the methods an adopted table uses that Settings lacks, after the existing ones. */
export function addMethods(settings: Settings, names: readonly string[]): { settings: Settings; added: string[] } {
  const added = newNames(settings.methods, names);
  return { settings: { ...settings, methods: [...settings.methods, ...added] }, added };
}

/**
 * The kind of a stage by name, or null when Settings has no such stage. Names compare as the sheet's colouring
 * formula compares them (`TRIM(cell)<>"name"`: spaces trimmed, case-insensitive), so the sheet and every feature agree.
 * A vague status Settings does not list (跟进中, TBD …) is open, as the colouring formula reads it: the row stays a
 * follow-up, reminded as usual, and is listed for cleanup instead of being unreadable.
 */
export function stageKindOf(settings: Pick<Settings, "stages">, stageName: string): StageKind | null {
  const wanted = sheetTrim(stageName).toLowerCase();
  const listed = settings.stages.find((s) => sheetTrim(s.name).toLowerCase() === wanted)?.kind;
  return listed ?? (isVagueStage(stageName) ? "open" : null);
}

/** The stage Settings lists under `stageName` (compared as `stageKindOf` compares names), or undefined. */
export function listedStage(settings: Pick<Settings, "stages">, stageName: string): Stage | undefined {
  const wanted = sheetTrim(stageName).toLowerCase();
  return settings.stages.find((s) => sheetTrim(s.name).toLowerCase() === wanted);
}

/**
 * A stage's name for a reader of `language`: the name Settings gives it in that language (its stage-name column for
 * the other language), else SPEC's default name when it is a default stage, else the name as typed.
 */
export function stageNameIn(settings: Settings, stageName: string, language: Language): string {
  const given = listedStage(settings, stageName)?.translations?.[language];
  return given || defaultStageName(stageName, language) || stageName;
}

/**
 * The chance that a customer at this stage is won, which weighs its amount in the pipeline: an open stage's Settings
 * value, else its default by place (10% … 75%); 1 for won, 0 for lost and for a stage Settings does not list.
 */
export function winProbabilityOf(settings: Settings, stageName: string): number {
  const stage = listedStage(settings, stageName);
  if (stage === undefined || stage.kind === "lost") return 0;
  if (stage.kind === "won") return 1;
  return stage.winProbability ?? defaultWinProbability(settings.stages, stage);
}

/**
 * The days between follow-ups Settings gives a stage: its cadence cell, else (no such column) the default stage's or
 * 7 days for another open stage; null for a stage without one (a blank cell) and for a won or lost stage.
 */
export function stageCadenceDays(stage: Stage): number | null {
  if (stage.kind !== "open") return null;
  if (stage.cadenceDays !== undefined) return stage.cadenceDays;
  return defaultStage(stage.name)?.cadenceDays ?? DEFAULT_CADENCE_DAYS;
}
