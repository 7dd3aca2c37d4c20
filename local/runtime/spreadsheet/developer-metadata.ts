/** Developer metadata on the spreadsheet, a sheet, or an entire row or column: adding, reading and finding it (developers.google.com/apps-script/reference/spreadsheet/developer-metadata). */

import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, memberOf } from "./enums";
import { MESSAGES, signatureError } from "./errors";
import type { DeveloperMetadataModel } from "./model";
import type { Workbook } from "./workbook";

type Location = DeveloperMetadataModel["location"];
type Visibility = DeveloperMetadataModel["visibility"];

/**
 * Resolves the overloads add(key), add(key, visibility), add(key, value), add(key, value, visibility).
 * A second argument naming a visibility ("DOCUMENT"/"PROJECT") is taken as one, since enums are strings here.
 */
function parseAddArguments(
  wb: Workbook,
  method: string,
  args: unknown[],
): { key: string; value: string | null; visibility: Visibility } {
  const [key, second, third] = args;
  const fail = () => signatureError(wb.kernel, method, args);
  if (typeof key !== "string" || args.length > 3) throw fail();
  if (args.length === 1) return { key, value: null, visibility: "DOCUMENT" };
  if (args.length === 2) {
    const visibility = memberOf(DeveloperMetadataVisibility, second);
    if (visibility) return { key, value: null, visibility };
    if (typeof second !== "string") throw fail();
    return { key, value: second, visibility: "DOCUMENT" };
  }
  const visibility = memberOf(DeveloperMetadataVisibility, third);
  if (typeof second !== "string" || !visibility) throw fail();
  return { key, value: second, visibility };
}

/** Adds a piece of metadata at a location. */
export function addMetadata(wb: Workbook, method: string, args: unknown[], location: Location): void {
  const { key, value, visibility } = parseAddArguments(wb, method, args);
  if (key === "") throw wb.exception("Invalid argument: key");
  wb.spreadsheet.developerMetadata.push({ id: wb.newObjectId(), key, value, visibility, location });
}

/** The location of Range.addDeveloperMetadata: the range must be one entire row or one entire column. */
export function rangeLocation(
  wb: Workbook,
  sheetId: number,
  rect: { row: number; column: number; numRows: number; numColumns: number },
): Location {
  const sheet = wb.sizedSheet(sheetId);
  if (rect.numColumns === 1 && rect.row === 1 && rect.numRows === sheet.maxRows)
    return { type: "COLUMN", sheetId, index: rect.column };
  if (rect.numRows === 1 && rect.column === 1 && rect.numColumns === sheet.maxColumns)
    return { type: "ROW", sheetId, index: rect.row };
  throw wb.exception(MESSAGES.metadataOnArbitraryRange);
}

/** Metadata located on whole rows/columns covered by a range (entire rows or columns only) [UNCONFIRMED for partial ranges]. */
export function metadataOfRange(
  wb: Workbook,
  sheetId: number,
  rect: { row: number; column: number; numRows: number; numColumns: number },
): FakeDeveloperMetadata[] {
  const sheet = wb.sizedSheet(sheetId);
  const wholeRows = rect.column === 1 && rect.numColumns === sheet.maxColumns;
  const wholeColumns = rect.row === 1 && rect.numRows === sheet.maxRows;
  return wb.spreadsheet.developerMetadata
    .filter((m) => {
      const loc = m.location;
      if (loc.type === "ROW" && loc.sheetId === sheetId)
        return wholeRows && loc.index >= rect.row && loc.index < rect.row + rect.numRows;
      if (loc.type === "COLUMN" && loc.sheetId === sheetId)
        return wholeColumns && loc.index >= rect.column && loc.index < rect.column + rect.numColumns;
      return false;
    })
    .map((m) => new FakeDeveloperMetadata(wb, m));
}

/** Metadata located on the spreadsheet itself (Spreadsheet.getDeveloperMetadata). */
export function metadataOfSpreadsheet(wb: Workbook): FakeDeveloperMetadata[] {
  return wb.spreadsheet.developerMetadata
    .filter((m) => m.location.type === "SPREADSHEET")
    .map((m) => new FakeDeveloperMetadata(wb, m));
}

type MetadataMethods =
  | "getId"
  | "getKey"
  | "getValue"
  | "getVisibility"
  | "getLocation"
  | "setKey"
  | "setValue"
  | "remove";

export class FakeDeveloperMetadata implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, MetadataMethods> {
  constructor(
    private readonly wb: Workbook,
    private readonly model: DeveloperMetadataModel,
  ) {}

