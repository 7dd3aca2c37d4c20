/** The names a manager acts on: the customers won and lost last week and those going stale, the first few of each, each linked to its row. */

import { fill, translator } from "../i18n/translate";
import { type Day, isoOfDay } from "./dates";
import type { Agenda } from "./due";
import type { FollowUp } from "./follow-ups";
import type { Language } from "./language";
import type { ReviewBlock } from "./review-block";
import { customerAmounts } from "./review-funnel";
import { reviewBasis, reviewedMonday, reviewWeek, staleCustomers } from "./review-weeks";
import { type Settings, stageNameIn } from "./settings";

/** How many customers each list names. */
export const TOP_NAMES = 10;

/** A customer as the lists name it: its latest row. */
export interface NamedCustomer {
  customer: string;
  owner: string;
  /** As typed in the sheet (shown in the reader's language by `stageNameIn`). */
  stage: string;
  /** The customer's amount (./review-funnel), null when none was typed. */
  amount: number | null;
  /** yyyy-mm-dd of the latest follow-up. */
  lastFollowUp: string;
  /** Days since the latest follow-up. */
  days: number;
  /** Opens the customer's latest row. */
  link: string;
}

export interface CustomerList {
  /** At most `TOP_NAMES`. */
  items: NamedCustomer[];
  /** How many customers the list has in all. */
  total: number;
}

export interface CustomerLists {
  /** Won (lost) last week, the largest amounts first. */
  won: CustomerList;
  lost: CustomerList;
  /** Open with no follow-up for the Settings stale days or more, the longest-forgotten first. */
  stale: CustomerList;
}

/** The lists as of `today` (the spreadsheet's day), the week being the last complete week before it. */
export function customerLists(
  followUps: readonly FollowUp[],
  agenda: Agenda,
  today: Day,
  link: (row: number) => string,
): CustomerLists {
  const basis = reviewBasis(followUps, agenda);
  const week = reviewWeek(basis, reviewedMonday(today));
  const amounts = customerAmounts(followUps);
  const named = (f: FollowUp): NamedCustomer => ({
    customer: f.customer,
    owner: f.owner,
    stage: f.stage,
    amount: amounts.get(f.customerKey) ?? null,
    lastFollowUp: isoOfDay(f.date as Day),
    days: today - (f.date as Day),
    link: link(f.row),
  });
  const largestFirst = (rows: readonly FollowUp[]) =>
    rows.map(named).sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1) || a.customer.localeCompare(b.customer));
  const list = (items: NamedCustomer[]): CustomerList => ({ items: items.slice(0, TOP_NAMES), total: items.length });
  return {
    won: list(largestFirst(week.won)),
    lost: list(largestFirst(week.lost)),
    stale: list(staleCustomers(basis, today).map(named)),
  };
}

/** The lists' columns, in order. */
const LIST_COLUMNS = ["customer", "owner", "stage", "amount", "lastFollowUp", "days", "link"] as const;

/**
 * The lists block of the review sheet in `language`: for each list a title with its count, a header and its customers
 * (or "none"), each with the link that opens its row; amounts show as money.
 */
export function listsBlock(lists: CustomerLists, settings: Settings, language: Language): ReviewBlock {
  const t = translator(language);
  const grid: ReviewBlock["grid"] = [];
  const formats: ReviewBlock["formats"] = [];
  const width = LIST_COLUMNS.length;
  const line = (first: string) => [first, ...Array<string>(width - 1).fill("")];
  for (const which of ["won", "lost", "stale"] as const) {
    const { items, total } = lists[which];
    grid.push(
      line(fill(t(`review.list.${which}`), { total, shown: items.length, days: settings.staleDays })),
      LIST_COLUMNS.map((column) => t(`review.list.column.${column}`)),
    );
    if (items.length === 0) grid.push(line(t("review.list.none")));
    else
      formats.push({
        row: grid.length,
        column: LIST_COLUMNS.indexOf("amount"),
        height: items.length,
        width: 1,
        format: "money",
      });
    for (const item of items) {
      grid.push([
        item.customer,
        item.owner,
        stageNameIn(settings, item.stage, language),
        item.amount ?? "",
        item.lastFollowUp,
        item.days,
        // A URL alone in a cell is a link in Sheets (a HYPERLINK formula would make every later read recalculate).
        item.link,
      ]);
    }
    grid.push(line(""));
  }
  return { grid: grid.slice(0, -1), formats };
}
