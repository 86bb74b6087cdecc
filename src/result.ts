import { asOmmiError, type OmmiError } from "./errors.js";

/** What awaiting an operation gives: never a rejection, always one of these. */
export type DBResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OmmiError };

/**
 * The result of one database operation. The operation starts at once; awaiting this object gives
 * a `DBResult` and never throws. `.value` and `.raiseOnErrors()` are for callers who prefer
 * exceptions.
 */
export class AsyncResult<T> implements PromiseLike<DBResult<T>> {
  readonly #settled: Promise<DBResult<T>>;

  constructor(operation: Promise<T> | (() => Promise<T>)) {
    this.#settled = settle(operation);
  }

  then<A = DBResult<T>, B = never>(
    onfulfilled?: ((result: DBResult<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#settled.then(onfulfilled, onrejected);
  }

  /** The value; rejects with the `OmmiError` when the operation failed. */
  get value(): Promise<T> {
    return this.raiseOnErrors();
  }

  /** The value, or `fallback` when the operation failed. */
  async valueOr<F>(fallback: F): Promise<T | F> {
    const result = await this.#settled;
    return result.ok ? result.value : fallback;
  }

  /** The value; rejects with the `OmmiError` when the operation failed. */
  async raiseOnErrors(): Promise<T> {
    const result = await this.#settled;
    if (result.ok) return result.value;
    throw result.error;
  }
}

async function settle<T>(operation: Promise<T> | (() => Promise<T>)): Promise<DBResult<T>> {
  try {
    const value = await (typeof operation === "function" ? operation() : operation);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: asOmmiError(error) };
  }
}
