/** The dry run: a team's exported follow-up table is typed into a fresh in-memory spreadsheet, adopted, synced, and the hourly trigger run at a chosen local time; the outbox, a summary and the workbook are written out. */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { mappingLines } from "../../src/core/adoption-report";
import { dayFromYmd, dayInZone, instantOfLocalTime, isoOfDay, weekdayOfDay } from "../../src/core/dates";
import { type DetectedTable, detectTable, planAdoption } from "../../src/core/header-detection";
import type { Language } from "../../src/core/language";
import { literalGrid } from "../../src/core/literal";
import { parseSettings, settingsGrid } from "../../src/core/settings";
import { translate } from "../../src/i18n/translate";
import { readProject } from "../runtime/loader";
import { DAILY_RECIPIENTS } from "../runtime/mail";
import { AppsScriptRuntime } from "../runtime/runtime";
import { addChannels, type ChatOption, postFileNames, postFiles, writePosts } from "./chat-posts";
import { type CsvTable, readCsv, SimulationInputError } from "./csv-table";
import { emlFileName, toEml } from "./eml";
import { readSummary, type Summary } from "./summary";
import { adoptingUser, placeholderTeamRows, teamRowsFromCsv } from "./team-input";
import { isBlankRecord, typedGrid } from "./typed-grid";
import { tableSheets } from "./workbook-readback";
import { writeXlsx } from "./xlsx";

export interface SimulationOptions {
  /** The exported follow-up table. */
  csv: string;
  /** The Team sheet's rows as CSV (header first); without it each owner gets a placeholder address. */
  team?: string;
  /** Local date and time of the hourly run in `tz`: "2024-06-10T09:00". */
  at: string;
  /** The spreadsheet's IANA time zone. */
  tz: string;
  out: string;
  /** The spreadsheet's language (its locale: zh_CN or en_US); by default the header's. */
  lang?: Language;
  /** Build and send the weekly review even when `at` is not the Settings review day and hour. */
  review?: boolean;
  /** Reminder channels to add (one per entry, placeholder webhooks): their posts go to DIR/posts. */
  chat?: readonly ChatOption[];
  /** The built Apps Script project (default dist/ under the working directory). */
  dist?: string;
}

const LOCALES: Record<Language, string> = { zh: "zh_CN", en: "en_US" };

/** The instant of "yyyy-mm-ddTHH:MM[:SS]" on the clocks of `tz`. */
function instantOf(at: string, tz: string): number {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
  } catch {
    throw new SimulationInputError(`--tz ${tz} is not an IANA time zone (e.g. Asia/Shanghai, America/New_York).`);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(at);
  const [, year, month, day, hour, minute] = (match ?? []).map(Number);
  const date = match ? dayFromYmd(year, month, day) : Number.NaN;
  if (!match || isoOfDay(date) !== at.slice(0, 10) || hour > 23 || minute > 59) {
    throw new SimulationInputError(`--at ${at} is not a local date and time like 2024-06-10T09:00.`);
  }
  return instantOfLocalTime(date, hour, minute, tz);
}

/** The header of the exported table, or a message naming what is missing. */
function headerOf(table: CsvTable, file: string): DetectedTable {
  const detected = detectTable(table.records);
  if (!detected) {
    throw new SimulationInputError(
      `${file}: no header row with a customer column (客户名称 / 客户 / Customer / Company / Account …) and one more known column in the first 30 rows.`,
    );
  }
  if (detected.columns.date === undefined) {
    throw new SimulationInputError(
      `${file}: no follow-up date column (跟进时间 / 跟进日期 / Follow-up date / Date …) in the header row ${detected.headerRow} (${table.records[detected.headerRow - 1]?.join(", ")}).`,
    );
  }
  return detected;
}

/** zh when a recognised header is Chinese. */
function headerLanguage(detected: DetectedTable): Language {
  return detected.recognised.some((r) => /[\u4e00-\u9fff]/.test(r.header)) ? "zh" : "en";
}

