/** Tests of the SpreadsheetApp global: the active spreadsheet per execution, openById and its scope, enums. */

import { SCOPES } from "../../../../local/runtime/kernel";
import { errorOf, OWNER, setup } from "./fixture";

describe("spreadsheet-app", () => {
  describe("getActiveSpreadsheet", () => {
    it("is the execution's spreadsheet, or null when unbound", () => {
      const { app, kernel, store, model } = setup();
      const second = store.create({ name: "Other", timeZone: "UTC", locale: "en_US", owner: OWNER });
      const spec = {
        functionName: "f",
        kind: "timeTrigger" as const,
        authMode: "FULL" as const,
        activeUser: "",
        effectiveUser: OWNER,
        userLocale: "en",
        realm: { Date, Error },
      };
      expect(kernel.withExecution({ ...spec, activeSpreadsheetId: second.id }, () => app.getActive().getName())).toBe(
        "Other",
      );
      expect(kernel.withExecution({ ...spec, activeSpreadsheetId: null }, () => app.getActiveSpreadsheet())).toBeNull();
      expect(app.getActiveSpreadsheet().getId()).toBe(model.id);
      expect(app.getActiveSheet().getName()).toBe("Sheet1");
    });
  });

  describe("openById", () => {
    it("needs the full spreadsheets scope", () => {
      const { app, kernel, model } = setup();
      kernel.scopes = new Set([SCOPES.spreadsheetsCurrentOnly]);
      const spec = {
        functionName: "f",
        kind: "editor" as const,
        authMode: "FULL" as const,
        activeUser: OWNER,
        effectiveUser: OWNER,
        activeSpreadsheetId: model.id,
        userLocale: "en",
        realm: { Date, Error },
      };
      expect(errorOf(() => kernel.withExecution(spec, () => app.openById(model.id)))).toBe(
        `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SCOPES.spreadsheets}`,
      );
      kernel.scopes = new Set([SCOPES.spreadsheets]);
      expect(kernel.withExecution(spec, () => app.openById(model.id).getName())).toBe("Follow-ups");
      expect(errorOf(() => app.openById(5 as unknown as string))).toBe(
        "The parameters (number) don't match the method signature for SpreadsheetApp.openById.",
      );
      expect(errorOf(() => app.openById("missing"))).toBe(
        "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
      );
    });
  });

  describe("create", () => {
    const spec = (user: string, spreadsheetId: string | null) => ({
      functionName: "f",
      kind: "editor" as const,
      authMode: "FULL" as const,
      activeUser: user,
      effectiveUser: user,
      activeSpreadsheetId: spreadsheetId,
      userLocale: "zh_CN",
      realm: { Date, Error },
    });

    it("makes a new file of the effective user: one sheet named for the locale, 1000 × 26, openable by id", () => {
      const { app, kernel, model } = setup();
      const id = kernel.withExecution(spec("li@example.com", model.id), () => {
        const created = app.create("销售跟进表 · 归档 2025");
        const [sheet] = created.getSheets();
        expect([created.getName(), sheet?.getName(), sheet?.getMaxRows(), sheet?.getMaxColumns()]).toEqual([
          "销售跟进表 · 归档 2025",
          "工作表1",
          1000,
          26,
        ]);
        expect(created.getOwner()?.getEmail()).toBe("li@example.com");
        expect(app.getActiveSpreadsheet().getId()).toBe(model.id);
        return created.getId();
      });
      expect(id).not.toBe(model.id);
      const reopened = kernel.withExecution(spec("li@example.com", model.id), () => app.openById(id).getName());
      expect(reopened).toBe("销售跟进表 · 归档 2025");
      expect(kernel.snapshot().byMethod["SpreadsheetApp.create"]).toBe(1);
    });

    it("takes a size, refuses what Apps Script refuses, and needs the full spreadsheets scope", () => {
      const { app, kernel, model } = setup();
      const run = <T>(body: () => T) => kernel.withExecution(spec("li@example.com", model.id), body);
      expect(run(() => app.create("small", 20, 5).getSheets()[0]?.getMaxColumns())).toBe(5);
      expect(errorOf(() => run(() => app.create("bad", 0, 5)))).toBe("Invalid argument: rows");
      expect(errorOf(() => run(() => app.create("huge", 1_000_000, 26)))).toBe(
        "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
      );
      expect(errorOf(() => run(() => (app.create as (...args: unknown[]) => unknown)("two", 5)))).toBe(
        "The parameters (String,number) don't match the method signature for SpreadsheetApp.create.",
      );
      kernel.scopes = new Set([SCOPES.spreadsheetsCurrentOnly]);
      expect(errorOf(() => run(() => app.create("other")))).toBe(
        `You do not have permission to call SpreadsheetApp.create. Required permissions: ${SCOPES.spreadsheets}`,
      );
      const limited = { ...spec("li@example.com", model.id), authMode: "LIMITED" as const };
      kernel.scopes = new Set([SCOPES.spreadsheets]);
      expect(errorOf(() => kernel.withExecution(limited, () => app.create("other")))).toBe(
        `You do not have permission to call SpreadsheetApp.create. Required permissions: ${SCOPES.spreadsheets}`,
      );
    });
  });

  describe("enums", () => {
    it("exposes the enums the product uses", () => {
      const { app } = setup();
      expect(String(app.ProtectionType.SHEET)).toBe("SHEET");
      expect(String(app.Dimension.ROWS)).toBe("ROWS");
      expect(String(app.WrapStrategy.CLIP)).toBe("CLIP");
      expect(String(app.DeveloperMetadataLocationType.ROW)).toBe("ROW");
    });
  });

  describe("flush", () => {
    it("is counted and leaves spreadsheets without pivot tables alone", () => {
      const { app, kernel, model } = setup();
      kernel.withExecution(
        {
          functionName: "f",
          kind: "editor",
          authMode: "FULL",
          activeUser: OWNER,
          effectiveUser: OWNER,
          activeSpreadsheetId: model.id,
          userLocale: "en",
          realm: { Date, Error },
        },
        () => app.flush(),
      );
      expect(kernel.snapshot().byMethod["SpreadsheetApp.flush"]).toBe(1);
    });
  });
});
