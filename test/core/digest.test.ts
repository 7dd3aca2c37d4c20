/** Tests of src/core/digest: who gets which reminders (zh and en teams), the admins' problems (撞单 typed into the sheet among them), and the emails' subject, text and HTML as a phone shows them. */

import { dayFromYmd } from "../../src/core/dates";
import { buildDigests, type Digest, listsDuePartly, renderDigest } from "../../src/core/digest";
import { readFollowUps } from "../../src/core/follow-ups";
import type { Language } from "../../src/core/language";
import { defaultSettings, type Settings } from "../../src/core/settings";
import type { TeamMember } from "../../src/core/team";
import { at, day } from "../fixtures/shanghai-dates";

const ZONE = "Asia/Shanghai";
const TODAY = dayFromYmd(2026, 11, 27);
const RENDER = { spreadsheetName: "华东销售跟进表", today: "2026-11-27" };
const COLUMNS = {
  id: 1,
  customer: 2,
  date: 3,
  summary: 4,
  stage: 5,
  nextStep: 6,
  nextDate: 7,
  owner: 8,
  done: 9,
  loggedAt: 10,
  contact: 11,
  contactInfo: 12,
} as const;

type Cells = Partial<Record<keyof typeof COLUMNS, unknown>>;

function link(row: number): string {
  return `https://docs.google.com/spreadsheets/d/abc123/edit#gid=0&range=A${row}`;
}

/** One sheet row; a synced row (logged-at stamp, not done) unless told otherwise. */
function sheetRow(cells: Cells): unknown[] {
  const row: unknown[] = Array(12).fill("");
  const all: Cells = { done: false, loggedAt: at(11, 26, 18), ...cells };
  for (const [key, value] of Object.entries(all)) row[COLUMNS[key as keyof typeof COLUMNS] - 1] = value;
  return row;
}

function member(name: string, email: string, more: Partial<TeamMember> = {}): TeamMember {
  return { name, email, role: "rep", managerEmail: "", reminders: true, language: "", ...more };
}

function digestsOf(
  rows: Cells[],
  team: TeamMember[],
  settings: Settings,
  defaultLanguage: Language,
  linkOf: (row: number) => string = link,
  handovers: ReadonlySet<string> = new Set(),
): Digest[] {
  const { followUps, problems } = readFollowUps(rows.map(sheetRow), 2, COLUMNS, ZONE);
  return buildDigests({
    followUps,
    rowProblems: problems,
    settings,
    team,
    handovers,
    today: TODAY,
    link: linkOf,
    defaultLanguage,
    timeZone: "Asia/Shanghai",
  });
}

/** The digest sent to `email`. */
function digestTo(digests: Digest[], email: string): Digest {
  const found = digests.find((d) => d.to === email);
  if (!found) throw new Error(`no digest to ${email}`);
  return found;
}

