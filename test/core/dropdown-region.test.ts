/** Tests of src/core/dropdown-region: where a team's list column keeps the add-on's dropdowns, and when they are written again. */

import { dropdownRegion } from "../../src/core/dropdown-region";

/** "ours", "team's" or null, one per row from row 2 (below the header). */
type Rule = "ours" | "team's";
const region = (rules: (Rule | null)[], belowTyped: number) =>
  dropdownRegion<Rule>(rules, 2, belowTyped, (rule) => rule === "ours");

describe("dropdownRegion", () => {
  it("starts at the first row with the add-on's rule: the history above keeps no rule, or the team's own", () => {
    expect(region([null, "team's", null, "ours", "ours"], 5)).toEqual({ from: 5, intact: true });
  });

  it("starts below the header for a table whose every row carries the rule (as an older version left it)", () => {
    expect(region(["ours", "ours", "ours"], 5)).toEqual({ from: 2, intact: true });
  });

  it("is not intact when a cell inside the region lost its rule, and leaves the history out of it", () => {
    expect(region([null, null, "ours", null, "ours"], 4)).toEqual({ from: 4, intact: false });
  });

  it("counts a team's rule pasted inside the region as a rule (only a lost rule is written again)", () => {
    expect(region([null, "ours", "team's", "ours"], 3)).toEqual({ from: 3, intact: true });
  });

  it("starts below the last typed row when no row carries the rule any more", () => {
    expect(region([null, "team's", null, null, null], 4)).toEqual({ from: 4, intact: false });
  });

  it("is empty, and intact, when no row carries the rule and the typed rows reach the sheet's end", () => {
    expect(region([null, "team's", null], 5)).toEqual({ from: 5, intact: true });
  });

  it("asks whether a rule is the add-on's only until it finds one that is", () => {
    const asked: string[] = [];
    dropdownRegion(["a", "b", "ours", "c", "d"], 2, 9, (rule) => {
      asked.push(rule);
      return rule === "ours";
    });
    expect(asked).toEqual(["a", "b", "ours"]);
  });
});
