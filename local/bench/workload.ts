/** The bench's data: a team's existing follow-up table of a chosen size and its Team sheet, the same every run. */

/** One bench case: how many follow-ups the table holds and how many reps own them. */
export interface Scenario {
  rows: number;
  owners: number;
}

/** Friday 2026-11-27 08:00 in Shanghai: the reminder hour of the default Settings, a day that is not the review day. */
export const BENCH_NOW = Date.UTC(2026, 10, 27, 0, 0);

/** The user at the keyboard, who sets the table up, manages every rep and turns reminders on. */
export const MANAGER = { name: "li.lei", email: "li.lei@example.com", locale: "zh_CN" } as const;

/** Follow-ups a customer has had: each customer's rows are weekly visits, the last one current. */
const VISITS = 5;

/** The team's header row, in Chinese; adoption appends the id and logged-at columns after it. */
export const TEAM_TABLE_HEADER = [
  "客户名称",
  "联系人",
  "联系方式",
  "跟进时间",
  "跟进方式",
  "客户需求",
  "跟进内容",
  "当前阶段",
  "下一步计划",
  "下次跟进日期",
  "责任人",
  "客户来源",
  "意向评分",
  "备注",
  "已跟进",
] as const;

/** 1-based positions in TEAM_TABLE_HEADER of the cells a reminder script looks at. */
export const TEAM_TABLE_COLUMNS = {
  customer: 1,
  stage: 8,
  nextDate: 10,
  owner: 11,
  done: 15,
} as const;

const EARLIER_STAGES = ["新线索", "待回访", "需求确认", "已报价"];
const METHODS = ["电话", "微信", "邮件", "面访", "视频会议"];
const SOURCES = ["线上推广", "老客户转介绍", "展会", "官网", "电话营销"];
const DAY = 86_400_000;

/** A date as a person types it in Shanghai ("2026/11/20"), `days` from the day of `from` (the bench's by default). */
function typedDate(days: number, from = BENCH_NOW): string {
  const date = new Date(from + 8 * 3_600_000 + days * DAY);
  return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
}

/** The name of the rep with this index. */
export function repName(index: number): string {
  return `rep${index}`;
}

/**
 * The team's table below its header: rows/5 customers with 5 weekly visits each, oldest visits first. Earlier
 * visits are ticked done; each customer's last visit is current. Customer c belongs to rep c mod owners; each rep's
 * first customer is open and 7 days overdue, so every rep gets a digest at any size of at least 5 × owners rows.
 * Of the other customers one in ten is won, one in ten lost, the rest open with a next date from 7 days overdue
 * to 6 days ahead.
 */
export function teamTable({ rows, owners }: Scenario): unknown[][] {
  const customers = Math.ceil(rows / VISITS);
  return Array.from({ length: rows }, (_, i) => {
    const customer = i % customers;
    const visit = Math.floor(i / customers);
    const date = -(VISITS - 1 - visit) * 7 - (customer % 7);
    const current = visit === VISITS - 1;
    const first = customer < owners;
    const stage = current ? currentStage(customer, first) : EARLIER_STAGES[visit % EARLIER_STAGES.length];
    const closed = stage === "已成交" || stage === "已流失";
    return [
      `客户${customer}`,
      `联系人${customer}`,
      `1380${String(customer).padStart(7, "0")}`,
      typedDate(date),
      METHODS[(customer + visit) % METHODS.length],
      "要报价",
      "介绍产品",
      stage,
      closed ? "" : "回访",
      closed ? "" : typedDate(current ? nextDays(customer, first) : date + 7),
      repName(customer % owners),
      SOURCES[customer % SOURCES.length],
      1 + (customer % 5),
      "",
      !current,
    ];
  });
}

/** A customer's current stage: a rep's first customer stays open. */
function currentStage(customer: number, first: boolean): string {
  if (!first && customer % 10 === 9) return "已成交";
  if (!first && customer % 10 === 8) return "已流失";
  return "谈判中";
}

/** Days from the bench's day to an open customer's next follow-up. */
function nextDays(customer: number, first: boolean): number {
  return first ? -7 : (customer % 14) - 7;
}

/** Monday 2026-11-23 07:00 in Shanghai: the last day of the year's table, the review day, an hour before the reminders. */
export const YEAR_NOW = Date.UTC(2026, 10, 22, 23, 0);

/** Days the year's table spans: 52 weeks. */
export const YEAR_DAYS = 364;

/** Days since its last follow-up under which a customer of the year's table counts as recent. */
const RECENT_DAYS = 30;

/**
 * A team's table after a year of use, below its header: rows/5 customers with 5 weekly visits each, the customers'
 * first visits spread evenly over the 52 weeks up to YEAR_NOW's day, every row in the order of its follow-up date
 * (as a sheet fills up). Earlier visits are ticked done; each customer's last visit is current. Customer c belongs
 * to rep c mod owners. Of each rep's customers last visited in the past 30 days one in ten is won, one in ten lost,
 * the rest open with a next date a week after that visit (up to 23 days overdue, or up to 7 days ahead); of the older
 * ones one in ten is open (forgotten: overdue and stale), four in ten won, half lost.
 */
export function yearTable({ rows, owners }: Scenario): unknown[][] {
  const customers = Math.ceil(rows / VISITS);
  const span = YEAR_DAYS - 1 - (VISITS - 1) * 7;
  const visits = Array.from({ length: rows }, (_, i) => {
    const customer = i % customers;
    const visit = Math.floor(i / customers);
    const firstDay = -(YEAR_DAYS - 1) + Math.floor((customer * span) / Math.max(1, customers - 1));
    return { customer, visit, day: firstDay + visit * 7 };
  });
  visits.sort((a, b) => a.day - b.day || a.customer - b.customer);
  return visits.map(({ customer, visit, day }) => {
    const current = visit === VISITS - 1;
    const stage = current ? yearStage(customer, owners, day) : EARLIER_STAGES[visit % EARLIER_STAGES.length];
    const closed = stage === "已成交" || stage === "已流失";
    return [
      `客户${customer}`,
      `联系人${customer}`,
      `1380${String(customer).padStart(7, "0")}`,
      typedDate(day, YEAR_NOW),
      METHODS[(customer + visit) % METHODS.length],
      "要报价",
      "介绍产品",
      stage,
      closed ? "" : "回访",
      closed ? "" : typedDate(day + 7, YEAR_NOW),
      repName(customer % owners),
      SOURCES[customer % SOURCES.length],
      1 + (customer % 5),
      "",
      !current,
    ];
  });
}

/** The stage of a year-table customer's last visit, `day` days from YEAR_NOW's: by the customer's rank among its rep's. */
function yearStage(customer: number, owners: number, day: number): string {
  const kind = Math.floor(customer / owners) % 10;
  if (day > -RECENT_DAYS) return kind === 9 ? "已成交" : kind === 8 ? "已流失" : "谈判中";
  return kind === 0 ? "谈判中" : kind <= 4 ? "已成交" : "已流失";
}

/** Team rows (name, email, role, manager's email, reminders, language): the manager, then every rep. */
export function teamRows({ owners }: Scenario): unknown[][] {
  return [
    [MANAGER.name, MANAGER.email, "管理员", "", true, "zh"],
    ...Array.from({ length: owners }, (_, i) => [
      repName(i),
      `${repName(i)}@example.com`,
      "销售",
      MANAGER.email,
      true,
      "zh",
    ]),
  ];
}
