/** Tests of src/core/overdue-rules: the overdue and due-today formulas spell ./due's rule for the table's columns, are told apart from a team's own rules, and colour the right rows when a spreadsheet engine evaluates them. */

import { HyperFormula } from "hyperformula";
import "../../local/runtime/spreadsheet/sheets-functions";
import { dateForms, normalisingSteps, YEARLESS_DAYS_BEFORE } from "../../src/core/dates";
import { DONE_TEXTS } from "../../src/core/due";
import {
  colouringOfFormula,
  type RowColouring,
  type RuleColumns,
  rowColouringFormula,
} from "../../src/core/overdue-rules";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { serialOf } from "../helpers/formula-engine";

const ZH = defaultSettings("zh");
/** Next date K, stage I, done P, superseded R, data from row 3. */
const COLUMNS: RuleColumns = { nextDate: 11, stage: 9, done: 16, superseded: 18, firstRow: 3 };
/** The same, with the follow-up date E and the next step J. */
const TEXT_COLUMNS: RuleColumns = { ...COLUMNS, date: 5, nextStep: 10 };

/** The sheet references of a formula (a letter run after `$`, then digits), without duplicates. */
function references(formula: string): string[] {
  return [...new Set(formula.match(/\$?[A-Z]+\$?\d+/g) ?? [])];
}

