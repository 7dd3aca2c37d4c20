/** Tests of the script's Date: simulated clock and local time in the script's zone, whatever the host's TZ is. */

import { runtimeOnSource } from "../../helpers/runtime";

/** Evaluates `expression` inside a script whose project zone is `zone`. */
function inScript(zone: string, expression: string): unknown {
  const runtime = runtimeOnSource(`function probe() { return ${expression}; }`, { scriptTimeZone: zone });
  return runtime.run("probe");
}

describe("script-date", () => {
  it("builds local dates in the script's zone", () => {
    expect(inScript("Asia/Shanghai", "new Date(2026, 10, 27).toISOString()")).toBe("2026-11-26T16:00:00.000Z");
    expect(inScript("America/Los_Angeles", "new Date(2026, 10, 27, 9, 30).toISOString()")).toBe(
      "2026-11-27T17:30:00.000Z",
    );
  });

  it("reads local fields in the script's zone", () => {
    const fields = "[d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getTimezoneOffset()]";
    const at = "var d = new Date(Date.UTC(2026, 10, 26, 20, 0));";
    expect(inScript("Asia/Shanghai", `(function () { ${at} return ${fields}; })()`)).toEqual([
      2026, 10, 27, 5, 4, -480,
    ]);
    expect(inScript("America/Los_Angeles", `(function () { ${at} return ${fields}; })()`)).toEqual([
      2026, 10, 26, 4, 12, 480,
    ]);
  });

  it("parses ISO dates as UTC and ISO date-times without a zone as local time, like V8", () => {
    expect(inScript("Asia/Shanghai", 'new Date("2026-11-27").toISOString()')).toBe("2026-11-27T00:00:00.000Z");
    expect(inScript("Asia/Shanghai", 'new Date("2026-11-27T09:00:00").toISOString()')).toBe("2026-11-27T01:00:00.000Z");
    expect(inScript("Asia/Shanghai", 'Date.parse("2026-11-27T09:00:00Z")')).toBe(Date.UTC(2026, 10, 27, 9));
  });

  it("moves local fields with setters, across a DST change", () => {
    // 2026-03-08 is the spring-forward day in Los Angeles: local midnight is UTC-8, local noon UTC-7.
    const expression =
      "(function () { var d = new Date(2026, 2, 8); d.setHours(12); return [d.toISOString(), d.getHours()]; })()";
    expect(inScript("America/Los_Angeles", expression)).toEqual(["2026-03-08T19:00:00.000Z", 12]);
  });

  it("prints like V8 in the script's zone", () => {
    expect(inScript("Asia/Shanghai", "String(new Date(Date.UTC(2026, 10, 27, 1)))")).toBe(
      "Fri Nov 27 2026 09:00:00 GMT+0800 (China Standard Time)",
    );
    expect(inScript("Asia/Shanghai", 'new Date(Date.UTC(2026, 10, 27, 1)).toLocaleDateString("en-US")')).toBe(
      "11/27/2026",
    );
    expect(inScript("Asia/Shanghai", 'String(new Date("nonsense"))')).toBe("Invalid Date");
  });

  it("reads the simulated clock", () => {
    const runtime = runtimeOnSource("function now() { return [Date.now(), new Date().getTime(), typeof Date()]; }");
    const now = runtime.kernel.now();
    expect(runtime.run("now")).toEqual([now, now, "string"]);
  });
});
