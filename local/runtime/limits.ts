/** Apps Script's documented limits (execution time, Properties, Cache, MailApp, cells) and the texts it throws past them, each with the page that states it. */

import type { Execution } from "./kernel";

/*
 * Most numbers come from "Quotas for Google Services" (developers.google.com/apps-script/guides/services/quotas),
 * table "Current limitations", abbreviated QUOTAS below. Where a page says "KB" this module reads 1,024 bytes
 * [UNCONFIRMED: 1,000 would be stricter by 2.4 %]; sizes are UTF-8 bytes, as the services store text.
 */

/** Execution time, per kind of execution. */
export const EXECUTION_TIME = {
  /** QUOTAS: "Script runtime | 6 min / execution" (menu items, sidebar calls, installable triggers). */
  scriptMs: 6 * 60 * 1000,
  /** QUOTAS: "Custom function runtime | 30 sec / execution". */
  customFunctionMs: 30 * 1000,
  /**
   * Simple triggers (onOpen, onEdit, onInstall, ...): "They cannot run for longer than 30 seconds."
   * (developers.google.com/apps-script/guides/triggers#restrictions).
   */
  simpleTriggerMs: 30 * 1000,
} as const;

/**
 * What Apps Script throws when an execution runs out of time, as executions logs show it ("Error Exceeded maximum
 * execution time", github.com/chriskyfung/AutoFetcher-IG-Stories-to-GDrive/discussions/34). A custom function is
 * reported to show it in its cell with " (line 0)." appended [UNCONFIRMED, not emulated]; whether a simple trigger's
 * 30 s end uses the same text is [UNCONFIRMED].
 */
export const EXECUTION_TIME_EXCEEDED = "Exceeded maximum execution time";

/**
 * The time `execution` may run. Editor add-ons have no limit of their own: "You can use most of the generic trigger
 * types available to Apps Script projects in Editor Add-ons, including simple triggers and most installable triggers"
 * (developers.google.com/workspace/add-ons/concepts/editor-triggers), so their onOpen/onInstall get a simple
 * trigger's 30 s and their menu items and sidebar calls an ordinary execution's 6 min.
 */
export function executionTimeLimitMs(execution: Pick<Execution, "kind" | "authMode">): number {
  if (execution.authMode === "CUSTOM_FUNCTION") return EXECUTION_TIME.customFunctionMs;
  if (execution.kind === "simpleTrigger") return EXECUTION_TIME.simpleTriggerMs;
  return EXECUTION_TIME.scriptMs;
}

/** PropertiesService: each of the script, user and document stores. */
export const PROPERTIES = {
  /** QUOTAS: "Properties value size | 9 KB / val". */
  valueBytes: 9 * 1024,
  /**
   * QUOTAS: "Properties total storage | 500 KB / property store"; keys count with their values (a 2023 measurement,
   * tanaikech.github.io/2023/05/22/report-specification-of-properties-service-for-google-apps-script: "the maximum
   * size of PropertiesService is required to be considered with both the key and value sizes").
   */
  storeBytes: 500 * 1024,
} as const;

export const PROPERTIES_ERRORS = {
  /**
   * A value over PROPERTIES.valueBytes, in the wording CacheService uses for the same fault (quoted for properties in
   * github.com/ljay79/jira-tools/issues/255) [UNCONFIRMED for properties: the 2023 measurement above found values
   * far over 9 KB accepted, so Google may store what is refused here; refusing is the stricter choice].
   */
  valueTooLarge: "Argument too large: value",
  /** A write past PROPERTIES.storeBytes (quoted in github.com/lucasvtiradentes/gcal-sync/issues/115). */
  storeFull: "You have exceeded the property storage quota. Please remove some properties and try again.",
} as const;

/**
 * CacheService, each of the script, user and document caches. The reference of put, putAll
 * (developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)) says: "The maximum length of
 * a key is 250 characters. The maximum amount of data that can be stored per key is 100KB.", "The minimum is 1 second
 * and the maximum is 21600 seconds (6 hours).", "The default expiration is 600 seconds (10 minutes).", "The cap for
 * cached items is 1,000. If more than 1,000 items are written, the cache stores the 900 items farthest from
 * expiration.", and "cached data may be removed before this time if a lot of data is cached".
 */
export const CACHE = {
  keyCharacters: 250,
  valueBytes: 100 * 1024,
  defaultExpirationSeconds: 600,
  minExpirationSeconds: 1,
  maxExpirationSeconds: 21600,
  itemCap: 1000,
  itemsKeptPastCap: 900,
} as const;

export const CACHE_ERRORS = {
  /** Quoted in github.com/Eloise1988/COINGECKO/issues/13 ("Exception: Argument too large: key", from cache.get). */
  keyTooLong: "Argument too large: key",
  /** Quoted in github.com/joseballester/muFunds/issues/13 (a value over 100 KB put into the cache). */
  valueTooLarge: "Argument too large: value",
  /** An expiration outside 1..21600 s [UNCONFIRMED: Apps Script may cap it silently; refusing is stricter]. */
  expirationOutOfRange: "Invalid argument: expirationInSeconds",
} as const;

/** MailApp (and GmailApp) sending. */
export const MAIL = {
  /**
   * QUOTAS, "Current quotas": "Email recipients per day | 100* / day" (consumer) and "1,500* / day" (Workspace);
   * "Quotas are per user and reset 24 hours after the first request."
   */
  dailyRecipients: { consumer: 100, workspace: 1500 },
  /** QUOTAS: "Email recipients per message | 50 / msg" (to, cc and bcc together). */
  recipientsPerMessage: 50,
  /**
   * QUOTAS: "Email body size | 200 KB / msg" (consumer), "400 KB / msg" (Workspace). Which parts count is not said:
   * here the plain body and the HTML body together [UNCONFIRMED; the stricter reading].
   */
  bodyBytes: { consumer: 200 * 1024, workspace: 400 * 1024 },
  /** QUOTAS: "Email attachments | 250 / msg". */
  attachmentsPerMessage: 250,
} as const;

export const MAIL_ERRORS = {
  /** Quoted in scripts catching it ("Exception: Service invoked too many times for one day: email."). */
  quota: "Service invoked too many times for one day: email.",
  /** Quoted in scripts that split recipient lists to avoid it ("Limit Exceeded: Email Recipients Per Message"). */
  perMessage: "Limit Exceeded: Email Recipients Per Message.",
  /** Quoted from an execution log: "Limit Exceeded: Email Body Size. (line 99, file "Code")". */
  bodySize: "Limit Exceeded: Email Body Size.",
  /** By analogy with the two above [UNCONFIRMED wording]. */
  attachments: "Limit Exceeded: Email Attachments Per Message.",
} as const;

/**
 * Cells per spreadsheet: "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets that are created in
 * or converted to Google Sheets" (support.google.com/drive/answer/37603). Sheets counts every sheet's whole grid
 * (getMaxRows() × getMaxColumns()), empty cells included, and refuses any action that would grow the grids past it
 * ("This action would increase the number of cells in the workbook above the limit of 10000000 cells.").
 */
export const MAX_CELLS = 10_000_000;
