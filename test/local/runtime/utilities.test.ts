/** Tests of the emulated Utilities service. */

import { Kernel } from "../../../local/runtime/kernel";
import { Charset, createUtilities, DigestAlgorithm, UuidSequence } from "../../../local/runtime/utilities";
import { ANA, type ExecutionSpec, executionRunner, inExecution } from "./fixtures/execution";

const NOW = Date.UTC(2024, 2, 10, 9, 30, 5, 7);

function setup() {
  const kernel = new Kernel({ now: NOW, scriptTimeZone: "Asia/Shanghai" });
  const utilities = createUtilities(kernel, new UuidSequence("test"));
  return { kernel, utilities };
}

/** Runs a call inside an execution and returns the exception it throws. */
function thrown(kernel: Kernel, body: () => unknown, overrides: Partial<ExecutionSpec> = {}) {
  return executionRunner(kernel, ANA).thrown(body, overrides);
}

describe("utilities", () => {
  describe("formatDate", () => {
    it("formats a Date in the given zone, also in AuthMode.NONE", () => {
      const { kernel, utilities } = setup();
      const text = inExecution(
        kernel,
        () => utilities.formatDate(kernel.newDate(NOW), "America/Los_Angeles", "yyyy-MM-dd HH:mm z"),
        { ...ANA, authMode: "NONE" },
      );
      expect(text).toBe("2024-03-10 01:30 PST");
    });

    it("refuses a string date with Apps Script's signature message", () => {
      const { kernel, utilities } = setup();
      const error = thrown(kernel, () => utilities.formatDate("2024-03-10" as never, "UTC", "yyyy"));
      expect(error.name).toBe("Exception");
      expect(error.message).toBe(
        "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
      );
    });

    it("refuses a missing pattern", () => {
      const { kernel, utilities } = setup();
      const error = thrown(kernel, () =>
        (utilities.formatDate as (d: Date, z: string) => string)(new Date(NOW), "UTC"),
      );
      expect(error.message).toBe(
        "The parameters (Date,String) don't match the method signature for Utilities.formatDate.",
      );
    });

    it("throws Java's message for an illegal pattern letter", () => {
      const { kernel, utilities } = setup();
      const error = thrown(kernel, () => utilities.formatDate(new Date(NOW), "UTC", "yyyy-qq"));
      expect(error.name).toBe("Exception");
      expect(error.message).toBe("Illegal pattern character 'q'");
    });

    it("refuses an Invalid Date", () => {
      const { kernel, utilities } = setup();
      expect(thrown(kernel, () => utilities.formatDate(new Date(Number.NaN), "UTC", "yyyy")).message).toBe(
        "Invalid argument: date",
      );
    });
  });

  describe("formatString", () => {
    it("formats the sprintf subset", () => {
      const { utilities } = setup();
      expect(utilities.formatString("%6.2f|%-6s|%05d|%x|%X|%o|%+d|%s", 12.3456, "abc", 42, 255, 255, 8, 7, "z")).toBe(
        " 12.35|abc   |00042|ff|FF|10|+7|z",
      );
      expect(utilities.formatString("100%% of %s", "them")).toBe("100% of them");
      expect(utilities.formatString("%.2e", 12345)).toBe("1.23e+04");
    });

    it("throws when a placeholder has no value", () => {
      const { kernel, utilities } = setup();
      expect(thrown(kernel, () => utilities.formatString("%s and %s", "a")).message).toBe("Format specifier '%s'");
    });
  });

  describe("sleep", () => {
    it("moves the simulated clock", () => {
      const { kernel, utilities } = setup();
      inExecution(kernel, () => utilities.sleep(1500), ANA);
      expect(kernel.now()).toBe(NOW + 1500);
    });

    it("refuses more than 300000 ms, negative and non-numeric waits", () => {
      const { kernel, utilities } = setup();
      expect(thrown(kernel, () => utilities.sleep(300001)).message).toBe("Invalid argument: milliseconds");
      expect(thrown(kernel, () => utilities.sleep(-1)).message).toBe("Invalid argument: milliseconds");
      expect(thrown(kernel, () => utilities.sleep("10" as never)).message).toBe(
        "The parameters (String) don't match the method signature for Utilities.sleep.",
      );
      expect(kernel.now()).toBe(NOW);
    });
  });

  describe("getUuid", () => {
    it("returns distinct version-4 UUIDs, repeatable from the same seed", () => {
      const { utilities } = setup();
      const first = utilities.getUuid();
      const second = utilities.getUuid();
      expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(second).not.toBe(first);
      const again = createUtilities(new Kernel({ now: NOW, scriptTimeZone: "UTC" }), new UuidSequence("test"));
      expect([again.getUuid(), again.getUuid()]).toEqual([first, second]);
    });
  });

  describe("base64Encode", () => {
    it("encodes strings as UTF-8, or US-ASCII with ? for other characters", () => {
      const { utilities } = setup();
      expect(utilities.base64Encode("hello")).toBe("aGVsbG8=");
      expect(utilities.base64Encode("中文")).toBe("5Lit5paH");
      expect(utilities.base64Encode("中", Charset.US_ASCII as never)).toBe("Pw==");
    });

    it("encodes signed byte arrays", () => {
      const { utilities } = setup();
      expect(utilities.base64Encode([-5, -1])).toBe("+/8=");
    });

    it("refuses other values", () => {
      const { kernel, utilities } = setup();
      expect(thrown(kernel, () => utilities.base64Encode({} as never)).message).toBe(
        "The parameters (Object) don't match the method signature for Utilities.base64Encode.",
      );
    });
  });

  describe("base64EncodeWebSafe", () => {
    it("uses the URL alphabet and keeps the padding", () => {
      const { utilities } = setup();
      expect(utilities.base64EncodeWebSafe([-5, -1])).toBe("-_8=");
    });
  });

  describe("base64Decode", () => {
    it("returns signed bytes", () => {
      const { utilities } = setup();
      expect(utilities.base64Decode("aGVsbG8=")).toEqual([104, 101, 108, 108, 111]);
      expect(utilities.base64Decode("+/8=")).toEqual([-5, -1]);
    });

    it("refuses text that is not base64", () => {
      const { kernel, utilities } = setup();
      expect(thrown(kernel, () => utilities.base64Decode("@@")).message).toBe("Could not decode string.");
      expect(thrown(kernel, () => utilities.base64Decode("-_8=")).message).toBe("Could not decode string.");
    });
  });

  describe("base64DecodeWebSafe", () => {
    it("decodes the URL alphabet", () => {
      const { utilities } = setup();
      expect(utilities.base64DecodeWebSafe("-_8=")).toEqual([-5, -1]);
    });
  });

  describe("computeHmacSha256Signature", () => {
    it("signs strings (UTF-8) or byte arrays, returning signed bytes (RFC 4231 test case 2)", () => {
      const { utilities } = setup();
      const expected = [...Buffer.from("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "hex")].map(
        (b) => (b > 127 ? b - 256 : b),
      );
      expect(utilities.computeHmacSha256Signature("what do ya want for nothing?", "Jefe")).toEqual(expected);
      const bytes = (text: string) => [...Buffer.from(text)];
      expect(utilities.computeHmacSha256Signature(bytes("what do ya want for nothing?"), bytes("Jefe"))).toEqual(
        expected,
      );
    });

    it("refuses a string with a byte array (no such overload)", () => {
      const { kernel, utilities } = setup();
      expect(thrown(kernel, () => utilities.computeHmacSha256Signature("abc", [1, 2] as never)).message).toMatch(
        /don't match the method signature for Utilities\.computeHmacSha256Signature\.$/,
      );
    });
  });

  describe("computeDigest", () => {
    it("returns the digest as signed bytes", () => {
      const { utilities } = setup();
      const md5 = utilities.computeDigest(DigestAlgorithm.MD5 as never, "abc");
      expect(md5).toHaveLength(16);
      expect(md5.slice(0, 4)).toEqual([-112, 1, 80, -104]); // 90 01 50 98
      expect(utilities.computeDigest(DigestAlgorithm.SHA_1 as never, "abc").slice(0, 4)).toEqual([-87, -103, 62, 54]);
      const sha256 = utilities.computeDigest(DigestAlgorithm.SHA_256 as never, [97, 98, 99]);
      expect(sha256).toHaveLength(32);
      expect(sha256.slice(0, 4)).toEqual([-70, 120, 22, -65]); // ba 78 16 bf
    });

    it("refuses an algorithm given by name", () => {
      const { kernel, utilities } = setup();
      expect(thrown(kernel, () => utilities.computeDigest("MD5" as never, "abc")).message).toBe(
        "The parameters (String,String) don't match the method signature for Utilities.computeDigest.",
      );
    });
  });

  describe("DigestAlgorithm", () => {
    it("has enum values whose string form is their name", () => {
      const { utilities } = setup();
      expect(String(utilities.DigestAlgorithm.SHA_256)).toBe("SHA_256");
      expect(String(utilities.Charset.UTF_8)).toBe("UTF_8");
    });
  });
});
