// Shared by every probe file: the scratch spreadsheet and sheet a probe works in, and how a probe reports an error.
// Plain Apps Script (V8); names ending in "_" are private, so `clasp run-function` cannot call them.

/** The scratch spreadsheet: the bound one, or (when run through the Apps Script API) the one the live runner recorded. */
function probeSpreadsheet_() {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getScriptProperties().getProperty("PROBE_SPREADSHEET_ID");
  if (!id) throw new Error("No scratch spreadsheet: run the live probes through `npm run probes:live`.");
  return SpreadsheetApp.openById(id);
}

/** A new empty sheet for one probe (name unique per call); the probe deletes it with probeDone_. */
function probeSheet_() {
  const spreadsheet = probeSpreadsheet_();
  return spreadsheet.insertSheet(`probe ${Utilities.getUuid().slice(0, 8)}`);
}

/** Deletes a probe's scratch sheet and returns `result`, so a probe can end with `return probeDone_(sheet, x)`. */
function probeDone_(sheet, result) {
  sheet.getParent().deleteSheet(sheet);
  return result;
}

/** The message `run` throws, or null when it does not throw: probes compare error texts, never stack traces. */
function probeError_(run) {
  try {
    run();
    return null;
  } catch (error) {
    return String(error && error.message !== undefined ? error.message : error);
  }
}
