/** Tests of src/core/settings: defaults, the Settings sheet round trip, what a team's typos do, and stage kinds. */

import {
  addMethods,
  addStages,
  defaultSettings,
  parseSettings,
  SETTINGS_LAYOUT,
  settingsGrid,
  stageKindOf,
} from "../../src/core/settings";

/** Replaces the value cell of the scalar setting whose label is in row `row` of a grid. */
function withValue(grid: unknown[][], row: number, value: unknown): unknown[][] {
  return grid.map((cells, index) =>
    index === row - 1 ? cells.map((cell, column) => (column === SETTINGS_LAYOUT.value - 1 ? value : cell)) : cells,
  );
}

describe("settings", () => {
  describe("defaultSettings", () => {
    it("has SPEC's stages, methods and sources in Chinese", () => {
      const settings = defaultSettings("zh");
      expect(settings.stages.map((s) => s.name)).toEqual([
        "新线索",
        "待回访",
        "需求确认",
        "已报价",
        "谈判中",
        "签约中",
        "已成交",
        "已流失",
      ]);
      expect(settings.stages.slice(-2)).toEqual([
        { name: "已成交", kind: "won" },
        { name: "已流失", kind: "lost" },
      ]);
      expect(settings.methods).toEqual(["电话", "微信", "邮件", "面访", "视频会议", "其他"]);
      expect(settings.sources).toContain("老客户转介绍");
    });

    it("has the same in English, with the default schedule", () => {
      const settings = defaultSettings("en");
      expect(settings.stages[0]).toEqual({ name: "New lead", kind: "open" });
      expect(settings.stages[7]).toEqual({ name: "Lost", kind: "lost" });
      expect(settings.methods[0]).toBe("Phone");
      expect(settings).toMatchObject({
        reminderHour: 8,
        upcomingDays: 3,
        reviewWeekday: 1,
        reviewHour: 9,
        staleDays: 30,
        language: "auto",
        managerDigest: true,
      });
    });
  });

  describe("settingsGrid", () => {
    it("lays the blocks out side by side under headers in the sheet's language, as a rectangle", () => {
      const grid = settingsGrid(defaultSettings("zh"), "zh");
      expect(grid[0]).toEqual(["阶段", "阶段类型", "", "跟进方式", "", "客户来源", "", "设置项", "值"]);
      expect(grid[1].slice(0, 4)).toEqual(["新线索", "进行中", "", "电话"]);
      expect(grid[7].slice(0, 2)).toEqual(["已成交", "赢单"]);
      expect(grid[1].slice(7)).toEqual(["提醒时间（0–23 点）", 8]);
      expect(new Set(grid.map((row) => row.length))).toEqual(new Set([9]));
      expect(grid).toHaveLength(9);
    });

    it("writes English kind words and labels for an English sheet", () => {
      const grid = settingsGrid(defaultSettings("en"), "en");
      expect(grid[8].slice(0, 2)).toEqual(["Lost", "lost"]);
      expect(grid.map((row) => row[SETTINGS_LAYOUT.label - 1])).toContain("Email review to managers (TRUE/FALSE)");
    });
  });

  describe("parseSettings", () => {
    it("reads back what settingsGrid wrote, in both languages", () => {
      const custom = {
        ...defaultSettings("zh"),
        reminderHour: 7,
        staleDays: 14,
        language: "zh" as const,
        managerDigest: false,
      };
      expect(parseSettings(settingsGrid(custom, "zh"))).toEqual({ settings: custom, problems: [] });
      const english = defaultSettings("en");
      expect(parseSettings(settingsGrid(english, "en"))).toEqual({ settings: english, problems: [] });
    });

    it("accepts either language's labels and kind words whatever the sheet's language", () => {
      const grid = [
        ["Stage", "Kind", "", "Method", "", "Lead source", "", "Setting", "Value"],
        ["初步接触", "open", "", "电话", "", "展会", "", "Reminder hour (0–23)", 10],
        ["Signed", "赢单", "", "", "", "", "", "周报日（1=周一 … 7=周日）", "5"],
        ["放弃", "LOST", "", "", "", "", "", "reviewHour", 18],
      ];
      const { settings, problems } = parseSettings(grid);
      expect(settings.stages).toEqual([
        { name: "初步接触", kind: "open" },
        { name: "Signed", kind: "won" },
        { name: "放弃", kind: "lost" },
      ]);
      expect(settings).toMatchObject({ reminderHour: 10, reviewWeekday: 5, reviewHour: 18, upcomingDays: 3 });
      expect(problems).toEqual([]);
    });

    it("skips blank cells and drops duplicates", () => {
      const grid = [
        ["阶段", "阶段类型", "", "跟进方式", "", "客户来源"],
        ["新线索", "", "", "电话", "", ""],
        ["", "", "", "", "", ""],
        [" 新线索 ", "赢单", "", "电话", "", "展会"],
        ["已成交", "赢单", "", "WeChat", "", "展会"],
        ["", "", "", "wechat", "", ""],
      ];
      const { settings } = parseSettings(grid);
      expect(settings.stages).toEqual([
        { name: "新线索", kind: "open" },
        { name: "已成交", kind: "won" },
      ]);
      expect(settings.methods).toEqual(["电话", "WeChat"]);
      expect(settings.sources).toEqual(["展会"]);
    });

    it("keeps the default of a bad value and names the setting", () => {
      const grid = withValue(settingsGrid(defaultSettings("zh"), "zh"), 2, 25);
      const { settings, problems } = parseSettings(withValue(grid, 8, "maybe"));
      expect(settings.reminderHour).toBe(8);
      expect(settings.managerDigest).toBe(true);
      expect(problems).toEqual([
        { kind: "badValue", row: 2, setting: "reminderHour", value: "25" },
        { kind: "badValue", row: 8, setting: "managerDigest", value: "maybe" },
      ]);
    });

    it("reads checkbox, text and word values of the scalar settings", () => {
      const base = settingsGrid(defaultSettings("en"), "en");
      expect(parseSettings(withValue(base, 8, false)).settings.managerDigest).toBe(false);
      expect(parseSettings(withValue(base, 8, "否")).settings.managerDigest).toBe(false);
      expect(parseSettings(withValue(base, 7, "English")).settings.language).toBe("en");
      expect(parseSettings(withValue(base, 3, "7")).settings.upcomingDays).toBe(7);
      expect(parseSettings(withValue(base, 4, 8)).problems).toEqual([
        { kind: "badValue", row: 4, setting: "reviewWeekday", value: "8" },
      ]);
    });

    it("reports a label it does not know", () => {
      const grid = [
        ["Stage", "", "", "", "", "", "", "Setting", "Value"],
        ["Won", "won", "", "", "", "", "", "Favourite colour", "red"],
      ];
      expect(parseSettings(grid).problems).toEqual([{ kind: "unknownSetting", row: 2, value: "Favourite colour" }]);
    });

    it("reads an unknown kind word as open and reports it", () => {
      const grid = [
        ["阶段", "阶段类型"],
        ["暂停", "搁置"],
      ];
      const { settings, problems } = parseSettings(grid);
      expect(settings.stages).toEqual([{ name: "暂停", kind: "open" }]);
      expect(problems).toEqual([{ kind: "unknownStageKind", row: 2, stage: "暂停", value: "搁置" }]);
    });

    it("falls back to the default stages, in the sheet's language, when there are none", () => {
      const zh = parseSettings([["阶段", "阶段类型"]]);
      expect(zh.settings.stages).toEqual(defaultSettings("zh").stages);
      expect(zh.problems).toEqual([{ kind: "noStages" }]);
      expect(parseSettings([]).settings.stages[0].name).toBe("New lead");
      expect(parseSettings([], "zh").settings.stages[0].name).toBe("新线索");
    });
  });

  describe("addStages", () => {
    it("adds the adopted table's new stages as open stages, in first-seen order", () => {
      const { settings, added } = addStages(defaultSettings("zh"), [
        "已报价",
        " 跟进中 ",
        "",
        "待回访",
        "搁置",
        "跟进中",
      ]);
      expect(added).toEqual(["跟进中", "搁置"]);
      expect(settings.stages.slice(-2)).toEqual([
        { name: "跟进中", kind: "open" },
        { name: "搁置", kind: "open" },
      ]);
      expect(settings.stages).toHaveLength(10);
    });

    it("treats names differing only in case as the same stage", () => {
      expect(addStages(defaultSettings("en"), ["quoted", "WON", "On hold"]).added).toEqual(["On hold"]);
    });
  });

  describe("addMethods", () => {
    it("adds methods Settings lacks and leaves the settings passed in unchanged", () => {
      const before = defaultSettings("zh");
      const { settings, added } = addMethods(before, ["电话", "上门拜访", "钉钉", "上门拜访"]);
      expect(added).toEqual(["上门拜访", "钉钉"]);
      expect(settings.methods.slice(-2)).toEqual(["上门拜访", "钉钉"]);
      expect(before.methods).toHaveLength(6);
    });
  });

  describe("stageKindOf", () => {
    it("finds a stage's kind by trimmed, case-insensitive name, null for an unknown stage", () => {
      const settings = defaultSettings("en");
      expect(stageKindOf(settings, " won ")).toBe("won");
      expect(stageKindOf(settings, "LOST")).toBe("lost");
      expect(stageKindOf(settings, "Quoted")).toBe("open");
      expect(stageKindOf(settings, "跟进中")).toBeNull();
    });
  });
});
