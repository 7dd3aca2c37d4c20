/** Tests of protections: sheet and range protections, editors, warning-only, and writes refused for non-editors. */

import { asUser, errorOf, OWNER, setup } from "./fixture";

const EDITOR = "editor@example.com";
const OTHER = "other@example.com";
const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

describe("protection", () => {
  describe("enforcement", () => {
    it("mirrors the file's editors until the script removes them", () => {
      const { sheet, model, kernel } = setup();
      model.editors.push(EDITOR);
      const protection = sheet.getRange("A1:B2").protect();
      asUser(kernel, model.id, EDITOR, () => sheet.getRange("A1").setValue("ok"));
      protection.removeEditors(protection.getEditors());
      expect(errorOf(() => asUser(kernel, model.id, EDITOR, () => sheet.getRange("B2:C3").setValue("no")))).toBe(
        PROTECTED,
      );
      expect(sheet.getRange("C3").getValue()).toBe("");
      asUser(kernel, model.id, EDITOR, () => sheet.getRange("C3").setValue("outside"));
      asUser(kernel, model.id, OWNER, () => sheet.getRange("A1").setValue("owner"));
      expect(sheet.getRange("A1").getValue()).toBe("owner");
    });

    it("lets listed editors and warning-only protections through", () => {
      const { sheet, model, kernel } = setup();
      const protection = sheet.getRange("A1").protect();
      protection.removeEditors([EDITOR, OTHER]);
      protection.addEditor(EDITOR);
      asUser(kernel, model.id, EDITOR, () => sheet.getRange("A1").setValue(1));
      expect(errorOf(() => asUser(kernel, model.id, OTHER, () => sheet.getRange("A1").setValue(2)))).toBe(PROTECTED);
      protection.setWarningOnly(true);
      asUser(kernel, model.id, OTHER, () => sheet.getRange("A1").setValue(3));
      expect(sheet.getRange("A1").getValue()).toBe(3);
    });

    it("protects a whole sheet except its unprotected ranges", () => {
      const { sheet, model, kernel } = setup();
      const protection = sheet.protect();
      protection.removeEditors(protection.getEditors());
      protection.setUnprotectedRanges([sheet.getRange("B2:C10")]);
      asUser(kernel, model.id, OTHER, () =>
        sheet.getRange("B2:C3").setValues([
          [1, 2],
          [3, 4],
        ]),
      );
      expect(errorOf(() => asUser(kernel, model.id, OTHER, () => sheet.getRange("A2:B2").setValue(5)))).toBe(PROTECTED);
      expect(errorOf(() => asUser(kernel, model.id, OTHER, () => sheet.appendRow(["x"])))).toBe(PROTECTED);
      expect(errorOf(() => asUser(kernel, model.id, OTHER, () => sheet.deleteRow(3)))).toBe(PROTECTED);
      expect(errorOf(() => asUser(kernel, model.id, OTHER, () => sheet.getRange("A1").setBackground("red")))).toBe(
        PROTECTED,
      );
    });

    it("lets the domain edit when allowed", () => {
      const { sheet, model, kernel } = setup();
      const protection = sheet.getRange("A1").protect();
      protection.removeEditors(protection.getEditors()).setDomainEdit(true);
      asUser(kernel, model.id, OTHER, () => sheet.getRange("A1").setValue("domain"));
      expect(errorOf(() => asUser(kernel, model.id, "x@elsewhere.org", () => sheet.getRange("A1").setValue(1)))).toBe(
        PROTECTED,
      );
    });
  });

  describe("Protection", () => {
    it("keeps its settings and reports its range and type", () => {
      const { sheet, ss, app } = setup();
      const protection = sheet.getRange("B2:C3").protect().setDescription("owner only");
      expect(protection.getDescription()).toBe("owner only");
      expect(protection.getRange().getA1Notation()).toBe("B2:C3");
      expect(protection.getProtectionType()).toBe(app.ProtectionType.RANGE);
      expect(protection.isWarningOnly()).toBe(false);
      expect(protection.canEdit()).toBe(true);
      expect(ss.getProtections(app.ProtectionType.RANGE).length).toBe(1);
      expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    });

    it("never removes the owner or the current user", () => {
      const { sheet, model, kernel } = setup();
      model.editors.push(EDITOR);
      const emails = asUser(kernel, model.id, EDITOR, () => {
        const protection = sheet.getRange("A1").protect();
        protection.removeEditors(protection.getEditors());
        return protection.getEditors().map((u) => u.getEmail());
      });
      expect(emails).toEqual([OWNER, EDITOR]);
    });

    it("refuses bad enum values and emails", () => {
      const { sheet, ss } = setup();
      expect(errorOf(() => ss.getProtections("RANGES" as never))).toBe(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Spreadsheet.getProtections.",
      );
      expect(errorOf(() => sheet.getRange("A1").protect().addEditor("nobody"))).toBe("Invalid email: nobody");
    });

    it("is removed only by someone who may edit it", () => {
      const { sheet, model, kernel, ss, app } = setup();
      const protection = sheet.getRange("A1").protect();
      protection.removeEditors(protection.getEditors());
      expect(errorOf(() => asUser(kernel, model.id, OTHER, () => protection.remove()))).toBe(PROTECTED);
      protection.remove();
      expect(ss.getProtections(app.ProtectionType.RANGE)).toEqual([]);
    });
  });
});
