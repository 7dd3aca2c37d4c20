/** The texts that tell the team what an operation did and which cells need a person, in their language. */

import { fill, translator } from "../i18n/translate";
import { type ColumnKey, columnSpec } from "./columns";
import type { RowProblem } from "./follow-ups";
import type { Language } from "./language";

/** How many problems one message lists before "… and N more". */
const LISTED = 20;

/** A list of names for a message ("none" when empty). */
export function listText(items: readonly string[], language: Language): string {
  const t = translator(language);
  if (items.length === 0) return t("list.none");
  return items.join(language === "zh" ? "、" : ", ");
}

/** One line per problem, naming the row and the column as the team sees it. */
export function problemLines(problems: readonly RowProblem[], language: Language): string[] {
  const t = translator(language);
  const lines = problems.slice(0, LISTED).map((problem) =>
    fill(t("problem.row"), {
      row: problem.row,
      column: columnSpec(problem.column as ColumnKey).header[language],
      issue: fill(t(`problem.${problem.kind}`), { value: problem.value }),
    }),
  );
  if (problems.length > LISTED) lines.push(fill(t("list.more"), { count: problems.length - LISTED }));
  return lines;
}

/** What Sync changed and which cells it left for a person, as one message. */
export function syncReport(
  changed: { ids: number; loggedAt: number; done: number },
  problems: readonly RowProblem[],
  language: Language,
): string {
  const t = translator(language);
  const summary =
    changed.ids + changed.loggedAt + changed.done === 0 ? t("sync.unchanged") : fill(t("sync.done"), changed);
  if (problems.length === 0) return summary;
  return [
    summary,
    "",
    fill(t("sync.problemsHeader"), { count: problems.length }),
    ...problemLines(problems, language),
  ].join("\n");
}
