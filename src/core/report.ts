/** The texts that tell the team what an operation did and which cells need a person, in their language. */

import { fill, translator } from "../i18n/translate";
import { type ColumnKey, columnSpec } from "./columns";
import type { RowProblem } from "./follow-ups";
import type { Language } from "./language";
import type { TeamProblem } from "./team";

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

/** One line per Team sheet row to fix. */
export function teamProblemLines(problems: readonly TeamProblem[], language: Language): string[] {
  const t = translator(language);
  const lines = problems
    .slice(0, LISTED)
    .map((p) =>
      fill(t("problem.teamRow"), { row: p.row, issue: fill(t(`team.problem.${p.kind}`), { value: p.value }) }),
    );
  if (problems.length > LISTED) lines.push(fill(t("list.more"), { count: problems.length - LISTED }));
  return lines;
}

/** What Sync changed in the add-on's own columns, and which cells of the table and the Team sheet it left for a person. */
export function syncReport(
  changed: { ids: number; loggedAt: number; superseded: number; unsuperseded: number },
  problems: readonly RowProblem[],
  teamProblems: readonly TeamProblem[],
  language: Language,
): string {
  const t = translator(language);
  const total = changed.ids + changed.loggedAt + changed.superseded + changed.unsuperseded;
  const lines = [
    total === 0 && problems.length + teamProblems.length === 0 ? t("sync.unchanged") : fill(t("sync.done"), changed),
  ];
  if (teamProblems.length > 0) {
    lines.push(
      "",
      fill(t("sync.teamProblemsHeader"), { count: teamProblems.length }),
      ...teamProblemLines(teamProblems, language),
    );
  }
  if (problems.length > 0) {
    lines.push("", fill(t("sync.problemsHeader"), { count: problems.length }), ...problemLines(problems, language));
  }
  return lines.join("\n");
}
