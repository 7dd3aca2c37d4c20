/** Tests of the emulated Sheets advanced service: enabled by the manifest only; filter views added, updated, deleted and listed as the Sheets API does, refused with its texts, kept in the spreadsheet, moved with their cells, and the rows each shows. */

import { callsBetween } from "../../../local/runtime/kernel";
import { projectFromSources } from "../../../local/runtime/loader";
import { AppsScriptRuntime } from "../../../local/runtime/runtime";
import { FRIDAY_MORNING_SHANGHAI, ZH_REP } from "../../helpers/runtime";

const SPREADSHEETS = "https://www.googleapis.com/auth/spreadsheets";
const SHEETS_V4 = { userSymbol: "Sheets", serviceId: "sheets", version: "v4" };

/**
 * The script's functions, each a thin call of the service with the open spreadsheet's id: `batch(requests)`,
 * `views(fields)` (Spreadsheets.get), and `attempt(requests)`, which returns the error's name and message.
 */
const SOURCE = `
function ssId() { return SpreadsheetApp.getActiveSpreadsheet().getId(); }
function batch(requests) { return Sheets.Spreadsheets.batchUpdate({ requests: requests }, ssId()); }
function views(fields) { return Sheets.Spreadsheets.get(ssId(), fields ? { fields: fields } : undefined); }
function getOther(id) { return Sheets.Spreadsheets.get(id); }
function attempt(requests) {
  try { batch(requests); return null; } catch (e) { return [e.name, e.message, e.details && e.details.code]; }
}
function attemptGet(fields) {
  try { views(fields); return null; } catch (e) { return [e.name, e.message]; }
}
function sheetsDefined() { return typeof Sheets !== "undefined"; }
`;

/** A runtime whose manifest enables the Sheets service (unless `enabled` is false), with a team's small table. */
function setup(enabled = true) {
  const project = projectFromSources(
    { "Code.js": SOURCE },
    {
      timeZone: "Asia/Shanghai",
      runtimeVersion: "V8",
      oauthScopes: [SPREADSHEETS],
      ...(enabled ? { dependencies: { enabledAdvancedServices: [SHEETS_V4] } } : {}),
    },
  );
  const runtime = new AppsScriptRuntime(project, { now: FRIDAY_MORNING_SHANGHAI, user: ZH_REP });
  runtime.createSpreadsheet({ name: "跟进表", timeZone: "Asia/Shanghai", locale: "zh_CN" });
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheets()[0];
  if (!sheet) throw new Error("no sheet");
  sheet.getRange("A1:C6").setValues([
    ["客户", "负责人", "金额"],
    ["甲", "李四", 5],
    ["乙", "王五", 12],
    ["丙", "李四", 30],
    ["丁", "", 7],
    ["戊", "李四", 1],
  ]);
  const run = (name: string, ...args: unknown[]) => runtime.run(name, args);
  /** What `attempt` or `attemptGet` caught: [name, message, HTTP code], or null when nothing was thrown. */
  const caught = (name: string, ...args: unknown[]) => run(name, ...args) as [string, string, number?] | null;
  return { runtime, sheet, run, caught };
}

type Reply = { replies: { addFilterView?: { filter: { filterViewId: number } } }[] };

/** An addFilterView request over A1:C6 of sheet 0, showing the rows where `formula` (written for row 2) is TRUE. */
function addView(title: string, formula: string, column = 1) {
  return {
    addFilterView: {
      filter: {
        title,
        range: { sheetId: 0, startRowIndex: 0, endRowIndex: 6, startColumnIndex: 0, endColumnIndex: 3 },
        filterSpecs: [
          {
            columnIndex: column,
            filterCriteria: { condition: { type: "CUSTOM_FORMULA", values: [{ userEnteredValue: formula }] } },
          },
        ],
      },
    },
  };
}

function added(reply: unknown): number {
  const id = (reply as Reply).replies[0]?.addFilterView?.filter.filterViewId;
  if (typeof id !== "number") throw new Error("no filter view added");
  return id;
}

