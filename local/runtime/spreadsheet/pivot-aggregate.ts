/** Running summaries of one pivot value over the source rows of one pivot cell, computed as Sheets' summarize functions do. */

import type { CellValue } from "./model";
import type { SummarizeFunction } from "./pivot-model";
import { keyOf } from "./pivot-text";

/**
 * One accumulator per (row group, column group, value). Numbers (dates included) feed the numeric
 * functions; text and booleans count for COUNTA and COUNTUNIQUE only, as SUM/COUNT/AVERAGE… skip them
 * in a range. Variance uses Welford's update so totals over 50,000 rows stay exact enough.
 */
export class Summary {
  private countA = 0;
  private count = 0;
  private sum = 0;
  private product = 1;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private mean = 0;
  private m2 = 0;
  private readonly numbers: number[] | null;
  private readonly uniques: Set<string> | null;

  constructor(private readonly fn: SummarizeFunction) {
    this.numbers = fn === "MEDIAN" ? [] : null;
    this.uniques = fn === "COUNTUNIQUE" ? new Set() : null;
  }

  add(value: CellValue): void {
    if (value === "") return;
    this.countA++;
    this.uniques?.add(keyOf(value));
    if (typeof value !== "number") return;
    this.count++;
    this.sum += value;
    this.product *= value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    this.numbers?.push(value);
  }

  /** The summarized value; errors are the texts getValues() returns for error cells. */
  result(): CellValue {
    const n = this.count;
    switch (this.fn) {
      case "SUM":
        return this.sum;
      case "COUNTA":
        return this.countA;
      case "COUNT":
        return n;
      case "COUNTUNIQUE":
        return this.uniques?.size ?? 0;
      case "AVERAGE":
        return n > 0 ? this.sum / n : "#DIV/0!";
      case "MAX":
        return n > 0 ? this.max : 0;
      case "MIN":
        return n > 0 ? this.min : 0;
      case "MEDIAN":
        return n > 0 ? median(this.numbers ?? []) : "#NUM!";
      case "PRODUCT":
        return n > 0 ? this.product : 0;
      case "STDEV":
        return n > 1 ? Math.sqrt(this.m2 / (n - 1)) : "#DIV/0!";
      case "STDEVP":
        return n > 0 ? Math.sqrt(this.m2 / n) : "#DIV/0!";
      case "VAR":
        return n > 1 ? this.m2 / (n - 1) : "#DIV/0!";
      case "VARP":
        return n > 0 ? this.m2 / n : "#DIV/0!";
      case "CUSTOM":
        throw new Error("CUSTOM pivot values (addCalculatedPivotValue) are not emulated");
    }
  }
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
