/** The emulated spreadsheet UI (SpreadsheetApp.getUi()): recorded menus, sidebars, dialogs, and alerts answered from a script. */

import { enumOf } from "./enums";
import { readHtmlOutput } from "./html-service";
import { type Kernel, SCOPES } from "./kernel";
import { scriptSignatureError } from "./signature";

export const Button = enumOf(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSet = enumOf(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;

/** The buttons each ButtonSet shows; CLOSE (the dialog's ×) is always possible. */
const BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ["OK", "CLOSE"],
  OK_CANCEL: ["OK", "CANCEL", "CLOSE"],
  YES_NO: ["YES", "NO", "CLOSE"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL", "CLOSE"],
};

export type MenuEntry =
  | { kind: "item"; caption: string; functionName: string }
  | { kind: "separator" }
  | { kind: "subMenu"; caption: string; entries: MenuEntry[] };

/** A menu as the user sees it: an add-on menu (under Extensions, named after the add-on) or a custom one. */
export interface MenuRecord {
  kind: "addon" | "custom";
  caption: string;
  entries: MenuEntry[];
}

/** A sidebar or dialog the script opened. */
export interface Surface {
  kind: "sidebar" | "modalDialog" | "modelessDialog";
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  at: number;
}

/** An alert or prompt shown, with the answer the test scripted. */
export interface Exchange {
  kind: "alert" | "prompt";
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  button: ButtonName;
  text: string;
}

/** Sidebars are 300 px wide whatever setWidth says (developers.google.com/apps-script/guides/dialogs#custom_sidebars). */
export const SIDEBAR_WIDTH = 300;

/** What the UI has shown, and the answers queued for alerts/prompts; kept by the runtime across executions. */
export class UiState {
  /** The name shown for createAddonMenu() under Extensions. */
  readonly addOnName: string;
  readonly menus: MenuRecord[] = [];
  /** Every sidebar and dialog opened, in order. */
  readonly surfaces: Surface[] = [];
  readonly exchanges: Exchange[] = [];
  private readonly answers: { button: ButtonName; text: string }[] = [];

  constructor(options: { addOnName?: string } = {}) {
    this.addOnName = options.addOnName ?? "Add-on";
  }

  /** The sidebar currently open (the last one opened), if any. */
  get sidebar(): Surface | null {
    return this.surfaces.filter((s) => s.kind === "sidebar").at(-1) ?? null;
  }

  /** Queues the user's answer to the next alert or prompt. */
  answerNext(button: ButtonName, text = ""): void {
    if (!Object.hasOwn(Button, button)) throw new Error(`unknown Button ${button}`);
    this.answers.push({ button, text });
  }

  /** The next queued answer; a harness error when the test scripted none. */
  takeAnswer(dialog: string): { button: ButtonName; text: string } {
    const answer = this.answers.shift();
    if (!answer) throw new Error(`test harness: no answer queued for ${dialog}; call UiState.answerNext() first`);
    return answer;
  }

  /** Adds the menu, replacing one of the same kind and caption (as re-running onOpen does). */
  putMenu(menu: MenuRecord): void {
    const index = this.menus.findIndex((m) => m.kind === menu.kind && m.caption === menu.caption);
    if (index >= 0) this.menus[index] = menu;
    else this.menus.push(menu);
  }
}

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

const menuEntries = new WeakMap<object, { caption: string; entries: MenuEntry[] }>();

/** developers.google.com/apps-script/reference/base/menu */
class FakeMenu implements Menu {
  private readonly entries: MenuEntry[] = [];

  constructor(
    private readonly kernel: Kernel,
    private readonly state: UiState,
    private readonly kind: MenuRecord["kind"],
    private readonly caption: string,
  ) {
    menuEntries.set(this, { caption, entries: this.entries });
  }

  addItem(caption: string, functionName: string): Menu {
    this.kernel.call("Ui", "Menu.addItem");
    if (typeof caption !== "string" || typeof functionName !== "string") {
      throw scriptSignatureError(this.kernel, "Menu.addItem", [caption, functionName]);
    }
    this.entries.push({ kind: "item", caption, functionName });
    return this;
  }

  addSeparator(): Menu {
    this.kernel.call("Ui", "Menu.addSeparator");
    this.entries.push({ kind: "separator" });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.kernel.call("Ui", "Menu.addSubMenu");
    const sub = typeof menu === "object" && menu !== null ? menuEntries.get(menu) : undefined;
    if (!sub) throw scriptSignatureError(this.kernel, "Menu.addSubMenu", [menu]);
    this.entries.push({ kind: "subMenu", caption: sub.caption, entries: structuredClone(sub.entries) });
    return this;
  }

  /** Shows the menu as it is now; later changes to this Menu object are not shown [UNCONFIRMED]. */
  addToUi(): void {
    this.kernel.call("Ui", "Menu.addToUi");
    this.state.putMenu({ kind: this.kind, caption: this.caption, entries: structuredClone(this.entries) });
  }
}

/**
 * SpreadsheetApp.getUi(): throws "Cannot call SpreadsheetApp.getUi() from this context." where Apps Script does:
 * in a time-driven trigger, and outside any execution (a harness reads UiState directly).
 */
export function createUi(kernel: Kernel, state: UiState): Ui {
  const execution = kernel.execution;
  if (!execution || execution.kind === "timeTrigger") {
    throw kernel.exception("Cannot call SpreadsheetApp.getUi() from this context.");
  }

  /**
   * Sidebars and dialogs need the container.ui scope and FULL authorization: the kernel refuses NONE and LIMITED;
   * simple triggers cannot open them either, even onInstall in FULL (developers.google.com/apps-script/guides/triggers#restrictions).
   */
  const show = (kind: Surface["kind"], method: string, args: readonly unknown[]) => {
    kernel.call("Ui", method, { scopes: [SCOPES.containerUi], needsAuth: true });
    const output = readHtmlOutput(args[0]);
    const title = kind === "sidebar" ? output?.title : args[1];
    if (!output || typeof title !== "string") throw scriptSignatureError(kernel, method, args);
    const current = kernel.execution;
    if (current?.kind === "simpleTrigger" || current?.authMode !== "FULL") {
      throw kernel.permissionError(method, SCOPES.containerUi);
    }
    state.surfaces.push({
      kind,
      title,
      content: output.content,
      width: kind === "sidebar" ? SIDEBAR_WIDTH : output.width,
      height: kind === "sidebar" ? null : output.height,
      at: kernel.now(),
    });
  };

  /**
   * alert/prompt overloads: (prompt), (prompt, buttons), (title, prompt, buttons). They need no scope, but NONE and
   * LIMITED give no user interface beyond menus (./auth-modes; [UNCONFIRMED] for a bound script's simple triggers).
   */
  const dialog = (kind: Exchange["kind"], args: readonly unknown[], defaultButtons: ButtonSetName) => {
    const method = `Ui.${kind}`;
    kernel.call("Ui", method, { reach: "interface" });
    const isButtonSet = (v: unknown) => typeof v === "string" && Object.hasOwn(ButtonSet, v);
    const [a, b, c] = args;
    let shown: { title: string; prompt: string; buttons: ButtonSetName } | null = null;
    if (args.length === 1 && typeof a === "string") shown = { title: "", prompt: a, buttons: defaultButtons };
    if (args.length === 2 && typeof a === "string" && isButtonSet(b)) {
      shown = { title: "", prompt: a, buttons: b as ButtonSetName };
    }
    if (args.length === 3 && typeof a === "string" && typeof b === "string" && isButtonSet(c)) {
      shown = { title: a, prompt: b, buttons: c as ButtonSetName };
    }
    if (!shown) throw scriptSignatureError(kernel, method, args);
    const answer = state.takeAnswer(`${method}(${JSON.stringify(shown.prompt)})`);
    if (!BUTTONS[shown.buttons].includes(answer.button)) {
      throw new Error(`test harness: ${answer.button} is not a button of ButtonSet.${shown.buttons}`);
    }
    const text = kind === "prompt" ? answer.text : "";
    state.exchanges.push({ kind, ...shown, button: answer.button, text });
    return { button: answer.button, text };
  };

  const ui: Pick<
    Ui,
    "Button" | "ButtonSet" | "createAddonMenu" | "createMenu" | "showSidebar" | "showModalDialog" | "showModelessDialog"
  > = {
    Button: Button as unknown as typeof GoogleAppsScript.Base.Button,
    ButtonSet: ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet,
    /** The caption is the add-on's name under Extensions (developers.google.com/workspace/add-ons/how-tos/editor-menus). */
    createAddonMenu(): Menu {
      kernel.call("Ui", "Ui.createAddonMenu");
      return new FakeMenu(kernel, state, "addon", state.addOnName);
    },
    createMenu(caption: string): Menu {
      kernel.call("Ui", "Ui.createMenu");
      if (typeof caption !== "string") throw scriptSignatureError(kernel, "Ui.createMenu", [caption]);
      return new FakeMenu(kernel, state, "custom", caption);
    },
    showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
      show("sidebar", "Ui.showSidebar", [userInterface]);
    },
    showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
      show("modalDialog", "Ui.showModalDialog", [userInterface, title]);
    },
    showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
      show("modelessDialog", "Ui.showModelessDialog", [userInterface, title]);
    },
  };
  return {
    ...ui,
    alert(...args: unknown[]) {
      return dialog("alert", args, "OK").button;
    },
    prompt(...args: unknown[]) {
      const { button, text } = dialog("prompt", args, "OK");
      return {
        getResponseText: () => {
          kernel.call("Ui", "PromptResponse.getResponseText");
          return text;
        },
        getSelectedButton: () => {
          kernel.call("Ui", "PromptResponse.getSelectedButton");
          return button;
        },
      };
    },
  } as unknown as Ui;
}
