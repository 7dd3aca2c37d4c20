/** The emulated Logger and console: messages recorded into a LogBook the tests read, optionally echoed to the host. */

import { format } from "node:util";
import type { Kernel } from "./kernel";
import { formatInstant } from "./simple-date-format";

/** Severities as Cloud Logging records them for Apps Script (guides/logging) [UNCONFIRMED for console.log]. */
export type LogLevel = "DEBUG" | "INFO" | "WARNING" | "ERROR";

/** One recorded message. */
export interface LogEntry {
  /** Simulated epoch milliseconds. */
  time: number;
  level: LogLevel;
  source: "Logger" | "console";
  message: string;
  /** The execution that logged it, or null outside any execution. */
  executionId: number | null;
}

/** Every message logged through Logger and console; kept by the runtime across executions. */
export class LogBook {
  readonly entries: LogEntry[] = [];
  /** Per execution, how many of its Logger entries Logger.clear() has hidden from getLog(). */
  private readonly cleared = new Map<number | null, number>();

  /** `sink` receives each entry as it is recorded (e.g. to print it in the playground). */
  constructor(private readonly sink?: (entry: LogEntry) => void) {}

  record(entry: LogEntry): void {
    this.entries.push(entry);
    this.sink?.(entry);
  }

  /** The messages of one source, in order (a convenience for tests). */
  messages(source?: LogEntry["source"]): string[] {
    return this.entries.filter((e) => !source || e.source === source).map((e) => e.message);
  }

  /** The Logger entries of an execution still visible to Logger.getLog(). */
  loggerEntriesOf(executionId: number | null): LogEntry[] {
    const own = this.entries.filter((e) => e.source === "Logger" && e.executionId === executionId);
    return own.slice(this.cleared.get(executionId) ?? 0);
  }

  clearLoggerOf(executionId: number | null): void {
    this.cleared.set(
      executionId,
      this.entries.filter((e) => e.source === "Logger" && e.executionId === executionId).length,
    );
  }
}

/** Java's Double.toString, which Logger shows for numbers ("1.0", "1.5E-4", "1.0E21"). */
function javaNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity";
  const abs = Math.abs(n);
  if (abs === 0 || (abs >= 1e-3 && abs < 1e7)) return Number.isInteger(n) ? `${n}.0` : String(n);
  const [mantissa = "", exponent = ""] = n.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${exponent.replace("+", "")}`;
}

/**
 * A value as Logger shows it: Apps Script hands it to Java, so numbers read "1.0", objects "{a=1.0}",
 * arrays "[1.0, x]" and dates as java.util.Date.toString in the script's zone [UNCONFIRMED details].
 */
function javaString(value: unknown, timeZone: string): string {
  if (typeof value === "number") return javaNumber(value);
  if (value === null || value === undefined || typeof value !== "object") return String(value);
  if (Object.prototype.toString.call(value) === "[object Date]") {
    return formatInstant((value as Date).getTime(), timeZone, "EEE MMM dd HH:mm:ss z yyyy");
  }
  if (Array.isArray(value)) return `[${value.map((v) => javaString(v, timeZone)).join(", ")}]`;
  const fields = Object.entries(value).map(([k, v]) => `${k}=${javaString(v, timeZone)}`);
  return `{${fields.join(", ")}}`;
}

/** The emulated Logger members (developers.google.com/apps-script/reference/base/logger). */
export type EmulatedLogger = GoogleAppsScript.Base.Logger;

/**
 * The global `Logger`. log(format, ...values) replaces each %s with the next value; fewer values than
 * placeholders throws Java's MissingFormatArgumentException text [UNCONFIRMED]. getLog() returns this
 * execution's lines as "[yy-MM-dd HH:mm:ss:SSS z] message" (the legacy log format) [UNCONFIRMED].
 */
export function createLogger(kernel: Kernel, book: LogBook): EmulatedLogger {
  const executionId = () => kernel.execution?.id ?? null;
  const logger: EmulatedLogger = {
    log(data: unknown, ...values: unknown[]) {
      kernel.call("Logger", "Logger.log");
      const zone = kernel.scriptTimeZone;
      let message: string;
      if (values.length === 0 || typeof data !== "string") {
        message = javaString(data, zone);
      } else {
        let next = 0;
        message = data.replace(/%s/g, () => {
          if (next >= values.length) throw kernel.exception("Format specifier '%s'");
          return javaString(values[next++], zone);
        });
      }
      book.record({ time: kernel.now(), level: "INFO", source: "Logger", message, executionId: executionId() });
      return logger;
    },
    getLog(): string {
      kernel.call("Logger", "Logger.getLog");
      return book
        .loggerEntriesOf(executionId())
        .map((e) => `[${formatInstant(e.time, kernel.scriptTimeZone, "yy-MM-dd HH:mm:ss:SSS z")}] ${e.message}\n`)
        .join("");
    },
    clear(): void {
      kernel.call("Logger", "Logger.clear");
      book.clearLoggerOf(executionId());
    },
  };
  return logger;
}

/** The emulated console members (developers.google.com/apps-script/reference/base/console). */
export type EmulatedConsole = Pick<Console, "log" | "info" | "warn" | "error" | "time" | "timeEnd">;

/**
 * The global `console`: arguments are formatted as Node's console formats them (%s, %d, %o substitution,
 * the rest joined by spaces), close to what the Apps Script V8 runtime logs [UNCONFIRMED for objects].
 */
export function createConsole(kernel: Kernel, book: LogBook): EmulatedConsole {
  const writer =
    (method: string, level: LogLevel) =>
    (...args: unknown[]): void => {
      kernel.call("Logger", `console.${method}`);
      const message = format(...args);
      book.record({ time: kernel.now(), level, source: "console", message, executionId: kernel.execution?.id ?? null });
    };
  const timers = new Map<string, number>();
  return {
    log: writer("log", "DEBUG"),
    info: writer("info", "INFO"),
    warn: writer("warn", "WARNING"),
    error: writer("error", "ERROR"),
    /** "Starts a timer you can use to track how long an operation takes" (simulated time; label "default" when omitted). */
    time(label = "default"): void {
      kernel.call("Logger", "console.time");
      timers.set(String(label), kernel.now());
    },
    /**
     * "Stops a timer that was previously started by calling console.time(). The time duration is logged": as
     * "<label>: <n>ms" at INFO, as V8 formats it [UNCONFIRMED]; a label never started logs nothing [UNCONFIRMED].
     */
    timeEnd(label = "default"): void {
      kernel.call("Logger", "console.timeEnd");
      const started = timers.get(String(label));
      if (started === undefined) return;
      timers.delete(String(label));
      const message = `${String(label)}: ${kernel.now() - started}ms`;
      book.record({
        time: kernel.now(),
        level: "INFO",
        source: "console",
        message,
        executionId: kernel.execution?.id ?? null,
      });
    },
  };
}
