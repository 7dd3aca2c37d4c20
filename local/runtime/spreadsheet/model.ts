/** The in-memory data of emulated spreadsheets (cells, sheets, rules) and the contract the Spreadsheet service modules share. */

import type { Kernel } from "../kernel";

/**
 * A stored cell value. Empty is "". Dates and times are stored as Sheets stores them: a serial number
 * (days since 1899-12-30 in the spreadsheet's time zone) carrying a date/time number format.
 */
export type CellValue = string | number | boolean;

/** One cell. Absent cells in the grid are empty with automatic format. */
export interface Cell {
  /** The value, or for a formula cell its last computed result. */
  value: CellValue;
  /** The formula as entered (starting with "="), when the cell holds one. */
  formula?: string;
  /** The format Sheets' automatic formatting gives a formula's result (a date for =TODAY()+3), when numberFormat is unset. */
  resultFormat?: string;
  /** Set when the value was filled in by another cell's array formula (the cell itself is empty). */
  spill?: true;
  /** Why the runtime cannot give this formula's value (it calls, or reads, a function it does not evaluate). */
  notEmulated?: string;
  /** The number format pattern; undefined means automatic ("General"). "@" is plain text. */
  numberFormat?: string;
  /** The data validation rule on the cell (an immutable DataValidation from ./validation). */
  validation?: unknown;
  /** How far the cell is from the top-left cell of the range its rule was set on (a custom formula is relative to it). */
  validationOffset?: { rows: number; columns: number };
  note?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
}

/** A rectangle on one sheet, 1-based and inclusive of its start, as stored by rules, pivots and protections. */
export interface GridRangeRef {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A piece of developer metadata (Sheets API DeveloperMetadata), located on a row, column, sheet or spreadsheet. */
export interface DeveloperMetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: "DOCUMENT" | "PROJECT";
  location:
    | { type: "SPREADSHEET" }
    | { type: "SHEET"; sheetId: number }
    | { type: "ROW" | "COLUMN"; sheetId: number; index: number };
}

/** A named range (Spreadsheet.setNamedRange): its name and the rectangle it names, which moves with its cells. */
export interface NamedRangeModel {
  name: string;
  range: GridRangeRef;
}

/** A protection of a sheet or a range. */
export interface ProtectionModel {
  id: number;
  type: "SHEET" | "RANGE";
  /** For RANGE protections the protected range; for SHEET the whole sheet (range unused). */
  range: GridRangeRef;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  /** For SHEET protections: ranges left editable. */
  unprotectedRanges: GridRangeRef[];
}

/** Everything stored about one conditional-format rule; owned by ./conditional-format. */
export interface ConditionalFormatRuleModel {
  /** The ranges the rule applies to; the structural operations of the sheet shift them. */
  ranges: GridRangeRef[];
  [detail: string]: unknown;
}

/** Everything stored about one pivot table; owned by ./pivot. */
export interface PivotTableModel {
  /** Top-left output cell. */
  anchor: { sheetId: number; row: number; column: number };
  /** Source data (header row first). */
  source: GridRangeRef;
  /** Rectangle last written by the pivot, so a recompute can clear it first. */
  output: GridRangeRef | null;
  [detail: string]: unknown;
}

/** One embedded chart, stored on the sheet it floats over; owned by ./charts. */
export interface ChartModel {
  /** EmbeddedChart.getChartId(): stable and unique in the spreadsheet. */
  id: number;
  /** A Charts.ChartType name ("BAR", "LINE", ...). */
  chartType: string;
  /** The source data, possibly on other sheets; the structural operations of the sheets shift them. */
  ranges: GridRangeRef[];
  /** The cell (on the chart's own sheet) its top-left corner is anchored to, and its offsets in pixels. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  /** setOption(name, value) values by name ("title", "animation.duration", ...). */
  options: Map<string, unknown>;
  /** setNumHeaders(n); -1 when never set. */
  numHeaders: number;
}

/**
 * One filter view of a sheet (Sheets API FilterView, reachable through the Sheets advanced service only); owned by
 * ./filter-views. Each viewer opens it on their own; it changes nothing anyone else sees.
 */
export interface FilterViewModel {
  /** FilterView.filterViewId: unique in the spreadsheet. */
  id: number;
  title: string;
  /** The rows and columns it covers; its first row is the header row, which it never hides. */
  range: GridRangeRef;
  /** Its criteria, each on an absolute sheet column (1-based), as the API's filterSpecs give them. */
  specs: { column: number; criteria: GoogleAppsScript.Sheets.Schema.FilterCriteria }[];
  sortSpecs: GoogleAppsScript.Sheets.Schema.SortSpec[];
}

