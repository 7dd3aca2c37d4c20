/** Draws a sheet as Sheets shows it: column letters, row numbers, frozen header rows, cell formats, dropdown and checkbox cells, rule colours. */

import type { CellView, SheetView } from "../view-types";

const ROW_HEIGHT = 22;
const ROW_NUMBER_WIDTH = 40;

export function renderGrid(container: HTMLElement, sheet: SheetView): void {
  const table = document.createElement("table");
  table.dataset.sheet = sheet.name;
  const columns = document.createElement("colgroup");
  columns.append(col(ROW_NUMBER_WIDTH), ...sheet.columnWidths.map(col));
  const letters = document.createElement("tr");
  letters.className = "letters";
  letters.append(document.createElement("th"), ...sheet.columnWidths.map((_, c) => header(columnLetter(c + 1))));
  const head = document.createElement("thead");
  head.append(letters);
  const body = document.createElement("tbody");
  sheet.rows.forEach((cells, r) => {
    const row = document.createElement("tr");
    row.dataset.row = String(r + 1);
    if (r < sheet.frozenRows) {
      row.className = "frozen";
      row.style.setProperty("--top", `${ROW_HEIGHT * (r + 1)}px`);
    }
    row.append(header(String(r + 1)), ...cells.map(cell));
    body.append(row);
  });
  table.append(columns, head, body);
  container.replaceChildren(table);
}

function col(width: number): HTMLTableColElement {
  const element = document.createElement("col");
  element.style.width = `${width}px`;
  return element;
}

function header(text: string): HTMLTableCellElement {
  const element = document.createElement("th");
  element.textContent = text;
  return element;
}

function cell(view: CellView): HTMLTableCellElement {
  const element = document.createElement("td");
  element.textContent = view.text;
  element.title = view.text;
  if (view.background) element.style.background = view.background;
  if (view.color) element.style.color = view.color;
  if (view.bold) element.style.fontWeight = "bold";
  if (view.align) element.style.textAlign = view.align;
  if (view.wrap) element.classList.add("wrap");
  if (view.checkbox) element.classList.add("checkbox");
  if (view.dropdown) element.classList.add("dropdown");
  if (view.rule !== undefined) element.dataset.rule = String(view.rule);
  return element;
}

function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
