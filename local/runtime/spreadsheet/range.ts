/** The Range class of the emulated service (developers.google.com/apps-script/reference/spreadsheet/range). */

import { addMetadata, metadataOfRange, rangeLocation } from "./developer-metadata";
import { mapRect, outputValue, readRect, setValue, shownText, writeEntered } from "./grid";
import type { Cell } from "./model";
import { createPivotTable } from "./pivot";
import { createProtection, FakeProtection } from "./protection";
import { checkShape } from "./range-base";
import { RangeFormulas } from "./range-formulas";
import { selectRange } from "./spreadsheet";
import { DataValidationCriteria, isDataValidation, newDataValidation } from "./validation";

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The checked and unchecked values of a checkbox rule (true/false unless custom), or null for other rules. */
function checkboxValues(rule: unknown): { checked: unknown; unchecked: unknown } | null {
  const validation = rule as GoogleAppsScript.Spreadsheet.DataValidation | undefined;
  if (!validation || String(validation.getCriteriaType()) !== DataValidationCriteria.CHECKBOX) return null;
  const [checked = true, unchecked = checked === true ? false : ""] = validation.getCriteriaValues();
  return { checked, unchecked };
}

type RangeMethods =
  | "getRow"
  | "getColumn"
  | "getNumRows"
  | "getNumColumns"
  | "getLastRow"
  | "getLastColumn"
  | "getA1Notation"
  | "getSheet"
  | "offset"
  | "getCell"
  | "getValue"
  | "getValues"
  | "setValue"
  | "setValues"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFormula"
  | "getFormulas"
  | "getFormulaR1C1"
  | "getFormulasR1C1"
  | "setFormula"
  | "setFormulas"
  | "setFormulaR1C1"
  | "setFormulasR1C1"
  | "getHeight"
  | "getWidth"
  | "getRowIndex"
  | "getNumberFormat"
  | "getNumberFormats"
  | "setNumberFormat"
  | "setNumberFormats"
  | "clear"
  | "clearContent"
  | "clearFormat"
  | "getBackground"
  | "getBackgrounds"
  | "setBackground"
  | "setBackgrounds"
  | "setFontColor"
  | "setFontWeight"
  | "setHorizontalAlignment"
  | "setWrap"
  | "setNote"
  | "getNote"
  | "setNotes"
  | "getNotes"
  | "insertCheckboxes"
  | "isChecked"
  | "check"
  | "uncheck"
  | "setDataValidation"
  | "setDataValidations"
  | "getDataValidation"
  | "getDataValidations"
  | "clearDataValidations"
  | "createPivotTable"
  | "protect"
  | "activate"
  | "addDeveloperMetadata"
  | "getDeveloperMetadata";

/** The Range class: values, display values, validation, checkboxes, pivots, protection, metadata (the rest lives in its base classes). */
export class FakeRange extends RangeFormulas implements Pick<Range, RangeMethods> {
  /** "Returns the height of the range": getNumRows under another name (reference, Range#getHeight()). */
  getHeight(): number {
    this.call("getHeight");
    return this.numRows;
  }

  /** "Returns the width of the range in columns": getNumColumns under another name (reference, Range#getWidth()). */
  getWidth(): number {
    this.call("getWidth");
    return this.numColumns;
  }

  /** "Returns the row position for this range. Identical to getRow()." (reference, Range#getRowIndex()). */
  getRowIndex(): number {
    this.call("getRowIndex");
    return this.row;
  }

  getValue(): unknown {
    this.call("getValue", { cellsRead: 1 });
    this.workbook.settleValues(this.sheet, this);
    return outputValue(this.workbook, this.topLeft());
  }

  /** Fresh arrays: "" for empty cells, numbers, booleans, strings, and Dates for date/time formats. */
  getValues(): unknown[][] {
    this.call("getValues", { cellsRead: this.size });
    return readRect(this.workbook, this.sheet, this);
  }

  /** Sets every cell of the range, interpreting strings as typed (a leading "=" makes a formula). */
  setValue(...args: unknown[]): Range {
    this.call("setValue", { cellsWritten: this.size });
    if (args.length !== 1) throw this.fail("setValue", args);
    const value = args[0];
    writeEntered(this.workbook, this.sheet, this, () => value, `${this.className}.setValue`, [value]);
    return this.self();
  }

  /** Needs exactly the range's dimensions; behaves like USER_ENTERED input. */
  setValues(values: unknown[][]): Range {
    this.call("setValues", { cellsWritten: this.size });
    const data = checkShape(this.workbook, "Range.setValues", values, this.numRows, this.numColumns);
    writeEntered(this.workbook, this.sheet, this, (i, j) => data[i]?.[j], "Range.setValues", [values]);
    return this.self();
  }

  getDisplayValue(): string {
    this.call("getDisplayValue", { cellsRead: 1 });
    this.workbook.settleValues(this.sheet, this);
    const cell = this.topLeft();
    return cell ? shownText(cell) : "";
  }

  getDisplayValues(): string[][] {
    this.call("getDisplayValues", { cellsRead: this.size });
    this.workbook.settleValues(this.sheet, this);
    return mapRect(this.sheet, this, (cell) => (cell ? shownText(cell) : ""));
  }

