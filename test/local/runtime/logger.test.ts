/** Tests of the emulated Logger and console. */

import { Kernel } from "../../../local/runtime/kernel";
import { createConsole, createLogger, LogBook, type LogEntry } from "../../../local/runtime/logger";
import { ANA, executionRunner } from "./fixtures/execution";

/** Sunday 2024-03-10 17:30:05.007 in Shanghai. */
const NOW = Date.UTC(2024, 2, 10, 9, 30, 5, 7);

function setup(sink?: (entry: LogEntry) => void) {
  const kernel = new Kernel({ now: NOW, scriptTimeZone: "Asia/Shanghai" });
  const book = new LogBook(sink);
  const logger = createLogger(kernel, book);
  const console = createConsole(kernel, book);
  const { run } = executionRunner(kernel, ANA);
  return { kernel, book, logger, console, run };
}

describe("logger", () => {
  describe("log", () => {
    it("records a message at INFO, also in AuthMode.NONE, and chains", () => {
      const { book, logger, run } = setup();
      const returned = run(() => logger.log("hello"), { authMode: "NONE" });
      expect(returned).toBe(logger);
      expect(book.entries).toEqual([{ time: NOW, level: "INFO", source: "Logger", message: "hello", executionId: 1 }]);
    });

    it("replaces %s with the values", () => {
      const { book, logger, run } = setup();
      run(() => logger.log("Hello %s, you have %s rows", "Ana", 5));
      expect(book.messages("Logger")).toEqual(["Hello Ana, you have 5.0 rows"]);
    });

    it("throws when a %s has no value", () => {
      const { logger, run } = setup();
      expect(() => run(() => logger.log("%s and %s", "a"))).toThrow("Format specifier '%s'");
    });

    it("shows values as Java does: numbers, objects, arrays and dates", () => {
      const { book, logger, run } = setup();
      run(() => {
        logger.log(5);
        logger.log(0.5);
        logger.log(1e21);
        logger.log({ a: 1, b: [1, "x", null] });
        logger.log(new Date(0));
        logger.log("100%");
      });
      expect(book.messages()).toEqual([
        "5.0",
        "0.5",
        "1.0E21",
        "{a=1.0, b=[1.0, x, null]}",
        "Thu Jan 01 08:00:00 CST 1970",
        "100%",
      ]);
    });
  });

  describe("getLog", () => {
    it("returns this execution's lines with their time in the script's zone", () => {
      const { logger, run } = setup();
      run(() => logger.log("earlier execution"));
      const log = run(() => {
        logger.log("one");
        logger.log("two");
        return logger.getLog();
      });
      expect(log).toBe("[24-03-10 17:30:05:007 CST] one\n[24-03-10 17:30:05:007 CST] two\n");
    });
  });

  describe("clear", () => {
    it("empties getLog but keeps the entries in the LogBook", () => {
      const { book, logger, run } = setup();
      const log = run(() => {
        logger.log("before");
        logger.clear();
        logger.log("after");
        return logger.getLog();
      });
      expect(log).toBe("[24-03-10 17:30:05:007 CST] after\n");
      expect(book.messages()).toEqual(["before", "after"]);
    });
  });

  describe("console", () => {
    it("records log/info/warn/error with their levels and substitutions", () => {
      const { book, console, logger, run } = setup();
      run(() => {
        console.log("n=%d", 5);
        console.info("info", 1);
        console.warn("careful");
        console.error("failed: %s", "boom");
        expect(logger.getLog()).toBe("");
      });
      expect(book.entries.map((e) => [e.level, e.source, e.message])).toEqual([
        ["DEBUG", "console", "n=5"],
        ["INFO", "console", "info 1"],
        ["WARNING", "console", "careful"],
        ["ERROR", "console", "failed: boom"],
      ]);
    });

    it("works in AuthMode.NONE", () => {
      const { book, console, run } = setup();
      run(() => console.log("menu built"), { authMode: "NONE" });
      expect(book.messages("console")).toEqual(["menu built"]);
    });
  });

  describe("LogBook", () => {
    it("echoes each entry to the sink", () => {
      const seen: string[] = [];
      const { console, logger, run } = setup((entry) => seen.push(`${entry.level} ${entry.message}`));
      run(() => {
        logger.log("a");
        console.warn("b");
      });
      expect(seen).toEqual(["INFO a", "WARNING b"]);
    });
  });

  // developers.google.com/apps-script/reference/base/console: time(label) "Starts a timer you can use to track how long
  // an operation takes"; timeEnd(label) "Stops a timer that was previously started by calling console.time(). The time
  // duration is logged".
  describe("console.time / timeEnd", () => {
    it("logs the label and the simulated time between them; an unknown label logs nothing", () => {
      const { kernel, book, console, run } = setup();
      run(() => {
        console.time("sync");
        kernel.advance(1250);
        console.timeEnd("sync");
        console.timeEnd("never started");
        console.time();
        console.timeEnd();
      });
      expect(book.entries.map((e) => [e.level, e.message])).toEqual([
        ["INFO", "sync: 1250ms"],
        ["INFO", "default: 0ms"],
      ]);
    });
  });
});
