/** Tests of src/core/team: the Team sheet round trip, what a mistyped row does, and finding owners by name or email. */

import {
  isValidEmail,
  memberByEmail,
  memberByName,
  parseTeam,
  TEAM_HEADERS,
  type TeamMember,
  teamGrid,
} from "../../src/core/team";

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
    reminders: false,
    language: "en",
  },
];

describe("team", () => {
  describe("isValidEmail", () => {
    it.each(["li.si@example.cn", "anna+sales@mail.example.com", "王@例子.中国"])("accepts %s", (email) => {
      expect(isValidEmail(email)).toBe(true);
    });

    it.each([
      "li.si",
      "li si@example.cn",
      "li@@example.cn",
      "a@b@example.cn",
      "li@example",
      "li@.cn",
      "li@example.",
      "",
    ])("rejects %j", (email) => {
      expect(isValidEmail(email)).toBe(false);
    });

    it("rejects addresses longer than 254 characters", () => {
      expect(isValidEmail(`${"a".repeat(250)}@b.cn`)).toBe(false);
    });
  });

  describe("teamGrid", () => {
    it("writes the header (the optional mobile and chat id columns included) and one row per member, role words in the sheet's language", () => {
      expect(teamGrid(TEAM, "zh")).toEqual([
        [...TEAM_HEADERS.zh, "手机号", "IM 账号"],
        ["王经理", "wang@example.cn", "主管", "", true, "zh", "", ""],
        ["李四", "li.si@example.cn", "销售", "wang@example.cn", true, "", "", ""],
        ["Anna Smith", "anna@example.com", "销售", "wang@example.cn", false, "en", "", ""],
      ]);
      const withChat = teamGrid([{ ...(TEAM[1] as TeamMember), mobile: "13800000000", chatId: "lisi" }], "en");
      expect(withChat[0]?.slice(6)).toEqual(["Mobile", "Chat user ID"]);
      expect(withChat[1]?.slice(6)).toEqual(["13800000000", "lisi"]);
      expect(teamGrid(TEAM, "en")[1][2]).toBe("manager");
    });
  });

  describe("parseTeam", () => {
    it("reads the optional mobile and chat user id columns (G–H), and nothing from an older six-column sheet", () => {
      const { members } = parseTeam([
        [...TEAM_HEADERS.zh, "手机号", "IM 账号"],
        ["李四", "li.si@example.cn", "销售", "", true, "", 13800000000, "lisi"],
        ["王五", "wang5@example.cn", "销售", "", true, "", "138-0000 0001", ""],
        ["赵六", "zhao6@example.cn", "销售", "", true, ""],
      ]);
      expect(members.map((m) => [m.mobile, m.chatId])).toEqual([
        ["13800000000", "lisi"],
        ["13800000001", undefined],
        [undefined, undefined],
      ]);
    });

    it("reads back what teamGrid wrote, in both languages", () => {
      expect(parseTeam(teamGrid(TEAM, "zh"))).toEqual({ members: TEAM, problems: [] });
      expect(parseTeam(teamGrid(TEAM, "en"))).toEqual({ members: TEAM, problems: [] });
    });

    it("accepts role words of either language and skips blank rows, unticked boxes included", () => {
      const { members, problems } = parseTeam([
        TEAM_HEADERS.en,
        [" 张三 ", " zhang@example.cn ", "管理员", "", true, "ZH"],
        ["", "", "", "", false, ""],
        ["Bob", "bob@example.com", "Manager", "", "", ""],
      ]);
      expect(problems).toEqual([]);
      expect(members).toEqual([
        { name: "张三", email: "zhang@example.cn", role: "admin", managerEmail: "", reminders: true, language: "zh" },
        { name: "Bob", email: "bob@example.com", role: "manager", managerEmail: "", reminders: true, language: "" },
      ]);
    });

    it("keeps a member with a bad email, without the email, and reports it", () => {
      const { members, problems } = parseTeam([TEAM_HEADERS.zh, ["赵六", "zhao6@example", "销售", "", true, ""]]);
      expect(members[0]).toMatchObject({ name: "赵六", email: "" });
      expect(problems).toEqual([{ row: 2, kind: "invalidEmail", value: "zhao6@example" }]);
    });

    it("reports a repeated email, an unknown role or language and a bad manager's email", () => {
      const { members, problems } = parseTeam([
        TEAM_HEADERS.en,
        ["李四", "li.si@example.cn", "销售", "", true, ""],
        ["Li Si", "LI.SI@example.cn", "intern", "boss", true, "fr"],
      ]);
      expect(problems).toEqual([
        { row: 3, kind: "duplicateEmail", value: "LI.SI@example.cn" },
        { row: 3, kind: "unknownRole", value: "intern" },
        { row: 3, kind: "invalidManagerEmail", value: "boss" },
        { row: 3, kind: "unknownLanguage", value: "fr" },
      ]);
      expect(members[1]).toMatchObject({ role: "rep", managerEmail: "", language: "" });
    });

    it("reports a row with an email but no name", () => {
      expect(parseTeam([TEAM_HEADERS.en, ["", "anna@example.com", "rep", "", true, ""]]).problems).toEqual([
        { row: 2, kind: "missingName", value: "anna@example.com" },
      ]);
    });

    it("reads 'no' words in the reminders column as reminders off", () => {
      const { members } = parseTeam([TEAM_HEADERS.zh, ["李四", "li.si@example.cn", "销售", "", "否", ""]]);
      expect(members[0].reminders).toBe(false);
    });
  });

  describe("memberByName", () => {
    it("finds a member by trimmed, case-insensitive name", () => {
      expect(memberByName(TEAM, " anna smith ")?.email).toBe("anna@example.com");
      expect(memberByName(TEAM, "李四")?.role).toBe("rep");
      expect(memberByName(TEAM, "王五")).toBeUndefined();
      expect(memberByName(TEAM, "")).toBeUndefined();
    });
  });

  describe("memberByEmail", () => {
    it("finds a member by case-insensitive email, never by a blank one", () => {
      expect(memberByEmail(TEAM, "Wang@Example.CN")?.name).toBe("王经理");
      expect(memberByEmail(TEAM, "nobody@example.cn")).toBeUndefined();
      expect(memberByEmail([{ ...TEAM[0], email: "" }], "")).toBeUndefined();
    });
  });
});
