/**
 * Marks an increment among an update's values. A symbol, not the `kind` alone: a structured
 * field may hold any plain object, `{ kind: "increment", amount: 1 }` included, and that must be
 * stored as it is. `Symbol.for`, so that two copies of Ommi loaded in one process agree.
 */
const INCREMENT = Symbol.for("ommi.increment");

/**
 * An update value that adds `amount` to the value stored in the field, computed by the database
 * in the update itself (SQL `SET c = c + ?`, MongoDB `$inc`): atomic, with no read before the
 * write. A null stored value stays null. `T` is `number` for integer and float fields, `bigint`
 * for bigint fields.
 */
export interface IncrementNode<T extends number | bigint = number | bigint> {
  readonly kind: "increment";
  readonly amount: T;
  readonly [INCREMENT]: true;
}

/** `increment(1)` in an update: `db.find(q).update({ visits: increment(1) })`; `increment(-1)` subtracts. */
export function increment(amount: number): IncrementNode<number>;
export function increment(amount: bigint): IncrementNode<bigint>;
export function increment(amount: number | bigint): IncrementNode {
  return Object.freeze({ kind: "increment", amount, [INCREMENT]: true } as const);
}

/** Whether an update value is an increment rather than a value to store. */
export function isIncrement(value: unknown): value is IncrementNode {
  return typeof value === "object" && value !== null && (value as Partial<IncrementNode>)[INCREMENT] === true;
}
