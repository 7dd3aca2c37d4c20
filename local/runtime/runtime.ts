/** The in-memory Apps Script runtime: one script project, its spreadsheets, users, triggers and mail, running the built bundle the way Apps Script does. */

import { ScopeGrants } from "./authorization";
import { CacheStores, createCacheService } from "./cache";
import { createCharts } from "./charts-service";
import {
  changeStructure,
  openDocument,
  type TriggeredRuns,
  typeIntoCells,
  type UserChange,
  type UserEdit,
} from "./edit-events";
import { createHtmlService } from "./html-service";
import { HttpTraffic } from "./http-traffic";
import { type Account, ADD_ON_DEVELOPER, activeEmailShown } from "./identity";
import { type AuthModeName, type CostModel, type Execution, type ExecutionKind, Kernel } from "./kernel";
import { createSandbox, type Project, readProject } from "./loader";
import { createLockService, LockTable } from "./lock";
import { createConsole, createLogger, LogBook, type LogEntry } from "./logger";
import { createMailApp, Outbox } from "./mail";
import { createPropertiesService, PropertyStores } from "./properties";
import { AuthMode, createScriptApp, TriggerTable } from "./script-app";
import { createSession } from "./session";
import { createSheetsService, SHEETS_SERVICE } from "./sheets-api";
import { type FilterViewInfo, filterViewsOf, removeFilterView } from "./spreadsheet/filter-view-inspection";
import { createSpreadsheetApp } from "./spreadsheet/spreadsheet-app";
import { SpreadsheetStore } from "./spreadsheet/store";
import { nextFirings, timeDrivenEvent } from "./trigger-schedule";
import { createUi, type MenuEntry, UiState } from "./ui";
import { createUrlFetchApp } from "./url-fetch";
import { createUtilities, UuidSequence } from "./utilities";

/** A person using the spreadsheet (a consumer or Google Workspace account: see Account.domain). */
export interface User extends Account {
  email: string;
  /** As Session.getActiveUserLocale() reports it, e.g. "zh_CN" or "en". */
  locale: string;
}

export interface RuntimeOptions {
  /** Simulated time at start (epoch ms or a Date). */
  now: number | Date;
  /** The user at the keyboard by default; also the owner of spreadsheets created without one. */
  user: User;
  /** Overrides appsscript.json's timeZone (the script's zone, which the V8 local time follows). */
  scriptTimeZone?: string;
  /** A published editor add-on (Google's add-on trigger rules apply); false for a script bound to one Sheet. */
  addOn?: boolean;
  /** The add-on's name as Extensions shows it. */
  addOnName?: string;
  /**
   * The script's developer: a bound script's owner, a published add-on's publisher. Simple triggers show the active
   * user's email only to a developer's script in the same Google Workspace domain (./identity). Default: the runtime's
   * user for a bound script (addOn false); for an add-on, ADD_ON_DEVELOPER, in no user's domain.
   */
  developer?: Account;
  /** Email recipients per day: 100 for consumer accounts (default), 1,500 for Workspace. */
  mailDailyLimit?: number;
  cost?: Partial<CostModel>;
  faultSeed?: number;
  /**
   * Whether SpreadsheetApp.getActiveSpreadsheet() returns the trigger's document inside a time-driven trigger.
   * Community reports say it is null for add-ons [UNCONFIRMED]; default false, the stricter choice.
   */
  activeSpreadsheetInTimeTriggers?: boolean;
  /** Receives every Logger/console line (e.g. to print while debugging). */
  logSink?: (entry: LogEntry) => void;
}

/** How one server function is invoked. */
export interface RunOptions {
  authMode?: AuthModeName;
  kind?: ExecutionKind;
  /** The user at the keyboard (default: the runtime's user). */
  user?: User;
  /** The user whose authority the script runs with (default: the same user). */
  effectiveUser?: string;
  /** The bound document (default: the runtime's open document; null for none). */
  spreadsheetId?: string | null;
  /** A simple trigger: run only if the script defines the function; otherwise nothing runs and nothing is recorded. */
  ifDefined?: boolean;
}

