/** The playground's session: the demo runtime plus the journal of what the user did (menu items, sidebar calls, clock moves, typed cells), replayed to rebuild (or undo into) the same state. */

import type { Project } from "../runtime/loader";
import type { AppsScriptRuntime } from "../runtime/runtime";
import { a1Of } from "../runtime/spreadsheet/model";
import type { Exchange } from "../runtime/ui";
import { runSidebarCall } from "../sidebar-host/sidebar-host";
import { seedDemo } from "./demo-seed";
import { type Action, deleteJournal, readJournal, writeJournal } from "./journal";
import {
  dialogsOf,
  menuCaptions,
  openSurface,
  playgroundState,
  type SessionCounters,
  spreadsheetOf,
  triggerRunViews,
} from "./state-view";
import type {
  DialogAnswer,
  DialogView,
  EditOutcome,
  ExchangeView,
  MenuOutcome,
  PlaygroundState,
  TriggerRunView,
} from "./view-types";

/** A request the playground refuses (the page shows the message). */
export class PlaygroundError extends Error {}

export class Playground {
  private runtime: AppsScriptRuntime;
  private actions: Action[];
  /** Answers for the dialogs of the menu run in progress; a dialog beyond them gets CLOSE (its ×). */
  private answers: DialogAnswer[] = [];
  private readonly counters: SessionCounters = {
    version: 0,
    resets: 0,
    closedSidebars: 0,
    closedDialogs: 0,
    userSheet: "",
  };

  constructor(
    private readonly project: Project,
    private readonly journalFile: string,
  ) {
    this.actions = readJournal(journalFile);
    this.runtime = this.rebuild();
  }

  /** The runtime as it is now (a new object after reset or an undone menu run). */
  current(): AppsScriptRuntime {
    return this.runtime;
  }

  state(): PlaygroundState {
    return playgroundState(this.runtime, this.counters);
  }

  currentVersion(): number {
    return this.counters.version;
  }

  /**
   * Runs a menu item with the user's answers to its dialogs so far. Apps Script would pause at a dialog; the runtime
   * cannot, so when the run shows a dialog the user has not answered, the run is undone (the journal is replayed
   * without it) and that dialog is returned; the page asks and runs the item again with one more answer.
   */
  runMenu(caption: string, answers: DialogAnswer[]): MenuOutcome {
    if (!menuCaptions(this.runtime).includes(caption)) throw new PlaygroundError(`No menu item "${caption}".`);
    const outcome = this.apply(this.runtime, { kind: "menu", caption, answers });
    if (outcome.shown.length > answers.length) {
      this.runtime = this.rebuild();
      this.counters.version++;
      return { done: false, dialog: dialogView(outcome.shown[answers.length] as Exchange) };
    }
    this.record({ kind: "menu", caption, answers });
    const exchanges = outcome.shown.map((e): ExchangeView => ({ ...dialogView(e), answer: answerOf(e) }));
    return outcome.error === undefined ? { done: true, exchanges } : { done: true, exchanges, error: outcome.error };
  }

  /** Records a google.script.run call the sidebar host has just run (it runs them; replay runs them again). */
  sidebarCalled(functionName: string, args: unknown[]): void {
    this.record({ kind: "rpc", functionName, args });
  }

  sidebarClosed(): void {
    // What the panel showed closed itself: the open dialog (it is shown over the sidebar), else the sidebar. The
    // counters say how many of that kind had been opened by then.
    const shown = openSurface(this.runtime, this.counters);
    if (shown?.kind === "dialog") this.counters.closedDialogs = dialogsOf(this.runtime).length;
    else this.counters.closedSidebars = this.runtime.ui.surfaces.filter((s) => s.kind === "sidebar").length;
    this.counters.version++;
  }

