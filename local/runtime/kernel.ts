/** The shared machinery of the in-memory Apps Script runtime: simulated clock, call counters, cost model, fault injection, OAuth scopes and grants, auth modes and the current execution. */

import { allowedIn, type Reach } from "./auth-modes";
import type { ScopeGrants } from "./authorization";
import { EXECUTION_TIME_EXCEEDED, executionTimeLimitMs } from "./limits";

/** The Apps Script services the runtime emulates; counters and costs are kept per service. */
export type ServiceName =
  | "Spreadsheet"
  | "Properties"
  | "Cache"
  | "Lock"
  | "Mail"
  | "Script"
  | "Html"
  | "Session"
  | "Utilities"
  | "Logger"
  | "Ui"
  | "UrlFetch"
  /** The Sheets advanced service (Sheets API v4), present only when the manifest enables it. */
  | "Sheets";

/** ScriptApp.AuthMode values an execution can run in (developers.google.com/apps-script/reference/script/auth-mode). */
export type AuthModeName = "NONE" | "CUSTOM_FUNCTION" | "LIMITED" | "FULL";

/** The JavaScript realm the code under test runs in: values handed to it must be built with its own constructors. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** What started an execution; decides what the platform allows (e.g. getUi() in a time-driven trigger). */
export type ExecutionKind =
  | "editor" // a menu item, a sidebar call, or "Run" in the script editor
  | "simpleTrigger" // onOpen/onEdit/onInstall as simple triggers
  | "timeTrigger" // an installable time-driven trigger
  | "installableTrigger"; // other installable triggers (onOpen, onEdit, onChange, onFormSubmit)

/** One execution of a server function, as Apps Script runs it. */
export interface Execution {
  readonly id: number;
  readonly functionName: string;
  readonly kind: ExecutionKind;
  readonly authMode: AuthModeName;
  /** Email of the user at the keyboard (Session.getActiveUser); "" for no one. */
  readonly activeUser: string;
  /**
   * True where Apps Script hides the active user's email from the script (e.g. a consumer account's simple trigger):
   * Session then shows "" (./identity activeEmailShown). Absent: shown.
   */
  readonly activeUserHidden?: boolean;
  /** Email of the user whose authority the script runs with (Session.getEffectiveUser). */
  readonly effectiveUser: string;
  /** The document the execution is bound to, or null (e.g. add-on time triggers [UNCONFIRMED]). */
  readonly activeSpreadsheetId: string | null;
  /** The active user's locale as Session.getActiveUserLocale() reports it (e.g. "en", "zh_CN"). */
  readonly userLocale: string;
  readonly startedAt: number;
  readonly realm: Realm;
}

/** Simulated milliseconds charged per call, per cell, per message and per read after a write; advances the clock so "Apps Script time" can be estimated. */
export interface CostModel {
  /** Default cost of one call, per service. */
  perCallMs: Record<ServiceName, number>;
  /** Overrides for single methods, keyed "Class.method" (e.g. "Range.getValues") or "Class.*". */
  perMethodMs: Record<string, number>;
  perCellReadMs: number;
  perCellWrittenMs: number;
  /** A Spreadsheet read in an execution holding unflushed Spreadsheet writes first commits them: one round trip. */
  readAfterWriteMs: number;
  /** What a message costs on top of its MailApp.sendEmail call (whose per-method price is the base per message). */
  mail: { perKbMs: number; perRecipientMs: number };
}

/**
 * Classes whose objects live in the script, not in the document: builders assemble a value before the one call that
 * uses it, and built rule objects are values the script holds. Their calls are counted but cost nothing, and never
 * read or write the spreadsheet.
 */
const SCRIPT_SIDE_CLASSES = [
  "TriggerBuilder",
  "ClockTriggerBuilder",
  "SpreadsheetTriggerBuilder",
  "DataValidationBuilder",
  "ConditionalFormatRuleBuilder",
  "FilterCriteriaBuilder",
  "EmbeddedChartBuilder",
  "Menu",
  "DataValidation",
  "ConditionalFormatRule",
  "BooleanCondition",
  "GradientCondition",
  "FilterCriteria",
  "AuthorizationInfo",
] as const;