/** One finished execution, as the Apps Script executions page lists it. */
export interface ExecutionRecord {
  functionName: string;
  kind: ExecutionKind;
  authMode: AuthModeName;
  user: string;
  startedAt: number;
  endedAt: number;
  status: "COMPLETED" | "FAILED";
  error?: string;
}

/** An installable trigger's run (time-driven, or fired by a person's open, edit or change), with its result. */
export interface TriggerRun {
  at: number;
  triggerUid: string;
  functionName: string;
  owner: string;
  status: "COMPLETED" | "FAILED" | "SKIPPED";
  error?: string;
}

/**
 * A script project loaded from a build folder, with the state Google would keep between executions
 * (spreadsheets, properties, caches, locks, triggers, sent mail, UI). Each `run` gets a fresh global
 * scope, as every Apps Script execution does, with the services as globals.
 */
export class AppsScriptRuntime {
  readonly kernel: Kernel;
  readonly project: Project;
  readonly spreadsheets: SpreadsheetStore;
  readonly ui: UiState;
  readonly outbox: Outbox;
  readonly triggers: TriggerTable;
  readonly properties = new PropertyStores();
  readonly caches = new CacheStores();
  readonly locks = new LockTable();
  /** What UrlFetchApp sent, the answers a test scripted for it, and the daily quota (nothing leaves the machine). */
  readonly http = new HttpTraffic();
  readonly logs: LogBook;
  readonly executions: ExecutionRecord[] = [];
  readonly triggerRuns: TriggerRun[] = [];
  user: User;
  /** The script's developer (RuntimeOptions.developer). */
  readonly developer: Account;
  /** The spreadsheet the user has open (the add-on's document). */
  documentId: string | null = null;
  private readonly uuids = new UuidSequence();
  private readonly activeSpreadsheetInTimeTriggers: boolean;

  constructor(project: Project | string, options: RuntimeOptions) {
    this.project = typeof project === "string" ? readProject(project) : project;
    const now = typeof options.now === "number" ? options.now : options.now.getTime();
    this.kernel = new Kernel({
      now,
      scriptTimeZone: options.scriptTimeZone ?? this.project.manifest.timeZone ?? "America/New_York",
      cost: options.cost,
      faultSeed: options.faultSeed,
    });
    this.kernel.scopes = this.project.manifest.oauthScopes ? new Set(this.project.manifest.oauthScopes) : null;
    if (this.kernel.scopes) this.kernel.grants = new ScopeGrants(this.kernel.scopes);
    this.kernel.onExecutionEnd = (execution) => this.locks.releaseAllOf(execution.id);
    this.spreadsheets = new SpreadsheetStore(this.kernel);
    this.spreadsheets.ui = () => createUi(this.kernel, this.ui);
    this.ui = new UiState({ addOnName: options.addOnName ?? "Follow-up Tracker" });
    this.outbox = new Outbox({ dailyLimit: options.mailDailyLimit });
    this.triggers = new TriggerTable({ addOn: options.addOn ?? true });
    this.logs = new LogBook(options.logSink);
    this.user = options.user;
    this.developer = options.developer ?? (options.addOn === false ? options.user : ADD_ON_DEVELOPER);
    this.activeSpreadsheetInTimeTriggers = options.activeSpreadsheetInTimeTriggers ?? false;
    this.advancedServices = advancedServicesOf(this.project);
  }

  /** The globals (userSymbol) of the advanced services the manifest enables; only the Sheets API is emulated. */
  private readonly advancedServices: string[];

  /** Creates a spreadsheet (owned by the runtime's user unless said otherwise) and opens it as the document. */
  createSpreadsheet(options: { name?: string; timeZone: string; locale: string; owner?: string }): string {
    const model = this.spreadsheets.create({
      name: options.name ?? "Untitled spreadsheet",
      timeZone: options.timeZone,
      locale: options.locale,
      owner: options.owner ?? this.user.email,
    });
    this.documentId = model.id;
    return model.id;
  }

