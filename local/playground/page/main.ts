/** The playground page: draws the state the server reports (workbook, menu, clock, sidebar, outbox, group-chat posts) and sends the user's menu clicks, dialog answers, typed cells, clock moves and resets. */

import type { DialogAnswer, EditOutcome, MenuOutcome, PlaygroundState, TriggerRunView } from "../view-types";
import { getJson, postJson } from "./api";
import { ask } from "./dialog";
import { renderGrid } from "./grid";
import { renderOutbox, renderTriggerRuns } from "./outbox";
import { renderPosts } from "./posts";
import { applyTexts, choosePageLanguage, type PageLanguage, pageLanguage, t } from "./texts";

const HOUR = 3_600_000;
/** How often the page asks whether anything changed (the sidebar's calls change the workbook behind its back). */
const POLL_MS = 500;

let state: PlaygroundState | undefined;
let shownSheet = "";
let selectedMail = 0;
let sidebarKey = "";
/** Draws so far, stamped on #grid with the state's version, so a test can tell which state the grid shows. */
let renders = 0;
/** True while a cell is being typed into: the grid is not redrawn under the user's typing. */
let editing = false;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function status(text: string): void {
  byId("status").textContent = text;
}

async function refresh(): Promise<void> {
  const previous = state;
  state = await getJson<PlaygroundState>("/api/state");
  // Follow the add-on when it activates another sheet (e.g. Settings, or a row picked in the sidebar).
  if (!previous || previous.activeSheet !== state.activeSheet || !state.sheets.some((s) => s.name === shownSheet)) {
    shownSheet = state.activeSheet;
  }
  if (previous && state.outbox.length > previous.outbox.length) selectedMail = 0;
  render(state);
}

function render(current: PlaygroundState): void {
  byId("clock-text").textContent = `${current.clock.text} (${current.clock.timeZone})`;
  byId<HTMLInputElement>("clock-input").value = current.clock.local;
  byId("menu").replaceChildren(
    ...current.menu.map((caption) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = caption;
      button.addEventListener("click", () => void act(() => runMenu(caption)));
      return button;
    }),
  );
  const sheet = current.sheets.find((s) => s.name === shownSheet) ?? current.sheets[0];
  if (sheet) {
    renderGrid(byId("grid"), sheet);
    byId("rules").replaceChildren(
      ...sheet.rules.map((rule) => {
        const item = document.createElement("li");
        item.textContent = rule;
        return item;
      }),
    );
  }
  byId("tabs").replaceChildren(
    ...current.sheets.map((s) => {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.textContent = s.hidden ? t("hiddenSheet", s.name) : s.name;
      tab.setAttribute("aria-pressed", String(s.name === sheet?.name));
      tab.addEventListener("click", () => {
        shownSheet = s.name;
        render(current);
      });
      return tab;
    }),
  );
  renderSidebar(current);
  renderOutbox(current.outbox, selectedMail, (index) => {
    selectedMail = index;
    render(current);
  });
  renderPosts(current.posts);
  renderTriggerRuns(current.triggerRuns);
  // Stamped last: once #grid says version N, everything on the page shows state N.
  const grid = byId("grid");
  grid.dataset.version = String(current.version);
  grid.dataset.renders = String(++renders);
}

/** Loads the sidebar again only when the add-on opened another one, so typing in it is never lost. */
function renderSidebar(current: PlaygroundState): void {
  const frame = byId<HTMLIFrameElement>("sidebar-frame");
  byId("sidebar-title").textContent = current.sidebar?.title ?? t("noSidebar");
  frame.hidden = current.sidebar === null;
  const key = current.sidebar?.key ?? "";
  if (key !== sidebarKey) {
    sidebarKey = key;
    frame.src = key === "" ? "about:blank" : `/${current.sidebar?.kind}?open=${encodeURIComponent(key)}`;
  }
}

/** Runs a menu item, answering its dialogs one by one as the server reports them. */
async function runMenu(caption: string): Promise<void> {
  status(t("menuRunning", caption));
  const answers: DialogAnswer[] = [];
  for (;;) {
    const outcome = await postJson<MenuOutcome>("/api/menu", { caption, answers });
    if (outcome.done) {
      status(outcome.error ? t("menuFailed", caption, outcome.error) : t("menuDone", caption));
      return;
    }
    answers.push(await ask(outcome.dialog));
  }
}