/** One sheet of a spreadsheet. */
export interface SheetModel {
  /** Stable id (Sheet.getSheetId()); the first sheet of a new spreadsheet has id 0. */
  id: number;
  name: string;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** rows[r-1][c-1]; sparse: missing rows/cells are empty. */
  rows: (Cell | undefined)[][];
  /** Column widths in pixels by 1-based column; absent means the default 100. */
  columnWidths: Map<number, number>;
  tabColor: string | null;
  conditionalFormatRules: ConditionalFormatRuleModel[];
  pivotTables: PivotTableModel[];
  /** Embedded charts (absent until the first one is inserted). */
  charts?: ChartModel[];
  /** Filter views (absent until the first one is added). */
  filterViews?: FilterViewModel[];
}

/** One spreadsheet (file). */
export interface SpreadsheetModel {
  id: string;
  name: string;
  /** IANA zone, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** Sheets locale, e.g. "zh_CN", "en_US". */
  locale: string;
  owner: string;
  editors: string[];
  sheets: SheetModel[];
  /** Index in `sheets` of the active sheet. */
  activeSheetIndex: number;
  /** The active (selected) range on the active sheet, if any. */
  activeRange: GridRangeRef | null;
  protections: ProtectionModel[];
  developerMetadata: DeveloperMetadataModel[];
  /** Named ranges (absent until the first is set); owned by ./named-ranges. */
  namedRanges?: NamedRangeModel[];
  nextSheetId: number;
  nextObjectId: number;
}

/**
 * What the Spreadsheet service modules (validation, conditional format, pivot) need from the core
 * Spreadsheet/Sheet/Range implementation, so they never reach into its classes.
 */
export interface SpreadsheetContext {
  kernel: Kernel;
  /** The spreadsheet the objects belong to. */
  spreadsheet: SpreadsheetModel;
  sheetById(sheetId: number): SheetModel;
  /** A Range object (the core's class) for a stored rectangle. */
  rangeOf(ref: GridRangeRef): GoogleAppsScript.Spreadsheet.Range;
  /** The rectangle of a Range object made by the core; throws Apps Script's error for foreign objects. */
  refOf(range: GoogleAppsScript.Spreadsheet.Range): GridRangeRef;
  /** Values as getValues() returns them (Dates in the current realm), without counting a call. */
  readValues(ref: GridRangeRef): unknown[][];
  /** Writes computed values (e.g. pivot output) without user-entered parsing or counting a call. */
  writeComputed(ref: GridRangeRef, values: CellValue[][]): void;
  /**
   * Brings the computed cells a pivot reads or rewrites up to date before it renders: the runtime's workbook renders
   * the pivots a write left stale (./pivot-staleness), evaluating formulas for them, and does nothing while it is
   * doing so (it has evaluated them).
   */
  settleFormulas(): void;
  /** Clears values and formats of a rectangle (e.g. old pivot output). */
  clearRect(ref: GridRangeRef): void;
}

/** The format a cell's value is shown in: its own, or for a formula's result the one Sheets picks automatically. */
export function shownFormat(cell: Cell): string | undefined {
  if (cell.numberFormat !== undefined) return cell.numberFormat;
  return cell.formula !== undefined || cell.spill ? cell.resultFormat : undefined;
}

/** A1 text of a column number (1 → "A", 27 → "AA"). */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 notation of a rectangle ("B2:D5", or "B2" for one cell). */
export function a1Of(ref: Omit<GridRangeRef, "sheetId">): string {
  const start = `${columnLetter(ref.column)}${ref.row}`;
  if (ref.numRows === 1 && ref.numColumns === 1) return start;
  return `${start}:${columnLetter(ref.column + ref.numColumns - 1)}${ref.row + ref.numRows - 1}`;
}

/**
 * Shifts or resizes a stored rectangle after rows/columns were inserted (delta > 0) or deleted (delta < 0)
 * at 1-based position `at`, the way Sheets moves rule, pivot and protection ranges. Returns null when the
 * rectangle was deleted entirely.
 */
export function shiftRange(
  ref: GridRangeRef,
  dimension: "ROWS" | "COLUMNS",
  at: number,
  delta: number,
): GridRangeRef | null {
  const startKey = dimension === "ROWS" ? "row" : "column";
  const sizeKey = dimension === "ROWS" ? "numRows" : "numColumns";
  let start = ref[startKey];
  let size = ref[sizeKey];
  const end = start + size - 1;
  if (delta > 0) {
    if (at <= start) start += delta;
    else if (at <= end) size += delta;
  } else {
    const delStart = at;
    const delEnd = at - delta - 1;
    if (delEnd < start) start += delta;
    else if (delStart <= end) {
      const overlap = Math.min(end, delEnd) - Math.max(start, delStart) + 1;
      size -= overlap;
      if (delStart < start) start = delStart;
      if (size <= 0) return null;
    }
  }
  return { ...ref, [startKey]: start, [sizeKey]: size };
}

/** Days between the Sheets epoch (1899-12-30) and the Unix epoch. */
export const SERIAL_EPOCH_OFFSET_DAYS = 25569;
