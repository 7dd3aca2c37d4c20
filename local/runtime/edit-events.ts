/** What a person does in the open spreadsheet that fires triggers (opening it, typing into cells, inserting or removing rows and columns), done the way Sheets does it, with the event objects of onOpen, onEdit and onChange. */

import type { Kernel } from "./kernel";
import type { ExecutionRecord, RunOptions, TriggerRun, User } from "./runtime";
import { AuthMode } from "./script-app";
import { cellAt } from "./spreadsheet/grid";
import type { Cell, GridRangeRef, SheetModel } from "./spreadsheet/model";
import type { SpreadsheetStore } from "./spreadsheet/store";
import type { Workbook } from "./spreadsheet/workbook";
import type { EventTypeName, TriggerTable } from "./trigger-table";

/** A person typing into the grid: one cell, or a block pasted from its top-left cell. */
export interface UserEdit {
  /** The sheet's name. */
  sheet: string;
  /** The cell typed into (the top-left cell of a pasted block), e.g. "K4"; or give row and column. */
  a1?: string;
  row?: number;
  column?: number;
  /** The text typed into the cell, read as Sheets reads typing ("3/4" a date, "=A1" a formula); "" clears it. */
  value?: string;
  /** A block of texts pasted from the cell rightwards and down (rows of equal length). */
  values?: string[][];
  /** Who types (default: the runtime's user). */
  user?: User;
}

/** The structural changes a person can make that an installable change trigger reports (changeType). */
export type StructuralChange = "INSERT_ROW" | "REMOVE_ROW" | "INSERT_COLUMN" | "REMOVE_COLUMN";

/** A person inserting or removing rows or columns from the grid's context menu. */
export interface UserChange {
  sheet: string;
  change: StructuralChange;
  /** The first row or column inserted (the new ones start here) or removed. */
  at: number;
  /** How many (default 1). */
  count?: number;
  user?: User;
}

/** What a person's action set off. */
export interface TriggeredRuns {
  /** The simple trigger's execution (onOpen, onEdit); null when the script does not define it or there is none. */
  simpleTrigger: ExecutionRecord | null;
  /** The installable triggers that fired, in order (also appended to runtime.triggerRuns). */
  triggerRuns: TriggerRun[];
}

/** What these functions use of the runtime (AppsScriptRuntime). */
export interface EventHost {
  readonly kernel: Kernel;
  readonly spreadsheets: SpreadsheetStore;
  readonly triggers: TriggerTable;
  readonly executions: ExecutionRecord[];
  readonly triggerRuns: TriggerRun[];
  run(functionName: string, args?: unknown[], options?: RunOptions): unknown;
}

/**
 * Opening the document: the simple onOpen in `authMode` (when the script defines it), then every installable open
 * trigger of the document (developers.google.com/apps-script/guides/triggers/installable: an installable open trigger
 * "runs when a user who has permission to edit opens the spreadsheet", as its creator). A failing simple onOpen is
 * rethrown once the installable triggers have run, so a test sees it.
 */
export function openDocument(
  host: EventHost,
  documentId: string | null,
  user: User,
  authMode: SimpleMode,
): TriggeredRuns {
  const event: Record<string, unknown> = { authMode: AuthMode[authMode] };
  if (authMode !== "NONE" && documentId) {
    // e.source and e.user exist only once the add-on has some authorisation
    // (developers.google.com/apps-script/guides/triggers/events#open).
    event.source = host.spreadsheets.workbook(spreadsheetModel(host, documentId)).spreadsheetObject();
    event.user = eventUser(host.kernel, user.email);
  }
  const simple = runSimpleTrigger(host, "onOpen", event, { authMode, user, documentId });
  const triggerRuns = documentId
    ? fireInstallable(host, documentId, user, "ON_OPEN", () => ({
        authMode: AuthMode.FULL,
        source: host.spreadsheets.workbook(spreadsheetModel(host, documentId)).spreadsheetObject(),
        user: eventUser(host.kernel, user.email),
      }))
    : [];
  if (simple.failure !== undefined) throw simple.failure;
  return { simpleTrigger: simple.record, triggerRuns };
}

/**
 * A person types into cells of `documentId` (developers.google.com/apps-script/guides/triggers: "onEdit(e) runs when
 * a user changes a value in a spreadsheet"). The text is written as Sheets writes typing, through Range.setValues (the
 * same user-entered reading), and as the UI does for that person: a protected range they may not edit refuses it, a
 * warning-only protection is accepted (the person confirms the warning), a rejecting validation rule refuses it and a
 * warning rule accepts it. A refusal throws with the message of the corresponding script error (the UI's own wording
 * is [UNCONFIRMED]) and fires nothing. Then fire, in order: the simple onEdit (AuthMode.LIMITED, as the person), every
 * installable edit trigger of the document, then every installable change trigger (changeType "EDIT"), each as its
 * creator in AuthMode.FULL. A failing trigger is recorded and does not undo the edit.
 */
