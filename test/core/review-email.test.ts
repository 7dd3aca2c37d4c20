/** Tests of src/core/review-email beyond test/core/review.test.ts: percentages and blanks, every user cell escaped, the tables' headers, no review link. */

import { type ReviewEmailInput, type ReviewOverdueItem, renderReviewEmail } from "../../src/core/review-email";
import type { ReviewKpis } from "../../src/core/review-kpis";

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

function input(language: "zh" | "en", more: Partial<ReviewEmailInput> = {}): ReviewEmailInput {
  return {
    kpis: KPIS,
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

    it("puts a spreadsheet name typed on two lines on one line of the intro", () => {
      const mail = renderReviewEmail(input("zh", { spreadsheetName: "华东销售\n跟进表" }));
      expect(mail.text.split("\n")[0]).toBe("「华东销售 跟进表」上周（2026-11-23 – 2026-11-29）的团队周报：");
    });
  });
});
