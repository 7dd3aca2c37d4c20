/** Tests of the emulated FilterCriteriaBuilder and FilterCriteria, and of how a criteria tests a source cell. */

import { Kernel } from "../../../../local/runtime/kernel";
import { newFilterCriteria } from "../../../../local/runtime/spreadsheet/pivot";
import { criteriaAccepts, criteriaDataOf } from "../../../../local/runtime/spreadsheet/pivot-filter";
import { TEST_NOW } from "./fixtures/pivot-context";

const kernel = new Kernel({ now: TEST_NOW, scriptTimeZone: "Asia/Shanghai" });
const builder = () => newFilterCriteria(kernel);
const accepts = (
  criteria: GoogleAppsScript.Spreadsheet.FilterCriteria,
  value: string | number | boolean,
  format?: string,
) => criteriaAccepts(criteriaDataOf(criteria) ?? (undefined as never), { value, format }, "Asia/Shanghai");

describe("pivot-filter", () => {
  describe("FilterCriteriaBuilder.build", () => {
    it("returns criteria that later builder calls do not change", () => {
      const b = builder().whenNumberGreaterThan(5);
      const built = b.build();
      b.whenTextContains("x").setVisibleValues(["a"]);
      expect(String(built.getCriteriaType())).toBe("NUMBER_GREATER_THAN");
      expect(built.getCriteriaValues()).toEqual([5]);
      expect(built.getVisibleValues()).toEqual([]);
    });

    it("has no criteria type when only values are set", () => {
      expect(builder().setVisibleValues(["Won"]).build().getCriteriaType()).toBeNull();
    });
  });

  describe("FilterCriteria.copy", () => {
    it("starts a builder from the criteria's settings", () => {
      const built = builder().setVisibleValues(["Lead"]).whenCellNotEmpty().build();
      const copy = built.copy().whenNumberBetween(1, 3).build();
      expect(copy.getVisibleValues()).toEqual(["Lead"]);
      expect(copy.getCriteriaValues()).toEqual([1, 3]);
      expect(String(built.getCriteriaType())).toBe("CELL_NOT_EMPTY");
    });
  });

  describe("FilterCriteriaBuilder.setVisibleValues", () => {
    it("clears hidden values, and setHiddenValues clears visible ones", () => {
      const b = builder().setHiddenValues(["x"]).setVisibleValues(["y"]);
      expect(b.getHiddenValues()).toEqual([]);
      expect(b.getVisibleValues()).toEqual(["y"]);
      b.setHiddenValues(["z"]);
      expect(b.getVisibleValues()).toEqual([]);
      expect(b.getHiddenValues()).toEqual(["z"]);
    });

    it("throws for a null value and for non-string values", () => {
      expect(() => builder().setVisibleValues(["a", null as unknown as string])).toThrow("Invalid argument: values");
      expect(() => builder().setVisibleValues([1, 2] as unknown as string[])).toThrow(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.FilterCriteriaBuilder.setVisibleValues.",
      );
    });
  });

  describe("FilterCriteriaBuilder.whenNumberGreaterThan", () => {
    it("throws the signature error for a numeric string", () => {
      expect(() => builder().whenNumberGreaterThan("5" as unknown as number)).toThrow(
        "The parameters (String) don't match the method signature for SpreadsheetApp.FilterCriteriaBuilder.whenNumberGreaterThan.",
      );
    });

    it("matches numbers only, not text or booleans", () => {
      const criteria = builder().whenNumberGreaterThan(5).build();
      expect([accepts(criteria, 6), accepts(criteria, 5), accepts(criteria, "7"), accepts(criteria, true)]).toEqual([
        true,
        false,
        false,
        false,
      ]);
    });
  });

  describe("FilterCriteriaBuilder.whenNumberBetween", () => {
    it("includes both ends", () => {
      const criteria = builder().whenNumberBetween(1, 3).build();
      expect([0, 1, 3, 4].map((n) => accepts(criteria, n))).toEqual([false, true, true, false]);
    });
  });

  describe("FilterCriteriaBuilder.whenDateBefore", () => {
    it("stores the date and returns it as a Date", () => {
      const date = kernel.newDate(Date.UTC(2024, 0, 8));
      const [value] = builder().whenDateBefore(date).build().getCriteriaValues() as [Date];
      expect(Object.prototype.toString.call(value)).toBe("[object Date]");
      expect(value.getTime()).toBe(date.getTime());
    });

    it("throws the signature error for a date string", () => {
      expect(() => builder().whenDateBefore("2024-01-08" as unknown as GoogleAppsScript.Base.Date)).toThrow(
        "The parameters (String) don't match the method signature for SpreadsheetApp.FilterCriteriaBuilder.whenDateBefore.",
      );
    });
  });

  describe("criteriaAccepts", () => {
    it("matches visible values against the displayed text of dates, numbers and booleans", () => {
      const criteria = builder().setVisibleValues(["2024-01-08", "1.5", "TRUE"]).build();
      expect(accepts(criteria, 45299, "yyyy-mm-dd")).toBe(true);
      expect(accepts(criteria, 45299)).toBe(false);
      expect(accepts(criteria, 1.5)).toBe(true);
      expect(accepts(criteria, true)).toBe(true);
    });

    it("matches empty and non-empty cells", () => {
      expect(accepts(builder().whenCellEmpty().build(), "")).toBe(true);
      expect(accepts(builder().whenCellNotEmpty().build(), "")).toBe(false);
    });

    it("compares text conditions case-insensitively", () => {
      expect(accepts(builder().whenTextEqualTo("won").build(), "Won")).toBe(true);
      expect(accepts(builder().whenTextStartsWith("W").build(), "won")).toBe(true);
      expect(accepts(builder().whenTextDoesNotContain("O").build(), "Won")).toBe(false);
    });
  });
});
