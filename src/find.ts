import { NoResultError, QueryError } from "./errors.js";
import type { DriverCapabilities, DriverSession, StoredRow } from "./driver.js";
import type { DataKeys } from "./builder/handle.js";
import type { ModelMeta } from "./model/meta.js";
import { attachRelations, type RowSource } from "./relations/attach.js";
import { includeRelations, mergeSpecs, planInclude, type IncludePlan } from "./relations/include.js";
import type { LoadContext } from "./relations/load.js";
import type { ExactInclude, IncludeSpec, Included } from "./relations/types.js";
import { hydrateAll } from "./rows.js";
import { validatePatch } from "./validate.js";
import { rowsAfter, totalOrder } from "./query/keyset.js";
import { and, query, type QueryNode } from "./query/nodes/index.js";
import { prepareQuery, type PreparedQuery } from "./query/prepare.js";
import { AsyncResult } from "./result.js";
import { timeoutProblem } from "./util/timeouts.js";

/** The fields an update may set, each with its own type. */
export type UpdatePatch<R> = { [K in DataKeys<R>]?: R[K] };

export interface IterateOptions {
  /** Rows fetched per round trip; 1,000 unless given. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 1000;

/**
 * The rows a query selects (`R`, with the relations `include` loads), and what can be done with
 * them; `Data` is the model's own row, whose fields `update` sets. Each operation runs when called and
 * returns an `AsyncResult`; iterating (`for await`) streams the rows in batches.
 */
export class Find<R, Data = R> implements AsyncIterable<R> {
  readonly #session: () => DriverSession;
  readonly #node: QueryNode;
  readonly #capabilities: DriverCapabilities;
  readonly #timeout: number | undefined;
  readonly #source: RowSource;
  readonly #include: { readonly spec: unknown; readonly plan: IncludePlan } | undefined;

  constructor(
    session: () => DriverSession,
    node: QueryNode,
    capabilities: DriverCapabilities = {},
    timeout?: number,
    source: RowSource = { session },
    include?: { readonly spec: unknown; readonly plan: IncludePlan },
  ) {
    this.#session = session;
    this.#node = node;
    this.#capabilities = capabilities;
    this.#timeout = timeout;
    this.#source = source;
    this.#include = include;
  }

  /**
   * The same rows with these relations loaded: `include({ author: true, comments: { author: true } })`.
   * Each is a plain value on the row (a row or null, or an array), loaded for all rows with a
   * fixed number of queries per relation (one, two through an association model), whatever the
   * number of rows. A name that is no relation of the model is a `QueryError`.
   */
  include<const S extends IncludeSpec<R>>(spec: S & ExactInclude<S, R>): Find<Included<R, S>, Data> {
    const merged = this.#include ? mergeSpecs(this.#include.spec, spec) : spec;
    const plan = planInclude(this.#node.model, merged);
    return new Find<Included<R, S>, Data>(this.#session, this.#node, this.#capabilities, this.#timeout, this.#source, { spec: merged, plan });
  }

  /**
   * The same rows, with every statement its operations run limited to `ms` milliseconds: the
   * database stops one that runs longer, and the operation fails with a `TimeoutError` (limit
   * "statement"). Inside a transaction that aborts the transaction. Databases that cannot stop
   * a running statement (SQLite) fail the operation with a `QueryError` before it runs.
   */
  timeout(ms: number): Find<R, Data> {
    return new Find<R, Data>(this.#session, this.#node, this.#capabilities, ms, this.#source, this.#include);
  }

  /** `node` prepared for the driver, with this find's timeout (checked) when it has one. */
  #prepare(node: QueryNode, limit?: number): PreparedQuery {
    const prepared = prepareQuery(node, limit);
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

  /** Every matching row. */
  all(): AsyncResult<R[]> {
    return new AsyncResult(() => this.#session().fetch(this.#prepare(this.#node)).then((rows) => this.#rows(rows)));
  }

  /** The rows users get: hydrated, with their relations, and those to include loaded (only then is there something to wait for). */
  #rows(stored: StoredRow[]): R[] | Promise<R[]> {
    const { model } = this.#node;
    const rows = hydrateAll<R & object>(model, stored);
    if (!this.#include) return attachRelations(model, rows, this.#source);
    const attach = (related: ModelMeta, loaded: object[]) => void attachRelations(related, loaded, this.#source);
    return includeRelations(rows, this.#include.plan, this.#loading(), attach).then(() => attachRelations(model, rows, this.#source));
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
    return new AsyncResult(() =>
      this.#session()
        .fetch(this.#prepare(this.#node, 1))
        .then((rows) => {
          if (!rows[0]) throw new NoResultError(`No ${model.name} matches the query`);
          const found = this.#rows(rows.length === 1 ? rows : rows.slice(0, 1));
          return Array.isArray(found) ? (found[0] as R) : found.then((loaded) => loaded[0] as R);
        }),
    );
  }

  /** How many rows match (within the limit and offset, when the query has them). */
  count(): AsyncResult<number> {
    return new AsyncResult(() => this.#session().count(this.#prepare(this.#node)));
  }

  /** Sets the given fields on every matching row; the value is the number of rows changed. */
  update(patch: UpdatePatch<Data>): AsyncResult<number> {
    return new AsyncResult(async () => {
      const prepared = this.#prepare(this.#node);
      return this.#session().update(prepared, await validatePatch(this.#node.model, patch));
    });
  }

  /** Deletes every matching row; the value is the number of rows deleted. */
  delete(): AsyncResult<number> {
    return new AsyncResult(() => this.#session().delete(this.#prepare(this.#node)));
  }

  /** Streams the matching rows, `batchSize` at a time. Throws the `OmmiError` of a failed batch. */
  async *iterate({ batchSize = DEFAULT_BATCH_SIZE }: IterateOptions = {}): AsyncGenerator<R, void, undefined> {
    const { model, where, limit, offset } = this.#node;
    const order = totalOrder(this.#node.sort, model.keys);
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
      const rows = await this.#session().fetch(this.#prepare(batch));
      // Relations to include load per batch: a fixed number of queries for each.
      for (const row of await this.#rows(rows)) yield row;
      if (rows.length < take) return;
      remaining -= rows.length;
      skip = 0;
      after = rowsAfter(order, rows[rows.length - 1] as StoredRow);
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<R> {
    return this.iterate();
  }
}