describe("the Sheets advanced service", () => {
  it("exists only when appsscript.json enables it", () => {
    expect(setup(false).run("sheetsDefined")).toBe(false);
    expect(() => setup(false).run("views")).toThrow("Sheets is not defined");
    expect(setup().run("sheetsDefined")).toBe(true);
  });

  it("refuses to load a project enabling an advanced service it does not emulate", () => {
    const project = projectFromSources(
      { "Code.js": SOURCE },
      { dependencies: { enabledAdvancedServices: [{ userSymbol: "Drive", serviceId: "drive", version: "v3" }] } },
    );
    expect(() => new AppsScriptRuntime(project, { now: FRIDAY_MORNING_SHANGHAI, user: ZH_REP })).toThrow(
      "the advanced service drive v3 is not emulated",
    );
  });

  it("adds a filter view, replies with its new id, and keeps it in the spreadsheet across executions", () => {
    const { runtime, run } = setup();
    const id = added(run("batch", [addView("李四 · 待跟进", '=$B2="李四"')]));
    expect(id).toBeGreaterThan(0);
    const listed = run("views", "sheets(properties(sheetId,title),filterViews(filterViewId,title,range))");
    expect(listed).toEqual({
      sheets: [
        {
          properties: { sheetId: 0, title: "工作表1" },
          filterViews: [{ filterViewId: id, title: "李四 · 待跟进", range: { endRowIndex: 6, endColumnIndex: 3 } }],
        },
      ],
    });
    expect(runtime.filterViews().map((v) => [v.id, v.title, v.sheetName, v.range])).toEqual([
      [id, "李四 · 待跟进", "工作表1", "A1:C6"],
    ]);
  });

  it("shows the rows whose custom formula is TRUE, the formula moved to each row; the header row always", () => {
    const { runtime, run } = setup();
    run("batch", [addView("李四", '=$B2="李四"'), addView("big", "=C2>6", 2)]);
    const [mine, big] = runtime.filterViews();
    expect(mine?.rows()).toEqual([2, 4, 6]);
    expect(big?.rows()).toEqual([3, 4, 5]);
  });

  it("returns both filterSpecs and the older criteria map, as the API's responses do", () => {
    const { run } = setup();
    run("batch", [addView("李四", '=$B2="李四"')]);
    const views = run("views", "sheets.filterViews") as { sheets: { filterViews?: unknown[] }[] };
    const criteria = { condition: { type: "CUSTOM_FORMULA", values: [{ userEnteredValue: '=$B2="李四"' }] } };
    expect(views.sheets[0]?.filterViews?.[0]).toMatchObject({
      filterSpecs: [{ columnIndex: 1, filterCriteria: criteria }],
      criteria: { "1": criteria },
    });
  });

  it("updates only the fields its mask names, and refuses an update without one", () => {
    const { runtime, run } = setup();
    const id = added(run("batch", [addView("李四", '=$B2="李四"')]));
    run("batch", [{ updateFilterView: { filter: { filterViewId: id, title: "新标题" }, fields: "title" } }]);
    expect(runtime.filterViews()[0]?.title).toBe("新标题");
    expect(runtime.filterViews()[0]?.rows()).toEqual([2, 4, 6]);
    const criteria = { condition: { type: "CUSTOM_FORMULA", values: [{ userEnteredValue: '=$B2="王五"' }] } };
    run("batch", [
      {
        updateFilterView: {
          filter: { filterViewId: id, filterSpecs: [{ columnIndex: 1, filterCriteria: criteria }] },
          fields: "filterSpecs",
        },
      },
    ]);
    expect(runtime.filterViews()[0]?.rows()).toEqual([3]);
    expect(runtime.filterViews()[0]?.title).toBe("新标题");
    expect(run("attempt", [{ updateFilterView: { filter: { filterViewId: id, title: "x" } } }])).toEqual([
      "GoogleJsonResponseException",
      "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0].updateFilterView: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
      400,
    ]);
  });

  it("deletes a filter view, and refuses ids that are not there with the API's words", () => {
    const { runtime, run, caught } = setup();
    const id = added(run("batch", [addView("李四", '=$B2="李四"')]));
    run("batch", [{ deleteFilterView: { filterId: id } }]);
    expect(runtime.filterViews()).toEqual([]);
    expect(run("attempt", [{ deleteFilterView: { filterId: id } }])).toEqual([
      "GoogleJsonResponseException",
      `API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0].deleteFilterView: No filter view with id: ${id}`,
      400,
    ]);
    expect(
      caught("attempt", [{ updateFilterView: { filter: { filterViewId: 7, title: "x" }, fields: "title" } }])?.[1],
    ).toBe(
      "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0].updateFilterView: No filter view with id: 7",
    );
  });

  it("refuses unknown request kinds, empty batches, missing grids and ranges past the grid", () => {
    const { run, caught } = setup();
    const message = (requests: unknown[]) => caught("attempt", requests)?.[1];
    expect(message([{ addFilterVeiw: {} }])).toBe(
      "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid JSON payload received. Unknown name \"addFilterVeiw\" at 'requests[0]': Cannot find field.",
    );
    expect(message([])).toBe(
      "API call to sheets.spreadsheets.batchUpdate failed with error: Must specify at least one request.",
    );
    expect(message([{}])).toBe(
      "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0]: No request set.",
    );
    expect(message([{ addFilterView: { filter: { range: { sheetId: 99 } } } }])).toBe(
      "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0].addFilterView: No grid with id: 99",
    );
    expect(message([{ addFilterView: { filter: { range: { sheetId: 0, endRowIndex: 1001 } } } }])).toBe(
      "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0].addFilterView: Range ('工作表1'!A1:Z1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
    expect(() => run("batch", [{ addSheet: {} }])).toThrow("the addSheet request is not emulated");
  });

  it("applies a batch all or nothing", () => {
    const { runtime, caught } = setup();
    expect(caught("attempt", [addView("李四", '=$B2="李四"'), { deleteFilterView: { filterId: 1 } }])?.[1]).toMatch(
      /Invalid requests\[1\]\.deleteFilterView: No filter view with id: 1$/,
    );
    expect(runtime.filterViews()).toEqual([]);
  });

  it("answers get with the fields asked for, and refuses a mask naming no field", () => {
    const { run, runtime, caught } = setup();
    expect(run("views", "properties.title")).toEqual({ properties: { title: "跟进表" } });
    expect(run("attemptGet", "sheets.properties.colour")).toEqual([
      "GoogleJsonResponseException",
      "API call to sheets.spreadsheets.get failed with error: Request contains an invalid argument.",
    ]);
    expect(caught("attemptGet", "properties, sheets.properties")?.[1]).toMatch(
      /Request contains an invalid argument\.$/,
    );
    const whole = run("views") as { spreadsheetId: string; sheets: unknown[] };
    expect(whole.spreadsheetId).toBe(runtime.documentId);
    expect(whole.sheets).toEqual([
      {
        properties: {
          sheetId: 0,
          title: "工作表1",
          index: 0,
          sheetType: "GRID",
          gridProperties: { rowCount: 1000, columnCount: 26 },
        },
      },
    ]);
    expect(() => run("getOther", "nope")).toThrow(
      "API call to sheets.spreadsheets.get failed with error: Requested entity was not found.",
    );
  });

  it("moves a filter view, its criterion and its formula with the cells when rows and columns are inserted or deleted", () => {
    const { runtime, run, sheet } = setup();
    run("batch", [addView("李四", '=$B2="李四"')]);
    sheet.insertColumnBefore(1);
    sheet.insertRowBefore(1);
    const [view] = runtime.filterViews();
    expect(view?.range).toBe("B2:D7");
    expect(view?.rows()).toEqual([3, 5, 7]);
    const listed = run("views", "sheets.filterViews(filterSpecs,range)") as { sheets: { filterViews: unknown[] }[] };
    expect(listed.sheets[0]?.filterViews[0]).toEqual({
      range: { startRowIndex: 1, endRowIndex: 7, startColumnIndex: 1, endColumnIndex: 4 },
      filterSpecs: [
        {
          columnIndex: 2,
          filterCriteria: { condition: { type: "CUSTOM_FORMULA", values: [{ userEnteredValue: '=$C3="李四"' }] } },
        },
      ],
    });
    sheet.deleteRows(4, 2);
    expect(runtime.filterViews()[0]?.rows()).toEqual([3, 5]);
    expect(runtime.filterViews()[0]?.range).toBe("B2:D5");
  });

  it("counts and charges each call as one Sheets API call, and needs the spreadsheets scope", () => {
    const { runtime, run } = setup();
    const before = runtime.kernel.snapshot();
    const start = runtime.kernel.now();
    runtime.kernel.resetCounts();
    run("batch", [addView("李四", '=$B2="李四"')]);
    run("views", "sheets.filterViews.filterViewId");
    const after = runtime.kernel.snapshot();
    expect(after.byMethod["Sheets.Spreadsheets.batchUpdate"]).toBe(1);
    expect(after.byMethod["Sheets.Spreadsheets.get"]).toBe(1);
    expect(callsBetween(before, after, "Sheets")).toBe(2);
    expect(runtime.kernel.now() - start).toBeGreaterThanOrEqual(300);
    runtime.revokeScopes(ZH_REP.email, [SPREADSHEETS]);
    expect(() => runtime.run("views", [], { kind: "timeTrigger" })).toThrow("Authorization is required");
  });

  it("lets a person delete a filter view in the Sheets UI", () => {
    const { runtime, run } = setup();
    const id = added(run("batch", [addView("李四", '=$B2="李四"')]));
    expect(runtime.userDeleteFilterView(id)).toBe(true);
    expect(runtime.userDeleteFilterView(id)).toBe(false);
    expect(run("views", "sheets.filterViews")).toEqual({ sheets: [{}] });
  });
});
