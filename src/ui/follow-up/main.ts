/** The follow-up sidebar in the browser: the three-part form with autocomplete and warnings, and the "My follow-ups" list. */

import { cadenceDaysOf } from "../../core/cadence";
import { type ColumnKey, columnSpec } from "../../core/columns";
import { knownCustomer, warningsFor } from "../../core/customer-match";
import { isoOfDay } from "../../core/dates";
import { dayOfIso } from "../../core/follow-up-form";
import type { Language } from "../../core/language";
import {
  type CustomerSummary,
  type DueItem,
  FORM_FIELDS,
  type FollowUpForm,
  type FormField,
  type PoolItem,
  type SaveResult,
  type SidebarData,
  type Warning,
  warningKey,
} from "../../core/sidebar-api";
import { isVagueStage } from "../../core/stage-words";
import type { MessageKey } from "../../i18n/messages";
import { fill, translator } from "../../i18n/translate";
import { call } from "../shared/host";

const language: Language = document.documentElement.dataset.lang === "zh" ? "zh" : "en";
const t = translator(language);
let data: SidebarData | null = null;
/** The submission in progress: its id is reused when the user retries, so a retry never saves twice. */
let pending: { requestId: string; confirmed: string[] } | null = null;
/** The customers the server found for what was typed last (the autocomplete's choices). */
let found: CustomerSummary[] = [];
/** The lookup waiting for the user to stop typing. */
let lookupTimer: ReturnType<typeof setTimeout> | undefined;
/** How long typing must pause before the server is asked (one call per pause, not per key). */
const LOOKUP_PAUSE_MS = 250;
/** The next date the cadence last filled in: the field follows the stage and intent chosen until the user sets it. */
let cadenceFilled: string | null = null;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

function control(field: FormField): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  return element(field);
}

function setStatus(text: string, failed = false): void {
  const status = element("status");
  status.textContent = text;
  status.classList.toggle("failed", failed);
}

/** Fills every labelled element with its text in the sidebar's language (textContent only: nothing is parsed as HTML). */
function label(): void {
  for (const node of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n as MessageKey);
  }
  for (const node of document.querySelectorAll<HTMLElement>("[data-column]")) {
    node.textContent = columnSpec(node.dataset.column as ColumnKey).header[language];
  }
}

function options(select: HTMLSelectElement, values: readonly string[], blank: boolean): void {
  select.replaceChildren();
  if (blank) select.append(new Option("", ""));
  for (const value of values) select.append(new Option(value, value));
}

function showTab(tab: "log" | "due"): void {
  for (const name of ["log", "due"] as const) {
    element(`tab-${name}`).setAttribute("aria-selected", String(name === tab));
    element(`panel-${name}`).hidden = name !== tab;
  }
}

function customerNamed(name: string): CustomerSummary | undefined {
  return found.find((c) => c.name === name.trim());
}

/** Asks the server for the customers matching `typed` and offers them in the autocomplete. */
async function lookUp(typed: string): Promise<void> {
  const customers = typed.trim() === "" ? [] : await call("findCustomers", typed);
  // A slower answer to an earlier text must not replace the choices for what is typed now.
  if (control("customer").value !== typed) return;
  found = customers;
  element("customers").replaceChildren(
    ...found.map((c) => {
      const option = document.createElement("option");
      option.value = c.name;
      option.label = fill(t("sidebar.customerHint"), { owner: c.owner, stage: c.stage });
      return option;
    }),
  );
  describeCustomer();
}

/** Looks the typed customer up once typing pauses. */
function lookUpSoon(): void {
  clearTimeout(lookupTimer);
  const typed = control("customer").value;
  lookupTimer = setTimeout(() => {
    lookUp(typed).catch((error: Error) => setStatus(fill(t("sidebar.failed"), { message: error.message }), true));
  }, LOOKUP_PAUSE_MS);
}

/** The existing customer named exactly `name` (from the server), if any; the customers found become the choices. */
async function customerCalled(name: string): Promise<CustomerSummary | undefined> {
  found = await call("findCustomers", name);
  return customerNamed(name);
}

