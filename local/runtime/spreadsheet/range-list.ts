/**
 * The RangeList class of the emulated service (developers.google.com/apps-script/reference/spreadsheet/range-list):
 * one or more ranges of one sheet, changed together in one service call.
 */

import { signatureError } from "./errors";
import { FakeRange } from "./range";
import type { Workbook } from "./workbook";

type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

type RangeListMethods =
  | "getRanges"
  | "setValue"
  | "clear"
  | "clearContent"
  | "clearFormat"
  | "clearDataValidations"
  | "setNumberFormat"
  | "setFontWeight"
  | "setBackground"
  | "check"
  | "uncheck"
  | "activate";

/** Range.clear's options (the subset this runtime reads). */
type ClearOptions = Parameters<FakeRange["clear"]>[0];

type RangeConstructor = new (...args: ConstructorParameters<typeof FakeRange>) => FakeRange;
let ListedRange: RangeConstructor | null = null;

/**
 * A range of the list that runs Range's own code for a RangeList method, so each range behaves exactly as the
 * same call on the Range would (user-entered parsing, checks, protection, validation), but is not counted: the
 * RangeList call is counted once, with the cells of all its ranges. Its errors name RangeList.
 * The class is made on first use: range.ts imports this module's importers (spreadsheet.ts → sheet.ts), so
 * FakeRange may not be defined yet while this module loads.
 */
function listed(range: FakeRange): FakeRange {
  ListedRange ??= class extends FakeRange {
    protected override get className(): string {
      return "RangeList";
    }

    protected override call(): void {
      // Counted by the RangeList method instead.
    }
  };
  return new ListedRange(range.workbook, range.sheet, range.row, range.column, range.numRows, range.numColumns);
}

export class FakeRangeList implements Pick<RangeList, RangeListMethods> {
  constructor(
    readonly workbook: Workbook,
    private readonly ranges: readonly FakeRange[],
  ) {}

  private self(): RangeList {
    return this as unknown as RangeList;
  }

  private get cells(): number {
    return this.ranges.reduce((sum, r) => sum + r.numRows * r.numColumns, 0);
  }

  /** Counts one call of `method` writing the cells of every range. */
  private countWrite(method: string): void {
    this.workbook.call(`RangeList.${method}`, { cellsWritten: this.cells });
  }

  /**
   * Runs `apply` on each range in the list's order. A refusal (protection, validation) stops at that range and
   * leaves the earlier ones written [UNCONFIRMED: Apps Script may apply the list atomically; the partial write is
   * the stricter model, since a caller then has to cope with both]. Argument errors come from the first range,
   * before anything is written.
   */
  private applyEach(apply: (range: FakeRange) => void): RangeList {
    this.workbook.batchChanges(() => {
      for (const range of this.ranges) apply(listed(range));
    });
    return this.self();
  }

  /** One counted call, then `apply` on each range. */
  private eachWriting(method: string, apply: (range: FakeRange) => void): RangeList {
    this.countWrite(method);
    return this.applyEach(apply);
  }

  /** The ranges in the order of the A1 notations they were got with (overlaps and repeats kept). */
  getRanges(): Range[] {
    this.workbook.call("RangeList.getRanges");
    return this.ranges.map(
      (r) => this.workbook.range(r.sheet, r.row, r.column, r.numRows, r.numColumns) as unknown as Range,
    );
  }

  /** Range.setValue(value) on every range: strings as typed ("=…" a formula, "'…" text), Dates, booleans, numbers. */
  setValue(...args: unknown[]): RangeList {
    return this.eachWriting("setValue", (range) => range.setValue(...args));
  }

  /**
   * clear() removes contents, formats and data validation rules, as the reference says for RangeList (unlike
   * Range.clear(), which keeps validation here); options pick parts as Range.clear(options) does. Options that
   * pick nothing clear what clear() clears [UNCONFIRMED]; a non-object is refused (stricter).
   */
  clear(...args: unknown[]): RangeList {
    this.countWrite("clear");
    const [options] = args;
    if (args.length > 1 || (args.length === 1 && (typeof options !== "object" || options === null)))
      throw signatureError(this.workbook.kernel, "RangeList.clear", args);
    const picked = (options ?? {}) as NonNullable<ClearOptions>;
    const { contentsOnly, formatOnly, validationsOnly, commentsOnly } = picked;
    const picksSome = [contentsOnly, formatOnly, validationsOnly, commentsOnly].some((flag) => flag === true);
    const what = picksSome ? picked : { contentsOnly: true, formatOnly: true, validationsOnly: true };
    return this.applyEach((range) => range.clear(what));
  }

  /** Values and formulas go; formats, notes and data validation stay (Range.clearContent). */
  clearContent(): RangeList {
    return this.eachWriting("clearContent", (range) => range.clearContent());
  }

  clearFormat(): RangeList {
    return this.eachWriting("clearFormat", (range) => range.clearFormat());
  }

  clearDataValidations(): RangeList {
    return this.eachWriting("clearDataValidations", (range) => range.clearDataValidations());
  }

  setNumberFormat(numberFormat: string): RangeList {
    return this.eachWriting("setNumberFormat", (range) => range.setNumberFormat(numberFormat));
  }

  setFontWeight(fontWeight: string | null): RangeList {
    return this.eachWriting("setFontWeight", (range) => range.setFontWeight(fontWeight));
  }

  setBackground(color: string | null): RangeList {
    return this.eachWriting("setBackground", (range) => range.setBackground(color));
  }

  /** Cells holding neither of their checkbox's values, or no checkbox, are left alone (Range.check). */
  check(): RangeList {
    return this.eachWriting("check", (range) => range.check());
  }

  uncheck(): RangeList {
    return this.eachWriting("uncheck", (range) => range.uncheck());
  }

  /**
   * "The last range in the list is set as the active range" (reference); the runtime keeps no multi-range
   * selection, so the active range is all that changes.
   */
  activate(): RangeList {
    this.workbook.call("RangeList.activate");
    const last = this.ranges[this.ranges.length - 1];
    if (last) listed(last).activate();
    return this.self();
  }
}
