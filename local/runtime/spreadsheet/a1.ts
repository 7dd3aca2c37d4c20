/** A1 notation: parsing "A1", "A1:B2", "A:A", "2:2", "A2:Q" and "'Sheet name'!A1" into rectangles of a sheet. */

/** One parsed A1 reference; null bounds are open (whole columns or rows). */
export interface A1Reference {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

/** The largest column Sheets can address ("ZZZ"). */
const MAX_COLUMN = 18278;
const ENDPOINT = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** 1-based column number of letters ("A" → 1, "AA" → 27); 0 for "". */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits "'My sheet'!A1:B2" into its sheet name (quotes doubled inside) and its range part. */
function splitSheet(text: string): { sheetName: string | null; rest: string } | null {
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    if (text[i + 1] !== "!") return null;
    return { sheetName: name, rest: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  return bang < 0 ? { sheetName: null, rest: text } : { sheetName: text.slice(0, bang), rest: text.slice(bang + 1) };
}

interface Endpoint {
  row: number | null;
  column: number | null;
}

function endpoint(text: string): Endpoint | null {
  const m = ENDPOINT.exec(text);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const column = m[1] ? columnNumber(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0 || (column !== null && column > MAX_COLUMN)) return null;
  return { row, column };
}

/** Parses A1 notation; null when Sheets would not recognise it. Reversed corners ("B2:A1") are normalised. */
export function parseA1(text: string): A1Reference | null {
  const split = splitSheet(text.trim());
  if (!split || split.rest === "") return null;
  const parts = split.rest.split(":");
  if (parts.length > 2) return null;
  const first = endpoint(parts[0] ?? "");
  if (!first) return null;
  if (parts.length === 1) {
    // A single endpoint must be a cell: "A" or "1" alone is not a range.
    if (first.row === null || first.column === null) return null;
    return {
      sheetName: split.sheetName,
      startRow: first.row,
      startColumn: first.column,
      endRow: first.row,
      endColumn: first.column,
    };
  }
  const second = endpoint(parts[1] ?? "");
  if (!second) return null;
  const cell = (e: Endpoint) => e.row !== null && e.column !== null;
  const column = (e: Endpoint) => e.row === null;
  const row = (e: Endpoint) => e.column === null;
  const ok =
    (cell(first) && (cell(second) || column(second))) || // "A1:B2", "A2:Q"
    (column(first) && column(second)) || // "A:C"
    (row(first) && row(second)); // "2:5"
  if (!ok) return null;
  const order = (a: number | null, b: number | null): [number | null, number | null] =>
    a !== null && b !== null && b < a ? [b, a] : [a, b];
  const [startRow, endRow] = column(second) && cell(first) ? [first.row, null] : order(first.row, second.row);
  const [startColumn, endColumn] = order(first.column, second.column);
  return { sheetName: split.sheetName, startRow, startColumn, endRow, endColumn };
}

/** The rectangle of a parsed reference on a sheet of the given size; null when it falls outside the grid. */
export function resolveA1(
  ref: A1Reference,
  maxRows: number,
  maxColumns: number,
): { row: number; column: number; numRows: number; numColumns: number } | null {
  const row = ref.startRow ?? 1;
  const column = ref.startColumn ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endColumn = ref.endColumn ?? maxColumns;
  if (endRow > maxRows || endColumn > maxColumns || row > endRow || column > endColumn) return null;
  return { row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 };
}
