/** Reads an exported CSV file into records: UTF-8 with or without a BOM, every row as wide as the first, with each record's line in the file. */

import { CsvError, parse } from "csv-parse/sync";

/** Input the simulator cannot use; its message says what is wrong and how to fix it. */
export class SimulationInputError extends Error {}

/** The records of a CSV file, and the file line each starts on (1-based). */
export interface CsvTable {
  records: string[][];
  lines: number[];
}

/** The text of a CSV file, refusing anything that is not UTF-8 (Excel's "CSV" in a Chinese Windows is GBK). */
function utf8Text(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SimulationInputError(
      `${file} is UTF-16 ("Unicode text"), not UTF-8: export it again as "CSV UTF-8 (comma delimited)" or from Google Sheets (File → Download → CSV).`,
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const line = lossy.slice(0, lossy.indexOf("\uFFFD")).split("\n").length;
    throw new SimulationInputError(
      `${file} is not UTF-8 text (first bad byte on line ${line}; a GBK or ANSI export?): save it as "CSV UTF-8 (comma delimited)" in Excel, or download it from Google Sheets as CSV.`,
    );
  }
}

/** Line breaks inside a record's quoted fields. */
function innerBreaks(record: readonly string[]): number {
  return record.reduce((count, field) => count + (field.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
}

/** Parses CSV bytes; ragged rows, unclosed quotes and bad encodings are refused with the line to look at. */
export function readCsv(bytes: Uint8Array, file: string): CsvTable {
  const text = utf8Text(bytes, file);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where the parser stood (csv-parse's types do not follow the option).
    parsed = parse(text, { bom: true, skip_empty_lines: true, info: true }) as unknown as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError) throw new SimulationInputError(csvErrorMessage(error, file));
    throw error;
  }
  if (parsed.length === 0) throw new SimulationInputError(`${file} is empty.`);
  return {
    records: parsed.map((p) => p.record),
    lines: parsed.map((p) => p.info.lines - innerBreaks(p.record)),
  };
}

function csvErrorMessage(error: CsvError, file: string): string {
  const details = error as CsvError & { lines?: number; record?: unknown[] };
  if (error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
    const match = /expect (\d+), got (\d+)/.exec(error.message);
    return `${file}, line ${details.lines}: the row has ${match?.[2] ?? "?"} fields but the first row has ${match?.[1] ?? "?"} (a ragged row: every row of an exported sheet has the same number of columns; check for a stray comma or an unquoted field).`;
  }
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return `${file}: a quoted field opened before line ${details.lines} is never closed (an unbalanced " in the file).`;
  }
  return `${file}, line ${details.lines ?? "?"}: not valid CSV (${error.message}).`;
}
