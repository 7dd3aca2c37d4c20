/** Tests of accounts and identity: which email Session shows a script, per auth mode, kind of execution and account kind. */

import { ADD_ON_DEVELOPER, activeEmailShown, workspaceDomainOf } from "../../../local/runtime/identity";
import { SCOPES } from "../../../local/runtime/kernel";
import type { RunOptions, User } from "../../../local/runtime/runtime";
import { runtimeOnSource } from "../../helpers/runtime";

/*
 * The rule under test, Google's words (developers.google.com/apps-script/reference/base/session#getActiveUser()):
 * "the user's email address is not available in any context that allows a script to run without that user's
 * authorization, like a simple onOpen(e) or onEdit(e) trigger [...]. However, these restrictions generally do not
 * apply if the developer runs the script themselves or belongs to the same Google Workspace domain as the user."
 */

const SCOPES_USED = [SCOPES.spreadsheetsCurrentOnly, SCOPES.userinfoEmail, SCOPES.scriptApp];

/** Reports both users' emails as the script sees them. */
const SOURCE = `
  function whoAmI() {
    return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()];
  }
`;

const ACME_DEV: User = { email: "dev@acme.example", locale: "en" };
const ACME_ANN: User = { email: "ann@acme.example", locale: "en" };
const OTHER_BOB: User = { email: "bob@other.example", locale: "en" };
const GMAIL_DEV: User = { email: "dev@gmail.com", locale: "en" };
const GMAIL_CAT: User = { email: "cat@gmail.com", locale: "en" };

/** A script bound to a spreadsheet whose developer (owner) is `developer`. */
function boundScript(developer: User) {
  const runtime = runtimeOnSource(SOURCE, { user: developer, addOn: false }, SCOPES_USED);
  return (user: User, how: RunOptions) => runtime.run("whoAmI", [], { user, ...how });
}

const SIMPLE_TRIGGER: RunOptions = { authMode: "LIMITED", kind: "simpleTrigger" };
const MENU_ITEM: RunOptions = { authMode: "FULL", kind: "editor" };

describe("identity", () => {
  describe("workspaceDomainOf", () => {
    it("reads a Workspace domain from the email, and none for gmail.com and googlemail.com", () => {
      expect(workspaceDomainOf({ email: "Ann@Acme.Example" })).toBe("acme.example");
      expect(workspaceDomainOf({ email: "cat@gmail.com" })).toBeNull();
      expect(workspaceDomainOf({ email: "cat@googlemail.com" })).toBeNull();
    });

    it("takes the account's own word: a consumer account with another address, or another domain", () => {
      expect(workspaceDomainOf({ email: "cat@cat.example", domain: null })).toBeNull();
      expect(workspaceDomainOf({ email: "ann@acme.example", domain: "Acme.Example" })).toBe("acme.example");
    });
  });

  describe("a bound script in a Google Workspace domain", () => {
    it("shows a colleague's email in a simple trigger, and hides an outsider's", () => {
      const run = boundScript(ACME_DEV);
      expect(run(ACME_ANN, SIMPLE_TRIGGER)).toEqual(["ann@acme.example", "ann@acme.example"]);
      // getEffectiveUser "In most other scenarios [...] returns the same account as getActiveUser()": hidden alike
      // [UNCONFIRMED, the stricter choice].
      expect(run(OTHER_BOB, SIMPLE_TRIGGER)).toEqual(["", ""]);
    });

    it("shows the outsider's email once they run a menu item, which they authorized", () => {
      const run = boundScript(ACME_DEV);
      expect(run(OTHER_BOB, MENU_ITEM)).toEqual(["bob@other.example", "bob@other.example"]);
    });
  });

  describe("a bound script of a consumer (gmail.com) account", () => {
    it("hides another consumer's email in a simple trigger, not the developer's own", () => {
      const run = boundScript(GMAIL_DEV);
      expect(run(GMAIL_CAT, SIMPLE_TRIGGER)).toEqual(["", ""]);
      expect(run(GMAIL_DEV, SIMPLE_TRIGGER)).toEqual(["dev@gmail.com", "dev@gmail.com"]);
    });

    it("shows a consumer's email in a run they authorized", () => {
      const run = boundScript(GMAIL_DEV);
      expect(run(GMAIL_CAT, MENU_ITEM)).toEqual(["cat@gmail.com", "cat@gmail.com"]);
    });
  });

  describe("installable triggers", () => {
    it("run as their owner, whose email shows; the user who fired one shows only from the same domain", () => {
      // guides/triggers/installable: "Installable triggers always run under the account of the person who created
      // them"; Session#getEffectiveUser(): "this returns the account of the user who created the trigger".
      const run = boundScript(ACME_DEV);
      const ownersTrigger: RunOptions = {
        authMode: "FULL",
        kind: "installableTrigger",
        effectiveUser: "ann@acme.example",
      };
      expect(run(OTHER_BOB, ownersTrigger)).toEqual(["", "ann@acme.example"]);
      expect(run({ email: "eve@acme.example", locale: "en" }, ownersTrigger)).toEqual([
        "eve@acme.example",
        "ann@acme.example",
      ]);
    });

    it("show a time-driven trigger's owner as both users", () => {
      const run = boundScript(GMAIL_DEV);
      expect(run(GMAIL_CAT, { authMode: "FULL", kind: "timeTrigger" })).toEqual(["cat@gmail.com", "cat@gmail.com"]);
    });
  });

  describe("a published add-on", () => {
    it("hides a Workspace user's email from a simple trigger: its developer is in no user's domain", () => {
      const runtime = runtimeOnSource(SOURCE, { user: ACME_ANN }, SCOPES_USED);
      expect(runtime.developer).toBe(ADD_ON_DEVELOPER);
      expect(runtime.run("whoAmI", [], SIMPLE_TRIGGER)).toEqual(["", ""]);
      expect(runtime.run("whoAmI", [], MENU_ITEM)).toEqual(["ann@acme.example", "ann@acme.example"]);
    });

    it("shows it when the publisher's domain is the user's", () => {
      const runtime = runtimeOnSource(SOURCE, { user: ACME_ANN, developer: ACME_DEV }, SCOPES_USED);
      expect(runtime.run("whoAmI", [], SIMPLE_TRIGGER)).toEqual(["ann@acme.example", "ann@acme.example"]);
    });
  });

  describe("activeEmailShown", () => {
    it("needs the developer's and the trigger owner's domain for another user's installable trigger [UNCONFIRMED]", () => {
      const firedBy = (developer: User) =>
        activeEmailShown({ authMode: "FULL", active: ACME_ANN, effective: "owner@acme.example", developer });
      expect(firedBy(ACME_DEV)).toBe(true);
      expect(firedBy(GMAIL_DEV)).toBe(false);
    });
  });
});
