/** The Spreadsheet enums the core owns (ProtectionType, Dimension, WrapStrategy, developer-metadata enums), as name strings like the other modules' enums. */

function enumOf<const N extends string>(names: readonly N[]): Readonly<{ [K in N]: K }> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { [K in N]: K };
}

/** developers.google.com/apps-script/reference/spreadsheet/protection-type */
export const ProtectionType = enumOf(["RANGE", "SHEET"]);
/** developers.google.com/apps-script/reference/spreadsheet/dimension */
export const Dimension = enumOf(["COLUMNS", "ROWS"]);
/** developers.google.com/apps-script/reference/spreadsheet/wrap-strategy */
export const WrapStrategy = enumOf(["WRAP", "OVERFLOW", "CLIP"]);
/** developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility */
export const DeveloperMetadataVisibility = enumOf(["DOCUMENT", "PROJECT"]);
/** developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location-type */
export const DeveloperMetadataLocationType = enumOf(["SPREADSHEET", "SHEET", "ROW", "COLUMN"]);

/** The member name when `value` is one of `values`, else null. */
export function memberOf<T extends string>(values: Readonly<Record<T, T>>, value: unknown): T | null {
  return typeof value === "string" && Object.hasOwn(values, value) ? (value as T) : null;
}
