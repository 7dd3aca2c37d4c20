/** What Google Sheets computes that HyperFormula does not (or computes differently): the runtime's clock for TODAY/NOW, Sheets-only functions, and the list of those it refuses to guess. */

import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";

/** The moment formulas are evaluated at, as Sheets serials in the spreadsheet's time zone (set around each evaluation). */
export interface FormulaClock {
  /** Today's date (an integer serial): TODAY(). */
  today: number;
  /** Now, with the time of day: NOW(). */
  now: number;
}

/**
 * HyperFormula evaluates synchronously inside the calls that build or change an engine, so the clock of the
 * evaluation under way is set here just before and cleared just after (see withClock). Its own TODAY/NOW read the
 * host's clock and zone; Sheets takes them from the spreadsheet's zone (support.google.com/docs/answer/3092984).
 */
let clock: FormulaClock | null = null;

export function withClock<T>(at: FormulaClock, evaluate: () => T): T {
  const outer = clock;
  clock = at;
  try {
    return evaluate();
  } finally {
    clock = outer;
  }
}

function currentClock(): FormulaClock {
  if (!clock) throw new Error("a formula was evaluated outside withClock(): the runtime's clock is unknown");
  return clock;
}

/** A JavaScript RegExp for a Sheets (RE2) pattern; RE2 syntax JavaScript lacks is refused by the caller's #REF!. */
function patternOf(pattern: string): RegExp {
  return new RegExp(pattern, "u");
}

/** Sheets' text of a value as string functions see it (TRUE, numbers as typed). */
function textOf(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value === null || value === undefined ? "" : String(value);
}

/**
 * Sheets' own functions the team's sheets use, and the runtime's TODAY/NOW. Each method follows its Sheets help
 * page; the argument checks and coercions are HyperFormula's (runFunction), as for its own functions.
 */
class SheetsFunctions extends FunctionPlugin {
  today(ast: Call, state: never) {
    return this.runFunction(ast.args, state, this.metadata("TODAY"), () => currentClock().today);
  }

  now(ast: Call, state: never) {
    return this.runFunction(ast.args, state, this.metadata("NOW"), () => currentClock().now);
  }

  /** REGEXMATCH(text, regular_expression) (support.google.com/docs/answer/3098292). */
  regexmatch(ast: Call, state: never) {
    return this.runFunction(ast.args, state, this.metadata("REGEXMATCH"), (text: string, pattern: string) =>
      patternOf(pattern).test(text),
    );
  }

  /** REGEXEXTRACT(text, regular_expression): the first capture group, or the whole match; #N/A without one (support.google.com/docs/answer/3098244). */
  regexextract(ast: Call, state: never) {
    return this.runFunction(ast.args, state, this.metadata("REGEXEXTRACT"), (text: string, pattern: string) => {
      const match = patternOf(pattern).exec(text);
      if (!match) return this.notAvailable();
      return match[1] ?? match[0];
    });
  }

  /** REGEXREPLACE(text, regular_expression, replacement): every match, "$1" for groups (support.google.com/docs/answer/3098245). */
  regexreplace(ast: Call, state: never) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("REGEXREPLACE"),
      (text: string, pattern: string, replacement: string) =>
        text.replace(new RegExp(pattern, "gu"), replacement.replace(/\\(\d)/g, "$$$1")),
    );
  }

  /** JOIN(delimiter, value_or_array1, …) (support.google.com/docs/answer/3094077). */
  join(ast: Call, state: never) {
    return this.runFunction(ast.args, state, this.metadata("JOIN"), (delimiter: string, ...parts: unknown[]) =>
      parts
        .flatMap((part) => (isRange(part) ? part.valuesFromTopLeftCorner() : [part]))
        .map(textOf)
        .join(delimiter),
    );
  }

  /** CONCAT(value1, value2): two values as text (support.google.com/docs/answer/3093592). */
  concat(ast: Call, state: never) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("CONCAT"),
      (a: unknown, b: unknown) => textOf(a) + textOf(b),
    );
  }

  /** ISEMAIL(value) (support.google.com/docs/answer/3256503). */
  isemail(ast: Call, state: never) {
    return this.runFunction(ast.args, state, this.metadata("ISEMAIL"), (value: unknown) =>
      typeof value === "string" ? /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(value) : false,
    );
  }

  /** TO_DATE(value): the number shown as a date (support.google.com/docs/answer/3094239). */
  to_date(ast: Call, state: never) {
    return this.runFunction(ast.args, state, this.metadata("TO_DATE"), (value: number) => value);
  }

  /** TO_TEXT(value): the value as text (support.google.com/docs/answer/3094285) [UNCONFIRMED: shown format of numbers]. */
  to_text(ast: Call, state: never) {
    return this.runFunction(ast.args, state, this.metadata("TO_TEXT"), (value: unknown) => textOf(value));
  }

  /** ADD, MINUS, MULTIPLY, DIVIDE, POW, EQ, NE, GT, GTE, LT, LTE, UMINUS, UPLUS: Sheets' operators as functions (support.google.com/docs/table/25273, "Operator"). */
  operator(ast: Call, state: never) {
    const name = ast.procedureName as keyof typeof OPERATORS;
    return this.runFunction(ast.args, state, this.metadata(name), OPERATORS[name]);
  }

  private notAvailable() {
    return new CellError(ErrorType.NA);
  }
}

