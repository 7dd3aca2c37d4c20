/** The client-side `google.script` API the sidebars use, typed: `call` is checked against the server's API by the compiler. */

import type { SidebarApi } from "../../core/sidebar-api";

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
}

declare const google: { script: { run: ScriptRunner; host: { close(): void } } };

/** Closes the sidebar or dialog (google.script.host.close). */
export function hostClose(): void {
  google.script.host.close();
}

/**
 * Calls a server function through google.script.run as a promise. The name and arguments must match
 * SidebarApi, whose signatures the server's globals are checked against (src/sidebar-contract.ts).
 */
export function call<K extends keyof SidebarApi>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[K]>))
      .withFailureHandler(reject) as unknown as Record<K, (...a: Parameters<SidebarApi[K]>) => void>;
    runner[name](...args);
  });
}
