/** An older Settings sheet gets what a new one shows (reminder days, currency, the stages' details), only in empty cells. */

import {
  defaultSettings,
  GRADE_LAYOUT,
  parseSettings,
  SETTINGS_LAYOUT,
  STAGE_DETAIL_LAYOUT,
  settingOfLabel,
  settingsGrid,
} from "../../src/core/settings";
import { missingSettingCells } from "../../src/core/settings-completion";

/** A Settings sheet as an older version wrote it: no reminder-days, currency or archive row, no detail columns. */
function olderSheet(language: "zh" | "en"): unknown[][] {
  const grid = settingsGrid(defaultSettings(language), language).map((line) =>
    line.slice(0, STAGE_DETAIL_LAYOUT.translation - 1),
  );
  return grid.map((line) => {
    const setting = settingOfLabel(line[SETTINGS_LAYOUT.label - 1]);
    if (setting !== "workdays" && setting !== "currency" && setting !== "archiveMonths") return line;
    const kept = [...line];
    kept[SETTINGS_LAYOUT.label - 1] = "";
    kept[SETTINGS_LAYOUT.value - 1] = "";
    return kept;
  });
}

/** The sheet with the cells written in. */
function withCells(values: unknown[][], cells: { row: number; column: number; value: unknown }[]): unknown[][] {
  const out = values.map((line) => [...line]);
  for (const { row, column, value } of cells) {
    while (out.length < row) out.push([]);
    const line = out[row - 1] as unknown[];
    while (line.length < column) line.push("");
    line[column - 1] = value;
  }
  return out;
}

describe("missingSettingCells", () => {
  it.each(["zh", "en"] as const)(
    "adds the rows and columns an older %s sheet lacks, below what is there",
    (language) => {
      const values = olderSheet(language);
      const { settings } = parseSettings(values, language);
      const cells = missingSettingCells(values, settings, language);
      const completed = withCells(values, cells);
      const labels = completed.map((line) => settingOfLabel(line[SETTINGS_LAYOUT.label - 1]));
      expect(labels.filter((s) => s === "workdays" || s === "currency" || s === "archiveMonths")).toEqual([
        "workdays",
        "currency",
        "archiveMonths",
      ]);
      // Each added cell was empty before: nothing typed is overwritten.
      for (const { row, column } of cells) expect(String(values[row - 1]?.[column - 1] ?? "")).toBe("");
      const reread = parseSettings(completed, language);
      expect(reread.problems).toEqual([]);
      expect(reread.settings.workdays).toEqual([1, 2, 3, 4, 5]);
      expect(reread.settings.archiveMonths).toBe(12);
      expect(reread.settings.stages.find((s) => s.kind === "open")?.winProbability).toBeGreaterThan(0);
      // The cadence is shown where an admin can change it: per stage, and by intent grade.
      expect(reread.settings.stages.map((s) => s.cadenceDays)).toEqual([2, 3, 5, 3, 3, 2, undefined, undefined]);
      expect(completed[0]?.[GRADE_LAYOUT.days - 1]).toBe(settingsGrid(defaultSettings(language), language)[0][17]);
      expect(reread.settings.gradeCadence).toEqual(defaultSettings(language).gradeCadence);
      // Completed once, nothing more to add.
      expect(missingSettingCells(completed, reread.settings, language)).toEqual([]);
    },
  );

  it("keeps what an admin typed in a detail column and a setting's row, and adds nothing over it", () => {
    const values = withCells(olderSheet("zh"), [
      { row: 1, column: STAGE_DETAIL_LAYOUT.winProbability, value: "赢单概率（%）" },
      { row: 2, column: STAGE_DETAIL_LAYOUT.winProbability, value: 5 },
      { row: 30, column: SETTINGS_LAYOUT.label, value: "提醒日（如 周一至周五）" },
      { row: 30, column: SETTINGS_LAYOUT.value, value: "周一至周六" },
    ]);
    const { settings } = parseSettings(values, "zh");
    const cells = missingSettingCells(values, settings, "zh");
    expect(cells.some((c) => c.column === STAGE_DETAIL_LAYOUT.winProbability)).toBe(false);
    expect(cells.filter((c) => c.column === SETTINGS_LAYOUT.label).map((c) => settingOfLabel(c.value))).toEqual([
      "currency",
      "archiveMonths",
    ]);
    expect(cells.filter((c) => c.column === SETTINGS_LAYOUT.label).map((c) => c.row)).toEqual([31, 32]);
  });
});