/** The lines of each item block of an email's HTML, as they are in the markup. */
function itemBlocks(html: string): string[][] {
  return [...html.matchAll(/<div style="margin:0;padding:8px 0;[^"]*">(.*?)<\/div>/g)].map(([, block]) =>
    [...block.matchAll(/<p style="[^"]*">(.*?)<\/p>/g)].map(([, line]) => line),
  );
}

/** The text of every paragraph of an email's HTML, as in the markup. */
function paragraphs(html: string): string[] {
  return [...html.matchAll(/<p style="[^"]*">(.*?)<\/p>/g)].map(([, line]) => line);
}

const WANG = "wang@example.cn";

/** A Chinese team: a manager, reps (one with reminders off, one without an email, one with nothing due), an English-speaking rep, an admin. */
const ZH_TEAM: TeamMember[] = [
  member("王经理", WANG, { role: "manager" }),
  member("李四", "li.si@example.cn", { managerEmail: WANG }),
  member("张三", "zhang.san@example.cn", { managerEmail: WANG }),
  member("赵六", "zhao.liu@example.cn", { managerEmail: WANG, reminders: false }),
  member("钱七", "", { managerEmail: WANG }),
  member("孙八", "sun.ba@example.cn", { managerEmail: WANG }),
  member("Anna Smith", "anna@example.com", { managerEmail: WANG, language: "en" }),
  member("陈管理", "chen@example.cn", { role: "admin" }),
];

/** The Chinese team's Follow-ups sheet, from row 2. */
const ZH_ROWS: Cells[] = [
  {
    id: "FU-000001",
    customer: "上海某科技有限公司",
    contact: "王经理",
    contactInfo: "+86 138-0013-8000",
    date: day(11, 20),
    summary: "客户要求报价单\n已发邮件",
    stage: "已报价",
    nextStep: "发送合同草稿",
    nextDate: day(11, 22),
    owner: "李四",
  },
  {
    id: "FU-000002",
    customer: "北京某贸易",
    contact: "陈工",
    contactInfo: "微信 chen_gong",
    date: day(11, 25),
    summary: "价格谈到 9 折",
    stage: "谈判中",
    nextStep: "确认付款方式",
    nextDate: day(11, 20),
    owner: " LI.SI@EXAMPLE.CN ",
  },
  {
    id: "FU-000003",
    customer: "深圳某电子",
    date: day(11, 24),
    summary: "确认了采购数量",
    stage: "需求确认",
    nextStep: "安排技术交流",
    nextDate: day(11, 27),
    owner: "李四",
  },
  {
    id: "FU-000004",
    customer: "广州某物流",
    contactInfo: "020-8888 6666",
    date: day(11, 26),
    summary: "",
    stage: "待回访",
    nextStep: "电话回访",
    nextDate: day(11, 29),
    owner: "李四",
  },
  { customer: "杭州某网络", date: day(11, 26), stage: "新线索", nextDate: day(12, 15), owner: "李四" },
  { customer: "南京某制造", date: day(11, 15), stage: "已报价", nextDate: day(11, 20), owner: "李四", done: true },
  { customer: "苏州某医疗", date: day(11, 18), stage: "已成交", nextDate: day(11, 20), owner: "李四" },
  {
    customer: "成都某软件有限公司",
    contact: "刘总",
    contactInfo: "139 1234 5678",
    date: day(11, 18),
    stage: "新线索",
    nextDate: day(11, 21),
    owner: "张三",
  },
  {
    id: "FU-000009",
    customer: "成都某软件",
    date: day(11, 26),
    summary: "约了演示",
    stage: "需求确认",
    nextStep: "产品演示",
    nextDate: day(11, 30),
    owner: "张三",
  },
  { customer: "武汉某汽车", date: day(11, 20), stage: "已报价", nextDate: day(11, 23), owner: "someone@evil.example" },
  { customer: "西安某能源", date: day(11, 25), stage: "新线索", nextDate: day(11, 27), owner: "" },
  { customer: "重庆某食品", date: day(11, 25), stage: "待回访", nextDate: "下周三", owner: "张三" },
  { customer: "天津某化工", date: day(11, 20), stage: "已报价", nextDate: day(11, 25), owner: "赵六" },
  { customer: "青岛某啤酒", date: day(11, 24), stage: "谈判中", nextDate: day(11, 27), owner: "钱七" },
  {
    id: "FU-000015",
    customer: "Acme Co., Ltd.",
    date: day(11, 20),
    summary: "Sent the brochure",
    stage: "已报价",
    nextStep: "Follow up on pricing",
    nextDate: day(11, 24),
    owner: "Anna Smith",
  },
  {
    id: "FU-000016",
    customer: "厦门某贸易",
    date: "上周五",
    stage: "新线索",
    nextStep: "寄样品",
    nextDate: day(11, 28),
    owner: "张三",
  },
  {
    id: "FU-000017",
    customer: "宁波某港口",
    date: day(11, 24),
    stage: "签约中",
    nextStep: "催回合同",
    nextDate: day(11, 26),
    owner: "张三",
  },
  // Same customer, same day: the hand-typed row (no stamp yet) is the newer one once Sync stamps it.
  {
    customer: "合肥某家电",
    date: day(11, 26),
    stage: "需求确认",
    nextStep: "发方案",
    nextDate: day(11, 30),
    owner: "张三",
    loggedAt: "",
  },
  {
    id: "FU-000019",
    customer: "合肥某家电有限公司",
    date: day(11, 26),
    stage: "新线索",
    nextStep: "首次电话",
    nextDate: day(11, 27),
    owner: "张三",
    loggedAt: at(11, 26, 10),
  },
  { customer: "大连某船舶", date: day(11, 24), stage: "已报价", nextDate: day(11, 27), owner: "赵六" },
];

const zhDigests = () => digestsOf(ZH_ROWS, ZH_TEAM, defaultSettings("zh"), "zh");

describe("digest", () => {
  describe("buildDigests, a Chinese team", () => {
    it("writes to Team addresses only, one digest each, none empty, sorted by email", () => {
      const digests = zhDigests();
      expect(digests.map((d) => d.to)).toEqual([
        "anna@example.com",
        "chen@example.cn",
        "li.si@example.cn",
        WANG,
        "zhang.san@example.cn",
      ]);
      const teamEmails = ZH_TEAM.map((m) => m.email).filter((email) => email !== "");
      for (const d of digests) {
        expect(teamEmails).toContain(d.to);
        expect(
          d.overdue.length + d.dueToday.length + d.upcoming.length + d.team.length + d.problems.length,
        ).toBeGreaterThan(0);
      }
    });

    it("gives a rep their overdue (most overdue first), due-today and upcoming rows, matched by name or email", () => {
      expect(digestTo(zhDigests(), "li.si@example.cn")).toEqual({
        to: "li.si@example.cn",
        name: "李四",
        language: "zh",
        overdue: [
          {
            row: 3,
            id: "FU-000002",
            customer: "北京某贸易",
            contact: "陈工",
            contactInfo: "微信 chen_gong",
            phone: "",
            tel: "",
            stage: "谈判中",
            nextStep: "确认付款方式",
            lastSummary: "价格谈到 9 折",
            nextDate: "2026-11-20",
            daysOverdue: 7,
            link: link(3),
          },
          {
            row: 2,
            id: "FU-000001",
            customer: "上海某科技有限公司",
            contact: "王经理",
            contactInfo: "+86 138-0013-8000",
            phone: "+86 138-0013-8000",
            tel: "+8613800138000",
            stage: "已报价",
            nextStep: "发送合同草稿",
            lastSummary: "客户要求报价单\n已发邮件",
            nextDate: "2026-11-22",
            daysOverdue: 5,
            link: link(2),
          },
        ],
        dueToday: [
          {
            row: 4,
            id: "FU-000003",
            customer: "深圳某电子",
            contact: "",
            contactInfo: "",
            phone: "",
            tel: "",
            stage: "需求确认",
            nextStep: "安排技术交流",
            lastSummary: "确认了采购数量",
            nextDate: "2026-11-27",
            daysOverdue: 0,
            link: link(4),
          },
        ],
        upcoming: [
          {
            row: 5,
            id: "FU-000004",
            customer: "广州某物流",
            contact: "",
            contactInfo: "020-8888 6666",
            phone: "020-8888 6666",
            tel: "02088886666",
            stage: "待回访",
            nextStep: "电话回访",
            lastSummary: "",
            nextDate: "2026-11-29",
            daysOverdue: -2,
            link: link(5),
          },
        ],
        goingStale: [],
        team: [],
        poolCount: 0,
        staleDays: 30,
        problems: [],
        timeZone: "Asia/Shanghai",
      });
    });

    it("leaves out rows a newer follow-up supersedes: an older row of the customer, and a stamped row beside a newer hand-typed one", () => {
      const zhang = digestTo(zhDigests(), "zhang.san@example.cn");
      expect(zhang.overdue.map((i) => [i.row, i.customer, i.daysOverdue])).toEqual([[18, "宁波某港口", 1]]);
      expect(zhang.dueToday).toEqual([]);
      expect(zhang.upcoming.map((i) => [i.row, i.customer, i.nextDate, i.daysOverdue])).toEqual([
        [17, "厦门某贸易", "2026-11-28", -1],
        [10, "成都某软件", "2026-11-30", -3],
        [19, "合肥某家电", "2026-11-30", -3],
      ]);
      expect(zhang.team).toEqual([]);
      expect(zhang.problems).toEqual([]);
    });

    it("writes to a member in their own language", () => {
      const anna = digestTo(zhDigests(), "anna@example.com");
      expect(anna.language).toBe("en");
      expect(anna.overdue.map((i) => [i.row, i.customer, i.daysOverdue])).toEqual([[16, "Acme Co., Ltd.", 3]]);
      // The Chinese table's 已报价 is the English default stage name to her.
      expect(anna.overdue.map((i) => i.stage)).toEqual(["Quoted"]);
    });

    it("gives the manager each rep's overdue and due-today counts, worst first, reps with none left out", () => {
      const wang = digestTo(zhDigests(), WANG);
      expect(wang.team).toEqual([
        { rep: "李四", overdue: 2, dueToday: 1 },
        { rep: "赵六", overdue: 1, dueToday: 1 },
        { rep: "张三", overdue: 1, dueToday: 0 },
        { rep: "Anna Smith", overdue: 1, dueToday: 0 },
        { rep: "钱七", overdue: 0, dueToday: 1 },
      ]);
      expect([wang.overdue, wang.dueToday, wang.upcoming, wang.problems]).toEqual([[], [], [], []]);
    });

    it("gives the admin every reminder that could not be sent and every unreadable date, by row", () => {
      expect(digestTo(zhDigests(), "chen@example.cn").problems).toEqual([
        { kind: "ownerNotOnTeam", row: 11, customer: "武汉某汽车", owner: "someone@evil.example" },
        { kind: "noOwner", row: 12, customer: "西安某能源" },
        { kind: "cell", row: 13, column: "nextDate", issue: "notADate", value: "下周三" },
        { kind: "ownerWithoutEmail", row: 15, customer: "青岛某啤酒", owner: "钱七" },
        { kind: "cell", row: 17, column: "date", issue: "notADate", value: "上周五" },
      ]);
    });

    it("sends no manager section when the manager digest is off", () => {
      const digests = digestsOf(ZH_ROWS, ZH_TEAM, { ...defaultSettings("zh"), managerDigest: false }, "zh");
      expect(digests.map((d) => d.to)).toEqual([
        "anna@example.com",
        "chen@example.cn",
        "li.si@example.cn",
        "zhang.san@example.cn",
      ]);
    });

    it("sends nothing to anyone when nothing is due and nothing is wrong", () => {
      const rows = [
        { customer: "杭州某网络", date: day(11, 26), stage: "新线索", nextDate: day(12, 15), owner: "李四" },
      ];
      expect(digestsOf(rows, ZH_TEAM, defaultSettings("zh"), "zh")).toEqual([]);
    });

    it("sends one digest to an address the Team sheet lists twice", () => {
      const team = [member("李四", "li.si@example.cn"), member("小李", "Li.Si@example.cn")];
      const rows = [
        { customer: "北京某贸易", date: day(11, 25), stage: "谈判中", nextDate: day(11, 26), owner: "李四" },
        { customer: "深圳某电子", date: day(11, 25), stage: "谈判中", nextDate: day(11, 27), owner: "小李" },
      ];
      const digests = digestsOf(rows, team, defaultSettings("zh"), "zh");
      expect(digests.map((d) => [d.to, d.overdue.length, d.dueToday.length])).toEqual([["li.si@example.cn", 1, 1]]);
    });
  });

  describe("renderDigest, Chinese", () => {
    it("lists a rep's follow-ups in the subject, and each item as short lines in the text: customer, contact and phone, next step, days overdue, link", () => {
      const email = renderDigest(digestTo(zhDigests(), "li.si@example.cn"), RENDER);
      expect(email.subject).toBe("【跟进提醒】2 条逾期，1 条今日到期，1 条即将到期");
      expect(email.text).toBe(
        [
          "李四，你好：",
          "「华东销售跟进表」2026-11-27 的跟进提醒：",
          "",
          "■ 逾期（2 条）",
          "",
          "- 北京某贸易 · 谈判中",
          "  联系人：陈工 · 微信 chen_gong",
          "  下一步：确认付款方式",
          "  上次：价格谈到 9 折",
          "  逾期 7 天",
          `  ${link(3)}`,
          "",
          "- 上海某科技有限公司 · 已报价",
          "  联系人：王经理 · +86 138-0013-8000",
          "  下一步：发送合同草稿",
          "  上次：客户要求报价单 已发邮件",
          "  逾期 5 天",
          `  ${link(2)}`,
          "",
          "■ 今日到期（1 条）",
          "",
          "- 深圳某电子 · 需求确认",
          "  下一步：安排技术交流",
          "  上次：确认了采购数量",
          "  今日到期",
          `  ${link(4)}`,
          "",
          "■ 即将到期（1 条）",
          "",
          "- 广州某物流 · 待回访",
          "  联系人：020-8888 6666",
          "  下一步：电话回访",
          "  2026-11-29 到期",
          `  ${link(5)}`,
          "",
          "此邮件由跟进表助手每天最多发送一封。如不想接收，请管理员在「团队」表中关闭你的「接收提醒」。",
          "",
        ].join("\n"),
      );
    });

    it("shows each item as a block of short lines in the HTML, with a tap-to-call link and a link to the row; no table", () => {
      const { html } = renderDigest(digestTo(zhDigests(), "li.si@example.cn"), RENDER);
      const open = (row: number) => `<a href="${link(row).replace("&", "&amp;")}" style="color:#1a73e8">打开</a>`;
      const status = (color: string, text: string) => `<span style="color:${color}">${text}</span>`;
      expect(itemBlocks(html)).toEqual([
        [
          "<b>北京某贸易</b> · 谈判中",
          "联系人：陈工 · 微信 chen_gong",
          "下一步：确认付款方式",
          "上次：价格谈到 9 折",
          `${status("#c5221f", "逾期 7 天")} · ${open(3)}`,
        ],
        [
          "<b>上海某科技有限公司</b> · 已报价",
          '联系人：王经理 · <a href="tel:+8613800138000" style="color:#1a73e8">+86 138-0013-8000</a>',
          "下一步：发送合同草稿",
          "上次：客户要求报价单 已发邮件",
          `${status("#c5221f", "逾期 5 天")} · ${open(2)}`,
        ],
        [
          "<b>深圳某电子</b> · 需求确认",
          "下一步：安排技术交流",
          "上次：确认了采购数量",
          `${status("#b06000", "今日到期")} · ${open(4)}`,
        ],
        [
          "<b>广州某物流</b> · 待回访",
          '联系人：<a href="tel:02088886666" style="color:#1a73e8">020-8888 6666</a>',
          "下一步：电话回访",
          `${status("#1a73e8", "2026-11-29 到期")} · ${open(5)}`,
        ],
      ]);
      expect(html).not.toContain("<table");
      expect(html).toContain("max-width:600px");
      expect(html).toContain('<p style="margin:0 0 12px">李四，你好：</p>');
      expect(html).toContain('<h3 style="margin:20px 0 8px;font-size:15px;color:#c5221f">逾期（2 条）</h3>');
      expect(html).toContain('<h3 style="margin:20px 0 8px;font-size:15px;color:#b06000">今日到期（1 条）</h3>');
    });

    it("keeps lines short for a 360 px screen: only links and the text people typed run long", () => {
      const { text } = renderDigest(digestTo(zhDigests(), "li.si@example.cn"), RENDER);
      const ours = text.split("\n").filter((line) => !line.trim().startsWith("https://") && !line.startsWith("此邮件"));
      expect(Math.max(...ours.map((line) => line.length))).toBeLessThanOrEqual(30);
      const long = "客户说下个月预算批下来以后再谈，先把三个方案的报价都发过去，另外约技术负责人到公司看演示。".repeat(
        2,
      );
      const [li] = digestsOf(
        [
          {
            customer: "上海某科技",
            date: day(11, 20),
            summary: long,
            stage: "已报价",
            nextDate: day(11, 25),
            owner: "李四",
          },
        ],
        ZH_TEAM,
        defaultSettings("zh"),
        "zh",
      ).filter((d) => d.to === "li.si@example.cn");
      // The last follow-up is context only: shortened, the sheet has the rest.
      expect(renderDigest(li, RENDER).text).toContain(`  上次：${long.slice(0, 60)}…\n`);
    });

    it("takes a contact the row lacks from the customer's latest row that has one, and links no phone that is not one", () => {
      const zhang = digestTo(zhDigests(), "zhang.san@example.cn");
      const chengdu = zhang.upcoming.find((i) => i.row === 10);
      expect([chengdu?.contact, chengdu?.contactInfo, chengdu?.phone, chengdu?.tel]).toEqual([
        "刘总",
        "139 1234 5678",
        "139 1234 5678",
        "13912345678",
      ]);
      const { html } = renderDigest(digestTo(zhDigests(), "li.si@example.cn"), RENDER);
      expect([...html.matchAll(/href="tel:([^"]*)"/g)].map(([, tel]) => tel)).toEqual([
        "+8613800138000",
        "02088886666",
      ]);
    });

    it("tells a manager with only a team section so in the subject, and lists the reps", () => {
      const email = renderDigest(digestTo(zhDigests(), WANG), RENDER);
      expect(email.subject).toBe("【跟进提醒】团队跟进情况");
      expect(email.text).toBe(
        [
          "王经理，你好：",
          "「华东销售跟进表」2026-11-27 的跟进提醒：",
          "",
          "■ 团队逾期与今日到期（按销售）",
          "- 李四：逾期 2 条，今日到期 1 条",
          "- 赵六：逾期 1 条，今日到期 1 条",
          "- 张三：逾期 1 条，今日到期 0 条",
          "- Anna Smith：逾期 1 条，今日到期 0 条",
          "- 钱七：逾期 0 条，今日到期 1 条",
          "",
          "此邮件由跟进表助手每天最多发送一封。如不想接收，请管理员在「团队」表中关闭你的「接收提醒」。",
          "",
        ].join("\n"),
      );
      expect(paragraphs(renderDigest(digestTo(zhDigests(), WANG), RENDER).html).slice(2, 7)).toEqual([
        "李四：逾期 2 条，今日到期 1 条",
        "赵六：逾期 1 条，今日到期 1 条",
        "张三：逾期 1 条，今日到期 0 条",
        "Anna Smith：逾期 1 条，今日到期 0 条",
        "钱七：逾期 0 条，今日到期 1 条",
      ]);
    });

    it("tells the admin which reminders did not go out and which dates cannot be read", () => {
      const email = renderDigest(digestTo(zhDigests(), "chen@example.cn"), RENDER);
      expect(email.subject).toBe("【跟进提醒】5 条需要处理的问题");
      expect(email.text).toBe(
        [
          "陈管理，你好：",
          "「华东销售跟进表」2026-11-27 的跟进提醒：",
          "",
          "■ 需要管理员处理（5 条）",
          "以下问题让提醒没有发出、日期无法识别或客户归属不清，请在表格中处理。",
          "- 第 11 行「责任人」：客户「武汉某汽车」的责任人「someone@evil.example」不在团队表中，提醒未发送",
          "- 第 12 行「责任人」：客户「西安某能源」没有责任人，提醒未发送",
          "- 第 13 行「下次跟进日期」：不是日期（下周三）",
          "- 第 15 行「责任人」：客户「青岛某啤酒」的责任人「钱七」在团队表中没有有效邮箱，提醒未发送",
          "- 第 17 行「跟进时间」：不是日期（上周五）",
          "",
          "此邮件由跟进表助手每天最多发送一封。如不想接收，请管理员在「团队」表中关闭你的「接收提醒」。",
          "",
        ].join("\n"),
      );
    });

    it("lists at most 100 rows per section and says how many more there are", () => {
      const rows = Array.from({ length: 101 }, (_, i) => ({
        customer: `客户${i + 1}`,
        date: day(11, 20),
        stage: "新线索",
        nextDate: "待定",
        owner: "李四",
      }));
      const [admin] = digestsOf(
        rows,
        [member("陈管理", "chen@example.cn", { role: "admin" })],
        defaultSettings("zh"),
        "zh",
      );
      const email = renderDigest(admin, RENDER);
      expect(email.subject).toBe("【跟进提醒】101 条需要处理的问题");
      const lines = email.text.split("\n");
      expect(lines.filter((line) => line.startsWith("- 第 "))).toHaveLength(100);
      expect(lines).toContain("- 第 101 行「下次跟进日期」：不是日期（待定）");
      expect(lines).not.toContain("- 第 102 行「下次跟进日期」：不是日期（待定）");
      expect(lines).toContain("…另有 1 条");
      expect(email.html).toContain('<p style="margin:0 0 12px">…另有 1 条</p>');
    });
  });

  describe("an English team", () => {
    const MARIA = "maria@acme.example";
    const EN_TEAM: TeamMember[] = [
      member("Maria Garcia", MARIA, { role: "manager" }),
      member("Tom Lee", "tom@acme.example", { managerEmail: MARIA }),
      member("Priya Patel", "PRIYA@acme.example", { managerEmail: MARIA }),
      member("Sam Admin", "sam@acme.example", { role: "admin", reminders: false }),
      member("Wei Zhang", "wei@acme.example", { managerEmail: "MARIA@ACME.EXAMPLE", language: "zh" }),
      member("Jo Noemail", "", { managerEmail: MARIA }),
    ];
    const EN_ROWS: Cells[] = [
      {
        id: "FU-000101",
        customer: "Northwind Traders",
        contact: "Jo Smith",
        contactInfo: "(212) 555-0134",
        date: day(11, 12),
        summary: "Asked for 5% off",
        stage: "Quoted",
        nextStep: "Send the revised quote",
        nextDate: day(11, 17),
        owner: "Tom Lee",
      },
      {
        id: "FU-000102",
        customer: "Contoso Ltd.",
        date: day(11, 25),
        summary: "Legal is reviewing",
        stage: "Negotiating",
        nextStep: "Call their lawyer",
        nextDate: day(11, 27),
        owner: "priya@acme.example",
      },
      {
        id: "FU-000103",
        customer: "Fabrikam Inc.",
        contact: "Dana",
        contactInfo: "dana@fabrikam.example",
        date: day(11, 26),
        summary: "Demo went well",
        stage: "Needs confirmed",
        nextStep: "Send the proposal",
        nextDate: day(11, 30),
        owner: "Priya Patel",
      },
      { customer: "Fabrikam, Inc.", date: day(11, 10), stage: "New lead", nextDate: day(11, 12), owner: "Priya Patel" },
      { customer: "Globex Corp", date: day(11, 20), stage: "Quoted", nextDate: day(11, 26), owner: "Sam Admin" },
      { customer: "Initech LLC", date: day(11, 20), stage: "Quoted", nextDate: day(11, 25), owner: "Jo Noemail" },
      {
        customer: "Umbrella Co",
        date: day(11, 18),
        stage: "Quoted",
        nextDate: day(11, 20),
        owner: "someone@evil.example",
      },
      { customer: "Hooli", date: day(11, 24), stage: "New lead", nextDate: "next Tuesday", owner: "Tom Lee" },
      {
        id: "FU-000109",
        customer: "华为某代理",
        date: day(11, 24),
        stage: "Needs confirmed",
        nextStep: "发报价",
        nextDate: day(11, 27),
        owner: "Wei Zhang",
      },
      { customer: "Stark Industries", date: day(11, 10), stage: "Won", nextDate: day(11, 20), owner: "Tom Lee" },
      { customer: "Wayne Enterprises", date: day(11, 26), stage: "New lead", nextDate: day(12, 31), owner: "Tom Lee" },
    ];
    const enDigests = () => digestsOf(EN_ROWS, EN_TEAM, defaultSettings("en"), "en");

    it("builds one digest per recipient: reps, the manager, and the admin whose own reminders are off", () => {
      const digests = enDigests();
      expect(
        digests.map((d) => ({
          to: d.to,
          language: d.language,
          overdue: d.overdue.map((i) => i.row),
          dueToday: d.dueToday.map((i) => i.row),
          upcoming: d.upcoming.map((i) => i.row),
          team: d.team,
          problems: d.problems.length,
        })),
      ).toEqual([
        {
          to: MARIA,
          language: "en",
          overdue: [],
          dueToday: [],
          upcoming: [],
          team: [
            { rep: "Tom Lee", overdue: 1, dueToday: 0 },
            { rep: "Jo Noemail", overdue: 1, dueToday: 0 },
            { rep: "Priya Patel", overdue: 0, dueToday: 1 },
            { rep: "Wei Zhang", overdue: 0, dueToday: 1 },
          ],
          problems: 0,
        },
        { to: "PRIYA@acme.example", language: "en", overdue: [], dueToday: [3], upcoming: [4], team: [], problems: 0 },
        { to: "sam@acme.example", language: "en", overdue: [], dueToday: [], upcoming: [], team: [], problems: 3 },
        { to: "tom@acme.example", language: "en", overdue: [2], dueToday: [], upcoming: [], team: [], problems: 0 },
        { to: "wei@acme.example", language: "zh", overdue: [], dueToday: [10], upcoming: [], team: [], problems: 0 },
      ]);
      expect(digestTo(digests, "sam@acme.example").problems).toEqual([
        { kind: "ownerWithoutEmail", row: 7, customer: "Initech LLC", owner: "Jo Noemail" },
        { kind: "ownerNotOnTeam", row: 8, customer: "Umbrella Co", owner: "someone@evil.example" },
        { kind: "cell", row: 9, column: "nextDate", issue: "notADate", value: "next Tuesday" },
      ]);
    });

    it("renders a rep's email in English", () => {
      const email = renderDigest(digestTo(enDigests(), "PRIYA@acme.example"), { ...RENDER, spreadsheetName: "Sales" });
      expect(email.subject).toBe("[Follow-up reminder] 1 due today, 1 upcoming");
      expect(email.text).toBe(
        [
          "Hello Priya Patel,",
          "Follow-up reminders from “Sales” for 2026-11-27:",
          "",
          "■ Due today (1)",
          "",
          "- Contoso Ltd. · Negotiating",
          "  next: Call their lawyer",
          "  last: Legal is reviewing",
          "  due today",
          `  ${link(3)}`,
          "",
          "■ Upcoming (1)",
          "",
          "- Fabrikam Inc. · Needs confirmed",
          "  contact: Dana · dana@fabrikam.example",
          "  next: Send the proposal",
          "  last: Demo went well",
          "  due 2026-11-30",
          `  ${link(4)}`,
          "",
          "Follow-up Tracker sends at most one of these emails a day. To stop them, ask an admin to turn off “Reminders” for you on the Team sheet.",
          "",
        ].join("\n"),
      );
      expect(itemBlocks(email.html)[1].slice(0, 2)).toEqual([
        "<b>Fabrikam Inc.</b> · Needs confirmed",
        "contact: Dana · dana@fabrikam.example",
      ]);
      expect(email.html).not.toContain("tel:");
    });

    it("renders days overdue, the manager's and the admin's subjects and sections in English", () => {
      const digests = enDigests();
      const tom = renderDigest(digestTo(digests, "tom@acme.example"), RENDER);
      expect(tom.subject).toBe("[Follow-up reminder] 1 overdue");
      expect(tom.text).toContain(
        [
          "- Northwind Traders · Quoted",
          "  contact: Jo Smith · (212) 555-0134",
          "  next: Send the revised quote",
          "  last: Asked for 5% off",
          "  10 days overdue",
          `  ${link(2)}`,
        ].join("\n"),
      );
      expect(itemBlocks(tom.html)[0][1]).toBe(
        'contact: Jo Smith · <a href="tel:2125550134" style="color:#1a73e8">(212) 555-0134</a>',
      );
      const maria = renderDigest(digestTo(digests, MARIA), RENDER);
      expect(maria.subject).toBe("[Follow-up reminder] your team's follow-ups");
      expect(maria.text).toContain(
        [
          "■ Your team: overdue and due today, by rep",
          "- Tom Lee: 1 overdue, 0 due today",
          "- Jo Noemail: 1 overdue, 0 due today",
          "- Priya Patel: 0 overdue, 1 due today",
          "- Wei Zhang: 0 overdue, 1 due today",
        ].join("\n"),
      );
      const sam = renderDigest(digestTo(digests, "sam@acme.example"), RENDER);
      expect(sam.subject).toBe("[Follow-up reminder] problems to fix: 3");
      expect(sam.text).toContain(
        [
          "■ For admins: problems to fix (3)",
          "Because of these, reminders did not go out, dates cannot be read or a customer has two owners; please fix them in the sheet.",
          "- Row 7, “Owner”: customer “Initech LLC”: owner “Jo Noemail” has no valid email on the Team sheet; no reminder sent",
          "- Row 8, “Owner”: customer “Umbrella Co”: owner “someone@evil.example” is not on the Team sheet; no reminder sent",
          "- Row 9, “Next follow-up date”: not a date (next Tuesday)",
        ].join("\n"),
      );
    });

    it("writes to a member who chose Chinese in Chinese, stage names too, and says 1 day overdue in the singular", () => {
      const wei = renderDigest(digestTo(enDigests(), "wei@acme.example"), RENDER);
      expect(wei.subject).toBe("【跟进提醒】1 条今日到期");
      // The English table's "Needs confirmed" is 需求确认 to a Chinese reader (Settings' stage names in both languages).
      expect(wei.text).toContain(`- 华为某代理 · 需求确认\n  下一步：发报价\n  今日到期\n  ${link(10)}`);
      const rows = [
        { customer: "Contoso", date: day(11, 20), stage: "Quoted", nextDate: day(11, 26), owner: "Tom Lee" },
      ];
      const [tom] = digestsOf(rows, EN_TEAM, defaultSettings("en"), "en").filter((d) => d.to === "tom@acme.example");
      expect(renderDigest(tom, RENDER).text).toContain(`- Contoso · Quoted\n  1 day overdue\n  ${link(2)}`);
    });
  });

  describe("Settings the add-on cannot read", () => {
    it("tells the admins, naming the Settings row, in their language", () => {
      const { followUps, problems } = readFollowUps([], 2, COLUMNS, ZONE);
      const digests = buildDigests({
        followUps,
        rowProblems: problems,
        settings: defaultSettings("zh"),
        settingsProblems: [{ kind: "badValue", row: 9, setting: "workdays", value: "有空就发" }, { kind: "noStages" }],
        team: [
          member("陈管理", "chen@example.cn", { role: "admin" }),
          member("Sam", "sam@x.com", { role: "admin", language: "en" }),
        ],
        handovers: new Set(),
        today: TODAY,
        link,
        defaultLanguage: "zh",
      });
      expect(renderDigest(digestTo(digests, "chen@example.cn"), RENDER).text).toContain(
        "- 「设置」表第 9 行：「有空就发」无法识别，在改正之前按默认值处理\n- 「设置」表没有列出阶段，按默认阶段处理\n",
      );
      expect(renderDigest(digestTo(digests, "sam@x.com"), RENDER).text).toContain(
        "- Settings sheet row 9: “有空就发” cannot be read; the default is used until it is fixed\n",
      );
    });
  });

  describe("撞单 typed into the sheet", () => {
    const team = [
      member("李四", "li.si@example.cn"),
      member("张三", "zhang.san@example.cn"),
      member("陈管理", "chen@example.cn", { role: "admin" }),
      member("Sam Admin", "sam@example.com", { role: "admin", language: "en" }),
    ];
    /** 李四's customer; 张三 typed a newer row of it, spelled another way, straight into the sheet. */
    const rows: Cells[] = [
      {
        id: "FU-000001",
        customer: "上海某科技有限公司",
        date: day(11, 10),
        stage: "已报价",
        nextDate: day(11, 20),
        owner: "李四",
      },
      { customer: "北京某贸易", date: day(11, 10), stage: "已报价", nextDate: day(11, 26), owner: "李四" },
      {
        id: "FU-000003",
        customer: "上海 某科技（集团）",
        date: day(11, 24),
        stage: "谈判中",
        nextStep: "约见老板",
        nextDate: day(11, 26),
        owner: "张三",
      },
    ];
    const COLLISION = {
      customer: "上海 某科技（集团）",
      owner: "李四",
      ownerRows: [2],
      other: "张三",
      otherRows: [4],
    };

    it("tells the admins, with the customer, both reps and their rows, and still reminds the new row to its own owner", () => {
      const digests = digestsOf(rows, team, defaultSettings("zh"), "zh");
      expect(digestTo(digests, "chen@example.cn").problems).toEqual([
        { kind: "collision", row: 4, collision: COLLISION },
      ]);
      expect(digestTo(digests, "zhang.san@example.cn").overdue.map((i) => i.row)).toEqual([4]);
      expect(digestTo(digests, "li.si@example.cn").overdue.map((i) => i.row)).toEqual([3]);
      expect(renderDigest(digestTo(digests, "chen@example.cn"), RENDER).text).toContain(
        "- 客户「上海 某科技（集团）」归李四（第 2 行），张三在表格中直接录入了第 4 行。客户仍归李四，每行照常提醒各自的责任人。" +
          "如要转给张三，请在侧边栏以张三为责任人记录一次跟进并确认更换责任人；否则把这些行的责任人改为李四。\n",
      );
      expect(renderDigest(digestTo(digests, "sam@example.com"), RENDER).text).toContain(
        "- “上海 某科技（集团）” is 李四's (rows 2); 张三 typed rows 4 into the sheet. It stays 李四's, and each row is " +
          "still reminded to its own owner. To hand it to 张三, log a follow-up in the sidebar with 张三 as owner and " +
          "confirm the change; otherwise set those rows' owner to 李四.\n",
      );
    });

    it("says nothing when the newer row was a hand-over confirmed in the sidebar", () => {
      const digests = digestsOf(rows, team, defaultSettings("zh"), "zh", link, new Set(["FU-000003"]));
      expect(digests.flatMap((d) => d.problems)).toEqual([]);
    });
  });

  describe("hostile text", () => {
    const SCRIPT = '<script>alert("x")</script>';
    const BREAKOUT = '"><img src=x onerror=alert(1)>';
    const team = [
      member(`<b>Eve</b> ${SCRIPT}`, "eve@example.com", { managerEmail: "boss@example.com" }),
      member("Boss", "boss@example.com", { role: "admin" }),
    ];
    const rows: Cells[] = [
      {
        customer: `${SCRIPT} Ltd`,
        contact: BREAKOUT,
        contactInfo: `${SCRIPT} & 13800138000@qq.com`,
        date: day(11, 20),
        summary: `it's ${SCRIPT}`,
        stage: BREAKOUT,
        nextStep: `${BREAKOUT} & call`,
        nextDate: day(11, 25),
        owner: "eve@example.com",
      },
      { customer: BREAKOUT, date: day(11, 20), stage: "Quoted", nextDate: day(11, 26), owner: SCRIPT },
    ];
    const digests = () => digestsOf(rows, team, defaultSettings("en"), "en");
    const escapedScript = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;";
    const escapedBreakout = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";

    it("escapes customer, contact, stage, next step, summary, names and owners in the HTML: only the email's own tags remain", () => {
      for (const digest of digests()) {
        const { html } = renderDigest(digest, { spreadsheetName: SCRIPT, today: "2026-11-27" });
        expect(html).not.toMatch(/<script|<img|<b>Eve/i);
        const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map(([, tag]) => tag.toLowerCase()));
        expect([...tags].every((tag) => ["div", "p", "h3", "b", "span", "a"].includes(tag))).toBe(true);
        expect(html).toContain(`“${escapedScript}”`);
      }
      const eve = renderDigest(digestTo(digests(), "eve@example.com"), RENDER).html;
      expect(itemBlocks(eve)[0].slice(0, 4)).toEqual([
        `<b>${escapedScript} Ltd</b> · ${escapedBreakout}`,
        `contact: ${escapedBreakout} · ${escapedScript} &amp; 13800138000@qq.com`,
        `next: ${escapedBreakout} &amp; call`,
        `last: it&#39;s ${escapedScript}`,
      ]);
      expect(eve).toContain(`<p style="margin:0 0 12px">Hello &lt;b&gt;Eve&lt;/b&gt; ${escapedScript},</p>`);
      const boss = renderDigest(digestTo(digests(), "boss@example.com"), RENDER).html;
      expect(paragraphs(boss)).toContain(`&lt;b&gt;Eve&lt;/b&gt; ${escapedScript}: 1 overdue, 0 due today`);
      expect(boss).toContain(`customer “${escapedBreakout}”: owner “${escapedScript}” is not on the Team sheet`);
    });

    it("makes a tel: link of digits and + only, whatever the contact cell holds", () => {
      const phone = (contactInfo: string) => {
        const [eve] = digestsOf(
          [{ customer: "Acme", contactInfo, date: day(11, 20), stage: "Quoted", nextDate: day(11, 25), owner: "Eve" }],
          [member("Eve", "eve@example.com")],
          defaultSettings("en"),
          "en",
        );
        return [...renderDigest(eve, RENDER).html.matchAll(/href="(tel:[^"]*)"/g)].map(([, href]) => href);
      };
      expect(phone('+86 138-0013-8000"><script>')).toEqual(["tel:+8613800138000"]);
      expect(phone("javascript:alert(13800138000)")).toEqual(["tel:13800138000"]);
      expect(phone("tel:13800138000?body=x")).toEqual(["tel:13800138000"]);
      expect(phone("QQ 12345678")).toEqual([]);
      expect(phone("13800138000@qq.com")).toEqual([]);
      expect(phone("分机 123")).toEqual([]);
    });

    it("keeps the text body literal", () => {
      const { text } = renderDigest(digestTo(digests(), "eve@example.com"), RENDER);
      expect(text).toContain(
        [
          `- ${SCRIPT} Ltd · ${BREAKOUT}`,
          `  contact: ${BREAKOUT} · ${SCRIPT} & 13800138000@qq.com`,
          `  next: ${BREAKOUT} & call`,
          `  last: it's ${SCRIPT}`,
        ].join("\n"),
      );
    });

    it("links only to http(s) addresses", () => {
      const hostile = digestsOf(rows, team, defaultSettings("en"), "en", () => 'javascript:alert("x")');
      const { html, text } = renderDigest(digestTo(hostile, "eve@example.com"), RENDER);
      expect(html).not.toContain("<a ");
      expect(html).not.toContain("javascript:");
      expect(text).not.toContain("javascript:");
      const quoted = digestsOf(rows, team, defaultSettings("en"), "en", () => 'https://example.com/"onmouseover="x');
      expect(renderDigest(digestTo(quoted, "eve@example.com"), RENDER).html).toContain(
        '<a href="https://example.com/&quot;onmouseover=&quot;x" style="color:#1a73e8">Open</a>',
      );
    });
  });

  describe("a next date read from the next step", () => {
    const rows: Cells[] = [
      { customer: "上海某科技", date: day(11, 20), stage: "已报价", nextStep: "11/25回访报价反馈", owner: "李四" },
      {
        customer: "北京某贸易",
        date: day(11, 20),
        stage: "已报价",
        nextStep: "11/25回访",
        nextDate: day(11, 26),
        owner: "李四",
      },
    ];

    it("reminds the follow-up as usual, flagged and marked “日期取自下一步” beside its status", () => {
      const [li] = digestsOf(rows, [member("李四", "li.si@example.cn")], defaultSettings("zh"), "zh");
      expect(li.overdue.map((i) => [i.customer, i.nextDate, i.daysOverdue, i.nextDateSource])).toEqual([
        ["上海某科技", "2026-11-25", 2, "text"],
        ["北京某贸易", "2026-11-26", 1, undefined],
      ]);
      const { text, html } = renderDigest(li, RENDER);
      expect(text).toContain("  逾期 2 天（日期取自下一步）\n");
      expect(text).toContain("  逾期 1 天\n");
      expect(html).toContain("逾期 2 天（日期取自下一步）");
      expect(text.match(/日期取自下一步/g)).toHaveLength(1);
    });

    it("says “date from text” in English", () => {
      const [eve] = digestsOf(
        [{ ...rows[0], nextStep: "call back 11/25 about the quote", stage: "Quoted", owner: "Eve" }],
        [member("Eve", "eve@example.com")],
        defaultSettings("en"),
        "en",
      );
      expect(renderDigest(eve, RENDER).text).toContain("  2 days overdue (date from text)\n");
    });
  });
});

