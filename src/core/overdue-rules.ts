/** The conditional-format formulas that colour overdue rows red and due-today rows amber, written for the table's current columns. */

import { columnLetter } from "./a1";
import { listedGrade } from "./cadence";
import { dateForms, normalisingSteps, TYPED_DATE, YEARLESS_DAYS_BEFORE } from "./dates";
import { DONE_TEXTS } from "./due";
import type { Language } from "./language";
import { type Settings, stageCadenceDays } from "./settings";
import { sheetTrim } from "./text";

/** The two row colourings the add-on manages. */
export type RowColouring = "overdue" | "dueToday";

/** Background colours: Google Sheets' palette "light red 3" and "light yellow 2". */
export const ROW_COLOURS: Readonly<Record<RowColouring, string>> = { overdue: "#f4cccc", dueToday: "#ffe599" };

/** Where the formula reads from: 1-based sheet columns (all but next date and stage may be missing), and the first data row. */
export interface RuleColumns {
  nextDate: number;
  stage: number;
  /** The follow-up date: a next date typed without a year takes the year nearest it. */
  date?: number;
  /** The next step: when the next-date cell is empty, the first date written in it is the next date. */
  nextStep?: number;
  done?: number;
  superseded?: number;
  /** The intent grade: with the follow-up date and the stage, the cadence's next date when the row has none. */
  score?: number;
  firstRow: number;
}

/** Marks the add-on's own rules so Sync can replace them and keep the team's: N("text") is 0 in Sheets. */
function marker(colouring: RowColouring): string {
  return `N("followup-tracker:${colouring}")=0`;
}

/** A string literal for a formula ("" doubles quotes). */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** `TYPED_DATE` and the steps of ./dates, as nested REGEXREPLACE calls: §yyyymmdd, §mmdd, or anything else for no date. */
function typedDateSteps(columns: RuleColumns, language: Language, cell: (column: number) => string): string {
  const next = cell(columns.nextDate);
  const forms = literal(dateForms(language));
  const { cell: alone, sentence, sentenceDashes } = TYPED_DATE;
  let found: string;
  if (columns.nextStep === undefined) {
    found = `REGEXREPLACE(${next}&"",${literal(alone.before)}&${forms}&${literal(alone.after)},${literal(TYPED_DATE.found)})`;
  } else {
    const empty = `TRIM(${next}&"")=""`;
    const dashes = `REGEXREPLACE(${cell(columns.nextStep)}&"",${literal(sentenceDashes.pattern)},${literal(sentenceDashes.replacement)})`;
    const text = `IF(${empty},${dashes},${next}&"")`;
    const pattern = `IF(${empty},${literal(sentence.before)},${literal(alone.before)})&${forms}&IF(${empty},${literal(sentence.after)},${literal(alone.after)})`;
    found = `REGEXREPLACE(${text},${pattern},${literal(TYPED_DATE.found)})`;
  }
  return normalisingSteps(language).reduce(
    (text, step) => `REGEXREPLACE(${text},${literal(step.pattern)},${literal(step.replacement)})`,
    found,
  );
}

/** A day as the number yyyymmdd, the form the formula compares typed dates in. */
function ymdNumber(day: string): string {
  return `(YEAR(${day})*10000+MONTH(${day})*100+DAY(${day}))`;
}

/**
 * ./cadence's days for the row, spelled for the sheet: the grade's when Settings lists the row's grade, else its
 * stage's (stages compared trimmed, as the open test compares them), else NA() (no cadence). Grades and stages are
 * listed inline, as closed stages are; a grade Settings lists twice counts once, as `listedGrade` reads it.
 */
function cadenceDays(columns: RuleColumns, settings: Settings, cell: (c: number) => string): string {
  const stage = `TRIM(${cell(columns.stage)}&"")`;
  const cases: [string, number][] = [];
  if (columns.score !== undefined) {
    const grade = `TRIM(${cell(columns.score)}&"")`;
    for (const g of settings.gradeCadence) {
      if (sheetTrim(g.grade) !== "" && listedGrade(settings, g.grade) === g)
        cases.push([`${grade}=${literal(sheetTrim(g.grade))}`, g.days]);
    }
  }
  const seen = new Set<string>();
  for (const s of settings.stages) {
    const name = sheetTrim(s.name).toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    const days = stageCadenceDays(s);
    if (days !== null) cases.push([`${stage}=${literal(sheetTrim(s.name))}`, days]);
  }
  return cases.reduceRight((otherwise, [test, days]) => `IF(${test},${days},${otherwise})`, "NA()");
}

