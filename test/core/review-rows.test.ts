/** Tests of src/core/review-rows beyond test/core/review.test.ts: the data sheet's full header, kind words in English, amounts, and overdue now. */

import { type Day, dayFromYmd } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import type { FollowUp } from "../../src/core/follow-ups";
import { overdueNowRows, REVIEW_COLUMNS, type ReviewRow, reviewGrid } from "../../src/core/review-rows";
import { defaultSettings } from "../../src/core/settings";
import { followUpOf } from "../fixtures/follow-up";

const SETTINGS = defaultSettings("zh");
const TODAY = dayFromYmd(2026, 11, 30);

function day(month: number, date: number): Day {
  return dayFromYmd(2026, month, date);
}

function followUp(
  row: number,
  customer: string,
  date: Day,
  stage: string,
  nextDate: Day | null,
  done = false,
): FollowUp {
  return followUpOf({ row, id: `FU-${row}`, customer, date, stage, nextStep: "", nextDate, done });
}

describe("review-rows", () => {
  describe("REVIEW_COLUMNS", () => {
    it("heads the data sheet's columns in Chinese and in English", () => {
      expect(REVIEW_COLUMNS.zh).toEqual([
        "所在周（周一）",
        "责任人",
        "客户（归一化）",
        "跟进方式",
        "当前阶段",
        "阶段类型",
        "阶段（按顺序）",
        "是客户最新一条",
        "当前逾期",
        "距上次跟进天数",
        "客户当前结果",
        "金额",
        "预计成交日期",
      ]);
      expect(REVIEW_COLUMNS.en).toEqual([
        "Week (Monday)",
        "Owner",
        "Customer key",
        "Method",
        "Stage",
        "Stage kind",
        "Stage (in order)",
        "Customer's latest",
        "Overdue now",
        "Days since previous",
        "Customer's outcome",
        "Amount",
        "Expected close",
      ]);
    });
  });

  describe("reviewGrid", () => {
    it("writes lost and unknown kinds as words of the sheet's language", () => {
      const row: ReviewRow = {
        weekStart: "2026-11-23",
        owner: "Alice",
        customerKey: "acme",
        method: "Email",
        stage: "Following up",
        stageKind: "unknown",
        stageLabel: "? Following up",
        isLatest: false,
        overdueNow: false,
        daysSincePrevious: 4,
        latestKind: "lost",
        amount: 12000,
        expectedClose: "2026-12-15",
      };
      expect(reviewGrid([row], "en")[1]).toEqual([
        "2026-11-23",
        "Alice",
        "acme",
        "Email",
        "Following up",
        "unknown stage",
        "? Following up",
        false,
        false,
        4,
        "lost",
        12000,
        "2026-12-15",
      ]);
      expect(reviewGrid([row], "zh")[1].filter((_, i) => i === 5 || i === 10)).toEqual(["未知阶段", "输单"]);
    });
  });

  describe("overdueNowRows", () => {
    it("keeps the open rows whose next date has passed, as the daily digests count them", () => {
      const followUps = [
        followUp(2, "上海某科技有限公司", day(11, 20), "已报价", day(11, 27)), // overdue 3 days
        followUp(3, "北京某贸易", day(11, 23), "待回访", day(11, 30)), // due today
        followUp(4, "深圳某电子", day(11, 20), "待回访", day(11, 25), true), // done
        followUp(5, "Acme, Inc.", day(11, 10), "新线索", day(11, 12)), // superseded by row 6
        followUp(6, "ACME", day(11, 20), "需求确认", day(11, 29)), // overdue 1 day
        followUp(7, "广州某物流", day(11, 20), "已成交", day(11, 22)), // won
        followUp(8, "", day(11, 20), "新线索", day(11, 24)), // no customer, still reminded
      ];
      const agenda = agendaOf(followUps, [], SETTINGS);
      expect(overdueNowRows(agenda, followUps, TODAY).map((f) => f.row)).toEqual([2, 6, 8]);
      expect(overdueNowRows(agenda, followUps, day(11, 20)).map((f) => f.row)).toEqual([]);
    });
  });
});
