/** Compile-time proof that the global functions the sidebar calls match the sidebar's API (src/core/sidebar-api.ts); never bundled. */

import type { SidebarApi } from "./core/sidebar-api";
import type * as Globals from "./main";

/**
 * Each global must be usable as the API's function: it accepts what the sidebar sends (it may accept more, e.g.
 * `unknown`, and check it) and returns what the sidebar expects. A mismatch fails `npm run typecheck`.
 */
type Implements = { [K in keyof SidebarApi]: (typeof Globals)[K] extends SidebarApi[K] ? true : false };

export const globalsImplementSidebarApi: Implements = {
  sidebarData: true,
  findCustomers: true,
  saveFollowUp: true,
  selectRow: true,
  writeDateFromText: true,
  claimCustomer: true,
};
