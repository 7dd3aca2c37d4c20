/** Tests of src/core/customers: who owns a customer when a second rep types it into the sheet (撞单: reported, ownership unchanged), hand-overs confirmed in the sidebar, and each customer's contact. */

import {
  collisionReport,
  customerContacts,
  handoversPresent,
  handoversWith,
  ownershipOf,
} from "../../src/core/customers";
import { dayFromYmd } from "../../src/core/dates";
import type { FollowUp } from "../../src/core/follow-ups";
import type { TeamMember } from "../../src/core/team";
import { followUpOf } from "../fixtures/follow-up";

function member(name: string, email: string): TeamMember {
  return { name, email, role: "rep", managerEmail: "", reminders: true, language: "" };
}

const TEAM = [member("李四", "li.si@example.cn"), member("王五", "wang.wu@example.cn"), member("Ann Lee", "ann@x.com")];

/** A follow-up of `customer` by `owner` on 2026-11-`day`, in sheet row `row`, with id FU-`row`. */
function row(row: number, customer: string, owner: string, day: number, more: Partial<FollowUp> = {}): FollowUp {
  return followUpOf({ row, id: `FU-${row}`, customer, owner, date: dayFromYmd(2026, 11, day), ...more });
}

const NONE: ReadonlySet<string> = new Set();

describe("customers", () => {
  describe("ownershipOf", () => {
    it("gives each customer the owner of its first row, named as on the Team sheet", () => {
      const { owners, collisions } = ownershipOf(
        [
          row(2, "上海某科技有限公司", "li.si@example.cn", 1),
          row(3, "上海某科技", "李四", 5),
          row(4, "Globex", "Ann Lee", 2),
        ],
        [],
        TEAM,
        NONE,
      );
      expect([...owners]).toEqual([
        ["上海某科技", "李四"],
        ["globex", "Ann Lee"],
      ]);
      expect(collisions).toEqual([]);
    });

    it("keeps the earlier owner when a second rep types the customer into the sheet, and reports the collision", () => {
      // 王五's row is the newest, and lower in the sheet than one of 李四's, and spelled another way.
      const rows = [
        row(2, "上海某科技有限公司", "李四", 1),
        row(3, "上海 某科技（集团）", "王五", 20),
        row(4, "上海某科技", "李四", 10),
        row(5, "北京某贸易", "王五", 3),
      ];
      const { owners, collisions } = ownershipOf(rows, [], TEAM, NONE);
      expect(owners.get("上海某科技")).toBe("李四");
      expect(collisions).toEqual([
        { customer: "上海 某科技（集团）", owner: "李四", ownerRows: [2, 4], other: "王五", otherRows: [3] },
      ]);
    });

    it("orders rows by follow-up date, not by where they are in the sheet", () => {
      const rows = [row(2, "深圳某电子", "王五", 25), row(3, "深圳某电子", "李四", 3)];
      const { owners, collisions } = ownershipOf(rows, [], TEAM, NONE);
      expect(owners.get("深圳某电子")).toBe("李四");
      expect(collisions.map((c) => [c.owner, c.other, c.otherRows])).toEqual([["李四", "王五", [2]]]);
    });

    it("moves the customer on a hand-over confirmed in the sidebar, and forgets the collisions before it", () => {
      const rows = [
        row(2, "上海某科技", "李四", 1),
        row(3, "上海某科技", "Ann Lee", 5),
        row(4, "上海某科技", "王五", 10),
        row(5, "上海某科技", "李四", 12),
      ];
      const { owners, collisions } = ownershipOf(rows, [], TEAM, new Set(["FU-4"]));
      expect(owners.get("上海某科技")).toBe("王五");
      // 李四 typed a row after the hand-over: that is a collision with the new owner.
      expect(collisions).toEqual([
        { customer: "上海某科技", owner: "王五", ownerRows: [4], other: "李四", otherRows: [5] },
      ]);
    });

    it("ignores rows without an owner and treats an owner's name and email as one person", () => {
      const rows = [
        row(2, "上海某科技", "", 1),
        row(3, "上海某科技", "王五", 2),
        row(4, "上海某科技", "WANG.WU@example.cn", 3),
      ];
      const { owners, collisions } = ownershipOf(rows, [], TEAM, NONE);
      expect(owners.get("上海某科技")).toBe("王五");
      expect(collisions).toEqual([]);
    });

    it("reports one collision per other rep", () => {
      const rows = [
        row(2, "Globex", "Ann Lee", 1),
        row(3, "Globex Corporation", "李四", 2),
        row(4, "GLOBEX", "王五", 3),
      ];
      expect(ownershipOf(rows, [], TEAM, NONE).collisions.map((c) => [c.other, c.otherRows])).toEqual([
        ["李四", [3]],
        ["王五", [4]],
      ]);
    });
  });

  describe("handoversWith / handoversPresent", () => {
    it("adds the new hand-over to those recorded (a save sees only its customer's rows)", () => {
      expect(handoversWith(["FU-3", "FU-99"], " fu-7 ")).toEqual(["FU-3", "FU-99", "FU-7"]);
      expect(handoversWith(["FU-7"], "FU-7")).toEqual(["FU-7"]);
    });

    it("keeps, for Sync, the hand-overs whose rows are still in the table", () => {
      const rows = [row(2, "上海某科技", "李四", 1), row(3, "上海某科技", "王五", 2)];
      expect(handoversPresent(["FU-3", "FU-99"], rows)).toEqual(["FU-3"]);
    });
  });

  describe("collisionReport", () => {
    const collision = {
      customer: "Globex",
      owner: "Ann Lee",
      ownerRows: [2, 5, 6, 7, 8, 9],
      other: "李四",
      otherRows: [12],
    };

    it("names the customer, both reps and the rows, in either language", () => {
      expect(collisionReport([collision], "en")).toEqual([
        "",
        "撞单: customers with two owners (1)",
        "- “Globex” is Ann Lee's (rows 2, 5, 6, 7, 8…); 李四 typed rows 12 into the sheet. It stays Ann Lee's, and each " +
          "row is still reminded to its own owner. To hand it to 李四, log a follow-up in the sidebar with 李四 as " +
          "owner and confirm the change; otherwise set those rows' owner to Ann Lee.",
      ]);
      expect(collisionReport([collision], "zh")[1]).toBe("撞单：同一客户有两位责任人（1 个）");
      expect(collisionReport([collision], "zh")[2]).toContain(
        "客户「Globex」归Ann Lee（第 2、5、6、7、8… 行），李四在表格中直接录入了第 12 行。",
      );
    });

    it("says nothing when there is no collision", () => {
      expect(collisionReport([], "zh")).toEqual([]);
    });
  });

  describe("customerContacts", () => {
    it("takes the contact and the contact details each from the newest row that has them", () => {
      const contacts = customerContacts([
        row(2, "上海某科技", "李四", 1, { contact: "陈工", contactInfo: "139 0000 1111" }),
        row(3, "上海某科技有限公司", "李四", 9, { contact: "王经理" }),
        row(4, "上海某科技", "李四", 12),
      ]);
      expect(contacts.get("上海某科技")).toEqual({ contact: "王经理", contactInfo: "139 0000 1111" });
    });
  });
});
