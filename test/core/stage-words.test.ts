/** Tests of src/core/stage-words: which statuses mean won or lost, which are too vague to be stages, and which next steps name no action, in both languages. */

import { defaultSettings } from "../../src/core/settings";
import { isVagueNextStep, isVagueStage, kindOfNewStage, stageWordOf } from "../../src/core/stage-words";

describe("stage-words", () => {
  describe("stageWordOf", () => {
    it.each([
      ["成交", "won"],
      ["已成交", "won"],
      ["签约完成", "won"],
      ["赢单", "won"],
      ["Closed Won", "won"],
      ["Won", "won"],
      ["丢单", "lost"],
      ["输单", "lost"],
      ["已流失", "lost"],
      ["Closed Lost", "lost"],
      ["Lost", "lost"],
    ] as const)("reads %s as %s", (status, word) => {
      expect(stageWordOf(status)).toBe(word);
    });

    it("reads a status however it is spaced, punctuated or typed full-width", () => {
      expect(stageWordOf("Closed - Won")).toBe("won");
      expect(stageWordOf("closed_lost")).toBe("lost");
      expect(stageWordOf("ＣＬＯＳＥＤ　ＷＯＮ")).toBe("won");
      expect(stageWordOf(" 跟进中… ")).toBe("vague");
      expect(stageWordOf("TBD?")).toBe("vague");
    });

    it.each([
      "跟进中",
      "继续跟进",
      "待定",
      "联系中",
      "再说",
      "考虑中",
      "in progress",
      "Following up",
      "TBD",
      "pending",
    ])("flags the vague status %j", (status) => {
      expect(stageWordOf(status)).toBe("vague");
      expect(isVagueStage(status)).toBe(true);
    });

    it("leaves concrete stages, and the default stages, as stage names of their Settings kind", () => {
      for (const status of [
        "待回访",
        "已报价",
        "谈判中",
        "签约中",
        "需求确认",
        "Quoted",
        "Negotiating",
        "Demo booked",
      ]) {
        expect(stageWordOf(status)).toBe("stage");
      }
      for (const language of ["zh", "en"] as const) {
        for (const stage of defaultSettings(language).stages) {
          expect([stage.name, kindOfNewStage(stage.name)]).toEqual([stage.name, stage.kind]);
          expect(isVagueStage(stage.name)).toBe(false);
        }
      }
      expect(isVagueStage("")).toBe(false);
    });
  });

  describe("kindOfNewStage", () => {
    it("makes won and lost words those kinds, and everything else open", () => {
      expect(["签约完成", "丢单", "Closed Won", "Closed Lost", "样品测试"].map(kindOfNewStage)).toEqual([
        "won",
        "lost",
        "won",
        "lost",
        "open",
      ]);
    });
  });

  describe("isVagueNextStep", () => {
    it.each([
      "继续跟进",
      "再联系",
      "跟进",
      "保持联系",
      "6/20再联系",
      "下周一 继续跟进",
      "明天再说",
      "follow up",
      "Follow-up next week",
      "TBD",
    ])("flags %j as naming no action", (step) => {
      expect(isVagueNextStep(step)).toBe(true);
    });

    it.each([
      "6/13电话确认付款方式",
      "6/12回访报价反馈",
      "6/13安排面谈",
      "客户需定制功能，预计下周确认需求，届时安排技术对接",
      "Call on Monday to confirm the payment terms",
      "Send the revised quote by 6/14",
      "",
    ])("accepts %j", (step) => {
      expect(isVagueNextStep(step)).toBe(false);
    });
  });
});
