// Sheets members a typical script uses: formulas in A1 and R1C1, named ranges and how they move, Sheet.copyTo's
// naming, the selection, and Range's height/width/row-index aliases. Each probe works in its own scratch sheet.

/** setFormula, setFormulaR1C1 and the R1C1 view of a formula; a formula set on several cells fills them. */
function probe_members_formulas() {
  const sheet = probeSheet_();
  sheet.getRange("B5").setFormula("=SUM(B2:B4)");
  sheet.getRange("C5").setFormulaR1C1("=SUM(R[-3]C[0]:R[-1]C[0])");
  sheet.getRange("D2:D4").setFormula("=A2*$B$1");
  return probeDone_(sheet, {
    a1: sheet.getRange("B5").getFormula(),
    r1c1: sheet.getRange("B5").getFormulaR1C1(),
    fromR1C1: sheet.getRange("C5").getFormula(),
    filled: sheet.getRange("D2:D4").getFormulas(),
    noFormulaR1C1: sheet.getRange("A1").getFormulaR1C1(),
  });
}

/** A named range is found by name, moves with inserted rows, and is gone once removed. */
function probe_members_namedRanges() {
  const sheet = probeSheet_();
  const spreadsheet = sheet.getParent();
  const name = `probe_${Utilities.getUuid().slice(0, 8)}`;
  spreadsheet.setNamedRange(name, sheet.getRange("B2:C3"));
  const set = spreadsheet.getRangeByName(name).getA1Notation();
  sheet.insertRowsBefore(1, 2);
  const moved = spreadsheet.getRangeByName(name).getA1Notation();
  const listed = sheet.getNamedRanges().map((n) => n.getName() === name);
  spreadsheet.removeNamedRange(name);
  return probeDone_(sheet, { set, moved, listed, removed: spreadsheet.getRangeByName(name) });
}

/** Sheet.copyTo names the copy "Copy of <name>" and copies values and formulas. */
function probe_members_copyTo() {
  const sheet = probeSheet_();
  sheet.getRange("A1:B1").setValues([["Name", 3]]);
  sheet.getRange("C1").setFormula("=B1*2");
  const copy = sheet.copyTo(sheet.getParent());
  const result = {
    named: copy.getName() === `Copy of ${sheet.getName()}`,
    values: copy.getRange("A1:B1").getValues(),
    formula: copy.getRange("C1").getFormula(),
  };
  sheet.getParent().deleteSheet(copy);
  return probeDone_(sheet, result);
}

/** setActiveRange selects a range; its top-left cell is the active and current cell. */
function probe_members_selection() {
  const sheet = probeSheet_();
  sheet.setActiveRange(sheet.getRange("B3:D6"));
  return probeDone_(sheet, {
    activeRange: sheet.getActiveRange().getA1Notation(),
    activeCell: sheet.getActiveCell().getA1Notation(),
    currentCell: sheet.getCurrentCell().getA1Notation(),
  });
}

/** getHeight, getWidth and getRowIndex are the range's rows, columns and first row. */
function probe_members_rangeAliases() {
  const sheet = probeSheet_();
  const range = sheet.getRange("C4:E10");
  return probeDone_(sheet, [range.getHeight(), range.getWidth(), range.getRowIndex()]);
}
