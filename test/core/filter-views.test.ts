/** Tests of src/core/filter-views: a rep's filtered view (the colouring's own formulas with the owner column, titled in the rep's language), its fingerprint, and when views are written, looked for and remembered. */

import { HyperFormula } from "hyperformula";
import "../../local/runtime/spreadsheet/sheets-functions";
import { dayFromYmd } from "../../src/core/dates";
import type { Digest } from "../../src/core/digest";
import {
  changesFor,
  type DueView,
  type DueViewSheet,
  dueViewLink,
  dueViewOf,
  mustLook,
  parseRecords,
  recordsAfter,
  recordsText,
  TRUSTED_DAYS,
  type ViewRecord,
} from "../../src/core/filter-views";
import { rowColouringFormula } from "../../src/core/overdue-rules";
import { defaultSettings } from "../../src/core/settings";
import type { TeamMember } from "../../src/core/team";
import { serialOf } from "../helpers/formula-engine";

const TODAY = dayFromYmd(2026, 11, 27);
/** Customer A, stage B, next date C, owner D, below a header on row 1. */
const SHEET: DueViewSheet = {
  sheetId: 42,
  maxRows: 500,
  maxColumns: 20,
  columns: { nextDate: 3, stage: 2, owner: 4, firstRow: 2 },
  settings: defaultSettings("zh"),
  language: "zh",
};

function member(name: string, email: string): TeamMember {
  return { name, email, role: "rep", managerEmail: "", reminders: true, language: "" };
}

const TEAM = [
  member("李四", "li.si@example.com"),
  member("Ann Lee", "ann@example.com"),
  member("王五", "wang@example.com"),
];

/** A digest to `to` (only who it is to matters here). */
function digestTo(to: string, name: string, language: "zh" | "en" = "zh"): Digest {
  return {
    to,
    name,
    language,
    overdue: [],
    dueToday: [],
    upcoming: [],
    goingStale: [],
    team: [],
    poolCount: 0,
    staleDays: 30,
    problems: [],
    timeZone: "Asia/Shanghai",
  };
}

/** Whether the view's formula holds for each row (customer, stage, next date, owner), with TODAY() the given day. */
function shows(view: DueView, rows: unknown[][], today = serialOf(2026, 11, 27)): boolean[] {
  const data = [["客户名称", "当前阶段", "下次跟进日期", "责任人"], ...rows];
  const engine = HyperFormula.buildFromArray(data as (string | number | null)[][], { licenseKey: "gpl-v3" });
  engine.addNamedExpression("FALSE", "=FALSE()");
  const at = { sheet: 0, row: 1, col: 6 };
  engine.setCellContents(at, view.formula.replace(/TODAY\(\)/g, String(today)));
  engine.copy({ start: at, end: at });
  for (let row = 2; row <= rows.length; row++) engine.paste({ ...at, row });
  const results = rows.map((_, i) => engine.getCellValue({ ...at, row: 1 + i }) === true);
  engine.destroy();
  return results;
}

