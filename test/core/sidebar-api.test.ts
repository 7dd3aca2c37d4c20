/** Tests of src/core/sidebar-api: the keys that confirm a warning, and the form fields the sidebar sends. */

import { FORM_FIELDS, type FollowUpForm, type Warning, warningKey } from "../../src/core/sidebar-api";

/** A form as the sidebar sends it; the compiler makes it name every field of FollowUpForm. */
const SAMPLE: FollowUpForm = {
  customer: "上海某科技有限公司",
  contact: "张三",
  contactInfo: "+86 138-0013-8000",
  date: "2024-06-12",
  method: "电话",
  need: "报价",
  summary: "电话沟通",
  stage: "已报价",
  nextStep: "回访",
  nextDate: "2024-06-14",
  owner: "李四",
  source: "展会",
  score: "4",
  notes: "",
};

const CUSTOMER = "上海某科技有限公司";

describe("sidebar-api", () => {
  describe("warningKey", () => {
    it("names the kind and what the user confirms", () => {
      expect(warningKey({ kind: "duplicate", existing: CUSTOMER, owner: "李四", by: "name" })).toBe(
        "duplicate:上海某科技有限公司:name",
      );
      expect(warningKey({ kind: "duplicate", existing: CUSTOMER, owner: "李四", by: "phone" })).toBe(
        "duplicate:上海某科技有限公司:phone",
      );
      expect(warningKey({ kind: "collision", customer: CUSTOMER, owner: "李四" })).toBe(
        "collision:上海某科技有限公司:李四",
      );
      expect(warningKey({ kind: "ownerChange", customer: CUSTOMER, from: "李四", to: "王五" })).toBe(
        "ownerChange:上海某科技有限公司:王五",
      );
    });

    it("gives the same key when the same warning comes back on a retry", () => {
      const warning = (): Warning => ({ kind: "collision", customer: "Acme, Inc.", owner: "Ann Lee" });
      expect(warningKey(warning())).toBe(warningKey(warning()));
    });

    it("gives each warning about one customer its own key, so confirming one confirms no other", () => {
      const warnings: Warning[] = [
        { kind: "duplicate", existing: CUSTOMER, owner: "李四", by: "name" },
        { kind: "duplicate", existing: CUSTOMER, owner: "李四", by: "phone" },
        { kind: "collision", customer: CUSTOMER, owner: "李四" },
        { kind: "collision", customer: CUSTOMER, owner: "赵六" },
        { kind: "ownerChange", customer: CUSTOMER, from: "李四", to: "王五" },
        { kind: "ownerChange", customer: CUSTOMER, from: "李四", to: "赵六" },
        { kind: "collision", customer: "上海某科技", owner: "李四" },
      ];
      const keys = warnings.map(warningKey);
      expect(new Set(keys).size).toBe(warnings.length);
    });
  });

  describe("FORM_FIELDS", () => {
    it("lists every field of the form exactly once", () => {
      expect(new Set(FORM_FIELDS).size).toBe(FORM_FIELDS.length);
      expect([...FORM_FIELDS].sort()).toEqual(Object.keys(SAMPLE).sort());
    });

    it("orders the three-part entry as the sidebar shows it: need, what we did, next step and its date", () => {
      expect(FORM_FIELDS[0]).toBe("customer");
      const order = ["need", "summary", "nextStep", "nextDate"].map((field) =>
        FORM_FIELDS.indexOf(field as keyof FollowUpForm),
      );
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order[0]).toBeGreaterThan(FORM_FIELDS.indexOf("date"));
    });
  });
});