/**
 * Default costs, each with its source; docs/performance.md ("The cost model") gives the same list.
 *
 * - Spreadsheet 7 ms a call, 0.1 ms a cell written: Google's best-practices page
 *   (developers.google.com/apps-script/guides/support/best-practices): a 100×100 grid written cell by cell takes
 *   ~70 s, i.e. ~7 ms per call, against ~1 s batched, i.e. ~0.1 ms per cell. A Stack Overflow measurement ("What is
 *   faster: ScriptDb or SpreadsheetApp?", ruby-bash.developreference.com/article/29263774) agrees on the order: one
 *   4,000-cell write committed by flush() took ~610 ms, ~0.14 ms a cell. 0.01 ms a cell read: no source gives one;
 *   reads are assumed ten times cheaper than writes.
 * - readAfterWriteMs and SpreadsheetApp.flush 30 ms: Apps Script caches writes and "every time you do a read, we
 *   must first empty (commit) the write cache" (Google's Apps Script blog, "Optimizing Spreadsheet Operations",
 *   googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html); the best-practices page: "Alternating
 *   read and write commands is slow". The same Stack Overflow measurement: 400 one-row writes took 164 ms, and
 *   almost 12 s with a flush() after each, i.e. ~30 ms per commit of a small write.
 * - MailApp.sendEmail 400 ms per message + 8 ms per KB of body, HTML body and attachments: a published add-on
 *   reports "An email with total size of 100KB will take about 1.2 seconds to send"
 *   (sites.google.com/quickfixters.com/add-onsuniverse/faq, Small Outbox). No source splits that into a base and a
 *   size part; the base is the pace the Gmail API allows one user (15,000 quota units a minute, messages.send 100
 *   units: 150 messages a minute, one per 400 ms; developers.google.com/gmail/api/reference/quota), MailApp being
 *   assumed no faster [UNCONFIRMED]; the rest of the 1.2 s is the size: (1,200 - 400) / 100 KB = 8 ms per KB.
 * - 20 ms per recipient (to, cc and bcc): no source gives one; a small charge so that 50 recipients (the most one
 *   message may have) add about 1 s.
 * - Every other figure (Properties, Cache, Lock, other Mail calls such as getRemainingDailyQuota, Script, Html,
 *   Session, Ui, UrlFetch, the Sheets advanced service, openById, createPivotTable, insertSheet,
 *   setConditionalFormatRules): rough figures from commonly reported timings, without a source; a Sheets API call
 *   is one HTTP round trip, priced as a UrlFetch call.
 * - SpreadsheetApp.create 1,000 ms: none; a new Drive file is assumed to cost a few openById calls.
 */
export const DEFAULT_COST_MODEL: CostModel = {
  perCallMs: {
    Spreadsheet: 7,
    Properties: 5,
    Cache: 3,
    Lock: 5,
    Mail: 60,
    Script: 40,
    Html: 5,
    Session: 1,
    Utilities: 0,
    Logger: 0,
    Ui: 20,
    // One HTTP round trip to a nearby server; a scripted response may say it took longer.
    UrlFetch: 150,
    // One call of a Google API through an advanced service: an HTTP round trip, priced as UrlFetch's.
    Sheets: 150,
  },
  perMethodMs: {
    ...Object.fromEntries(SCRIPT_SIDE_CLASSES.map((name) => [`${name}.*`, 0])),
    "MailApp.sendEmail": 400,
    "SpreadsheetApp.flush": 30,
    "SpreadsheetApp.openById": 200,
    "SpreadsheetApp.create": 1000,
    "Range.createPivotTable": 150,
    "Sheet.setConditionalFormatRules": 20,
    "Spreadsheet.insertSheet": 50,
  },
  perCellReadMs: 0.01,
  perCellWrittenMs: 0.1,
  readAfterWriteMs: 30,
  mail: { perKbMs: 8, perRecipientMs: 20 },
};

