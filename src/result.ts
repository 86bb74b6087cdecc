import { asOmmiError, type OmmiError } from "./errors.js";
import { failedResult, type FailedResult, type ResultOrigin } from "./observe/unchecked.js";

export type { ResultOrigin } from "./observe/unchecked.js";

/** What awaiting an operation gives: never a rejection, always one of these. */
export type DBResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OmmiError };

/**
 * The result of one database operation. The operation starts at once; awaiting this object gives
 * a `DBResult` and never throws. `.value` and `.raiseOnErrors()` are for callers who prefer
 * exceptions.
 *
 * A failure is checked once its `ok` or `error` is read, or `.value`, `.raiseOnErrors()` or
 * `.valueOr()` is used; awaiting alone is not checking (`await db.add(...)` awaits and drops it).
 * A failure nobody checked is reported once nobody can any more (see ObserveOptions.uncheckedFailures).
 */
export class AsyncResult<T> implements PromiseLike<DBResult<T>> {
  /**
   * A result whose operation has already given its value (a synchronous database): no promise
   * is made until one is asked for, which spares a hop on every await of the hot path.
   */
  static of<T>(value: T, origin?: ResultOrigin): AsyncResult<T> {
    return new AsyncResult<T>(new KnownValue(value) as unknown as Promise<T>, origin);
  }

  // The operation's own promise, read by `.value` without a detour through the DBResult; made
  // on first use for a result whose value was known at once.
  #operation: Promise<T> | undefined;
  readonly #known: KnownValue<T> | undefined;
  readonly #origin: ResultOrigin | undefined;
  #failure: { readonly result: FailedResult; check(): void } | undefined;
  /** Set when the caller asked for the value or a fallback: a failure is then checked from the start. */
  #checked = false;
  /** The DBResult, made as the operation settles: one hop for `await`, which is the common use. */
  #settled: Promise<DBResult<T>> | undefined;

  /**
   * Runs `operation` now (or takes a started one); a synchronous throw fails the result as a
   * rejection does. `origin` names the operation and model in failure reports, and carries the
   * hooks of the database that made the result.
   */
  constructor(operation: Promise<T> | (() => Promise<T>), origin?: ResultOrigin) {
    this.#origin = origin;
    if (operation instanceof KnownValue) {
      this.#known = operation as KnownValue<T>;
      return;
    }
    let started: Promise<T>;
    try {
      started = typeof operation === "function" ? operation() : operation;
    } catch (error) {
      started = Promise.reject(asOmmiError(error));
    }
    this.#operation = started;
    // Also marks the rejection as handled: a caller who never looks at the result must not crash
    // the process (an unchecked failure is reported the gentler way, see unchecked.ts).
    this.#settled = started.then(succeeded, (error: unknown) => this.#failed(error));
  }

  /** The failed DBResult, made (and the failure reported to onError) on the first call. */
  #failed(error: unknown): FailedResult {
    this.#failure ??= failedResult(asOmmiError(error), this.#origin, this.#checked);
    return this.#failure.result;
  }

  then<A = DBResult<T>, B = never>(
    onfulfilled?: ((result: DBResult<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#settled ??= Promise.resolve(succeeded((this.#known as KnownValue<T>).value));
    return this.#settled.then(onfulfilled, onrejected);
  }

  /** The operation's promise, made now for a result whose value was known at once. */
  #started(): Promise<T> {
    return (this.#operation ??= Promise.resolve((this.#known as KnownValue<T>).value));
  }

  /** The value; rejects with the `OmmiError` when the operation failed. */
  get value(): Promise<T> {
    return this.raiseOnErrors();
  }

  /** The value, or `fallback` when the operation failed. */
  valueOr<F>(fallback: F): Promise<T | F> {
    if (this.#known) return Promise.resolve(this.#known.value);
    this.#check();
    return this.#started().catch(() => fallback);
  }

  /** The value; rejects with the `OmmiError` when the operation failed. */
  raiseOnErrors(): Promise<T> {
    if (this.#known) return this.#started();
    this.#check();
    return this.#started().catch(rethrowAsOmmiError);
  }

  #check(): void {
    this.#checked = true;
    this.#failure?.check();
  }
}

function succeeded<T>(value: T): DBResult<T> {
  return { ok: true, value };
}

function rethrowAsOmmiError(error: unknown): never {
  throw asOmmiError(error);
}

/** The value of an operation that gave it at once (see AsyncResult.of). */
class KnownValue<T> {
  constructor(readonly value: T) {}
}
