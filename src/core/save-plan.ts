/** What saving one follow-up from the sidebar writes: the new row appended below the table, and the superseded marks of that customer's rows by ./due's rule. */

import type { CellChange } from "./cell-writes";
import { type ByKind, COLUMNS, type ColumnKey, type ColumnKind, columnFields } from "./columns";
import { customerKey } from "./customer-match";
import { instantOfLocalTime } from "./dates";
import { agendaOf } from "./due";
import type { ValidFollowUp } from "./follow-up-form";
import type { FollowUp, RowProblem } from "./follow-ups";
import type { Settings } from "./settings";
import { changeOf, type TableCells } from "./sync-plan";

export interface SaveInput {
  table: TableCells;
  /** The follow-ups read from the table, with the problems found. */
  followUps: readonly FollowUp[];
  problems: readonly RowProblem[];
  settings: Settings;
  followUp: ValidFollowUp;
  /** The sheet row the new follow-up goes to (below the last row). */
  row: number;
  id: string;
  /** Epoch ms: the new row's logged-at time. */
  now: number;
  /** Width of the row to write (the sheet's used columns). */
  width: number;
  timeZone: string;
}

export interface SavePlan {
  /** The new row's cells from column A, as values (text still to be stored literally by the writer). */
  rowValues: unknown[];
  /** Superseded marks of the customer's earlier rows, in the add-on's own column only. */
  changes: CellChange[];
  /** Earlier rows of the customer the new follow-up supersedes. */
  supersededRows: number[];
  /** The new row is itself older than one of the customer's rows (a backdated follow-up). */
  newRowSuperseded: boolean;
}

/** The form's value for a column, when the form has that field. */
function formValue(form: ValidFollowUp, key: ColumnKey): unknown {
  return (form as Partial<Record<ColumnKey, unknown>>)[key];
}

/** A form value as the text a follow-up read from the sheet holds (a score of 4 is "4"; none is ""). */
function formText(key: ColumnKey, input: SaveInput): string {
  const value = formValue(input.followUp, key);
  return value === null || value === undefined ? "" : String(value);
}

/** A form value that is a number (a day, an amount), or null. */
function formNumber(key: ColumnKey, input: SaveInput): number | null {
  const value = formValue(input.followUp, key);
  return typeof value === "number" ? value : null;
}

/** The new row's fields by column kind, as the rule sees them once written: the form's, and the add-on's own. */
const AS_READ: ByKind<SaveInput> = {
  id: (_, input) => input.id,
  text: formText,
  date: formNumber,
  timestamp: (_, input) => input.now,
  stage: formText,
  method: formText,
  owner: formText,
  source: formText,
  score: formText,
  done: () => false,
  superseded: () => false,
  amount: formNumber,
};

/** The new row as a FollowUp, as the rule sees it once written. */
function asFollowUp(input: SaveInput): FollowUp {
  return {
    row: input.row,
    ...columnFields(AS_READ, input),
    customerKey: customerKey(input.followUp.customer),
  };
}

/** What the new row's cells are made from: the save, and whether the rule marks the new row itself superseded. */
interface NewRow {
  input: SaveInput;
  superseded: boolean;
}

/** The form's value for a column as a cell holds it: as given (the writer makes text literal), blank when none. */
const formCell = (key: ColumnKey, { input }: NewRow): unknown => formValue(input.followUp, key) ?? "";

/**
 * The new row's cell in a column of each kind: the form's value when the form has that field (a date at midnight of
 * the spreadsheet's zone), blank when not; the add-on's id, stamp and superseded mark; the done cell left blank.
 */
const CELLS: Readonly<Record<ColumnKind, (key: ColumnKey, row: NewRow) => unknown>> = {
  id: (_, { input }) => input.id,
  text: formCell,
  date: (key, { input }) => {
    const day = formNumber(key, input);
    return day === null ? "" : new Date(instantOfLocalTime(day, 0, 0, input.timeZone));
  },
  timestamp: (_, { input }) => new Date(input.now),
  stage: formCell,
  method: formCell,
  owner: formCell,
  source: formCell,
  score: formCell,
  done: () => "",
  superseded: (_, row) => (row.superseded ? true : ""),
  amount: formCell,
};

/**
 * The save of one follow-up: its row, and the superseded marks the rule gives the customer's rows once it is in the
 * table (latest by follow-up date, then logged-at): a backdated follow-up does not supersede a newer one, it is
 * superseded itself. Only this customer's marks change; the rest of the table is Sync's.
 */
export function planSave(input: SaveInput): SavePlan {
  const added = asFollowUp(input);
  const agenda = agendaOf([...input.followUps, added], input.problems, input.settings, input.now);
  const sameCustomer = input.followUps.filter((f) => f.customerKey !== "" && f.customerKey === added.customerKey);
  const marked = input.table.positions.superseded !== undefined;
  const changes = !marked
    ? []
    : sameCustomer
        .filter((f) => agenda.superseded.has(f.row) !== f.supersededMark)
        .map((f) => changeOf(input.table, f.row, "superseded", agenda.superseded.has(f.row) ? true : ""));
  const newRowSuperseded = agenda.superseded.has(input.row);
  const row: NewRow = { input, superseded: newRowSuperseded };
  const rowValues: unknown[] = Array(input.width).fill("");
  for (const spec of COLUMNS) {
    const column = input.table.positions[spec.key];
    if (column !== undefined) rowValues[column - 1] = CELLS[spec.kind](spec.key, row);
  }
  return {
    rowValues,
    changes,
    supersededRows: marked
      ? sameCustomer.filter((f) => agenda.superseded.has(f.row) && !f.supersededMark).map((f) => f.row)
      : [],
    newRowSuperseded,
  };
}