/** Shows who owns the customer typed, and any duplicate warning, as the user types. */
function describeCustomer(): void {
  const customer = customerNamed(control("customer").value);
  const hint = customer ? fill(t("sidebar.customerHint"), { owner: customer.owner, stage: customer.stage }) : "";
  const duplicates = warningsFor(
    { customer: control("customer").value, contactInfo: control("contactInfo").value, owner: "" },
    found.map(knownCustomer),
    data?.userName ?? "",
  ).filter((w) => w.kind === "duplicate");
  element("hint-customer").textContent = [hint, ...duplicates.map(warningText)].filter(Boolean).join(" ");
}

/** Choosing an existing customer pre-fills its contact, contact info, need, stage and owner. */
function prefill(customer: CustomerSummary): void {
  control("customer").value = customer.name;
  control("contact").value = customer.contact;
  control("contactInfo").value = customer.contactInfo;
  control("need").value = customer.need;
  if (data?.stages.some((s) => s.name === customer.stage)) control("stage").value = customer.stage;
  if (data?.owners.includes(customer.owner)) control("owner").value = customer.owner;
  describeCustomer();
  followCadence();
}

/**
 * Pre-fills the next date from the cadence (Settings: days by intent grade, else by stage, as ./core/cadence decides
 * for the sheet and the reminders) while the field is empty or holds the cadence's last date; a date the user chose
 * stays. The hint says where the date came from.
 */
function followCadence(): void {
  const next = control("nextDate");
  if (!data || (next.value !== "" && next.value !== cadenceFilled)) return;
  const date = dayOfIso(control("date").value);
  const days = cadenceDaysOf(data, control("stage").value, control("score").value);
  if (date === null || days === null) {
    if (cadenceFilled !== null) next.value = "";
    cadenceFilled = null;
    element("hint-nextDate").textContent = "";
    return;
  }
  cadenceFilled = isoOfDay(date + days);
  next.value = cadenceFilled;
  element("hint-nextDate").textContent = fill(t("sidebar.cadenceHint"), { days });
}

function warningText(warning: Warning): string {
  switch (warning.kind) {
    case "duplicate":
      return fill(t(warning.by === "name" ? "warning.duplicate.name" : "warning.duplicate.phone"), warning);
    case "collision":
      return fill(t("warning.collision"), warning);
    case "ownerChange":
      return fill(t("warning.ownerChange"), warning);
  }
}

function clearErrors(): void {
  for (const field of [...FORM_FIELDS, "form"] as const) {
    element(`error-${field}`).textContent = "";
    if (field !== "form") control(field).removeAttribute("aria-invalid");
  }
  element("warnings").hidden = true;
}

/** Shows each message beside its field and moves the focus to the first field in error. */
function showErrors(errors: Partial<Record<FormField | "form", string>>): void {
  for (const [field, message] of Object.entries(errors) as [FormField | "form", string][]) {
    element(`error-${field}`).textContent = message;
    if (field !== "form") {
      control(field).setAttribute("aria-invalid", "true");
      control(field).setAttribute("aria-describedby", `error-${field}`);
    }
  }
  // A stage or next step sent back: the article's examples of a good entry show what is asked for.
  if (errors.stage || errors.nextStep) (element("examples") as HTMLDetailsElement).open = true;
  const first = FORM_FIELDS.find((field) => errors[field]);
  if (first) control(first).focus();
}

function showWarnings(warnings: readonly Warning[]): void {
  const list = element("warning-list");
  list.replaceChildren(
    ...warnings.map((warning) => {
      const item = document.createElement("li");
      item.textContent = warningText(warning);
      return item;
    }),
  );
  element("warnings").hidden = false;
  element("save").textContent = t("sidebar.saveAnyway");
  element("save").focus();
}

function readForm(): FollowUpForm {
  return Object.fromEntries(FORM_FIELDS.map((field) => [field, control(field).value])) as unknown as FollowUpForm;
}

function resetForm(): void {
  const keep = { date: control("date").value, owner: control("owner").value };
  (element("form") as HTMLFormElement).reset();
  control("date").value = keep.date;
  control("owner").value = keep.owner;
  element("hint-customer").textContent = "";
  element("hint-nextDate").textContent = "";
  cadenceFilled = null;
  element("save").textContent = t("sidebar.save");
}

