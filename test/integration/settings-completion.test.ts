/** A table set up by an older version: Sync shows on its Settings sheet the settings it lacked (reminder days, currency, archive months, stage details), in empty cells only. */

import { followUpTable } from "../helpers/follow-up-table";

const REMINDER_DAYS = "提醒日（如 周一至周五）";
const ARCHIVE_MONTHS = "归档月数（成交/流失多少个月后归档）";

function settingsValues(runtime: ReturnType<typeof followUpTable>): unknown[][] {
  return runtime.inspect().getActiveSpreadsheet().getSheetByName("设置")?.getDataRange().getValues() ?? [];
}

/** The Settings sheet as an older version left it: no reminder-days or archive row, no stage detail columns. */
function makeOlder(runtime: ReturnType<typeof followUpTable>): void {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("设置");
  const labels =
    sheet
      ?.getRange("H:H")
      .getValues()
      .map(([label]) => String(label)) ?? [];
  for (const label of [REMINDER_DAYS, ARCHIVE_MONTHS])
    sheet?.getRange(labels.indexOf(label) + 1, 8, 1, 2).clearContent();
  sheet?.getRange("M:N").clearContent();
}

describe("Sync on a Settings sheet from an older version", () => {
  it("adds the reminder days (in effect: Monday to Friday), the archive months and the stage details, once, in empty cells only", () => {
    const runtime = followUpTable();
    makeOlder(runtime);
    const before = settingsValues(runtime);
    runtime.ui.answerNext("OK");
    runtime.clickMenu("同步与修复");
    const after = settingsValues(runtime);
    const line = after.find((cells) => cells[7] === REMINDER_DAYS);
    expect(line?.[8]).toBe("周一至周五");
    expect(after.find((cells) => cells[7] === ARCHIVE_MONTHS)?.[8]).toBe(12);
    expect(after[0]?.slice(12, 14)).toEqual(["阶段英文名", "赢单概率（%）"]);
    // Every cell that held something still holds it.
    before.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (cell !== "") expect(after[r]?.[c]).toEqual(cell);
      });
    });
    runtime.ui.answerNext("OK");
    runtime.clickMenu("同步与修复");
    expect(settingsValues(runtime)).toEqual(after);
  });
});
