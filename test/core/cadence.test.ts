/** Tests of src/core/cadence and its use by src/core/follow-ups: the next date an open row without one gets, by intent grade, else by stage, and where it came from. */

import { cadenceDate, cadenceDaysOf } from "../../src/core/cadence";
import { COLUMNS, type ColumnKey } from "../../src/core/columns";
import { dayFromYmd, isoOfDay } from "../../src/core/dates";
import { readFollowUps } from "../../src/core/follow-ups";
import { defaultSettings, type Settings } from "../../src/core/settings";

const ZH = defaultSettings("zh");
const ZONE = "Asia/Shanghai";
const TODAY = dayFromYmd(2026, 12, 1);
const POSITIONS = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1]));

/** A row of the default table with the given cells (the follow-up date a date the sheet holds, 08:00 in Shanghai). */
function row(cells: Partial<Record<ColumnKey, unknown>>): unknown[] {
  return COLUMNS.map((c) => (c.key === "customer" ? "上海某科技" : (cells[c.key] ?? "")));
}
const heldDate = (iso: string) => new Date(`${iso}T08:00:00+08:00`);

function nextDates(rows: unknown[][], settings: Settings | null = ZH) {
  const reading = { language: "zh" as const, today: TODAY, ...(settings ? { settings } : {}) };
  const { followUps } = readFollowUps(rows, 2, POSITIONS, ZONE, [], reading);
  return followUps.map((f) => [f.nextDate === null ? null : isoOfDay(f.nextDate), f.nextDateSource]);
}

describe("cadence", () => {
  it("follows a listed grade before the stage, the stage otherwise, and nothing for a won or lost stage", () => {
    expect(cadenceDaysOf(ZH, "新线索", "")).toBe(2);
    expect(cadenceDaysOf(ZH, " 需求确认 ", "")).toBe(5);
    expect(cadenceDaysOf(ZH, "需求确认", "5")).toBe(2);
    expect(cadenceDaysOf(ZH, "新线索", " 1 ")).toBe(30);
    expect(cadenceDaysOf(ZH, "新线索", "9")).toBe(2);
    expect(cadenceDaysOf(ZH, "已成交", "5")).toBeNull();
    expect(cadenceDaysOf(ZH, "已流失", "")).toBeNull();
    // A stage Settings does not list has no cadence of its own; its grade still gives one.
    expect(cadenceDaysOf(ZH, "搁置", "")).toBeNull();
    expect(cadenceDaysOf(ZH, "搁置", "4")).toBe(3);
    expect(cadenceDate(ZH, "已报价", "", TODAY)).toBe(TODAY + 3);
  });

  it("compares grades as the sheet does: trimmed, any case", () => {
    const settings = { ...ZH, gradeCadence: [{ grade: "A", days: 1 }] };
    expect(cadenceDaysOf(settings, "谈判中", " a ")).toBe(1);
    expect(cadenceDaysOf(settings, "谈判中", "B")).toBe(3);
  });

  describe("a row's next date", () => {
    it("comes from the cadence only when neither the cell nor the next step holds one, and says so", () => {
      expect(
        nextDates([
          row({ date: heldDate("2026-11-20"), stage: "已报价" }),
          row({ date: heldDate("2026-11-20"), stage: "已报价", score: 5 }),
          row({ date: heldDate("2026-11-20"), stage: "已报价", nextDate: heldDate("2026-12-05") }),
          row({ date: heldDate("2026-11-20"), stage: "已报价", nextStep: "12/3回访" }),
          row({ date: heldDate("2026-11-20"), stage: "已报价", nextDate: "下周" }),
          row({ date: heldDate("2026-11-20"), stage: "已成交" }),
          row({ date: "11月20日", stage: "已报价" }),
        ]),
      ).toEqual([
        ["2026-11-23", "cadence"],
        ["2026-11-22", "cadence"],
        ["2026-12-05", undefined],
        ["2026-12-03", "text"],
        // A next date that is no date is reported, and the row is still reminded by the cadence.
        ["2026-11-23", "cadence"],
        [null, undefined],
        // A follow-up date typed as text: the sheet's colouring cannot count from it, so neither does the reminder.
        [null, undefined],
      ]);
    });

    it("is left empty without Settings (adoption's first read) and for a stage whose cadence is blank", () => {
      const rows = [row({ date: heldDate("2026-11-20"), stage: "新线索" })];
      expect(nextDates(rows, null)).toEqual([[null, undefined]]);
      const none = { ...ZH, stages: ZH.stages.map((s) => (s.name === "新线索" ? { ...s, cadenceDays: null } : s)) };
      expect(nextDates(rows, none)).toEqual([[null, undefined]]);
    });
  });
});
