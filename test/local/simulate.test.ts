/** Tests of `simulate`: a generated 10,000-row export gives the figures computed here from its rows, its emails parse, its workbook opens, the column mapping is printed, and bad CSVs are refused with a clear message. */

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { simpleParser } from "mailparser";
import { chatOptions, type PostFile } from "../../local/simulate/chat-posts";
import { SimulationInputError } from "../../local/simulate/csv-table";
import { isoFromExported } from "../../local/simulate/exported-dates";
import { simulate } from "../../local/simulate/simulation";
import type { Summary } from "../../local/simulate/summary";

const DIST = path.resolve(__dirname, "../../dist");
const FIXTURES = path.resolve(__dirname, "../fixtures/csv");
const DAY = 86_400_000;
/** Monday 2024-06-10, 10:00 in Shanghai: after the reminder hour (8) and the review hour (9) of the review day. */
const AT = "2024-06-10T10:00";
const TODAY = "2024-06-10";
const OWNERS = ["李四", "王五", "Ann Lee", "Bob Chen", "赵六", "Carol"];
/** The placeholder addresses a user sees for owners when no team file is given. */
const ADDRESSES: Record<string, string> = {
  李四: "owner-1@example.com",
  王五: "owner-2@example.com",
  "Ann Lee": "ann.lee@example.com",
  "Bob Chen": "bob.chen@example.com",
  赵六: "owner-5@example.com",
  Carol: "carol@example.com",
};
const OPEN = ["新线索", "待回访", "需求确认", "已报价", "谈判中", "签约中"];
const METHODS = ["电话", "微信", "邮件", "面访", "视频会议", "其他"];
const HEADER = [
  "客户名称",
  "联系人",
  "联系方式",
  "跟进时间",
  "跟进方式",
  "跟进内容",
  "当前阶段",
  "下一步计划",
  "下次跟进日期",
  "责任人",
];

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const mondayOf = (day: number) => day - ((new Date(day * DAY).getUTCDay() + 6) % 7);
const kindOf = (stage: string) => (stage === "已成交" ? "won" : stage === "已流失" ? "lost" : "open");

/** A follow-up as generated (dates as yyyy-mm-dd, "" when absent) and whether the table can read it. */
interface Row {
  customer: string;
  date: string;
  method: string;
  stage: string;
  nextDate: string;
  owner: string;
  /** The text in the date column when it is not a date. */
  badDate?: string;
}

/** 1,990 customers with 5 follow-ups each on distinct days over 12 weeks, and 50 rows the table cannot read. */
function exportedRows(): Row[] {
  const first = dayOf("2024-03-18");
  const good: Row[] = [];
  for (let c = 0; c < 1990; c++) {
    for (let k = 0; k < 5; k++) {
      const date = first + (c % 45) + k * 9;
      const last = k === 4;
      const stage = last && c % 7 === 0 ? "已成交" : last && c % 11 === 0 ? "已流失" : (OPEN[(c + k) % 6] ?? "");
      good.push({
        customer: `客户${String(c).padStart(4, "0")}`,
        date: iso(date),
        method: METHODS[(c + 2 * k) % 6] ?? "",
        stage,
        nextDate: kindOf(stage) === "open" ? iso(date + 2 + ((c * 5 + k) % 12)) : "",
        owner: OWNERS[c % 6] ?? "",
      });
    }
  }
  const rows: Row[] = [];
  let unreadable = 0;
  for (const [index, row] of good.entries()) {
    if (index % 199 === 0) rows.push(unreadableRow(unreadable++));
    rows.push(row);
  }
  return rows;
}

/** The i-th unreadable row: no follow-up date, a date nobody can read, or no customer (none has a next date). */
function unreadableRow(n: number): Row {
  const base = { method: "电话", stage: "新线索", nextDate: "", owner: OWNERS[n % 6] ?? "" };
  if (n % 3 === 0) return { ...base, customer: `无日期${n}`, date: "" };
  if (n % 3 === 1) return { ...base, customer: `坏日期${n}`, date: "", badDate: "下周一" };
  return { ...base, customer: "", date: "2024-06-03" };
}

