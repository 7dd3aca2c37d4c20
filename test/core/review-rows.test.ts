/** Tests of src/core/review-rows beyond test/core/review.test.ts: overdue now, as the daily digests count it. */

import { type Day, dayFromYmd } from "../../src/core/dates";
import { agendaOf } from "../../src/core/due";
import type { FollowUp } from "../../src/core/follow-ups";
import { overdueNowRows } from "../../src/core/review-rows";
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