function newRequestId(): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `${Date.now().toString(36)}-${random[0]?.toString(36)}${random[1]?.toString(36)}`;
}

async function submit(event: Event): Promise<void> {
  event.preventDefault();
  const save = element<HTMLButtonElement>("save");
  if (save.disabled) return;
  clearErrors();
  pending ??= { requestId: newRequestId(), confirmed: [] };
  save.disabled = true;
  setStatus(t("sidebar.saving"));
  let result: SaveResult;
  try {
    result = await call("saveFollowUp", {
      form: readForm(),
      confirmed: pending.confirmed,
      requestId: pending.requestId,
    });
  } catch (error) {
    // Nothing typed is lost: the form stays as it is and the same request can be sent again.
    setStatus(fill(t("sidebar.failed"), { message: (error as Error).message }), true);
    save.disabled = false;
    return;
  }
  save.disabled = false;
  if (result.ok) {
    pending = null;
    setStatus(result.message);
    resetForm();
    await refresh();
    return;
  }
  setStatus("");
  showErrors(result.errors);
  if (Object.keys(result.errors).length === 0 && result.warnings.length > 0) {
    pending.confirmed = result.warnings.map(warningKey);
    showWarnings(result.warnings);
  }
}

function dueEntry(item: DueItem): HTMLLIElement {
  const entry = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = item.daysOverdue > 0 ? "overdue" : "today";
  const title = document.createElement("strong");
  title.textContent = item.customer;
  const when = document.createElement("div");
  when.className = "when";
  when.textContent =
    item.daysOverdue > 0 ? fill(t("sidebar.overdueDays"), { days: item.daysOverdue }) : t("sidebar.dueToday");
  if (item.nextDateSource === "text") when.textContent += ` · ${t("dates.fromText")}`;
  if (item.nextDateSource === "cadence") when.textContent += ` · ${t("dates.byCadence")}`;
  const next = document.createElement("div");
  next.textContent = `${item.stage} · ${item.nextStep}`;
  button.append(title, when, next);
  button.addEventListener("click", async () => {
    void call("selectRow", item.row).catch((error: Error) => setStatus(error.message, true));
    resetForm();
    showTab("log");
    control("customer").value = item.customer;
    control("summary").focus();
    try {
      const customer = await customerCalled(item.customer);
      if (customer) prefill(customer);
    } catch (error) {
      setStatus(fill(t("sidebar.failed"), { message: (error as Error).message }), true);
    }
  });
  entry.append(button);
  if (item.nextDateSource === "text") entry.append(writeDateButton(item));
  return entry;
}

/** A customer in the pool, with a button to claim it; once claimed, the form opens for the first follow-up. */
function poolEntry(item: PoolItem): HTMLLIElement {
  const entry = document.createElement("li");
  const title = document.createElement("strong");
  title.textContent = item.customer;
  const when = document.createElement("div");
  when.className = "when";
  when.textContent = `${item.stage} · ${fill(t("sidebar.poolItem"), { owner: item.owner, days: item.days })}`;
  const claim = document.createElement("button");
  claim.type = "button";
  claim.textContent = fill(t("sidebar.claim"), { customer: item.customer });
  claim.addEventListener("click", async () => {
    claim.disabled = true;
    try {
      const result = await call("claimCustomer", { customer: item.customer });
      await refresh();
      if (result.ok) {
        resetForm();
        const customer = await customerCalled(item.customer);
        if (customer) prefill(customer);
        if (data?.userName) control("owner").value = data.userName;
        showTab("log");
        control("summary").focus();
      }
      // Said once the form is ready for the first follow-up (or the list shows who has the customer now).
      setStatus(result.message, !result.ok);
    } catch (error) {
      setStatus(fill(t("sidebar.failed"), { message: (error as Error).message }), true);
      claim.disabled = false;
    }
  });
  entry.append(title, when, claim);
  return entry;
}