/** A date as a Sheets/Excel export writes it, in one of three styles. */
function exported(date: string, style: number): string {
  if (date === "") return "";
  const [y, m, d] = date.split("-").map(Number);
  return [`${y}/${m}/${d}`, date, `${m}/${d}/${y}`][style % 3] ?? date;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as a UTF-8 CSV with a BOM and CRLF line ends, as Excel's "CSV UTF-8" writes it. */
function csvText(rows: readonly Row[]): string {
  const lines = rows.map((r, i) =>
    [
      r.customer,
      `联系人${i % 50}`,
      `+86 138${String(i).padStart(8, "0")}`,
      r.badDate ?? exported(r.date, i),
      r.method,
      "介绍产品, 报价",
      r.stage,
      "回访",
      exported(r.nextDate, i + 1),
      r.owner,
    ]
      .map(csvField)
      .join(","),
  );
  return `\ufeff${[HEADER.join(","), ...lines].join("\r\n")}\r\n`;
}

const readable = (r: Row) => r.customer !== "" && r.date !== "";

/** Days between follow-ups by stage, as a new table's Settings give them (the cadence). */
const CADENCE: Record<string, number> = { 新线索: 2, 待回访: 3, 需求确认: 5, 已报价: 3, 谈判中: 3, 签约中: 2 };

/** A row's next date as the reminders see it: its own, else, open and with a follow-up date, the stage's cadence after it. */
function nextDateOf(r: Row): string {
  if (r.nextDate !== "" || r.date === "" || kindOf(r.stage) !== "open") return r.nextDate;
  return iso(dayOf(r.date) + (CADENCE[r.stage] ?? 0));
}

/** The rows on someone's list: each customer's latest, and rows without a customer (no newer row can supersede them). */
function remindedRows(rows: readonly Row[], latest: Map<string, Row>): Row[] {
  return [...latest.values(), ...rows.filter((r) => r.customer === "")];
}

/** Each customer's latest row (generated dates are distinct per customer). */
function latestRows(rows: readonly Row[]): Map<string, Row> {
  const latest = new Map<string, Row>();
  for (const row of rows.filter(readable)) {
    const known = latest.get(row.customer);
    if (!known || row.date > known.date) latest.set(row.customer, row);
  }
  return latest;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Counts of `keys`, as sorted "a|b|count" lines (order-free comparison of pivot cells). */
function tally(keys: string[]): string[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => `${key}|${count}`).sort();
}

/** Every temp folder a test made, removed after the file's last test. */
const tempDirs: string[] = [];

/** A fresh temp folder; call it from a test or hook (never while jest collects tests), so afterAll removes it. */
/** The lines `npm run simulate` prints for these options, at AT in Shanghai, run as a user runs it (the real CLI). */
function simulateCli(options: string[]): string[] {
  return execFileSync(
    process.execPath,
    [path.resolve(__dirname, "../../scripts/local.mjs"), "simulate", ...options, "--at", AT, "--tz", "Asia/Shanghai"],
    { cwd: path.resolve(__dirname, "../.."), encoding: "utf8" },
  ).split("\n");
}

function outDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "simulate-"));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("simulate a 10,000-row export", () => {
  const rows = exportedRows();
  const latest = latestRows(rows);
  let out = "";
  let summary: Summary;

  beforeAll(async () => {
    const dir = outDir();
    const csv = path.join(dir, "跟进表.csv");
    out = path.join(dir, "out");
    writeFileSync(csv, csvText(rows));
    summary = await simulate({ csv, at: AT, tz: "Asia/Shanghai", out, dist: DIST });
  }, 120_000);

  // How long it takes is the bench's business (`npm run bench`), not a timed test's: the machine's load decides it.
  it("counts every row, listing the unreadable ones by CSV line", () => {
    expect(rows).toHaveLength(10_000);
    expect(summary.today).toBe(TODAY);
    expect(summary.rows).toBe(10_000);
    const bad = rows.flatMap((r, i) => (readable(r) ? [] : [{ line: i + 2, row: r }]));
    expect(summary.unreadableRows).toBe(bad.length);
    expect(summary.unreadable.map((u) => u.line)).toEqual(bad.map((b) => b.line));
    expect(summary.unreadable.map((u) => u.problems.map((p) => `${p.column} ${p.kind} ${p.value}`).join())).toEqual(
      bad.map(({ row }) =>
        row.customer === "" ? "customer missingCustomer " : row.badDate ? "date notADate 下周一" : "date missingDate ",
      ),
    );
  });

  it("reports each owner's digest as the Reminder log records it: overdue, due today and upcoming (3 days)", () => {
    const today = dayOf(TODAY);
    const expected = OWNERS.map((owner) => {
      const open = remindedRows(rows, latest)
        .filter((r) => r.owner === owner && nextDateOf(r) !== "")
        .map((r) => dayOf(nextDateOf(r)));
      return {
        to: ADDRESSES[owner],
        overdue: open.filter((d) => d < today).length,
        dueToday: open.filter((d) => d === today).length,
        upcoming: open.filter((d) => d > today && d <= today + 3).length,
      };
    });
    const byAddress = (a: { to?: string }, b: { to?: string }) => String(a.to).localeCompare(String(b.to));
    expect(summary.digests.filter((d) => d.to !== "admin@example.com").sort(byAddress)).toEqual(
      expected.sort(byAddress),
    );
    expect(expected.every((d) => d.overdue > 0 && d.upcoming > 0)).toBe(true);
  });

  it("reads last week's KPIs from the review sheet, equal to the figures computed from the rows", () => {
    const review = summary.review;
    const monday = mondayOf(dayOf(TODAY)) - 7;
    const inWeek = (date: string) => dayOf(date) >= monday && dayOf(date) <= monday + 6;
    const firsts = new Map<string, string>();
    for (const r of rows.filter(readable))
      if ((firsts.get(r.customer) ?? "9999") > r.date) firsts.set(r.customer, r.date);
    const closed = (kind: string) => [...latest.values()].filter((r) => kindOf(r.stage) === kind && inWeek(r.date));
    const won = closed("won");
    const lost = closed("lost");
    const open = [...latest.values()].filter((r) => kindOf(r.stage) === "open");
    expect(review?.weekStart).toBe("2024-06-03");
    expect(review?.kpis).toEqual({
      followUps: rows.filter((r) => readable(r) && inWeek(r.date)).length,
      newCustomers: [...firsts.values()].filter(inWeek).length,
      won: won.length,
      lost: lost.length,
      winRate: won.length + lost.length === 0 ? null : won.length / (won.length + lost.length),
      medianDaysToWin: median(won.map((r) => dayOf(r.date) - dayOf(firsts.get(r.customer) ?? r.date))),
      overdueNow: remindedRows(rows, latest).filter((r) => kindOf(r.stage) === "open" && nextDateOf(r) < TODAY).length,
      staleCustomers: open.filter((r) => dayOf(TODAY) - dayOf(r.date) >= 30).length,
    });
    expect(won.length * lost.length).toBeGreaterThan(0);
  });

  it("reads the funnel, follow-ups per owner × week and conversion by method from the pivot tables", () => {
    const review = summary.review;
    expect(tally((review?.funnel ?? []).flatMap((f) => Array(f.customers).fill(`${f.stage}|${f.owner}`)))).toEqual(
      tally([...latest.values()].map((r) => `${r.stage}|${r.owner}`)),
    );
    const firstWeek = mondayOf(dayOf(TODAY)) - 7 * 7;
    const perWeek = rows.filter((r) => readable(r) && mondayOf(dayOf(r.date)) >= firstWeek);
    expect((review?.followUpsPerOwnerWeek ?? []).map((c) => `${c.owner}|${c.week}|${c.followUps}`).sort()).toEqual(
      tally(perWeek.map((r) => `${r.owner}|${iso(mondayOf(dayOf(r.date)))}`)),
    );
    // By method, customers: a customer followed up twice by phone counts once under phone.
    const methodCustomers = new Set(
      rows.filter(readable).map((r) => `${r.method}|${kindOf(latest.get(r.customer)?.stage ?? "")}|${r.customer}`),
    );
    expect((review?.byMethod ?? []).map((c) => `${c.method}|${c.kind}|${c.customers}`).sort()).toEqual(
      tally([...methodCustomers].map((key) => key.split("|").slice(0, 2).join("|"))),
    );
  });

  it("writes one .eml per email that a standard mail parser reads: recipient, decoded subject, text and HTML", async () => {
    const files = readdirSync(path.join(out, "outbox"));
    expect(files).toHaveLength(summary.emails);
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(path.join(out, "outbox", f)))));
    const recipients = mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address).sort();
    expect(recipients).toEqual([...summary.digests.map((d) => d.to), "admin@example.com"].sort());
    for (const mail of mails) {
      expect(mail.subject).toMatch(/^【(跟进提醒|周报)】/);
      expect(mail.text?.length).toBeGreaterThan(0);
      expect(mail.html).toContain("</");
    }
    const lisi = mails.find((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text === "owner-1@example.com");
    expect(lisi?.text).toContain("李四");
    expect(mails.find((m) => m.subject?.startsWith("【周报】"))?.subject).toContain("2024-06-03");
  });

  it("saves a workbook that opens in exceljs with the table, its rules and frozen header rows", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, "workbook.xlsx"));
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["团队", "设置", "提醒记录", "周报数据", "周报"]));
    const table = workbook.worksheets[0];
    expect(table?.getRow(1).getCell(1).value).toBe("客户名称");
    expect(table?.getCell("A10001").value).toBe(rows[9999]?.customer);
    expect(table?.getCell("C2").value).toBe("+86 13800000000");
    expect(table?.getCell("D3").value).toEqual(new Date(`${rows[1]?.date}T00:00:00Z`));
    // The stages typed before adoption keep no dropdown; the 100 rows adoption keeps below them have it. The
    // add-on's own superseded column has its checkbox on every row.
    expect(table?.getCell("G2").dataValidation).toBeUndefined();
    expect(table?.getCell("G10001").dataValidation).toBeUndefined();
    expect(table?.getCell("G10002").dataValidation).toMatchObject({ type: "list", formulae: ["'设置'!$A$2:$A$1000"] });
    const superseded = ((table?.getRow(1).values ?? []) as unknown[]).indexOf("已有新跟进");
    expect(table?.getRow(2).getCell(superseded).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"TRUE,FALSE"'],
    });
    expect(workbook.getWorksheet("提醒记录")?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(workbook.getWorksheet("团队")?.getCell("B2").value).toBe("admin@example.com");
  });
});