export function typeIntoCells(host: EventHost, documentId: string, edit: UserEdit, user: User): TriggeredRuns {
  const { wb, sheet } = sheetOf(host, documentId, edit.sheet);
  const block = typedBlock(edit);
  const start = startCell(wb, sheet, edit);
  const width = (block[0] as string[]).length;
  const range = wb.checkedRange(sheet, start.row, start.column, block.length, width);
  const single = block.length === 1 && width === 1;
  const before = single ? eventText(cellAt(sheet, start.row, start.column)) : undefined;
  asPerson(wb, user.email, () => range.setValues(block));
  select(wb, sheet, range.ref());

  const base = () => ({
    range: withBounds(wb.range(sheet, start.row, start.column, block.length, width)),
    ...common(wb, user),
  });
  // value and oldValue only for a single cell, and only when there is content ("undefined if the cell had no previous
  // content"), as they were at the edit, whatever a trigger writes later; the typings declare both as strings
  // (SheetsOnEdit in @types/google-apps-script).
  const after = single ? eventText(cellAt(sheet, start.row, start.column)) : undefined;
  const values = {
    ...(after === undefined ? {} : { value: after }),
    ...(before === undefined ? {} : { oldValue: before }),
  };
  const simple = runSimpleTrigger(
    host,
    "onEdit",
    { authMode: AuthMode.LIMITED, ...base(), ...values },
    {
      authMode: "LIMITED",
      user,
      documentId,
    },
  );
  const triggerRuns = [
    ...fireInstallable(host, documentId, user, "ON_EDIT", () => ({ authMode: AuthMode.FULL, ...base(), ...values })),
    ...fireInstallable(host, documentId, user, "ON_CHANGE", () => ({
      authMode: AuthMode.FULL,
      changeType: "EDIT",
      ...common(wb, user),
    })),
  ];
  return { simpleTrigger: simple.record, triggerRuns };
}

/**
 * A person inserts or removes rows or columns (through the Sheet methods, so the same bounds checks and protections
 * apply, as that person). Only installable change triggers fire, with that changeType
 * (developers.google.com/apps-script/guides/triggers/events#change); onEdit does not, since no value was typed.
 */
export function changeStructure(host: EventHost, documentId: string, change: UserChange, user: User): TriggeredRuns {
  const { wb, sheet } = sheetOf(host, documentId, change.sheet);
  const count = change.count ?? 1;
  const target = wb.sheetObject(sheet);
  asPerson(wb, user.email, () => {
    if (change.change === "INSERT_ROW") target.insertRowsBefore(change.at, count);
    else if (change.change === "REMOVE_ROW") target.deleteRows(change.at, count);
    else if (change.change === "INSERT_COLUMN") target.insertColumnsBefore(change.at, count);
    else target.deleteColumns(change.at, count);
  });
  const triggerRuns = fireInstallable(host, documentId, user, "ON_CHANGE", () => ({
    authMode: AuthMode.FULL,
    changeType: change.change,
    ...common(wb, user),
  }));
  return { simpleTrigger: null, triggerRuns };
}

type SimpleMode = "NONE" | "LIMITED" | "FULL";

/** e.source and e.user, shared by the spreadsheet events. */
function common(wb: Workbook, user: User): Record<string, unknown> {
  return { source: wb.spreadsheetObject(), user: eventUser(wb.kernel, user.email) };
}

/**
 * The User object of an event: the person acting. Its email is "" where the running execution hides the active user
 * from the script, as Session.getActiveUser() does there ("A User object, representing the active user, if available
 * (depending on a complex set of security restrictions)", developers.google.com/apps-script/guides/triggers/events).
 */
function eventUser(kernel: Kernel, email: string): { getEmail(): string; toString(): string } {
  const shown = () => (kernel.execution?.activeUserHidden ? "" : email);
  return { getEmail: shown, toString: shown };
}

/**
 * e.range also carries its bounds as plain fields, as Google's event objects do when logged
 * ({"columnStart":1,"rowStart":1,"rowEnd":1,"columnEnd":1}: tanaikech.github.io, "Benchmark: Event Objects for
 * Google Apps Script").
 */
function withBounds<T extends { ref(): GridRangeRef }>(range: T): T {
  const { row, column, numRows, numColumns } = range.ref();
  return Object.assign(range, {
    columnStart: column,
    rowStart: row,
    rowEnd: row + numRows - 1,
    columnEnd: column + numColumns - 1,
  });
}

