/** Applies `next` now when `value` is ready, later when it is a promise: synchronous libraries stay synchronous. */
export function then<T, U>(value: T | Promise<T>, next: (ready: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** `then` over several values, waiting only when one of them is a promise. */
export function thenAll<T, U>(values: readonly (T | Promise<T>)[], next: (ready: readonly T[]) => U): U | Promise<U> {
  return values.some((value) => value instanceof Promise) ? Promise.all(values).then(next) : next(values as readonly T[]);
}
