/** Tests of what the sidebar shows through src/core/customer-index: the customers the autocomplete offers, and the member's overdue and due-today follow-ups, which must be exactly what that member's daily digest lists. */

import { dueItemsOf, indexEntries, summaryOf } from "../../src/core/customer-index";
import { customerKey } from "../../src/core/customer-match";
import { dayFromYmd, dayInZone } from "../../src/core/dates";
import { buildDigests, type DigestItem } from "../../src/core/digest";
import { agendaOf, dueOf } from "../../src/core/due";
import { type FollowUp, type RowProblem, readFollowUps } from "../../src/core/follow-ups";
import { type Pool, type PoolEvent, poolOf } from "../../src/core/pool";
import { defaultSettings } from "../../src/core/settings";
import type { CustomerSummary, DueItem } from "../../src/core/sidebar-api";
import type { TeamMember } from "../../src/core/team";
import { at, day } from "../fixtures/shanghai-dates";

/** A table whose Pool log is empty: nobody released or claimed anything. */
const NO_POOL: Pool = { released: new Map(), claimed: new Map() };

const ZONE = "Asia/Shanghai";
const TODAY = dayFromYmd(2026, 11, 27);
const settings = defaultSettings("zh");
const COLUMNS = {
  id: 1,
  customer: 2,
  contact: 3,
  contactInfo: 4,
  date: 5,
  need: 6,
  stage: 7,
  nextStep: 8,
  nextDate: 9,
  owner: 10,
  done: 11,
  loggedAt: 12,
} as const;

type Cells = Partial<Record<keyof typeof COLUMNS, unknown>>;

/** One sheet row; synced (a logged-at stamp) and not done unless told otherwise. */
function sheetRow(cells: Cells): unknown[] {
  const row: unknown[] = Array(12).fill("");
  const all: Cells = { done: false, loggedAt: at(11, 26, 18), ...cells };
  for (const [key, value] of Object.entries(all)) row[COLUMNS[key as keyof typeof COLUMNS] - 1] = value;
  return row;
}

function read(rows: Cells[]): { followUps: FollowUp[]; problems: RowProblem[] } {
  return readFollowUps(rows.map(sheetRow), 2, COLUMNS, ZONE);
}

function member(name: string, email: string): TeamMember {
  return { name, email, role: "rep", managerEmail: "", reminders: true, language: "" };
}

const LI_SI = member("李四", "li.si@example.cn");
const ANNA = member("Anna Smith", "anna@example.com");
const ZHANG_A = member("张三", "zhang.san.a@example.cn");
const ZHANG_B = member("张三", "zhang.san.b@example.cn");
const WANG_WU = member("王五", "wang.wu@example.cn");
const TEAM = [LI_SI, ANNA, ZHANG_A, ZHANG_B, WANG_WU];

/** The autocomplete's customers from the index entries of a table, by name. */
function customerSummaries(rows: { followUps: FollowUp[]; problems: RowProblem[] }, handovers: ReadonlySet<string>) {
  const entries = indexEntries({ ...rows, settings, team: TEAM, handovers, pool: NO_POOL });
  return entries
    .filter((e) => e.key !== "")
    .map(summaryOf)
    .sort((a: CustomerSummary, b: CustomerSummary) => a.name.localeCompare(b.name));
}

/** The member's due list from the index entries of a table, as the sidebar shows it. */
function dueItemsFor(
  rows: { followUps: FollowUp[]; problems: RowProblem[] },
  who: TeamMember | undefined,
  pool = NO_POOL,
) {
  const entries = indexEntries({ ...rows, settings, team: TEAM, handovers: new Set(), pool });
  return dueItemsOf(entries, TEAM, who, TODAY);
}

