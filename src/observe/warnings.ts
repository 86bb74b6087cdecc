/**
 * Node process warnings (`process.emitWarning`): what `node --no-warnings` silences and
 * `process.on("warning", ...)` receives. Where there is no `process` (not Node), console.warn.
 */

interface WarningOptions {
  /** A further line under the message. */
  readonly detail?: string;
  /**
   * Emit it now, synchronously: in an "exit" listener, where a warning emitted the usual way (on
   * the next tick) would never be printed.
   */
  readonly now?: boolean;
}

export function warn(message: string, code: string, { detail, now = false }: WarningOptions = {}): void {
  const host = typeof process === "object" ? process : undefined;
  if (typeof host?.emitWarning !== "function") {
    console.warn(`[${code}] ${message}${detail ? `\n${detail}` : ""}`);
    return;
  }
  if (!now) {
    host.emitWarning(message, { code, detail });
    return;
  }
  // What emitWarning emits, emitted at once: Node's own listener prints it (unless --no-warnings).
  const warning = Object.assign(new Error(message), { name: "Warning", code, ...(detail === undefined ? {} : { detail }) });
  host.emit("warning", warning);
}

/** Hooks that threw already: each is reported once, not on every call. */
const reported = new WeakSet<object>();

/**
 * Calls a user's hook (a logger, onError) so that what it throws never reaches the operation it
 * watches: the first throw of each hook is a warning (OMMI_HOOK_FAILED), later ones are ignored.
 */
export function callHook<A extends unknown[]>(hook: (...args: A) => unknown, name: string, ...args: A): void {
  try {
    const returned = hook(...args);
    // An async hook's rejection is its throw.
    if (returned instanceof Promise) returned.catch((error: unknown) => hookThrew(hook, name, error));
  } catch (error) {
    hookThrew(hook, name, error);
  }
}

/** Reports that a user's hook threw: once per hook. */
export function hookThrew(hook: object, name: string, error: unknown): void {
  if (reported.has(hook)) return;
  reported.add(hook);
  warn(`Ommi's ${name} threw, and Ommi went on without it: ${describeError(error)}`, "OMMI_HOOK_FAILED", { detail: "Later throws of the same hook are not reported." });
}

/** A thrown value in a message: an error's name and message, anything else as text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === "object" && error !== null ? Object.prototype.toString.call(error) : String(error);
}