  getId(): number {
    this.wb.call("DeveloperMetadata.getId");
    return this.model.id;
  }

  getKey(): string {
    this.wb.call("DeveloperMetadata.getKey");
    return this.model.key;
  }

  getValue(): string | null {
    this.wb.call("DeveloperMetadata.getValue");
    return this.model.value;
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    this.wb.call("DeveloperMetadata.getVisibility");
    return this.model.visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }

  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    this.wb.call("DeveloperMetadata.getLocation");
    return new FakeMetadataLocation(this.wb, {
      ...this.model.location,
    }) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
  }

  setKey(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.wb.call("DeveloperMetadata.setKey");
    if (typeof key !== "string") throw signatureError(this.wb.kernel, "DeveloperMetadata.setKey", [key]);
    this.model.key = key;
    return this as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  }

  setValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.wb.call("DeveloperMetadata.setValue");
    if (typeof value !== "string") throw signatureError(this.wb.kernel, "DeveloperMetadata.setValue", [value]);
    this.model.value = value;
    return this as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  }

  remove(): void {
    this.wb.call("DeveloperMetadata.remove");
    this.wb.spreadsheet.developerMetadata = this.wb.spreadsheet.developerMetadata.filter((m) => m !== this.model);
  }
}

type LocationMethods = "getLocationType" | "getRow" | "getColumn" | "getSheet" | "getSpreadsheet";

/** Where a piece of metadata sits, as it was when getLocation() was called. */
class FakeMetadataLocation implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, LocationMethods> {
  constructor(
    private readonly wb: Workbook,
    private readonly location: Location,
  ) {}

  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    this.wb.call("DeveloperMetadataLocation.getLocationType");
    return this.location.type as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  }

  getRow(): GoogleAppsScript.Spreadsheet.Range | null {
    this.wb.call("DeveloperMetadataLocation.getRow");
    if (this.location.type !== "ROW") return null;
    const sheet = this.wb.sizedSheet(this.location.sheetId);
    return this.wb.range(
      sheet,
      this.location.index,
      1,
      1,
      sheet.maxColumns,
    ) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getColumn(): GoogleAppsScript.Spreadsheet.Range | null {
    this.wb.call("DeveloperMetadataLocation.getColumn");
    if (this.location.type !== "COLUMN") return null;
    const sheet = this.wb.sizedSheet(this.location.sheetId);
    return this.wb.range(
      sheet,
      1,
      this.location.index,
      sheet.maxRows,
      1,
    ) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    this.wb.call("DeveloperMetadataLocation.getSheet");
    if (this.location.type !== "SHEET") return null;
    return this.wb.sheetObject(
      this.wb.sheetById(this.location.sheetId),
    ) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    this.wb.call("DeveloperMetadataLocation.getSpreadsheet");
    if (this.location.type !== "SPREADSHEET") return null;
    return this.wb.spreadsheetObject() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
}

type FinderMethods = "withKey" | "withValue" | "withId" | "withLocationType" | "withVisibility" | "find";

/** Spreadsheet.createDeveloperMetadataFinder(): filters combined with AND. */
export class FakeDeveloperMetadataFinder
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, FinderMethods>
{
  private readonly filters: ((m: DeveloperMetadataModel) => boolean)[] = [];

  constructor(private readonly wb: Workbook) {}

  private with(
    method: string,
    arg: unknown,
    valid: boolean,
    test: (m: DeveloperMetadataModel) => boolean,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.wb.kernel.call("Spreadsheet", `DeveloperMetadataFinder.${method}`);
    if (!valid) throw signatureError(this.wb.kernel, `DeveloperMetadataFinder.${method}`, [arg]);
    this.filters.push(test);
    return this as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  withKey(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.with("withKey", key, typeof key === "string", (m) => m.key === key);
  }

  withValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.with("withValue", value, typeof value === "string", (m) => m.value === value);
  }

  withId(id: number): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.with("withId", id, Number.isInteger(id), (m) => m.id === id);
  }

  withLocationType(
    locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    const type = memberOf(DeveloperMetadataLocationType, locationType);
    return this.with("withLocationType", locationType, type !== null, (m) => m.location.type === type);
  }

  withVisibility(
    visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    const v = memberOf(DeveloperMetadataVisibility, visibility);
    return this.with("withVisibility", visibility, v !== null, (m) => m.visibility === v);
  }

  find(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.wb.call("DeveloperMetadataFinder.find");
    return this.wb.spreadsheet.developerMetadata
      .filter((m) => this.filters.every((f) => f(m)))
      .map((m) => new FakeDeveloperMetadata(this.wb, m) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata);
  }
}