  /**
   * Types `value` into a cell as the user does in Sheets: written as typing, refused as the UI refuses it (a protected
   * cell, a rejecting validation rule: nothing changes, nothing is journalled), then the add-on's onEdit and its
   * installable edit and change triggers fire, if it has any.
   */
  edit(sheet: string, row: number, column: number, value: string): EditOutcome {
    const action: Action = { kind: "edit", sheet, row, column, value };
    let fired: ReturnType<AppsScriptRuntime["userEdit"]>;
    try {
      fired = this.runtime.userEdit({ sheet, row, column, value });
    } catch (refused) {
      throw new PlaygroundError(messageOf(refused));
    }
    this.record(action);
    const simple = fired.simpleTrigger;
    return {
      cell: `${sheet}!${a1Of({ row, column, numRows: 1, numColumns: 1 })}`,
      runs: [...(simple ? [simple] : []), ...fired.triggerRuns].map((run) => ({
        functionName: run.functionName,
        status: run.status,
        ...(run.error === undefined ? {} : { error: run.error }),
      })),
    };
  }

  /** Moves the simulated clock forward to `to`, firing the triggers due on the way. */
  moveClock(to: number): TriggerRunView[] {
    const from = this.runtime.kernel.now();
    if (!(to > from)) throw new PlaygroundError("The clock only moves forward: Reset to start over.");
    const before = this.runtime.triggerRuns.length;
    this.apply(this.runtime, { kind: "clock", to });
    this.record({ kind: "clock", to });
    return triggerRunViews(this.runtime.triggerRuns.slice(before), this.timeZone());
  }

  /** The spreadsheet's time zone, in which the page shows and sets the clock. */
  timeZone(): string {
    return spreadsheetOf(this.runtime).timeZone;
  }

  /** Forgets every action: deletes the journal and starts again from the demo seed. */
  reset(): void {
    deleteJournal(this.journalFile);
    this.actions = [];
    this.counters.closedSidebars = 0;
    this.counters.closedDialogs = 0;
    this.counters.resets++;
    this.runtime = this.rebuild();
    this.counters.version++;
  }

  private record(action: Action): void {
    if (action.kind !== "clock") this.counters.userSheet = activeSheetName(this.runtime);
    this.actions.push(action);
    writeJournal(this.journalFile, this.actions);
    this.counters.version++;
  }

  /** The demo seed with every journalled action replayed: the runtime is deterministic, so this is the same state. */
  private rebuild(): AppsScriptRuntime {
    const runtime = seedDemo(this.project);
    runtime.ui.takeAnswer = () => this.answers.shift() ?? { button: "CLOSE", text: "" };
    this.counters.userSheet = activeSheetName(runtime);
    for (const action of this.actions) {
      this.apply(runtime, action);
      if (action.kind !== "clock") this.counters.userSheet = activeSheetName(runtime);
    }
    return runtime;
  }

  /** Performs one action on `runtime`: the dialogs it showed, and the error a menu item ended with. */
  private apply(runtime: AppsScriptRuntime, action: Action): { shown: Exchange[]; error?: string } {
    const before = runtime.ui.exchanges.length;
    let error: string | undefined;
    if (action.kind === "menu") {
      this.answers = [...action.answers];
      try {
        runtime.clickMenu(action.caption);
      } catch (thrown) {
        error = messageOf(thrown);
      }
      this.answers = [];
    }
    // The page that made a sidebar call already has its answer; replay needs only its effects.
    if (action.kind === "rpc") runSidebarCall(runtime, action.functionName, action.args, runtime.user);
    if (action.kind === "clock") runtime.advanceTo(action.to);
    if (action.kind === "edit") runtime.userEdit(action);
    const shown = runtime.ui.exchanges.slice(before);
    return error === undefined ? { shown } : { shown, error };
  }
}

/** The sheet the add-on last made active for the user (a trigger's insertSheet makes none active on their screen). */
function activeSheetName(runtime: AppsScriptRuntime): string {
  const spreadsheet = spreadsheetOf(runtime);
  return spreadsheet.sheets[spreadsheet.activeSheetIndex]?.name ?? "";
}

function dialogView(exchange: Exchange): DialogView {
  const buttons = {
    OK: ["OK"],
    OK_CANCEL: ["OK", "CANCEL"],
    YES_NO: ["YES", "NO"],
    YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
  };
  return {
    kind: exchange.kind,
    title: exchange.title,
    prompt: exchange.prompt,
    buttons: buttons[exchange.buttons] as DialogAnswer["button"][],
  };
}

function answerOf(exchange: Exchange): DialogAnswer {
  return { button: exchange.button, text: exchange.text };
}

function messageOf(error: unknown): string {
  return typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
}
