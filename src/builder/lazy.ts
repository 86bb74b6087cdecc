declare const RELATED: unique symbol;

/**
 * A relation of a row, loaded when awaited: `await post.author`, `await author.posts`. It loads
 * once per row (later awaits give the same value) through the database or transaction that
 * produced the row; `refresh()` loads it again. It is not data: it lives on the row's prototype,
 * so `JSON.stringify`, `Object.keys`, spread, `add` and `update` never see it.
 */
export interface Lazy<T> extends PromiseLike<T> {
  /** Only for the type checker: what awaiting gives. */
  readonly [RELATED]?: T;
  /** Loads the relation again (the related rows may have changed); later awaits give the new value. */
  refresh(): Promise<T>;
}
