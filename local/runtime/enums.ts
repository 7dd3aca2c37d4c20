/** Apps Script enums as the runtime emulates them: name-string enums (value === name) and Utilities' object-valued enums. */

/**
 * An Apps Script enum whose values are their names: String(ScriptApp.EventType.CLOCK) === "CLOCK" and `==`
 * comparisons hold as in Apps Script; the real enum objects' name()/ordinal() methods are not emulated.
 */
export function enumOf<const N extends string>(names: readonly N[]): Readonly<{ [K in N]: K }> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { [K in N]: K };
}

/** The member name when `value` is one of `values`, else null. */
export function memberOf<T extends string>(values: Readonly<Record<T, T>>, value: unknown): T | null {
  return typeof value === "string" && Object.hasOwn(values, value) ? (value as T) : null;
}

/** A value of an object-valued enum (Utilities.DigestAlgorithm.MD5, ...): an object whose toString() is its name. */
export class EnumValue {
  constructor(
    readonly enumName: string,
    readonly valueName: string,
  ) {}
  toString(): string {
    return this.valueName;
  }
}

/** An enum of EnumValue objects: the string "MD5" is not Utilities.DigestAlgorithm.MD5. */
export function objectEnumOf<K extends string>(enumName: string, names: readonly K[]): Record<K, EnumValue> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, new EnumValue(enumName, n)]))) as Record<K, EnumValue>;
}
