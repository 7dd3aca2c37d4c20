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
      expect(errorOf(() => app.openById("missing"))).toBe(
        "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
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
