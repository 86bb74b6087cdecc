/**
 * postgres.js 3.4 numbers the rows of a result with a counter it keeps per connection, and resets
 * that counter only when a statement completes. When a statement fails after sending some rows
 * (a runtime error in a row, a statement timeout or cancel, a backend terminated mid-result), the
 * next result on that connection is written from the old count on: it arrives with holes in
 * front of its rows (porsager/postgres#1119, #1181, open in 3.4.9). The rows are the statement's
 * own, in order, at the end — every result is a fresh array that only its own statement's rows
 * go into — so the holes are dropped here; Ommi's row mapper would otherwise read an undefined row.
 */

/** What postgres.js resolves a query with: its rows, and the row count from the command tag. */
interface NativeResult extends Array<unknown> {
  readonly count: number | null;
}

/** The parts of postgres.js's Query that this needs; `resolve` is its own (not in its types). */
interface NativeQuery {
  resolve: (result: NativeResult) => void;
}

/** The result without the holes a failed earlier statement left in front of its rows. */
export function withoutLeadingHoles(result: NativeResult): NativeResult {
  const { count } = result;
  if (count === null || result.length <= count) return result;
  result.copyWithin(0, result.length - count);
  result.length = count;
  return result;
}

function guarded<Q>(query: Q): Q {
  const native = query as unknown as NativeQuery;
  const resolve = native.resolve;
  native.resolve = (result) => resolve(withoutLeadingHoles(result));
  return query;
}

/** The part of postgres.js's Sql, ReservedSql and TransactionSql that this wraps. */
interface RunsUnsafe {
  unsafe(...args: never[]): unknown;
  reserve?: () => Promise<unknown>;
}

/**
 * `sql` (a pool, or a transaction's sql) whose `unsafe` queries resolve without holes, and whose
 * reserved connections do the same. All else is `sql`'s own, inherited: options, `end`, `begin`.
 */
export function withWholeResults<S>(sql: S): S {
  const native = sql as unknown as RunsUnsafe;
  const whole = Object.create(native) as RunsUnsafe;
  const unsafe = native.unsafe.bind(native) as (...args: unknown[]) => unknown;
  whole.unsafe = (...args: never[]) => guarded(unsafe(...args));
  // A reserved connection or a transaction has no `reserve` of its own.
  if (typeof native.reserve === "function") {
    const reserve = native.reserve.bind(native);
    whole.reserve = async () => withWholeResults(await reserve());
  }
  return whole as unknown as S;
}
