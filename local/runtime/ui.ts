/** The emulated spreadsheet UI (SpreadsheetApp.getUi()): recorded menus, sidebars, dialogs, and alerts answered from a script. */

import type { Kernel } from "./kernel";

/** What the UI has shown, and the answers queued for alerts/prompts; kept by the runtime across executions. */
export class UiState {}

/** SpreadsheetApp.getUi(): throws "Cannot call SpreadsheetApp.getUi() from this context." where Apps Script does. */
export function createUi(_kernel: Kernel, _state: UiState): GoogleAppsScript.Base.Ui {
  throw new Error("not implemented yet");
}
