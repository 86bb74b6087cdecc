import { asOmmiError, type OmmiError } from "./errors.js";

/** What awaiting an operation gives: never a rejection, always one of these. */
export type DBResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OmmiError };

/**
 * The result of one database operation. The operation starts at once; awaiting this object gives
 * a `DBResult` and never throws. `.value` and `.raiseOnErrors()` are for callers who prefer
 * exceptions.
 */
export class AsyncResult<T> implements PromiseLike<DBResult<T>> {
  // The operation's own promise, read by `.value` without a detour through the DBResult.
  readonly #operation: Promise<T>;
  #settled: Promise<DBResult<T>> | undefined;

  /** Runs `operation` now (or takes a started one); a synchronous throw fails the result as a rejection does. */
  constructor(operation: Promise<T> | (() => Promise<T>)) {
    let started: Promise<T>;
    try {
      started = typeof operation === "function" ? operation() : operation;
    } catch (error) {
      started = Promise.reject(asOmmiError(error));
    }
    this.#operation = started;
    // Marks the rejection as handled: a caller who never looks at the result must not crash the process.
    started.catch(ignore);
  }

  then<A = DBResult<T>, B = never>(
    onfulfilled?: ((result: DBResult<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#settled ??= this.#operation.then(succeeded, failed);
    return this.#settled.then(onfulfilled, onrejected);
  }

  /** The value; rejects with the `OmmiError` when the operation failed. */
  get value(): Promise<T> {
    return this.raiseOnErrors();
  }

  /** The value, or `fallback` when the operation failed. */
  valueOr<F>(fallback: F): Promise<T | F> {
    return this.#operation.catch(() => fallback);
  }

  /** The value; rejects with the `OmmiError` when the operation failed. */
  raiseOnErrors(): Promise<T> {
    return this.#operation.catch(rethrowAsOmmiError);
  }
}

function succeeded<T>(value: T): DBResult<T> {
  return { ok: true, value };
}

function failed(error: unknown): DBResult<never> {
  return { ok: false, error: asOmmiError(error) };
}

function rethrowAsOmmiError(error: unknown): never {
  throw asOmmiError(error);
}

function ignore(): void {}
