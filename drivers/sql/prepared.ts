import type { ModelMeta, PreparedOperations, PreparedPatch, PreparedQuery, StoredRow } from "../../src/kit/driver.js";
import type { MaybePromise } from "./maybe-promise.js";
import type { RowMapper, RowMappers } from "./row-mapper.js";
import type { StatementRunner } from "./runner.js";
import type { StatementKind, StatementSet } from "./statement-set.js";

// Prepared queries (`find(...).prepare()`, DriverSession.prepare) on SQL databases. A call of a
// prepared query is a bind and a step: the statement and the row mapper that SqlEngine finds for
// every call of `fetch`, `count`, `update` and `delete` (a lookup by the query's shape key) are
// found here once per shape, and asked for again only after the engine forgot its statements
// (tables dropped, statements observed from now on: see StatementSet.generation).

/** What a shape takes from its engine. */
export interface ShapeContext<H, P> {
  /** The runner in use now: the dialect's, or it observed (SqlEngine.observe). */
  runner(): StatementRunner<H, P, unknown>;
  readonly statements: StatementSet<P>;
  readonly mappers: RowMappers;
}

/** The operations of one query shape on a connection's statements (`on`), with each call's values. */
export interface EngineShape<H> {
  fetch(on: H, values: readonly unknown[]): MaybePromise<StoredRow[]>;
  count(on: H, values: readonly unknown[]): MaybePromise<number>;
  update(on: H, values: readonly unknown[], patch: PreparedPatch): MaybePromise<number>;
  delete(on: H, values: readonly unknown[]): MaybePromise<number>;
}

/** Statements of one kind: the kinds a shape keeps (an update's depends on its patch too, so it is looked up per call). */
type KeptKind = Exclude<StatementKind, "update" | "updateReturning">;

/** What SqlEngine does for a query, with its statements and row mapper found once. */
export class PreparedShape<H, P> implements EngineShape<H> {
  readonly #context: ShapeContext<H, P>;
  readonly #query: PreparedQuery;
  readonly #model: ModelMeta;
  /** Whether a fetch reads the first row only (SqlEngine.fetch's test, which is one of the shape). */
  readonly #readsFirst: boolean;
  #kept: Partial<Record<KeptKind, P>> = {};
  #generation: number;
  #map: RowMapper | undefined;

  constructor(query: PreparedQuery, context: ShapeContext<H, P>) {
    this.#context = context;
    this.#query = query;
    this.#model = query.node.model;
    this.#readsFirst = query.node.limit === 1 && !query.offset;
    this.#generation = context.statements.generation;
  }

  fetch(on: H, values: readonly unknown[]): MaybePromise<StoredRow[]> {
    const runner = this.#context.runner();
    if (this.#readsFirst && runner.firstRow) {
      const row = runner.firstRow(on, this.#statement("first"), values);
      return row instanceof Promise ? row.then((first) => this.#one(first)) : this.#one(row);
    }
    const rows = runner.rows(on, this.#statement("select"), values);
    return rows instanceof Promise ? rows.then((all) => this.#all(all)) : this.#all(rows);
  }

  count(on: H, values: readonly unknown[]): MaybePromise<number> {
    return this.#context.runner().count(on, this.#statement("count"), values);
  }

  update(on: H, values: readonly unknown[], patch: PreparedPatch): MaybePromise<number> {
    return this.#context.runner().changes(on, this.#context.statements.update(this.#query, patch), values, patch.values);
  }

  delete(on: H, values: readonly unknown[]): MaybePromise<number> {
    return this.#context.runner().changes(on, this.#statement("delete"), values);
  }

  #statement(kind: KeptKind): P {
    const { statements } = this.#context;
    if (this.#generation !== statements.generation) {
      this.#kept = {};
      this.#generation = statements.generation;
    }
    return (this.#kept[kind] ??= statements[kind](this.#query));
  }

  #mapper(): RowMapper {
    return (this.#map ??= this.#context.mappers.of(this.#model, this.#query.fields));
  }

  #one(row: unknown[] | undefined): StoredRow[] {
    return row ? [this.#mapper()(row)] : [];
  }

  #all(rows: readonly unknown[][]): StoredRow[] {
    const map = this.#mapper();
    const mapped = new Array<StoredRow>(rows.length);
    for (let index = 0; index < rows.length; index++) mapped[index] = map(rows[index] as unknown[]);
    return mapped;
  }
}

/**
 * Runs work as a session runs its operations: in its turn, errors made Ommi errors (SqlSession's
 * #runWhenClear). Work done at once (SQLite) gives its value, or throws, at once.
 */
export type SessionRun<H> = <T>(action: string, subject: string, work: (on: H) => MaybePromise<T>, timeout: number | undefined) => MaybePromise<T>;

/**
 * A session's prepared operations (DriverSession.prepare): each call refuses what the database
 * cannot take, as the session's own operations do, then runs the shape's statement in the
 * session's turn; on SQLite its value (or its error) comes at once, with no promise.
 * `refuseQuery` is the database's refusal of query values, when it has one.
 */
export class SqlPreparedOperations<H> implements PreparedOperations {
  readonly #subject: string;

  constructor(
    private readonly query: PreparedQuery,
    private readonly shape: EngineShape<H>,
    private readonly run: SessionRun<H>,
    private readonly refuseQuery: ((query: PreparedQuery) => void) | undefined,
    private readonly refusePatch: ((model: ModelMeta, patch: PreparedPatch) => void) | undefined,
  ) {
    this.#subject = query.node.model.name;
  }

  fetch(values: readonly unknown[]): MaybePromise<StoredRow[]> {
    this.#refuse(values);
    return this.run("finding", this.#subject, (on) => this.shape.fetch(on, values), this.query.timeout);
  }

  count(values: readonly unknown[]): MaybePromise<number> {
    this.#refuse(values);
    return this.run("counting", this.#subject, (on) => this.shape.count(on, values), this.query.timeout);
  }

  update(values: readonly unknown[], patch: PreparedPatch): MaybePromise<number> {
    this.#refuse(values);
    this.refusePatch?.(this.query.node.model, patch);
    return this.run("updating", this.#subject, (on) => this.shape.update(on, values, patch), this.query.timeout);
  }

  delete(values: readonly unknown[]): MaybePromise<number> {
    this.#refuse(values);
    return this.run("deleting", this.#subject, (on) => this.shape.delete(on, values), this.query.timeout);
  }

  #refuse(values: readonly unknown[]): void {
    // The query with this call's values, made only for a database that refuses some (PostgreSQL).
    if (this.refuseQuery) this.refuseQuery({ ...this.query, values });
  }
}