/** A cell of the drawn grid: its sheet, row and column. */
interface CellRef {
  td: HTMLTableCellElement;
  sheet: string;
  row: number;
  column: number;
}

function cellOf(target: EventTarget | null): CellRef | null {
  const td = target instanceof Element ? target.closest("td") : null;
  const row = Number(td?.parentElement?.dataset.row);
  const sheet = td?.closest("table")?.dataset.sheet;
  // The row number's <th> comes first, so a cell's index is its column number.
  return td && row > 0 && sheet !== undefined ? { td, sheet, row, column: td.cellIndex } : null;
}

/** Opens an input over the cell, holding its shown text; Enter or leaving it types it in, Escape gives up. */
function startEditing(cell: CellRef): void {
  if (editing) return;
  editing = true;
  const input = document.createElement("input");
  input.value = cell.td.textContent ?? "";
  input.setAttribute("aria-label", t("cellLabel", cell.sheet, cell.row, cell.column));
  cell.td.classList.add("editing");
  cell.td.replaceChildren(input);
  input.focus();
  input.select();
  const finish = (commit: boolean) => {
    if (!editing) return;
    editing = false;
    if (commit) void act(() => typeInto(cell, input.value));
    else if (state) render(state);
  };
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== "Escape") return;
    event.preventDefault();
    finish(event.key === "Enter");
  });
  input.addEventListener("blur", () => finish(true));
}

/** Types into a cell as the user (the runtime's userEdit): onEdit and installable edit triggers fire. */
async function typeInto(cell: CellRef, value: string): Promise<void> {
  const outcome = await postJson<EditOutcome>("/api/edit", {
    sheet: cell.sheet,
    row: cell.row,
    column: cell.column,
    value,
  });
  const runs = outcome.runs.map((run) => `${run.functionName} ${run.status}${run.error ? `: ${run.error}` : ""}`);
  status(t("edited", outcome.cell, runs.length === 0 ? t("noTrigger") : t("triggers", runs.join(", "))));
}

async function moveClock(body: { by: number } | { local: string }): Promise<void> {
  const { runs } = await postJson<{ runs: TriggerRunView[] }>("/api/clock", body);
  const [latest] = runs;
  if (!latest) return status(t("clockNoRun"));
  const failed = runs.filter((run) => run.status !== "COMPLETED").length;
  const run = t("runAt", latest.functionName, latest.at, latest.status) + (latest.error ? `: ${latest.error}` : "");
  status(t("clockRuns", runs.length, failed, run));
}

/** Does one user action, then shows the new state; a refused action is reported in the status line. */
async function act(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    status(error instanceof Error ? error.message : String(error));
  }
  await refresh();
}

function wire(): void {
  const language = byId<HTMLSelectElement>("language");
  language.value = pageLanguage();
  language.addEventListener("change", () => {
    choosePageLanguage(language.value as PageLanguage);
    if (state && !editing) render(state);
  });
  const grid = byId("grid");
  grid.addEventListener("dblclick", (event) => {
    const cell = cellOf(event.target);
    if (cell && !cell.td.classList.contains("checkbox")) startEditing(cell);
  });
  // A checkbox toggles with one click, as in Sheets.
  grid.addEventListener("click", (event) => {
    const cell = cellOf(event.target);
    if (cell?.td.classList.contains("checkbox"))
      void act(() => typeInto(cell, cell.td.textContent === "☑" ? "FALSE" : "TRUE"));
  });
  byId("clock-hour").addEventListener("click", () => void act(() => moveClock({ by: HOUR })));
  byId("clock-day").addEventListener("click", () => void act(() => moveClock({ by: 24 * HOUR })));
  byId("clock-set").addEventListener(
    "click",
    () => void act(() => moveClock({ local: byId<HTMLInputElement>("clock-input").value })),
  );
  byId("reset").addEventListener("click", () => {
    if (!confirm(t("resetConfirm"))) return;
    selectedMail = 0;
    void act(async () => {
      await postJson("/api/reset", {});
      status(t("resetDone"));
    });
  });
  setInterval(async () => {
    const { version } = await getJson<{ version: number }>("/api/version").catch(() => ({ version: -1 }));
    if (state && !editing && version >= 0 && version !== state.version) await refresh();
  }, POLL_MS);
}

applyTexts();
wire();
void refresh();
