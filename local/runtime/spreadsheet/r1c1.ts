/** Formulas between A1 and R1C1 notation relative to the cell that holds them (R[-1]C[0] is the cell above, R1C1 is $A$1), and an A1 formula moved to another cell as Sheets fills it. */

import { columnNumber } from "./a1";
import { columnLetter } from "./model";

/** A reference in a formula is left alone inside string literals; function names (LOG10, R2(…)) are never references. */
const STRING = `"(?:[^"]|"")*"`;
const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!`;
const BEFORE = String.raw`(?<![\w.$:!'])`;
const AFTER = String.raw`(?![\w(!])`;

const A1_CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const A1_COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const A1_ROW = String.raw`\$?\d+`;
/** String | sheet prefix? + (cell:cell | cell:column | cell | column:column | row:row). */
const A1_REFERENCE = new RegExp(
  `(${STRING})|${BEFORE}(${SHEET})?(${A1_CELL}:${A1_CELL}|${A1_CELL}:${A1_COLUMN}|${A1_CELL}|${A1_COLUMN}:${A1_COLUMN}|${A1_ROW}:${A1_ROW})${AFTER}`,
  "g",
);

const OFFSET = String.raw`(?:\[-?\d+\]|\d+)`;
const R1C1_CELL = `R${OFFSET}?C${OFFSET}?`;
const R1C1_ROW = `R${OFFSET}?`;
const R1C1_COLUMN = `C${OFFSET}?`;
const R1C1_REFERENCE = new RegExp(
  `(${STRING})|${BEFORE}(${SHEET})?(${R1C1_CELL}:${R1C1_CELL}|${R1C1_CELL}:${R1C1_COLUMN}|${R1C1_CELL}|${R1C1_COLUMN}:${R1C1_COLUMN}|${R1C1_ROW}:${R1C1_ROW})${AFTER}`,
  "g",
);

/** One coordinate in R1C1: "R5" absolute, "R[-1]" relative, "R" the holder's own row. */
function r1c1Part(letter: "R" | "C", absolute: boolean, index: number, holder: number): string {
  if (absolute) return `${letter}${index}`;
  const offset = index - holder;
  return offset === 0 ? letter : `${letter}[${offset}]`;
}

/** One A1 endpoint ("$B7", "B", "7") as R1C1 relative to the holder cell. */
function endpointToR1C1(text: string, row: number, column: number): string {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(text) as RegExpExecArray;
  const [, columnDollar, letters, rowDollar, digits] = m as unknown as [string, string, string, string, string];
  const rowPart = digits === "" ? "" : r1c1Part("R", rowDollar === "$", Number(digits), row);
  const columnPart = letters === "" ? "" : r1c1Part("C", columnDollar === "$", columnNumber(letters), column);
  return rowPart + columnPart;
}

/** An A1 formula as the holder cell's R1C1 formula (what getFormulaR1C1 returns for it). */
export function a1ToR1C1(formula: string, row: number, column: number): string {
  return formula.replace(A1_REFERENCE, (match, literal: string | undefined, sheet: string | undefined, ref: string) => {
    if (literal !== undefined) return match;
    return (
      (sheet ?? "") +
      ref
        .split(":")
        .map((end) => endpointToR1C1(end, row, column))
        .join(":")
    );
  });
}

/** One R1C1 coordinate's index for the holder: null when it falls before the first row/column. */
function r1c1Index(part: string | undefined, holder: number): { index: number; absolute: boolean } | null {
  if (part === undefined || part === "") return { index: holder, absolute: false };
  if (part.startsWith("[")) {
    const index = holder + Number(part.slice(1, -1));
    return index >= 1 ? { index, absolute: false } : null;
  }
  return Number(part) >= 1 ? { index: Number(part), absolute: true } : null;
}

/** One R1C1 endpoint as A1 for the holder cell; null for a reference off the grid. */
function endpointToA1(text: string, row: number, column: number): string | null {
  const m = /^(?:R(\[-?\d+\]|\d+)?)?(?:C(\[-?\d+\]|\d+)?)?$/.exec(text) as RegExpExecArray;
  const hasRow = text.startsWith("R");
  const hasColumn = text.includes("C");
  const r = hasRow ? r1c1Index(m[1], row) : null;
  const c = hasColumn ? r1c1Index(m[2], column) : null;
  if ((hasRow && !r) || (hasColumn && !c)) return null;
  const columnText = c ? `${c.absolute ? "$" : ""}${columnLetter(c.index)}` : "";
  const rowText = r ? `${r.absolute ? "$" : ""}${r.index}` : "";
  return columnText + rowText;
}

/** An R1C1 formula as the A1 formula of the holder cell; references off the grid become #REF!. */
export function r1c1ToA1(formula: string, row: number, column: number): string {
  return formula.replace(
    R1C1_REFERENCE,
    (match, literal: string | undefined, sheet: string | undefined, ref: string) => {
      if (literal !== undefined) return match;
      const ends = ref.split(":").map((end) => endpointToA1(end, row, column));
      if (ends.some((end) => end === null)) return "#REF!";
      return (sheet ?? "") + ends.join(":");
    },
  );
}

/** The A1 formula written for (fromRow, fromColumn) as Sheets fills it into (row, column): relative references move. */
export function moveFormula(formula: string, fromRow: number, fromColumn: number, row: number, column: number): string {
  if (fromRow === row && fromColumn === column) return formula;
  return r1c1ToA1(a1ToR1C1(formula, fromRow, fromColumn), row, column);
}
