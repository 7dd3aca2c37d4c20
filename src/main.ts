/** The Apps Script entry points: every export here becomes a top-level global function of dist/Code.js, and nothing else does. */

import type { ChannelsReply } from "./core/chat-channels";
import type { ClaimResult, CustomerSummary, SaveResult, SidebarData, TextDateResult } from "./core/sidebar-api";
import { archiveClosedCustomers as archiveClosed } from "./gas/archive";
import { addChannel, listChannels, removeChannel, testChannel } from "./gas/chat-channels";
import { showChannelsDialog } from "./gas/chat-dialog";
import { claimCustomerRequest } from "./gas/claim-customer";
import * as commands from "./gas/commands";
import { noteTableEdit } from "./gas/customer-index";
import { findCustomersRequest, loadSidebarData, selectFollowUpRow, showFollowUpSidebar } from "./gas/follow-up-sidebar";
import { showHelpSidebar } from "./gas/help";
import { runHourlyJob } from "./gas/hourly";
import { addAddonMenu } from "./gas/menu";
import { releaseStaleCustomers as releaseStale } from "./gas/release-stale";
import { saveFollowUpRequest } from "./gas/save-follow-up";
import { writeDateFromTextRequest } from "./gas/write-text-date";

/**
 * Simple trigger: runs on open in AuthMode.NONE, LIMITED or FULL. It builds the menu, touching nothing else (in NONE
 * the document is off limits and the menu would vanish); only with full authorization does it also check that the
 * daily reminders still run, and start them again when they stopped.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addAddonMenu();
  if (e?.authMode === ScriptApp.AuthMode.FULL) commands.repairOnOpen();
}

/**
 * Simple trigger: a person edited cells (AuthMode.LIMITED). Edits to the Follow-ups sheet are noted so the customer
 * index catches up on the next sidebar call; nothing else happens here (pastes may not fire it: the daily digests'
 * run checks the index against the whole table).
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (e) noteTableEdit(e);
}

/** Runs once when the add-on is installed (AuthMode.FULL): the menu, and nothing that needs the document yet. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: Set up / adopt table. */
export function setUpTable(): void {
  commands.setUpOrAdopt();
}

/** Menu: Log a follow-up (the sidebar's form). */
export function showLogSidebar(): void {
  showFollowUpSidebar("log");
}

/** Menu: My follow-ups due (the sidebar's list). */
export function showDueSidebar(): void {
  showFollowUpSidebar("due");
}

/** Sidebar (google.script.run): the table's data for the form and the list. */
export function sidebarData(): SidebarData {
  return loadSidebarData();
}

/** Sidebar (google.script.run): existing customers matching what the user typed, for the autocomplete. */
export function findCustomers(typed: unknown): CustomerSummary[] {
  return findCustomersRequest(typed);
}

/** Sidebar (google.script.run): saves a follow-up; the argument is checked on the server, whatever the caller sent. */
export function saveFollowUp(request: unknown): SaveResult {
  return saveFollowUpRequest(request);
}

/**
 * Sidebar (google.script.run): writes the date read from a due follow-up's next step into its empty next-date cell, at
 * its owner's request; the argument is checked on the server.
 */
export function writeDateFromText(request: unknown): TextDateResult {
  return writeDateFromTextRequest(request);
}

/** Sidebar (google.script.run): claims a customer from the pool (公海); the argument is checked on the server. */
export function claimCustomer(request: unknown): ClaimResult {
  return claimCustomerRequest(request);
}

/** Menu: Release stale customers to the pool (admins only). */
export function releaseStaleCustomers(): void {
  releaseStale();
}

/** Menu: Archive closed customers (admins only): moves customers won or lost long ago into yearly archives. */
export function archiveClosedCustomers(): void {
  archiveClosed();
}

/** Sidebar (google.script.run): selects a follow-up's row in the sheet. */
export function selectRow(row: unknown): void {
  selectFollowUpRow(row);
}

/** Menu: Sync & repair. */
export function syncTable(): void {
  commands.syncAndRepair();
}

/** Menu: Reminders on/off. */
export function toggleReminders(): void {
  commands.toggleReminders();
}

/** Menu: Reminder channels (admins only): the group-robot webhooks the morning reminders are posted to. */
export function showReminderChannels(): void {
  showChannelsDialog();
}

/** Reminder channels dialog (google.script.run): the channels, masked; refused to anyone but an admin. */
export function chatChannels(): ChannelsReply {
  return listChannels();
}

/** Reminder channels dialog (google.script.run): adds a channel; the form is checked on the server. */
export function addChatChannel(input: unknown): ChannelsReply {
  return addChannel(input);
}

/** Reminder channels dialog (google.script.run): removes a channel. */
export function removeChatChannel(id: unknown): ChannelsReply {
  return removeChannel(id);
}

/** Reminder channels dialog (google.script.run): posts a test message to a channel. */
export function testChatChannel(id: unknown): ChannelsReply {
  return testChannel(id);
}

/** The hourly time-driven trigger: sends the daily digests that are due (later also the weekly review). */
export function runHourly(e?: GoogleAppsScript.Events.TimeDriven): void {
  runHourlyJob(e);
}

/** Menu: Build weekly review. */
export function buildReview(): void {
  commands.buildReview();
}

/** Menu: Settings. */
export function openSettings(): void {
  commands.openSettings();
}

/** Menu: Help. */
export function showHelp(): void {
  showHelpSidebar();
}
