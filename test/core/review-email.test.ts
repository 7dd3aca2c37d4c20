/** Tests of src/core/review-email beyond test/core/review.test.ts: percentages, money and blanks, every user cell escaped, the tables' headers, stage names in the reader's language, no review link. */

import { type ReviewEmailInput, type ReviewOverdueItem, renderReviewEmail } from "../../src/core/review-email";
import type { Funnel } from "../../src/core/review-funnel";
import type { ReviewKpis } from "../../src/core/review-kpis";
import type { CustomerLists } from "../../src/core/review-lists";
import type { RepLine } from "../../src/core/review-reps";
import { defaultSettings } from "../../src/core/settings";

/** Last week: 1 won, 2 lost (33%), a median of 9.5 days; the week before: losses only (0%), no median. */
const KPIS: ReviewKpis = {
  thisWeek: {
    weekStart: "2026-11-23",
    weekEnd: "2026-11-29",
    followUps: 12,
    newCustomers: 2,
    won: 1,
    lost: 2,
    winRate: 1 / 3,
    medianDaysToWin: 9.5,
    pipeline: 123_456.7,
  },
  previousWeek: {
    weekStart: "2026-11-16",
    weekEnd: "2026-11-22",
    followUps: 8,
    newCustomers: 0,
    won: 0,
    lost: 3,
    winRate: 0,
    medianDaysToWin: null,
    pipeline: 0,
  },
  overdueNow: 1,
  staleCustomers: 0,
  unreadable: 0,
  today: "2026-11-30",
  staleDays: 30,
};

const ITEM: ReviewOverdueItem = {
  customer: `"Acme" & Sons <Ltd>`,
  owner: "O'Brien",
  stage: "<i>Quoted</i>",
  nextStep: "Call & confirm",
  daysOverdue: 3,
  link: "https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A7",
};

/** Two open stages of the default funnel with customers, won and lost (Chinese stage names, as the sheet has them). */
const FUNNEL: Funnel = {
  lines: [
    {
      stage: "已报价",
      kind: "open",
      customers: 2,
      reached: 3,
      conversion: 2 / 3,
      amount: 150_000,
      winProbability: 0.5,
      weighted: 75_000,
    },
    {
      stage: "谈判中",
      kind: "open",
      customers: 0,
      reached: 0,
      conversion: null,
      amount: 0,
      winProbability: 0.6,
      weighted: 0,
    },
    {
      stage: "已成交",
      kind: "won",
      customers: 1,
      reached: 1,
      conversion: null,
      amount: null,
      winProbability: null,
      weighted: null,
    },
    {
      stage: "已流失",
      kind: "lost",
      customers: 1,
      reached: null,
      conversion: null,
      amount: null,
      winProbability: null,
      weighted: null,
    },
  ],
  customers: 4,
  amount: 150_000,
  weighted: 75_000,
};

const REPS: RepLine[] = [
  {
    rep: "李四",
    thisWeek: { followUps: 7, newCustomers: 2, won: 1, lost: 0, pipeline: 75_000 },
    previousWeek: { followUps: 5, newCustomers: 1, won: 0, lost: 1, pipeline: 40_000 },
    overdueNow: 3,
  },
  {
    rep: "",
    thisWeek: { followUps: 1, newCustomers: 0, won: 0, lost: 0, pipeline: 0 },
    previousWeek: { followUps: 0, newCustomers: 0, won: 0, lost: 0, pipeline: 0 },
    overdueNow: 1,
  },
];

const LISTS: CustomerLists = {
  won: {
    items: [
      {
        customer: "<b>Globex</b>",
        owner: "李四",
        stage: "已成交",
        amount: 30_000,
        lastFollowUp: "2026-11-25",
        days: 5,
        link: "https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A12",
      },
    ],
    total: 1,
  },
  lost: { items: [], total: 0 },
  stale: {
    items: [
      {
        customer: "丁公司",
        owner: "王五",
        stage: "需求确认",
        amount: null,
        lastFollowUp: "2026-10-20",
        days: 41,
        link: "javascript:alert(1)",
      },
    ],
    total: 12,
  },
};

function input(language: "zh" | "en", more: Partial<ReviewEmailInput> = {}): ReviewEmailInput {
  return {
    kpis: KPIS,
    funnel: FUNNEL,
    reps: REPS,
    lists: LISTS,
    settings: defaultSettings("zh"),
    currency: "¥",
    topOverdue: [ITEM],
    reviewUrl: "https://docs.google.com/spreadsheets/d/abc/edit#gid=42",
    spreadsheetName: "华东销售跟进表",
    language,
    ...more,
  };
}

