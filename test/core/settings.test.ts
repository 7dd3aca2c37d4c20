/** Tests of src/core/settings: defaults, the Settings sheet round trip, what a team's typos do, and stage kinds. */

import {
  addMethods,
  addStages,
  defaultSettings,
  GRADE_LAYOUT,
  parseSettings,
  SETTINGS_LAYOUT,
  STAGE_DETAIL_LAYOUT,
  settingsGrid,
  stageCadenceDays,
  stageKindOf,
  stageNameIn,
  winProbabilityOf,
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
        { name: "已成交", kind: "won", translations: { en: "Won" } },
        { name: "已流失", kind: "lost", translations: { en: "Lost" } },
      ]);
      expect(settings.methods).toEqual(["电话", "微信", "邮件", "面访", "视频会议", "其他"]);
      expect(settings.sources).toContain("老客户转介绍");
    });

    it("has the same in English, with the default schedule", () => {
      const settings = defaultSettings("en");
      expect(settings.stages[0]).toEqual({
        name: "New lead",
        kind: "open",
        translations: { zh: "新线索" },
        winProbability: 0.1,
        cadenceDays: 2,
      });
      expect(settings.stages[7]).toEqual({ name: "Lost", kind: "lost", translations: { zh: "已流失" } });
      expect(settings.methods[0]).toBe("Phone");
      expect(settings).toMatchObject({
        reminderHour: 8,
        upcomingDays: 3,
        reviewWeekday: 1,
        reviewHour: 9,
        staleDays: 30,
        archiveMonths: 12,
        language: "auto",
        managerDigest: true,
      });
    });
  });

  describe("settingsGrid", () => {
    it("lays the blocks out side by side under headers in the sheet's language, as a rectangle", () => {
      const grid = settingsGrid(defaultSettings("zh"), "zh");
      expect(grid[0]).toEqual([
        "阶段",
        "阶段类型",
        "",
        "跟进方式",
        "",
        "客户来源",
        "",
        "设置项",
        "值",
        "",
        "",
        "",
        "阶段英文名",
        "赢单概率（%）",
        "跟进间隔（天）",
        "",
        "意向评分",
        "按评分跟进间隔（天）",
      ]);
      expect(grid.slice(1, 9).map((row) => row[STAGE_DETAIL_LAYOUT.cadenceDays - 1])).toEqual([
        2,
        3,
        5,
        3,
        3,
        2,
        "",
        "",
      ]);
      expect(grid.slice(1, 6).map((row) => row.slice(GRADE_LAYOUT.grade - 1))).toEqual([
        ["5", 2],
        ["4", 3],
        ["3", 7],
        ["2", 14],
        ["1", 30],
      ]);
      expect(grid[1].slice(0, 4)).toEqual(["新线索", "进行中", "", "电话"]);
      expect(grid[7].slice(0, 2)).toEqual(["已成交", "赢单"]);
      expect(grid[1].slice(7, 9)).toEqual(["提醒时间（0–23 点）", 8]);
      expect(new Set(grid.map((row) => row.length))).toEqual(new Set([18]));
      expect(grid).toHaveLength(12);
      expect(grid[11].slice(7, 9)).toEqual(["归档月数（成交/流失多少个月后归档）", 12]);
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
      ]); // Archive after (months): whole months from 1 to 120.
      expect(parseSettings(withValue(base, 12, "6")).settings.archiveMonths).toBe(6);
      expect(parseSettings(withValue(base, 12, 0)).problems).toEqual([
        { kind: "badValue", row: 12, setting: "archiveMonths", value: "0" },
      ]);
      expect(parseSettings(withValue(base, 12, 121)).settings.archiveMonths).toBe(12);
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
    it("adds the adopted table's new stages as open stages, in first-seen order, and never a vague status", () => {
      const { settings, added } = addStages(defaultSettings("zh"), [
        "已报价",
        " 跟进中 ",
        "",
        "待回访",
        "搁置",
        "跟进中",
        "样品测试",
      ]);
      expect(added).toEqual(["搁置", "样品测试"]);
      expect(settings.stages.slice(-2)).toEqual([
        { name: "搁置", kind: "open" },
        { name: "样品测试", kind: "open" },
      ]);
      expect(settings.stages).toHaveLength(10);
    });

    it("gives statuses that mean won or lost those kinds, in both languages", () => {
      const zh = addStages(defaultSettings("zh"), ["成交", "签约完成", "赢单", "丢单", "输单", "已流失"]);
      expect(zh.settings.stages.slice(8)).toEqual([
        { name: "成交", kind: "won" },
        { name: "签约完成", kind: "won" },
        { name: "赢单", kind: "won" },
        { name: "丢单", kind: "lost" },
        { name: "输单", kind: "lost" },
      ]);
      const en = addStages(defaultSettings("en"), ["Closed Won", "Closed Lost", "In progress", "Demo booked"]);
      expect(en.settings.stages.slice(8)).toEqual([
        { name: "Closed Won", kind: "won" },
        { name: "Closed Lost", kind: "lost" },
        { name: "Demo booked", kind: "open" },
      ]);
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

  describe("stage names in both languages, win probabilities and the currency", () => {
    const column = (grid: unknown[][], index: number) => grid.map((row) => row[index - 1]);

    it("writes each stage's name in the other language and its win probability beside the stages", () => {
      const zh = settingsGrid(defaultSettings("zh"), "zh");
      expect(column(zh, STAGE_DETAIL_LAYOUT.translation).slice(0, 9)).toEqual([
        "阶段英文名",
        "New lead",
        "Awaiting callback",
        "Needs confirmed",
        "Quoted",
        "Negotiating",
        "Contracting",
        "Won",
        "Lost",
      ]);
      expect(column(zh, STAGE_DETAIL_LAYOUT.winProbability).slice(0, 9)).toEqual([
        "赢单概率（%）",
        10,
        25,
        35,
        50,
        60,
        75,
        "",
        "",
      ]);
      const en = settingsGrid(defaultSettings("en"), "en");
      expect(column(en, STAGE_DETAIL_LAYOUT.translation).slice(0, 3)).toEqual(["Stage in Chinese", "新线索", "待回访"]);
      expect(en[0][STAGE_DETAIL_LAYOUT.winProbability - 1]).toBe("Win probability (%)");
      expect(column(en, SETTINGS_LAYOUT.label)).toContain("Currency (auto/¥/$/€)");
    });

    it("reads the names and probabilities back, a probability typed as 30%, 0.3 (Sheets' 30%) or 30", () => {
      const grid = [
        ["阶段", "阶段类型", "", "", "", "", "", "设置项", "值", "", "", "", "阶段英文名", "赢单概率（%）"],
        ["初步接触", "进行中", "", "", "", "", "", "货币（auto/¥/$/€）", "USD", "", "", "", "First contact", "30%"],
        ["方案", "进行中", "", "", "", "", "", "", "", "", "", "", "Proposal", 0.3],
        ["议价", "进行中", "", "", "", "", "", "", "", "", "", "", "", 30],
        ["签单", "赢单", "", "", "", "", "", "", "", "", "", "", "Signed", ""],
        ["搁置", "进行中", "", "", "", "", "", "", "", "", "", "", "", "很高"],
      ];
      const { settings, problems } = parseSettings(grid);
      expect(settings.stages).toEqual([
        { name: "初步接触", kind: "open", translations: { en: "First contact" }, winProbability: 0.3 },
        { name: "方案", kind: "open", translations: { en: "Proposal" }, winProbability: 0.3 },
        { name: "议价", kind: "open", winProbability: 0.3 },
        { name: "签单", kind: "won", translations: { en: "Signed" } },
        { name: "搁置", kind: "open" },
      ]);
      expect(problems).toEqual([{ kind: "badWinProbability", row: 6, stage: "搁置", value: "很高" }]);
      expect(settings.currency).toBe("$");
      expect(parseSettings(settingsGrid(defaultSettings("zh"), "zh")).settings).toEqual(defaultSettings("zh"));
    });

    it("ignores the columns without their header, as an older Settings sheet has them", () => {
      const grid = [
        ["Stage", "Kind", "", "", "", "", "", "", "", "", "", "", "Notes", "Budget"],
        ["Pitch", "open", "", "", "", "", "", "", "", "", "", "", "call first", 90],
      ];
      expect(parseSettings(grid)).toEqual({ settings: expect.anything(), problems: [] });
      expect(parseSettings(grid).settings.stages).toEqual([{ name: "Pitch", kind: "open" }]);
    });

    it("gives a stage's name in the reader's language: from Settings, else SPEC's default name, else as typed", () => {
      const settings = parseSettings([
        ["阶段", "阶段类型", "", "", "", "", "", "", "", "", "", "", "阶段英文名"],
        ["初步接触", "进行中", "", "", "", "", "", "", "", "", "", "", "First contact"],
        ["已报价", "进行中"],
        ["搁置", "进行中"],
      ]).settings;
      expect(stageNameIn(settings, " 初步接触 ", "en")).toBe("First contact");
      expect(stageNameIn(settings, "初步接触", "zh")).toBe("初步接触");
      expect(stageNameIn(settings, "已报价", "en")).toBe("Quoted");
      expect(stageNameIn(settings, "搁置", "en")).toBe("搁置");
      expect(stageNameIn(defaultSettings("en"), "Negotiating", "zh")).toBe("谈判中");
      expect(stageNameIn(defaultSettings("zh"), "跟进中", "en")).toBe("跟进中");
    });

    it("weighs a stage by its Settings probability, else by its place among the open stages; won 1, lost and unlisted 0", () => {
      const settings = defaultSettings("zh");
      expect(settings.stages.map((s) => winProbabilityOf(settings, s.name))).toEqual([
        0.1, 0.25, 0.35, 0.5, 0.6, 0.75, 1, 0,
      ]);
      const threeOpen = parseSettings([
        ["Stage", "Kind"],
        ["A", "open"],
        ["B", "open"],
        ["C", "open"],
        ["W", "won"],
      ]);
      expect(["A", "B", "C", "W", "?"].map((name) => winProbabilityOf(threeOpen.settings, name))).toEqual([
        0.1, 0.45, 0.75, 1, 0,
      ]);
      expect(winProbabilityOf(parseSettings([["Stage"], ["Only"]]).settings, "only")).toBe(0.5);
    });

    it("reads the currency as a symbol or a code, auto by default, and reports one it does not know", () => {
      const en = settingsGrid(defaultSettings("en"), "en");
      const row = column(en, SETTINGS_LAYOUT.label).indexOf("Currency (auto/¥/$/€)") + 1;
      expect(parseSettings(en).settings.currency).toBe("auto");
      expect(parseSettings(withValue(en, row, "￥")).settings.currency).toBe("¥");
      expect(parseSettings(withValue(en, row, "rmb")).settings.currency).toBe("¥");
      expect(parseSettings(withValue(en, row, "EUR")).settings.currency).toBe("€");
      expect(parseSettings(withValue(en, row, "dollars")).problems).toEqual([
        { kind: "badValue", row, setting: "currency", value: "dollars" },
      ]);
    });
  });

  describe("the cadence by stage and by intent grade", () => {
    it("round-trips through the sheet in both languages", () => {
      for (const language of ["zh", "en"] as const) {
        const settings = defaultSettings(language);
        expect(parseSettings(settingsGrid(settings, language), language)).toEqual({ settings, problems: [] });
      }
      expect(settingsGrid(defaultSettings("en"), "en")[0].slice(STAGE_DETAIL_LAYOUT.cadenceDays - 1)).toEqual([
        "Follow up every (days)",
        "",
        "Intent",
        "Follow up every (days) by intent",
      ]);
    });

    it("reads a blank stage cell as no cadence, and reports days that are no whole number from 1 to 365", () => {
      const grid = settingsGrid(defaultSettings("zh"), "zh").map((row) => [...row]);
      grid[1][STAGE_DETAIL_LAYOUT.cadenceDays - 1] = "";
      grid[2][STAGE_DETAIL_LAYOUT.cadenceDays - 1] = "三天";
      grid[3][STAGE_DETAIL_LAYOUT.cadenceDays - 1] = "10";
      grid[1][GRADE_LAYOUT.grade - 1] = "A";
      grid[1][GRADE_LAYOUT.days - 1] = 1;
      grid[2][GRADE_LAYOUT.days - 1] = 0;
      const { settings, problems } = parseSettings(grid);
      expect(settings.stages.slice(0, 3).map((s) => [s.name, stageCadenceDays(s)])).toEqual([
        ["新线索", null],
        ["待回访", 3],
        ["需求确认", 10],
      ]);
      expect(settings.gradeCadence).toEqual([
        { grade: "A", days: 1 },
        { grade: "3", days: 7 },
        { grade: "2", days: 14 },
        { grade: "1", days: 30 },
      ]);
      expect(problems).toEqual([
        { kind: "badCadence", row: 3, stage: "待回访", value: "三天" },
        { kind: "badGradeCadence", row: 3, grade: "4", value: "0" },
      ]);
    });

    it("gives an older sheet without the columns the defaults, and a stage it added 7 days", () => {
      const grid = settingsGrid(defaultSettings("zh"), "zh").map((row) =>
        row.slice(0, STAGE_DETAIL_LAYOUT.winProbability),
      );
      grid.push(["搁置", "进行中"]);
      const { settings } = parseSettings(grid);
      expect(settings.stages.map((s) => stageCadenceDays(s))).toEqual([2, 3, 5, 3, 3, 2, null, null, 7]);
      expect(settings.gradeCadence).toEqual(defaultSettings("zh").gradeCadence);
    });
  });

  describe("stageKindOf", () => {
    it("finds a stage's kind by trimmed, case-insensitive name, null for an unknown stage", () => {
      const settings = defaultSettings("en");
      expect(stageKindOf(settings, " won ")).toBe("won");
      expect(stageKindOf(settings, "LOST")).toBe("lost");
      expect(stageKindOf(settings, "Quoted")).toBe("open");
      expect(stageKindOf(settings, "搁置")).toBeNull();
      // A word that means won, but Settings does not list it: unknown (the sheet's colouring does not know it either).
      expect(stageKindOf(settings, "Closed Won")).toBeNull();
    });

    it("reads a vague status Settings does not list as open: the row stays a follow-up, reminded as usual", () => {
      expect(stageKindOf(defaultSettings("zh"), "跟进中")).toBe("open");
      expect(stageKindOf(defaultSettings("en"), " TBD ")).toBe("open");
      const listed = { ...defaultSettings("zh"), stages: [{ name: "待定", kind: "lost" as const }] };
      expect(stageKindOf(listed, "待定")).toBe("lost");
    });
  });
});
