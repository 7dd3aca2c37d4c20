/** Tests of developer metadata: adding it to the spreadsheet, sheets, rows and columns, finding it, and how it moves with its row or column. */

import { errorOf, setup } from "./fixture";

describe("developer-metadata", () => {
  describe("addDeveloperMetadata", () => {
    it("adds to the spreadsheet with each overload", () => {
      const { ss, app } = setup();
      ss.addDeveloperMetadata("a")
        .addDeveloperMetadata("b", "v")
        .addDeveloperMetadata("c", app.DeveloperMetadataVisibility.PROJECT);
      ss.addDeveloperMetadata("d", "w", app.DeveloperMetadataVisibility.DOCUMENT);
      const found = ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())]);
      expect(found).toEqual([
        ["a", null, "DOCUMENT"],
        ["b", "v", "DOCUMENT"],
        ["c", null, "PROJECT"],
        ["d", "w", "DOCUMENT"],
      ]);
    });

    it("adds to an entire column or row only", () => {
      const { sheet } = setup();
      sheet.getRange("C:C").addDeveloperMetadata("status-column");
      sheet.getRange("5:5").addDeveloperMetadata("lead", "L-5");
      expect(
        sheet
          .getRange("C:C")
          .getDeveloperMetadata()
          .map((m) => m.getKey()),
      ).toEqual(["status-column"]);
      expect(sheet.getRange("5:5").getDeveloperMetadata()[0]?.getLocation().getRow()?.getRow()).toBe(5);
      expect(errorOf(() => sheet.getRange("A1:B2").addDeveloperMetadata("x"))).toBe(
        "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.",
      );
    });
  });

  describe("createDeveloperMetadataFinder", () => {
    it("finds by key and location type", () => {
      const { ss, sheet, app } = setup();
      sheet.getRange("C:C").addDeveloperMetadata("col", "status");
      ss.addDeveloperMetadata("col", "doc-level");
      const columns = ss
        .createDeveloperMetadataFinder()
        .withKey("col")
        .withLocationType(app.DeveloperMetadataLocationType.COLUMN)
        .find();
      expect(columns.map((m) => m.getValue())).toEqual(["status"]);
      expect(columns[0]?.getLocation().getColumn()?.getA1Notation()).toBe("C1:C1000");
      expect(ss.createDeveloperMetadataFinder().withKey("col").find().length).toBe(2);
    });

    it("follows its column when columns are inserted, and forgets removed metadata", () => {
      const { ss, sheet } = setup();
      sheet.getRange("C:C").addDeveloperMetadata("col");
      sheet.insertColumnsBefore(1, 2);
      const [found] = ss.createDeveloperMetadataFinder().withKey("col").find();
      expect(found?.getLocation().getColumn()?.getColumn()).toBe(5);
      found?.remove();
      expect(ss.createDeveloperMetadataFinder().withKey("col").find()).toEqual([]);
    });
  });
});
