/** Moves the same-sheet cell references inside a formula when rows or columns are inserted or deleted, as Sheets rewrites them. */

import { columnLetter } from "./model";

type Dimension = "ROWS" | "COLUMNS";

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One coordinate of a reference after the change: null when its row/column was deleted. */
function moved(index: number, at: number, delta: number): number | null {
  if (index < at) return index;
  if (delta > 0) return index + delta;
  return index < at - delta ? null : index + delta;
}

const CELL = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d+)`;
/** Alternatives, in order: a string literal, a reference qualified by a sheet name, a cell range, a cell, a column span, a row span. */
const REFERENCE = new RegExp(
  [
    `("(?:[^"]|"")*")`,
    String.raw`((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?)`,
    String.raw`(?<![\w.$:])${CELL}:${CELL}(?![\w(])`,
    String.raw`(?<![\w.$:])${CELL}(?![\w(:])`,
    String.raw`(?<![\w.$:])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(!])`,
    String.raw`(?<![\w.$:])(\$?)(\d+):(\$?)(\d+)(?![\w(])`,
  ].join("|"),
  "g",
);

/**
 * The formula after `delta` rows or columns were inserted (delta > 0) or deleted (delta < 0) at 1-based `at`
 * on the formula's own sheet. Every reference at or beyond `at` moves, relative or absolute alike (the `$`
 * only matters when copying); a single cell in deleted rows becomes `#REF!`; a range loses the deleted part.
 * References to other sheets are left as they are. Function names (LOG10) are never read as references.
 */
export function shiftFormulaReferences(formula: string, dim: Dimension, at: number, delta: number): string {
  return formula.replace(REFERENCE, (match: string, ...g: (string | undefined)[]) => {
    if (g[0] !== undefined || g[1] !== undefined) return match;
    if (g[2] !== undefined) {
      const [a1, c1, b1, r1, a2, c2, b2, r2] = g.slice(2, 10) as string[];
      const span =
        dim === "ROWS"
          ? moveSpan(Number(r1), Number(r2), at, delta)
          : moveSpan(columnNumber(c1), columnNumber(c2), at, delta);
      if (!span) return "#REF!";
      return dim === "ROWS"
        ? `${a1}${c1}${b1}${span[0]}:${a2}${c2}${b2}${span[1]}`
        : `${a1}${columnLetter(span[0])}${b1}${r1}:${a2}${columnLetter(span[1])}${b2}${r2}`;
    }
    if (g[10] !== undefined) {
      const [a, c, b, r] = g.slice(10, 14) as string[];
      const index = dim === "ROWS" ? moved(Number(r), at, delta) : moved(columnNumber(c), at, delta);
      if (index === null) return "#REF!";
      return dim === "ROWS" ? `${a}${c}${b}${index}` : `${a}${columnLetter(index)}${b}${r}`;
    }
    if (g[14] !== undefined) {
      if (dim === "ROWS") return match;
      const [a1, c1, a2, c2] = g.slice(14, 18) as string[];
      const span = moveSpan(columnNumber(c1), columnNumber(c2), at, delta);
      return span ? `${a1}${columnLetter(span[0])}:${a2}${columnLetter(span[1])}` : "#REF!";
    }
    if (dim === "COLUMNS") return match;
    const [a1, r1, a2, r2] = g.slice(18, 22) as string[];
    const span = moveSpan(Number(r1), Number(r2), at, delta);
    return span ? `${a1}${span[0]}:${a2}${span[1]}` : "#REF!";
  });
}

/** A span of rows or columns after the change, or null when all of it was deleted. */
function moveSpan(start: number, end: number, at: number, delta: number): [number, number] | null {
  if (delta > 0) return [moved(start, at, delta) ?? start, moved(end, at, delta) ?? end];
  const lastDeleted = at - delta - 1;
  const newStart = start < at ? start : start > lastDeleted ? start + delta : at;
  const newEnd = end < at ? end : end > lastDeleted ? end + delta : at - 1;
  return newEnd < newStart ? null : [newStart, newEnd];
}
