/** Formula evaluation for one spreadsheet with HyperFormula: formula cells get the values Sheets computes, recalculated after any change, with TODAY()/NOW() on the runtime's clock in the spreadsheet's zone. */

import {
  CellError,
  DetailedCellError,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
  type SimpleCellRange,
} from "hyperformula";
import type { Kernel } from "../kernel";
import { FormulaNotEmulatedError, notEmulatedIn, toEngine } from "./formula-dialect";
import {
  a1Of,
  type Cell,
  type CellValue,
  SERIAL_EPOCH_OFFSET_DAYS,
  type SheetModel,
  type SpreadsheetModel,
  shownFormat,
} from "./model";
import { dateFormatsOf, isDateTimeFormat, msToSerial } from "./number-format";
import { type FormulaClock, withClock } from "./sheets-functions";

/** Engine settings matching Sheets: its grid limits, its date system (serial 0 = 1899-12-30, no 1900 leap day). */
export const ENGINE_CONFIG = {
  licenseKey: "gpl-v3",
  maxRows: 10_000_000,
  maxColumns: 18_278,
  nullDate: { year: 1899, month: 12, day: 30 },
  leapYear1900: false,
  caseSensitive: false,
  // Sheets compares text with "=" ignoring case and accents only by case [UNCONFIRMED for accents].
  accentSensitive: true,
  useArrayArithmetic: false,
} as const;

/** Error values as Sheets shows them; the engine's own kinds map onto Sheets' (support.google.com/docs/answer/3093354?). */
const SHEETS_ERROR: Readonly<Record<string, string>> = {
  "#CYCLE!": "#REF!", // Sheets: "Circular dependency detected" shows #REF!
  "#SPILL!": "#REF!", // Sheets: "Array result was not expanded because it would overwrite data" shows #REF!
  "#LIC!": "#ERROR!",
};

/** The clock of an evaluation: today and now as serials of the spreadsheet's zone (Sheets' TODAY()/NOW()). */
export function clockAt(epochMs: number, timeZone: string): FormulaClock {
  const now = msToSerial(epochMs, timeZone);
  return { today: Math.floor(now), now };
}

/** A stored value as the engine takes it: text stays text (a leading apostrophe stops the engine's parsing). */
function engineValue(cell: Cell): RawCellContent {
  const { value } = cell;
  if (value === "") return null;
  if (typeof value === "string") return `'${value}`;
  if (typeof value === "number" && isDateTimeFormat(shownFormat(cell))) return engineDate(value);
  return value;
}

/**
 * A date-formatted serial as the engine takes a date, so that =E4+3 on a date is a date, as Sheets formats it. The
 * engine reads a Date's fields with getFullYear()…getMilliseconds() (CellContentParser); these fields are the
 * serial's own wall-clock time, whatever the host's zone.
 */
function engineDate(serial: number): Date {
  const wall = new Date(Math.round((serial - SERIAL_EPOCH_OFFSET_DAYS) * 86_400_000));
  const date = Object.create(Date.prototype) as Date;
  const fields: Record<string, () => number> = {
    getFullYear: () => wall.getUTCFullYear(),
    getMonth: () => wall.getUTCMonth(),
    getDate: () => wall.getUTCDate(),
    getHours: () => wall.getUTCHours(),
    getMinutes: () => wall.getUTCMinutes(),
    getSeconds: () => wall.getUTCSeconds(),
    getMilliseconds: () => wall.getUTCMilliseconds(),
  };
  return Object.assign(date, fields);
}

/** A computed value as a cell stores it. */
export function sheetsValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError || value instanceof CellError) {
    const shown = value instanceof DetailedCellError ? value.value : `#${value.type}`;
    return SHEETS_ERROR[shown] ?? shown;
  }
  if (value === null || value === undefined) return "";
  return value as CellValue;
}

/** The format Sheets' automatic formatting gives a formula's result (a date for =TODAY()+3), by the engine's type. */
function resultFormatOf(type: string, locale: string): string | undefined {
  const formats = dateFormatsOf(locale);
  if (type === "NUMBER_DATE") return formats.date;
  if (type === "NUMBER_DATETIME") return formats.dateTime;
  if (type === "NUMBER_TIME") return formats.time;
  if (type === "NUMBER_PERCENT") return "0.00%";
  return undefined;
}

/** A formula cell found while building an engine, with its place. */
interface FormulaCell {
  cell: Cell;
  sheet: number;
  row: number;
  column: number;
}

/** The engine's input for every sheet of a spreadsheet (0-based [row][column]), and where its formulas are. */
export interface EngineInput {
  /** Each sheet's name and cells, in the spreadsheet's order (engine sheet ids follow it: see buildEngine). */
  sheets: { name: string; data: RawCellContent[][] }[];
  formulas: FormulaCell[];
  /** Formulas calling a function the runtime does not evaluate (given to the engine as =NA()), with why. */
  notEmulated: Map<FormulaCell, string>;
}

