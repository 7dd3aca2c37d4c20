/** Tests of src/core/customer-match: the 查重 (duplicate), 撞单 (collision) and owner-change warnings shown before a follow-up is saved. */

import { warningsFor } from "../../src/core/customer-match";
import type { CustomerSummary } from "../../src/core/sidebar-api";

function customer(name: string, owner: string, contactInfo: string): CustomerSummary {
  return { name, contact: "", contactInfo, need: "", stage: "已报价", owner, lastDate: "2024-06-10" };
}

/** The table's customers as the sidebar knows them. */
const CUSTOMERS: CustomerSummary[] = [
  customer("上海某科技有限公司", "李四", "+86 138-0013-8000"),
  customer("Acme, Inc.", "Ann Lee", "jo@acme.example"),
  customer("北京某贸易", "王五", "(010) 8888-6666"),
  customer("深圳某电子", "", "微信 shenzhen_dz"),
];

/** What the form says about the follow-up; the owner defaults to the user logging it. */
function form(customerName: string, owner: string, contactInfo = "") {
  return { customer: customerName, contactInfo, owner };
}

describe("customer-match", () => {
  describe("warningsFor", () => {
    it("has nothing to say about a new customer", () => {
      expect(warningsFor(form("广州某物流", "李四", "+86 139-0000-1111"), CUSTOMERS, "李四")).toEqual([]);
      expect(warningsFor(form("Globex LLC", "Ann Lee", "sales@globex.example"), CUSTOMERS, "Ann Lee")).toEqual([]);
    });

    it("has nothing to say when no customer is typed yet", () => {
      expect(warningsFor(form("   ", "王五", "13800138000"), CUSTOMERS, "王五")).toEqual([]);
    });

    it("has nothing to say about the user's own customer, typed exactly", () => {
      expect(warningsFor(form("上海某科技有限公司", "李四", "13800138000"), CUSTOMERS, "李四")).toEqual([]);
      expect(warningsFor(form("  Acme, Inc. ", "Ann Lee"), CUSTOMERS, "Ann Lee")).toEqual([]);
    });

    it("warns of 撞单 when another rep owns the customer", () => {
      expect(warningsFor(form("上海某科技有限公司", "李四"), CUSTOMERS, "王五")).toEqual([
        { kind: "collision", customer: "上海某科技有限公司", owner: "李四" },
      ]);
    });

    it("warns that ownership would change when the follow-up names another owner", () => {
      expect(warningsFor(form("上海某科技有限公司", "王五"), CUSTOMERS, "王五")).toEqual([
        { kind: "collision", customer: "上海某科技有限公司", owner: "李四" },
        { kind: "ownerChange", customer: "上海某科技有限公司", from: "李四", to: "王五" },
      ]);
      expect(warningsFor(form("上海某科技有限公司", "王五"), CUSTOMERS, "李四")).toEqual([
        { kind: "ownerChange", customer: "上海某科技有限公司", from: "李四", to: "王五" },
      ]);
    });

    it("warns of no owner change when the owner is left blank", () => {
      expect(warningsFor(form("北京某贸易", ""), CUSTOMERS, "王五")).toEqual([]);
      expect(warningsFor(form("北京某贸易", " "), CUSTOMERS, "李四")).toEqual([
        { kind: "collision", customer: "北京某贸易", owner: "王五" },
      ]);
    });

    it("has no collision or owner change for a customer nobody owns", () => {
      expect(warningsFor(form("深圳某电子", "王五"), CUSTOMERS, "王五")).toEqual([]);
    });

    it("finds 查重 by customer key: the same company written another way", () => {
      expect(warningsFor(form("上海某科技", "李四"), CUSTOMERS, "李四")).toEqual([
        { kind: "duplicate", existing: "上海某科技有限公司", owner: "李四", by: "name" },
      ]);
      expect(warningsFor(form("ACME", "Ann Lee"), CUSTOMERS, "Ann Lee")).toEqual([
        { kind: "duplicate", existing: "Acme, Inc.", owner: "Ann Lee", by: "name" },
      ]);
    });

    it("adds 撞单 and the owner change to a 查重 of another rep's customer", () => {
      expect(warningsFor(form("ACME", "王五"), CUSTOMERS, "王五")).toEqual([
        { kind: "duplicate", existing: "Acme, Inc.", owner: "Ann Lee", by: "name" },
        { kind: "collision", customer: "Acme, Inc.", owner: "Ann Lee" },
        { kind: "ownerChange", customer: "Acme, Inc.", from: "Ann Lee", to: "王五" },
      ]);
    });

    it("finds 查重 by phone digits however the number is written", () => {
      expect(warningsFor(form("上海某某信息", "李四", "13800138000"), CUSTOMERS, "李四")).toEqual([
        { kind: "duplicate", existing: "上海某科技有限公司", owner: "李四", by: "phone" },
      ]);
      expect(warningsFor(form("北京分公司", "李四", "010-88886666"), CUSTOMERS, "李四")).toEqual([
        { kind: "duplicate", existing: "北京某贸易", owner: "王五", by: "phone" },
        { kind: "collision", customer: "北京某贸易", owner: "王五" },
        { kind: "ownerChange", customer: "北京某贸易", from: "王五", to: "李四" },
      ]);
    });

    it("names one existing customer: the exact name first, then the customer key, then the phone", () => {
      expect(warningsFor(form("上海某科技有限公司", "王五", "(010) 8888-6666"), CUSTOMERS, "王五")).toEqual([
        { kind: "collision", customer: "上海某科技有限公司", owner: "李四" },
        { kind: "ownerChange", customer: "上海某科技有限公司", from: "李四", to: "王五" },
      ]);
      expect(warningsFor(form("ACME", "Ann Lee", "+86 138-0013-8000"), CUSTOMERS, "Ann Lee")).toEqual([
        { kind: "duplicate", existing: "Acme, Inc.", owner: "Ann Lee", by: "name" },
      ]);
    });

    it("never matches contacts that hold no phone number", () => {
      expect(warningsFor(form("杭州某网络", "王五", "微信 zhang_san"), CUSTOMERS, "王五")).toEqual([]);
      expect(warningsFor(form("杭州某网络", "王五", "jo@acme.example"), CUSTOMERS, "王五")).toEqual([]);
    });
  });
});
