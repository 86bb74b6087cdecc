import { NoResultError, QueryError } from "./errors.js";
import type { DriverCapabilities, DriverSession, StoredRow } from "./driver.js";
import type { DataKeys } from "./builder/handle.js";
import type { FieldMeta, ModelMeta } from "./model/meta.js";
import { attachRelations, type RowSource } from "./relations/attach.js";
import { includeRelations, mergeSpecs, planInclude, type IncludePlan } from "./relations/include.js";
import type { LoadContext } from "./relations/load.js";
import type { ExactInclude, IncludeSpec, Included } from "./relations/types.js";
import { hydrateAll } from "./rows.js";
import { validatePatch } from "./validate.js";
import { positionOf, rowsAfter, rowsAfterPosition, totalOrder } from "./query/keyset.js";
import { decodeCursor, encodeCursor } from "./query/cursor.js";
import { withProjection } from "./query/projection.js";
import { Selection, type Chosen, type ChosenAfterInclude, type FullRow, type IncludedSelection, type Reading, type Selected } from "./selection.js";
import { and, query, type QueryNode } from "./query/nodes/index.js";
import { isIncrement, type IncrementNode } from "./query/nodes/increment.js";
import { prepareQuery, windowOf, type PreparedQuery } from "./query/prepare.js";
import { AsyncResult, type ResultOrigin } from "./result.js";
import { PreparedFind, type FindParts, type FindTarget, type PlaceholderValues } from "./prepared.js";
import { Query } from "./builder/query.js";
import { quote } from "./util/quote.js";
import { timeoutProblem } from "./util/timeouts.js";

/** The fields an update may set, each with its own type; a numeric field also takes `increment(n)`. */
export type UpdatePatch<R> = { [K in DataKeys<R>]?: R[K] | IncrementOf<R[K]> };

/**
 * What `increment()` gives for a field of type `V`: a plain number or bigint field takes one of
 * its own kind; a field of literal numbers (an enum) takes none, as no sum stays among them.
 */
export type IncrementOf<V> = [NonNullable<V>] extends [number]
  ? number extends NonNullable<V> ? IncrementNode<number> : never
  : [NonNullable<V>] extends [bigint]
    ? bigint extends NonNullable<V> ? IncrementNode<bigint> : never
    : never;

export interface UpdateOptions {
  /** Give the changed rows, as they are after the update, rather than their number. */
  readonly returning?: boolean;
}

export interface IterateOptions {
  /** Rows fetched per round trip; 1,000 unless given. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 1000;

export interface PageOptions {
  /** Rows per page: a whole number from 1. */
  size: number;
  /** The `next` of the page before; the first page when left out. */
  after?: string | undefined;
}

/** One page of rows, and the cursor of the page after it (undefined on the last page). */
export interface Page<R> {
  rows: R[];
  next: string | undefined;
}

/**
 * The rows a query selects (`R`, with the relations `include` loads), and what can be done with
 * them; `Data` is the model's own row, whose fields `update` sets. Each operation runs when called and
 * returns an `AsyncResult`; iterating (`for await`) streams the rows in batches.
 */
export class Find<R, Data = R, Sel = undefined> implements AsyncIterable<R> {
  readonly #session: () => DriverSession;
  readonly #node: QueryNode;
  readonly #capabilities: DriverCapabilities;
  readonly #timeout: number | undefined;
  readonly #source: RowSource;
  readonly #include: { readonly spec: unknown; readonly plan: IncludePlan } | undefined;
  readonly #selection: Selection | undefined;

  constructor(
    session: () => DriverSession,
    node: QueryNode,
    capabilities: DriverCapabilities = {},
    timeout?: number,
    source: RowSource = { session },
    include?: { readonly spec: unknown; readonly plan: IncludePlan },
    selection?: Selection,
  ) {
    this.#session = session;
    this.#node = node;
    this.#capabilities = capabilities;
    this.#timeout = timeout;
    this.#source = source;
    this.#include = include;
    this.#selection = selection;
  }

