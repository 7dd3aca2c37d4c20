/** What an older Settings sheet lacks that a new one shows (a setting's row, the stages' detail columns, the cadence by intent grade): the cells Sync adds, never over a cell that holds anything. */

import type { Language } from "./language";
import {
  GRADE_LAYOUT,
  SETTINGS_LAYOUT,
  type Settings,
  STAGE_DETAIL_LAYOUT,
  settingOfLabel,
  settingsGrid,
} from "./settings";
import { cellText } from "./text";

/** One cell to write on the Settings sheet (1-based). */
export interface SettingsCell {
  row: number;
  column: number;
  value: unknown;
}

/**
 * The cells that make every setting visible on a Settings sheet written by an older version: a row (label and
 * value, with the value in effect) for each setting the sheet has no label for, below the last one; and each
 * per-stage detail column (its header, then a value on each stage's row) when the column is empty; the cadence by
 * intent grade, whole, when both its columns are empty. A team that relies on a default (reminder days, currency,
 * cadence) can then see and change it.
 */
export function missingSettingCells(
  values: readonly (readonly unknown[])[],
  settings: Settings,
  language: Language,
): SettingsCell[] {
  const grid = settingsGrid(settings, language);
  const cells: SettingsCell[] = [];
  const present = new Set(values.map((line) => settingOfLabel(line[SETTINGS_LAYOUT.label - 1])));
  const filled = (column: number) => values.map((line, i) => (cellText(line[column - 1]) === "" ? 0 : i + 1));
  let next = Math.max(1, ...filled(SETTINGS_LAYOUT.label), ...filled(SETTINGS_LAYOUT.value)) + 1;
  for (const line of grid.slice(1)) {
    const label = line[SETTINGS_LAYOUT.label - 1];
    const setting = settingOfLabel(label);
    if (setting === undefined || present.has(setting)) continue;
    cells.push({ row: next, column: SETTINGS_LAYOUT.label, value: label });
    cells.push({ row: next, column: SETTINGS_LAYOUT.value, value: line[SETTINGS_LAYOUT.value - 1] });
    next++;
  }
  // A detail column is added whole when it is empty; the stages' rows are where their names are on the sheet.
  const stageRows = values.flatMap((line, i) => (i > 0 && cellText(line[SETTINGS_LAYOUT.stageName - 1]) ? [i] : []));
  for (const column of Object.values(STAGE_DETAIL_LAYOUT)) {
    if (filled(column).some((row) => row > 0)) continue;
    cells.push({ row: 1, column, value: grid[0]?.[column - 1] });
    for (const i of stageRows) {
      const name = cellText(values[i]?.[SETTINGS_LAYOUT.stageName - 1]);
      const gridRow = grid.findIndex((line, r) => r > 0 && cellText(line[SETTINGS_LAYOUT.stageName - 1]) === name);
      const value = gridRow > 0 ? grid[gridRow]?.[column - 1] : "";
      if (cellText(value) !== "") cells.push({ row: i + 1, column, value });
    }
  }
  const gradeColumns = Object.values(GRADE_LAYOUT);
  if (gradeColumns.every((column) => filled(column).every((row) => row === 0))) {
    grid.forEach((line, r) => {
      for (const column of gradeColumns) {
        if (cellText(line[column - 1]) !== "") cells.push({ row: r + 1, column, value: line[column - 1] });
      }
    });
  }
  return cells;
}