/** Every sheet's cells as the engine takes them; spilled values (another cell's array result) are left out. */
export function engineInput(spreadsheet: SpreadsheetModel, formulasOnly = false): EngineInput {
  const sheets: EngineInput["sheets"] = [];
  const formulas: FormulaCell[] = [];
  const notEmulated = new Map<FormulaCell, string>();
  spreadsheet.sheets.forEach((sheet, index) => {
    const data: RawCellContent[][] = new Array(sheet.rows.length);
    for (let r = 0; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r];
      // With formulas only (to rewrite them), a row holding none is empty to the engine: big tables stay cheap.
      const width = !cells ? 0 : formulasOnly ? lastFormulaColumn(cells) : cells.length;
      const line: RawCellContent[] = new Array(width).fill(null);
      for (let c = 0; c < width; c++) {
        const cell = cells?.[c];
        if (!cell) continue;
        if (cell.formula !== undefined) {
          const found = { cell, sheet: index, row: r, column: c };
          const refused = formulasOnly ? null : notEmulatedIn(cell.formula);
          line[c] = refused ? "=NA()" : toEngine(cell.formula);
          formulas.push(found);
          if (refused) notEmulated.set(found, new FormulaNotEmulatedError(refused, cell.formula, "").message);
        } else if (!formulasOnly && !cell.spill) line[c] = engineValue(cell);
      }
      data[r] = line;
    }
    sheets.push({ name: sheet.name, data });
  });
  for (const [f, message] of notEmulated)
    notEmulated.set(f, message.replace(" in : ", ` in ${placeOf(spreadsheet, f)}: `));
  return { sheets, formulas, notEmulated };
}

/** One past the last column of a row holding a formula (0 when none). */
function lastFormulaColumn(cells: readonly (Cell | undefined)[]): number {
  for (let c = cells.length; c > 0; c--) if (cells[c - 1]?.formula !== undefined) return c;
  return 0;
}

/**
 * An engine holding the input, whose sheet ids are the sheets' positions in the spreadsheet (buildFromSheets would
 * order sheets named like numbers first, as object keys are). Every sheet exists before any formula is read, so
 * references between sheets resolve whatever their order.
 */
export function buildEngine(input: EngineInput): HyperFormula {
  const engine = HyperFormula.buildEmpty(ENGINE_CONFIG);
  engine.batch(() => {
    for (const { name } of input.sheets) engine.addSheet(name);
    input.sheets.forEach(({ data }, index) => {
      engine.setSheetContent(index, data);
    });
  });
  return engine;
}

/** Where a formula is, for error messages: "Sheet1!B2". */
export function placeOf(spreadsheet: SpreadsheetModel, f: { sheet: number; row: number; column: number }): string {
  const name = spreadsheet.sheets[f.sheet]?.name ?? "?";
  return `${name}!${a1Of({ row: f.row + 1, column: f.column + 1, numRows: 1, numColumns: 1 })}`;
}

