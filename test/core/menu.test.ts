/** Tests of src/core/menu: every menu item reads well in both languages and runs a global function src/main.ts exports. */

import { readFileSync } from "node:fs";
import path from "node:path";
import { ADDON_MENU } from "../../src/core/menu";
import { en, zh } from "../../src/i18n/messages";

/** The names src/main.ts exports as functions, which build.mjs turns into the script's global functions. */
function mainExports(): Set<string> {
  const source = readFileSync(path.resolve(__dirname, "../../src/main.ts"), "utf8");
  return new Set([...source.matchAll(/^export function (\w+)\s*\(/gm)].map((match) => match[1]));
}

describe("menu", () => {
  describe("ADDON_MENU", () => {
    it("shows the items top to bottom in Chinese and in English", () => {
      expect(ADDON_MENU.map((item) => zh[item.label])).toEqual([
        "设置/接管跟进表",
        "记录跟进",
        "我的待跟进",
        "同步与修复",
        "提醒开关",
        "提醒渠道",
        "生成周报",
        "释放公海客户",
        "归档已结束客户",
        "设置",
        "帮助",
      ]);
      expect(ADDON_MENU.map((item) => en[item.label])).toEqual([
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

    it("labels every item with a message both languages define, and no two items alike", () => {
      for (const { label } of ADDON_MENU) {
        expect(Object.keys(zh)).toContain(label);
        expect(Object.keys(en)).toContain(label);
      }
      for (const catalogue of [zh, en]) {
        const texts = ADDON_MENU.map((item) => catalogue[item.label].trim());
        expect(texts.every((text) => text !== "")).toBe(true);
        expect(new Set(texts).size).toBe(ADDON_MENU.length);
      }
    });

    it("runs a different function for each item", () => {
      const handlers = ADDON_MENU.map((item) => item.handler);
      expect(new Set(handlers).size).toBe(handlers.length);
    });

    it("runs only functions src/main.ts exports, so each exists as a global of the script", () => {
      const exported = mainExports();
      expect(exported).toContain("onOpen");
      for (const { handler } of ADDON_MENU) expect(exported).toContain(handler);
    });

    it("never runs a trigger or a sidebar endpoint from the menu", () => {
      const handlers = ADDON_MENU.map((item) => item.handler);
      for (const name of ["onOpen", "onInstall", "runHourly", "sidebarData", "saveFollowUp", "selectRow"]) {
        expect(handlers).not.toContain(name);
      }
    });
  });
});
