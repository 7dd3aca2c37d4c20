/** The parts of the client-side `google.script` API that sidebars use, typed for the UI code. */

interface ScriptHost {
  close(): void;
}

declare const google: { script: { host: ScriptHost } };

/** Closes the sidebar or dialog (google.script.host.close). */
export function hostClose(): void {
  google.script.host.close();
}
