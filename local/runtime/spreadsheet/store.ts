/** The spreadsheets (files) the runtime knows, created with deterministic ids, and the per-spreadsheet contexts the service objects share. */

import type { Kernel } from "../kernel";
import type { SheetModel, SpreadsheetModel } from "./model";
import { Workbook } from "./workbook";

/** A toast shown by Spreadsheet.toast(), recorded for tests and the playground. */
export interface Toast {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** Default name of the nth sheet in a locale ("Sheet1", zh_CN "工作表1"). */
export function defaultSheetName(locale: string, n: number): string {
  return locale === "zh_CN" ? `工作表${n}` : `Sheet${n}`;
}

/** A new empty sheet of the default size (1000 rows × 26 columns). */
export function newSheetModel(id: number, name: string, maxRows = 1000, maxColumns = 26): SheetModel {
  return {
    id,
    name,
    hidden: false,
    maxRows,
    maxColumns,
    frozenRows: 0,
    frozenColumns: 0,
    rows: [],
    columnWidths: new Map(),
    tabColor: null,
    conditionalFormatRules: [],
    pivotTables: [],
  };
}

/** A deterministic, random-looking positive 31-bit number for the nth object (sheet gids, metadata ids look like this). */
export function scrambledId(n: number): number {
  let x = (n * 0x9e3779b1) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return (x % 2_000_000_000) + 1;
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A 44-character id shaped like a Drive file id, derived from a counter. */
function spreadsheetIdOf(n: number): string {
  let id = `1${String(n).padStart(6, "0")}`;
  let k = n;
  while (id.length < 44) {
    k = scrambledId(k + id.length);
    id += ID_ALPHABET[k % 64];
  }
  return id;
}

export class SpreadsheetStore {
  private readonly models: SpreadsheetModel[] = [];
  private readonly workbooks = new Map<SpreadsheetModel, Workbook>();
  private created = 0;
  /** Toasts shown so far, oldest first. */
  readonly toasts: Toast[] = [];
  /** The editor's UI the spreadsheets show menus in (Spreadsheet.addMenu); the runtime sets it. */
  ui: (() => GoogleAppsScript.Base.Ui) | null = null;
  constructor(readonly kernel: Kernel) {}

  create(o: { name: string; timeZone: string; locale: string; owner: string; id?: string }): SpreadsheetModel {
    this.created++;
    const model: SpreadsheetModel = {
      id: o.id ?? spreadsheetIdOf(this.created),
      name: o.name,
      timeZone: o.timeZone,
      locale: o.locale,
      owner: o.owner,
      editors: [],
      sheets: [newSheetModel(0, defaultSheetName(o.locale, 1))],
      activeSheetIndex: 0,
      activeRange: null,
      protections: [],
      developerMetadata: [],
      nextSheetId: 1,
      nextObjectId: 1,
    };
    this.models.push(model);
    return model;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.models.find((m) => m.id === id);
  }

  all(): SpreadsheetModel[] {
    return [...this.models];
  }

  /** The context (SpreadsheetContext) of a spreadsheet, one per spreadsheet. */
  workbook(model: SpreadsheetModel): Workbook {
    let wb = this.workbooks.get(model);
    if (!wb) {
      wb = new Workbook(this, model);
      this.workbooks.set(model, wb);
    }
    return wb;
  }
}
