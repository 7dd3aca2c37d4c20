/** Integration tests of "Set up / adopt table" on an empty spreadsheet: the new table's sheets, headers, dropdowns, colouring and protections, in both languages. */

import { callsBetween } from "../../local/runtime/kernel";
import { EN_REP, runtimeOnDist, ZH_REP } from "../helpers/runtime";
import { sheetModel } from "../helpers/workbook";

function setUp(language: "zh" | "en") {
  const runtime =
    language === "zh"
      ? runtimeOnDist({ user: ZH_REP })
      : runtimeOnDist({ user: EN_REP, locale: "en_US", timeZone: "America/Los_Angeles" });
  runtime.open("LIMITED");
  runtime.ui.answerNext("OK");
  runtime.clickMenu(language === "zh" ? "设置/接管跟进表" : "Set up / adopt table");
  return runtime;
}

describe("set up a new table", () => {
  it.each([
    ["zh", ["跟进记录", "工作表1", "团队", "设置", "客户索引"], "记录编号", "客户名称", "录入时间"],
    ["en", ["Follow-ups", "Sheet1", "Team", "Settings", "Customer index"], "ID", "Customer", "Logged at"],
  ] as const)("creates the sheets and headers in %s", (language, sheets, first, second, last) => {
    const runtime = setUp(language);
    const ss = runtime.inspect().getActiveSpreadsheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(sheets);
    const followUps = ss.getSheets()[0];
    const header = followUps?.getRange(1, 1, 1, 17).getValues()[0];
    expect(header?.[0]).toBe(first);
    expect(header?.[1]).toBe(second);
    expect(header?.[16]).toBe(last);
    expect(followUps?.getFrozenRows()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe(sheets[0]);
    // The customer index is the add-on's own sheet, hidden from the team.
    expect(ss.getSheetByName(sheets[4])?.isSheetHidden()).toBe(true);
    // Its header names its columns in the table's language (the customer's name in the third).
    expect(ss.getSheetByName(sheets[4])?.getRange(1, 3).getValue()).toBe(second);
    expect(runtime.ui.exchanges.at(-1)?.prompt).toContain(sheets[2]);
  });

  it("makes the current user the first Team member, as admin", () => {
    const runtime = setUp("zh");
    const team = runtime.inspect().getActiveSpreadsheet().getSheetByName("团队");
    const rows = team?.getDataRange().getValues() ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(["li.lei", "li.lei@example.com", "管理员"]));
  });

  it("writes the default stages, methods and sources into Settings", () => {
    const runtime = setUp("en");
    const settings = runtime.inspect().getActiveSpreadsheet().getSheetByName("Settings");
    const column = (n: number) =>
      (settings?.getRange(2, n, 20, 1).getValues() ?? []).map((r) => r[0]).filter((v) => v !== "");
    expect(column(1)).toEqual([
      "New lead",
      "Awaiting callback",
      "Needs confirmed",
      "Quoted",
      "Negotiating",
      "Contracting",
      "Won",
      "Lost",
    ]);
    expect(column(4)).toEqual(["Phone", "WeChat", "Email", "Visit", "Video call", "Other"]);
    expect(column(6)).toEqual(["Online ads", "Referral", "Trade show", "Website", "Cold call", "Other"]);
  });

  it("puts dropdowns fed from Settings and Team, dates and a checkbox on the data rows", () => {
    const runtime = setUp("zh");
    const followUps = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
    const criteria = (column: number) => {
      const rule = followUps?.getRange(500, column).getDataValidation();
      const values = rule?.getCriteriaValues() ?? [];
      const source = values[0] as GoogleAppsScript.Spreadsheet.Range | undefined;
      return [
        String(rule?.getCriteriaType()),
        source && typeof source === "object" && "getSheet" in source
          ? `${source.getSheet().getName()}!${source.getA1Notation()}`
          : null,
        rule?.getAllowInvalid(),
      ];
    };
    expect(criteria(9)).toEqual(["VALUE_IN_RANGE", "设置!A2:A1000", true]); // stage
    expect(criteria(6)).toEqual(["VALUE_IN_RANGE", "设置!D2:D1000", true]); // method
    expect(criteria(12)).toEqual(["VALUE_IN_RANGE", "团队!A2:A1000", true]); // owner
    expect(criteria(13)).toEqual(["VALUE_IN_RANGE", "设置!F2:F1000", true]); // source
    expect(criteria(14)).toEqual(["NUMBER_BETWEEN", null, true]); // intent
    expect(criteria(5)[0]).toBe("DATE_IS_VALID_DATE");
    expect(criteria(11)[0]).toBe("DATE_IS_VALID_DATE");
    expect(criteria(20)[0]).toBe("DATE_IS_VALID_DATE"); // expected close: a date column, checked as one by its kind
    expect(criteria(16)[0]).toBe("CHECKBOX");
    expect(followUps?.getRange(1, 9).getDataValidation()).toBeNull(); // not on the header
  });

  it("colours overdue rows red and due-today rows amber with two rules over the whole rows", () => {
    const runtime = setUp("zh");
    const followUps = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
    const rules = followUps?.getConditionalFormatRules() ?? [];
    expect(rules.map((r) => [r.getRanges()[0]?.getA1Notation(), r.getBooleanCondition()?.getBackground()])).toEqual([
      ["A2:T1000", "#f4cccc"],
      ["A2:T1000", "#ffe599"],
    ]);
    // Done in either language, not superseded (the add-on's own column R), stage not won/lost, next date before today:
    // the date K holds, else a date typed there as text, else (K empty) one written in the next step J, a date without
    // a year read near the follow-up date E.
    const done = ["true", "1", "yes", "y", "done", "completed", "✓", "✔", "√", "☑", "是", "已完成", "完成", "已跟进"];
    const overdue = String(rules[0]?.getBooleanCondition()?.getCriteriaValues()[0]);
    expect(
      overdue.startsWith(
        `=AND(NOT(OR(${done.map((d) => `TRIM($P2&"")="${d}"`).join(",")})),$R2<>TRUE(),` +
          `TRIM($I2&"")<>"已成交",TRIM($I2&"")<>"已流失",IF(ISNUMBER($K2),INT($K2)<TODAY(),`,
      ),
    ).toBe(true);
    expect(overdue).toContain(`IF(TRIM($K2&"")="",REGEXREPLACE($J2&"","[-.]","~"),$K2&"")`);
    expect(overdue).toContain("IF(ISNUMBER($E2),$E2,TODAY())");
    expect(overdue.endsWith(`,N("followup-tracker:overdue")=0)`)).toBe(true);
  });

  it("protects the header row, Team and Settings so only the owner and admins edit them", () => {
    const runtime = setUp("zh");
    const ss = runtime.inspect().getActiveSpreadsheet();
    const ranges = ss.getProtections(SpreadsheetAppEnum("RANGE"));
    const sheets = ss.getProtections(SpreadsheetAppEnum("SHEET"));
    expect(ranges.map((p) => p.getRange().getA1Notation())).toEqual(["A1:Z1"]);
    const full = sheets.filter((p) => !p.isWarningOnly());
    expect(full.map((p) => p.getRange().getSheet().getName()).sort()).toEqual(["团队", "设置"].sort());
    // The customer index warns whoever edits it (it is the add-on's, and Sync rebuilds it).
    expect(sheets.filter((p) => p.isWarningOnly()).map((p) => p.getRange().getSheet().getName())).toEqual(["客户索引"]);
    for (const protection of [...ranges, ...full]) {
      expect(protection.isWarningOnly()).toBe(false);
      expect(protection.getEditors().map((u) => u.getEmail())).toEqual(["li.lei@example.com"]);
    }
  });

  it("is refused a second time: the table exists, nothing is duplicated", () => {
    const runtime = setUp("en");
    runtime.ui.answerNext("OK");
    runtime.clickMenu("Set up / adopt table");
    expect(runtime.ui.exchanges.at(-1)?.prompt).toContain("already uses Follow-up Tracker");
    expect(runtime.inspect().getActiveSpreadsheet().getSheets()).toHaveLength(5);
  });

  it("keeps a team's sheet that already has the default name", () => {
    const runtime = runtimeOnDist({ user: ZH_REP });
    runtime.inspect().getActiveSpreadsheet().insertSheet("团队");
    runtime.open("LIMITED");
    runtime.ui.answerNext("OK");
    runtime
      .inspect()
      .getActiveSpreadsheet()
      .setActiveSheet(runtime.inspect().getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet);
    runtime.clickMenu("设置/接管跟进表");
    expect(
      runtime
        .inspect()
        .getActiveSpreadsheet()
        .getSheets()
        .map((s) => s.getName()),
    ).toEqual(["跟进记录", "工作表1", "团队", "团队 2", "设置", "客户索引"]);
    expect(sheetModel(runtime, "团队").rows.length).toBe(0);
  });

  it("makes the same number of service calls whatever the size of the sheet it starts from", () => {
    const calls = (rows: number) => {
      const runtime = runtimeOnDist({ user: ZH_REP });
      // A sheet of notes (not a table) that set-up looks at before deciding to create a new table.
      const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
      sheet?.insertRowsAfter(1000, rows - 1000);
      sheet?.getRange(1, 1, rows, 1).setValues(Array.from({ length: rows }, (_, i) => [i]));
      runtime.open("LIMITED");
      runtime.ui.answerNext("OK");
      const before = runtime.kernel.snapshot();
      runtime.clickMenu("设置/接管跟进表");
      return callsBetween(before, runtime.kernel.snapshot(), "Spreadsheet");
    };
    expect(calls(2000)).toBe(calls(20_000));
  });
});

/** SpreadsheetApp.ProtectionType members as the runtime defines them (plain names). */
function SpreadsheetAppEnum(name: "RANGE" | "SHEET"): GoogleAppsScript.Spreadsheet.ProtectionType {
  return name as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}