  /**
   * The same rows with these relations loaded: `include({ author: true, comments: { author: true } })`.
   * Each is a plain value on the row (a row or null, or an array), loaded for all rows with a
   * fixed number of queries per relation (one, two through an association model), whatever the
   * number of rows. A name that is no relation of the model is a `QueryError`.
   */
  include<const S extends IncludeSpec<FullRow<R, Sel>>>(
    spec: S & ExactInclude<S, FullRow<R, Sel>>,
  ): Find<IncludedSelection<Data, Sel, Included<FullRow<R, Sel>, S>>, Data, ChosenAfterInclude<Sel, Included<FullRow<R, Sel>, S>>> {
    const merged = this.#include ? mergeSpecs(this.#include.spec, spec) : spec;
    const plan = planInclude(this.#node.model, merged);
    return new Find(this.#session, this.#node, this.#capabilities, this.#timeout, this.#source, { spec: merged, plan }, this.#selection);
  }

  /**
   * The same rows with only these fields: `select("name", "age")` gives rows typed
   * `Pick<Row, "name" | "age">`, and reads only those columns (or document properties). A name
   * that is no field of the model is a `QueryError`. Rows are plain objects, also for class
   * models, without lazy relations; relations to include are still loaded (their join fields are
   * read, and not given). A later `select` or `omit` replaces this one. `count`, `update` and
   * `delete` ignore it.
   */
  select<K extends DataKeys<Data>>(...names: [K, ...K[]]): Find<Selected<FullRow<R, Sel>, Data, K>, Data, Chosen<FullRow<R, Sel>, K>> {
    return this.#selecting(Selection.of(this.#node.model, names, "select"));
  }

  /** The same rows without these fields (typed `Omit<Row, ...>`); otherwise as `select`. */
  omit<K extends DataKeys<Data>>(
    ...names: [K, ...K[]]
  ): Find<Selected<FullRow<R, Sel>, Data, Exclude<DataKeys<Data>, K>>, Data, Chosen<FullRow<R, Sel>, Exclude<DataKeys<Data>, K>>> {
    return this.#selecting(Selection.of(this.#node.model, names, "omit"));
  }

  #selecting<T, C>(selection: Selection): Find<T, Data, C> {
    return new Find<T, Data, C>(this.#session, this.#node, this.#capabilities, this.#timeout, this.#source, this.#include, selection);
  }

  /**
   * The same rows, with every statement its operations run limited to `ms` milliseconds: the
   * database stops one that runs longer, and the operation fails with a `TimeoutError` (limit
   * "statement"). Inside a transaction that aborts the transaction. Databases that cannot stop
   * a running statement (SQLite) fail the operation with a `QueryError` before it runs.
   */
  timeout(ms: number): Find<R, Data, Sel> {
    return new Find<R, Data, Sel>(this.#session, this.#node, this.#capabilities, ms, this.#source, this.#include, this.#selection);
  }

  /** `node` prepared for the driver, with this find's timeout (checked) when it has one, reading what `reading` reads. */
  #prepare(node: QueryNode, limit?: number, reading?: Reading): PreparedQuery {
    const prepared = withProjection(prepareQuery(node, limit), reading?.projection);
    return this.#timeout === undefined ? prepared : this.#limited(prepared, this.#timeout);
  }

  #limited(prepared: PreparedQuery, timeout: number): PreparedQuery {
    const problem = timeoutProblem("timeout", timeout);
    if (problem) throw new QueryError(`${prepared.node.model.name} query: ${problem}`);
    if (!this.#capabilities.statementTimeout) {
      throw new QueryError(`${prepared.node.model.name} query: this database cannot stop a running statement, so find(...).timeout() cannot be kept`);
    }
    return { ...prepared, timeout };
  }

  /** Names the operation and model in failure reports; the result gets the database's failure hooks. */
  #origin(operation: string): ResultOrigin {
    return { operation, model: this.#node.model.name, hooks: this.#source.failures };
  }

  /** Every matching row. */
  all(): AsyncResult<R[]> {
    return new AsyncResult(() => {
      const reading = this.#reading();
      return this.#session().fetch(this.#prepare(this.#node, undefined, reading)).then((rows) => this.#rows(rows, reading));
    }, this.#origin("find.all"));
  }

  /** What a fetch of this find reads when it has a selection: the fields chosen, and `needed` (paging's sort and key fields). */
  #reading(needed?: readonly FieldMeta[]): Reading | undefined {
    return this.#selection?.reading(this.#include?.plan, needed);
  }

  /** The rows users get: hydrated, with their relations, and those to include loaded (only then is there something to wait for). */
  #rows(stored: StoredRow[], reading?: Reading): R[] | Promise<R[]> {
    if (reading) return this.#selectedRows(stored, reading);
    const { model } = this.#node;
    const rows = hydrateAll<R & object>(model, stored);
    if (!this.#include) return attachRelations(model, rows, this.#source);
    const attach = (related: ModelMeta, loaded: object[]) => void attachRelations(related, loaded, this.#source);
    return includeRelations(rows, this.#include.plan, this.#loading(), attach).then(() => attachRelations(model, rows, this.#source));
  }

  /** Rows of a selection: plain objects of the fields chosen, with the relations included (loaded before fields read only for them go). */
  #selectedRows(stored: StoredRow[], reading: Reading): R[] | Promise<R[]> {
    const selection = this.#selection as Selection;
    const include = this.#include;
    const give = () => selection.visible(stored, reading, include?.plan) as R[];
    if (!include) return give();
    const attach = (related: ModelMeta, loaded: object[]) => void attachRelations(related, loaded, this.#source);
    return includeRelations(stored, include.plan, this.#loading(), attach).then(give);
  }

  /** Loading for include: through this find's session, with its timeout; rows get their relations after their includes. */
  #loading(): LoadContext {
    return {
      fetch: (node) => this.#session().fetch(this.#prepare(node)),
      rows: (model, stored) => hydrateAll<object>(model, stored),
    };
  }

  /** The first matching row (in sort order); fails with `NoResultError` when nothing matches. */
  one(): AsyncResult<R> {
    const { model } = this.#node;
    return new AsyncResult(() => {
      const reading = this.#reading();
      return this.#session()
        .fetch(this.#prepare(this.#node, 1, reading))
        .then((rows) => {
          if (!rows[0]) throw new NoResultError(`No ${model.name} matches the query`);
          const found = this.#rows(rows.length === 1 ? rows : rows.slice(0, 1), reading);
          return Array.isArray(found) ? (found[0] as R) : found.then((loaded) => loaded[0] as R);
        });
    }, this.#origin("find.one"));
  }

  /** How many rows match (within the limit and offset, when the query has them). */
  count(): AsyncResult<number> {
    return new AsyncResult(() => this.#session().count(this.#prepare(this.#node)), this.#origin("find.count"));
  }

  /**
   * Sets the given fields on every matching row (`increment(n)` adds to a numeric field in the
   * database); the value is the number of rows changed, or with `{ returning: true }` the changed
   * rows as they are now, as `all()` gives rows, in no particular order.
   */
  update(patch: UpdatePatch<Data>, options: UpdateOptions & { readonly returning: true }): AsyncResult<R[]>;
  update(patch: UpdatePatch<Data>, options?: UpdateOptions & { readonly returning?: false }): AsyncResult<number>;
  update(patch: UpdatePatch<Data>, options?: UpdateOptions): AsyncResult<number | R[]>;
  update(patch: UpdatePatch<Data>, options: UpdateOptions = {}): AsyncResult<number | R[]> {
    return new AsyncResult(async () => {
      const prepared = this.#prepare(this.#node);
      const validated = await validatePatch(this.#node.model, patch);
      if (!this.#capabilities.increments && validated.values.some(isIncrement)) {
        throw new QueryError(`${this.#node.model.name}: this database cannot add to stored values (increment()); set the new value instead`);
      }
      if (options.returning !== true) return this.#session().update(prepared, validated);
      const session = this.#session();
      if (!this.#capabilities.updateReturning || !session.updateReturning) {
        throw new QueryError(`${this.#node.model.name}: this database cannot give the rows an update changed (update(..., { returning: true })); find them after the update`);
      }
      // The rows come back whole: a selection gives its fields of them.
      return this.#rows(await session.updateReturning(prepared, validated), this.#reading(this.#node.model.fields));
    }, this.#origin("find.update"));
  }

  /** Deletes every matching row; the value is the number of rows deleted. */
  delete(): AsyncResult<number> {
    return new AsyncResult(() => this.#session().delete(this.#prepare(this.#node)), this.#origin("find.delete"));
  }

  /**
   * This find made ready to run many times, with the values of its placeholders given per call:
   * `db.find(User.id.eq(placeholder("id"))).prepare<{ id: number }>()`, then `.one({ id: 5 })`
   * (see PreparedFind, src/prepared.ts). `P` is the type of those values, by placeholder name.
   */
  prepare<P extends object = PlaceholderValues>(): PreparedFind<R, P, UpdatePatch<Data>> {
    return new PreparedFind<R, P, UpdatePatch<Data>>(this.#parts());
  }

  /** What a prepared find runs through: this find's session, options and rows. */
  #parts(): FindParts<R> {
    const reading = this.#reading();
    return {
      node: this.#node,
      session: this.#session,
      finish: (prepared) => {
        const projected = withProjection(prepared, reading?.projection);
        return this.#timeout === undefined ? projected : this.#limited(projected, this.#timeout);
      },
      rows: (stored) => this.#rows(stored, reading),
      origin: (operation) => this.#origin(operation),
      on: (target) => this.#on(target).#parts(),
    };
  }

  /** This find, run where `target` runs its own (its session, capabilities and relation loading). */
  #on(target: FindTarget): Find<R, Data, Sel> {
    const carrier = target.find(new Query<unknown>(query(this.#node.model)));
    if (!(carrier instanceof Find)) throw new QueryError("prepared queries run on a database (Ommi) or a transaction: on(db) or on(tx)");
    return new Find<R, Data, Sel>(carrier.#session, this.#node, carrier.#capabilities, this.#timeout, carrier.#source, this.#include, this.#selection);
  }

  /** Streams the matching rows, `batchSize` at a time. Throws the `OmmiError` of a failed batch. */
  async *iterate({ batchSize = DEFAULT_BATCH_SIZE }: IterateOptions = {}): AsyncGenerator<R, void, undefined> {
    const { model, where } = this.#node;
    const { limit, offset } = windowOf(this.#node);
    const order = totalOrder(this.#node.sort, model.keys);
    // A selection still reads the sort and key values: the next batch starts after them.
    const reading = this.#reading(order.map((entry) => entry.field));
    let remaining = limit ?? Infinity;
    // A window of no rows fetches none, but is still checked and sent as `all()` would send it,
    // so a query the database refuses fails here too rather than streaming nothing.
    if (remaining <= 0) await this.#session().fetch(this.#prepare(this.#node));
    let after: ReturnType<typeof rowsAfter>;
    let skip = offset;
    while (remaining > 0) {
      const take = Math.min(batchSize, remaining);
      const conditions = [where, after].filter((item) => item !== undefined);
      const batch = query(model, { where: conditions.length ? and(conditions) : undefined, sort: order, limit: take, offset: skip });
      const rows = await this.#session().fetch(this.#prepare(batch, undefined, reading));
      // Relations to include load per batch: a fixed number of queries for each.
      for (const row of await this.#rows(rows, reading)) yield row;
      if (rows.length < take) return;
      remaining -= rows.length;
      skip = 0;
      after = rowsAfter(order, rows[rows.length - 1] as StoredRow);
    }
  }

  /**
   * One page of rows in the query's sort (completed by the key, so that every row has one place),
   * and the cursor of the next: `page({ size: 20 })`, then `page({ size: 20, after: next })`. Each
   * page reads from where the last ended (keyset paging: the thousandth page costs what the first
   * does). `next` is undefined on the last page. A cursor is an opaque string that belongs to the
   * query that made it (its model, sort and conditions, whatever their values); another is a
   * QueryError. It holds the last row's sort and key values in readable form (not encrypted).
   * A query with a limit or offset cannot be paged.
   */
  page({ size, after }: PageOptions): AsyncResult<Page<R>> {
    return new AsyncResult(async () => {
      const { model, where, limit, offset } = this.#node;
      if (!Number.isSafeInteger(size) || size < 1) throw new QueryError(`${model.name} page(): size must be a whole number from 1, got ${quote(size)}`);
      if (limit !== undefined || offset !== 0) throw new QueryError(`${model.name} page(): the query has a limit or offset; page() windows the rows itself (drop limit())`);
      const order = totalOrder(this.#node.sort, model.keys);
      const from = after === undefined ? undefined : rowsAfterPosition(order, decodeCursor(model, where, order, after));
      const conditions = [where, from].filter((item) => item !== undefined);
      // One row more than the page tells whether another page follows.
      const batch = query(model, { where: conditions.length ? and(conditions) : undefined, sort: order, limit: size + 1 });
      const reading = this.#reading(order.map((entry) => entry.field));
      const stored = await this.#session().fetch(this.#prepare(batch, undefined, reading));
      const more = stored.length > size;
      const pageRows = more ? stored.slice(0, size) : stored;
      const next = more ? encodeCursor(model, where, order, positionOf(order, pageRows[size - 1] as StoredRow)) : undefined;
      return { rows: await this.#rows(pageRows, reading), next };
    }, this.#origin("find.page"));
  }

  [Symbol.asyncIterator](): AsyncIterator<R> {
    return this.iterate();
  }
}
