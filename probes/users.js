// Users as the developer sees them when running their own script (the live runner runs each probe so, in
// AuthMode.FULL): whether each email is known and which account it is. Every result is a boolean or a fixed text,
// never an email, so Google's answer is the same for every maintainer.

/** The effective user's email is known to a script its developer runs. */
function probe_users_effectiveEmailKnown() {
  return Session.getEffectiveUser().getEmail().includes("@");
}

/** The active user's email is known too, and is the effective user's: the developer runs the script as themselves. */
function probe_users_activeIsEffective() {
  const active = Session.getActiveUser().getEmail();
  return { known: active.includes("@"), same: active === Session.getEffectiveUser().getEmail() };
}

/** The temporary key is stable within a run and does not contain the user's email. */
function probe_users_temporaryKey() {
  const key = Session.getTemporaryActiveUserKey();
  const email = Session.getActiveUser().getEmail();
  return {
    known: key.length > 0,
    stable: key === Session.getTemporaryActiveUserKey(),
    hidesEmail: !key.includes(email),
  };
}

/** A developer running their own script has granted what it declares: no authorization is required. */
function probe_users_authorizationNotRequired() {
  return String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus());
}
