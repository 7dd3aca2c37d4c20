/** Tests of src/core/header-detection: finding a team's own table (Chinese or English headers) and what adoption appends. */

import { COLUMNS } from "../../src/core/columns";
import { detectTable, planAdoption, withCellsBelow } from "../../src/core/header-detection";
import { normalizeHeader } from "../../src/core/text";
import { ARTICLE_TABLE, ENGLISH_CRM } from "../fixtures/team-tables";

const [ARTICLE_HEADER = [], ...ARTICLE_ROWS] = ARTICLE_TABLE;
const CRM_HEADER = ENGLISH_CRM[0] ?? [];

describe("header-detection", () => {
  describe("detectTable", () => {
    it("maps every column of the article's table", () => {
      const table = detectTable([ARTICLE_HEADER, ...ARTICLE_ROWS]);
      expect(table).toMatchObject({
        headerRow: 1,
        columns: { customer: 1, contact: 2, date: 3, method: 4, summary: 5, stage: 6, nextStep: 7, owner: 8 },
        unrecognised: [],
        lastColumn: 8,
      });
      expect(table?.recognised[4]).toEqual({ key: "summary", column: 5, header: "跟进内容摘要" });
    });

    it("maps an English CRM export and leaves its own extra columns alone", () => {
      const table = detectTable([CRM_HEADER, ["Globex LLC", "Hank Scorpio", "+1 415 555 0100", new Date(2026, 10, 2)]]);
      expect(table?.columns).toEqual({
        customer: 1,
        contact: 2,
        contactInfo: 3,
        date: 4,
        method: 5,
        summary: 6,
        stage: 7,
        nextStep: 8,
        nextDate: 9,
        owner: 10,
        amount: 12,
      });
      expect(table?.unrecognised).toEqual([{ column: 11, header: "Region" }]);
      expect(table?.lastColumn).toBe(12);
    });

    it("finds the header below a title row and a blank row", () => {
      const values = [
        ["2024年销售跟进表", "", ""],
        ["", "", ""],
        ["客户", "跟进日期", "下次跟进"],
        ["上海某科技", "", ""],
      ];
      expect(detectTable(values)).toMatchObject({ headerRow: 3, columns: { customer: 1, date: 2, nextDate: 3 } });
    });

    it("recognises headers that contain a known name, preferring the longest", () => {
      const table = detectTable([["客户名称", "Next step / action", "本次沟通内容记录", "下次跟进日期（客户要求）"]]);
      expect(table?.columns).toEqual({ customer: 1, nextStep: 2, summary: 3, nextDate: 4 });
    });

    it("gives a repeated header to its first column only", () => {
      const table = detectTable([["客户名称", "备注", "跟进时间", "备注"]]);
      expect(table?.columns.notes).toBe(2);
      expect(table?.unrecognised).toEqual([{ column: 4, header: "备注" }]);
    });

    it("reads headers with stray spaces, full-width characters and required markers", () => {
      const table = detectTable([["客户名称 ", "　跟进时间（必填）", "ＣＵＳＴＯＭＥＲ　ＮＥＥＤ", "下一步 计划*"]]);
      expect(table?.columns).toEqual({ customer: 1, date: 2, need: 3, nextStep: 4 });
      expect(table?.recognised[0].header).toBe("客户名称");
    });

    it("skips the empty cells a merged header leaves and counts the last filled header cell", () => {
      const table = detectTable([["客户名称", "", "跟进时间", "", "备注", "", ""]]);
      expect(table?.columns).toEqual({ customer: 1, date: 3, notes: 5 });
      expect(table?.unrecognised).toEqual([]);
      expect(table?.lastColumn).toBe(5);
    });

    it("does not take numbers and dates in the scanned rows for headers", () => {
      const values = [
        [2024, new Date(2024, 0, 1), true],
        ["客户名称", "跟进时间", "当前阶段"],
        [1, new Date(2024, 5, 9), "已报价"],
      ];
      expect(detectTable(values)?.headerRow).toBe(2);
    });

    it("prefers the row with the most recognised columns, the upper one on a tie", () => {
      const values = [
        ["客户", "电话"],
        ["客户名称", "联系人", "跟进时间"],
        ["客户", "联系人", "日期"],
      ];
      expect(detectTable(values)?.headerRow).toBe(2);
    });

    it("returns null when no row names a customer and another column", () => {
      expect(
        detectTable([
          ["客户名称", "", ""],
          ["日期", "金额", "备注"],
        ]),
      ).toBeNull();
      expect(detectTable([])).toBeNull();
    });

    it("only looks at the top rows", () => {
      const values = [["title"], ["x"], ["客户名称", "跟进时间"]];
      expect(detectTable(values, 2)).toBeNull();
      expect(detectTable(values, 3)?.headerRow).toBe(3);
    });

    it("notes data sticking out to the right of the header", () => {
      const table = detectTable([
        ["标题"],
        ["客户名称", "跟进时间"],
        ["上海某科技", new Date(2024, 5, 10), "", "手写备注"],
      ]);
      expect(table?.lastColumn).toBe(2);
      expect(table?.lastUsedColumn).toBe(4);
    });
  });

  describe("withCellsBelow", () => {
    const top = [
      ["客户名称", "跟进时间"],
      ["上海某科技", "2024/6/10"],
    ];

    it("moves the last used column past a note typed right of the table further down", () => {
      const table = detectTable(top);
      if (!table) throw new Error("no table");
      // Columns C to E of the rows below the top ones: a note in E on one of them.
      const moved = withCellsBelow(
        table,
        [
          ["", "", ""],
          ["", "", "手写备注"],
        ],
        3,
      );
      expect(moved.lastUsedColumn).toBe(5);
      expect(moved).toEqual(detectTable([...top, ["", "", "", "", ""], ["北京某贸易", "", "", "", "手写备注"]]));
    });

    it("leaves it where it was when those cells are empty", () => {
      const table = detectTable(top);
      if (!table) throw new Error("no table");
      expect(withCellsBelow(table, [[""], [""]], 3)).toEqual(table);
    });
  });

  describe("headers as teams write them", () => {
    const keysOf = (header: string[]) => {
      const table = detectTable([header]);
      return Object.fromEntries((table?.recognised ?? []).map((r) => [r.header, r.key]));
    };

    it.each([
      [["客户名称", "跟进时间", "下次回访时间", "跟进人"], { 下次回访时间: "nextDate", 跟进人: "owner" }],
      [
        ["客户名称", "日期", "下次联系时间", "负责人", "是否完成"],
        { 下次联系时间: "nextDate", 负责人: "owner", 是否完成: "done" },
      ],
      [["客户", "跟进日期", "回访日期", "销售", "当前状态"], { 跟进日期: "date", 回访日期: "nextDate", 销售: "owner" }],
      [["客户名称", "拜访日期", "计划跟进日期", "业务员"], { 计划跟进日期: "nextDate", 业务员: "owner" }],
      [
        ["公司名称", "联系日期", "下次跟进", "销售员", "跟进状态"],
        { 下次跟进: "nextDate", 销售员: "owner", 跟进状态: "stage" },
      ],
      [
        ["客户名称", "沟通时间", "下一次拜访日期", "客户经理", "完成情况"],
        { 下一次拜访日期: "nextDate", 客户经理: "owner" },
      ],
      [["客户名称", "跟进时间", "回访时间", "负责人"], { 跟进时间: "date", 回访时间: "nextDate" }],
    ])("maps the zh header %j", (header, expected) => {
      expect(keysOf(header)).toMatchObject(expected);
    });

    it.each([
      [
        ["Customer", "Date", "Follow-up Date", "Rep", "Status", "Next action", "Done"],
        {
          Date: "date",
          "Follow-up Date": "nextDate",
          Rep: "owner",
          Status: "stage",
          "Next action": "nextStep",
          Done: "done",
        },
      ],
      [
        ["Account", "Contact date", "Next Follow-up", "Account Owner", "Deal Stage", "Next Step", "Completed"],
        { "Next Follow-up": "nextDate", "Account Owner": "owner", "Deal Stage": "stage", Completed: "done" },
      ],
      [
        ["Company", "Last contacted", "Follow up on", "Sales Rep", "Stage"],
        { "Last contacted": "date", "Follow up on": "nextDate", "Sales Rep": "owner" },
      ],
      [["Client", "Call date", "Next meeting date", "Owner"], { "Next meeting date": "nextDate", Owner: "owner" }],
    ])("maps the en header %j", (header, expected) => {
      expect(keysOf(header)).toMatchObject(expected);
    });

    describe("a follow-up date decided by context", () => {
      it("is the next date after a contact-date column, and says so", () => {
        const table = detectTable([["Customer", "Date", "Follow-up Date"]]);
        expect(table?.columns).toMatchObject({ date: 2, nextDate: 3 });
        expect(table?.recognised[2]).toEqual({ key: "nextDate", column: 3, header: "Follow-up Date", byContext: true });
        expect(detectTable([["客户名称", "跟进时间", "回访日期"]])?.columns).toMatchObject({ date: 2, nextDate: 3 });
      });

      it("is the contact date when it stands alone, or before the table's own next-date column", () => {
        expect(detectTable([["Customer", "Follow-up Date", "Owner"]])?.columns).toMatchObject({ date: 2 });
        expect(detectTable([["Customer", "Follow-up Date", "Owner"]])?.columns.nextDate).toBeUndefined();
        expect(detectTable([["客户名称", "回访日期", "负责人"]])?.columns).toEqual({ customer: 1, date: 2, owner: 3 });
        const own = detectTable([["客户名称", "跟进日期", "下次跟进日期"]]);
        expect(own?.columns).toMatchObject({ date: 2, nextDate: 3 });
        expect(own?.recognised.some((r) => r.byContext)).toBe(false);
      });

      it("is left alone when the table has both dates already", () => {
        const table = detectTable([["客户名称", "日期", "回访日期", "下次跟进日期"]]);
        expect(table?.columns).toMatchObject({ date: 2, nextDate: 4 });
        expect(table?.unrecognised).toEqual([{ column: 3, header: "回访日期" }]);
      });

      it("outranks a header that merely contains a date word (创建时间, 录入时间)", () => {
        expect(detectTable([["客户名称", "创建时间", "跟进时间"]])?.columns).toMatchObject({ date: 3 });
      });
    });

    it("does not take a stage or a next step for a date, nor a customer's manager for the customer", () => {
      expect(keysOf(["客户名称", "客户经理", "完成状态", "跟进计划", "跟进计划日期"])).toEqual({
        客户名称: "customer",
        客户经理: "owner",
        完成状态: "done",
        跟进计划: "nextStep",
        跟进计划日期: "nextDate",
      });
    });
  });

  describe("planAdoption", () => {
    it("appends the needed columns the article's table lacks, in catalogue order, after its last column", () => {
      const plan = planAdoption(detectTable([ARTICLE_HEADER, ...ARTICLE_ROWS]) ?? fail("no table"));
      expect(plan.toAppend).toEqual(["id", "need", "nextDate", "done", "loggedAt", "superseded"]);
      expect(plan.firstAppendColumn).toBe(9);
      expect(plan.columns.customer).toBe(1);
    });

    it("appends after data that sticks out past the header, so no typed cell is overwritten", () => {
      const plan = planAdoption(
        detectTable([
          ["客户名称", "跟进时间"],
          ["上海某科技", "", "", "手写备注"],
        ]) ?? fail("no table"),
      );
      expect(plan.firstAppendColumn).toBe(5);
    });

    it("appends only the add-on's own columns to a table that has every column the team types", () => {
      const full = COLUMNS.map((c) => c.header.en);
      expect(planAdoption(detectTable([full]) ?? fail("no table")).toAppend).toEqual(["id", "loggedAt", "superseded"]);
    });

    it("leaves the team's own ID and created-at columns theirs, and appends the add-on's own", () => {
      const table = detectTable([["ID", "客户名称", "跟进时间", "创建时间", "当前状态"]]) ?? fail("no table");
      expect(table.unrecognised.map((u) => u.header)).toEqual(["ID", "创建时间"]);
      expect(planAdoption(table).toAppend).toContain("id");
      expect(planAdoption(table).firstAppendColumn).toBe(6);
    });
  });

  describe("the column catalogue", () => {
    it("gives every header and alias to one column only, and each column's own headers map back to it", () => {
      const owners = new Map<string, string>();
      for (const spec of COLUMNS) {
        for (const name of [spec.header.zh, spec.header.en, ...spec.aliases]) {
          const normalized = normalizeHeader(name);
          expect([normalized, owners.get(normalized) ?? spec.key]).toEqual([normalized, spec.key]);
          owners.set(normalized, spec.key);
        }
      }
      // Only the team's columns are recognised: the add-on's own (ids, stamps, superseded) are never a team's.
      const teamColumns = COLUMNS.filter((c) => c.owner === "team").map((c) => c.key);
      for (const language of ["zh", "en"] as const) {
        const table = detectTable([COLUMNS.map((c) => c.header[language])]);
        expect(table?.recognised.map((r) => r.key)).toEqual(teamColumns);
      }
    });
  });
});

function fail(message: string): never {
  throw new Error(message);
}