describe("simulate small exports", () => {
  it("builds and sends the weekly review on another day only with --review", async () => {
    const csv = path.join(FIXTURES, "zh-small.csv");
    const wednesday = { csv, at: "2024-06-12T09:30", tz: "Asia/Shanghai", dist: DIST };
    const plain = await simulate({ ...wednesday, out: outDir() });
    expect(plain.review).toBeNull();
    const reviewed = await simulate({ ...wednesday, out: outDir(), review: true });
    expect(reviewed.review?.weekStart).toBe("2024-06-03");
    // 6/4/2024 is read as June 4: four dated follow-ups in the week of June 3, one of them won.
    expect(reviewed.review?.kpis).toMatchObject({ followUps: 4, newCustomers: 4, won: 1, lost: 0, winRate: 1 });
    expect(reviewed.emails).toBe(plain.emails + 1);
  });

  it("sends to the addresses of a team file, in each member's language, in an English table", async () => {
    const out = outDir();
    const summary = await simulate({
      csv: path.join(FIXTURES, "en-small.csv"),
      team: path.join(FIXTURES, "en-team.csv"),
      at: "2024-06-10T08:15",
      tz: "America/New_York",
      out,
      dist: DIST,
    });
    expect(summary.digests).toEqual([
      { to: "ann@acme.example", overdue: 1, dueToday: 0, upcoming: 1 },
      { to: "maria@acme.example", overdue: 0, dueToday: 0, upcoming: 0 },
      { to: "raj@acme.example", overdue: 0, dueToday: 0, upcoming: 1 },
    ]);
    const mails = await Promise.all(
      readdirSync(path.join(out, "outbox")).map((f) => simpleParser(readFileSync(path.join(out, "outbox", f)))),
    );
    expect(mails.map((m) => m.subject)).toEqual([
      "[Follow-up reminder] 1 overdue, 1 upcoming",
      expect.stringMatching(/^\[Follow-up reminder\]/),
      expect.stringMatching(/^【跟进提醒】/),
    ]);
  });
});

