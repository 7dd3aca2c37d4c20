/** The playground's demo workbook: made through the product's own flows, with no sheet left over from the new spreadsheet. */

import path from "node:path";
import { seedDemo } from "../../../local/playground/demo-seed";
import { readProject } from "../../../local/runtime/loader";

const DIST = path.resolve(__dirname, "../../../dist");

describe("seedDemo", () => {
  const spreadsheet = seedDemo(readProject(DIST)).inspect().getActiveSpreadsheet();

  it("leaves no empty sheet (the new spreadsheet's 工作表1 is not kept)", () => {
    const empty = spreadsheet
      .getSheets()
      .filter((sheet) => sheet.getLastRow() === 0)
      .map((sheet) => sheet.getName());
    expect(empty).toEqual([]);
  });

  it("holds the add-on's sheets only, the follow-ups first", () => {
    expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(["跟进记录", "团队", "设置", "客户索引"]);
  });
});
