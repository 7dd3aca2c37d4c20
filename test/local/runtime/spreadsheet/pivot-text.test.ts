/** Tests of how pivot tables order group values, show cells as text, and word their labels. */

import {
  collatorFor,
  compareGroupValues,
  displayText,
  pivotLabels,
} from "../../../../local/runtime/spreadsheet/pivot-text";

describe("pivot-text", () => {
  describe("compareGroupValues", () => {
    const sorted = (values: (string | number | boolean)[], ascending: boolean) =>
      [...values].sort((a, b) => compareGroupValues(a, b, collatorFor("en_US"), ascending));

    it("puts numbers before text before booleans, text without regard to case, blanks last", () => {
      expect(sorted([true, "", "bob", 10, "Alice", false, 2], true)).toEqual([2, 10, "Alice", "bob", false, true, ""]);
    });

    it("reverses everything but the blank when descending", () => {
      expect(sorted(["", "a", 1, "B"], false)).toEqual(["B", "a", 1, ""]);
    });
  });

  describe("displayText", () => {
    it("shows a date serial through its pattern and a plain number as the automatic format does", () => {
      expect(displayText({ value: 45299, format: "yyyy-mm-dd" })).toBe("2024-01-08");
      expect(displayText({ value: 0.1 + 0.2, format: undefined })).toBe("0.3");
      expect(displayText({ value: false, format: undefined })).toBe("FALSE");
    });
  });

  describe("pivotLabels", () => {
    it("words totals by the spreadsheet locale", () => {
      expect([pivotLabels("en_US").grandTotal, pivotLabels("en_US").subtotal("Q1")]).toEqual([
        "Grand Total",
        "Q1 Total",
      ]);
      expect([pivotLabels("zh_CN").grandTotal, pivotLabels("zh_CN").subtotal("Q1")]).toEqual(["总计", "Q1 汇总"]);
      expect(pivotLabels("zh_CN").valueName("COUNTA", "客户")).toBe("COUNTA of 客户");
    });
  });
});
