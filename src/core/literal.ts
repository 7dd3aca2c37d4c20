/** Makes text safe to write with setValues: Sheets reads written strings as if typed, so "=…" would become a formula and "+86 …" a number or formula. */

/**
 * The value to hand to setValues so the cell holds exactly `value`: strings get a leading apostrophe, which
 * Sheets takes as "this is text" and does not store (a customer called `=HYPERLINK(…)`, `+86 138…`, `@SUM(1)`,
 * `001` or `TRUE` stays literally that); numbers, booleans and dates pass through.
 */
export function asLiteral(value: unknown): unknown {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

/** `asLiteral` over a grid. */
export function literalGrid(grid: readonly (readonly unknown[])[]): unknown[][] {
  return grid.map((row) => row.map(asLiteral));
}
