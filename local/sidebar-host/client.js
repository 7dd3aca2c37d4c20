// Browser half of the sidebar host: google.script.run and google.script.host as Apps Script's client API defines them, over HTTP to the host.
(() => {
  // Texts of Google's own client (they appear in its bundle and in public reports of real sidebars):
  // an illegal argument is refused on the client, before any request, with a TypeError naming the
  // argument index or the object key that holds it, e.g. "Failed due to illegal value in property: 0".
  const ILLEGAL = "Failed due to illegal value in property: ";
  const CIRCULAR = "Failed due to circular reference.";

  const isPlainObject = (value) => {
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  };

  /**
   * Legal values (developers.google.com/apps-script/guides/html/reference/run, myFunction(...)): primitives
   * (Number, Boolean, String, null) and objects/arrays made of them. A Date, a function, a DOM node or any other
   * non-plain object (an Event, a Map, a class instance) fails, also when nested; so does a circular reference.
   * undefined is let through: JSON makes it null in arrays (as the docs say) and drops it from objects.
   */
  const check = (value, key, ancestors) => {
    if (value === null || value === undefined) return;
    const type = typeof value;
    if (type === "string" || type === "number" || type === "boolean") return;
    if (type !== "object" || !(Array.isArray(value) || isPlainObject(value))) throw new TypeError(ILLEGAL + key);
    if (ancestors.includes(value)) throw new Error(CIRCULAR);
    const inner = [...ancestors, value];
    for (const [k, v] of Object.entries(value)) check(v, k, inner);
  };

  /** A form "must be the function's only parameter": it crosses as { fieldName: value } (several values: an array). */
  const formValue = (form) => {
    const fields = {};
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== "string") throw new Error("sidebar host: file inputs are not supported");
      const previous = fields[name];
      if (previous === undefined) fields[name] = value;
      else fields[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
    }
    return fields;
  };

  const serverArguments = (args) => {
    if (args.length === 1 && args[0] instanceof HTMLFormElement) return [formValue(args[0])];
    args.forEach((arg, index) => {
      check(arg, String(index), []);
    });
    return args;
  };

  /** Handlers run in their own task, so an exception in one is an ordinary uncaught error, never a failure. */
  const later = (fn) => setTimeout(fn, 0);

  const call = (functionName, rawArgs, handlers) => {
    const args = serverArguments(rawArgs);
    const fail = (error) =>
      later(() => {
        // "If there is no failure handler, failures are logged to the JavaScript console."
        if (typeof handlers.failure === "function") handlers.failure(error, handlers.userObject);
        else throw error;
      });
    fetch("/rpc", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ functionName, args }),
    }).then(
      async (response) => {
        if (!response.ok) return fail(new Error(`NetworkError: Connection failure due to HTTP ${response.status}`));
        const answer = await response.json();
        if (!answer.ok) return fail(new Error(answer.message));
        later(() => {
          if (typeof handlers.success === "function") handlers.success(answer.value, handlers.userObject);
        });
      },
      () => fail(new Error("NetworkError: Connection failure due to HTTP 0")),
    );
  };

  /** A runner: with* return a new runner; any other name calls the server function of that name. */
  const runner = (handlers) =>
    new Proxy(
      {},
      {
        get(_target, name) {
          if (typeof name !== "string" || name === "then") return undefined;
          if (name === "withSuccessHandler") return (success) => runner({ ...handlers, success });
          if (name === "withFailureHandler") return (failure) => runner({ ...handlers, failure });
          if (name === "withUserObject") return (userObject) => runner({ ...handlers, userObject });
          return (...args) => {
            call(name, args, handlers);
          };
        },
      },
    );

  /** developers.google.com/apps-script/guides/html/reference/host */
  const host = {
    origin: location.origin,
    close() {
      // JSON like every call: the playground answers no other POST (local/playground/request-guard.ts).
      fetch("/close", { method: "POST", keepalive: true, headers: { "content-type": "application/json" }, body: "{}" });
    },
    setHeight() {},
    setWidth() {},
    editor: { focus() {} },
  };

  window.google = { ...window.google, script: { run: runner({}), host } };
})();