describe("open follow-ups without a next date", () => {
  const team = [member("李四", "li.si@example.cn"), member("王芳", "wang.fang@example.cn", { role: "admin" })];

  function digests(rows: Cells[]): Digest[] {
    const settings = defaultSettings("zh");
    const reading = { language: "zh" as const, today: TODAY, settings };
    const { followUps, problems } = readFollowUps(rows.map(sheetRow), 2, COLUMNS, ZONE, [], reading);
    return buildDigests({
      followUps,
      rowProblems: problems,
      settings,
      team,
      handovers: new Set(),
      today: TODAY,
      link,
      defaultLanguage: "zh",
      timeZone: ZONE,
    });
  }

  it("reminds the owner on the cadence's date, and names to the admins a row no date reaches", () => {
    const all = digests([
      { id: "FU-1", customer: "上海某科技", date: day(11, 20), stage: "已报价", owner: "李四" },
      { id: "FU-2", customer: "北京某贸易", date: "11月20日", stage: "已报价", owner: "李四" },
    ]);
    const lisi = digestTo(all, "li.si@example.cn");
    expect(lisi.overdue.map((i) => [i.customer, i.nextDate, i.nextDateSource])).toEqual([
      ["上海某科技", "2026-11-23", "cadence"],
    ]);
    expect(renderDigest(lisi, RENDER).text).toContain("逾期 4 天（未填下次日期，按跟进节奏）");
    const admin = renderDigest(digestTo(all, "wang.fang@example.cn"), RENDER).text;
    expect(admin).toContain("第 3 行「下次跟进日期」：未结束的跟进缺少下次跟进日期");
    expect(admin).not.toContain("第 2 行「下次跟进日期」");
  });
});

