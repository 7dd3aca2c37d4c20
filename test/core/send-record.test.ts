/** Tests of src/core/send-record: recipient keys, the stored text of the record (round trip, unreadable text, size), the batches kept, and which entries are tried again. */

import {
  batchOf,
  isSettled,
  parseRecord,
  recipientKey,
  recordText,
  type SendBatch,
  type SendEntry,
  type SendRecord,
  type SendStatus,
  shouldSend,
  undeliveredKeys,
} from "../../src/core/send-record";

const STATUSES: SendStatus[] = ["due", "sending", "sent", "deferred", "failed", "gaveUp"];

function batch(key: string, entries: Record<string, SendEntry>, reported?: true): SendBatch {
  return { key, entries, ...(reported ? { reported } : {}) };
}

describe("send-record", () => {
  describe("recipientKey", () => {
    it("gives the same key every time, across versions (records already stored depend on it)", () => {
      expect(recipientKey("li.si@example.cn")).toBe("mbxvte72fc");
      expect(recipientKey("anna@example.com")).toBe("10qxcldzcq9");
      expect(recipientKey("li.si@example.cn")).toBe(recipientKey("li.si@example.cn"));
    });

    it("ignores case and surrounding spaces, as the Team sheet's emails are compared", () => {
      expect(recipientKey("  Li.Si@EXAMPLE.cn\t")).toBe(recipientKey("li.si@example.cn"));
    });

    it("gives different emails different keys: 1,000 addresses, 1,000 keys", () => {
      const keys = new Set(Array.from({ length: 1000 }, (_, i) => recipientKey(`rep${i}@example.com`)));
      expect(keys.size).toBe(1000);
    });

    it("tells apart addresses that differ in one character or in the domain", () => {
      expect(recipientKey("li.si@example.cn")).not.toBe(recipientKey("li.si@example.com"));
      expect(recipientKey("li.si@example.cn")).not.toBe(recipientKey("lisi@example.cn"));
      expect(recipientKey("a@b.cn")).not.toBe(recipientKey("b@a.cn"));
    });

    it("stores no address: keys are short base-36 text without an @", () => {
      for (let i = 0; i < 1000; i++) {
        const key = recipientKey(`rep${i}@example.com`);
        expect(key).toMatch(/^[0-9a-z]{1,11}$/);
        expect(key).not.toContain("@");
        expect(key).not.toContain("rep");
      }
    });
  });

  describe("parseRecord and recordText", () => {
    it("round-trips every status, the attempts and the reported flag", () => {
      const entries: Record<string, SendEntry> = {};
      STATUSES.forEach((status, i) => {
        for (let attempts = 0; attempts <= 3; attempts++) entries[`k${i}${attempts}`] = { status, attempts };
      });
      const record: SendRecord = {
        batches: [
          batch("digest 2026-11-26", entries, true),
          batch("digest 2026-11-27", { [recipientKey("li.si@example.cn")]: { status: "sent", attempts: 1 } }),
          batch("review 2026-11-23", {}),
        ],
      };
      const back = parseRecord(recordText(record));
      expect(back).toEqual(record);
      expect(back.batches[0].reported).toBe(true);
      expect("reported" in back.batches[1]).toBe(false);
    });

    it("stores each entry as one letter and its attempts", () => {
      const record: SendRecord = {
        batches: [
          batch("digest 2026-11-27", { a: { status: "failed", attempts: 2 }, b: { status: "due", attempts: 0 } }),
        ],
      };
      expect(recordText(record)).toBe('{"b":[["digest 2026-11-27",{"a":"f2","b":"d"}]]}');
    });

    it.each([
      ["nothing", null],
      ["an empty text", ""],
      ["text that is not JSON", "not a record {"],
      ["an empty object", "{}"],
      ["JSON null", "null"],
      ["a batch list that is not a list", '{"b":5}'],
    ])("reads %s as an empty record", (_, text) => {
      expect(parseRecord(text)).toEqual({ batches: [] });
    });

    it("drops an entry whose status it does not know and keeps the rest", () => {
      expect(parseRecord('{"b":[["digest 2026-11-27",{"a":"z1","b":"s1"}]]}')).toEqual({
        batches: [batch("digest 2026-11-27", { b: { status: "sent", attempts: 1 } })],
      });
    });

    it("keeps a 200-recipient batch under 4,000 characters: 3,738 here, at most 3,833 with 3 attempts each", () => {
      const record: SendRecord = { batches: [] };
      const digests = batchOf(record, "digest 2026-11-27");
      for (let i = 0; i < 200; i++) {
        digests.entries[recipientKey(`sales.rep.${i}@example-company.com.cn`)] = { status: "failed", attempts: 3 };
      }
      digests.reported = true;
      const text = recordText(record);
      expect(Object.keys(digests.entries)).toHaveLength(200);
      expect(text.length).toBe(3738);
      // The worst case: 200 keys of 11 characters, each "key":"f3", plus the batch's key and brackets.
      const worst = 200 * '"12345678901":"f3",'.length + '{"b":[["digest 2026-11-27",{},1]]}'.length - 1;
      expect(worst).toBeLessThan(4000);
      expect(text.length).toBeLessThanOrEqual(worst);
    });
  });

  describe("batchOf", () => {
    it("adds a batch the record lacks, empty, and hands back the same batch next time", () => {
      const record: SendRecord = { batches: [] };
      const added = batchOf(record, "digest 2026-11-27");
      expect(added).toEqual({ key: "digest 2026-11-27", entries: {} });
      added.entries.a = { status: "sent", attempts: 1 };
      expect(batchOf(record, "digest 2026-11-27")).toBe(added);
      expect(record.batches).toHaveLength(1);
    });

    it("keeps at most 8 batches, dropping the oldest", () => {
      const record: SendRecord = { batches: [] };
      for (let day = 20; day <= 29; day++) batchOf(record, `digest 2026-11-${day}`);
      expect(record.batches.map((b) => b.key)).toEqual([
        "digest 2026-11-22",
        "digest 2026-11-23",
        "digest 2026-11-24",
        "digest 2026-11-25",
        "digest 2026-11-26",
        "digest 2026-11-27",
        "digest 2026-11-28",
        "digest 2026-11-29",
      ]);
    });

    it("drops nothing when asked for a batch it already keeps", () => {
      const record: SendRecord = { batches: [] };
      for (let day = 20; day <= 27; day++) batchOf(record, `digest 2026-11-${day}`);
      batchOf(record, "digest 2026-11-20");
      expect(record.batches).toHaveLength(8);
      expect(record.batches[0].key).toBe("digest 2026-11-20");
    });
  });

  describe("shouldSend", () => {
    it("tries a recipient with nothing recorded yet", () => {
      expect(shouldSend(undefined)).toBe(true);
    });

    it.each([
      ["due", true],
      ["deferred", true],
      ["failed", true],
      ["sending", false],
      ["sent", false],
      ["gaveUp", false],
    ] as [SendStatus, boolean][])("for %s says %p (a claimed email may have gone out: never twice)", (status, send) => {
      expect(shouldSend({ status, attempts: 1 })).toBe(send);
    });
  });

  describe("isSettled", () => {
    it("is settled when every entry is sent, given up or possibly sent", () => {
      expect(
        isSettled(
          batch("d", {
            a: { status: "sent", attempts: 1 },
            b: { status: "gaveUp", attempts: 3 },
            c: { status: "sending", attempts: 1 },
          }),
        ),
      ).toBe(true);
    });

    it.each(["due", "deferred", "failed"] as SendStatus[])("is not settled while one entry is %s", (status) => {
      expect(isSettled(batch("d", { a: { status: "sent", attempts: 1 }, b: { status, attempts: 1 } }))).toBe(false);
    });

    it("is settled for a batch with nobody in it", () => {
      expect(isSettled(batch("d", {}))).toBe(true);
    });
  });

  describe("undeliveredKeys", () => {
    it("lists every recipient whose email did not surely go out, possibly sent ones included", () => {
      const entries: Record<string, SendEntry> = {};
      for (const status of STATUSES) entries[status] = { status, attempts: 1 };
      expect(undeliveredKeys(batch("d", entries))).toEqual(["due", "sending", "deferred", "failed", "gaveUp"]);
    });

    it("lists nobody when everyone got theirs", () => {
      expect(undeliveredKeys(batch("d", { a: { status: "sent", attempts: 2 } }))).toEqual([]);
    });
  });
});
