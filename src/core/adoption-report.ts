/** What adoption tells the team, in their language: the mapping, the column that feeds the reminders (or plainly that there is none), the statuses that close a deal or are too vague to be stages. */

import { fill, translator } from "../i18n/translate";
import { columnLetter } from "./a1";
import { columnSpec } from "./columns";
import type { AdoptionPlan } from "./header-detection";
import type { Language } from "./language";
import { listText } from "./report";
import { stageWordOf } from "./stage-words";
import { cellText, normalizeHeader } from "./text";

/** The header of the column adoption found for the contact date, or "". */
function dateHeader(plan: AdoptionPlan): string {
  return plan.recognised.find((r) => r.key === "date")?.header ?? "";
}

/**
 * The column the reminders follow: the recognised next-date column (saying so when context decided it), or, when
 * there is none, the plain warning that an empty one is appended and nobody is reminded until the team fills it in.
 */
export function remindersText(plan: AdoptionPlan, language: Language): string {
  const t = translator(language);
  const column = columnSpec("nextDate").header[language];
  const next = plan.recognised.find((r) => r.key === "nextDate");
  if (!next) return fill(t("adopt.noNextDate"), { column });
  if (next.byContext) {
    return fill(t("adopt.remindersByContext"), { header: next.header, dateHeader: dateHeader(plan), column });
  }
  return fill(t("adopt.reminders"), { header: next.header, column });
}

/**
 * The statuses typed in the table's stage column below the header (a pasted header row is not a status).
 * `stageCells`: the stage column from the header row down, its header first; empty when the table has none.
 */
export function statusesOf(stageCells: readonly unknown[]): string[] {
  const [header, ...below] = stageCells;
  const title = normalizeHeader(header);
  return below.map((cell) => cellText(cell)).filter((text) => text !== "" && normalizeHeader(text) !== title);
}

/** What the confirmation says about the table's statuses: which close a deal (won/lost), which are too vague. */
export function statusesText(statuses: readonly string[], language: Language): string {
  const t = translator(language);
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  const closing: string[] = [];
  const vague: string[] = [];
  for (const [status, count] of counts) {
    const word = stageWordOf(status);
    if (word === "won" || word === "lost") {
      closing.push(fill(t("adopt.closedStatus"), { status, kind: t(`adopt.kind.${word}`) }));
    } else if (word === "vague") vague.push(fill(t("adopt.vagueStatus"), { status, count }));
  }
  const lines: string[] = [];
  if (closing.length > 0) lines.push(fill(t("adopt.closedStatuses"), { statuses: listText(closing, language) }));
  if (vague.length > 0) lines.push(fill(t("adopt.vagueStatuses"), { statuses: listText(vague, language) }));
  return lines.join("\n\n");
}

/**
 * The question adoption asks before writing anything: the mapping, what is appended and left alone, the column the
 * reminders follow (or the warning that there is none), and the closing and vague statuses of `stageCells` (the stage
 * column from the header row down, as statusesOf takes it).
 */
export function adoptionQuestion(
  plan: AdoptionPlan,
  stageCells: readonly unknown[],
  sheetName: string,
  language: Language,
): string {
  const t = translator(language);
  const statuses = statusesText(statusesOf(stageCells), language);
  return fill(t("adopt.confirm"), {
    sheet: sheetName,
    row: plan.headerRow,
    recognised: listText(
      plan.recognised.map((r) => `${r.header} → ${columnSpec(r.key).header[language]}`),
      language,
    ),
    added: listText(
      plan.toAppend.map((key) => columnSpec(key).header[language]),
      language,
    ),
    leftAlone: listText(
      plan.unrecognised.map((u) => u.header),
      language,
    ),
    reminders: remindersText(plan, language),
    statuses: statuses === "" ? "" : `\n\n${statuses}`,
  });
}

/** What adoption adds to its closing message: that the next-date column it appended is empty, when it did. */
export function adoptedNotes(plan: AdoptionPlan, language: Language): string[] {
  if (!plan.toAppend.includes("nextDate")) return [];
  return [fill(translator(language)("adopt.emptyNextDate"), { column: columnSpec("nextDate").header[language] })];
}

/**
 * Every column of the header, left to right, mapped to what or left alone, then the columns adoption appends, and
 * the column the reminders follow: what `simulate` prints.
 */
export function mappingLines(plan: AdoptionPlan, language: Language): string[] {
  const t = translator(language);
  const columns = [
    ...plan.recognised.map((r) => ({ column: r.column, line: mappedLine(r, plan, language) })),
    ...plan.unrecognised.map((u) => ({
      column: u.column,
      line: fill(t("adopt.mapping.leftAlone"), { letter: columnLetter(u.column), header: u.header }),
    })),
  ].sort((a, b) => a.column - b.column);
  const appended = plan.toAppend.map((key, index) =>
    fill(t("adopt.mapping.appended"), {
      letter: columnLetter(plan.firstAppendColumn + index),
      column: columnSpec(key).header[language],
    }),
  );
  return [
    fill(t("adopt.mapping.title"), { row: plan.headerRow }),
    ...columns.map((c) => `  ${c.line}`),
    ...appended.map((line) => `  ${line}`),
    remindersText(plan, language),
  ];
}

function mappedLine(r: AdoptionPlan["recognised"][number], plan: AdoptionPlan, language: Language): string {
  const t = translator(language);
  const values = { letter: columnLetter(r.column), header: r.header, column: columnSpec(r.key).header[language] };
  return r.byContext
    ? fill(t("adopt.mapping.byContext"), { ...values, dateHeader: dateHeader(plan) })
    : fill(t("adopt.mapping.mapped"), values);
}