describe("the cadence and the pool in English", () => {
  it("says “by cadence” and warns of a customer going to the pool, in the reader's language", () => {
    const settings = defaultSettings("en");
    const reading = { language: "en" as const, today: TODAY, settings };
    const rows: Cells[] = [
      { id: "FU-1", customer: "Globex", date: day(11, 20), stage: "Quoted", owner: "Ann" },
      { id: "FU-2", customer: "Initech", date: day(10, 30), stage: "Quoted", nextDate: day(12, 20), owner: "Ann" },
    ];
    const { followUps, problems } = readFollowUps(rows.map(sheetRow), 2, COLUMNS, ZONE, [], reading);
    const [ann] = buildDigests({
      followUps,
      rowProblems: problems,
      settings,
      team: [member("Ann", "ann@acme.example", { language: "en" })],
      handovers: new Set(),
      today: TODAY,
      link,
      defaultLanguage: "en",
      timeZone: ZONE,
    });
    if (!ann) throw new Error("no digest");
    const { subject, text } = renderDigest(ann, RENDER);
    expect(text).toContain("4 days overdue (no next date set: by cadence)");
    expect(text).toContain("■ Going to the pool soon (after 30 days without a follow-up)");
    expect(text).toContain("- Initech · Quoted: last follow-up 2026-10-30, 2 days left");
    expect(subject).toContain("1 overdue");
  });
});

