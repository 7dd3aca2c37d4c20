/** Tests of src/core/follow-up-form: what the sidebar's follow-up form accepts, and the message naming the field when it refuses. */

import { dayFromYmd } from "../../src/core/dates";
import { checkFollowUp, dayOfIso, type FormContext, formOf } from "../../src/core/follow-up-form";
import type { Language } from "../../src/core/language";
import { defaultSettings } from "../../src/core/settings";
import type { FollowUpForm } from "../../src/core/sidebar-api";
import type { TeamMember } from "../../src/core/team";

const TEAM: TeamMember[] = [
  { name: "王经理", email: "wang@example.cn", role: "manager", managerEmail: "", reminders: true, language: "zh" },
  {
    name: "李四",
    email: "li.si@example.cn",
    role: "rep",
    managerEmail: "wang@example.cn",
    reminders: true,
    language: "",
  },
  {
    name: "Anna Smith",
    email: "anna@example.com",
    role: "rep",
    managerEmail: "wang@example.cn",
    reminders: true,
    language: "en",
  },
];

/** Wednesday 2024-06-12 in the spreadsheet's zone. */
const TODAY = dayFromYmd(2024, 6, 12);

function context(language: Language): FormContext {
  return { settings: defaultSettings(language), team: TEAM, today: TODAY, language };
}

/** A complete follow-up as the Chinese sidebar sends it. */
const FORM: FollowUpForm = {
  customer: "上海某科技有限公司",
  contact: "张三",
  contactInfo: "+86 138-0013-8000",
  date: "2024-06-12",
  method: "电话",
  need: "需要 500 台设备的报价",
  summary: "电话沟通，确认了规格和交期",
  stage: "已报价",
  nextStep: "6/14 回访报价反馈",
  nextDate: "2024-06-14",
  owner: "李四",
  source: "展会",
  score: "4",
  notes: "",
};

/** The same follow-up from the English sidebar, with the English Settings' options. */
const EN_FORM: FollowUpForm = {
  ...FORM,
  customer: "Acme, Inc.",
  method: "Phone",
  stage: "Quoted",
  owner: "Anna Smith",
  source: "Trade show",
};

function errorsOf(form: FollowUpForm, language: Language = "zh") {
  const result = checkFollowUp(form, context(language));
  return result.ok ? {} : result.errors;
}

