/** Tests of the time-driven trigger schedule: firing times per rule, time zones and DST, and the event object. */

import { Kernel } from "../../../local/runtime/kernel";
import { createScriptApp, TriggerTable } from "../../../local/runtime/script-app";
import { nextFirings, timeDrivenEvent } from "../../../local/runtime/trigger-schedule";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Builder = GoogleAppsScript.Script.ClockTriggerBuilder;

/** A table with one clock trigger created at `createdAt` by `build`. */
function tableWith(createdAt: number, build: (b: Builder) => Builder, scriptTimeZone = "UTC") {
  const kernel = new Kernel({ now: createdAt, scriptTimeZone });
  const table = new TriggerTable();
  const app = createScriptApp(kernel, table);
  kernel.withExecution(
    {
      functionName: "install",
      kind: "editor",
      authMode: "FULL",
      activeUser: "rep@example.com",
      effectiveUser: "rep@example.com",
      activeSpreadsheetId: "sheet-1",
      userLocale: "en",
      realm: { Date, Error },
    },
    () => build(app.newTrigger("tick").timeBased()).create(),
  );
  return table;
}

function localTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    ms,
  );
}

const MAY_6 = Date.UTC(2024, 4, 6); // a Monday

describe("trigger-schedule", () => {
  describe("nextFirings", () => {
    it("fires an everyHours(1) trigger 24 times a day at one stable minute", () => {
      const table = tableWith(MAY_6 - HOUR, (b) => b.everyHours(1));
      const firings = nextFirings(table, MAY_6, MAY_6 + DAY);
      expect(firings).toHaveLength(24);
      const minutes = new Set(firings.map((f) => new Date(f.at).getUTCMinutes()));
      expect(minutes.size).toBe(1);
      expect(firings.slice(1).map((f, i) => f.at - (firings[i]?.at ?? 0))).toEqual(Array(23).fill(HOUR));
    });

    it("keeps the minute it picked, day after day (randomised once, then stable)", () => {
      const table = tableWith(MAY_6 - HOUR, (b) => b.everyHours(1));
      const firings = nextFirings(table, MAY_6, MAY_6 + 3 * DAY);
      expect(firings).toHaveLength(72);
      const minute = new Date(firings[0]?.at ?? 0).getUTCMinutes();
      expect(firings.every((f) => new Date(f.at).getUTCMinutes() === minute)).toBe(true);
      expect(firings.slice(1).every((f, i) => f.at - (firings[i]?.at ?? 0) === HOUR)).toBe(true);
    });

    it("fires everyHours(4) six times a day", () => {
      const table = tableWith(MAY_6 - HOUR, (b) => b.everyHours(4));
      expect(nextFirings(table, MAY_6, MAY_6 + DAY)).toHaveLength(6);
    });

    it("fires everyMinutes(15) four times an hour", () => {
      const table = tableWith(MAY_6 - HOUR, (b) => b.everyMinutes(15));
      const firings = nextFirings(table, MAY_6, MAY_6 + HOUR);
      expect(firings).toHaveLength(4);
      expect(firings.slice(1).map((f, i) => f.at - (firings[i]?.at ?? 0))).toEqual(Array(3).fill(15 * 60_000));
    });

    it("fires everyDays(1).atHour(8) in Asia/Shanghai between 00:00 and 01:00 UTC", () => {
      const table = tableWith(MAY_6 - DAY, (b) => b.everyDays(1).atHour(8).inTimezone("Asia/Shanghai"));
      const firings = nextFirings(table, MAY_6, MAY_6 + 3 * DAY);
      expect(firings).toHaveLength(3);
      for (const f of firings) expect(new Date(f.at).getUTCHours()).toBe(0);
    });

    it("defaults to the script's time zone", () => {
      const table = tableWith(MAY_6 - DAY, (b) => b.everyDays(1).atHour(8), "Asia/Shanghai");
      const firings = nextFirings(table, MAY_6, MAY_6 + DAY);
      expect(firings.map((f) => new Date(f.at).getUTCHours())).toEqual([0]);
    });

    it("keeps the local hour across the America/Los_Angeles DST change", () => {
      const march8 = Date.UTC(2024, 2, 8, 20);
      const table = tableWith(march8, (b) => b.everyDays(1).atHour(9).inTimezone("America/Los_Angeles"));
      const firings = nextFirings(table, march8, Date.UTC(2024, 2, 12));
      expect(firings.map((f) => new Date(f.at).getUTCHours())).toEqual([17, 16, 16]);
      for (const f of firings) expect(localTime(f.at, "America/Los_Angeles")).toMatch(/^09:/);
    });

    it("fires nearMinute(30).atHour(8) within 15 minutes of 08:30", () => {
      const table = tableWith(MAY_6 - DAY, (b) => b.everyDays(1).atHour(8).nearMinute(30));
      const [firing] = nextFirings(table, MAY_6, MAY_6 + DAY);
      const offset = (firing?.at ?? 0) - (MAY_6 + 8.5 * HOUR);
      expect(Math.abs(offset)).toBeLessThanOrEqual(15 * 60_000);
    });

    it("fires onWeekDay(MONDAY).atHour(9) on Mondays only", () => {
      const table = tableWith(MAY_6 - DAY, (b) => b.onWeekDay("MONDAY" as never).atHour(9));
      const firings = nextFirings(table, MAY_6 - DAY, MAY_6 + 14 * DAY);
      expect(firings.map((f) => new Date(f.at).getUTCDay())).toEqual([1, 1]);
    });

    it("fires onMonthDay(1) once a month", () => {
      const table = tableWith(MAY_6, (b) => b.onMonthDay(1).atHour(6));
      const firings = nextFirings(table, MAY_6, Date.UTC(2024, 7, 2));
      expect(firings.map((f) => new Date(f.at).toISOString().slice(0, 10))).toEqual([
        "2024-06-01",
        "2024-07-01",
        "2024-08-01",
      ]);
    });

    it("fires after(ms) and at(date) once, in the window (from, to]", () => {
      const table = tableWith(MAY_6, (b) => b.after(2 * HOUR));
      const [trigger] = table.list();
      const at = (trigger?.clock as { at: number } | undefined)?.at ?? 0;
      expect(nextFirings(table, MAY_6, MAY_6 + DAY).map((f) => f.at)).toEqual([at]);
      expect(nextFirings(table, at, at + DAY)).toEqual([]);
      expect(nextFirings(table, at - 1, at)).toHaveLength(1);
      const fixed = tableWith(MAY_6, (b) => b.at(new Date(MAY_6 + 5 * HOUR)));
      expect(nextFirings(fixed, MAY_6, MAY_6 + DAY).map((f) => f.at)).toEqual([MAY_6 + 5 * HOUR]);
    });

    it("never fires before the trigger was created, nor once disabled", () => {
      const table = tableWith(MAY_6 + 12 * HOUR, (b) => b.everyHours(1));
      expect(nextFirings(table, MAY_6, MAY_6 + 12 * HOUR)).toEqual([]);
      table.disable(table.list()[0]?.uniqueId ?? "");
      expect(nextFirings(table, MAY_6, MAY_6 + 2 * DAY)).toEqual([]);
    });

    it("hands each firing the time-driven event of its trigger", () => {
      const table = tableWith(MAY_6 - HOUR, (b) => b.everyHours(1));
      const [firing] = nextFirings(table, MAY_6, MAY_6 + HOUR);
      expect(firing?.event).toEqual(timeDrivenEvent(firing?.at ?? 0, table.list()[0]?.uniqueId ?? ""));
      expect(firing?.trigger).toBe(table.list()[0]);
    });
  });

  describe("timeDrivenEvent", () => {
    it("breaks the instant down in UTC, Monday = 1, ISO week", () => {
      expect(timeDrivenEvent(Date.UTC(2024, 4, 6, 9, 30, 15), "4170000001")).toEqual({
        authMode: "FULL",
        "day-of-month": 6,
        "day-of-week": 1,
        hour: 9,
        minute: 30,
        month: 5,
        second: 15,
        timezone: "UTC",
        triggerUid: "4170000001",
        "week-of-year": 19,
        year: 2024,
      });
      expect(timeDrivenEvent(Date.UTC(2024, 4, 12), "1")["day-of-week"]).toBe(7);
    });
  });
});
