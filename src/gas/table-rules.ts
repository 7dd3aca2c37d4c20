/** Applies the table's dropdowns, date checks and overdue colouring for the current column positions; a fixed number of calls whatever the row count. */

import { columnLetter } from "../core/a1";
import type { ColumnKey } from "../core/columns";
import { colouringOfFormula, ROW_COLOURS, type RowColouring, rowColouringFormula } from "../core/overdue-rules";
import { SETTINGS_LAYOUT } from "../core/settings";
import { translator } from "../i18n/translate";
import type { Table } from "./table";

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The data rows of a column: from below the header to the sheet's last row. */
function dataColumn(table: Table, column: number): Range {
  const first = table.headerRow + 1;
  return table.followUps.getRange(first, column, Math.max(1, table.followUps.getMaxRows() - first + 1), 1);
}

/** A list column of another sheet below its header, as the source of a dropdown. */
function listSource(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number): Range {
  return sheet.getRange(2, column, Math.max(1, sheet.getMaxRows() - 1), 1);
}

/** List dropdowns: a warning on values not in the list, never a change to a cell, so they go on the team's columns too. */
const LIST_COLUMNS: ReadonlySet<ColumnKey> = new Set(["stage", "method", "owner", "source"]);

/**
 * Dropdowns from the Settings and Team sheets (ranges, not inline lists, so edits there apply at once and the
 * 500-item list limit never bites), whole numbers 1–5 for intent, dates on the date columns, a checkbox for done and
 * superseded. Invalid input is allowed with a warning: values typed before are marked, never deleted. Date, number
 * and checkbox rules go only on columns the add-on created: on a team's own column they would change how its cells
 * show (a checkbox over "否"), so those columns are left as the team keeps them.
 */
export function applyValidation(table: Table): void {
  const t = translator(table.language);
  const rule = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  const checkbox = () => SpreadsheetApp.newDataValidation().requireCheckbox().build();
  const rules: Partial<Record<ColumnKey, () => GoogleAppsScript.Spreadsheet.DataValidation>> = {
    stage: () =>
      rule()
        .requireValueInRange(listSource(table.settingsSheet, SETTINGS_LAYOUT.stageName), true)
        .setHelpText(t("validation.stage"))
        .build(),
    method: () =>
      rule()
        .requireValueInRange(listSource(table.settingsSheet, SETTINGS_LAYOUT.method), true)
        .setHelpText(t("validation.method"))
        .build(),
    source: () =>
      rule()
        .requireValueInRange(listSource(table.settingsSheet, SETTINGS_LAYOUT.source), true)
        .setHelpText(t("validation.source"))
        .build(),
    owner: () => rule().requireValueInRange(listSource(table.team, 1), true).setHelpText(t("validation.owner")).build(),
    score: () => rule().requireNumberBetween(1, 5).setHelpText(t("validation.score")).build(),
    date: () => rule().requireDate().setHelpText(t("validation.date")).build(),
    nextDate: () => rule().requireDate().setHelpText(t("validation.date")).build(),
    done: checkbox,
    superseded: checkbox,
  };
  for (const [key, validation] of Object.entries(rules) as [
    ColumnKey,
    () => GoogleAppsScript.Spreadsheet.DataValidation,
  ][]) {
    const column = table.positions[key];
    if (column === undefined || !(LIST_COLUMNS.has(key) || table.createdColumns.has(key))) continue;
    dataColumn(table, column).setDataValidation(validation());
  }
}

/**
 * The overdue (red) and due-today (amber) row colours, written for the current positions of the next-date, done,
 * superseded, stage, follow-up date and next-step columns and for the table's language, which orders typed dates
 * (./due's rule, spelled by ../core/overdue-rules). The team's own conditional-format rules are kept; only the
 * add-on's are replaced (setConditionalFormatRules replaces all rules of the sheet).
 */
export function applyRowColouring(table: Table): void {
  const { nextDate, done, stage, superseded, date, nextStep, score } = table.positions;
  if (nextDate === undefined || stage === undefined) return;
  const sheet = table.followUps;
  const firstRow = table.headerRow + 1;
  const lastColumn = Math.max(sheet.getLastColumn(), ...Object.values(table.positions));
  const range = sheet.getRange(`A${firstRow}:${columnLetter(lastColumn)}${Math.max(firstRow, sheet.getMaxRows())}`);
  const teamRules = sheet.getConditionalFormatRules().filter((rule) => {
    const formula = rule.getBooleanCondition()?.getCriteriaValues()[0];
    return !(typeof formula === "string" && colouringOfFormula(formula));
  });
  const ours = (["overdue", "dueToday"] as RowColouring[]).map((colouring) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(
        rowColouringFormula(
          colouring,
          { nextDate, done, stage, superseded, date, nextStep, score, firstRow },
          table.settings,
          table.language,
        ),
      )
      .setBackground(ROW_COLOURS[colouring])
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...teamRules, ...ours]);
}
