/** Applies the table's dropdowns, date checks and overdue colouring for the current column positions; a fixed number of calls whatever the row count. */

import { columnLetter } from "../core/a1";
import { COLUMNS, type ColumnKey, type ColumnKind } from "../core/columns";
import { dropdownRegion } from "../core/dropdown-region";
import { fingerprint } from "../core/fingerprint";
import { colouringOfFormula, ROW_COLOURS, type RowColouring, rowColouringFormula } from "../core/overdue-rules";
import { SETTINGS_LAYOUT } from "../core/settings";
import { translator } from "../i18n/translate";
import { readValue, writeValue } from "./spreadsheet-metadata";
import type { Table } from "./table";

type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** Where the add-on records which dropdowns and checks it last applied (spreadsheet developer metadata). */
const APPLIED_KEY = "followUpTracker.validation";

/** The data rows of a column: from below the header (or from `from`) to the sheet's last row. */
function dataColumn(table: Table, column: number, from = table.headerRow + 1): Range {
  return table.followUps.getRange(from, column, Math.max(1, table.followUps.getMaxRows() - from + 1), 1);
}

/** A list column of another sheet below its header, as the source of a dropdown. */
function listSource(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number): Range {
  return sheet.getRange(2, column, Math.max(1, sheet.getMaxRows() - 1), 1);
}

/** List dropdowns: a warning on values not in the list, never a change to a cell, so they go on the team's columns too. */
const LIST_KINDS: ReadonlySet<ColumnKind> = new Set(["stage", "method", "owner", "source"]);

/** A column's rule, and whether it covers a region of a team's list column (../core/dropdown-region) or every data row. */
interface ColumnRule {
  key: ColumnKey;
  kind: ColumnKind;
  column: number;
  validation: () => DataValidation;
  region: boolean;
}

/** The rules of the table's columns: chosen by each column's kind (see `applyValidation`). */
function columnRules(table: Table): ColumnRule[] {
  const t = translator(table.language);
  const rule = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  const list = (sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, help: string) => () =>
    rule().requireValueInRange(listSource(sheet, column), true).setHelpText(help).build();
  const checkbox = () => SpreadsheetApp.newDataValidation().requireCheckbox().build();
  const rules: Partial<Record<ColumnKind, () => DataValidation>> = {
    stage: list(table.settingsSheet, SETTINGS_LAYOUT.stageName, t("validation.stage")),
    method: list(table.settingsSheet, SETTINGS_LAYOUT.method, t("validation.method")),
    source: list(table.settingsSheet, SETTINGS_LAYOUT.source, t("validation.source")),
    owner: list(table.team, 1, t("validation.owner")),
    score: () => rule().requireNumberBetween(1, 5).setHelpText(t("validation.score")).build(),
    date: () => rule().requireDate().setHelpText(t("validation.date")).build(),
    done: checkbox,
    superseded: checkbox,
  };
  return COLUMNS.flatMap((spec) => {
    const validation = rules[spec.kind];
    const column = table.positions[spec.key];
    if (!validation || column === undefined) return [];
    const created = table.createdColumns.has(spec.key);
    if (!(LIST_KINDS.has(spec.kind) || created)) return [];
    // A column the add-on created holds no history of the team's: its rule goes on every data row.
    return [{ key: spec.key, kind: spec.kind, column, validation, region: !created }];
  });
}

/**
 * Whether a rule read from a cell is one of the add-on's dropdowns: a list from a range of the Settings or Team sheet.
 * The verdict is kept per help text, so a team's own range dropdown on every history row costs two calls in all,
 * not two a row (their help text is not ours; a team rule with our very help text was copied from ours).
 */
function ourDropdown(listSheetIds: readonly number[]): (rule: DataValidation) => boolean {
  const sources = new Set(listSheetIds);
  const verdicts = new Map<string, boolean>();
  return (rule) => {
    if (rule.getCriteriaType() !== SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE) return false;
    const help = rule.getHelpText() ?? "";
    const known = verdicts.get(help);
    if (known !== undefined) return known;
    const [source] = rule.getCriteriaValues() as [Range | undefined];
    const verdict = source !== undefined && sources.has(source.getSheet().getSheetId());
    verdicts.set(help, verdict);
    return verdict;
  };
}

/**
 * Dropdowns from the Settings and Team sheets (ranges, not inline lists, so edits there apply at once and the
 * 500-item list limit never bites), whole numbers 1–5 for intent, dates on every date column, a checkbox for done
 * and superseded: chosen by each column's kind. Invalid input is allowed with a warning. Date, number and checkbox
 * rules go only on columns the add-on created: on a team's own column they would change how its cells show (a
 * checkbox over "否"), so those columns are left as the team keeps them. The team's own list columns get their
 * dropdowns only below the rows typed before adoption (../core/dropdown-region): a dropdown over that history would
 * mark every old value missing from the Settings lists, and the team's own rules there are theirs.
 *
 * Written only where needed: the rules last applied are recorded (which columns, which lists, which language); when
 * they are the same, a column is rewritten only if some cell of it (of its region) has lost its rule (a paste or a
 * clear removes it), one read of the column's rules instead of a write of them all. `dropdownsFrom`: adoption writes
 * the team's list columns for the first time from this row (the one below the rows typed), without reading them.
 */
export function applyValidation(table: Table, dropdownsFrom?: number): void {
  const columns = columnRules(table);
  const listSheetIds = [table.settingsSheet.getSheetId(), table.team.getSheetId()];
  const applied = fingerprint(
    JSON.stringify([
      columns.map(({ key, kind, column }) => [key, kind, column]),
      table.headerRow,
      table.language,
      [listSheetIds[0], table.settingsSheet.getMaxRows(), listSheetIds[1], table.team.getMaxRows()],
    ]),
  );
  const same = readValue(table.spreadsheet, APPLIED_KEY) === applied;
  const maxRows = table.followUps.getMaxRows();
  const firstRow = table.headerRow + 1;
  const isOurs = ourDropdown(listSheetIds);
  let belowTyped: number | undefined;
  for (const { column, validation, region } of columns) {
    if (!region) {
      const range = dataColumn(table, column);
      if (same && range.getDataValidations().every(([rule]) => rule !== null)) continue;
      range.setDataValidation(validation());
      continue;
    }
    let from = dropdownsFrom;
    if (from === undefined) {
      const rules = dataColumn(table, column)
        .getDataValidations()
        .map(([rule]) => rule ?? null);
      belowTyped ??= Math.max(table.followUps.getLastRow(), table.headerRow) + 1;
      const found = dropdownRegion(rules, firstRow, belowTyped, isOurs);
      if (same && found.intact) continue;
      from = found.from;
    }
    if (from <= maxRows) dataColumn(table, column, from).setDataValidation(validation());
  }
  if (!same) writeValue(table.spreadsheet, APPLIED_KEY, applied);
}

/** Every rule of the table's columns on the rows from `from` down, rows a save has just added below the table. */
export function applyValidationBelow(table: Table, from: number): void {
  for (const { column, validation } of columnRules(table))
    dataColumn(table, column, from).setDataValidation(validation());
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