describe("overdue-rules", () => {
  describe("rowColouringFormula", () => {
    it.each(["overdue", "dueToday"] as RowColouring[])(
      "%s: is one AND of the rule's terms, marked as the add-on's",
      (c) => {
        const formula = rowColouringFormula(c, COLUMNS, ZH, "zh");
        expect(formula.startsWith("=AND(")).toBe(true);
        expect(formula.endsWith(`,N("followup-tracker:${c}")=0)`)).toBe(true);
      },
    );

    it("compares the day of a next date the sheet holds before today for overdue, and with today for due today", () => {
      expect(rowColouringFormula("overdue", COLUMNS, ZH, "zh")).toContain(",IF(ISNUMBER($K3),INT($K3)<TODAY(),");
      expect(rowColouringFormula("overdue", COLUMNS, ZH, "zh")).not.toContain("=TODAY()");
      expect(rowColouringFormula("dueToday", COLUMNS, ZH, "zh")).toContain(",IF(ISNUMBER($K3),INT($K3)=TODAY(),");
      expect(rowColouringFormula("dueToday", COLUMNS, ZH, "zh")).not.toContain("<TODAY()");
    });

    it("reads a next date typed as text with the same patterns and steps as src/core/dates, in the table's order", () => {
      const zh = rowColouringFormula("overdue", TEXT_COLUMNS, ZH, "zh");
      const en = rowColouringFormula("overdue", TEXT_COLUMNS, ZH, "en");
      expect(zh).toContain(`"${dateForms("zh")}"`);
      expect(en).toContain(`"${dateForms("en")}"`);
      for (const step of normalisingSteps("en")) expect(en).toContain(`"${step.pattern}","${step.replacement}")`);
      // Only en turns month/day/year around.
      expect(normalisingSteps("en").length).toBe(normalisingSteps("zh").length + 1);
    });

    it("looks in the next step only when the next-date cell is empty, and reads a date without a year near the follow-up date", () => {
      const formula = rowColouringFormula("overdue", TEXT_COLUMNS, ZH, "zh");
      expect(formula).toContain(`IF(TRIM($K3&"")="",REGEXREPLACE($J3&"","[-.]","~"),$K3&"")`);
      expect(formula).toContain(`IF(ISNUMBER($E3),$E3,TODAY())-${YEARLESS_DAYS_BEFORE}`);
      expect(rowColouringFormula("overdue", COLUMNS, ZH, "zh")).not.toContain("$J3");
      expect(rowColouringFormula("overdue", COLUMNS, ZH, "zh")).toContain(`(TODAY()-${YEARLESS_DAYS_BEFORE})`);
    });

    it.each(["overdue", "dueToday"] as RowColouring[])(
      "%s: leaves out a row whose done cell holds any done text",
      (c) => {
        const formula = rowColouringFormula(c, COLUMNS, ZH, "zh");
        const terms = DONE_TEXTS.map((text) => `TRIM($P3&"")="${text}"`);
        expect(formula).toContain(`NOT(OR(${terms.join(",")}))`);
        expect(DONE_TEXTS.length).toBeGreaterThanOrEqual(14);
      },
    );

    it.each(["overdue", "dueToday"] as RowColouring[])("%s: leaves out a row marked superseded", (c) => {
      expect(rowColouringFormula(c, COLUMNS, ZH, "zh")).toContain(",$R3<>TRUE(),");
    });

    it("leaves out each won or lost stage of the Settings, and names no open stage", () => {
      const formula = rowColouringFormula("overdue", COLUMNS, ZH, "zh");
      expect(formula).toContain(`TRIM($I3&"")<>"已成交"`);
      expect(formula).toContain(`TRIM($I3&"")<>"已流失"`);
      for (const open of ZH.stages.filter((s) => s.kind === "open")) expect(formula).not.toContain(open.name);
      expect(formula.match(/TRIM\(\$I3&""\)<>/g)).toHaveLength(2);
    });

    it("spells a stage name with a quote in it as a formula text (the quote doubled), trimmed", () => {
      const settings: Settings = {
        ...ZH,
        stages: [
          { name: "谈判中", kind: "open" },
          { name: ' Signed "big" deal ', kind: "won" },
          { name: "Lost", kind: "lost" },
        ],
      };
      const formula = rowColouringFormula("overdue", COLUMNS, settings, "zh");
      expect(formula).toContain(`TRIM($I3&"")<>"Signed ""big"" deal",`);
      expect(formula).toContain(`TRIM($I3&"")<>"Lost",`);
      expect(formula).not.toContain("谈判中");
    });

    it("makes every reference's column absolute and its row the first data row, relative", () => {
      const formula = rowColouringFormula("overdue", COLUMNS, ZH, "zh");
      expect(references(formula).sort()).toEqual(["$I3", "$K3", "$P3", "$R3"]);
      const fromRow7 = rowColouringFormula("dueToday", { ...COLUMNS, firstRow: 7 }, ZH, "zh");
      expect(references(fromRow7).sort()).toEqual(["$I7", "$K7", "$P7", "$R7"]);
    });

    it("follows the table's columns past Z", () => {
      const formula = rowColouringFormula(
        "overdue",
        { nextDate: 27, stage: 2, done: 30, superseded: 52, date: 28, nextStep: 29, firstRow: 2 },
        ZH,
        "zh",
      );
      expect(references(formula).sort()).toEqual(["$AA2", "$AB2", "$AC2", "$AD2", "$AZ2", "$B2"]);
    });

    it("leaves out the done and superseded terms when the table lacks those columns", () => {
      const formula = rowColouringFormula(
        "overdue",
        { nextDate: 3, stage: 2, firstRow: 2 },
        defaultSettings("en"),
        "en",
      );
      expect(
        formula.startsWith(`=AND(TRIM($B2&"")<>"Won",TRIM($B2&"")<>"Lost",IF(ISNUMBER($C2),INT($C2)<TODAY(),`),
      ).toBe(true);
    });

    it("leaves out only the missing one of the two", () => {
      const noSuperseded = rowColouringFormula("overdue", { ...COLUMNS, superseded: undefined }, ZH, "zh");
      expect(noSuperseded).toContain("NOT(OR(");
      expect(noSuperseded).not.toContain("TRUE()");
      const noDone = rowColouringFormula("overdue", { ...COLUMNS, done: undefined }, ZH, "zh");
      expect(noDone).not.toContain("NOT(OR(");
      expect(noDone).toContain("$R3<>TRUE()");
    });
  });

  describe("colouringOfFormula", () => {
    it("recognises both of the add-on's formulas", () => {
      expect(colouringOfFormula(rowColouringFormula("overdue", COLUMNS, ZH, "zh"))).toBe("overdue");
      expect(colouringOfFormula(rowColouringFormula("dueToday", COLUMNS, ZH, "zh"))).toBe("dueToday");
      expect(
        colouringOfFormula(rowColouringFormula("dueToday", { nextDate: 3, stage: 2, firstRow: 2 }, ZH, "zh")),
      ).toBe("dueToday");
    });

    it.each([
      ["a team's overdue rule", "=AND(ISNUMBER($K2),$K2<TODAY())"],
      ["a team's highlight of won deals", '=$I2="已成交"'],
      ["a rule naming the add-on in another way", '=N("followup-tracker:upcoming")=0'],
      ["an empty formula", ""],
    ])("takes %s for the team's own", (_, formula) => {
      expect(colouringOfFormula(formula)).toBeNull();
    });
  });

  describe("the formulas in a spreadsheet engine", () => {
    // Columns: A customer, B stage, C next date (a serial, as Sheets stores dates, or text), D done, E superseded,
    // F follow-up date, G next step, H intent grade; header in row 1. The engine has Sheets' REGEX functions, as the
    // runtime's has.
    const RULE_COLUMNS: RuleColumns = {
      nextDate: 3,
      stage: 2,
      done: 4,
      superseded: 5,
      date: 6,
      nextStep: 7,
      score: 8,
      firstRow: 2,
    };
    const TODAY = serialOf(2026, 11, 27);
    const WEEK_AGO = TODAY - 7;
    const ROWS: [string, unknown[]][] = [
      ["open, done 否, next date yesterday", ["上海某科技", "已报价", TODAY - 1, "否", null]],
      ["done 是", ["北京某贸易", "已报价", TODAY - 1, "是", null]],
      ["a ticked checkbox", ["深圳某电子", "已报价", TODAY - 1, true, null]],
      ["superseded", ["广州某制造", "已报价", TODAY - 1, null, true]],
      ["won", ["杭州某网络", "已成交", TODAY - 1, null, null]],
      ["open, due today", ["成都某餐饮", "待回访", TODAY, null, null]],
      ["open, due tomorrow", ["南京某物流", "待回访", TODAY + 1, null, null]],
      ["an unticked checkbox, a week late", ["苏州某材料", "谈判中", TODAY - 7, false, false]],
      ["done ' Yes ' in other case and spaces", ["天津某化工", "谈判中", TODAY - 1, " Yes ", null]],
      ["a next date typed as words", ["重庆某汽配", "新线索", "下周一", null, null]],
      ["due today with a time", ["武汉某光电", "新线索", TODAY + 0.75, null, null]],
      ["lost, with spaces around the stage", ["西安某软件", " 已流失 ", TODAY - 1, null, null]],
      ["done 已跟进, due today", ["青岛某机械", "需求确认", TODAY, "已跟进", null]],
      ["done ×, due today", ["大连某港务", "需求确认", TODAY, "×", null]],
      ["done 1", ["厦门某贸易", "需求确认", TODAY - 1, 1, null]],
      ["no next date", ["宁波某电器", "需求确认", null, null, null]],
      ["11/27 typed as text, due today", ["珠海某医疗", "待回访", "11/27", null, null, WEEK_AGO]],
      ["2026年11月20日 typed as text, overdue", ["佛山某陶瓷", "待回访", "2026年11月20日", null, null, WEEK_AGO]],
      [
        "next date empty, 11/26回访报价反馈 in the next step",
        ["东莞某五金", "已报价", null, null, null, WEEK_AGO, "11/26回访报价反馈"],
      ],
      [
        "next date empty, 2026-11-27 见面 in the next step",
        ["中山某灯饰", "已报价", null, null, null, WEEK_AGO, "2026-11-27 见面"],
      ],
      [
        "next date empty, 3-5天内回复 in the next step: 已报价's cadence, 3 days after a week ago",
        ["惠州某电池", "已报价", null, null, null, WEEK_AGO, "3-5天内回复"],
      ],
      [
        "no next date, 新线索 3 days ago: its 2-day cadence has passed",
        ["潮州某瓷业", "新线索", null, null, null, TODAY - 3],
      ],
      [
        "no next date, 谈判中 2 days ago: its 3-day cadence is tomorrow",
        ["揭阳某五金", "谈判中", null, null, null, TODAY - 2],
      ],
      [
        "no next date, intent 5 at 需求确认 2 days ago: the grade's 2 days, due today",
        ["梅州某茶叶", "需求确认", null, null, null, TODAY - 2, "", 5],
      ],
      [
        "no next date, intent ' 1 ' at 新线索 3 days ago: the grade's 30 days before the stage's 2",
        ["韶关某钢铁", "新线索", null, null, null, TODAY - 3, "", " 1 "],
      ],
      [
        "no next date, intent 9 (not in Settings) at 新线索 2 days ago: the stage's, due today",
        ["清远某农业", "新线索", null, null, null, TODAY - 2, "", 9],
      ],
      ["no next date, won a month ago: no cadence", ["阳江某刀具", "已成交", null, null, null, TODAY - 30]],
      [
        "no next date, the follow-up date typed as text: no cadence (the sheet holds no date)",
        ["云浮某石材", "新线索", null, null, null, "11月20日"],
      ],
      [
        "next date 11/28 typed, 11/20 in the next step",
        ["江门某摩托", "已报价", "11/28", null, null, WEEK_AGO, "11/20回访"],
      ],
      ["5/28 typed, followed up on 2026-11-20: May this year", ["汕头某玩具", "待回访", "5/28", null, null, TODAY - 7]],
      [
        "5/28 typed, follow-up date typed as text: May next year",
        ["湛江某水产", "待回访", "5/28", null, null, "11月20日"],
      ],
      ["2/30 typed, no calendar has it: 待回访's cadence", ["肇庆某建材", "待回访", "2/30", null, null, WEEK_AGO]],
    ];

    /** The formula's result for each row, filled down from the first data row by the engine as Sheets applies a rule. */
    function evaluate(colouring: RowColouring, language: "zh" | "en" = "zh", rows = ROWS): unknown[] {
      const data = [
        ["客户名称", "当前阶段", "下次跟进日期", "已跟进", "已有新跟进", "跟进时间", "下一步计划", "意向评分"],
        // Text stays text in the engine (a leading apostrophe), as the runtime gives it.
        ...rows.map(([, cells]) =>
          Array.from({ length: 8 }, (_, i) => cells[i] ?? null).map((v) => (typeof v === "string" ? `'${v}` : v)),
        ),
      ];
      const engine = HyperFormula.buildFromArray(data as (string | number | boolean | null)[][], {
        licenseKey: "gpl-v3",
      });
      // Sheets reads a bare FALSE as the boolean; HyperFormula only knows FALSE(), so the name is given that meaning.
      engine.addNamedExpression("FALSE", "=FALSE()");
      const formula = rowColouringFormula(colouring, RULE_COLUMNS, ZH, language).replace(/TODAY\(\)/g, String(TODAY));
      const column = 8;
      engine.setCellContents({ sheet: 0, row: 1, col: column }, formula);
      engine.copy({ start: { sheet: 0, row: 1, col: column }, end: { sheet: 0, row: 1, col: column } });
      for (let row = 2; row <= rows.length; row++) engine.paste({ sheet: 0, row, col: column });
      const results = rows.map((_, i) => engine.getCellValue({ sheet: 0, row: 1 + i, col: column }));
      engine.destroy();
      return results;
    }

    /** The descriptions of the rows a colouring colours. */
    function coloured(colouring: RowColouring, language: "zh" | "en" = "zh", rows = ROWS): string[] {
      const results = evaluate(colouring, language, rows);
      return rows.filter((_, i) => results[i] === true).map(([what]) => what);
    }

    it("colours red only the open rows whose next date has passed", () => {
      expect(coloured("overdue")).toEqual([
        "open, done 否, next date yesterday",
        "an unticked checkbox, a week late",
        "2026年11月20日 typed as text, overdue",
        "next date empty, 11/26回访报价反馈 in the next step",
        "next date empty, 3-5天内回复 in the next step: 已报价's cadence, 3 days after a week ago",
        "no next date, 新线索 3 days ago: its 2-day cadence has passed",
        "5/28 typed, followed up on 2026-11-20: May this year",
        "2/30 typed, no calendar has it: 待回访's cadence",
      ]);
    });

    it("colours amber only the open rows due today, a time of day included", () => {
      expect(coloured("dueToday")).toEqual([
        "open, due today",
        "due today with a time",
        "done ×, due today",
        "11/27 typed as text, due today",
        "next date empty, 2026-11-27 见面 in the next step",
        "no next date, intent 5 at 需求确认 2 days ago: the grade's 2 days, due today",
        "no next date, intent 9 (not in Settings) at 新线索 2 days ago: the stage's, due today",
      ]);
    });

    it("reads 11/27/26 month first in an English table, and as no date in a Chinese one", () => {
      const rows: [string, unknown[]][] = [["11/27/26", ["Acme", "Quoted", "11/27/26", null, null, WEEK_AGO]]];
      expect(coloured("dueToday", "en", rows)).toEqual(["11/27/26"]);
      expect(coloured("dueToday", "zh", rows)).toEqual([]);
      const yearFirst: [string, unknown[]][] = [["26/11/27", ["某公司", "待回访", "26/11/27", null, null, WEEK_AGO]]];
      expect(coloured("dueToday", "zh", yearFirst)).toEqual(["26/11/27"]);
      expect(coloured("dueToday", "en", yearFirst)).toEqual([]);
    });

    it("gives FALSE, not an error, for every row it does not colour", () => {
      for (const colouring of ["overdue", "dueToday"] as RowColouring[]) {
        const results = evaluate(colouring);
        expect(results).toHaveLength(ROWS.length);
        expect(results.filter((v) => v !== true && v !== false)).toEqual([]);
      }
    });
  });
});
