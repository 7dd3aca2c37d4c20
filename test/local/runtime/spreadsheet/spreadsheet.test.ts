/** Tests of Spreadsheet: sheets by name and id, insert/delete, time zone and locale, URL, owner and editors. */

import { asUser, errorOf, OWNER, setup } from "./fixture";

describe("spreadsheet", () => {
  describe("identity", () => {
    it("reports id, name, URL, zone and locale", () => {
      const { ss, model } = setup();
      expect(ss.getId()).toBe(model.id);
      expect(ss.getId()).toHaveLength(44);
      expect(ss.getName()).toBe("Follow-ups");
      expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${model.id}/edit`);
      expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual(["Asia/Shanghai", "en_US"]);
      ss.setSpreadsheetLocale("zh_CN");
      expect(ss.getSpreadsheetLocale()).toBe("zh_CN");
      expect(errorOf(() => ss.setSpreadsheetTimeZone("Mars/Olympus"))).toBe("Invalid argument: Mars/Olympus");
    });

    it("lists the owner and editors", () => {
      const { ss, model } = setup();
      model.editors.push("rep@example.com");
      expect(ss.getOwner()?.getEmail()).toBe(OWNER);
      expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, "rep@example.com"]);
    });
  });

  describe("insertSheet", () => {
    it("names, places and activates new sheets", () => {
      const { ss } = setup();
      const second = ss.insertSheet();
      expect(second.getName()).toBe("Sheet2");
      const leads = ss.insertSheet("Leads", 0);
      expect(ss.getSheets().map((s) => s.getName())).toEqual(["Leads", "Sheet1", "Sheet2"]);
      expect([leads.getIndex(), ss.getActiveSheet().getName()]).toEqual([1, "Leads"]);
      expect(leads.getSheetId()).not.toBe(0);
      expect(ss.getSheetById(leads.getSheetId())?.getName()).toBe("Leads");
    });

    it("refuses a taken name", () => {
      const { ss } = setup();
      expect(errorOf(() => ss.insertSheet("Sheet1"))).toBe(
        'A sheet with the name "Sheet1" already exists. Please enter another name.',
      );
    });

    it("uses the locale's default name", () => {
      const { ss } = setup({ locale: "zh_CN" });
      expect(ss.getSheets()[0]?.getName()).toBe("工作表1");
      expect(ss.insertSheet().getName()).toBe("工作表2");
    });
  });

  describe("getSheetByName / deleteSheet", () => {
    it("finds sheets and deletes all but the last", () => {
      const { ss, sheet } = setup();
      expect(ss.getSheetByName("Nope")).toBeNull();
      const other = ss.insertSheet("Other");
      expect(ss.getSheetByName("Other")?.getSheetId()).toBe(other.getSheetId());
      ss.deleteSheet(other);
      expect(ss.getSheets().length).toBe(1);
      expect(errorOf(() => ss.deleteSheet(sheet))).toBe("You can't remove all the sheets in a document.");
    });
  });

  describe("getRange / active range", () => {
    it("reads 'Sheet!A1' notation and tracks the selection", () => {
      const { ss } = setup();
      const other = ss.insertSheet("Other");
      other.getRange("B2").setValue("x");
      expect(ss.getRange("Other!B2").getValue()).toBe("x");
      expect(ss.getRange("'Other'!B2:C3").getA1Notation()).toBe("B2:C3");
      expect(errorOf(() => ss.getRange("Missing!A1"))).toBe("Range not found");
      expect(ss.getActiveRange()).toBeNull();
      ss.setActiveSheet(ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet);
      other.getRange("C3").activate();
      expect([ss.getActiveSheet().getName(), ss.getActiveRange()?.getA1Notation()]).toEqual(["Other", "C3"]);
      ss.setActiveSelection("A1:B2");
      expect(ss.getActiveRange()?.getA1Notation()).toBe("A1:B2");
    });
  });

  describe("toast", () => {
    it("is recorded", () => {
      const { ss, store, kernel, model } = setup();
      asUser(kernel, model.id, OWNER, () => ss.toast("Saved", "Tracker"));
      expect(store.toasts).toEqual([
        { spreadsheetId: model.id, message: "Saved", title: "Tracker", timeoutSeconds: 5 },
      ]);
    });
  });
});
