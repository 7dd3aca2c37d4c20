/** The small differences between a formula as Sheets reads it and as the engine (HyperFormula) reads it, and the functions a formula calls. */

import { DIFFERENT_IN_ENGINE, NOT_EMULATED_FUNCTIONS } from "./unevaluated-functions";

/**
 * String literals, sheet names in quotes, sheet names without quotes that the engine only reads quoted (员工!A:B;
 * Sheets takes any name a formula can't mistake for something else), then bare TRUE/FALSE (Sheets' boolean
 * literals; the engine knows only TRUE()).
 */
const TOKENS =
  /("(?:[^"]|"")*")|('(?:[^']|'')*')|(?<![\w.'])([^\s'"!(),;:=+\-*/^&<>{}]*[\u0080-\uffff][^\s'"!(),;:=+\-*/^&<>{}]*)!|(?<![\w.$])(TRUE|FALSE)(?![\w.(!])/gi;

/** The formula as the engine reads it: `=IF(A1, TRUE, FALSE)` becomes `=IF(A1, TRUE(), FALSE())`, `员工!A:B` `'员工'!A:B`. */
export function toEngine(formula: string): string {
  return formula.replace(TOKENS, (match, text?: string, quoted?: string, sheet?: string, literal?: string) => {
    if (text !== undefined || quoted !== undefined) return match;
    if (sheet !== undefined) return `'${sheet}'!`;
    return `${(literal as string).toUpperCase()}()`;
  });
}

const CALLS = /("(?:[^"]|"")*")|('(?:[^']|'')*')|([A-Za-z_][\w.]*)\s*\(/g;

/** The names of the functions a formula calls, upper-case, outside string literals. */
export function functionsCalled(formula: string): string[] {
  const names: string[] = [];
  for (const match of formula.matchAll(CALLS)) if (match[3] !== undefined) names.push(match[3].toUpperCase());
  return names;
}

/** Thrown when a formula calls a Sheets function the runtime cannot evaluate as Sheets would (never a silent "#NAME?"). */
export class FormulaNotEmulatedError extends Error {
  constructor(
    readonly functionName: string,
    formula: string,
    where: string,
  ) {
    const why = DIFFERENT_IN_ENGINE.get(functionName) ?? "not in the formula engine";
    super(
      `The in-memory runtime cannot evaluate ${functionName} (${why}) in ${where}: ${formula}. ` +
        "See local/runtime/spreadsheet/unevaluated-functions.ts.",
    );
    this.name = "FormulaNotEmulatedError";
  }
}

/** The first function of `formula` the runtime refuses to guess, or null. */
export function notEmulatedIn(formula: string): string | null {
  return (
    functionsCalled(formula).find((name) => NOT_EMULATED_FUNCTIONS.has(name) || DIFFERENT_IN_ENGINE.has(name)) ?? null
  );
}

/** Throws FormulaNotEmulatedError for the first function of `formula` the runtime refuses to guess. */
export function assertEvaluable(formula: string, where: string): void {
  const name = notEmulatedIn(formula);
  if (name !== null) throw new FormulaNotEmulatedError(name, formula, where);
}