/**
 * Whether the row's next date is before today (`<`) or today (`=`): a number in the next-date cell is its day (INT);
 * text is read as ./dates reads it (a full date as yyyymmdd; a month and day in their first year on or after half a
 * year before the follow-up date, when that cell holds a date, else before today); compared as yyyymmdd numbers; no
 * date in either, the follow-up date's day (a number) plus the cadence's days. The reading is spelled once for each of
 * the two branches: a rule's formula has no variables (no LET in every engine).
 */
function nextDateIs(
  comparison: "<" | "=",
  columns: RuleColumns,
  settings: Settings,
  language: Language,
  cell: (c: number) => string,
) {
  const next = cell(columns.nextDate);
  const steps = typedDateSteps(columns, language, cell);
  const full = `VALUE(REGEXEXTRACT(${steps},${literal(TYPED_DATE.fullDate)}))`;
  const monthDay = `VALUE(REGEXEXTRACT(${steps},${literal(TYPED_DATE.yearlessDate)}))`;
  const date = columns.date === undefined ? "" : cell(columns.date);
  const reference = date === "" ? "TODAY()" : `IF(ISNUMBER(${date}),${date},TODAY())`;
  const start = ymdNumber(`(${reference}-${YEARLESS_DAYS_BEFORE})`);
  const yearless = `${start}+MOD(${monthDay}-${start},10000)`;
  const today = ymdNumber("TODAY()");
  // A typed date is either full or year-less (the two patterns exclude each other); with neither, the cadence's.
  const byCadence =
    date === ""
      ? "FALSE"
      : `IFERROR(IF(ISNUMBER(${date}),INT(${date})+${cadenceDays(columns, settings, cell)}${comparison}TODAY(),FALSE),FALSE)`;
  const typed = `IFERROR(${full}${comparison}${today},IFERROR(${yearless}${comparison}${today},${byCadence}))`;
  return `IF(ISNUMBER(${next}),INT(${next})${comparison}TODAY(),${typed})`;
}

/**
 * The custom formula for `colouring`, written for the top-left cell of the coloured range (column A of `firstRow`),
 * with absolute columns and relative rows so it shifts down the table. It is ./due's rule, spelled for the sheet:
 * open = the row has a next date (a number in the next-date cell, a date typed there as text, or, the cell empty, a
 * date written in the next step: ./dates' reading in the table's `language`, spelled with REGEXREPLACE), the done cell
 * holds none of the done texts (`TRIM(cell&"")`, compared case-insensitively as Sheets does), the add-on's superseded
 * cell is not TRUE, and the stage is not one of kind won/lost; overdue = open and the next date's day < TODAY(); due
 * today = open and = TODAY(). TODAY() is the spreadsheet's time zone's date. Closed stage names are listed inline (a
 * rule cannot read another sheet), so Sync rewrites the rule when Settings change. Each row costs O(1): a fixed number
 * of functions on its own cells, no lookups over the table.
 */
export function rowColouringFormula(
  colouring: RowColouring,
  columns: RuleColumns,
  settings: Settings,
  language: Language,
): string {
  const cell = (column: number) => `$${columnLetter(column)}${columns.firstRow}`;
  const stage = `TRIM(${cell(columns.stage)}&"")`;
  const open: string[] = [];
  if (columns.done !== undefined) {
    const done = `TRIM(${cell(columns.done)}&"")`;
    open.push(`NOT(OR(${DONE_TEXTS.map((text) => `${done}=${literal(text)}`).join(",")}))`);
  }
  if (columns.superseded !== undefined) open.push(`${cell(columns.superseded)}<>TRUE()`);
  for (const s of settings.stages) if (s.kind !== "open") open.push(`${stage}<>${literal(sheetTrim(s.name))}`);
  const when = nextDateIs(colouring === "overdue" ? "<" : "=", columns, settings, language, cell);
  return `=AND(${[...open, when, marker(colouring)].join(",")})`;
}

/** Which of the add-on's colourings a rule formula is, or null for the team's own rules. */
export function colouringOfFormula(formula: string): RowColouring | null {
  const match = /N\("followup-tracker:(overdue|dueToday)"\)=0/.exec(formula);
  return match ? (match[1] as RowColouring) : null;
}
