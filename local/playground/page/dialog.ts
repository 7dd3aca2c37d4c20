/** Shows an alert or prompt the add-on opened, as Sheets would, and resolves with the button the user pressed. */

import type { DialogAnswer, DialogView } from "../view-types";
import { t } from "./texts";

export function ask(dialog: DialogView): Promise<DialogAnswer> {
  const element = document.getElementById("dialog") as HTMLDialogElement;
  const text = document.getElementById("dialog-text") as HTMLInputElement;
  (document.getElementById("dialog-title") as HTMLElement).textContent = dialog.title;
  (document.getElementById("dialog-prompt") as HTMLElement).textContent = dialog.prompt;
  text.hidden = dialog.kind !== "prompt";
  text.value = "";
  const buttons = document.getElementById("dialog-buttons") as HTMLElement;
  buttons.replaceChildren(
    ...[...dialog.buttons, "CLOSE" as const].map((button) => {
      const element = document.createElement("button");
      element.value = button;
      // The buttons are Sheets' own, in the reader's language; the title and prompt are the add-on's.
      element.textContent = button === "CLOSE" ? "×" : t(button);
      if (button === "CLOSE") element.title = t("CLOSE");
      return element;
    }),
  );
  element.returnValue = "CLOSE";
  element.showModal();
  return new Promise((resolve) => {
    element.addEventListener(
      "close",
      () => resolve({ button: (element.returnValue || "CLOSE") as DialogAnswer["button"], text: text.value }),
      { once: true },
    );
  });
}