  clearDataValidations(): Range {
    return this.clearing("clearDataValidations", { validations: true });
  }

  /** Checkbox validation on every cell, and every value set to the unchecked one (reference). */
  insertCheckboxes(...values: unknown[]): Range {
    this.call("insertCheckboxes", { cellsWritten: this.size });
    if (values.length > 2) throw this.fail("insertCheckboxes", values);
    const builder = newDataValidation(this.workbook.kernel) as unknown as {
      requireCheckbox(...v: unknown[]): GoogleAppsScript.Spreadsheet.DataValidationBuilder;
    };
    const rule = builder.requireCheckbox(...values).build();
    const unchecked = values.length === 0 ? false : values.length === 1 ? "" : values[1];
    this.update((cell) => {
      cell.validation = rule;
      setValue(cell, unchecked as Cell["value"]);
    });
    this.workbook.cellsChanged(this.sheet, this);
    return this.self();
  }

  /** true when every cell is checked, false when every cell is unchecked, else null. */
  isChecked(): boolean | null {
    this.call("isChecked", { cellsRead: this.size });
    this.workbook.settleValues(this.sheet, this);
    const states = new Set(
      mapRect(this.sheet, this, (cell) => {
        const box = checkboxValues(cell?.validation);
        if (!box) return "none";
        return cell?.value === box.checked ? "checked" : cell?.value === box.unchecked ? "unchecked" : "none";
      }).flat(),
    );
    if (states.size !== 1 || states.has("none")) return null;
    return states.has("checked");
  }

  private setChecked(method: string, checked: boolean): Range {
    this.call(method, { cellsWritten: this.size });
    this.update((cell) => {
      const box = checkboxValues(cell.validation);
      // Cells without a checkbox, or holding neither configured value, are left alone (reference).
      if (box && (cell.value === box.checked || cell.value === box.unchecked))
        cell.value = (checked ? box.checked : box.unchecked) as Cell["value"];
    });
    this.workbook.cellsChanged(this.sheet, this);
    return this.self();
  }

  check(): Range {
    return this.setChecked("check", true);
  }

  uncheck(): Range {
    return this.setChecked("uncheck", false);
  }

  /** A DataValidation rule for every cell, or null to clear. */
  setDataValidation(...args: (GoogleAppsScript.Spreadsheet.DataValidation | null)[]): Range {
    this.call("setDataValidation", { cellsWritten: this.size });
    const [rule] = args;
    if (
      args.length !== 1 ||
      rule === undefined ||
      (rule !== null && (typeof rule !== "object" || !isDataValidation(rule)))
    )
      throw this.fail("setDataValidation", args);
    return this.update((cell, i, j) => {
      if ("validationOffset" in cell) delete cell.validationOffset;
      if (rule === null) delete cell.validation;
      else {
        cell.validation = rule;
        if (i > 0 || j > 0) cell.validationOffset = { rows: i, columns: j };
      }
    });
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): Range {
    this.call("setDataValidations", { cellsWritten: this.size });
    const data = checkShape(this.workbook, "Range.setDataValidations", rules, this.numRows, this.numColumns);
    const valid = (r: unknown) => r === null || (typeof r === "object" && isDataValidation(r));
    if (!data.every((line) => line.every(valid))) throw this.fail("setDataValidations", [rules]);
    return this.update((cell, i, j) => {
      const rule = data[i]?.[j];
      if (rule === null || rule === undefined) delete cell.validation;
      else cell.validation = rule;
    });
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.call("getDataValidation", { cellsRead: 1 });
    return (this.topLeft()?.validation ?? null) as GoogleAppsScript.Spreadsheet.DataValidation | null;
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    this.call("getDataValidations", { cellsRead: this.size });
    return mapRect(
      this.sheet,
      this,
      (cell) => (cell?.validation ?? null) as GoogleAppsScript.Spreadsheet.DataValidation | null,
    );
  }

  /** A pivot table anchored at this range's top-left cell. */
  createPivotTable(sourceData: Range): GoogleAppsScript.Spreadsheet.PivotTable {
    this.call("createPivotTable");
    if (!(sourceData instanceof FakeRange)) throw this.fail("createPivotTable", [sourceData]);
    const source = this.workbook.refOf(sourceData);
    return createPivotTable(this.workbook, { sheetId: this.sheet.id, row: this.row, column: this.column }, source);
  }

  /** A new RANGE protection (it may overlap existing ones, per the reference). */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.call("protect");
    const model = createProtection(this.workbook, "RANGE", this.ref());
    return new FakeProtection(this.workbook, model) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  activate(): Range {
    this.call("activate");
    selectRange(this.workbook, this);
    return this.self();
  }

  /** Only on an entire row ("5:5") or column ("C:C"). */
  addDeveloperMetadata(...args: unknown[]): Range {
    this.call("addDeveloperMetadata");
    const location = rangeLocation(this.workbook, this.sheet.id, this);
    addMetadata(this.workbook, "Range.addDeveloperMetadata", args, location);
    return this.self();
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.call("getDeveloperMetadata");
    return metadataOfRange(
      this.workbook,
      this.sheet.id,
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata[];
  }
}
