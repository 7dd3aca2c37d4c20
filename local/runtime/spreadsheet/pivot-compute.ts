/**
 * Computes the cells of a pivot table from its source, laid out as Google Sheets lays them out.
 *
 * Layout, after the Sheets API reference (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/pivot-tables#PivotGroup,
 * `label` and `repeatHeadings`), for rows Region, columns Product, one value:
 *
 *     | SUM of Units | Product |       |             |
 *     | Region       | Pen     | Paper | Grand Total |
 *     | New York     |     345 |    98 |         443 |
 *     | Grand Total  |    1110 |   636 |        1746 |
 *
 * - No column group: one header row, row-group labels then value names ("Region | SUM of Units | COUNTA of Item").
 * - Column groups: the top-left cell holds the value name when there is one value; the column-group labels
 *   run along the first row from the first data column; each column group's values fill the next row; the
 *   row-group labels sit on the last header row. With several values, one more header row names them under
 *   every column. [UNCONFIRMED: placement with several column groups or values; the reference shows one of each.]
 * - Outer group labels show once per block (repeatHeadings false). Totals: a group with showTotals adds a
 *   "<value> Total" row/column after each of its blocks (when it is not the innermost group), and the first
 *   group's showTotals adds "Grand Total" [UNCONFIRMED: the reference only says "include the totals for this grouping"].
 * - A combination with no source rows is a blank cell; totals apply the function to all their rows (COUNTUNIQUE
 *   counts distinct values over the whole block, not a sum of subtotals).
 * - Values as rows (setValuesDisplayOrientation(ROWS), several values): a "Values" column after the row groups
 *   names each value on its own line [UNCONFIRMED].
 * Work is O(source rows × (row groups + 1) × (column groups + 1) × values).
 */

import type { CellValue, SheetModel } from "./model";
import { Summary } from "./pivot-aggregate";
import { criteriaAccepts } from "./pivot-filter";
import type { PivotGroupModel, PivotValueModel, StoredPivot } from "./pivot-model";
import {
  cellAt,
  collatorFor,
  compareGroupValues,
  displayText,
  keyOf,
  pivotLabels,
  type SourceCell,
} from "./pivot-text";

/** The computed rectangle: values and, where a cell needs one, its number format. */
export interface PivotGrid {
  cells: CellValue[][];
  formats: Map<string, string>;
}

interface GroupNode {
  value: CellValue;
  format: string | undefined;
  depth: number;
  parent: GroupNode | null;
  children: Map<string, GroupNode>;
}

interface AxisItem {
  kind: "leaf" | "subtotal" | "grand";
  node: GroupNode;
}

const PERCENT_FORMAT = "0.00%"; // [UNCONFIRMED] the pattern Sheets shows "% of total" values with

function newNode(cell: SourceCell, parent: GroupNode | null): GroupNode {
  return { value: cell.value, format: cell.format, depth: parent ? parent.depth + 1 : 0, parent, children: new Map() };
}

/** The nodes from the root to the leaf of one source row's group values, created on first sight. */
function pathOf(root: GroupNode, cells: SourceCell[]): GroupNode[] {
  const path = [root];
  let node = root;
  for (const cell of cells) {
    const key = keyOf(cell.value);
    let child = node.children.get(key);
    if (!child) {
      child = newNode(cell, node);
      node.children.set(key, child);
    }
    path.push(child);
    node = child;
  }
  return path;
}

/** Rows (or columns) of the output in order: leaves, subtotals after their block, the grand total last. */
function axisItems(root: GroupNode, groups: PivotGroupModel[], collator: Intl.Collator): AxisItem[] {
  if (groups.length === 0) return [{ kind: "grand", node: root }];
  const items: AxisItem[] = [];
  const walk = (node: GroupNode) => {
    const group = groups[node.depth] as PivotGroupModel;
    const children = [...node.children.values()].sort((a, b) =>
      compareGroupValues(a.value, b.value, collator, group.ascending),
    );
    for (const child of children) {
      if (child.depth === groups.length) {
        items.push({ kind: "leaf", node: child });
        continue;
      }
      walk(child);
      if (group.showTotals) items.push({ kind: "subtotal", node: child });
    }
  };
  walk(root);
  if ((groups[0] as PivotGroupModel).showTotals) items.push({ kind: "grand", node: root });
  return items;
}

/** The group nodes of a leaf whose labels show: those that start a new block (repeated labels hidden). */
function newLabels(item: AxisItem, last: GroupNode[]): GroupNode[] {
  if (item.kind !== "leaf") return [];
  const chain: GroupNode[] = [];
  for (let n: GroupNode | null = item.node; n?.parent; n = n.parent) chain.unshift(n);
  return chain.filter((node, k) => {
    if (last[k] === node) return false;
    last[k] = node;
    return true;
  });
}

