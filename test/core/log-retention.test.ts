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

  it("leaves a log of recent days alone", () => {
    expect(logRetention([["2026-11-26", "a@x.cn", "已发送"]], TODAY, isSummary)).toEqual({
      summaries: 0,
      expired: 0,
      folded: [],
    });
  });
});