/** The call being evaluated, as the engine hands it to a plugin method. */
interface Call {
  args: never[];
  procedureName: string;
}

const OPERATORS = {
  ADD: (a: number, b: number) => a + b,
  MINUS: (a: number, b: number) => a - b,
  MULTIPLY: (a: number, b: number) => a * b,
  DIVIDE: (a: number, b: number) => (b === 0 ? new CellError(ErrorType.DIV_BY_ZERO) : a / b),
  POW: (a: number, b: number) => a ** b,
  EQ: (a: unknown, b: unknown) => compare(a, b) === 0,
  NE: (a: unknown, b: unknown) => compare(a, b) !== 0,
  GT: (a: unknown, b: unknown) => compare(a, b) > 0,
  GTE: (a: unknown, b: unknown) => compare(a, b) >= 0,
  LT: (a: unknown, b: unknown) => compare(a, b) < 0,
  LTE: (a: unknown, b: unknown) => compare(a, b) <= 0,
  UMINUS: (a: number) => -a,
  UPLUS: (a: number | string | boolean) => a,
} as const;

/** Sheets' comparison order: numbers < text (case-insensitive) < booleans; empty counts as 0 or "". */
function compare(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase().localeCompare(b.toLowerCase());
  return Number(a ?? 0) - Number(b ?? 0);
}

interface RangeArgument {
  valuesFromTopLeftCorner(): unknown[];
}

function isRange(value: unknown): value is RangeArgument {
  return typeof value === "object" && value !== null && "valuesFromTopLeftCorner" in value;
}

const STRING = { argumentType: FunctionArgumentType.STRING };
const ANY = { argumentType: FunctionArgumentType.SCALAR };

(SheetsFunctions as unknown as { implementedFunctions: unknown }).implementedFunctions = {
  TODAY: { method: "today", parameters: [], isVolatile: true, returnNumberType: "NUMBER_DATE" },
  NOW: { method: "now", parameters: [], isVolatile: true, returnNumberType: "NUMBER_DATETIME" },
  REGEXMATCH: { method: "regexmatch", parameters: [STRING, STRING] },
  REGEXEXTRACT: { method: "regexextract", parameters: [STRING, STRING] },
  REGEXREPLACE: { method: "regexreplace", parameters: [STRING, STRING, STRING] },
  JOIN: {
    method: "join",
    parameters: [STRING, { argumentType: FunctionArgumentType.ANY }],
    repeatLastArgs: 1,
  },
  CONCAT: { method: "concat", parameters: [ANY, ANY] },
  ISEMAIL: { method: "isemail", parameters: [ANY] },
  TO_DATE: {
    method: "to_date",
    parameters: [{ argumentType: FunctionArgumentType.NUMBER }],
    returnNumberType: "NUMBER_DATE",
  },
  TO_TEXT: { method: "to_text", parameters: [ANY] },
  ...Object.fromEntries(
    Object.keys(OPERATORS).map((name) => {
      const numeric = ["ADD", "MINUS", "MULTIPLY", "DIVIDE", "POW", "UMINUS"].includes(name);
      const arity = name === "UMINUS" || name === "UPLUS" ? 1 : 2;
      const argument = numeric ? { argumentType: FunctionArgumentType.NUMBER } : ANY;
      return [name, { method: "operator", parameters: Array.from({ length: arity }, () => argument) }];
    }),
  ),
};

const NAMES = Object.keys((SheetsFunctions as unknown as { implementedFunctions: object }).implementedFunctions);
const translations = Object.fromEntries(NAMES.map((name) => [name, name]));
HyperFormula.registerFunctionPlugin(
  SheetsFunctions as unknown as Parameters<typeof HyperFormula.registerFunctionPlugin>[0],
  {
    enGB: translations,
    enUS: translations,
  },
);

/** Every function the runtime evaluates: HyperFormula's (with Sheets' replacements above). */
export const EVALUATED_FUNCTIONS: ReadonlySet<string> = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
