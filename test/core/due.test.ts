/** Tests of src/core/due: what a done cell means, which rows a newer follow-up supersedes, and SPEC's open / overdue / due-today / upcoming. */

import { dayFromYmd } from "../../src/core/dates";
import {
  agendaOf,
  asSyncOrders,
  DONE_TEXTS,
  doneMarkOf,
  dueOf,
  isNewer,
  isOpen,
  latestByCustomer,
  NOT_DONE_TEXTS,
  stateOf,
} from "../../src/core/due";
import type { FollowUp, RowProblem } from "../../src/core/follow-ups";
import { defaultSettings } from "../../src/core/settings";
import { followUpOf } from "../fixtures/follow-up";

const settings = defaultSettings("zh");
const today = dayFromYmd(2026, 11, 27);

/** A follow-up of 上海某科技 (or of the customer key given), stamped at t=1000 unless said otherwise. */
const followUp = (fields: Partial<FollowUp>): FollowUp => followUpOf({ loggedAt: 1_000, ...fields });

/** The agenda of some rows and the state of each. */
function states(rows: FollowUp[], problems: RowProblem[] = []): string[] {
  const agenda = agendaOf(rows, problems, settings);
  return rows.map((f) => stateOf(agenda, f));
}

describe("due", () => {
  describe("doneMarkOf", () => {
    it.each([
      [true, "done"],
      [false, "notDone"],
      ["TRUE", "done"],
      ["false", "notDone"],
      ["是", "done"],
      ["否", "notDone"],
      ["已完成", "done"],
      ["未完成", "notDone"],
      ["Yes", "done"],
      ["NO", "notDone"],
      ["y", "done"],
      ["N", "notDone"],
      ["Done", "done"],
      ["✓", "done"],
      ["√", "done"],
      ["×", "notDone"],
      [1, "done"],
      [0, "notDone"],
      ["1", "done"],
      ["", "notDone"],
      [null, "notDone"],
      ["  是  ", "done"],
    ])("reads %p as %s", (value, mark) => {
      expect(doneMarkOf(value)).toBe(mark);
    });

    it.each([["x"], ["再说"], ["done?"], [2], [0.5], [new Date(0)], ["是\t"]])(
      "will not guess what %p means",
      (value) => {
        expect(doneMarkOf(value)).toBe("unknown");
      },
    );

    it("has no text that means both done and not done", () => {
      expect(DONE_TEXTS.filter((t) => NOT_DONE_TEXTS.includes(t))).toEqual([]);
    });
  });

  describe("agendaOf", () => {
    it("supersedes every row of a customer but its latest, by follow-up date, then logged-at, then row", () => {
      const rows = [
        followUp({ row: 2, date: dayFromYmd(2026, 11, 25) }),
        followUp({ row: 3, date: dayFromYmd(2026, 11, 20) }),
        followUp({ row: 4, customerKey: "acme", date: today, loggedAt: 2_000 }),
        followUp({ row: 5, customerKey: "acme", date: today, loggedAt: 1_000 }),
        followUp({ row: 6, customerKey: "", date: today }),
      ];
      const agenda = agendaOf(rows, [], settings);
      expect([...agenda.superseded].sort()).toEqual([3, 5]);
      expect([...agenda.latest].map(([key, f]) => [key, f.row])).toEqual([
        ["上海某科技", 2],
        ["acme", 4],
      ]);
    });

    it("counts a backdated row as older, however late it was logged", () => {
      const rows = [
        followUp({ row: 2, date: dayFromYmd(2026, 11, 25), loggedAt: 1_000 }),
        followUp({ row: 3, date: dayFromYmd(2026, 11, 21), loggedAt: 9_000 }),
      ];
      expect(states(rows)).toEqual(["open", "superseded"]);
    });

    it("counts a hand-typed row (no logged-at yet) as the newest of its day, as Sync will stamp it", () => {
      const rows = [followUp({ row: 2, loggedAt: null }), followUp({ row: 3, loggedAt: 5_000 })];
      expect(states(rows)).toEqual(["open", "superseded"]);
    });

    it("counts a row whose logged-at cell holds text as logged before every stamp (Sync leaves it alone)", () => {
      const rows = [followUp({ row: 2, loggedAt: null }), followUp({ row: 3, loggedAt: 5_000 })];
      const problems: RowProblem[] = [{ row: 2, column: "loggedAt", kind: "notADate", value: "昨天" }];
      expect(states(rows, problems)).toEqual(["superseded", "open"]);
    });
  });

  describe("stateOf", () => {
    it("says why a row is not open: a closed stage first, then a done mark, a newer row, no next date", () => {
      const rows = [
        followUp({ row: 2, customerKey: "a", stage: "已成交", done: true }),
        followUp({ row: 3, customerKey: "b", done: true }),
        followUp({ row: 4, customerKey: "c", date: dayFromYmd(2026, 11, 1) }),
        followUp({ row: 5, customerKey: "c" }),
        followUp({ row: 6, customerKey: "d", nextDate: null }),
        followUp({ row: 7, customerKey: "e", stage: "跟进中" }),
        followUp({ row: 8, customerKey: "f", stage: " 已流失  " }),
      ];
      expect(states(rows)).toEqual(["closed", "done", "superseded", "open", "noNextDate", "open", "closed"]);
    });

    it("compares stages as the sheet's TRIM does: a tab is not trimmed", () => {
      expect(states([followUp({ stage: "已成交\t" })])).toEqual(["open"]);
    });
  });

  describe("dueOf", () => {
    const agendaFor = (f: FollowUp) => agendaOf([f], [], settings);
    it.each([
      [today - 1, "overdue"],
      [today, "dueToday"],
      [today + 1, "upcoming"],
      [today + 3, "upcoming"],
      [today + 4, "later"],
    ])("places an open row due on day %p as %s (upcoming window 3 days)", (nextDate, due) => {
      const f = followUp({ nextDate });
      expect(dueOf(agendaFor(f), f, today)).toBe(due);
    });

    it("gives nothing for a row that is not open", () => {
      const f = followUp({ nextDate: today - 1, done: true });
      expect(dueOf(agendaFor(f), f, today)).toBeNull();
      expect(isOpen(agendaFor(f), f)).toBe(false);
    });
  });

  describe("isNewer and latestByCustomer", () => {
    it("ranks a row without a date below dated rows", () => {
      const rows = [followUp({ row: 2, date: dayFromYmd(2026, 1, 5) }), followUp({ row: 3, date: null })];
      expect(latestByCustomer(rows).get("上海某科技")?.row).toBe(2);
      expect(isNewer(rows[1], rows[0])).toBe(false);
    });

    it("breaks a tie of date and logged-at by the row lower in the sheet", () => {
      const rows = [followUp({ row: 6 }), followUp({ row: 7 })];
      expect(latestByCustomer(rows).get("上海某科技")?.row).toBe(7);
    });
  });

  describe("asSyncOrders", () => {
    it("stamps unstamped rows with now, in row order, and leaves rows with a text stamp unstamped", () => {
      const rows = [followUp({ row: 3, loggedAt: null }), followUp({ row: 2, loggedAt: null })];
      const problems: RowProblem[] = [{ row: 3, column: "loggedAt", kind: "notADate", value: "上周" }];
      expect(asSyncOrders(rows, problems, 42).map((f) => [f.row, f.loggedAt])).toEqual([
        [2, 42],
        [3, null],
      ]);
    });
  });
});
