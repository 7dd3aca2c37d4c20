/** The emulated PropertiesService: script, per-user and per-document string stores kept across executions, with Apps Script's size limits. */

import type { Kernel } from "./kernel";
import { PROPERTIES, PROPERTIES_ERRORS } from "./limits";
import { javaSignatureError, stringParameter } from "./signature";

/** Every property store of the script; kept by the runtime across executions. */
export class PropertyStores {
  readonly script = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();
  private readonly documents = new Map<string, Map<string, string>>();

  /** The store of one user (created empty on first use). */
  user(email: string): Map<string, string> {
    return storeIn(this.users, email);
  }

  /** The store of one document (created empty on first use). */
  document(spreadsheetId: string): Map<string, string> {
    return storeIn(this.documents, spreadsheetId);
  }
}

function storeIn(stores: Map<string, Map<string, string>>, key: string): Map<string, string> {
  let store = stores.get(key);
  if (!store) {
    store = new Map();
    stores.set(key, store);
  }
  return store;
}

/** The service as emulated: getDocumentProperties() returns null without a document, as the reference says. */
export type EmulatedPropertiesService = Omit<GoogleAppsScript.Properties.PropertiesService, "getDocumentProperties"> & {
  getDocumentProperties(): GoogleAppsScript.Properties.Properties | null;
};

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

function storeBytes(store: Map<string, string>): number {
  let total = 0;
  for (const [key, value] of store) total += bytes(key) + bytes(value);
  return total;
}

/**
 * Applies a change to a copy, checks the limits (9 KB per value, then 500 KB per store: ./limits PROPERTIES), then
 * commits it, so a refused write changes nothing [UNCONFIRMED that a refused setProperties keeps none of its values].
 */
function commit(kernel: Kernel, store: Map<string, string>, change: (draft: Map<string, string>) => void): void {
  const draft = new Map(store);
  change(draft);
  for (const value of draft.values()) {
    if (bytes(value) > PROPERTIES.valueBytes) throw kernel.exception(PROPERTIES_ERRORS.valueTooLarge);
  }
  if (storeBytes(draft) > PROPERTIES.storeBytes) throw kernel.exception(PROPERTIES_ERRORS.storeFull);
  store.clear();
  for (const [key, value] of draft) store.set(key, value);
}

/** A Properties object over one store (developers.google.com/apps-script/reference/properties/properties). */
function propertiesOf(kernel: Kernel, store: Map<string, string>): GoogleAppsScript.Properties.Properties {
  const call = (method: string) => kernel.call("Properties", `Properties.${method}`, { needsAuth: true });
  const key = (value: unknown, method: string, args: unknown[]) =>
    stringParameter(kernel, value, `PropertiesService.Properties.${method}`, args);
  const self: GoogleAppsScript.Properties.Properties = {
    getProperty(k: unknown): string | null {
      call("getProperty");
      return store.get(key(k, "getProperty", [k])) ?? null;
    },
    setProperty(k: unknown, value: unknown) {
      call("setProperty");
      const args = [k, value];
      const name = key(k, "setProperty", args);
      // Numbers are stored as their string form (the reference's ticket-number sample relies on it).
      const text = stringParameter(kernel, value, "PropertiesService.Properties.setProperty", args);
      commit(kernel, store, (draft) => draft.set(name, text));
      return self;
    },
    getProperties(): Record<string, string> {
      call("getProperties");
      return Object.fromEntries(store);
    },
    setProperties(properties: unknown, deleteAllOthers?: unknown) {
      call("setProperties");
      const args = [properties, deleteAllOthers];
      const isObject = typeof properties === "object" && properties !== null && !Array.isArray(properties);
      if (!isObject || (deleteAllOthers !== undefined && typeof deleteAllOthers !== "boolean")) {
        throw javaSignatureError(kernel, "PropertiesService.Properties.setProperties", args);
      }
      const entries = Object.entries(properties).map(
        ([k, v]) => [k, stringParameter(kernel, v, "PropertiesService.Properties.setProperties", args)] as const,
      );
      commit(kernel, store, (draft) => {
        if (deleteAllOthers) draft.clear();
        for (const [k, v] of entries) draft.set(k, v);
      });
      return self;
    },
    deleteProperty(k: unknown) {
      call("deleteProperty");
      store.delete(key(k, "deleteProperty", [k]));
      return self;
    },
    deleteAllProperties() {
      call("deleteAllProperties");
      store.clear();
      return self;
    },
    getKeys(): string[] {
      call("getKeys");
      return [...store.keys()];
    },
  };
  return self;
}

/**
 * The global `PropertiesService` (developers.google.com/apps-script/reference/properties/properties-service).
 * Every call needs authorization: AuthMode.NONE refuses it, which is why touching properties in an add-on's
 * onOpen makes its menu vanish.
 */
export function createPropertiesService(kernel: Kernel, stores: PropertyStores): EmulatedPropertiesService {
  const call = (method: string) => kernel.call("Properties", `PropertiesService.${method}`, { needsAuth: true });
  return {
    getScriptProperties() {
      call("getScriptProperties");
      return propertiesOf(kernel, stores.script);
    },
    getUserProperties() {
      call("getUserProperties");
      return propertiesOf(
        kernel,
        stores.user(kernel.requireExecution("PropertiesService.getUserProperties").effectiveUser),
      );
    },
    getDocumentProperties() {
      call("getDocumentProperties");
      const document = kernel.requireExecution("PropertiesService.getDocumentProperties").activeSpreadsheetId;
      // "When document properties are not available this method returns null."
      return document === null ? null : propertiesOf(kernel, stores.document(document));
    },
  };
}
