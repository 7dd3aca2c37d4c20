// Probes of formula evaluation: what a script reads from formula cells, and how formulas move when rows are inserted.

/** A formula's value, recalculated after a cell it reads changes; getFormula keeps the formula. */
function probe_formulas_values() {
  const sheet = probeSheet_();
  sheet.getRange("A1:A2").setValues([[2], [3]]);
  sheet.getRange("B1:B4").setValues([["=A1*A2"], ['=A1&"x"'], ["=1/0"], ["=IF(A1>1, TRUE, FALSE)"]]);
  const first = sheet.getRange("B1:B4").getValues();
  sheet.getRange("A2").setValue(10);
  return probeDone_(sheet, {
    first,
    after: sheet.getRange("B1").getValue(),
    formula: sheet.getRange("B4").getFormula(),
  });
}

/** =TODAY()+3 reads back as a Date (the result is formatted as a date); =TEXT(TODAY()) agrees with the spreadsheet's zone. */
function probe_formulas_today() {
  const sheet = probeSheet_();
  const zone = sheet.getParent().getSpreadsheetTimeZone();
  sheet.getRange("A1:B1").setValues([["=TODAY()+3", '=TEXT(TODAY(), "yyyy-mm-dd")']]);
  const [plusThree, today] = sheet.getRange("A1:B1").getValues()[0];
  const expected = Utilities.formatDate(new Date(), zone, "yyyy-MM-dd");
  return probeDone_(sheet, {
    isDate: Object.prototype.toString.call(plusThree) === "[object Date]",
    todayInZone: today === expected,
  });
}

/** References below inserted rows move; a cell reference into deleted rows becomes #REF!. */
function probe_formulas_shift() {
  const sheet = probeSheet_();
  sheet.getRange("D5:D6").setValues([["=SUM(A1:A3)"], ["=A2"]]);
  sheet.insertRowsBefore(2, 2);
  const inserted = sheet.getRange("D7:D8").getFormulas();
  sheet.deleteRows(4, 1);
  return probeDone_(sheet, { inserted, deleted: sheet.getRange("D6:D7").getFormulas() });
}

/** An array formula spills into the cells below; those cells hold no formula. */
function probe_formulas_spill() {
  const sheet = probeSheet_();
  sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
  sheet.getRange("B1").setFormula("=ARRAYFORMULA(A1:A3*10)");
  return probeDone_(sheet, {
    values: sheet.getRange("B1:B3").getValues(),
    formulaBelow: sheet.getRange("B2").getFormula(),
  });
}
