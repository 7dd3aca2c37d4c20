/** Tests of src/core/cell-limit: the admins are warned at 70% of Google's 10 million cells, with the largest sheets named. */

import { cellLimitWarning } from "../../src/core/cell-limit";

describe("cell limit", () => {
  it("says nothing below 70% of the limit", () => {
    expect(cellLimitWarning([{ name: "跟进记录", rows: 300_000, columns: 23 }])).toBeNull();
  });

  it("warns at 70%, counting empty cells, and names the three largest sheets", () => {
    const sheets = [
      { name: "提醒记录", rows: 100_000, columns: 5 },
      { name: "跟进记录", rows: 300_000, columns: 20 },
      { name: "周报数据", rows: 100_000, columns: 13 },
      { name: "设置", rows: 1000, columns: 18 },
    ];
    expect(cellLimitWarning(sheets)).toBe("7,818,000 (78%) — 跟进记录 6,000,000, 周报数据 1,300,000, 提醒记录 500,000");
  });
});
