/** What the playground's JSON API sends to its page: the workbook, menu, clock, outbox, group-chat posts and dialogs as plain data. */

import type { ChatPlatform } from "../../src/core/chat-channels";

/** A button of an alert or prompt (Ui.Button), with the text typed into a prompt. */
export interface DialogAnswer {
  button: "CLOSE" | "OK" | "CANCEL" | "YES" | "NO";
  text: string;
}

/** An alert or prompt the add-on shows, waiting for the user's answer. */
export interface DialogView {
  kind: "alert" | "prompt";
  title: string;
  prompt: string;
  /** The buttons offered, without the dialog's × (CLOSE), which is always there. */
  buttons: DialogAnswer["button"][];
}

/** A dialog that was shown and how it was answered. */
export interface ExchangeView extends DialogView {
  answer: DialogAnswer;
}

export interface CellView {
  text: string;
  /** The background the user sees: a matching conditional-format rule's, else the cell's own. */
  background?: string;
  color?: string;
  bold?: boolean;
  align?: string;
  wrap?: boolean;
  /** A data-validation dropdown (list or range of values). */
  dropdown?: boolean;
  checkbox?: boolean;
  /** The conditional-format rule that coloured the cell, by its position on the sheet (0-based). */
  rule?: number;
}

export interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: number[];
  /** Rows from row 1, as far as data goes plus a few empty ones. */
  rows: CellView[][];
  /** One line per conditional-format rule, e.g. "A2:Q1000 custom formula → #f4cccc". */
  rules: string[];
}

export interface MailView {
  at: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** A post to a group chat's robot: the platform's id (the page names it), when, and the message as plain text. */
export interface PostView {
  at: string;
  platform: ChatPlatform;
  text: string;
}

export interface TriggerRunView {
  at: string;
  functionName: string;
  status: string;
  error?: string;
}

export interface PlaygroundState {
  /** Changes whenever anything the page shows may have changed. */
  version: number;
  /** The simulated time, in the spreadsheet's zone ("2026-11-27 Fri 09:00"), and as a datetime-local value. */
  clock: { text: string; local: string; timeZone: string };
  user: string;
  menu: string[];
  /** The sheet the add-on last activated for the user (by a menu item or a sidebar call). */
  activeSheet: string;
  sheets: SheetView[];
  /** What the side panel shows: the open dialog, else the open sidebar (`key` changes with each new one, or a new demo). */
  sidebar: { key: string; title: string; kind: "sidebar" | "dialog" } | null;
  /** Newest first. */
  outbox: MailView[];
  /** The posts to group-chat robots (reminder channels), newest first. */
  posts: PostView[];
  /** The latest trigger runs, newest first. */
  triggerRuns: TriggerRunView[];
}

/** What POST /api/edit answers: the cell typed into ("Sheet!K4") and the triggers the edit fired, simple onEdit first. */
export interface EditOutcome {
  cell: string;
  runs: { functionName: string; status: string; error?: string }[];
}

/** What POST /api/menu answers: the dialog to answer next, or the finished run. */
export type MenuOutcome =
  | { done: false; dialog: DialogView }
  | { done: true; exchanges: ExchangeView[]; error?: string };
