/**
 * A value now, or a promise of it. SQLite works synchronously in this thread and PostgreSQL over
 * a socket: the shared engine and sessions take both, so SQLite's work stays synchronous (no
 * await per call, and nothing else runs between the check that the connection is free and the
 * work), while PostgreSQL's is chained on its promises.
 */
export type MaybePromise<T> = T | Promise<T>;

/**
 * `next(value)`: at once for a value, after it settles for a promise. (Not named `then`: a module
 * exporting `then` is a thenable, which `await import(...)` would call.)
 */
export function after<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** `step` for each item, in order, each once the one before has finished: synchronously while every step is. */
export function eachInTurn<T>(items: readonly T[], step: (item: T) => MaybePromise<void>, from = 0): MaybePromise<void> {
  for (let index = from; index < items.length; index++) {
    const done = step(items[index] as T);
    if (done instanceof Promise) return done.then(() => eachInTurn(items, step, index + 1));
  }
  return undefined;
}