/**
 * A stored cell as an edit event reports it: the value as text, TRUE/FALSE for a checkbox, a number's digits (a date's
 * serial number [UNCONFIRMED]). Absent for an empty cell, and for a formula cell [UNCONFIRMED], the stricter choice.
 */
function eventText(cell: Cell | undefined): string | undefined {
  if (!cell || cell.formula !== undefined || cell.value === "") return undefined;
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/** Runs a simple trigger as Apps Script does: only when the script defines it; a failure is recorded, not thrown. */
function runSimpleTrigger(
  host: EventHost,
  functionName: string,
  event: Record<string, unknown>,
  how: { authMode: SimpleMode; user: User; documentId: string | null },
): { record: ExecutionRecord | null; failure?: unknown } {
  const index = host.executions.length;
  let failure: unknown;
  try {
    host.run(functionName, [event], {
      authMode: how.authMode,
      kind: "simpleTrigger",
      user: how.user,
      spreadsheetId: how.documentId,
      ifDefined: true,
    });
  } catch (error) {
    failure = error;
  }
  const record = host.executions[index] ?? null;
  return failure === undefined ? { record } : { record, failure };
}

/**
 * Fires every enabled installable trigger of `eventType` on the document, in creation order: each runs as its creator
 * ("Installable triggers always run under the account of the person who created them",
 * developers.google.com/apps-script/guides/triggers/installable#restrictions) in AuthMode.FULL, with the person at the
 * keyboard as the active user. A failing run is recorded like a time-driven one and the next trigger still fires.
 */
function fireInstallable(
  host: EventHost,
  documentId: string,
  user: User,
  eventType: EventTypeName,
  event: () => Record<string, unknown>,
): TriggerRun[] {
  const due = host.triggers.list().filter((t) => t.enabled && t.eventType === eventType && t.sourceId === documentId);
  return due.map((trigger) => {
    const run: TriggerRun = {
      at: host.kernel.now(),
      triggerUid: trigger.uniqueId,
      functionName: trigger.handlerFunction,
      owner: trigger.owner,
      status: "COMPLETED",
    };
    try {
      host.run(trigger.handlerFunction, [{ ...event(), triggerUid: trigger.uniqueId }], {
        authMode: "FULL",
        kind: "installableTrigger",
        user,
        effectiveUser: trigger.owner,
        spreadsheetId: documentId,
      });
    } catch (error) {
      run.status = "FAILED";
      run.error = messageOf(error);
    }
    host.triggerRuns.push(run);
    return run;
  });
}

/** The block of texts an edit types, checked: a mistake in the test is a plain Error. */
function typedBlock(edit: UserEdit): string[][] {
  if ((edit.value === undefined) === (edit.values === undefined)) throw new Error("userEdit: give value or values");
  const block = edit.values ?? [[edit.value as string]];
  const width = block[0]?.length ?? 0;
  if (width === 0 || block.some((row) => row.length !== width || row.some((text) => typeof text !== "string"))) {
    throw new Error("userEdit: values must be rows of texts, all of the same length");
  }
  return block;
}

/** The cell an edit starts at: `a1` (one cell) or `row` and `column`. */
function startCell(wb: Workbook, sheet: SheetModel, edit: UserEdit): { row: number; column: number } {
  if (edit.a1 !== undefined) {
    const ref = wb.rangeByA1(edit.a1, sheet, true).ref();
    if (ref.numRows !== 1 || ref.numColumns !== 1) throw new Error(`userEdit: a1 names one cell, not ${edit.a1}`);
    return ref;
  }
  if (edit.row === undefined || edit.column === undefined) throw new Error("userEdit: give a1, or row and column");
  return { row: edit.row, column: edit.column };
}

function spreadsheetModel(host: EventHost, documentId: string) {
  const model = host.spreadsheets.get(documentId);
  if (!model) throw new Error(`no spreadsheet ${documentId}`);
  return model;
}

function sheetOf(host: EventHost, documentId: string, name: string): { wb: Workbook; sheet: SheetModel } {
  const model = spreadsheetModel(host, documentId);
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet "${name}" (sheets: ${model.sheets.map((s) => s.name).join(", ")})`);
  return { wb: host.spreadsheets.workbook(model), sheet };
}

/** Does `body` (service calls outside any execution) with protections applying to the person, as in the UI. */
function asPerson(wb: Workbook, email: string, body: () => void): void {
  wb.editingPerson = email;
  try {
    body();
  } finally {
    wb.editingPerson = null;
  }
}

/** The person's selection after typing: the edited sheet is the active one, the edited cells the active range. */
function select(wb: Workbook, sheet: SheetModel, ref: GridRangeRef): void {
  wb.spreadsheet.activeSheetIndex = wb.spreadsheet.sheets.indexOf(sheet);
  wb.spreadsheet.activeRange = ref;
}

function messageOf(error: unknown): string {
  return typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
}