describe("simulate with reminder channels (--chat)", () => {
  /** A team with an admin, 李四's mobile and Ann Lee's chat id (the optional columns robots @mention by). */
  const TEAM = [
    "姓名,邮箱,角色,主管邮箱,邮件语言,手机号,IM 账号",
    "王芳,wang.fang@example.com,管理员,,zh,,",
    "李四,li.si@example.com,销售,wang.fang@example.com,zh,13800000000,",
    "Ann Lee,ann.lee@example.com,rep,wang.fang@example.com,en,,ann.lee.id",
  ].join("\n");
  /** What the placeholder webhooks carry where a real one holds its key or token. */
  const SECRETS = ["SIMULATED_KEY", "SIMULATED_TOKEN", "access_token", "key="];

  function teamFile(): string {
    const file = path.join(outDir(), "team.csv");
    writeFileSync(file, `${TEAM}\n`);
    return file;
  }

  const read = (out: string, file: string) => JSON.parse(readFileSync(path.join(out, file), "utf8")) as PostFile;

  it("writes one post per channel of the workday run, with the digests' reps, mentions and items, and no key", async () => {
    const out = outDir();
    const csv = path.join(FIXTURES, "zh-small.csv");
    const summary = await simulate({
      csv,
      team: teamFile(),
      at: AT,
      tz: "Asia/Shanghai",
      out,
      dist: DIST,
      chat: ["wecom", "dingtalk"],
    });
    expect(summary.posts).toEqual(["posts/01-wecom.json", "posts/02-dingtalk.json"]);
    expect(readdirSync(path.join(out, "posts"))).toEqual(["01-wecom.json", "02-dingtalk.json"]);
    // The digests of the same run: 李四 has 上海某科技有限公司 overdue, Ann Lee 北京某贸易 due today.
    expect(summary.digests.filter((d) => d.overdue + d.dueToday > 0).map((d) => d.to)).toEqual([
      "ann.lee@example.com",
      "li.si@example.com",
    ]);
    const wecom = read(out, "posts/01-wecom.json");
    expect(wecom).toMatchObject({
      platform: "wecom",
      method: "POST",
      host: "qyapi.weixin.qq.com",
      path: "/cgi-bin/webhook/send",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: { msgtype: "text", text: { mentioned_list: ["ann.lee.id"], mentioned_mobile_list: ["13800000000"] } },
    });
    const content = (wecom.body as { text: { content: string } }).text.content;
    expect(content).toContain("李四：逾期 1 条，今日到期 0 条\n· 上海某科技有限公司：下一步 发报价（逾期 3 天）");
    expect(content).toContain("Ann Lee：逾期 0 条，今日到期 1 条\n· 北京某贸易：下一步 面访（今日到期）");
    const dingtalk = read(out, "posts/02-dingtalk.json");
    expect(dingtalk).toMatchObject({
      platform: "dingtalk",
      host: "oapi.dingtalk.com",
      path: "/robot/send",
      body: { msgtype: "markdown", at: { atMobiles: ["13800000000"], atUserIds: ["ann.lee.id"] } },
    });
    expect(JSON.stringify(dingtalk.body)).toContain("**@13800000000** ：逾期 1 条");
    for (const file of summary.posts) {
      const text = readFileSync(path.join(out, file), "utf8");
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it("writes no posts folder without --chat, and an empty one on a day with no reminders", async () => {
    const csv = path.join(FIXTURES, "zh-small.csv");
    const plain = outDir();
    const summary = await simulate({ csv, team: teamFile(), at: AT, tz: "Asia/Shanghai", out: plain, dist: DIST });
    expect(existsSync(path.join(plain, "outbox"))).toBe(true);
    expect(existsSync(path.join(plain, "posts"))).toBe(false);
    expect(summary.posts).toEqual([]);
    // Saturday is no reminder day (Settings' default Mon–Fri): the channel is added, nothing is posted.
    const saturday = outDir();
    const quiet = await simulate({
      csv,
      team: teamFile(),
      at: "2024-06-15T10:00",
      tz: "Asia/Shanghai",
      out: saturday,
      dist: DIST,
      chat: ["feishu"],
    });
    expect(quiet.posts).toEqual([]);
    expect(readdirSync(path.join(saturday, "posts"))).toEqual([]);
  });

  it("keeps the secret in a Feishu hook's path and a Google Chat URL's query out of the files", async () => {
    const out = outDir();
    await simulate({
      csv: path.join(FIXTURES, "zh-small.csv"),
      at: AT,
      tz: "Asia/Shanghai",
      out,
      dist: DIST,
      chat: ["feishu", "googlechat"],
    });
    const feishu = read(out, "posts/01-feishu.json");
    expect([feishu.host, feishu.path]).toEqual(["open.feishu.cn", "/open-apis/bot/v2/hook/••••"]);
    expect(JSON.stringify(feishu.body)).toContain("上海某科技有限公司");
    const chat = read(out, "posts/02-googlechat.json");
    expect([chat.host, chat.path]).toEqual(["chat.googleapis.com", "/v1/spaces/SIMULATED_SPACE/messages"]);
    expect((chat.body as { text: string }).text).toContain("上海某科技有限公司");
    for (const post of [feishu, chat]) expect(JSON.stringify(post)).not.toMatch(/SIMULATED_(KEY|TOKEN|HOOK)/);
  });

  it("refuses a platform it does not know, naming the ones it does", () => {
    expect(chatOptions(["WeCom", "googlechat"])).toEqual(["wecom", "googlechat"]);
    expect(() => chatOptions(["slack"])).toThrow(
      new SimulationInputError("--chat slack is not a platform: use wecom, dingtalk, feishu, googlechat."),
    );
  });

  it("prints how many posts went where, one line per post file", () => {
    const csv = path.join(FIXTURES, "zh-small.csv");
    const out = path.join(outDir(), "out");
    const printed = simulateCli(["--csv", csv, "--out", out, "--chat", "wecom", "--chat", "dingtalk"]);
    expect(printed).toContain(`2 group-chat posts (wecom, dingtalk) → ${path.join(out, "posts")}`);
    expect(printed).toContain("  posts/01-wecom.json");
    expect(printed).toContain("  posts/02-dingtalk.json");
  }, 60_000);
});

describe("the column mapping", () => {
  /** A template as an English team keeps it: the contact date, then the date to follow up, and a vague status. */
  const EN_TEMPLATE = [
    "Customer,Date,Follow-up Date,Rep,Status,Next action,Region",
    "Acme,6/3/2024,6/7/2024,Ann Lee,Quoted,Call back about the quote,West",
    "Globex,6/4/2024,6/10/2024,Ann Lee,In progress,Send the deck,East",
    "Initech,6/5/2024,,Ann Lee,Closed Won,,East",
  ].join("\n");

  function write(text: string): string {
    const csv = path.join(outDir(), "template.csv");
    writeFileSync(csv, `${text}\n`);
    return csv;
  }

  it("prints every column of the CSV, mapped to what or left alone, and the column the reminders follow", () => {
    const csv = write(EN_TEMPLATE);
    const out = path.join(outDir(), "out");
    const printed = simulateCli(["--csv", csv, "--out", out, "--lang", "en"]);
    expect(printed.slice(0, 9)).toEqual([
      "Header on row 1, column by column:",
      "  A “Customer” → Customer",
      "  B “Date” → Follow-up date",
      "  C “Follow-up Date” → Next follow-up date (after “Date”)",
      "  D “Rep” → Owner",
      "  E “Status” → Stage",
      "  F “Next action” → Next step",
      "  G “Region” → left alone, not read",
      "  H → added: “ID”",
    ]);
    expect(printed).toContain(
      "Reminders follow the “Follow-up Date” column: it stands after the contact-date column “Date”, so it is read as the “Next follow-up date”.",
    );
  }, 60_000);

  it("gives the mapping in the chosen language, and lists a vague status for cleanup, not as unreadable", async () => {
    const summary = await simulate({
      csv: write(EN_TEMPLATE),
      at: AT,
      tz: "Asia/Shanghai",
      out: outDir(),
      dist: DIST,
      lang: "zh",
    });
    expect(summary.mapping[0]).toBe("表头在第 1 行，逐列对应：");
    expect(summary.mapping).toContain("  C 列「Follow-up Date」→ 下次跟进日期（在「Date」之后）");
    expect(summary.mapping).toContain("  G 列「Region」→ 保持不变，不读取");
    expect(summary.unreadableRows).toBe(0);
    expect(summary.vagueStatuses).toEqual([{ line: 3, row: 3, status: "In progress" }]);
    // Reminded as usual: Acme is overdue and Globex due today for Ann Lee (Initech is won).
    expect(summary.digests.find((d) => d.to === "ann.lee@example.com")).toMatchObject({ overdue: 1, dueToday: 1 });
  });

  it("says in the mapping that a table without a next-date column gets an empty one and no reminder until filled", async () => {
    const csv = write(["客户名称,跟进时间,当前状态,负责人", "上海某科技,2024/6/3,已报价,李四"].join("\n"));
    const summary = await simulate({ csv, at: AT, tz: "Asia/Shanghai", out: outDir(), dist: DIST });
    expect(summary.mapping).toContain("  A 列「客户名称」→ 客户名称");
    expect(summary.mapping.some((line) => line.endsWith("新增「下次跟进日期」"))).toBe(true);
    expect(summary.mapping.at(-1)).toContain("没有找到下次跟进日期列");
  });
});

describe("bad CSV", () => {
  const run = (bytes: Uint8Array | string) => {
    const dir = outDir();
    const csv = path.join(dir, "export.csv");
    writeFileSync(csv, bytes);
    const out = path.join(dir, "out");
    return { out, result: simulate({ csv, at: AT, tz: "Asia/Shanghai", out, dist: DIST }) };
  };

  it.each([
    ["no customer column", "姓名,电话,跟进时间\n张三,138,2024/6/3\n", /no header row with a customer column/],
    ["no follow-up date column", "客户名称,当前阶段\n某公司,新线索\n", /no follow-up date column/],
    [
      "a ragged row",
      "客户名称,跟进时间,当前阶段\n甲,2024/6/3,新线索\n乙,2024/6/4\n",
      /line 3: the row has 2 fields but the first row has 3/,
    ],
    ["an unclosed quote", '客户名称,跟进时间\n"甲,2024/6/3\n', /never closed/],
    ["an empty file", "", /is empty/],
  ])("refuses %s with a clear message and writes nothing", async (_name, text, message) => {
    const { out, result } = run(text);
    await expect(result).rejects.toThrow(SimulationInputError);
    await expect(result).rejects.toThrow(message);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses GBK bytes (a Chinese Excel's plain CSV) and UTF-16, saying how to export UTF-8", async () => {
    // "客户名称,跟进时间" in GBK.
    const gbk = Uint8Array.from([0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb8, 0xfa, 0xbd, 0xf8, 0x0a]);
    await expect(run(gbk).result).rejects.toThrow(/not UTF-8 text \(first bad byte on line 1.*CSV UTF-8/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("客户名称,跟进时间\n", "utf16le")]);
    await expect(run(utf16).result).rejects.toThrow(/UTF-16/);
  });

  it("refuses a time that is not a local date-time and a zone that is not IANA", async () => {
    const csv = path.join(FIXTURES, "zh-small.csv");
    const base = { csv, out: outDir(), dist: DIST };
    await expect(simulate({ ...base, at: "2024-02-30T09:00", tz: "Asia/Shanghai" })).rejects.toThrow(/--at/);
    await expect(simulate({ ...base, at: AT, tz: "China/Beijing" })).rejects.toThrow(/IANA/);
  });
});

describe("dates as exports write them", () => {
  it.each([
    ["2024/6/10", "2024-06-10"],
    ["2024-06-10", "2024-06-10"],
    ["6/10/2024", "2024-06-10"],
    ["25/6/2024", "2024-06-25"],
    ["2024年6月10日", "2024-06-10"],
    ["2024/6/10 14:05", "2024-06-10 14:05"],
    ["6/10/2024 2:05 PM", "2024-06-10 14:05"],
    ["2024/2/30", null],
    ["下周一", null],
  ])("%s → %s", (text, expected) => {
    expect(isoFromExported(text)).toBe(expected);
  });
});

describe("dates as people type them", () => {
  function write(lines: string[]): string {
    const csv = path.join(outDir(), "typed.csv");
    writeFileSync(csv, `${lines.join("\n")}\n`);
    return csv;
  }

  it("reads dates without a year, with a 2-digit year and in the next step, and says which cell stays unreadable", async () => {
    const csv = write([
      "客户名称,跟进时间,当前阶段,下一步计划,下次跟进日期,责任人",
      "上海某科技,6月3日,已报价,6/12回访报价反馈,,李四",
      "北京某贸易,24/6/3,待回访,回访,6月10日,李四",
      "深圳某电子,2024.6.3,已报价,回访,下周三,李四",
    ]);
    const summary = await simulate({ csv, at: AT, tz: "Asia/Shanghai", out: outDir(), dist: DIST });
    expect(summary.unreadable).toEqual([
      {
        line: 4,
        row: 4,
        problems: [
          {
            column: "nextDate",
            kind: "notADate",
            value: "下周三",
            cell: "E4",
            text: "第 4 行 E 列「下次跟进日期」的「下周三」不是日期",
          },
        ],
      },
    ]);
    // 深圳某电子's unreadable 下周三 leaves it to 已报价's cadence: 3 days after 6/3, overdue.
    expect(summary.digests.find((d) => d.to === ADDRESSES.李四)).toMatchObject({
      overdue: 1,
      dueToday: 1,
      upcoming: 1,
    });
  });

  it("prints the unreadable cells as sentences in the table's language, not codes", () => {
    const csv = write([
      "Customer,Follow-up date,Stage,Next step,Next follow-up date,Owner",
      "Acme,6/3/24,Quoted,call back 6/12 about the quote,,Ann Lee",
      "Globex,6/3/2024,Quoted,call,6/10,Ann Lee",
      "Initech,6/3/2024,Quoted,call,next Wed,Ann Lee",
    ]);
    const printed = simulateCli(["--csv", csv, "--out", path.join(outDir(), "out")]);
    expect(printed).toContain("  line 4: Row 4, cell E4 (Next follow-up date): “next Wed” is not a date");
    expect(printed.join("\n")).not.toContain("notADate");
    expect(printed).toContainEqual(expect.stringMatching(/^3 follow-ups, 1 unreadable; /));
  }, 60_000);
});
