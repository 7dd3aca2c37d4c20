/** Apps Script's "The parameters (String,number) don't match the method signature for X.y." error, the type names it prints, and typed-parameter helpers. */

import { EnumValue } from "./enums";
import type { Kernel } from "./kernel";

/**
 * How a service family names arguments in the error. The families were emulated separately and differ on
 * objects ("(class)" or "Object"), on trailing undefined arguments, on functions/symbols and on enum values;
 * each keeps its own wording.
 */
export interface TypeNaming {
  /** The name of an object that is neither an array, a Date nor (with `enumClasses`) an enum value. */
  readonly object: "(class)" | "Object";
  /** Trailing undefined arguments count as omitted. */
  readonly trimsUndefined: boolean;
  /** Functions, symbols and bigints are named by `typeof` ("function") rather than as objects. */
  readonly byTypeof: boolean;
  /** An EnumValue is named by its enum ("Charset"). */
  readonly enumClasses: boolean;
}

/** ScriptApp, HtmlService, Ui and MailApp. */
export const SCRIPT_NAMING: TypeNaming = {
  object: "(class)",
  trimsUndefined: false,
  byTypeof: true,
  enumClasses: false,
};
/** The Spreadsheet core (SpreadsheetApp.Sheet, Range, Protection, ...), validation and conditional formats. */
export const SPREADSHEET_NAMING: TypeNaming = {
  object: "(class)",
  trimsUndefined: false,
  byTypeof: false,
  enumClasses: false,
};
/** Pivot tables. */
export const PIVOT_NAMING: TypeNaming = { object: "Object", trimsUndefined: true, byTypeof: false, enumClasses: false };
/** The Java-backed services: Utilities, Properties, Cache and Lock. */
export const JAVA_NAMING: TypeNaming = { object: "Object", trimsUndefined: true, byTypeof: false, enumClasses: true };

/** Apps Script's name of an argument's type ("String", "number", "Boolean", "Date", "number[]", "(class)"…). */
export function typeName(value: unknown, naming: TypeNaming): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return "String";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "Boolean";
  if (Object.prototype.toString.call(value) === "[object Date]") return "Date";
  if (Array.isArray(value)) {
    const names = new Set(value.map((item) => typeName(item, naming)));
    const [only] = names;
    return names.size === 1 && only !== "(class)" ? `${only}[]` : "Object[]";
  }
  if (naming.enumClasses && value instanceof EnumValue) return value.enumName;
  if (naming.byTypeof && typeof value !== "object") return typeof value;
  return naming.object;
}

/** The signature error for `method` (a qualified name such as "Utilities.sleep" or "SpreadsheetApp.Sheet.getRange"). */
export function signatureError(kernel: Kernel, method: string, args: readonly unknown[], naming: TypeNaming): Error {
  const given = [...args];
  if (naming.trimsUndefined) while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  const types = given.map((arg) => typeName(arg, naming)).join(",");
  return kernel.exception(`The parameters (${types}) don't match the method signature for ${method}.`);
}

/** ScriptApp's, HtmlService's, Ui's and MailApp's signature error. */
export function scriptSignatureError(kernel: Kernel, method: string, args: readonly unknown[]): Error {
  return signatureError(kernel, method, args, SCRIPT_NAMING);
}

/** The Java-backed services' signature error (trailing undefineds are omitted arguments). */
export function javaSignatureError(kernel: Kernel, method: string, args: readonly unknown[]): Error {
  return signatureError(kernel, method, args, JAVA_NAMING);
}

/** A String parameter: strings pass, numbers and booleans are converted as Apps Script converts them, others throw. */
export function stringParameter(kernel: Kernel, value: unknown, method: string, args: readonly unknown[]): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw javaSignatureError(kernel, method, args);
}

/** An Integer parameter: a finite number, truncated as Java truncates a double; anything else throws. */
export function integerParameter(kernel: Kernel, value: unknown, method: string, args: readonly unknown[]): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw javaSignatureError(kernel, method, args);
  return Math.trunc(value);
}

/** True for a Date of any realm (never `instanceof Date`: the code under test runs in its own realm). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
