/** Types for gas-local 1.3.1, which ships none (node_modules/gas-local/gasrequire.js is the source they describe). */

declare module "gas-local" {
  import type { Context } from "node:vm";

  interface GasRequireOptions {
    /** Which files to run, given `folder + "/" + name` (default: names ending in ".js"). */
    filter?: (file: string) => boolean;
  }

  const gasLocal: {
    /**
     * Walks `folder` (subfolders too), reads every file the filter admits and runs it with vm.runInContext in
     * vm.createContext(globalObject) (which returns globalObject itself when it is already a context); returns the context.
     * Without a globalObject it uses globalMockDefault.
     */
    require(folder: string, globalObject?: object, options?: GasRequireOptions): Context;
    /** Its default globals: a Logger that prints to the console and a Utilities.formatDate that ignores the zone. */
    globalMockDefault: object;
  };
  export = gasLocal;
}