/** Verbs of Spreadsheet methods that read the document (e.g. getValues, getLastRow, isSheetHidden, find). */
const READ_VERB = /^(get|is|has|find|can)/;
/** Verbs of Spreadsheet methods that change the document (e.g. setValues, insertSheet, appendRow, protect, hideSheet). */
const WRITE_VERB =
  /^(set|insert|append|delete|clear|add|remove|copy|move|sort|hide|show|unhide|protect|merge|break|auto|activate|update|check|uncheck|trim|randomize|create(?!DeveloperMetadataFinder))/;

/** Whether a Spreadsheet call reads the document, changes it, or neither (builders, objects held by the script, offset, EmbeddedChart.modify). */
function spreadsheetAccess(method: string, cellsRead: number, cellsWritten: number): "read" | "write" | null {
  const dot = method.indexOf(".");
  const className = method.slice(0, dot);
  const verb = method.slice(dot + 1);
  if ((SCRIPT_SIDE_CLASSES as readonly string[]).includes(className)) return null;
  if (cellsRead > 0 || READ_VERB.test(verb)) return "read";
  if (cellsWritten > 0 || WRITE_VERB.test(verb)) return "write";
  return null;
}

/** Which calls a fault or an interleaving applies to. */
export interface CallMatch {
  /** "Class.method" (e.g. "Range.getValues"), "Service.*" (e.g. "Spreadsheet.*") or "*". */
  match: string;
  /** Fire on the nth matching call only (1-based, counted from when the rule was added). */
  nth?: number;
  /** Fire on this fraction of matching calls, drawn from a seeded generator (deterministic). */
  rate?: number;
  /** Stop after firing this many times. */
  times?: number;
}

/** A rule that makes chosen calls throw, to test retries and recovery. */
export interface FaultRule extends CallMatch {
  /** The message of the thrown exception, e.g. "Service Spreadsheets timed out while accessing document with id X." */
  message: string;
}

/** A rule that runs another piece of work (typically a second execution) at chosen calls, to simulate concurrency. */
interface ActiveRule extends CallMatch {
  /** Throws (a fault) or runs the interleaved work. */
  fire: () => void;
  seen: number;
  fired: number;
}

/** Counts of calls and cells, per service and per method. */
export interface CallCounts {
  byService: Partial<Record<ServiceName, number>>;
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
}

/** Options of one emulated call. */
export interface CallOptions {
  cellsRead?: number;
  cellsWritten?: number;
  /**
   * OAuth scopes of which the manifest must declare at least one (the first is named in the error), and the
   * execution's effective user must have granted at least one declared one.
   */
  scopes?: readonly string[];
  /** True when the call needs authorization, which AuthMode.NONE never gives (see ./auth-modes). */
  needsAuth?: boolean;
  /** What the call reaches in the auth-mode table (./auth-modes), where its scopes do not say it (e.g. Ui.alert). */
  reach?: Reach;
}

/** Scope URLs used by the emulated services. */
export const SCOPES = {
  spreadsheetsCurrentOnly: "https://www.googleapis.com/auth/spreadsheets.currentonly",
  spreadsheets: "https://www.googleapis.com/auth/spreadsheets",
  spreadsheetsReadonly: "https://www.googleapis.com/auth/spreadsheets.readonly",
  drive: "https://www.googleapis.com/auth/drive",
  driveFile: "https://www.googleapis.com/auth/drive.file",
  driveReadonly: "https://www.googleapis.com/auth/drive.readonly",
  containerUi: "https://www.googleapis.com/auth/script.container.ui",
  sendMail: "https://www.googleapis.com/auth/script.send_mail",
  scriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  userinfoEmail: "https://www.googleapis.com/auth/userinfo.email",
  externalRequest: "https://www.googleapis.com/auth/script.external_request",
} as const;

/**
 * What Apps Script throws where a call needs a scope the user has not granted, e.g. in an installable trigger after
 * an add-on update added a scope, and what google.script.run's failure handler receives when authorization is
 * needed. The wording is the one commonly reported [UNCONFIRMED].
 */
export const AUTHORIZATION_REQUIRED = "Authorization is required to perform that action.";

const HOST_REALM: Realm = { Date, Error };