/** The cells of a pivot, or null when it has no groups and no values (Sheets then shows nothing). */
export function computePivot(
  pivot: StoredPivot,
  source: SheetModel,
  locale: string,
  timeZone: string,
): PivotGrid | null {
  const { rowGroups, columnGroups, values, filters } = pivot;
  if (rowGroups.length + columnGroups.length + values.length === 0) return null;
  const rowRoot = newNode({ value: "", format: undefined }, null);
  const colRoot = newNode({ value: "", format: undefined }, null);
  const table = new Map<GroupNode, Map<GroupNode, Summary[]>>();
  const { row: top, numRows } = pivot.source;
  for (let r = top + 1; r < top + numRows; r++) {
    if (!filters.every((f) => criteriaAccepts(f.criteria, cellAt(source, r, f.sourceColumn), timeZone))) continue;
    const rowPath = pathOf(
      rowRoot,
      rowGroups.map((g) => cellAt(source, r, g.sourceColumn)),
    );
    const colPath = pathOf(
      colRoot,
      columnGroups.map((g) => cellAt(source, r, g.sourceColumn)),
    );
    const cells = values.map((v) => cellAt(source, r, v.sourceColumn).value);
    for (const rowNode of rowPath) {
      const byColumn = table.get(rowNode) ?? new Map<GroupNode, Summary[]>();
      table.set(rowNode, byColumn);
      for (const colNode of colPath) {
        const summaries = byColumn.get(colNode) ?? values.map((v) => new Summary(v.summarizeFunction));
        byColumn.set(colNode, summaries);
        for (let i = 0; i < summaries.length; i++) (summaries[i] as Summary).add(cells[i] as CellValue);
      }
    }
  }

  const labels = pivotLabels(locale);
  const header = (column: number) => displayText(cellAt(source, top, column));
  const groupName = (g: PivotGroupModel) => g.displayName ?? header(g.sourceColumn);
  const valueName = (v: PivotValueModel) =>
    v.displayName ?? labels.valueName(v.summarizeFunction, header(v.sourceColumn));
  const summaryOf = (rowNode: GroupNode, colNode: GroupNode, i: number): CellValue =>
    table.get(rowNode)?.get(colNode)?.[i]?.result() ?? "";

  const collator = collatorFor(locale);
  const rowItems = axisItems(rowRoot, rowGroups, collator);
  const colItems = axisItems(colRoot, columnGroups, collator);
  const R = rowGroups.length;
  const C = columnGroups.length;
  const V = values.length;
  const valuesOnRows = pivot.valuesOrientation === "ROWS" && V > 1;
  const ownLabelCols = R + (valuesOnRows ? 1 : 0);
  const labelCols = C > 0 ? Math.max(ownLabelCols, 1) : ownLabelCols;
  const slots = valuesOnRows ? 1 : C > 0 ? Math.max(V, 1) : V;
  const valueNameRow = C > 0 && !valuesOnRows && V > 1;
  const headerRows = C === 0 ? 1 : C + 1 + (valueNameRow ? 1 : 0);
  const lines = valuesOnRows ? V : 1;
  const width = Math.max(labelCols + colItems.length * slots, C > 0 ? labelCols + C : 1);
  const height = headerRows + rowItems.length * lines;
  const cells: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(""));
  const formats = new Map<string, string>();
  const put = (y: number, x: number, value: CellValue, format?: string) => {
    (cells[y] as CellValue[])[x] = value;
    if (format !== undefined && typeof value === "number") formats.set(`${y},${x}`, format);
  };
  const putLabel = (y: number, x: number, node: GroupNode) => put(y, x, node.value, node.format);
  const totalLabel = (node: GroupNode) => labels.subtotal(displayText(node));

  const lastHeader = headerRows - 1;
  if (C > 0 && V === 1) put(0, 0, valueName(values[0] as PivotValueModel));
  for (const [k, g] of columnGroups.entries()) put(0, labelCols + k, groupName(g));
  for (const [k, g] of rowGroups.entries()) put(lastHeader, k, groupName(g));
  if (valuesOnRows) put(lastHeader, R, "Values");
  const lastColumnLabels: GroupNode[] = [];
  for (const [j, item] of colItems.entries()) {
    const x = labelCols + j * slots;
    for (const node of newLabels(item, lastColumnLabels)) putLabel(node.depth, x, node);
    if (item.kind === "subtotal") put(item.node.depth, x, totalLabel(item.node));
    if (item.kind === "grand" && C > 0) put(1, x, labels.grandTotal);
    const namesRow = C === 0 ? 0 : valueNameRow ? lastHeader : -1;
    if (valuesOnRows || namesRow < 0) continue;
    for (const [s, v] of values.entries()) put(namesRow, x + s, valueName(v));
  }

  const shown = (rowNode: GroupNode, colNode: GroupNode, i: number): [CellValue, string?] => {
    const raw = summaryOf(rowNode, colNode, i);
    const type = (values[i] as PivotValueModel).displayType;
    if (type === "DEFAULT" || typeof raw !== "number") return [raw];
    const whole =
      type === "PERCENT_OF_ROW_TOTAL"
        ? summaryOf(rowNode, colRoot, i)
        : type === "PERCENT_OF_COLUMN_TOTAL"
          ? summaryOf(rowRoot, colNode, i)
          : summaryOf(rowRoot, colRoot, i);
    return typeof whole === "number" && whole !== 0 ? [raw / whole, PERCENT_FORMAT] : ["#DIV/0!"];
  };

  const lastRowLabels: GroupNode[] = [];
  let y = headerRows;
  for (const item of rowItems) {
    for (const node of newLabels(item, lastRowLabels)) putLabel(y, node.depth - 1, node);
    if (item.kind === "subtotal") put(y, item.node.depth - 1, totalLabel(item.node));
    if (item.kind === "grand" && R > 0) put(y, 0, labels.grandTotal);
    for (let line = 0; line < lines; line++, y++) {
      if (valuesOnRows) put(y, R, valueName(values[line] as PivotValueModel));
      if (V === 0) continue;
      for (const [j, colItem] of colItems.entries()) {
        for (let s = 0; s < slots; s++) {
          const [value, format] = shown(item.node, colItem.node, valuesOnRows ? line : s);
          put(y, labelCols + j * slots + s, value, format);
        }
      }
    }
  }
  return { cells, formats };
}
