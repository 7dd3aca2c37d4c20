/** Tests of src/core/customer-match: SPEC's customer key and phone digits as people type them, and the 查重 (duplicate), 撞单 (collision) and owner-change warnings shown before a follow-up is saved. */

import type { KnownCustomer } from "../../src/core/customer-match";
import { customerKey, knownCustomer, phoneDigits, phoneNumberOf, warningsFor } from "../../src/core/customer-match";

function customer(name: string, owner: string, contactInfo: string): KnownCustomer {
  return knownCustomer({ name, owner, contactInfo });
}

/** The table's customers as the warnings know them (from the customer index). */
const CUSTOMERS: KnownCustomer[] = [
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
  describe("customerKey", () => {
    it.each([
      ["上海 某科技", "上海某科技"],
      ["上海　某科技", "上海某科技"],
      ["某科技（集团）", "某科技"],
      ["某科技(集团)", "某科技"],
      ["某科技(上海)有限公司", "某科技"],
      ["某科技（上海）有限公司", "某科技"],
      ["某科技【华东】", "某科技"],
      ["上海某科技有限公司", "上海某科技"],
      ["上海某科技股份有限公司", "上海某科技"],
      ["上海某科技有限责任公司", "上海某科技"],
      ["上海某科技集团", "上海某科技"],
      ["上海某科技集团有限公司", "上海某科技"],
      ["  上海 某科技  有限公司 ", "上海某科技"],
      ["Globex Corporation", "Globex"],
      ["Globex Corp.", "globex"],
      ["Globex Group", "GLOBEX"],
      ["Globex Company", "Globex"],
      ["Globex Co.", "Globex"],
      ["Globex Limited", "Globex"],
      ["Globex Ltd", "Globex"],
      ["Globex, Inc.", "Globex"],
      ["Globex LLC", "Globex"],
      ["Globex (Asia) Pte. Ltd.", "Globex"],
      ["Acme Co., Ltd.", "ACME"],
      ["Acme Co.,Ltd", "acme"],
      ["ＡＣＭＥ　Ｔｒａｄｉｎｇ", "Acme Trading"],
      ["Acme-Trading", "Acme Trading"],
      ["Acme   Trading  Co.", "acme trading"],
      ["McDonald's", "McDonalds"],
      ["ABC科技 Co., Ltd.", "ABC科技"],
      ["上海 ABC 科技", "上海ABC科技"],
    ])("%j and %j are one customer", (a, b) => {
      expect(customerKey(a)).toBe(customerKey(b));
      expect(customerKey(b)).toBe(customerKey(a));
    });

    it.each([
      ["上海某科技", "北京某科技"],
      ["某科技(上海)有限公司", "某贸易(上海)有限公司"],
      ["Globex", "Globex Trading"],
      ["Acme Trading", "Acme Consulting"],
      ["华东某集团", "华南某集团"],
      ["Tesco", "Tes"],
      ["Microcorp", "Micro"],
    ])("%j and %j are two customers", (a, b) => {
      expect(customerKey(a)).not.toBe(customerKey(b));
    });

    it("gives the key the review's data sheet shows", () => {
      expect(customerKey("上海 某科技（集团）有限公司")).toBe("上海某科技");
      expect(customerKey("Globex Corporation")).toBe("globex");
      expect(customerKey("Acme   Trading  Co.")).toBe("acme trading");
    });

    it("never empties a name made only of legal-form words or brackets", () => {
      expect(customerKey("有限公司")).toBe("有限公司");
      expect(customerKey("Co., Ltd.")).toBe("co ltd");
      expect(customerKey("（上海）")).toBe("上海");
    });
  });

  describe("phoneDigits", () => {
    it.each([
      ["+86 138-0013-8000", "13800138000"],
      ["+86 13800138000", "13800138000"],
      ["86 138 0013 8000", "13800138000"],
      ["0086 13800138000", "13800138000"],
      ["(+86) 138 0013 8000", "13800138000"],
      ["１３８００１３８０００", "13800138000"],
      ["王经理 138.0013.8000", "13800138000"],
      ["+86 10 8888 6666", "010-8888-6666"],
      ["+86 (0)21 6234 5678", "(021) 6234-5678"],
    ])("%j and %j are one number", (a, b) => {
      expect(phoneDigits(a)).toBe(phoneDigits(b));
      expect(phoneDigits(a)).not.toBe("");
    });

    it("compares by digits only, China's country code left out", () => {
      expect(phoneDigits("+86 138-0013-8000")).toBe("13800138000");
      expect(phoneDigits("(021) 6234-5678")).toBe("02162345678");
      expect(phoneDigits("+1 415 555 0100")).toBe("14155550100");
    });

    it("keeps different numbers apart", () => {
      expect(phoneDigits("13800138000")).not.toBe(phoneDigits("13800138001"));
      expect(phoneDigits("+1 415 555 0100")).not.toBe(phoneDigits("415 555 0100 1"));
    });

    it.each([
      "微信 zhang_san",
      "分机 123",
      "jo@acme.example",
      "13800138000@qq.com",
      "QQ 12345678",
      "微信：13800138000",
      "",
    ])("finds no phone number in %j", (text) => {
      expect(phoneDigits(text)).toBe("");
      expect(phoneNumberOf(text)).toBeNull();
    });
  });

  describe("phoneNumberOf", () => {
    it("gives the number as typed and the number to dial: digits, with + before a country code", () => {
      expect(phoneNumberOf("+86 138-0013-8000")).toEqual({ typed: "+86 138-0013-8000", dial: "+8613800138000" });
      expect(phoneNumberOf("0086 138 0013 8000")).toEqual({ typed: "0086 138 0013 8000", dial: "+8613800138000" });
      expect(phoneNumberOf("张三(13800138000)")).toEqual({ typed: "13800138000", dial: "13800138000" });
      expect(phoneNumberOf("(+86) 138 0013 8000")).toEqual({ typed: "(+86) 138 0013 8000", dial: "+8613800138000" });
      expect(phoneNumberOf("(021) 6234-5678 转 801")).toEqual({ typed: "(021) 6234-5678", dial: "02162345678" });
      expect(phoneNumberOf("手机：１３８００１３８０００")).toEqual({ typed: "13800138000", dial: "13800138000" });
      expect(phoneNumberOf("jo@acme.example / +1 (415) 555-0100")).toEqual({
        typed: "+1 (415) 555-0100",
        dial: "+14155550100",
      });
    });
  });

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

    it("finds 查重 of the company written with a space, a region or 集团 in brackets, or a legal form", () => {
      for (const name of ["上海 某科技", "上海某科技（集团）", "上海某科技(上海)有限公司"]) {
        expect(warningsFor(form(name, "李四"), CUSTOMERS, "李四")).toEqual([
          { kind: "duplicate", existing: "上海某科技有限公司", owner: "李四", by: "name" },
        ]);
      }
      const customers = [...CUSTOMERS, customer("Globex", "Ann Lee", "")];
      expect(warningsFor(form("Globex Corporation", "Ann Lee"), customers, "Ann Lee")).toEqual([
        { kind: "duplicate", existing: "Globex", owner: "Ann Lee", by: "name" },
      ]);
      expect(warningsFor(form("北京某科技", "李四"), CUSTOMERS, "李四")).toEqual([]);
    });

    it("adds 撞单 and the owner change to a 查重 of another rep's customer", () => {
      expect(warningsFor(form("ACME", "王五"), CUSTOMERS, "王五")).toEqual([
        { kind: "duplicate", existing: "Acme, Inc.", owner: "Ann Lee", by: "name" },
        { kind: "collision", customer: "Acme, Inc.", owner: "Ann Lee" },
        { kind: "ownerChange", customer: "Acme, Inc.", from: "Ann Lee", to: "王五" },
      ]);
    });

    it("finds 查重 by phone digits however the number is written", () => {
      for (const phone of ["13800138000", "+86 13800138000", "138 0013 8000", "0086-138-0013-8000"]) {
        expect(warningsFor(form("上海某某信息", "李四", phone), CUSTOMERS, "李四")).toEqual([
          { kind: "duplicate", existing: "上海某科技有限公司", owner: "李四", by: "phone" },
        ]);
      }
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
