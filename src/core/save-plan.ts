/** What saving one follow-up from the sidebar writes: the new row appended below the table, and the superseded marks of that customer's rows by ./due's rule. */

import type { CellChange } from "./cell-writes";
import type { ColumnKey } from "./columns";
import { customerKey } from "./customer-match";
import { type Day, instantOfLocalTime } from "./dates";
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

/** The new row as a FollowUp, as the rule sees it once written. */
function asFollowUp(input: SaveInput): FollowUp {
  const f = input.followUp;
  return {
    row: input.row,
    id: input.id,
    customer: f.customer,
    customerKey: customerKey(f.customer),
    contact: f.contact,
    contactInfo: f.contactInfo,
    date: f.date,
    method: f.method,
    need: f.need,
    summary: f.summary,
    stage: f.stage,
    nextStep: f.nextStep,
    nextDate: f.nextDate,
    owner: f.owner,
    source: f.source,
    score: f.score === null ? "" : String(f.score),
    notes: f.notes,
    done: false,
    loggedAt: input.now,
    supersededMark: false,
    amount: null,
    expectedClose: null,
  };
}

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
  const dateOf = (day: Day) => new Date(instantOfLocalTime(day, 0, 0, input.timeZone));
  const f = input.followUp;
  const cells: Record<ColumnKey, unknown> = {
    id: input.id,
    customer: f.customer,
    contact: f.contact,
    contactInfo: f.contactInfo,
    date: dateOf(f.date),
    method: f.method,
    need: f.need,
    summary: f.summary,
    stage: f.stage,
    nextStep: f.nextStep,
    nextDate: f.nextDate === null ? "" : dateOf(f.nextDate),
    owner: f.owner,
    source: f.source,
    score: f.score ?? "",
    notes: f.notes,
    done: "",
    loggedAt: new Date(input.now),
    superseded: newRowSuperseded ? true : "",
    // The sidebar's form does not ask for money: a new row leaves these cells blank.
    amount: "",
    expectedClose: "",
  };
  const rowValues: unknown[] = Array(input.width).fill("");
  for (const [key, column] of Object.entries(input.table.positions) as [ColumnKey, number][]) {
    rowValues[column - 1] = cells[key];
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
