/** Integration tests of the customer index on the built bundle: the sidebar opens and saves without reading the table, and the index catches up with what people type, paste or move by hand. */

import type { AppsScriptRuntime } from "../../local/runtime/runtime";
import type { CustomerSummary, DueItem, SidebarData } from "../../src/core/sidebar-api";
import { followUpTable, form, submit, typedRow } from "../helpers/follow-up-table";

const LI_SI = { email: "li.si@example.com", locale: "zh_CN" };

function followUps(runtime: AppsScriptRuntime): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = runtime.inspect().getActiveSpreadsheet().getSheetByName("跟进记录");
  if (!sheet) throw new Error("no 跟进记录 sheet");
  return sheet;
}

function dueOf(runtime: AppsScriptRuntime): string[] {
  return (runtime.run("sidebarData", [], { user: LI_SI }) as SidebarData).myDue.map((d: DueItem) => d.customer);
}

/** A table of `count` customers, one row each, every one of them 李四's and overdue. */
function tableOf(count: number): AppsScriptRuntime {
  return followUpTable(Array.from({ length: count }, (_, i) => typedRow(`客户${i}`, "李四", "2026/11/20")));
}

/** Cells read by one call of `name`. */
function cellsRead(runtime: AppsScriptRuntime, name: string, args: unknown[] = []): number {
  const before = runtime.kernel.snapshot().cellsRead;
  runtime.run(name, args, { user: LI_SI });
  return runtime.kernel.snapshot().cellsRead - before;
}