describe("follow-up-form", () => {
  describe("formOf", () => {
    it("takes an object whose every field is a string", () => {
      expect(formOf(FORM)).toBe(FORM);
      expect(formOf({ ...FORM, notes: "" })).toEqual(FORM);
    });

    it("refuses anything else a hand-made call could send", () => {
      expect(formOf(null)).toBeNull();
      expect(formOf(undefined)).toBeNull();
      expect(formOf("上海某科技有限公司")).toBeNull();
      expect(formOf([])).toBeNull();
      expect(formOf({ ...FORM, score: 4 })).toBeNull();
      expect(formOf({ ...FORM, nextDate: null })).toBeNull();
      const { notes: _notes, ...withoutNotes } = FORM;
      expect(formOf(withoutNotes)).toBeNull();
    });
  });

  describe("dayOfIso", () => {
    it("reads a yyyy-mm-dd calendar date, 29 February of a leap year included", () => {
      expect(dayOfIso("2024-06-12")).toBe(TODAY);
      expect(dayOfIso("2024-02-29")).toBe(dayFromYmd(2024, 2, 29));
      expect(dayOfIso("2025-12-31")).toBe(dayFromYmd(2025, 12, 31));
    });

    it.each([
      "2024-02-30",
      "2023-02-29",
      "2024-13-01",
      "2024-04-31",
      "2024-00-10",
      "2024-6-1",
      "2024/06/12",
      " 2024-06-12",
      "下周二",
      "",
    ])("refuses %j", (text) => {
      expect(dayOfIso(text)).toBeNull();
    });
  });

  describe("checkFollowUp", () => {
    it("gives back a complete follow-up with days, the score as a number and the owner as on the Team sheet", () => {
      expect(checkFollowUp(FORM, context("zh"))).toEqual({
        ok: true,
        followUp: {
          ...FORM,
          date: TODAY,
          nextDate: dayFromYmd(2024, 6, 14),
          score: 4,
        },
      });
      const result = checkFollowUp({ ...EN_FORM, owner: " anna smith ", score: "" }, context("en"));
      expect(result.ok && result.followUp).toMatchObject({ owner: "Anna Smith", score: null, stage: "Quoted" });
    });

    it("asks for the three-part entry and who owns it, naming each field in Chinese", () => {
      const empty = Object.fromEntries(Object.keys(FORM).map((key) => [key, ""])) as unknown as FollowUpForm;
      expect(errorsOf(empty)).toEqual({
        customer: "请填写「客户名称」。",
        date: "请填写「跟进时间」。",
        need: "请填写「客户需求」。",
        summary: "请填写「跟进内容」。",
        stage: "请填写「当前阶段」。",
        owner: "请填写「责任人」。",
        nextStep: "请填写「下一步计划」。",
        nextDate: "请填写「下次跟进日期」。",
      });
    });

    it("names the missing fields in English", () => {
      expect(errorsOf({ ...EN_FORM, need: "", nextStep: "", nextDate: "" }, "en")).toEqual({
        need: "“Customer need” is required.",
        nextStep: "“Next step” is required.",
        nextDate: "“Next follow-up date” is required.",
      });
    });

    it("leaves contact, method, source, score and notes optional", () => {
      const result = checkFollowUp(
        { ...FORM, contact: "", contactInfo: "", method: "", source: "", score: "" },
        context("zh"),
      );
      expect(result.ok).toBe(true);
    });

    it("needs no next step or next date once the customer is won or lost", () => {
      for (const stage of ["已成交", "已流失"]) {
        const result = checkFollowUp({ ...FORM, stage, nextStep: "", nextDate: "" }, context("zh"));
        expect(result).toMatchObject({ ok: true, followUp: { stage, nextStep: "", nextDate: null } });
      }
      expect(checkFollowUp({ ...EN_FORM, stage: "Won", nextStep: "", nextDate: "" }, context("en")).ok).toBe(true);
    });

    it("refuses a follow-up date after today, and accepts today", () => {
      expect(errorsOf({ ...FORM, date: "2024-06-13", nextDate: "2024-06-20" })).toEqual({
        date: "跟进时间不能晚于今天。",
      });
      expect(errorsOf({ ...EN_FORM, date: "2024-06-13", nextDate: "2024-06-20" }, "en")).toEqual({
        date: "The follow-up date cannot be after today.",
      });
    });

    it("refuses a next date before the follow-up date, and accepts the same day", () => {
      expect(errorsOf({ ...FORM, date: "2024-06-10", nextDate: "2024-06-09" })).toEqual({
        nextDate: "下次跟进日期不能早于跟进时间。",
      });
      expect(errorsOf({ ...EN_FORM, date: "2024-06-10", nextDate: "2024-06-09" }, "en")).toEqual({
        nextDate: "The next follow-up date cannot be before the follow-up date.",
      });
      expect(checkFollowUp({ ...FORM, date: "2024-06-10", nextDate: "2024-06-10" }, context("zh")).ok).toBe(true);
    });

    it("refuses a date that is not on the calendar", () => {
      expect(errorsOf({ ...FORM, date: "2024-02-30", nextDate: "6/14" })).toEqual({
        date: "「跟进时间」不是有效日期。",
        nextDate: "「下次跟进日期」不是有效日期。",
      });
      expect(errorsOf({ ...EN_FORM, date: "2024-02-30" }, "en")).toEqual({
        date: "“Follow-up date” is not a valid date.",
      });
      expect(checkFollowUp({ ...FORM, date: "2024-02-29", nextDate: "2024-03-01" }, context("zh")).ok).toBe(true);
    });

    it("refuses a stage, method or source that is not in Settings, naming the field and the value", () => {
      expect(errorsOf({ ...FORM, stage: "搁置", method: "飞书", source: "抖音" })).toEqual({
        stage: "「搁置」不在「当前阶段」的选项中，请从列表中选择。",
        method: "「飞书」不在「跟进方式」的选项中，请从列表中选择。",
        source: "「抖音」不在「客户来源」的选项中，请从列表中选择。",
      });
      expect(errorsOf({ ...EN_FORM, stage: "On hold", method: "Fax", source: "TikTok" }, "en")).toEqual({
        stage: "“On hold” is not one of the “Stage” options; choose one from the list.",
        method: "“Fax” is not one of the “Method” options; choose one from the list.",
        source: "“TikTok” is not one of the “Lead source” options; choose one from the list.",
      });
    });

    describe("pushback on vague entries (the article: not just 跟进中 or 继续跟进)", () => {
      /** Settings as an older adoption left them: the table's vague statuses made stages. */
      const withVague = (language: Language): FormContext => {
        const settings = defaultSettings(language);
        const vague = language === "zh" ? ["跟进中", "待定"] : ["In progress", "TBD"];
        return {
          ...context(language),
          settings: {
            ...settings,
            stages: [...settings.stages, ...vague.map((name) => ({ name, kind: "open" as const }))],
          },
        };
      };

      it.each([
        [
          "zh",
          "跟进中",
          "「当前阶段」不能是「跟进中」这样笼统的状态：请选一个具体阶段（如 待回访、已报价、谈判中），让人一眼看出客户走到了哪一步。",
        ],
        [
          "zh",
          "待定",
          "「当前阶段」不能是「待定」这样笼统的状态：请选一个具体阶段（如 待回访、已报价、谈判中），让人一眼看出客户走到了哪一步。",
        ],
        [
          "en",
          "In progress",
          "“Stage” cannot be a vague status like “In progress”: choose a concrete stage (e.g. Awaiting callback, Quoted, Negotiating) that says where the customer stands.",
        ],
        [
          "en",
          "TBD",
          "“Stage” cannot be a vague status like “TBD”: choose a concrete stage (e.g. Awaiting callback, Quoted, Negotiating) that says where the customer stands.",
        ],
      ] as const)(
        "refuses the vague stage %s/%s even when Settings lists it, naming the field",
        (language, stage, message) => {
          const form = language === "zh" ? FORM : EN_FORM;
          expect(checkFollowUp({ ...form, stage }, withVague(language))).toEqual({
            ok: false,
            errors: { stage: message },
          });
        },
      );

      it("refuses a vague stage Settings does not list as vague, not as an unknown option", () => {
        expect(errorsOf({ ...FORM, stage: "联系中" })).toEqual({
          stage:
            "「当前阶段」不能是「联系中」这样笼统的状态：请选一个具体阶段（如 待回访、已报价、谈判中），让人一眼看出客户走到了哪一步。",
        });
      });

      it.each([
        ["zh", "继续跟进"],
        ["zh", "再联系"],
        ["zh", "6/20再联系"],
        ["zh", "下周继续跟进。"],
        ["en", "follow up"],
        ["en", "Follow up next week"],
        ["en", "Keep in touch"],
      ] as const)("asks for a concrete action instead of the vague next step %s/%j", (language, nextStep) => {
        const form = language === "zh" ? FORM : EN_FORM;
        const message =
          language === "zh"
            ? `「下一步计划」写得太笼统（「${nextStep}」）：请写出具体动作，如「6/13电话确认付款方式」。`
            : `“Next step” is too vague (“${nextStep}”): write the concrete action, e.g. “6/13 call to confirm the payment terms”.`;
        expect(errorsOf({ ...form, nextStep }, language)).toEqual({ nextStep: message });
      });

      it.each([
        "6/13电话确认付款方式",
        "6/12回访报价反馈",
        "周一电话确认反馈",
        "发合同草稿给法务审核",
        "Call on Monday to confirm the payment terms",
        "Send the revised quote",
      ])("accepts the concrete next step %j", (nextStep) => {
        expect(checkFollowUp({ ...FORM, nextStep }, context("zh")).ok).toBe(true);
      });
    });

    it("refuses an owner who is not on the Team sheet, or whose name is on two rows", () => {
      expect(errorsOf({ ...FORM, owner: "王五" })).toEqual({ owner: "「王五」不在团队表中，请从列表中选择责任人。" });
      expect(errorsOf({ ...EN_FORM, owner: "Bob Lee" }, "en")).toEqual({
        owner: "“Bob Lee” is not on the Team sheet; choose an owner from the list.",
      });
      const twoLis = [...TEAM, { ...TEAM[1], email: "li.si2@example.cn" }];
      const result = checkFollowUp(FORM, { ...context("zh"), team: twoLis });
      expect(result).toEqual({ ok: false, errors: { owner: "「李四」不在团队表中，请从列表中选择责任人。" } });
    });

    it("refuses text too long for its field, saying how long it is", () => {
      expect(checkFollowUp({ ...FORM, customer: "客".repeat(200) }, context("zh")).ok).toBe(true);
      expect(errorsOf({ ...FORM, customer: "客".repeat(201), summary: "谈".repeat(5001) })).toEqual({
        customer: "「客户名称」最多 200 个字（现在 201 个）。",
        summary: "「跟进内容」最多 5000 个字（现在 5001 个）。",
      });
      expect(errorsOf({ ...EN_FORM, nextStep: "x".repeat(1001) }, "en")).toEqual({
        nextStep: "“Next step” can be at most 1000 characters (it has 1001).",
      });
    });

    it.each(["1", "5"])("accepts the score %s", (score) => {
      expect(checkFollowUp({ ...FORM, score }, context("zh"))).toMatchObject({
        ok: true,
        followUp: { score: Number(score) },
      });
    });

    it.each(["0", "6", "12", "2.5", "高", "-1"])("refuses the score %j as not a whole number from 1 to 5", (score) => {
      expect(errorsOf({ ...FORM, score })).toEqual({ score: "意向评分为 1 到 5 的整数。" });
      expect(errorsOf({ ...EN_FORM, score }, "en")).toEqual({ score: "Intent is a whole number from 1 to 5." });
    });

    it("trims one-line fields, and counts their length after trimming", () => {
      const result = checkFollowUp(
        {
          ...FORM,
          customer: `  ${"客".repeat(200)}  `,
          date: " 2024-06-12 ",
          stage: " 已报价 ",
          owner: " 李四\t",
          nextDate: "2024-06-14\n",
        },
        context("zh"),
      );
      expect(result).toMatchObject({
        ok: true,
        followUp: { customer: "客".repeat(200), stage: "已报价", owner: "李四", date: TODAY },
      });
    });

    it("keeps the lines and indentation of long text, dropping only blank lines before and whitespace after", () => {
      const result = checkFollowUp(
        {
          ...FORM,
          need: "\n \n  1. 报价\n  2. 样品  \n\n",
          summary: "电话沟通\n\n确认规格 ",
          notes: "  备注：周五前回复",
        },
        context("zh"),
      );
      expect(result).toMatchObject({
        ok: true,
        followUp: { need: "  1. 报价\n  2. 样品", summary: "电话沟通\n\n确认规格", notes: "  备注：周五前回复" },
      });
    });

    it("takes text made only of spaces and line breaks as not filled in", () => {
      expect(errorsOf({ ...FORM, customer: "   ", need: " \n\t\n " })).toEqual({
        customer: "请填写「客户名称」。",
        need: "请填写「客户需求」。",
      });
    });
  });
});
