import type { OmmiError } from "../errors.js";
import type { FailureHook, OperationContext } from "./options.js";
import { callHook, warn } from "./warnings.js";

/** A database's hooks for failed operations (see ObserveOptions): given to each result it makes. */
export interface FailureHooks {
  readonly onError: FailureHook | undefined;
  /** What reports a failure nobody checked: a warning when undefined. */
  readonly unchecked: FailureHook | "ignore" | undefined;
}

/** Where a result comes from, for the failure reports: its operation and model, and the hooks of the database that made it. */
export interface ResultOrigin {
  readonly operation: string;
  readonly model?: string;
  readonly hooks?: FailureHooks;
}

/** The failed DBResult: `ok: false` and the error. */
export interface FailedResult {
  readonly ok: false;
  readonly error: OmmiError;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * A failed operation whose result nobody has checked yet. Its failed DBResult notes every read of
 * `ok` or `error`; once the DBResult is garbage-collected unread (the result that held it went
 * with it) or the process exits first, nobody can check it any more, and it is reported. A
 * result that is kept and checked later is never reported: nothing is said while it can still be read.
 */
class Unchecked {
  #checked = false;

  constructor(
    readonly error: OmmiError,
    readonly context: OperationContext,
    readonly report: FailureHook | undefined,
  ) {}

  check(): void {
    if (this.#checked) return;
    this.#checked = true;
    pending.delete(this);
    collected.unregister(this);
  }

  get checked(): boolean {
    return this.#checked;
  }
}

/** Failures not checked yet, for the report at exit; each leaves when checked or reported. */
const pending = new Set<Unchecked>();

// The DBResult (the target) refers to its Unchecked, never the other way round: the registry
// holds each Unchecked strongly, and a reference back would keep the DBResult alive forever.
const collected = new FinalizationRegistry<Unchecked>((failure) => {
  if (pending.delete(failure)) reportUnchecked(failure, false);
});

let exitListener = false;

function reportAtExit(): void {
  for (const failure of pending) reportUnchecked(failure, true);
  pending.clear();
}

function reportUnchecked(failure: Unchecked, atExit: boolean): void {
  if (failure.checked) return;
  const { error, context, report } = failure;
  if (report) {
    callHook(report, "uncheckedFailures hook", error, context);
    return;
  }
  const subject = context.model === undefined ? context.operation : `${context.operation} on ${context.model}`;
  warn(`An Ommi operation failed and its result was never checked: ${subject}: ${error.name}: ${error.message}`, "OMMI_UNCHECKED_FAILURE", {
    now: atExit,
    detail: "Check each result (its ok or error, .value, .raiseOnErrors() or .valueOr()), or set uncheckedFailures in new Ommi(driver, options).",
  });
}

/** The failure a result hands out: tracked as unchecked unless `checked` already (`.value` was asked for) or its database ignores such failures. */
export function failedResult(error: OmmiError, origin: ResultOrigin | undefined, checked: boolean): { result: FailedResult; check(): void } {
  const context: OperationContext = { operation: origin?.operation ?? "operation", model: origin?.model };
  const hooks = origin?.hooks;
  if (hooks?.onError) callHook(hooks.onError, "onError hook", error, context);
  const unchecked = hooks?.unchecked;
  if (checked || unchecked === "ignore") return { result: { ok: false, error }, check: nothing };
  const failure = new Unchecked(error, context, unchecked);
  const result = Object.defineProperties({} as FailedResult, {
    ok: { enumerable: true, get: () => (failure.check(), false) },
    error: { enumerable: true, get: () => (failure.check(), error) },
    // Printing the result (console.log) shows what it is, and is looking at it.
    [INSPECT]: { value: () => (failure.check(), { ok: false, error }) },
  });
  pending.add(failure);
  collected.register(result, failure, failure);
  if (!exitListener && typeof process === "object" && typeof process.on === "function") {
    exitListener = true;
    process.on("exit", reportAtExit);
  }
  return { result, check: () => failure.check() };
}

function nothing(): void {}
