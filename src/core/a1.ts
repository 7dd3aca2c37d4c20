/** A1 notation helpers for building ranges and formulas. */

/** The letters of a 1-based column number (1 → "A", 28 → "AB"). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