describe("a digest inside mail limits", () => {
  /** A rep with `count` overdue follow-ups, each with long texts (Chinese: 3 bytes a character). */
  function bigDigest(count: number, language: Language = "zh"): Digest {
    const rows: Cells[] = Array.from({ length: count }, (_, i) => ({
      id: `FU-${i}`,
      customer: `上海某某科技发展有限公司第${i}分公司`,
      date: day(10, 1),
      summary: "电话沟通了报价细节，客户希望再降价百分之五，并要求提供三年的维保方案与培训计划".repeat(2),
      stage: "已报价",
      nextStep: "发送修订后的报价单并约定下次面谈时间，同时确认付款方式与交付周期",
      nextDate: day(10, 5 + (i % 20)),
      owner: "李四",
      contact: "张经理",
      contactInfo: "+86 138 0013 8000",
    }));
    const [digest] = digestsOf(rows, [member("李四", "li.si@example.cn", { language })], defaultSettings("zh"), "zh");
    if (!digest) throw new Error("no digest");
    return digest;
  }
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");

  it("keeps a rep's 5,000 overdue follow-ups under 100 KB, listing the most overdue and saying where the rest are", () => {
    const digest = bigDigest(5000);
    const { subject, text, html } = renderDigest(digest, RENDER);
    expect(subject).toBe("【跟进提醒】5000 条逾期");
    expect(bytes(text) + bytes(html)).toBeLessThanOrEqual(100 * 1024);
    const listed = text.match(/^- 上海某某科技/gm)?.length ?? 0;
    expect(listed).toBeGreaterThanOrEqual(10);
    expect(text).toContain(`…另有 ${5000 - listed} 条未列出：表格菜单「我的待跟进」列出全部`);
    // The most overdue come first; the "more" line links to the first row not listed.
    const first = digest.overdue[listed];
    expect(text).toContain(`列出全部\n  ${first?.link}`);
    expect(html).toContain(`…另有 ${5000 - listed} 条未列出`);
    expect(itemBlocks(html)).toHaveLength(listed);
  });

  it("lists a rep's 30 most overdue follow-ups and says the sidebar has the other 20 (a morning's email, not a report)", () => {
    const digest = bigDigest(50);
    const { text, html } = renderDigest(digest, RENDER);
    expect(text.match(/^- 上海某某科技/gm)).toHaveLength(30);
    expect(itemBlocks(html)).toHaveLength(30);
    expect(text).toContain("…另有 20 条未列出：表格菜单「我的待跟进」列出全部");
    // The 30 listed are the most overdue.
    expect(text).toContain(`列出全部\n  ${digest.overdue[30]?.link}`);
    expect(bytes(text) + bytes(html)).toBeLessThan(50 * 1024);
  });

  it("keeps a manager of 300 reps with 3,000 overdue rows of their own under 100 KB, the team section included", () => {
    const boss = member("王芳", "wang.fang@example.cn", { role: "manager" });
    const reps = Array.from({ length: 300 }, (_, i) =>
      member(`销售代表第${i}号`, `rep${i}@example.cn`, { managerEmail: boss.email }),
    );
    const row = (owner: string, i: number): Cells => ({
      id: `FU-${owner}-${i}`,
      customer: `${owner}的客户${i}`,
      date: day(10, 1),
      stage: "已报价",
      nextStep: "约定下次面谈时间，同时确认付款方式与交付周期",
      nextDate: day(10, 5),
      owner,
    });
    const rows = [...reps.map((r, i) => row(r.name, i)), ...Array.from({ length: 3000 }, (_, i) => row("王芳", i))];
    const digest = digestTo(digestsOf(rows, [boss, ...reps], defaultSettings("zh"), "zh"), boss.email);
    expect(digest.team).toHaveLength(300);
    const { text, html } = renderDigest(digest, RENDER);
    expect(bytes(text) + bytes(html)).toBeLessThanOrEqual(100 * 1024);
    expect(text).toContain("■ 团队逾期与今日到期（按销售）\n- 销售代表第0号：逾期 1 条");
  });

  it("lists every item of a digest that fits, with no “more” line", () => {
    const { text } = renderDigest(bigDigest(12), RENDER);
    expect(text.match(/^- 上海某某科技/gm)).toHaveLength(12);
    expect(text).not.toContain("未列出");
  });

  it("says where the rest are in English", () => {
    const { text } = renderDigest(bigDigest(3000, "en"), RENDER);
    expect(text).toMatch(/… and \d+ more: “My follow-ups due” in the sheet's menu lists them all/);
  });

  const VIEW = "https://docs.google.com/spreadsheets/d/abc123/edit#gid=0&fvid=1234567";

  it("links the rest of the overdue to the rep's filtered view when there is one", () => {
    const digest = bigDigest(50);
    expect(listsDuePartly(digest)).toBe(true);
    const { text, html } = renderDigest(digest, { ...RENDER, filteredView: VIEW });
    expect(text).toContain(
      `…另有 20 条未列出：打开筛选视图查看你全部逾期和今日到期的跟进（表格菜单「我的待跟进」也列出它们）\n  ${VIEW}`,
    );
    expect(text).not.toContain(digest.overdue[30]?.link);
    expect(html).toContain(`…另有 20 条未列出：打开筛选视图查看你全部逾期和今日到期的跟进`);
    expect(html).toContain(`href="${VIEW.replace("&", "&amp;")}"`);
  });

  it("keeps the row link of an upcoming section, which the filtered view does not show", () => {
    const rows: Cells[] = Array.from({ length: 40 }, (_, i) => ({
      id: `FU-${i}`,
      customer: `客户${i}`,
      date: day(11, 20),
      stage: "已报价",
      nextDate: day(11, 28 + (i % 2)),
      owner: "李四",
    }));
    const [digest] = digestsOf(rows, [member("李四", "li.si@example.cn")], defaultSettings("zh"), "zh");
    if (!digest) throw new Error("no digest");
    expect(digest.upcoming).toHaveLength(40);
    expect(listsDuePartly(digest)).toBe(false);
    const { text } = renderDigest(digest, { ...RENDER, filteredView: VIEW });
    expect(text).toContain("…另有 10 条未列出：表格菜单「我的待跟进」列出全部");
    expect(text).not.toContain("fvid=");
  });

  it("needs no filtered view when every overdue and due-today follow-up is listed", () => {
    expect(listsDuePartly(bigDigest(12))).toBe(false);
  });

  it("names the filtered view in English", () => {
    const { text } = renderDigest(bigDigest(3000, "en"), { ...RENDER, filteredView: VIEW });
    expect(text).toMatch(
      /… and \d+ more: open the filtered view to see all your overdue and due-today follow-ups \(“My follow-ups due” in the sheet's menu lists them too\)\n {2}https:\/\/docs\.google\.com\/spreadsheets\/d\/abc123\/edit#gid=0&fvid=1234567/,
    );
  });
});
