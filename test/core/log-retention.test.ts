/** Tests of src/core/log-retention: 90 days of one line per email, older days folded into one summary line each. */

import { dayFromYmd } from "../../src/core/dates";
import { logRetention } from "../../src/core/log-retention";

const TODAY = dayFromYmd(2026, 11, 27); // kept: 2026-08-29 on
const isSummary = (status: string) => status === "汇总";

describe("log retention", () => {
  it("folds the detail lines of days past 90 into counts per day, below the summaries already there", () => {
    const rows = [
      ["2026-07-01", "", "汇总"],
      ["2026-08-27", "a@x.cn", "已发送"],
      ["2026-08-27", "b@x.cn", "已发送"],
      ["2026-08-27", "c@x.cn", "已放弃"],
      ["2026-08-28", "a@x.cn", "sent"],
      ["2026-08-29", "a@x.cn", "已发送"],
      ["2026-08-01", "late@x.cn", "已发送"],
    ];
    expect(logRetention(rows, TODAY, isSummary)).toEqual({
      summaries: 1,
      expired: 4,
      folded: [
        { day: "2026-08-27", counts: { 已发送: 2, 已放弃: 1 } },
        { day: "2026-08-28", counts: { sent: 1 } },
      ],
    });
  });

  it("folds a review's and an alert's lines of an expired day apart from its digests', and stops at a line naming no date", () => {
    const rows = [
      ["2026-08-24", "a@x.cn", "已发送"],
      ["review 2026-08-24", "boss@x.cn", "已发送"],
      ["alert 2026-08-25", "admin@x.cn", "已发送"],
      ["2026-08-25", "a@x.cn", "已发送"],
      ["(pasted)", "", ""],
      ["2026-08-26", "a@x.cn", "已发送"],
    ];
    expect(logRetention(rows, TODAY, isSummary)).toEqual({
      summaries: 0,
      expired: 4,
      folded: [
        { day: "2026-08-24", counts: { 已发送: 1 } },
        { day: "review 2026-08-24", counts: { 已发送: 1 } },
        { day: "alert 2026-08-25", counts: { 已发送: 1 } },
        { day: "2026-08-25", counts: { 已发送: 1 } },
      ],
    });
    // A review line (its day cell starts with a letter) used to end the fold: nothing older was folded after it.
    const yearOfReviews = [["review 2026-03-02", "boss@x.cn", "已发送"], ...rows.slice(0, 4)];
    expect(logRetention(yearOfReviews, TODAY, isSummary).expired).toBe(5);
  });

  it("leaves a log of recent days alone", () => {
    expect(logRetention([["2026-11-26", "a@x.cn", "已发送"]], TODAY, isSummary)).toEqual({
      summaries: 0,
      expired: 0,
      folded: [],
    });
  });
});