/** A small deterministic generator (mulberry32) so fault and interleaving rates (and tests' generated data) are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The kernel every emulated service calls at the start of each public method (`kernel.call(...)`).
 * Inside an execution a call is checked (auth mode, scopes), counted, charged to the clock, checked
 * against the execution's time limit and subjected to fault and interleaving rules. Outside any execution (a test
 * looking at the workbook) calls are free and unchecked.
 */
export class Kernel {
  /** Simulated epoch milliseconds. */
  private nowMs: number;
  readonly cost: CostModel;
  private counts: CallCounts = emptyCounts();
  /** Simulated ms charged to MailApp; see mailMs(). */
  private mailMsSpent = 0;
  /** Executions holding Spreadsheet writes Apps Script has cached but not yet committed (see roundTripMs). */
  private readonly unflushedWrites = new WeakSet<Execution>();
  private rules: ActiveRule[] = [];
  private random: () => number;
  private executionStack: Execution[] = [];
  private nextExecutionId = 1;
  /** OAuth scopes the manifest declares; null means "not enforced" (no manifest loaded). */
  scopes: ReadonlySet<string> | null = null;
  /** The scopes each user has granted; null means every user has granted every declared scope. */
  grants: ScopeGrants | null = null;
  /** The script project's time zone (appsscript.json "timeZone"). */
  scriptTimeZone: string;

  constructor(options: { now: number; scriptTimeZone: string; cost?: Partial<CostModel>; faultSeed?: number }) {
    this.nowMs = options.now;
    this.scriptTimeZone = options.scriptTimeZone;
    this.cost = { ...DEFAULT_COST_MODEL, ...options.cost };
    this.random = seededRandom(options.faultSeed ?? 1);
  }

  /** Current simulated time in epoch milliseconds. */
  now(): number {
    return this.nowMs;
  }

  /** Moves the simulated clock forward (never backward). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`cannot move the clock by ${ms} ms`);
    this.nowMs += ms;
  }

  /** Sets the simulated clock, e.g. at the start of a scenario. */
  setNow(ms: number): void {
    this.nowMs = ms;
  }

  /** The execution currently running (the innermost one when executions are nested to simulate concurrency). */
  get execution(): Execution | null {
    return this.executionStack[this.executionStack.length - 1] ?? null;
  }

  /**
   * The running execution, for `method` ("Session.getActiveUser"): services that depend on the user or the
   * document have no meaning outside one, so calling them there is a mistake in the test, not an Apps Script error.
   */
  requireExecution(method: string): Execution {
    const execution = this.execution;
    if (!execution) throw new Error(`${method}() needs a running execution`);
    return execution;
  }

  /** The realm values must be created in: the running execution's, else the host's. */
  get realm(): Realm {
    return this.execution?.realm ?? HOST_REALM;
  }

