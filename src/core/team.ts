/** The sales team (who owns follow-ups, who manages whom, who gets reminders) and the Team sheet it is kept in. */

import type { Language } from "./language";
import { cellText, normalizeHeader } from "./text";

export type Role = "rep" | "manager" | "admin";

export interface TeamMember {
  name: string;
  email: string;
  role: Role;
  managerEmail: string;
  reminders: boolean;
  /** The language of this member's emails; "" follows the spreadsheet. */
  language: Language | "";
  /** Optional 7th column (手机号 / Mobile): how a DingTalk or WeCom group robot @mentions them. Absent when blank. */
  mobile?: string;
  /** Optional 8th column (IM 账号 / Chat user ID): their user id on the team's chat platform, for @mentions. */
  chatId?: string;
}

export interface TeamProblem {
  /** Sheet row. */
  row: number;
  kind:
    | "invalidEmail"
    | "duplicateEmail"
    | "duplicateName"
    | "invalidManagerEmail"
    | "unknownRole"
    | "unknownLanguage"
    | "missingName";
  value: string;
}

/** The Team sheet's header row: name, email, role, manager's email, reminders, language. */
export const TEAM_HEADERS: Record<Language, string[]> = {
  zh: ["姓名", "邮箱", "角色", "主管邮箱", "接收提醒", "邮件语言"],
  en: ["Name", "Email", "Role", "Manager's email", "Reminders", "Email language"],
};

/** The two optional columns after the six (older Team sheets lack them: read as blank): mobile, chat user id. */
export const TEAM_CHAT_HEADERS: Record<Language, string[]> = {
  zh: ["手机号", "IM 账号"],
  en: ["Mobile", "Chat user ID"],
};

/** Whether a sheet's first row is a Team sheet's header row (either language), to find the sheet again. */
export function isTeamHeader(row: readonly unknown[]): boolean {
  return (["zh", "en"] as const).some((language) =>
    TEAM_HEADERS[language].every((text, i) => normalizeHeader(row[i]) === normalizeHeader(text)),
  );
}

const ROLE_WORDS: Record<Language, Record<Role, string>> = {
  zh: { rep: "销售", manager: "主管", admin: "管理员" },
  en: { rep: "rep", manager: "manager", admin: "admin" },
};

const ROLE_BY_WORD = new Map<string, Role>(
  (["zh", "en"] as const).flatMap((language) =>
    (Object.entries(ROLE_WORDS[language]) as [Role, string][]).map(([role, word]) => [normalizeHeader(word), role]),
  ),
);

const OFF_WORDS = new Set(["false", "no", "off", "0", "否", "关", "关闭"]);

/** A plausible email address: one @, no spaces, a dot inside the domain, at most 254 characters. */
export function isValidEmail(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);
}

/** The Team sheet's content from A1: the header row, then one row per member. */
export function teamGrid(members: readonly TeamMember[], language: Language): unknown[][] {
  return [
    [...TEAM_HEADERS[language], ...TEAM_CHAT_HEADERS[language]],
    ...members.map((m) => [
      m.name,
      m.email,
      ROLE_WORDS[language][m.role],
      m.managerEmail,
      m.reminders,
      m.language,
      m.mobile ?? "",
      m.chatId ?? "",
    ]),
  ];
}

/**
 * The team from the Team sheet's values; row 1 is the header, blank rows are skipped. A member whose email is not
 * valid is kept with email "" and reported; so are repeated emails (one person, one digest), names on two rows (such
 * a name owns nothing: see `ownerOf`), unknown roles (read as rep) and languages.
 */
export function parseTeam(values: readonly (readonly unknown[])[]): { members: TeamMember[]; problems: TeamProblem[] } {
  const members: TeamMember[] = [];
  const problems: TeamProblem[] = [];
  const seenEmails = new Set<string>();
  const seenNames = new Set<string>();
  values.forEach((cells, index) => {
    const row = index + 1;
    const [name, email, roleWord, managerEmail, reminders, languageWord, mobile, chatId] = [0, 1, 2, 3, 4, 5, 6, 7].map(
      (i) => cellText(cells[i]),
    );
    if (row === 1 || [name, email, roleWord, managerEmail, languageWord].every((text) => text === "")) return;
    const report = (kind: TeamProblem["kind"], value: string) => problems.push({ row, kind, value });
    if (name === "") report("missingName", email);
    else if (seenNames.has(name.toLowerCase())) report("duplicateName", name);
    seenNames.add(name.toLowerCase());
    const validEmail = isValidEmail(email);
    if (!validEmail) report("invalidEmail", email);
    else if (seenEmails.has(email.toLowerCase())) report("duplicateEmail", email);
    seenEmails.add(email.toLowerCase());
    const role = roleWord === "" ? "rep" : ROLE_BY_WORD.get(normalizeHeader(roleWord));
    if (!role) report("unknownRole", roleWord);
    if (managerEmail !== "" && !isValidEmail(managerEmail)) report("invalidManagerEmail", managerEmail);
    const language = languageWord.toLowerCase();
    if (language !== "" && language !== "zh" && language !== "en") report("unknownLanguage", languageWord);
    members.push({
      name,
      email: validEmail ? email : "",
      role: role ?? "rep",
      managerEmail: isValidEmail(managerEmail) ? managerEmail : "",
      reminders: cells[4] !== false && !OFF_WORDS.has(reminders.toLowerCase()),
      language: language === "zh" || language === "en" ? language : "",
      // A mobile typed as a number (13800000000) reads as its digits; "+86 138…" keeps what a robot accepts.
      ...(mobile ? { mobile: mobile.replace(/[\s-]/g, "") } : {}),
      ...(chatId ? { chatId } : {}),
    });
  });
  return { members, problems };
}

/** The member called `name` (trimmed, case-insensitive); none when the name is on two rows (which one would it be?). */
export function memberByName(team: readonly TeamMember[], name: string): TeamMember | undefined {
  const wanted = name.trim().toLowerCase();
  if (wanted === "") return undefined;
  const named = team.filter((m) => m.name.trim().toLowerCase() === wanted);
  return named.length === 1 ? named[0] : undefined;
}

/** Who an owner cell names: a member (by name, else by email), or why nobody. */
export type OwnerLookup = { member: TeamMember } | { problem: "noOwner" | "ownerNotOnTeam" | "ownerAmbiguous" };

/** The member an owner cell names (SPEC: the owner is who gets the reminder); a name on two Team rows names nobody. */
export function ownerOf(team: readonly TeamMember[], owner: string): OwnerLookup {
  const wanted = owner.trim().toLowerCase();
  if (wanted === "") return { problem: "noOwner" };
  const member = memberByName(team, owner) ?? memberByEmail(team, owner);
  if (member) return { member };
  const named = team.filter((m) => m.name.trim().toLowerCase() === wanted).length;
  return { problem: named > 1 ? "ownerAmbiguous" : "ownerNotOnTeam" };
}

/** The member whose email is `email` (trimmed, case-insensitive). */
export function memberByEmail(team: readonly TeamMember[], email: string): TeamMember | undefined {
  const wanted = email.trim().toLowerCase();
  return wanted === "" ? undefined : team.find((m) => m.email.toLowerCase() === wanted);
}
