/** The Team sheet for a dry run: read from a team CSV (zh or en headers), or made up from the table's owners with placeholder addresses under example.com. */

import type { Language } from "../../src/core/language";
import { asLiteral } from "../../src/core/literal";
import { isValidEmail, TEAM_CHAT_HEADERS, TEAM_HEADERS, type TeamMember, teamGrid } from "../../src/core/team";
import { normalizeHeader } from "../../src/core/text";
import { SimulationInputError } from "./csv-table";

type TeamField = "name" | "email" | "role" | "managerEmail" | "reminders" | "language" | "mobile" | "chatId";

/** Team sheet columns in order (the six, then the two optional ones group robots @mention by), each with the header texts a team CSV may use for it. */
const TEAM_FIELDS: readonly { field: TeamField; names: string[] }[] = [
  { field: "name", names: ["name", "member", "full name", "owner", "姓名", "名字", "成员", "责任人"] },
  { field: "email", names: ["email", "e-mail", "mail", "email address", "邮箱", "邮件", "电子邮箱", "邮箱地址"] },
  { field: "role", names: ["role", "角色", "职位"] },
  { field: "managerEmail", names: ["manager", "manager email", "主管", "主管邮箱", "上级", "上级邮箱"] },
  { field: "reminders", names: ["reminders", "reminder", "接收提醒", "提醒"] },
  { field: "language", names: ["language", "lang", "email language", "语言", "邮件语言"] },
  { field: "mobile", names: ["mobile", "phone", "手机", "电话"] },
  { field: "chatId", names: ["chat id", "im", "user id", "IM账号", "企业微信账号", "钉钉账号", "飞书账号"] },
].map(({ field, names }, index) => ({
  field: field as TeamField,
  names: [...names, ...(["zh", "en"] as const).map((language) => sheetHeaders(language)[index] ?? "")].map(
    normalizeHeader,
  ),
}));

/** The Team sheet's own header row in `language`: the six columns, then the two optional ones. */
function sheetHeaders(language: Language): string[] {
  return [...TEAM_HEADERS[language], ...TEAM_CHAT_HEADERS[language]];
}

/** The adopting user of a made-up team: the admin who gets the weekly review. */
export const PLACEHOLDER_ADMIN = "admin@example.com";

/** The Team sheet's rows below its header, from a team CSV's records (header first), typed as text. */
export function teamRowsFromCsv(records: readonly (readonly string[])[], file: string): unknown[][] {
  const header = (records[0] ?? []).map(normalizeHeader);
  const columnOf = new Map<TeamField, number>();
  for (const { field, names } of TEAM_FIELDS) {
    const column = header.findIndex((text) => names.includes(text));
    if (column >= 0) columnOf.set(field, column);
  }
  const missing = (["name", "email"] as const).filter((field) => !columnOf.has(field));
  if (missing.length > 0) {
    throw new SimulationInputError(
      `${file}: no ${missing.join(" or ")} column in the header row (${records[0]?.join(", ")}); expected e.g. name,email,role,manager,language or 姓名,邮箱,角色,主管邮箱,邮件语言.`,
    );
  }
  return records
    .slice(1)
    .filter((record) => record.some((text) => text.trim() !== ""))
    .map((record) =>
      TEAM_FIELDS.map(({ field }) => {
        const column = columnOf.get(field);
        const text = column === undefined ? "" : (record[column] ?? "").trim();
        return field === "reminders" && text === "" ? true : asLiteral(text);
      }),
    );
}

/** The email of the first admin, else manager, else member of typed Team rows: who adopts the table. */
export function adoptingUser(rows: readonly unknown[][]): string {
  const text = (row: unknown[], index: number) => String(row[index] ?? "").replace(/^'/, "");
  const byRole = (words: string[]) => rows.find((row) => words.includes(normalizeHeader(text(row, 2))));
  const chosen = byRole(["admin", "管理员"]) ?? byRole(["manager", "主管"]) ?? rows[0];
  const email = chosen ? text(chosen, 1) : "";
  return isValidEmail(email) ? email : PLACEHOLDER_ADMIN;
}

/** An ASCII address for an owner: the owner itself when it is an address, else a slug of the name, else owner-N. */
function placeholderEmail(owner: string, index: number, taken: Set<string>): string {
  if (isValidEmail(owner) && /^[\x21-\x7e]+$/.test(owner)) return owner;
  const slug = /^[\x20-\x7e]+$/.test(owner)
    ? owner
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ".")
        .replace(/^\.+|\.+$/g, "")
    : "";
  const base = slug || `owner-${index + 1}`;
  let email = `${base}@example.com`;
  for (let n = 2; taken.has(email); n++) email = `${base}-${n}@example.com`;
  return email;
}

/**
 * The Team sheet's rows for a table without a team file: the adopting admin, then each distinct owner (first seen
 * first, case-insensitively) as a rep managed by the admin, with a placeholder address.
 */
export function placeholderTeamRows(owners: readonly string[], language: Language): unknown[][] {
  const admin: TeamMember = {
    name: PLACEHOLDER_ADMIN.split("@")[0] ?? "admin",
    email: PLACEHOLDER_ADMIN,
    role: "admin",
    managerEmail: "",
    reminders: true,
    language: "",
  };
  const members = [admin];
  const taken = new Set([PLACEHOLDER_ADMIN]);
  const seen = new Set<string>();
  for (const owner of owners.map((o) => o.trim())) {
    if (owner === "" || seen.has(owner.toLowerCase())) continue;
    seen.add(owner.toLowerCase());
    const email = placeholderEmail(owner, seen.size - 1, taken);
    taken.add(email);
    members.push({ name: owner, email, role: "rep", managerEmail: PLACEHOLDER_ADMIN, reminders: true, language: "" });
  }
  return teamGrid(members, language)
    .slice(1)
    .map((row) => row.map(asLiteral));
}
