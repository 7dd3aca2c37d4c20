/** Integration tests of the built bundle's entry points (onOpen, onInstall, the Help menu item) run the way Apps Script runs them. */

import { EN_REP, runtimeOnDist, runtimeOnSource, ZH_REP } from "../helpers/runtime";

describe("dist/Code.js entry points", () => {
  describe("onOpen", () => {
    it.each(["NONE", "LIMITED", "FULL"] as const)("builds the add-on menu in AuthMode.%s", (authMode) => {
      const runtime = runtimeOnDist();
      runtime.open(authMode);
      expect(runtime.ui.menus).toEqual([
        {
          kind: "addon",
          caption: "Follow-up Tracker",
          entries: [
            { kind: "item", caption: "设置/接管跟进表", functionName: "setUpTable" },
            { kind: "item", caption: "记录跟进", functionName: "showLogSidebar" },
            { kind: "item", caption: "我的待跟进", functionName: "showDueSidebar" },
            { kind: "item", caption: "同步与修复", functionName: "syncTable" },
            { kind: "item", caption: "提醒开关", functionName: "toggleReminders" },
            { kind: "item", caption: "提醒渠道", functionName: "showReminderChannels" },
            { kind: "item", caption: "生成周报", functionName: "buildReview" },
            { kind: "item", caption: "释放公海客户", functionName: "releaseStaleCustomers" },
            { kind: "item", caption: "归档已结束客户", functionName: "archiveClosedCustomers" },
            { kind: "item", caption: "设置", functionName: "openSettings" },
            { kind: "item", caption: "帮助", functionName: "showHelp" },
          ],
        },
      ]);
      expect(runtime.executions.at(-1)?.status).toBe("COMPLETED");
    });

    it("speaks English to an English-speaking user", () => {
      const runtime = runtimeOnDist({ user: EN_REP, locale: "en_US", timeZone: "America/Los_Angeles" });
      runtime.open("NONE");
      expect(runtime.ui.menus[0]?.entries.map((e) => ("caption" in e ? e.caption : ""))).toEqual([
        "Set up / adopt table",
        "Log a follow-up",
        "My follow-ups due",
        "Sync & repair",
        "Reminders on/off",
        "Reminder channels",
        "Build weekly review",
        "Release stale customers",
        "Archive closed customers",
        "Settings",
        "Help",
      ]);
    });

    it("does not touch the document or properties, even at global scope (AuthMode.NONE would refuse them)", () => {
      const runtime = runtimeOnDist();
      runtime.open("NONE");
      const calls = runtime.kernel.snapshot().byService;
      expect(calls.Spreadsheet ?? 0).toBe(0);
      expect(calls.Properties ?? 0).toBe(0);
    });
  });

  describe("the runtime's AuthMode.NONE (the classic vanished-menu bug)", () => {
    const menu = "SpreadsheetApp.getUi().createAddonMenu().addItem('Help', 'showHelp').addToUi();";

    it("fails an onOpen that reads the document, so no menu appears", () => {
      const runtime = runtimeOnSource(
        `function onOpen(e) { var name = SpreadsheetApp.getActiveSpreadsheet().getName(); ${menu} }`,
      );
      expect(() => runtime.open("NONE")).toThrow(
        "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly",
      );
      expect(runtime.ui.menus).toEqual([]);
    });

    it("fails a script that reads PropertiesService at global scope, whatever onOpen does", () => {
      const runtime = runtimeOnSource(
        `var settings = PropertiesService.getDocumentProperties();\nfunction onOpen(e) { ${menu} }`,
      );
      expect(() => runtime.open("NONE")).toThrow(
        /You do not have permission to call PropertiesService\.getDocumentProperties/,
      );
      expect(runtime.ui.menus).toEqual([]);
    });

    it("lets the same onOpen through in AuthMode.LIMITED", () => {
      const runtime = runtimeOnSource(
        `function onOpen(e) { var name = SpreadsheetApp.getActiveSpreadsheet().getName(); ${menu} }`,
      );
      runtime.open("LIMITED");
      expect(runtime.ui.menus).toHaveLength(1);
    });
  });

  describe("onInstall", () => {
    it("adds the menu in AuthMode.FULL and changes nothing in the document", () => {
      const runtime = runtimeOnDist();
      const before = runtime
        .inspect()
        .getActiveSpreadsheet()
        .getSheets()
        .map((s) => s.getName());
      runtime.install();
      expect(runtime.ui.menus[0]?.entries).toHaveLength(11);
      expect(
        runtime
          .inspect()
          .getActiveSpreadsheet()
          .getSheets()
          .map((s) => s.getName()),
      ).toEqual(before);
    });
  });

  describe("Help menu item", () => {
    it("opens the Help sidebar in the user's language", () => {
      const runtime = runtimeOnDist({ user: ZH_REP });
      runtime.open("LIMITED");
      runtime.clickMenu("帮助");
      const sidebar = runtime.ui.sidebar;
      expect(sidebar?.title).toBe("跟进表助手 · 帮助");
      expect(sidebar?.width).toBe(300);
      expect(sidebar?.content).toContain('<html lang="zh-CN">');
      expect(sidebar?.content).toContain("客户需求 → 跟进内容 → 下一步计划");
      expect(sidebar?.content).not.toContain("<?");
    });

    it("is refused from a simple trigger (LIMITED cannot open sidebars)", () => {
      const runtime = runtimeOnDist({ user: EN_REP });
      expect(() => runtime.run("showHelp", [], { authMode: "LIMITED", kind: "simpleTrigger" })).toThrow(
        "You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui",
      );
      expect(runtime.ui.sidebar).toBeNull();
    });

    it("escapes the text it puts in the page", () => {
      const runtime = runtimeOnDist({ user: EN_REP });
      runtime.open("FULL");
      runtime.clickMenu("Help");
      const content = runtime.ui.sidebar?.content ?? "";
      expect(content).toContain("customer need → what we did → next step");
      expect(content).toContain("your team&#39;s existing sheet");
    });
  });
});