  /** A Date in the current realm. */
  newDate(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** An exception as Apps Script throws it (name "Exception"), built in the current realm so `instanceof Error` holds there. */
  exception(message: string): Error {
    const error = new this.realm.Error(message);
    error.name = "Exception";
    return error;
  }

  /** Runs `body` as an execution; executions nest to simulate concurrent runs interleaving. */
  withExecution<T>(spec: Omit<Execution, "id" | "startedAt">, body: (execution: Execution) => T): T {
    const execution: Execution = { ...spec, id: this.nextExecutionId++, startedAt: this.nowMs };
    this.executionStack.push(execution);
    try {
      return body(execution);
    } finally {
      this.executionStack.pop();
      this.onExecutionEnd?.(execution);
    }
  }

  /** Called when an execution ends, so services can release what it held (locks). */
  onExecutionEnd: ((execution: Execution) => void) | null = null;

  /**
   * Called by every emulated method: `service` groups the counters, `method` is "Class.method".
   * Throws as Apps Script would when the auth mode or the manifest's scopes forbid the call, when
   * the execution has run out of time, or when a fault rule fires.
   */
  call(service: ServiceName, method: string, options: CallOptions = {}): void {
    const execution = this.execution;
    if (!execution) return;
    if (!allowedIn(execution.authMode, options)) {
      // NONE allows no authorized call (an add-on's menu then silently vanishes), LIMITED the bound document and
      // Properties but no mail, triggers, other files or dialogs: Google's table, quoted in ./auth-modes.
      throw this.permissionError(method, options.scopes?.[0] ?? null);
    }
    if (options.scopes && this.scopes && !options.scopes.some((scope) => this.scopes?.has(scope))) {
      throw this.permissionError(method, options.scopes[0] ?? "");
    }
    if (options.scopes && !options.scopes.some((scope) => this.isGranted(execution.effectiveUser, scope))) {
      // "If the script is published as an add-on that uses installable triggers, the trigger executes the script
      // without asking for authorization, but throws an exception if the script tries to call the unauthorized
      // service" (developers.google.com/apps-script/reference/script/authorization-status). Calls needing only
      // granted scopes keep working.
      throw this.exception(AUTHORIZATION_REQUIRED);
    }
    const cellsRead = options.cellsRead ?? 0;
    const cellsWritten = options.cellsWritten ?? 0;
    this.counts.byService[service] = (this.counts.byService[service] ?? 0) + 1;
    this.counts.byMethod[method] = (this.counts.byMethod[method] ?? 0) + 1;
    this.counts.cellsRead += cellsRead;
    this.counts.cellsWritten += cellsWritten;
    const perCall =
      this.cost.perMethodMs[method] ??
      this.cost.perMethodMs[`${method.slice(0, method.indexOf("."))}.*`] ??
      this.cost.perCallMs[service];
    const ms =
      perCall +
      cellsRead * this.cost.perCellReadMs +
      cellsWritten * this.cost.perCellWrittenMs +
      (service === "Spreadsheet" ? this.roundTripMs(execution, method, cellsRead, cellsWritten) : 0);
    if (service === "Mail") this.mailMsSpent += ms;
    this.advance(ms);
    this.checkTimeLimit();
    this.applyRules(service, method);
  }

  /**
   * The commit of `execution`'s cached Spreadsheet writes that this call pays for: readAfterWriteMs when it reads
   * while writes are pending, else 0. Keeps the execution's pending state: a write leaves writes pending, a read or
   * SpreadsheetApp.flush commits them (flush's own price is the commit).
   */
  private roundTripMs(execution: Execution, method: string, cellsRead: number, cellsWritten: number): number {
    if (method === "SpreadsheetApp.flush") {
      this.unflushedWrites.delete(execution);
      return 0;
    }
    const access = spreadsheetAccess(method, cellsRead, cellsWritten);
    if (access === "write") this.unflushedWrites.add(execution);
    if (access !== "read" || !this.unflushedWrites.has(execution)) return 0;
    this.unflushedWrites.delete(execution);
    return this.cost.readAfterWriteMs;
  }

  /**
   * Charges what MailApp.sendEmail costs on top of its call: the message's size (body, HTML body and attachments, in
   * UTF-8 bytes) and its recipients (to, cc and bcc), under the cost model's `mail` prices. Counts as mail time and
   * toward the time limit; free outside any execution, like every call.
   */
  chargeMessage(message: { bytes: number; recipients: number }): void {
    if (!this.execution) return;
    const ms = (message.bytes / 1024) * this.cost.mail.perKbMs + message.recipients * this.cost.mail.perRecipientMs;
    this.mailMsSpent += ms;
    this.spend(ms);
  }

  /** Simulated milliseconds spent in MailApp (its calls and the size and recipients of its messages) since the counters were last reset. */
  mailMs(): number {
    return this.mailMsSpent;
  }

  /** The scopes `user` has granted (every declared scope when grants are not modelled). */
  grantedScopes(user: string): ReadonlySet<string> {
    return this.grants?.granted(user) ?? this.scopes ?? new Set();
  }

  /** True when the manifest declares `scope` and `user` has granted it (always, where nothing is enforced). */
  private isGranted(user: string, scope: string): boolean {
    if (!this.grants) return true;
    return (this.scopes?.has(scope) ?? true) && this.grants.granted(user).has(scope);
  }

  /**
   * Refuses to start an interactive execution (a menu item, a google.script.run call from a sidebar, Run in the
   * editor: kind "editor") in AuthMode.FULL while its user has not granted every declared scope. Apps Script then
   * shows the authorization dialog instead of running the function ("in most cases the script will prompt the user
   * for authorization the next time it runs", developers.google.com/apps-script/reference/script/authorization-status),
   * and a google.script.run call fails with AUTHORIZATION_REQUIRED. Granular consent may let some scripts run with
   * part of their scopes granted [UNCONFIRMED]; refusing the whole run is the stricter choice. Triggers start anyway
   * and fail at the first call needing an ungranted scope (see call()).
   */
  requireAuthorizationToStart(): void {
    const execution = this.execution;
    if (!execution || !this.grants || execution.kind !== "editor" || execution.authMode !== "FULL") return;
    const granted = this.grants.granted(execution.effectiveUser);
    if ([...(this.scopes ?? [])].some((scope) => !granted.has(scope))) throw this.exception(AUTHORIZATION_REQUIRED);
  }

  /** Charges simulated time without a call (e.g. Utilities.sleep, or a wait for a lock); it counts toward the time limit. */
  spend(ms: number): void {
    this.advance(ms);
    this.checkTimeLimit();
  }

  /** Ends the running execution once it has run longer than it may: 6 min, or 30 s (./limits EXECUTION_TIME). */
  private checkTimeLimit(): void {
    const execution = this.execution;
    if (execution && this.nowMs - execution.startedAt > executionTimeLimitMs(execution)) {
      throw this.exception(EXECUTION_TIME_EXCEEDED);
    }
  }

  /**
   * "You do not have permission to call X.y. Required permissions: scope", as Apps Script words it; for a
   * service that needs no scope (e.g. PropertiesService) the sentence ends after the method [UNCONFIRMED].
   */
  permissionError(method: string, scope: string | null): Error {
    const required = scope ? ` Required permissions: ${scope}` : "";
    return this.exception(`You do not have permission to call ${method}.${required}`);
  }

  /** Adds a fault rule; returns a function that removes it. */
  injectFault(rule: FaultRule): () => void {
    const { message, ...match } = rule;
    return this.addRule(match, () => {
      throw this.exception(message);
    });
  }

  /**
   * Runs `work` when a matching call starts, while the current execution is paused inside that call: the way
   * to simulate a second execution (e.g. another user's sidebar submit) overlapping this one. Apps Script runs
   * executions truly in parallel; here the interleaved one runs to completion at that point, so it sees this
   * execution's state as of the call, and locks held by this execution block it. Returns a remover.
   */
  interleave(match: CallMatch, work: () => void): () => void {
    return this.addRule(match, work);
  }

  /** Removes every fault and interleaving rule. */
  clearRules(): void {
    this.rules = [];
  }

  private addRule(match: CallMatch, fire: () => void): () => void {
    const active: ActiveRule = { ...match, fire, seen: 0, fired: 0 };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter((r) => r !== active);
    };
  }