/** Types the grid into the first sheet as one write, as a person pasting the table would. */
function typeInto(sheet: GoogleAppsScript.Spreadsheet.Sheet, grid: unknown[][]): void {
  const width = grid[0]?.length ?? 1;
  if (grid.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
}

/** Replaces the Team sheet's members (below its header) with `rows` (six columns, or eight with mobile and chat id). */
function writeTeam(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: unknown[][]): void {
  if (sheet.getLastRow() > 1) sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).clearContent();
  if (rows.length + 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  if (rows.length > 0) sheet.getRange(2, 1, rows.length, rows[0]?.length ?? 0).setValues(rows);
}

/** Makes `at` the Settings review day and hour (for --review), so the hourly run builds and sends the review. */
function reviewAt(sheet: GoogleAppsScript.Spreadsheet.Sheet, language: Language, at: string): void {
  const { settings } = parseSettings(sheet.getDataRange().getValues(), language);
  const day = dayFromYmd(Number(at.slice(0, 4)), Number(at.slice(5, 7)), Number(at.slice(8, 10)));
  const hour = Number(at.slice(11, 13));
  const grid = literalGrid(
    settingsGrid(
      { ...settings, reviewWeekday: weekdayOfDay(day), reviewHour: Math.min(settings.reviewHour, hour) },
      language,
    ),
  );
  sheet.getRange(1, 1, grid.length, grid[0]?.length ?? 1).setValues(grid);
}

/** Clicks a menu item answering its dialogs, and returns what the last one said. */
function clickAnswering(runtime: AppsScriptRuntime, caption: string, answers: ("YES" | "OK")[]): string {
  for (const answer of answers) runtime.ui.answerNext(answer);
  runtime.clickMenu(caption);
  return runtime.ui.exchanges.at(-1)?.prompt ?? "";
}

/** Runs the dry run and writes DIR/outbox/*.eml, DIR/posts/*.json (with --chat), DIR/summary.json and DIR/workbook.xlsx; returns the summary. */
export async function simulate(options: SimulationOptions): Promise<Summary> {
  const now = instantOf(options.at, options.tz);
  const table = readCsv(readFileSync(options.csv), options.csv);
  const detected = headerOf(table, options.csv);
  const teamRows = options.team
    ? teamRowsFromCsv(readCsv(readFileSync(options.team), options.team).records, options.team)
    : null;
  const language = options.lang ?? headerLanguage(detected);
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);

  const runtime = new AppsScriptRuntime(readProject(options.dist ?? path.resolve("dist")), {
    now,
    user: { email: teamRows ? adoptingUser(teamRows) : "admin@example.com", locale: LOCALES[language] },
    mailDailyLimit: DAILY_RECIPIENTS.workspace,
  });
  runtime.createSpreadsheet({
    name: path.basename(options.csv, ".csv"),
    timeZone: options.tz,
    locale: LOCALES[language],
  });
  const spreadsheet = runtime.inspect().getActiveSpreadsheet();
  const first = spreadsheet.getSheets()[0];
  if (!first) throw new Error("a new spreadsheet has no sheet");
  typeInto(first, typedGrid(table.records, detected));

  runtime.open("LIMITED");
  const adopted = clickAnswering(runtime, t("menu.setup"), ["YES", "OK"]);
  const sheets = tableSheets(spreadsheet);
  if (!sheets) throw new SimulationInputError(`the table was not adopted: ${adopted}`);
  const owners = detected.columns.owner;
  const dataRecords = table.records.slice(detected.headerRow).filter((r) => !isBlankRecord(r));
  writeTeam(
    sheets.team,
    teamRows ?? placeholderTeamRows(owners === undefined ? [] : dataRecords.map((r) => r[owners - 1] ?? ""), language),
  );
  if (options.review) reviewAt(sheets.settings, language, options.at);
  clickAnswering(runtime, t("menu.sync"), ["OK"]);
  clickAnswering(runtime, t("menu.reminders"), ["OK"]);
  const chat = options.chat ?? [];
  addChannels(runtime, chat, language);
  const trigger = runtime.triggers.list()[0];
  if (!trigger) throw new Error("switching reminders on made no trigger");
  const today = isoOfDay(dayInZone(runtime.kernel.now(), options.tz));
  runtime.run("runHourly", [{ triggerUid: trigger.uniqueId }], { kind: "timeTrigger", spreadsheetId: null });

  const posts = chat.length > 0 ? postFiles(runtime, language) : [];
  const summary = readSummary(spreadsheet, {
    today,
    lines: table.lines,
    emails: runtime.outbox.messages.length,
    posts: postFileNames(posts),
    mapping: mappingLines(planAdoption(detected), language),
  });
  const outbox = path.join(options.out, "outbox");
  mkdirSync(outbox, { recursive: true });
  runtime.outbox.messages.forEach((mail, index) => {
    writeFileSync(path.join(outbox, emlFileName(mail, index + 1)), toEml(mail, index + 1));
  });
  if (chat.length > 0) writePosts(posts, options.out);
  writeFileSync(path.join(options.out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await writeXlsx(runtime, path.join(options.out, "workbook.xlsx"));
  return summary;
}
