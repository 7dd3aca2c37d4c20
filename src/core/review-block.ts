/** A block of the review sheet as the core lays it out: its cells, and which of them show money or a percentage. */

/** How a range of a block is shown: a share as 33%, money as ¥12,000 (the gas side picks the currency's format). */
export type BlockFormat = "percent" | "money";

/** A rectangle of a block (0-based from the block's top-left cell) shown in one format. */
export interface FormattedRange {
  row: number;
  column: number;
  height: number;
  width: number;
  format: BlockFormat;
}

export interface ReviewBlock {
  /** Rows of cells; text is user or message text (written literally), numbers stay numbers, "" is empty. */
  grid: (string | number | boolean)[][];
  formats: FormattedRange[];
}