  private applyRules(service: ServiceName, method: string): void {
    for (const rule of [...this.rules]) {
      if (!callMatches(rule.match, service, method)) continue;
      rule.seen++;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      const due =
        rule.nth !== undefined ? rule.seen === rule.nth : rule.rate !== undefined ? this.random() < rule.rate : true;
      if (due) {
        rule.fired++;
        rule.fire();
      }
    }
  }

  /** A copy of the counters. */
  snapshot(): CallCounts {
    return {
      byService: { ...this.counts.byService },
      byMethod: { ...this.counts.byMethod },
      cellsRead: this.counts.cellsRead,
      cellsWritten: this.counts.cellsWritten,
    };
  }

  resetCounts(): void {
    this.counts = emptyCounts();
    this.mailMsSpent = 0;
  }
}

function emptyCounts(): CallCounts {
  return { byService: {}, byMethod: {}, cellsRead: 0, cellsWritten: 0 };
}

function callMatches(pattern: string, service: ServiceName, method: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith(".*")) return pattern.slice(0, -2) === service;
  return pattern === method;
}

/** Total calls of one service (or all) between two snapshots. */
export function callsBetween(before: CallCounts, after: CallCounts, service?: ServiceName): number {
  const sum = (c: CallCounts) =>
    service ? (c.byService[service] ?? 0) : Object.values(c.byService).reduce((a, b) => a + (b ?? 0), 0);
  return sum(after) - sum(before);
}