describe("review-email", () => {
  describe("renderReviewEmail", () => {
    it("shows the win rate as a whole percentage, 0% included, and a missing median as n/a", () => {
      const zh = renderReviewEmail(input("zh")).text;
      expect(zh).toContain("- 赢单率：33%（前一周 0%）\n");
      expect(zh).toContain("- 成交周期中位数（天）：9.5（前一周 无）\n");
      const en = renderReviewEmail(input("en")).text;
      expect(en).toContain("- Win rate: 33% (week before: 0%)\n");
      expect(en).toContain("- Median days to win: 9.5 (week before: n/a)\n");
    });

    it("escapes every cell of an overdue follow-up in the HTML", () => {
      const { html } = renderReviewEmail(input("en"));
      expect(html).toContain("&quot;Acme&quot; &amp; Sons &lt;Ltd&gt;");
      expect(html).toContain("O&#39;Brien");
      expect(html).toContain("&lt;i&gt;Quoted&lt;/i&gt;");
      expect(html).toContain("Call &amp; confirm");
      expect(html).not.toContain("<Ltd>");
      expect(html).not.toContain("<i>");
    });

    it("heads the figures and the overdue list in the email's language", () => {
      const th = (text: string) => new RegExp(`<th[^>]*>${text}</th>`);
      const zh = renderReviewEmail(input("zh")).html;
      for (const header of ["指标", "上周 2026-11-23 – 2026-11-29", "前一周 2026-11-16 – 2026-11-22"]) {
        expect(zh).toMatch(th(header));
      }
      for (const header of ["客户", "责任人", "阶段", "下一步计划", "状态"]) expect(zh).toMatch(th(header));
      const en = renderReviewEmail(input("en")).html;
      for (const header of ["Figure", "Last week 2026-11-23 – 2026-11-29", "Customer", "Owner", "Next step"]) {
        expect(en).toMatch(th(header));
      }
    });

    it("writes no review link when there is no review URL", () => {
      const mail = renderReviewEmail(input("zh", { reviewUrl: "" }));
      expect(mail.text).not.toContain("打开周报");
      expect(mail.html).not.toContain("打开周报");
      expect(mail.html).not.toContain("#gid=42");
      expect(mail.text.split("\n").slice(-3)).toEqual(["", "此邮件由跟进表助手每周发送给团队表中的主管和管理员。", ""]);
    });

    it("shows money with the currency's symbol and thousands separators, and shares as whole percentages", () => {
      const zh = renderReviewEmail(input("zh")).text;
      expect(zh).toContain("- 加权商机金额：¥123,457（前一周 ¥0）\n");
      expect(zh).toContain("- 已报价：当前 2 个客户，累计到达 3 个，进入下一阶段 67%，加权金额 ¥75,000\n");
      expect(zh).toContain("- 谈判中：当前 0 个客户，累计到达 0 个，进入下一阶段 无，加权金额 ¥0\n");
      expect(zh).toContain("- 已成交：当前 1 个客户（累计 1 个）\n- 已流失：当前 1 个客户\n");
      expect(zh).toContain("- 合计：4 个客户，商机金额 ¥150,000，加权金额 ¥75,000\n");
      expect(zh).not.toMatch(/0\.\d{3}/);
      const en = renderReviewEmail(input("en", { currency: "$" }));
      expect(en.text).toContain("- Weighted pipeline: $123,457 (week before: $0)\n");
      expect(en.text).toContain("- Total: 4 customers, amount $150,000, weighted $75,000\n");
      expect(en.html).toMatch(/<td[^>]*>67%<\/td>/);
      expect(en.html).toMatch(/<td[^>]*>\$75,000<\/td>/);
    });

    it("compares each rep's week with the week before, rows without an owner last", () => {
      const zh = renderReviewEmail(input("zh")).text;
      expect(zh).toContain(
        "- 销售 李四：跟进次数 7（前一周 5） · 新客户 2（前一周 1） · 成交客户 1（前一周 0） · 流失客户 0（前一周 1） · 加权商机金额 ¥75,000（前一周 ¥40,000） · 当前逾期 3\n",
      );
      expect(zh).toContain("- 销售 （无责任人）：跟进次数 1（前一周 0）");
      const en = renderReviewEmail(input("en")).html;
      expect(en).toMatch(/<th[^>]*>Rep<\/th><th[^>]*>Follow-ups<\/th>/);
      expect(en).toMatch(/<td[^>]*>7 \(week before: 5\)<\/td>/);
      expect(en).toContain("(no owner)");
    });

    it("names the customers won, lost and going stale in the reader's language, linked to their rows", () => {
      const en = renderReviewEmail(input("en"));
      expect(en.text).toContain("■ Customers won last week (1 of 1)\n");
      expect(en.text).toContain(
        "- <b>Globex</b> · 李四 · Won · ¥30,000 · last follow-up 5 days ago · https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A12\n",
      );
      expect(en.text).toContain("■ Customers lost last week (0 of 0)\n");
      expect(en.text).toContain("■ Going stale: no follow-up for 30 days or more (1 of 12)\n");
      // A link that is not http(s) is left out, never written.
      expect(en.text).toContain("- 丁公司 · 王五 · Needs confirmed · last follow-up 41 days ago\n");
      expect(en.html).toContain("&lt;b&gt;Globex&lt;/b&gt;");
      expect(en.html).not.toContain("<b>Globex");
      expect(en.html).not.toContain("javascript:");
      expect(en.html).toContain('href="https://docs.google.com/spreadsheets/d/abc/edit#gid=0&amp;range=A12"');
      const zh = renderReviewEmail(input("zh")).text;
      expect(zh).toContain(
        "■ 即将进入公海：30 天及以上未跟进的客户（共 12 个，列出 1 个）\n- 丁公司 · 王五 · 需求确认 · 41 天前跟进\n",
      );
    });

    it("puts a spreadsheet name typed on two lines on one line of the intro", () => {
      const mail = renderReviewEmail(input("zh", { spreadsheetName: "华东销售\n跟进表" }));
      expect(mail.text.split("\n")[0]).toBe("「华东销售 跟进表」上周（2026-11-23 – 2026-11-29）的团队周报：");
    });
  });
});