  /**
   * The SpreadsheetApp a test uses to look at (or arrange) the workbook from outside any execution:
   * such calls are neither counted nor charged nor checked.
   */
  inspect(): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
    return this.services().SpreadsheetApp;
  }

  /** Runs a global function of the script in a fresh execution; rethrows what it throws. */
  run(functionName: string, args: unknown[] = [], options: RunOptions = {}): unknown {
    const user = options.user ?? this.user;
    const authMode = options.authMode ?? "FULL";
    const effectiveUser = options.effectiveUser ?? user.email;
    const spec: Omit<Execution, "id" | "startedAt" | "realm"> = {
      functionName,
      kind: options.kind ?? "editor",
      authMode,
      activeUser: user.email,
      activeUserHidden: !activeEmailShown({
        authMode,
        active: user,
        effective: effectiveUser,
        developer: this.developer,
      }),
      effectiveUser,
      activeSpreadsheetId: options.spreadsheetId === undefined ? this.documentId : options.spreadsheetId,
      userLocale: user.locale,
    };
    const sandbox = createSandbox(this.project, () => this.kernel.now(), this.kernel.scriptTimeZone);
    const record: ExecutionRecord = {
      functionName,
      kind: spec.kind,
      authMode: spec.authMode,
      user: spec.effectiveUser,
      startedAt: this.kernel.now(),
      endedAt: 0,
      status: "COMPLETED",
    };
    this.executions.push(record);
    let undefinedTrigger = false;
    try {
      return this.kernel.withExecution({ ...spec, realm: sandbox.realm }, () => {
        this.kernel.requireAuthorizationToStart();
        sandbox.loadScripts(this.services(sandbox.compileFunction));
        const fn = sandbox.context[functionName];
        if (typeof fn !== "function") {
          undefinedTrigger = options.ifDefined === true;
          if (undefinedTrigger) return undefined;
          throw this.kernel.exception(`Script function not found: ${functionName}`);
        }
        return fn(...args);
      });
    } catch (error) {
      record.status = "FAILED";
      record.error = messageOf(error);
      throw error;
    } finally {
      record.endedAt = this.kernel.now();
      if (undefinedTrigger) this.executions.splice(this.executions.indexOf(record), 1);
    }
  }

  /**
   * The user opens the document: the simple onOpen runs in the given auth mode (NONE: installed but not enabled in
   * this file; LIMITED: enabled, or a bound script) when the script defines it, then the document's installable open
   * triggers fire (./edit-events openDocument). A failing onOpen is rethrown after them.
   */
  open(authMode: "NONE" | "LIMITED" | "FULL" = "LIMITED"): TriggeredRuns {
    return openDocument(this, this.documentId, this.user, authMode);
  }

  /**
   * A person types into cells of the open document, as in the Sheets UI (./edit-events typeIntoCells): written as
   * typing, refused as the UI refuses it, then the simple onEdit and the installable edit and change triggers fire.
   */
  userEdit(edit: UserEdit): TriggeredRuns {
    return typeIntoCells(this, this.requireDocument(), edit, edit.user ?? this.user);
  }

  /** A person inserts or removes rows or columns of the open document; installable change triggers fire. */
  userChange(change: UserChange): TriggeredRuns {
    return changeStructure(this, this.requireDocument(), change, change.user ?? this.user);
  }

  private requireDocument(): string {
    if (!this.documentId) throw new Error("no document is open: createSpreadsheet first");
    return this.documentId;
  }

  /** Installs the add-on: the user authorizes every declared scope, then onInstall runs in AuthMode.FULL. */
  install(): void {
    if (this.kernel.grants) this.grantScopes(this.user.email);
    this.run("onInstall", [{ authMode: AuthMode.FULL }], { authMode: "FULL", kind: "simpleTrigger" });
  }

  /**
   * The user completes the authorization dialog (opens AuthorizationInfo.getAuthorizationUrl(), or is prompted by a
   * menu item): by default every scope the manifest now declares, as the dialog asks for all of them. Kept across
   * executions. Until a test changes it, every user has granted the manifest's scopes as loaded.
   */
  grantScopes(email: string, scopes?: readonly string[]): void {
    const grants = this.requireGrants();
    const declared = this.kernel.scopes ?? new Set<string>();
    const undeclared = scopes?.filter((scope) => !declared.has(scope)) ?? [];
    if (undeclared.length > 0) throw new Error(`the manifest does not declare ${undeclared.join(", ")}`);
    grants.grant(email, scopes ?? declared);
  }

  /**
   * The user has not granted these scopes (consent withdrawn, or never given). An installable trigger the user owns
   * then sees AuthorizationStatus.REQUIRED, and its calls that need only these scopes throw.
   */
  revokeScopes(email: string, scopes: readonly string[]): void {
    const grants = this.requireGrants();
    const unknown = scopes.filter((scope) => !grants.granted(email).has(scope) && !this.kernel.scopes?.has(scope));
    if (unknown.length > 0) throw new Error(`neither declared nor granted: ${unknown.join(", ")}`);
    grants.revoke(email, scopes);
  }

  /** The scopes the user has granted, in no particular order. */
  grantedScopes(email: string): string[] {
    return [...this.requireGrants().granted(email)];
  }

  /**
   * Deploys an update of the add-on whose manifest declares `oauthScopes`: users keep what they had granted, so a
   * scope the update adds is granted by nobody until each user authorizes again (grantScopes), the situation
   * Google's ScriptApp.getAuthorizationInfo pattern for triggers handles.
   */
  updateManifestScopes(oauthScopes: readonly string[]): void {
    this.requireGrants();
    this.kernel.scopes = new Set(oauthScopes);
  }

  private requireGrants(): ScopeGrants {
    if (!this.kernel.grants) throw new Error("the manifest declares no oauthScopes, so no grants are modelled");
    return this.kernel.grants;
  }

  /**
   * The filter views of a spreadsheet (the open document by default), as the Sheets API keeps them, each able to say
   * which rows it shows at the simulated time. Looking is free: nothing is counted or charged.
   */
  filterViews(spreadsheetId: string | null = this.documentId): FilterViewInfo[] {
    return filterViewsOf(this.spreadsheets, this.requireSpreadsheet(spreadsheetId));
  }

  /** A person deletes a filter view in the Sheets UI (Data → Filter views); false when there is none with that id. */
  userDeleteFilterView(filterViewId: number, spreadsheetId: string | null = this.documentId): boolean {
    return removeFilterView(this.requireSpreadsheet(spreadsheetId), filterViewId);
  }

  private requireSpreadsheet(spreadsheetId: string | null) {
    const model = spreadsheetId === null ? undefined : this.spreadsheets.get(spreadsheetId);
    if (!model) throw new Error(`no spreadsheet ${spreadsheetId}`);
    return model;
  }

  /** Clicks a menu item by its caption (add-on menu first), running its function in AuthMode.FULL. */
  clickMenu(caption: string): unknown {
    for (const menu of this.ui.menus) {
      const item = findItem(menu.entries, caption);
      if (item) return this.run(item, [], { authMode: "FULL", kind: "editor" });
    }
    const shown = this.ui.menus.flatMap((m) => m.entries.map((e) => ("caption" in e ? e.caption : "—")));
    throw new Error(`no menu item "${caption}" (menus show: ${shown.join(", ") || "nothing"})`);
  }

  /**
   * Moves the simulated clock to `until`, firing every due time-driven trigger at its time, in order,
   * as its owner in AuthMode.FULL. A failing run is recorded (Apps Script emails the owner) and does not stop the clock.
   */
  advanceTo(until: number): TriggerRun[] {
    const runs: TriggerRun[] = [];
    let from = this.kernel.now();
    for (;;) {
      const due = nextFirings(this.triggers, from, until);
      const first = due[0];
      if (!first) break;
      if (first.at > this.kernel.now()) this.kernel.setNow(first.at);
      // Every trigger due at this instant fires, unless an earlier run deleted or disabled it.
      for (const firing of due.filter((f) => f.at === first.at)) {
        if (this.triggers.find(firing.trigger.uniqueId)?.enabled)
          runs.push(this.fire(firing.trigger.uniqueId, first.at));
      }
      from = first.at;
    }
    if (until > this.kernel.now()) this.kernel.setNow(until);
    return runs;
  }

  /** Moves the clock forward by `ms`, firing due triggers. */
  advanceBy(ms: number): TriggerRun[] {
    return this.advanceTo(this.kernel.now() + ms);
  }

  private fire(uniqueId: string, at: number): TriggerRun {
    const trigger = this.triggers.find(uniqueId);
    if (!trigger) throw new Error(`no trigger ${uniqueId}`);
    const run: TriggerRun = {
      at,
      triggerUid: uniqueId,
      functionName: trigger.handlerFunction,
      owner: trigger.owner,
      status: "COMPLETED",
    };
    try {
      this.run(trigger.handlerFunction, [timeDrivenEvent(at, uniqueId)], {
        authMode: "FULL",
        kind: "timeTrigger",
        user: { email: trigger.owner, locale: this.user.locale },
        spreadsheetId: this.activeSpreadsheetInTimeTriggers ? trigger.documentId : null,
      });
    } catch (error) {
      run.status = "FAILED";
      run.error = messageOf(error);
    }
    this.triggerRuns.push(run);
    return run;
  }

  /** The service globals of one execution. */
  private services(compile?: (source: string) => (...args: unknown[]) => unknown) {
    const kernel = this.kernel;
    const logger = createLogger(kernel, this.logs);
    return {
      SpreadsheetApp: createSpreadsheetApp({
        kernel,
        store: this.spreadsheets,
        getUi: () => createUi(kernel, this.ui),
      }),
      PropertiesService: createPropertiesService(kernel, this.properties),
      CacheService: createCacheService(kernel, this.caches),
      LockService: createLockService(kernel, this.locks),
      MailApp: createMailApp(kernel, this.outbox),
      UrlFetchApp: createUrlFetchApp(kernel, this.http),
      ScriptApp: createScriptApp(kernel, this.triggers),
      HtmlService: createHtmlService(kernel, this.project.html, compile),
      Session: createSession(kernel),
      Utilities: createUtilities(kernel, this.uuids),
      Logger: logger,
      Charts: createCharts(),
      console: createConsole(kernel, this.logs),
      ...Object.fromEntries(
        this.advancedServices.map((symbol) => [symbol, createSheetsService(kernel, this.spreadsheets)]),
      ),
    };
  }
}

/**
 * The userSymbols of the manifest's advanced services, each a global of every execution as in Apps Script ("the
 * identifier used to refer to this service in the code of the Apps Script project"). The runtime emulates the Sheets
 * API v4 only; a project enabling another fails when it is loaded rather than when the service is first called.
 */
function advancedServicesOf(project: Project): string[] {
  const enabled = project.manifest.dependencies?.enabledAdvancedServices ?? [];
  return enabled.map((service) => {
    if (service.serviceId !== SHEETS_SERVICE.serviceId || service.version !== SHEETS_SERVICE.version) {
      throw new Error(`the advanced service ${service.serviceId} ${service.version} is not emulated`);
    }
    return service.userSymbol;
  });
}

function findItem(entries: readonly MenuEntry[], caption: string): string | null {
  for (const entry of entries) {
    if (entry.kind === "item" && entry.caption === caption) return entry.functionName;
    if (entry.kind === "subMenu") {
      const inner = findItem(entry.entries, caption);
      if (inner) return inner;
    }
  }
  return null;
}

/** The message of an error from any realm (the script's errors are not `instanceof` the host's). */
function messageOf(error: unknown): string {
  return typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
}