describe("sidebar-data", () => {
  describe("customerSummaries", () => {
    function summaries(rows: Cells[], handovers: ReadonlySet<string> = new Set()) {
      return customerSummaries(read(rows), handovers);
    }

    /** Two spellings of 上海某科技; the latest row (row 4) has no contact details, row 5 below it is older than it. */
    const ROWS: Cells[] = [
      {
        customer: "上海某科技有限公司",
        contact: "陈工",
        contactInfo: "139 0000 1111",
        date: day(11, 1),
        need: "ERP 选型",
        stage: "新线索",
        owner: "李四",
      },
      {
        customer: "深圳某电子",
        contact: "赵总",
        contactInfo: "0755-12345678",
        date: day(11, 15),
        need: "采购 500 台",
        stage: "已报价",
        owner: "王五",
      },
      { customer: "上海某科技", date: day(11, 20), need: "合同条款", stage: "谈判中", owner: "李四" },
      {
        customer: "上海某科技有限公司",
        contact: "王经理",
        contactInfo: "138 0013 8000",
        date: day(11, 10),
        need: "ERP 选型",
        stage: "需求确认",
        owner: "李四",
      },
      {
        customer: "Acme Co., Ltd.",
        contact: "Bob",
        contactInfo: "bob@acme.example",
        date: day(11, 5),
        stage: "已报价",
        owner: "Anna Smith",
      },
      { customer: "", date: day(11, 21), stage: "新线索", owner: "李四" },
    ];

    it("lists each customer once, however spelled, as of its latest row, sorted by name", () => {
      expect(summaries(ROWS.filter((_, i) => i !== 3))).toEqual([
        {
          name: "Acme Co., Ltd.",
          contact: "Bob",
          contactInfo: "bob@acme.example",
          need: "",
          stage: "已报价",
          owner: "Anna Smith",
          lastDate: "2026-11-05",
        },
        {
          name: "上海某科技",
          contact: "陈工",
          contactInfo: "139 0000 1111",
          need: "合同条款",
          stage: "谈判中",
          owner: "李四",
          lastDate: "2026-11-20",
        },
        {
          name: "深圳某电子",
          contact: "赵总",
          contactInfo: "0755-12345678",
          need: "采购 500 台",
          stage: "已报价",
          owner: "王五",
          lastDate: "2026-11-15",
        },
      ]);
    });

    it("takes the contact details from the latest row that has them, when rows are in date order", () => {
      const inDateOrder = [ROWS[0], ROWS[3], ROWS[2]];
      const [shanghai] = summaries(inDateOrder);
      expect([shanghai.name, shanghai.contact, shanghai.contactInfo]).toEqual([
        "上海某科技",
        "王经理",
        "138 0013 8000",
      ]);
    });

    it("takes the contact details from the latest row that has them, whatever the rows' order in the sheet", () => {
      // Row 2 (11-01, 陈工), row 4 (11-20, no contact), row 5 (11-10, 王经理): the latest row with a contact is row 5.
      const shanghai = summaries(ROWS).find((s) => s.name === "上海某科技");
      expect([shanghai?.contact, shanghai?.contactInfo]).toEqual(["王经理", "138 0013 8000"]);
    });

    it("takes the customer's latest row by date, not the lowest row in the sheet, and its owner as ./customers decides", () => {
      const rows: Cells[] = [
        { id: "FU-2", customer: "深圳某电子", date: day(11, 25), stage: "谈判中", owner: "王五" },
        { id: "FU-1", customer: "深圳某电子", date: day(11, 3), stage: "新线索", owner: "李四" },
      ];
      // 王五's row was typed into the sheet: 撞单, and the customer stays 李四's.
      expect(summaries(rows).map((s) => [s.stage, s.owner, s.lastDate])).toEqual([["谈判中", "李四", "2026-11-25"]]);
      // Handed over in the sidebar (a confirmed owner change): 王五's.
      expect(summaries(rows, new Set(["FU-2"])).map((s) => s.owner)).toEqual(["王五"]);
    });

    it("offers no customer for a table without rows", () => {
      expect(summaries([])).toEqual([]);
    });
  });

  describe("dueItemsFor", () => {
    /** Today is 2026-11-27. */
    const ROWS: Cells[] = [
      { id: "FU-1", customer: "上海某科技", date: day(11, 10), stage: "已报价", nextDate: day(11, 20), owner: "李四" },
      {
        id: "FU-2",
        customer: "北京某贸易",
        date: day(11, 10),
        stage: "谈判中",
        nextStep: "确认付款方式",
        nextDate: day(11, 27),
        owner: " LI.SI@EXAMPLE.CN ",
      },
      { id: "FU-3", customer: "深圳某电子", date: day(11, 10), stage: "已报价", nextDate: day(11, 25), owner: "李四" },
      { id: "FU-4", customer: "广州某制造", date: day(11, 10), stage: "待回访", nextDate: day(11, 28), owner: "李四" },
      {
        id: "FU-5",
        customer: "杭州某网络",
        date: day(11, 10),
        stage: "待回访",
        nextDate: day(11, 20),
        owner: "李四",
        done: "是",
      },
      { id: "FU-6", customer: "成都某餐饮", date: day(11, 10), stage: "已成交", nextDate: day(11, 20), owner: "李四" },
      { id: "FU-7", customer: "南京某物流", date: day(11, 10), stage: "待回访", nextDate: day(11, 20), owner: "李四" },
      { id: "FU-8", customer: "南京某物流", date: day(11, 24), stage: "需求确认", nextDate: day(12, 5), owner: "李四" },
      { id: "FU-9", customer: "苏州某材料", date: day(11, 10), stage: "待回访", nextDate: day(11, 20), owner: "张三" },
      {
        id: "FU-10",
        customer: "Acme Co., Ltd.",
        date: day(11, 10),
        stage: "新线索",
        nextDate: day(11, 26),
        owner: "anna smith",
      },
      { id: "FU-11", customer: "天津某化工", date: day(11, 10), stage: "谈判中", nextDate: day(11, 20), owner: "李四" },
      {
        id: "FU-12",
        customer: "重庆某汽配",
        date: day(11, 10),
        stage: "谈判中",
        nextDate: day(11, 22),
        owner: "zhang.san.b@example.cn",
      },
    ];

    function dueFor(who: TeamMember | undefined): DueItem[] {
      return dueItemsFor(read(ROWS), who);
    }

    it("gives the member's overdue and due-today rows, most overdue first, then by row", () => {
      expect(dueFor(LI_SI).map((item) => [item.id, item.daysOverdue])).toEqual([
        ["FU-1", 7],
        ["FU-11", 7],
        ["FU-3", 2],
        ["FU-2", 0],
      ]);
    });

    it("marks a date read from the next step, the next-date cell being empty, so the list can offer to write it", () => {
      const rows: Cells[] = [
        {
          id: "FU-21",
          customer: "厦门某贸易",
          date: day(11, 20),
          stage: "已报价",
          nextStep: "11/25回访报价反馈",
          owner: "李四",
        },
        {
          id: "FU-22",
          customer: "福州某茶业",
          date: day(11, 20),
          stage: "已报价",
          nextStep: "回访",
          nextDate: day(11, 27),
          owner: "李四",
        },
        {
          id: "FU-23",
          customer: "泉州某鞋业",
          date: day(11, 20),
          stage: "已报价",
          nextStep: "周五前发合同",
          owner: "李四",
        },
      ];
      const items = dueItemsFor(read(rows), LI_SI);
      expect(items).toEqual([
        {
          row: 2,
          id: "FU-21",
          customer: "厦门某贸易",
          stage: "已报价",
          nextStep: "11/25回访报价反馈",
          nextDate: "2026-11-25",
          nextDateSource: "text",
          daysOverdue: 2,
        },
        {
          row: 3,
          id: "FU-22",
          customer: "福州某茶业",
          stage: "已报价",
          nextStep: "回访",
          nextDate: "2026-11-27",
          daysOverdue: 0,
        },
      ]);
    });

    it("describes each follow-up as the list shows it", () => {
      expect(dueFor(LI_SI).find((item) => item.id === "FU-2")).toEqual({
        row: 3,
        id: "FU-2",
        customer: "北京某贸易",
        stage: "谈判中",
        nextStep: "确认付款方式",
        nextDate: "2026-11-27",
        daysOverdue: 0,
      });
    });

    it("matches the owner by name or by email, in any case and with spaces around", () => {
      const ids = dueFor(LI_SI).map((item) => item.id);
      expect(ids).toContain("FU-2");
      expect(dueFor(ANNA).map((item) => item.id)).toEqual(["FU-10"]);
    });

    it("leaves out upcoming, done, closed and superseded rows", () => {
      const ids = dueFor(LI_SI).map((item) => item.id);
      for (const left of ["FU-4", "FU-5", "FU-6", "FU-7", "FU-8"]) expect(ids).not.toContain(left);
    });

    it("gives nothing by name to a member whose name is on two Team rows", () => {
      expect(dueFor(ZHANG_A)).toEqual([]);
      // A row owned by one of them by email is still theirs.
      expect(dueFor(ZHANG_B).map((item) => item.id)).toEqual(["FU-12"]);
    });

    it("gives nothing to a member with nothing due, to someone not on the Team sheet, and to nobody", () => {
      expect(dueFor(WANG_WU)).toEqual([]);
      expect(dueFor(member("李四", "li.si@example.cn"))).toEqual([]);
      expect(dueFor(member("赵六", "zhao.liu@example.cn"))).toEqual([]);
      expect(dueFor(undefined)).toEqual([]);
    });

    describe("agrees with the daily digest", () => {
      const CUSTOMERS = [
        "上海某科技有限公司",
        "上海某科技",
        "北京某贸易",
        "深圳某电子",
        "广州某制造",
        "Acme Co., Ltd.",
        "ACME Inc",
        "杭州某网络",
        "成都某餐饮",
        "南京某物流",
      ];
      const OWNERS = [
        "李四",
        "li.si@example.cn",
        " LI.SI@EXAMPLE.CN ",
        "Anna Smith",
        "anna smith",
        "王五",
        "wang.wu@example.cn",
        "张三",
        "zhang.san.a@example.cn",
        "陌生人",
        "",
      ];
      const STAGES = ["新线索", "待回访", "需求确认", "已报价", "谈判中", "签约中", "已成交", "已流失"];
      const DONE: unknown[] = ["", "否", false, "是", true, "", "未完成"];

      /** 48 rows, spread over customers (some with several rows), owners, stages, done marks, next dates around today (some in the next step), and stamps. */
      function generatedRows(): Cells[] {
        return Array.from({ length: 48 }, (_, i) => ({
          id: `FU-${100 + i}`,
          customer: i % 4 === 0 ? CUSTOMERS[(i / 4) % CUSTOMERS.length] : `华东客户${i}号`,
          date: day(11, 1 + ((i * 7) % 25)),
          stage: STAGES[(i * 5) % STAGES.length],
          // Some rows without a next date name one in the next step, which is then their next date.
          nextStep: i % 9 === 4 && i % 2 === 1 ? `11/${20 + (i % 8)}回访` : `第 ${i} 步`,
          nextDate: i % 9 === 4 ? "" : day(11, 20 + ((i * 5) % 14)),
          owner: OWNERS[i % OWNERS.length],
          done: DONE[(i * 2) % DONE.length],
          loggedAt: i % 11 === 6 ? "" : new Date(Date.UTC(2026, 10, 1) + i * 3_600_000),
        }));
      }

      function asDueItem(item: DigestItem): DueItem {
        const { row, id, customer, stage, nextStep, nextDate, nextDateSource, daysOverdue } = item;
        return {
          row,
          id,
          customer,
          stage,
          nextStep,
          nextDate,
          ...(nextDateSource ? { nextDateSource } : {}),
          daysOverdue,
        };
      }

      /** The day's digests of the table, with the Pool log's `poolEvents`. */
      function digestsOf(followUps: FollowUp[], problems: RowProblem[], poolEvents: PoolEvent[] = []) {
        return buildDigests({
          followUps,
          rowProblems: problems,
          settings,
          team: TEAM,
          handovers: new Set(),
          today: TODAY,
          link: (row) => `https://example.com/#A${row}`,
          defaultLanguage: "zh",
          timeZone: ZONE,
          poolEvents,
        });
      }

      it("lists for each member exactly the rows the member's digest lists as overdue and due today", () => {
        const { followUps, problems } = read(generatedRows());
        const digests = digestsOf(followUps, problems);
        let listed = 0;
        let fromText = 0;
        for (const who of TEAM) {
          const digest = digests.find((d) => d.to === who.email);
          const fromDigest = digest ? [...digest.overdue, ...digest.dueToday].map(asDueItem) : [];
          const fromSidebar = dueItemsFor({ followUps, problems }, who);
          expect({ member: who.email, items: fromSidebar }).toEqual({ member: who.email, items: fromDigest });
          listed += fromSidebar.length;
          fromText += fromSidebar.filter((item) => item.nextDateSource === "text").length;
        }
        expect(fromText).toBeGreaterThan(0);
        // The table is meant to give several members something to do, so the comparison means something.
        expect(listed).toBeGreaterThanOrEqual(6);
        for (const who of [LI_SI, ANNA, WANG_WU]) {
          expect(dueItemsFor({ followUps, problems }, who).length).toBeGreaterThan(0);
        }
      });

      it("agrees with the digests when customers are in the pool or claimed from it", () => {
        const { followUps, problems } = read(generatedRows());
        const agenda = agendaOf(followUps, problems, settings);
        const due = followUps.filter((f) => ["overdue", "dueToday"].includes(String(dueOf(agenda, f, TODAY))));
        const [inPool, claimed] = [...new Set(due.map((f) => f.customerKey))];
        if (!inPool || !claimed) throw new Error("the generated table has too few due customers");
        const event = (kind: PoolEvent["kind"], customerKey: string, owner: string): PoolEvent => ({
          kind,
          at: Date.UTC(2026, 10, 27, 0, 30),
          customer: customerKey,
          customerKey,
          owner,
          by: "admin@example.com",
        });
        const events = [
          event("released", inPool, ""),
          event("released", claimed, ""),
          event("claimed", claimed, ANNA.name),
        ];
        const pool = poolOf(events, agenda.latest, (ms) => dayInZone(ms, ZONE));
        expect([pool.released.size, pool.claimed.size]).toEqual([1, 1]);
        const digests = digestsOf(followUps, problems, events);
        for (const who of TEAM) {
          const digest = digests.find((d) => d.to === who.email);
          const fromDigest = digest ? [...digest.overdue, ...digest.dueToday].map(asDueItem) : [];
          const fromSidebar = dueItemsFor({ followUps, problems }, who, pool);
          expect({ member: who.email, items: fromSidebar }).toEqual({ member: who.email, items: fromDigest });
          // The pool's customer is nobody's; the claimed one is Anna's alone.
          expect(fromSidebar.some((item) => customerKey(item.customer) === inPool)).toBe(false);
          const hasClaimed = fromSidebar.some((item) => customerKey(item.customer) === claimed);
          expect(hasClaimed).toBe(who === ANNA);
        }
      });
    });
  });
});