/** Volatile functions: their cells change with the clock alone. */
const VOLATILE = /\b(TODAY|NOW|RAND|RANDBETWEEN)\s*\(/i;

/**
 * The formulas of one spreadsheet. Writes mark it changed; the next read of values (getValues, display values,
 * the last row, pivot tables, validation) evaluates every formula again in one engine built from all sheets, as
 * Sheets recalculates live, and stores each result (and each array result's spilled values) in its cells. A
 * spreadsheet without formulas never builds an engine.
 *
 * TODAY(), NOW() and RAND() are recalculated "on change" (Sheets' default, File > Settings > Calculation,
 * support.google.com/docs/answer/58515) and when the file is looked at afresh: by each execution, or, outside any
 * (a test or the playground looking on), when the clock has moved.
 */
export class WorkbookFormulas {
  private changedSinceEvaluation = true;
  private mayHaveFormulas = false;
  /** When volatile formulas were last evaluated ("execution 12" or "at 1732…"), or null when there are none. */
  private volatileSeen: string | null = null;

  /** `settleInputs` brings up to date the other computed cells formulas may read (pivot tables' output). */
  constructor(
    private readonly spreadsheet: SpreadsheetModel,
    private readonly kernel: Kernel,
    private readonly settleInputs: () => void = () => {},
  ) {}

  /** Who looks at the values now: an execution, or the clock's moment outside executions. */
  private lookedAt(): string {
    const execution = this.kernel.execution;
    return execution ? `execution ${execution.id}` : `at ${this.kernel.now()}`;
  }

  /** Cells, sheets or structure changed. */
  changed(): void {
    this.changedSinceEvaluation = true;
  }

  /** A formula was written (or copied) somewhere in the spreadsheet. */
  formulaWritten(): void {
    this.mayHaveFormulas = true;
    this.changedSinceEvaluation = true;
  }

  /** Whether the spreadsheet may hold formulas (false once an evaluation found none). */
  get present(): boolean {
    return this.mayHaveFormulas;
  }

  /**
   * Brings every formula's value up to date, and first the pivot tables' output they may read (nothing to do when
   * nothing changed and no volatile formula ages).
   */
  settle(): void {
    this.settleInputs();
    if (!this.mayHaveFormulas) return;
    const aged = this.volatileSeen !== null && this.volatileSeen !== this.lookedAt();
    if (!this.changedSinceEvaluation && !aged) return;
    this.changedSinceEvaluation = false;
    this.evaluate(this.kernel.now());
  }

  private evaluate(now: number): void {
    const input = engineInput(this.spreadsheet);
    clearSpills(this.spreadsheet.sheets);
    if (input.formulas.length === 0) {
      this.mayHaveFormulas = false;
      this.volatileSeen = null;
      return;
    }
    const volatile = input.formulas.some((f) => VOLATILE.test(f.cell.formula as string));
    this.volatileSeen = volatile ? this.lookedAt() : null;
    const { locale, timeZone } = this.spreadsheet;
    withClock(clockAt(now, timeZone), () => {
      const engine = buildEngine(input);
      try {
        const spilling = new Set<number>();
        for (const f of input.formulas) {
          const at = { sheet: f.sheet, row: f.row, col: f.column };
          f.cell.value = sheetsValue(engine.getCellValue(at));
          const format = resultFormatOf(engine.getCellValueDetailedType(at), locale);
          if (format === undefined) delete f.cell.resultFormat;
          else f.cell.resultFormat = format;
          if (engine.isCellPartOfArray(at)) spilling.add(f.sheet);
          delete f.cell.notEmulated;
        }
        markNotEmulated(engine, input);
        for (const index of spilling) writeSpills(this.spreadsheet.sheets[index] as SheetModel, engine, index, locale);
      } finally {
        engine.destroy();
      }
    });
  }
}

/**
 * A formula the runtime cannot evaluate, and every formula reading it (directly or through others), is marked:
 * reading its value fails loudly (./grid outputValue) instead of showing a value Sheets would not.
 */
function markNotEmulated(engine: HyperFormula, input: EngineInput): void {
  if (input.notEmulated.size === 0) return;
  const byPlace = new Map(input.formulas.map((f) => [`${f.sheet}:${f.row}:${f.column}`, f]));
  for (const [origin, message] of input.notEmulated) {
    const seen = new Set<string>();
    const queue: (SimpleCellAddress | SimpleCellRange)[] = [
      { sheet: origin.sheet, row: origin.row, col: origin.column },
    ];
    while (queue.length > 0) {
      const at = queue.pop() as SimpleCellAddress | SimpleCellRange;
      const key = JSON.stringify(at);
      if (seen.has(key)) continue;
      seen.add(key);
      if ("row" in at) {
        const f = byPlace.get(`${at.sheet}:${at.row}:${at.col}`);
        if (f && f.cell.notEmulated === undefined) f.cell.notEmulated = message;
      }
      queue.push(...engine.getCellDependents(at));
    }
  }
}

/** Spilled values are recomputed each time: the cells an array result filled are emptied first. */
function clearSpills(sheets: readonly SheetModel[]): void {
  for (const sheet of sheets) {
    for (const cells of sheet.rows) {
      if (!cells) continue;
      for (const cell of cells) {
        if (cell?.spill) {
          cell.value = "";
          delete cell.spill;
          delete cell.resultFormat;
        }
      }
    }
  }
}

/** The values an array formula (=ARRAYFORMULA(…), =FILTER(…), =SEQUENCE(…)) fills in beside and below itself. */
function writeSpills(sheet: SheetModel, engine: HyperFormula, index: number, locale: string): void {
  const values = engine.getSheetValues(index);
  values.forEach((line, r) => {
    line.forEach((value, c) => {
      const at = { sheet: index, row: r, col: c };
      if (value === null || !engine.isCellPartOfArray(at)) return;
      let cells = sheet.rows[r];
      if (!cells) {
        cells = [];
        sheet.rows[r] = cells;
      }
      const cell = cells[c];
      if (cell?.formula !== undefined || (cell && cell.value !== "")) return;
      const spilled: Cell = cell ?? { value: "" };
      spilled.value = sheetsValue(value);
      spilled.spill = true;
      const format = resultFormatOf(engine.getCellValueDetailedType(at), locale);
      if (format !== undefined) spilled.resultFormat = format;
      cells[c] = spilled;
    });
  });
}