describe("customer index", () => {
  it("opens the sidebar and saves reading a few index columns, not the table's 17 cells a row", () => {
    const small = tableOf(200);
    const large = tableOf(2_000);
    dueOf(small);
    dueOf(large);
    const open = cellsRead(large, "sidebarData") - cellsRead(small, "sidebarData");
    // Two index columns per customer (the due follow-up with whom it reminds, the pool), whatever its rows.
    expect(open).toBeLessThanOrEqual(2 * 1_800);
    const save = (runtime: AppsScriptRuntime) => {
      // 客户7 typed again below the table, not synced yet: its row near the top and this one both get superseded.
      const last = followUps(runtime).getLastRow();
      followUps(runtime)
        .getRange(last + 1, 1, 1, 12)
        .setValues([typedRow("客户7", "李四", "2026/11/25")]);
      const before = runtime.kernel.snapshot().cellsRead;
      const confirmed = ["collision:客户7:李四", "ownerChange:客户7:li.lei"];
      const result = submit(runtime, form({ customer: "客户7", contactInfo: "" }), confirmed);
      expect(result).toMatchObject({ ok: true, supersededRows: [9, last + 1] });
      return runtime.kernel.snapshot().cellsRead - before;
    };
    // Per customer: the key and rows columns to patch the index for the row typed below, the key and phone columns for
    // the warnings; the table only at 客户7's rows, far apart.
    expect(save(large) - save(small)).toBeLessThanOrEqual(4 * 1_800 + 500);
    expect(dueOf(large)).not.toContain("客户7");
  });

  it("sends the 200 most overdue follow-ups of a rep with 250, with the count of all, in a small reply", () => {
    const runtime = followUpTable(
      Array.from({ length: 250 }, (_, i) => typedRow(`客户${i}`, "李四", i < 50 ? "2026/11/10" : "2026/11/20")),
    );
    const data = runtime.run("sidebarData", [], { user: LI_SI }) as SidebarData;
    expect(data.myDueCount).toBe(250);
    expect(data.myDue).toHaveLength(200);
    // The most overdue first: the 50 due on 11/10, then the first 150 of 11/20 by row.
    expect(data.myDue.slice(0, 50).every((d) => d.daysOverdue === 17)).toBe(true);
    expect(data.myDue[50]?.customer).toBe("客户50");
    expect(Buffer.byteLength(JSON.stringify(data), "utf8")).toBeLessThan(50 * 1024);
  });

  it("finds customers as the user types: names starting with it first, at most 8, nothing for bad input", () => {
    const runtime = followUpTable([
      typedRow("上海某科技", "李四"),
      typedRow("某科技上海分公司", "李四"),
      ...Array.from({ length: 12 }, (_, i) => typedRow(`上海客户${i}`, "李四")),
    ]);
    runtime.run("sidebarData");
    const found = runtime.run("findCustomers", ["上海某"]) as CustomerSummary[];
    expect(found.map((c) => c.name)).toEqual(["上海某科技"]);
    const many = runtime.run("findCustomers", ["上海"]) as CustomerSummary[];
    expect(many).toHaveLength(8);
    expect(many.every((c) => c.name.startsWith("上海"))).toBe(true);
    // The customer key matches too: 某科技 is in both names.
    expect((runtime.run("findCustomers", ["某科技"]) as CustomerSummary[]).map((c) => c.name).sort()).toEqual(
      ["上海某科技", "某科技上海分公司"].sort(),
    );
    expect(found[0]).toMatchObject({ owner: "李四", stage: "已报价", contact: "张三", lastDate: "2026-11-20" });
    for (const bad of ["", "  ", 42, null, { customer: "上海" }, "x".repeat(201)]) {
      expect(runtime.run("findCustomers", [bad])).toEqual([]);
    }
  });

  it("catches up with a cell typed by hand (onEdit) and with rows appended below, at the next sidebar call", () => {
    const runtime = tableOf(3);
    expect(dueOf(runtime)).toEqual(["客户0", "客户1", "客户2"]);
    const doneColumn = followUps(runtime).getRange(1, 1, 1, 18).getValues()[0].indexOf("已跟进") + 1;
    runtime.userEdit({ sheet: "跟进记录", row: 3, column: doneColumn, value: "是" });
    expect(dueOf(runtime)).toEqual(["客户0", "客户2"]);
    // A row typed below the table by another script (no onEdit): it is past the rows the index covers.
    followUps(runtime)
      .getRange(5, 1, 1, 12)
      .setValues([typedRow("客户9", "李四", "2026/11/21")]);
    expect(dueOf(runtime)).toEqual(["客户0", "客户2", "客户9"]);
  });

  it("rebuilds an index an earlier version laid out (who is reminded in a column of its own), keeping nothing of it", () => {
    const runtime = tableOf(3);
    expect(dueOf(runtime)).toEqual(["客户0", "客户1", "客户2"]);
    const ss = runtime.inspect().getActiveSpreadsheet();
    const index = ss.getSheetByName("客户索引");
    if (!index) throw new Error("no index sheet");
    expect(index.getMaxColumns()).toBe(8);
    // The earlier layout: "reminded" in column 7 before the due cell, pool in 9; its stamp from another basis.
    index.insertColumnBefore(7);
    const due = index.getRange(2, 8, 3, 1).getValues();
    index.getRange(2, 7, 3, 2).setValues(
      due.map(([cell]) => {
        const { reminded, ...rest } = JSON.parse(String(cell)) as { reminded: string };
        return [reminded, JSON.stringify(rest)];
      }),
    );
    const stamp = ss.createDeveloperMetadataFinder().withKey("followUpTracker.customerIndexStamp").find()[0];
    stamp?.setValue(JSON.stringify({ ...JSON.parse(stamp.getValue() ?? "{}"), basis: "earlier" }));
    expect(dueOf(runtime)).toEqual(["客户0", "客户1", "客户2"]);
    expect(index.getMaxColumns()).toBe(8);
    expect(index.getRange(1, 7).getValue()).toBe("待跟进（reminded：提醒给团队表第几位）");
    expect(
      index
        .getRange(2, 7, 3, 1)
        .getValues()
        .every(([cell]) => String(cell).includes('"reminded"')),
    ).toBe(true);
  });

  it.each(["daily run", "Sync"])("is put right by the %s when a change did not fire onEdit", (by) => {
    const runtime = tableOf(3);
    runtime.ui.answerNext("OK");
    runtime.clickMenu("提醒开关");
    dueOf(runtime);
    const doneColumn = followUps(runtime).getRange(1, 1, 1, 18).getValues()[0].indexOf("已跟进") + 1;
    // Written by a script (as a paste may be): no onEdit, the index does not know yet.
    followUps(runtime).getRange(2, doneColumn).setValue("是");
    expect(dueOf(runtime)).toEqual(["客户0", "客户1", "客户2"]);
    if (by === "Sync") {
      runtime.ui.answerNext("OK");
      runtime.clickMenu("同步与修复");
    } else {
      const sent = runtime.outbox.messages.length;
      runtime.advanceBy(60 * 60 * 1000);
      expect(runtime.outbox.messages.length).toBeGreaterThan(sent);
    }
    expect(dueOf(runtime)).toEqual(["客户1", "客户2"]);
  });

  it("keeps ids unique when the table's record was lost: a save rebuilds it and numbers after the highest id", () => {
    const runtime = tableOf(3);
    dueOf(runtime);
    const ss = runtime.inspect().getActiveSpreadsheet();
    for (const entry of ss.createDeveloperMetadataFinder().withKey("followUpTracker.table").find()) entry.remove();
    const result = submit(runtime, form({ customer: "新客户", contactInfo: "" }));
    expect(result).toMatchObject({ ok: true, row: 5, id: "FU-000004" });
  });

  it("notices rows moved by hand when saving, and marks the customer's own rows superseded", () => {
    const runtime = tableOf(3);
    dueOf(runtime);
    // Two rows inserted above the data, as a person would, without the index being told.
    followUps(runtime).insertRowsBefore(2, 2);
    const result = submit(runtime, form({ customer: "客户1", contactInfo: "" }), [
      "collision:客户1:李四",
      "ownerChange:客户1:li.lei",
    ]);
    expect(result).toMatchObject({ ok: true, supersededRows: [5] });
    expect(dueOf(runtime)).toEqual(["客户0", "客户2"]);
  });
});
