/** Where a team's list column keeps the add-on's dropdowns: the rows below the history it had when adopted, never the history itself. */

/** The rows of a team's list column that carry the add-on's dropdown, and whether any of them lost it. */
export interface DropdownRegion {
  /** First row of the region (1-based); the region runs from here to the sheet's last row. */
  from: number;
  /** Every row of the region still carries a rule: nothing to write. */
  intact: boolean;
}

/**
 * The region of a team's list column, from the rules read from `firstRow` down to the sheet's last row (null: no
 * rule). It starts at the first row carrying the add-on's rule (`isOurs`): the rows above are the team's history at
 * adoption and keep what they had, a team's own rule included. A table adopted before regions existed carries the
 * rule on every row, so its region starts at `firstRow`. When no row carries it any more, the region starts at
 * `belowTyped`, the row below the last one typed. `isOurs` is asked only until the first rule that is ours.
 *
 * A cell inside the region whose rule is gone (a paste, a clear) makes the region not intact; the rows of the
 * region are then written again.
 */
export function dropdownRegion<Rule>(
  rules: readonly (Rule | null)[],
  firstRow: number,
  belowTyped: number,
  isOurs: (rule: Rule) => boolean,
): DropdownRegion {
  const first = rules.findIndex((rule) => rule !== null && isOurs(rule));
  if (first === -1) return { from: belowTyped, intact: belowTyped > firstRow + rules.length - 1 };
  return { from: firstRow + first, intact: rules.slice(first).every((rule) => rule !== null) };
}
