/** The columns of the Follow-ups sheet the hourly run reads: those whose cells the digests, the rule of due, the owners, the pool or the customer index look at; the team's own columns and the rest are never read by it. */

import { COLUMNS, type ColumnKey, type ColumnPositions } from "./columns";

/**
 * Per registered column, whether the hourly run reads it and who needs it; a column added to ./columns needs an entry
 * here. A column not read holds blank fields in the follow-ups the run reads (../gas reads its cells only in the rows
 * `rowsToReadWhole` names), and its cells' problems are not found: none may be one a digest tells the admins of.
 */
const READ_HOURLY: Readonly<Record<ColumnKey, boolean>> = {
  /** A digest item's id and the index's due follow-up; hand-overs are row ids (./customers). */
  id: true,
  customer: true,
  /** A digest item's contact and the index's, each the customer's latest known (./customers customerContacts). */
  contact: true,
  contactInfo: true,
  /** ./due's order of rows, staleness (./pool), the cadence's next date. */
  date: true,
  /** The weekly review's only. */
  method: false,
  /** The index's customer summary (the sidebar's autocomplete). */
  need: true,
  /** A digest item's last follow-up. */
  summary: true,
  stage: true,
  /** A digest item's next step, and the next date written in it. */
  nextStep: true,
  nextDate: true,
  owner: true,
  /** Adoption's and the review's only. */
  source: false,
  /** The cadence's next date by intent grade (./cadence). */
  score: true,
  notes: false,
  /** ./due's done mark; a mark that means nothing is told to the admins. */
  done: true,
  /** ./due's order of rows after the follow-up date. */
  loggedAt: true,
  /** The sheet's copy of what ./due decides from the rows: Sync and saves keep it, nothing reminds by it. */
  superseded: false,
  /** The weekly review's only; an amount that is none is reported by Sync, not in a digest. */
  amount: false,
  /** Its value is the review's, but a date that is none is told to the admins in their digest, like every date's. */
  expectedClose: true,
};

/** The sheet columns (1-based, ascending) the hourly run reads of a table whose columns are at `positions`. */
export function hourlyColumns(positions: ColumnPositions): number[] {
  return COLUMNS.flatMap(({ key }) => {
    const column = positions[key];
    return READ_HOURLY[key] && column !== undefined ? [column] : [];
  }).sort((a, b) => a - b);
}