describe("filter-views", () => {
  describe("dueViewOf", () => {
    it("is one CUSTOM_FORMULA on the owner column: the rep's rows coloured red or amber, by the colouring's own formulas", () => {
      const view = dueViewOf(digestTo("li.si@example.com", "李四"), TEAM, SHEET);
      const [overdue, dueToday] = (["overdue", "dueToday"] as const).map((c) =>
        rowColouringFormula(c, SHEET.columns, SHEET.settings, "zh").slice(1),
      );
      expect(view.formula).toBe(
        `=AND(OR(TRIM($D2&"")="李四",TRIM($D2&"")="li.si@example.com"),OR(${overdue},${dueToday}))`,
      );
      expect(view.columnIndex).toBe(3);
      expect(view.range).toEqual({ startRowIndex: 0, endRowIndex: 500, startColumnIndex: 0, endColumnIndex: 20 });
      expect(view.title).toBe("李四 · 待跟进");
      expect(view.rep).toBe("li.si@example.com");
    });

    it("shows the rep's overdue and due-today rows, owner named as typed or by email, and nothing else", () => {
      const view = dueViewOf(digestTo("li.si@example.com", "李四"), TEAM, SHEET);
      const nov = (d: number) => serialOf(2026, 11, d);
      expect(
        shows(view, [
          ["甲", "已报价", nov(20), "李四"],
          ["乙", "已报价", nov(27), " 李四 "],
          ["丙", "已报价", nov(20), "LI.SI@example.com"],
          ["丁", "已报价", nov(28), "李四"],
          ["戊", "已成交", nov(20), "李四"],
          ["己", "已报价", nov(20), "王五"],
          ["庚", "已报价", nov(20), ""],
        ]),
      ).toEqual([true, true, true, false, false, false, false]);
    });

    it("leaves out a name on two Team rows, which owns nothing", () => {
      const team = [...TEAM, member("李四", "another.li@example.com")];
      const view = dueViewOf(digestTo("li.si@example.com", "李四"), team, SHEET);
      expect(view.formula).toMatch(/^=AND\(OR\(TRIM\(\$D2&""\)="li\.si@example\.com"\),/);
    });

    it("is titled in the rep's language", () => {
      expect(dueViewOf(digestTo("ann@example.com", "Ann Lee", "en"), TEAM, SHEET).title).toBe(
        "Ann Lee · Follow-ups due",
      );
    });

    it("changes its fingerprint when its columns, the sheet's size, Settings or its title change, and only then", () => {
      const print = (sheet: DueViewSheet, name = "李四") =>
        dueViewOf(digestTo("li.si@example.com", name), TEAM, sheet).fingerprint;
      const base = print(SHEET);
      expect(print({ ...SHEET })).toBe(base);
      expect(print({ ...SHEET, columns: { ...SHEET.columns, owner: 5 } })).not.toBe(base);
      expect(print({ ...SHEET, maxRows: 501 })).not.toBe(base);
      expect(print({ ...SHEET, sheetId: 43 })).not.toBe(base);
      const settings = { ...SHEET.settings, stages: SHEET.settings.stages.filter((s) => s.name !== "已流失") };
      expect(print({ ...SHEET, settings })).not.toBe(base);
      expect(print(SHEET, "李四四")).not.toBe(base);
    });
  });

  describe("writing and remembering views", () => {
    const li = dueViewOf(digestTo("li.si@example.com", "李四"), TEAM, SHEET);
    const ann = dueViewOf(digestTo("ann@example.com", "Ann Lee"), TEAM, SHEET);
    const record = (view: DueView, id: number, seen = TODAY, print = view.fingerprint): [string, ViewRecord] => [
      view.rep,
      { id, fingerprint: print, seen },
    ];

    it("adds a view never made, updates one that changed, and leaves the rest", () => {
      const records = new Map([record(li, 7, TODAY, "old")]);
      expect(changesFor([li, ann], records, null)).toEqual([
        { kind: "update", view: li, id: 7 },
        { kind: "add", view: ann },
      ]);
      expect(changesFor([li], new Map([record(li, 7)]), null)).toEqual([]);
    });

    it("adds again a view the sheet no longer has, once it was looked for", () => {
      const records = new Map([record(li, 7)]);
      expect(changesFor([li], records, new Set([8]))).toEqual([{ kind: "add", view: li }]);
      expect(changesFor([li], records, new Set([7]))).toEqual([]);
    });

    it(`looks for the views once one was last seen ${TRUSTED_DAYS} days ago`, () => {
      expect(mustLook([li], new Map([record(li, 7, TODAY - TRUSTED_DAYS + 1)]), TODAY)).toBe(false);
      expect(mustLook([li], new Map([record(li, 7, TODAY - TRUSTED_DAYS)]), TODAY)).toBe(true);
      expect(mustLook([li], new Map(), TODAY)).toBe(false);
    });

    it("remembers new ids and fingerprints, seen today when written or looked for, and keeps other reps' records", () => {
      const wang: [string, ViewRecord] = ["wang@example.com", { id: 9, fingerprint: "w", seen: TODAY - 3 }];
      const records = new Map([record(li, 7, TODAY - 2), wang]);
      const changes = changesFor([li, ann], records, null);
      const added = new Map([[ann.rep, 11]]);
      const next = recordsAfter(records, [li, ann], changes, added, false, TODAY);
      expect(next.get(li.rep)).toEqual({ id: 7, fingerprint: li.fingerprint, seen: TODAY - 2 });
      expect(next.get(ann.rep)).toEqual({ id: 11, fingerprint: ann.fingerprint, seen: TODAY });
      expect(next.get("wang@example.com")).toEqual(wang[1]);
      expect(recordsAfter(records, [li], [], new Map(), true, TODAY).get(li.rep)?.seen).toBe(TODAY);
    });

    it("keeps records as compact text and reads them back, forgetting what it cannot read", () => {
      const records = new Map([record(li, 7), record(ann, 11, TODAY - 1)]);
      expect(parseRecords(recordsText(records))).toEqual(records);
      expect(recordsText(new Map([record(li, 7)]))).toBe(`{"li.si@example.com":[7,"${li.fingerprint}",${TODAY}]}`);
      expect(parseRecords(null)).toEqual(new Map());
      expect(parseRecords("not json")).toEqual(new Map());
      expect(parseRecords('{"a@x.com":[1,"f"],"b@x.com":[2,"g",3]}')).toEqual(
        new Map([["b@x.com", { id: 2, fingerprint: "g", seen: 3 }]]),
      );
    });
  });

  it("links the view as Sheets opens it: the sheet's gid and the filter view's fvid", () => {
    expect(dueViewLink("https://docs.google.com/spreadsheets/d/abc/edit", 42, 123)).toBe(
      "https://docs.google.com/spreadsheets/d/abc/edit#gid=42&fvid=123",
    );
  });
});
