/** Tests of the emulated spreadsheet UI: where getUi() works, recorded menus and surfaces, scripted alert answers. */

import { createHtmlService } from "../../../local/runtime/html-service";
import { type AuthModeName, type ExecutionKind, Kernel, SCOPES } from "../../../local/runtime/kernel";
import { createUi, SIDEBAR_WIDTH, UiState } from "../../../local/runtime/ui";
import { errorOf, inExecution } from "./fixtures/execution";

type Ui = GoogleAppsScript.Base.Ui;

function setup() {
  const kernel = new Kernel({ now: Date.UTC(2024, 4, 6), scriptTimeZone: "UTC" });
  const state = new UiState({ addOnName: "Follow-up Tracker" });
  const html = createHtmlService(kernel, new Map());
  const run = <T>(body: (ui: Ui) => T, kind: ExecutionKind = "editor", authMode: AuthModeName = "FULL"): T =>
    inExecution(kernel, () => body(createUi(kernel, state)), {
      functionName: "showHelp",
      kind,
      authMode,
      activeSpreadsheetId: "sheet-1",
    });
  return { kernel, state, html, run };
}

const SIDEBAR_DENIED = `You do not have permission to call Ui.showSidebar. Required permissions: ${SCOPES.containerUi}`;

describe("ui", () => {
  describe("createUi", () => {
    it("throws 'Cannot call SpreadsheetApp.getUi() from this context.' in a time-driven trigger", () => {
      const { run } = setup();
      expect(errorOf(() => run(() => "no ui", "timeTrigger"))).toBe(
        "Cannot call SpreadsheetApp.getUi() from this context.",
      );
    });

    it("throws the same outside any execution", () => {
      const { kernel, state } = setup();
      expect(errorOf(() => createUi(kernel, state))).toBe("Cannot call SpreadsheetApp.getUi() from this context.");
    });

    it("exposes the Button and ButtonSet enums", () => {
      const { run } = setup();
      expect(run((ui) => [Object.keys(ui.Button), Object.keys(ui.ButtonSet)])).toEqual([
        ["CLOSE", "OK", "CANCEL", "YES", "NO"],
        ["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"],
      ]);
    });
  });

  describe("createAddonMenu", () => {
    it("records the menu under the add-on's name, even in AuthMode.NONE, replacing it when onOpen runs again", () => {
      const { run, state } = setup();
      const build = (ui: Ui) =>
        ui.createAddonMenu().addItem("Help", "showHelp").addSeparator().addItem("Set up", "setUp").addToUi();
      run(build, "simpleTrigger", "NONE");
      run(build, "simpleTrigger", "LIMITED");
      expect(state.menus).toEqual([
        {
          kind: "addon",
          caption: "Follow-up Tracker",
          entries: [
            { kind: "item", caption: "Help", functionName: "showHelp" },
            { kind: "separator" },
            { kind: "item", caption: "Set up", functionName: "setUp" },
          ],
        },
      ]);
    });
  });

  describe("createMenu", () => {
    it("records a custom menu with a sub-menu as it was at addToUi()", () => {
      const { run, state } = setup();
      run((ui) => {
        const sub = ui.createMenu("Reports").addItem("Weekly", "weekly");
        const menu = ui.createMenu("Tracker").addSubMenu(sub);
        menu.addToUi();
        menu.addItem("Later", "later");
      });
      expect(state.menus).toEqual([
        {
          kind: "custom",
          caption: "Tracker",
          entries: [
            {
              kind: "subMenu",
              caption: "Reports",
              entries: [{ kind: "item", caption: "Weekly", functionName: "weekly" }],
            },
          ],
        },
      ]);
    });

    it("throws the signature error for a non-string function name", () => {
      const { run } = setup();
      expect(run((ui) => errorOf(() => ui.createMenu("M").addItem("Help", 3 as never)))).toBe(
        "The parameters (String,number) don't match the method signature for Menu.addItem.",
      );
    });
  });

  describe("showSidebar", () => {
    it("records the title and content, 300 px wide", () => {
      const { run, state, html } = setup();
      run((ui) => ui.showSidebar(html.createHtmlOutput("<p>Help</p>").setTitle("Help").setWidth(500)));
      expect(state.sidebar).toEqual({
        kind: "sidebar",
        title: "Help",
        content: "<p>Help</p>",
        width: SIDEBAR_WIDTH,
        height: null,
        at: expect.any(Number),
      });
    });

    it("throws the permission error in AuthMode.LIMITED and NONE, and from a simple trigger", () => {
      const { run, state, html } = setup();
      // Made outside the executions: AuthMode.NONE would refuse HtmlService itself.
      const output = html.createHtmlOutput("x");
      const show = (ui: Ui) => errorOf(() => ui.showSidebar(output));
      expect(run(show, "simpleTrigger", "LIMITED")).toBe(SIDEBAR_DENIED);
      expect(run(show, "simpleTrigger", "NONE")).toBe(SIDEBAR_DENIED);
      expect(run(show, "simpleTrigger", "FULL")).toBe(SIDEBAR_DENIED);
      expect(state.surfaces).toEqual([]);
    });

    it("needs the script.container.ui scope in the manifest", () => {
      const { run, html, kernel } = setup();
      kernel.scopes = new Set([SCOPES.spreadsheetsCurrentOnly]);
      expect(run((ui) => errorOf(() => ui.showSidebar(html.createHtmlOutput("x"))))).toBe(SIDEBAR_DENIED);
    });

    it("throws the signature error for anything but an HtmlOutput", () => {
      const { run, html } = setup();
      const template = html.createTemplate("x");
      expect(run((ui) => errorOf(() => ui.showSidebar(template as never)))).toBe(
        "The parameters ((class)) don't match the method signature for Ui.showSidebar.",
      );
    });
  });

  describe("showModalDialog", () => {
    it("records the dialog with its title and size; showModelessDialog likewise", () => {
      const { run, state, html } = setup();
      run((ui) => ui.showModalDialog(html.createHtmlOutput("<p>Sure?</p>").setWidth(400).setHeight(200), "Confirm"));
      run((ui) => ui.showModelessDialog(html.createHtmlOutput("<p>Busy</p>"), "Progress"));
      expect(state.surfaces.map(({ kind, title, width, height }) => ({ kind, title, width, height }))).toEqual([
        { kind: "modalDialog", title: "Confirm", width: 400, height: 200 },
        { kind: "modelessDialog", title: "Progress", width: null, height: null },
      ]);
    });
  });

  describe("alert", () => {
    it("returns the scripted answers and records what was asked", () => {
      const { run, state } = setup();
      state.answerNext("OK");
      state.answerNext("NO");
      const answers = run((ui) => [ui.alert("Done"), ui.alert("Delete", "Delete 3 rows?", ui.ButtonSet.YES_NO)]);
      expect(answers).toEqual(["OK", "NO"]);
      expect(state.exchanges).toEqual([
        { kind: "alert", title: "", prompt: "Done", buttons: "OK", button: "OK", text: "" },
        { kind: "alert", title: "Delete", prompt: "Delete 3 rows?", buttons: "YES_NO", button: "NO", text: "" },
      ]);
    });

    it("fails the test when no answer is queued or the answer is not a button shown", () => {
      const { run, state } = setup();
      expect(run((ui) => errorOf(() => ui.alert("Done")))).toBe(
        'test harness: no answer queued for Ui.alert("Done"); call UiState.answerNext() first',
      );
      state.answerNext("YES");
      expect(run((ui) => errorOf(() => ui.alert("Done", ui.ButtonSet.OK)))).toBe(
        "test harness: YES is not a button of ButtonSet.OK",
      );
    });

    it("throws the signature error for a bad ButtonSet", () => {
      const { run } = setup();
      expect(run((ui) => errorOf(() => ui.alert("Done", "MAYBE" as never)))).toBe(
        "The parameters (String,String) don't match the method signature for Ui.alert.",
      );
    });
  });

  describe("prompt", () => {
    it("returns the scripted button and text", () => {
      const { run, state } = setup();
      state.answerNext("OK", "Acme 有限公司");
      const response = run((ui) => {
        const r = ui.prompt("Customer", "Name?", ui.ButtonSet.OK_CANCEL);
        return [r.getSelectedButton(), r.getResponseText()];
      });
      expect(response).toEqual(["OK", "Acme 有限公司"]);
      expect(state.exchanges[0]).toMatchObject({ kind: "prompt", title: "Customer", buttons: "OK_CANCEL" });
    });
  });
});
