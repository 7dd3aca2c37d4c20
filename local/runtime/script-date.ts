/** The script's own Date: it reads the simulated clock and keeps local time in the script's time zone, as Apps Script's V8 does. */

import { zoneOffsetMinutes } from "./time-zone";

/** A host function the sandbox calls: the zone's offset from UTC in minutes at an instant (+480 for Shanghai). */
type OffsetAt = (ms: number) => number;

/**
 * Runs inside the sandbox. It patches that realm's own Date (never the host's): `new Date()` / `Date.now()` read
 * the simulated clock; the local-time getters, setters, the multi-argument constructor, toString and the
 * toLocale* methods use the script's zone (appsscript.json "timeZone"), whatever the host machine's TZ is.
 * Apps Script runs V8 in the script's zone, which is why `new Date().getHours()` and `Utilities.formatDate(d,
 * ss.getSpreadsheetTimeZone(), "H")` disagree when the script and the spreadsheet zones differ.
 */
const PRELUDE = `(function (clock, offsetAt, zoneName, zone) {
  var RealDate = Date;
  var proto = RealDate.prototype;
  var getTime = proto.getTime;
  var hostOffset = proto.getTimezoneOffset;
  var MINUTE = 60000;
  function wall(date) {
    var t = getTime.call(date);
    return isNaN(t) ? null : new RealDate(t + offsetAt(t) * MINUTE);
  }
  function fromWall(w) {
    var guess = w - offsetAt(w) * MINUTE;
    return w - offsetAt(guess) * MINUTE;
  }
  ["FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds"].forEach(function (part) {
    proto["get" + part] = function () {
      var w = wall(this);
      return w ? w["getUTC" + part]() : NaN;
    };
    if (part === "Day") return;
    proto["set" + part] = function () {
      var w = wall(this);
      if (!w) return NaN;
      w["setUTC" + part].apply(w, arguments);
      return this.setTime(fromWall(getTime.call(w)));
    };
  });
  proto.getTimezoneOffset = function () {
    var t = getTime.call(this);
    return isNaN(t) ? NaN : -offsetAt(t);
  };
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function dateText(w) {
    return DAYS[w.getUTCDay()] + " " + MONTHS[w.getUTCMonth()] + " " + pad(w.getUTCDate()) + " " + w.getUTCFullYear();
  }
  function timeText(t, w, off) {
    var abs = Math.abs(off);
    var gmt = "GMT" + (off < 0 ? "-" : "+") + pad(Math.floor(abs / 60)) + pad(abs % 60);
    return pad(w.getUTCHours()) + ":" + pad(w.getUTCMinutes()) + ":" + pad(w.getUTCSeconds()) + " " + gmt + " (" + zoneName(t) + ")";
  }
  proto.toDateString = function () {
    var w = wall(this);
    return w ? dateText(w) : "Invalid Date";
  };
  proto.toTimeString = function () {
    var t = getTime.call(this);
    if (isNaN(t)) return "Invalid Date";
    var off = offsetAt(t);
    return timeText(t, new RealDate(t + off * MINUTE), off);
  };
  // One wall clock for both halves, as V8's own toString does (it calls neither method): scripts call it per cell.
  proto.toString = function () {
    var t = getTime.call(this);
    if (isNaN(t)) return "Invalid Date";
    var off = offsetAt(t);
    var w = new RealDate(t + off * MINUTE);
    return dateText(w) + " " + timeText(t, w, off);
  };
  ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"].forEach(function (name) {
    var original = proto[name];
    proto[name] = function (locales, options) {
      return original.call(this, locales, Object.assign({ timeZone: zone }, options));
    };
  });
  function parse(text) {
    var t = RealDate.parse(text);
    var s = String(text).trim();
    // An explicit zone, or an ISO date without a time (UTC by the spec), needs no correction; any other
    // string is local time, which the engine read in the host's zone: re-read its wall clock in the script's.
    if (isNaN(t) || /(Z|[+-]\\d\\d:?\\d\\d|GMT|UTC)(\\s*\\(.*\\))?$/i.test(s) || /^\\d{4}(-\\d\\d){0,2}$/.test(s)) return t;
    return fromWall(t - hostOffset.call(new RealDate(t)) * MINUTE);
  }
  function ScriptDate(a, b, c, d, e, f, g) {
    var n = arguments.length;
    if (!new.target) return new RealDate(clock()).toString();
    if (n === 0) return new RealDate(clock());
    if (n === 1) return new RealDate(typeof a === "string" ? parse(a) : a);
    return new RealDate(fromWall(RealDate.UTC(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0)));
  }
  ScriptDate.prototype = proto;
  ScriptDate.now = function () { return clock(); };
  ScriptDate.UTC = RealDate.UTC;
  ScriptDate.parse = parse;
  globalThis.Date = ScriptDate;
  return { Date: RealDate, Error: Error };
})`;

/** The source of the sandbox prelude; evaluate it in the sandbox and call it with `scriptDateArguments`. */
export function scriptDatePrelude(): string {
  return PRELUDE;
}

/** The host functions the prelude needs for a zone: the clock, the offset at an instant, the zone's long name. */
export function scriptDateArguments(
  now: () => number,
  timeZone: string,
): [() => number, OffsetAt, (ms: number) => string, string] {
  const names = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" });
  // formatToParts is slow next to the rest of Date#toString, which scripts call per cell (String(date)): each
  // instant's name is asked of Intl once per execution.
  const known = new Map<number, string>();
  const zoneName = (ms: number) => {
    let name = known.get(ms);
    if (name === undefined) {
      name = names.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
      known.set(ms, name);
    }
    return name;
  };
  return [now, (ms) => zoneOffsetMinutes(timeZone, ms), zoneName, timeZone];
}
