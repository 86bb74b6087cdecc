// (Named so that no module exports a `then`: a module namespace with `then` is a thenable, and
// `await import(...)` of it would call that function.)

/** Applies `next` now when `value` is ready, later when it is a promise: synchronous libraries stay synchronous. */
export function whenReady<T, U>(value: T | Promise<T>, next: (ready: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** `whenReady` over several values, waiting only when one of them is a promise. */
export function whenAllReady<T, U>(values: readonly (T | Promise<T>)[], next: (ready: readonly T[]) => U): U | Promise<U> {
  return values.some((value) => value instanceof Promise) ? Promise.all(values).then(next) : next(values as readonly T[]);
}
