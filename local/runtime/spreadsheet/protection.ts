/** Protected ranges and sheets: the Protection objects (developers.google.com/apps-script/reference/spreadsheet/protection) and the check that refuses writes into protected areas. */

import { type Kernel, SCOPES } from "../kernel";
import { ProtectionType } from "./enums";
import { MESSAGES, signatureError } from "./errors";
import type { GridRangeRef, ProtectionModel, SheetModel } from "./model";
import type { Workbook } from "./workbook";

/** The User objects the Spreadsheet service returns (getOwner, getEditors). */
export type SpreadsheetUser = Pick<GoogleAppsScript.Base.User, "getEmail">;

/** A User; reading its email is counted like Session's users (userinfo.email scope) [UNCONFIRMED for Sheets users]. */
export function userOf(kernel: Kernel, email: string): SpreadsheetUser {
  return {
    getEmail() {
      kernel.call("Session", "User.getEmail", { needsAuth: true, scopes: [SCOPES.userinfoEmail] });
      return email;
    },
  };
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** Whether `user` may edit inside a protection: the owner always, listed editors, and the domain when allowed. */
function mayEdit(wb: Workbook, p: ProtectionModel, user: string): boolean {
  const owner = wb.spreadsheet.owner;
  if (user === owner || p.editors.includes(user)) return true;
  return p.domainEdit && domainOf(user) === domainOf(owner);
}

function intersects(a: Omit<GridRangeRef, "sheetId">, b: Omit<GridRangeRef, "sheetId">): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

function contains(outer: Omit<GridRangeRef, "sheetId">, row: number, column: number): boolean {
  return (
    row >= outer.row &&
    row < outer.row + outer.numRows &&
    column >= outer.column &&
    column < outer.column + outer.numColumns
  );
}

/** True when every cell of `ref` lies in one of the unprotected ranges of a sheet protection. */
function allUnprotected(ref: Omit<GridRangeRef, "sheetId">, unprotected: GridRangeRef[]): boolean {
  if (unprotected.length === 0) return false;
  for (let r = ref.row; r < ref.row + ref.numRows; r++)
    for (let c = ref.column; c < ref.column + ref.numColumns; c++)
      if (!unprotected.some((u) => contains(u, r, c))) return false;
  return true;
}

/**
 * Throws "You are trying to edit a protected cell or object…" when the execution's effective user may not
 * edit part of `ref`. Warning-only protections never block scripts. Outside executions nothing is enforced.
 */
export function assertCanEdit(wb: Workbook, sheet: SheetModel, ref: Omit<GridRangeRef, "sheetId">): void {
  const user = wb.actingUser();
  if (user === null || wb.spreadsheet.protections.length === 0) return;
  for (const p of wb.spreadsheet.protections) {
    if (p.range.sheetId !== sheet.id || p.warningOnly || mayEdit(wb, p, user)) continue;
    const blocked =
      p.type === "RANGE"
        ? intersects(p.range, ref)
        : !allUnprotected(
            ref,
            p.unprotectedRanges.filter((u) => u.sheetId === sheet.id),
          );
    if (blocked) throw wb.exception(MESSAGES.protectedCell);
  }
}

/**
 * Range.protect() / Sheet.protect(). Until the script changes the editors, the permissions mirror the
 * spreadsheet's (developers.google.com/apps-script/reference/spreadsheet/range#protect()): the owner, every
 * editor of the file and the user running the script are listed.
 */
export function createProtection(wb: Workbook, type: "RANGE" | "SHEET", range: GridRangeRef): ProtectionModel {
  const { owner, editors } = wb.spreadsheet;
  const acting = wb.actingUser();
  const model: ProtectionModel = {
    id: wb.newObjectId(),
    type,
    range,
    description: "",
    warningOnly: false,
    editors: [...new Set([owner, ...editors, ...(acting ? [acting] : [])])],
    domainEdit: false,
    unprotectedRanges: [],
  };
  wb.spreadsheet.protections.push(model);
  return model;
}

/** Protections of one type (an enum value, checked), of the whole spreadsheet or of one sheet. */
export function protectionsOf(wb: Workbook, method: string, type: unknown, sheet: SheetModel | null): FakeProtection[] {
  if (type !== ProtectionType.RANGE && type !== ProtectionType.SHEET) throw signatureError(wb.kernel, method, [type]);
  return wb.spreadsheet.protections
    .filter((p) => p.type === type && (sheet === null || p.range.sheetId === sheet.id))
    .map((p) => new FakeProtection(wb, p));
}

type ProtectionMethods =
  | "setDescription"
  | "getDescription"
  | "setWarningOnly"
  | "isWarningOnly"
  | "addEditor"
  | "addEditors"
  | "removeEditor"
  | "removeEditors"
  | "getEditors"
  | "canEdit"
  | "setDomainEdit"
  | "canDomainEdit"
  | "setUnprotectedRanges"
  | "getUnprotectedRanges"
  | "remove"
  | "getRange"
  | "getProtectionType";

export class FakeProtection implements Pick<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods> {
  constructor(
    private readonly wb: Workbook,
    private readonly model: ProtectionModel,
  ) {}

  private self(): GoogleAppsScript.Spreadsheet.Protection {
    return this as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  private emailOf(method: string, user: unknown): string {
    const email =
      typeof user === "string"
        ? user
        : (user as Partial<SpreadsheetUser> | null)?.getEmail?.call(user as SpreadsheetUser);
    if (typeof email !== "string") throw signatureError(this.wb.kernel, `Protection.${method}`, [user]);
    if (!email.includes("@")) throw this.wb.exception(`Invalid email: ${email}`);
    return email;
  }

  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.wb.call("Protection.setDescription");
    if (typeof description !== "string")
      throw signatureError(this.wb.kernel, "Protection.setDescription", [description]);
    this.model.description = description;
    return this.self();
  }

  getDescription(): string {
    this.wb.call("Protection.getDescription");
    return this.model.description;
  }

  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.wb.call("Protection.setWarningOnly");
    if (typeof warningOnly !== "boolean")
      throw signatureError(this.wb.kernel, "Protection.setWarningOnly", [warningOnly]);
    this.model.warningOnly = warningOnly;
    return this.self();
  }

  isWarningOnly(): boolean {
    this.wb.call("Protection.isWarningOnly");
    return this.model.warningOnly;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Spreadsheet.Protection {
    this.wb.call("Protection.addEditor");
    const email = this.emailOf("addEditor", user);
    if (!this.model.editors.includes(email)) this.model.editors.push(email);
    return this.self();
  }

  addEditors(emailAddresses: string[]): GoogleAppsScript.Spreadsheet.Protection {
    this.wb.call("Protection.addEditors");
    if (!Array.isArray(emailAddresses)) throw signatureError(this.wb.kernel, "Protection.addEditors", [emailAddresses]);
    for (const email of emailAddresses.map((e) => this.emailOf("addEditors", e)))
      if (!this.model.editors.includes(email)) this.model.editors.push(email);
    return this.self();
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed" (reference): both are kept. */
  private remove1(email: string): void {
    if (email === this.wb.spreadsheet.owner || email === this.wb.actingUser()) return;
    this.model.editors = this.model.editors.filter((e) => e !== email);
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Spreadsheet.Protection {
    this.wb.call("Protection.removeEditor");
    this.remove1(this.emailOf("removeEditor", user));
    return this.self();
  }

  removeEditors(users: string[] | GoogleAppsScript.Base.User[]): GoogleAppsScript.Spreadsheet.Protection {
    this.wb.call("Protection.removeEditors");
    if (!Array.isArray(users)) throw signatureError(this.wb.kernel, "Protection.removeEditors", [users]);
    for (const email of (users as unknown[]).map((u) => this.emailOf("removeEditors", u))) this.remove1(email);
    return this.self();
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    this.wb.call("Protection.getEditors");
    return this.model.editors.map((e) => userOf(this.wb.kernel, e) as GoogleAppsScript.Base.User);
  }

  canEdit(): boolean {
    this.wb.call("Protection.canEdit");
    const user = this.wb.actingUser();
    return user === null || mayEdit(this.wb, this.model, user);
  }

  /** Only for files of a Workspace domain; the message for consumer accounts is [UNCONFIRMED]. */
  setDomainEdit(editable: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.wb.call("Protection.setDomainEdit");
    if (typeof editable !== "boolean") throw signatureError(this.wb.kernel, "Protection.setDomainEdit", [editable]);
    if (domainOf(this.wb.spreadsheet.owner) === "gmail.com")
      throw this.wb.exception("Domain edit is only available for documents owned by a Google Workspace domain.");
    this.model.domainEdit = editable;
    return this.self();
  }

  canDomainEdit(): boolean {
    this.wb.call("Protection.canDomainEdit");
    return this.model.domainEdit;
  }

  /** Only sheet protections have unprotected ranges; the error for a range protection is [UNCONFIRMED]. */
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GoogleAppsScript.Spreadsheet.Protection {
    this.wb.call("Protection.setUnprotectedRanges");
    if (!Array.isArray(ranges)) throw signatureError(this.wb.kernel, "Protection.setUnprotectedRanges", [ranges]);
    const refs = ranges.map((r) => this.wb.refOf(r));
    if (this.model.type !== "SHEET")
      throw this.wb.exception("Unprotected ranges can only be set on a protected sheet.");
    if (refs.some((r) => r.sheetId !== this.model.range.sheetId))
      throw this.wb.exception("Unprotected ranges must be on the protected sheet.");
    this.model.unprotectedRanges = refs;
    return this.self();
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.wb.call("Protection.getUnprotectedRanges");
    return this.model.unprotectedRanges.map((r) => this.wb.rangeOf(r));
  }

  /** Removing needs edit rights on the protection [UNCONFIRMED wording: the protected-cell text]. */
  remove(): void {
    this.wb.call("Protection.remove");
    const user = this.wb.actingUser();
    if (user !== null && !mayEdit(this.wb, this.model, user)) throw this.wb.exception(MESSAGES.protectedCell);
    this.wb.spreadsheet.protections = this.wb.spreadsheet.protections.filter((p) => p !== this.model);
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.wb.call("Protection.getRange");
    if (this.model.type === "RANGE") return this.wb.rangeOf(this.model.range);
    const sheet = this.wb.sizedSheet(this.model.range.sheetId);
    return this.wb.range(sheet, 1, 1, sheet.maxRows, sheet.maxColumns) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.wb.call("Protection.getProtectionType");
    return this.model.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
}
