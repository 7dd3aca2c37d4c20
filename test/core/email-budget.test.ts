/** Tests of src/core/email-budget: UTF-8 sizes as Gmail counts them, and how much of each list fits a budget. */

import { shownCounts, utf8Bytes } from "../../src/core/email-budget";

describe("email budget", () => {
  it.each(["abc", "上海某科技", "Ünïcödé", "📞 13800138000", ""])("measures %j as UTF-8 does", (text) => {
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
  });

  it("gives every list its first entries before any list gets more", () => {
    const tens = (n: number) => Array(n).fill(10);
    // 100 bytes: 3 of each list first (90), then one more of the first list.
    expect(shownCounts([tens(50), tens(50), tens(50)], 100, 3, 100)).toEqual([4, 3, 3]);
    // Room for everything: each list whole, up to the most.
    expect(shownCounts([tens(5), tens(2), []], 1000, 3, 4)).toEqual([4, 2, 0]);
  });

  it("stops each list at its own most", () => {
    const tens = (n: number) => Array(n).fill(10);
    expect(shownCounts([tens(50), tens(50)], 10_000, 3, [30, 100])).toEqual([30, 50]);
    // A most below `first` wins in the first round too.
    expect(shownCounts([tens(50), tens(50)], 10_000, 10, [2, 100])).toEqual([2, 50]);
  });

  it("never skips an entry that does not fit to show a later, smaller one", () => {
    expect(shownCounts([[10, 500, 10]], 100, 3, 3)).toEqual([1]);
  });
});