/** Offers to write a date read from the next step into the row's empty next-date cell (the user's explicit choice). */
function writeDateButton(item: DueItem): HTMLButtonElement {
  const write = document.createElement("button");
  write.type = "button";
  write.className = "write-date";
  write.textContent = fill(t("sidebar.writeDate"), {
    date: item.nextDate,
    column: columnSpec("nextDate").header[language],
  });
  write.addEventListener("click", async () => {
    write.disabled = true;
    setStatus(t("sidebar.writingDate"));
    try {
      const result = await call("writeDateFromText", { row: item.row, id: item.id, nextDate: item.nextDate });
      setStatus(result.message, !result.ok);
      await refresh();
    } catch (error) {
      setStatus(fill(t("sidebar.failed"), { message: (error as Error).message }), true);
      write.disabled = false;
    }
  });
  return write;
}

/** Loads (or reloads) the table's data: choices, the user's due list, the pool. */
async function refresh(): Promise<void> {
  data = await call("sidebarData");
  const stage = control("stage") as HTMLSelectElement;
  const owner = control("owner") as HTMLSelectElement;
  const kept = { stage: stage.value, owner: owner.value || data.userName };
  options(control("method") as HTMLSelectElement, data.methods, true);
  // Only concrete stages are offered: a vague one left in Settings (跟进中, TBD …) would be refused on saving.
  options(
    stage,
    data.stages.filter((s) => !isVagueStage(s.name)).map((s) => s.name),
    true,
  );
  options(owner, data.owners, true);
  options(control("source") as HTMLSelectElement, data.sources, true);
  options(control("score") as HTMLSelectElement, ["1", "2", "3", "4", "5"], true);
  stage.value = kept.stage;
  owner.value = kept.owner;
  if (!control("date").value) control("date").value = data.today;
  element("due-list").replaceChildren(...data.myDue.map(dueEntry));
  element("no-due").hidden = data.myDue.length > 0;
  const unlisted = data.myDueCount - data.myDue.length;
  element("due-more").textContent =
    unlisted > 0 ? fill(t("sidebar.dueMore"), { count: unlisted, listed: data.myDue.length }) : "";
  element("due-more").hidden = unlisted <= 0;
  element("pool-list").replaceChildren(...data.pool.map(poolEntry));
  element("pool").hidden = data.pool.length === 0;
  element("reminders-list").replaceChildren(
    ...data.reminderProblems.map((line) => {
      const item = document.createElement("li");
      item.textContent = line;
      return item;
    }),
  );
  element("reminders").hidden = data.reminderProblems.length === 0;
  if (!data.userName) setStatus(t("sidebar.notOnTeam"), true);
}

function start(): void {
  label();
  showTab(document.documentElement.dataset.tab === "due" ? "due" : "log");
  element("tab-log").addEventListener("click", () => showTab("log"));
  element("tab-due").addEventListener("click", () => showTab("due"));
  element("form").addEventListener("submit", (event) => void submit(event));
  control("customer").addEventListener("change", () => {
    const typed = control("customer").value;
    const customer = customerNamed(typed);
    if (customer) return prefill(customer);
    describeCustomer();
    // Typed in full and left before the lookup answered: ask now, and pre-fill once the server knows the customer.
    clearTimeout(lookupTimer);
    lookUp(typed)
      .then(() => {
        const known = customerNamed(typed);
        if (known && control("customer").value === typed) prefill(known);
      })
      .catch((error: Error) => setStatus(fill(t("sidebar.failed"), { message: error.message }), true));
  });
  control("customer").addEventListener("input", () => {
    describeCustomer();
    lookUpSoon();
  });
  for (const field of ["stage", "score", "date"] as const) control(field).addEventListener("change", followCadence);
  control("nextDate").addEventListener("input", () => {
    if (control("nextDate").value !== cadenceFilled) element("hint-nextDate").textContent = "";
  });
  control("contactInfo").addEventListener("change", describeCustomer);
  // Changing what is being saved means the warnings must be looked at again.
  element("form").addEventListener("input", () => {
    if (pending?.confirmed.length) {
      pending = null;
      element("warnings").hidden = true;
      element("save").textContent = t("sidebar.save");
    }
  });
  setStatus(t("sidebar.loading"));
  refresh()
    .then(() => {
      if (element("status").textContent === t("sidebar.loading")) setStatus("");
    })
    .catch((error: Error) => setStatus(fill(t("sidebar.failed"), { message: error.message }), true));
}

start();
