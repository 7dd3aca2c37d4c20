/** Which pivot tables of a spreadsheet a change may have made stale, and settling them: pivots recompute lazily, each once, before anything can observe their output. */

import type { GridRangeRef, SheetModel, SpreadsheetContext } from "./model";
import { refreshPivotTables } from "./pivot";
import type { StoredPivot } from "./pivot-model";

/** A rectangle on a sheet; Infinity extents reach the end of the sheet, however it grows. */
type Area = GridRangeRef;

function meets(a: Area, b: Area): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

/** Everything right of and below the anchor: where the pivot's output is, or may grow to, once recomputed. */
function territoryOf(pivot: StoredPivot): Area {
  return { ...pivot.anchor, numRows: Number.POSITIVE_INFINITY, numColumns: Number.POSITIVE_INFINITY };
}

/**
 * The cells an up-to-date pivot's next render depends on besides its source: its output (a value typed over it
 * blocks it), or its territory when it shows #REF! (the rectangle it would fill is unknown), or its anchor alone
 * when it has nothing to show yet.
 */
function footprintOf(pivot: StoredPivot): Area {
  const { output, written } = pivot;
  if (!output) return { ...pivot.anchor, numRows: 1, numColumns: 1 };
  const blocked = written?.length === 1 && written[0]?.length === 1 && written[0][0] === "#REF!";
  return blocked ? territoryOf(pivot) : output;
}

/** Every pivot table of the spreadsheet, in sheet order. */
function pivotsOf(ctx: SpreadsheetContext): StoredPivot[] {
  return ctx.spreadsheet.sheets.flatMap((sheet) => sheet.pivotTables as StoredPivot[]);
}

/**
 * The stale pivot tables of one spreadsheet. Sheets recomputes a pivot whenever its source changes; the runtime
 * instead marks the pivots a write may affect and renders them when something could see the difference: a read of
 * cells or of a sheet's size, a write into a stale pivot's territory, a structural change (./workbook). Marks
 * spread along chains: a pivot whose source lies in a stale pivot's territory is stale too. Until then a stale
 * pivot's cells keep its last output, which nothing outside the runtime can read.
 */
export class StalePivots {
  private readonly stale = new Set<StoredPivot>();
  private settling = false;

  constructor(private readonly ctx: SpreadsheetContext) {}

  private mark(pivot: StoredPivot): void {
    if (this.stale.has(pivot)) return;
    this.stale.add(pivot);
    const territory = territoryOf(pivot);
    for (const reader of pivotsOf(this.ctx)) if (meets(reader.source, territory)) this.mark(reader);
  }

  /** Every pivot may be affected (rows or columns moved, locale or zone changed, formulas may read anything). */
  markAll(): void {
    for (const pivot of pivotsOf(this.ctx)) this.mark(pivot);
  }

  /** Values of `area` changed: the pivots reading it, and those whose output it overwrites or unblocks. */
  valuesChanged(area: Area): void {
    for (const pivot of pivotsOf(this.ctx)) {
      if (meets(area, pivot.source) || meets(area, footprintOf(pivot))) this.mark(pivot);
    }
  }

  /** Cells of `area` changed in a way only the pivots reading it see (formats; a pivot's own output rewritten). */
  sourceChanged(area: Area): void {
    for (const pivot of pivotsOf(this.ctx)) if (meets(area, pivot.source)) this.mark(pivot);
  }

  /** Whether a stale pivot's output may lie in `area` (or grow into it). */
  reaches(area: Area): boolean {
    for (const pivot of this.stale) if (meets(area, territoryOf(pivot))) return true;
    return false;
  }

  /** Whether a stale pivot is anchored on `sheet` (its output may change the sheet's cells and size). */
  anchoredOn(sheet: SheetModel): boolean {
    for (const pivot of this.stale) if (pivot.anchor.sheetId === sheet.id) return true;
    return false;
  }

  /**
   * Renders the stale pivots in sheet order, each once, after the formulas they may read are evaluated
   * (`settleFormulas`). A pivot whose source an earlier one rewrites is rendered after it in the same pass, or in
   * the next pass when it comes first; passes stop after one per pivot, which only a cycle of pivots reading each
   * other's output reaches (they keep their last output [UNCONFIRMED: what Sheets shows for such a cycle]).
   */
  settle(settleFormulas: () => void): void {
    if (this.settling || this.stale.size === 0) return;
    this.settling = true;
    try {
      const live = new Set(pivotsOf(this.ctx));
      for (let pass = 0; pass < live.size && this.stale.size > 0; pass++) {
        // Marks of removed pivots are dropped; a pivot's turn takes its mark.
        for (const pivot of this.stale) if (!live.has(pivot)) this.stale.delete(pivot);
        settleFormulas();
        refreshPivotTables(this.ctx, (pivot) => this.stale.delete(pivot));
      }
    } finally {
      this.stale.clear();
      this.settling = false;
    }
  }
}
