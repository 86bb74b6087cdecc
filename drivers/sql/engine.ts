import type { ModelMeta, PreparedPatch, PreparedQuery, RawStatement, Reference, StatementObserver, StoredRow, UpsertConflict } from "../../src/kit/driver.js";
import type { Atomically } from "./connection.js";
import { CompiledStatement } from "./compiled.js";
import { checkDerivedNames, completeTable, createTable, dropTable, indexNamesOf, referencedFirst } from "./ddl.js";
import { addForeignKey, cycleClosing, dropForeignKey, foreignKeyName, referencesMadeLater, uncoupleCycles } from "./foreign-keys.js";
import type { SqlDialect } from "./dialect.js";
import type { SQL } from "./drizzle.js";
import { after, eachInTurn, type MaybePromise } from "./maybe-promise.js";
import { compileRaw, RawStatements, rawValues, type RawResult } from "./raw.js";
import { observedRunner } from "./observed-runner.js";
import { PreparedShape, type EngineShape, type ShapeContext } from "./prepared.js";
import { RowMappers } from "./row-mapper.js";
import { allRefusals } from "./refusals.js";
import type { Refusals, StatementRunner } from "./runner.js";
import { StatementCache } from "./statement-cache.js";
import { StatementSet } from "./statement-set.js";
import { StatementBuilder } from "./statements.js";
import { unionRefusals } from "./union-refusal.js";
import { conflictShape } from "./upsert.js";

/** What a session asks of the engine: every operation, on the statements `on` its turn gave it. */
export interface Engine<H> {
  readonly refusals: Refusals;
  add(on: H, atomically: Atomically<H>, model: ModelMeta, rows: readonly StoredRow[]): MaybePromise<StoredRow[]>;
  fetch(on: H, query: PreparedQuery): MaybePromise<StoredRow[]>;
  count(on: H, query: PreparedQuery): MaybePromise<number>;
  update(on: H, query: PreparedQuery, patch: PreparedPatch): MaybePromise<number>;
  updateReturning(on: H, query: PreparedQuery, patch: PreparedPatch): MaybePromise<StoredRow[]>;
  upsert(on: H, atomically: Atomically<H>, model: ModelMeta, rows: readonly StoredRow[], conflict: UpsertConflict): MaybePromise<(StoredRow | undefined)[]>;
  delete(on: H, query: PreparedQuery): MaybePromise<number>;
  applySchema(atomically: Atomically<H>, models: readonly ModelMeta[]): MaybePromise<void>;
  deleteSchema(atomically: Atomically<H>, models: readonly ModelMeta[]): MaybePromise<void>;
  /** Runs a statement the user wrote (`db.sql`): the columns and rows it gives, unmapped. */
  raw(on: H, statement: RawStatement, model: ModelMeta | undefined): MaybePromise<RawResult>;
  /** Its rows mapped to the model's fields (see raw.ts), or records without a model; outside the statement's run, so a mismatch dooms no transaction. */
  rawRows(result: RawResult, model: ModelMeta | undefined): StoredRow[];
  /** Hands every statement to `observer` from now on (undefined: stops); see Driver.observe. */
  observe?(observer: StatementObserver | undefined): void;
  /** One query shape's operations, their statements found once for many calls (prepared.ts). */
  prepare(query: PreparedQuery): EngineShape<H>;
  /** The database's own refusal of query values (PostgreSQL's), if it has one: prepared calls skip building the query otherwise. */
  readonly refusesQueries: boolean;
}

/**
 * The statements Ommi runs on a SQL database, over its runner (runner.ts): each compiled once per
 * query shape and kept in the form the database runs it, each model's INSERT likewise, rows
 * mapped by one generated mapper per model. Works synchronously where the runner does (SQLite).
 */
export class SqlEngine<H, P extends object, I extends object> implements Engine<H> {
  readonly refusals: Refusals;
  readonly #builder: StatementBuilder;
  readonly #statements: StatementSet<P>;
  readonly #inserts = new StatementCache<I>();
  readonly #upserts = new StatementCache<I>();
  readonly #mappers: RowMappers;
  /** The dialect's runner; `runner` is it, or it observed (see observe). */
  readonly #plain: StatementRunner<H, P, I>;
  readonly #raw: RawStatements<P>;

  /** `schemaOf` names the schema of every table; it is asked once, when the first statement is built. */
  constructor(
    dialect: SqlDialect,
    schemaOf: () => string,
    private runner: StatementRunner<H, P, I>,
  ) {
    this.#plain = runner;
    // Those of every SQL database (see union-refusal.ts) first, then the database's own.
    this.refusals = allRefusals(unionRefusals, runner.refusals ?? {});
    this.#builder = new StatementBuilder(dialect, schemaOf);
    this.#statements = new StatementSet<P>(this.#builder, (compiled, kind, model) => this.runner.prepare(compiled, kind, model));
    this.#mappers = new RowMappers((model) => runner.decoders(model));
    this.#raw = new RawStatements<P>(
      (statement, model) => this.runner.prepareRaw(compileRaw(dialect, this.#builder.tables, statement), model),
      (model) => runner.decoders(model),
    );
  }

  get refusesQueries(): boolean {
    return this.refusals.query !== undefined;
  }

  /** One query shape's statements and mapper, found once for the many calls of a prepared query (prepared.ts). */
  prepare(query: PreparedQuery): EngineShape<H> {
    this.#shapes ??= { runner: () => this.runner, statements: this.#statements, mappers: this.#mappers };
    return new PreparedShape<H, P>(query, this.#shapes);
  }

  #shapes: ShapeContext<H, P> | undefined;

  fetch(on: H, query: PreparedQuery): MaybePromise<StoredRow[]> {
    const { runner } = this;
    const { model } = query.node;
    if (runner.firstRow && query.node.limit === 1 && !query.offset) {
      const row = runner.firstRow(on, this.#statements.first(query), query.values);
      return row instanceof Promise ? row.then((first) => this.#one(query, first)) : this.#one(query, row);
    }
    // Mapped without a callback where the rows are there already: this is the hot path.
    const rows = runner.rows(on, this.#statements.select(query), query.values);
    return rows instanceof Promise ? rows.then((all) => this.#mappers.mapAll(model, all, query.fields)) : this.#mappers.mapAll(model, rows, query.fields);
  }

  raw(on: H, statement: RawStatement, model: ModelMeta | undefined): MaybePromise<RawResult> {
    return this.runner.rawResult(on, this.#raw.of(statement, model), rawValues(statement));
  }

  rawRows(result: RawResult, model: ModelMeta | undefined): StoredRow[] {
    return this.#raw.rows(result, model);
  }

  #one(query: PreparedQuery, row: unknown[] | undefined): StoredRow[] {
    return row ? [this.#mappers.of(query.node.model, query.fields)(row)] : [];
  }

  count(on: H, query: PreparedQuery): MaybePromise<number> {
    return this.runner.count(on, this.#statements.count(query), query.values);
  }

  update(on: H, query: PreparedQuery, patch: PreparedPatch): MaybePromise<number> {
    return this.runner.changes(on, this.#statements.update(query, patch), query.values, patch.values);
  }

  delete(on: H, query: PreparedQuery): MaybePromise<number> {
    return this.runner.changes(on, this.#statements.delete(query), query.values);
  }

  updateReturning(on: H, query: PreparedQuery, patch: PreparedPatch): MaybePromise<StoredRow[]> {
    const { model } = query.node;
    return after(this.runner.rows(on, this.#statements.updateReturning(query, patch), query.values, patch.values), (rows) => this.#mappers.mapAll(model, rows));
  }

  upsert(on: H, atomically: Atomically<H>, model: ModelMeta, rows: readonly StoredRow[], conflict: UpsertConflict): MaybePromise<(StoredRow | undefined)[]> {
    return after(this.runner.upsert(on, atomically, model, rows, conflict, this.#upsertOf), (stored) => {
      const map = this.#mappers.of(model);
      return stored.map((row) => (row ? map(row) : undefined));
    });
  }

  /** The model's upsert for one conflict shape, prepared on first use. */
  readonly #upsertOf = (model: ModelMeta, conflict: UpsertConflict): I => {
    const key = conflictShape(model, conflict);
    return this.#upserts.find(key) ?? this.#upserts.add(key, this.runner.prepareUpsert(model, conflict, this.#builder));
  };

  add(on: H, atomically: Atomically<H>, model: ModelMeta, rows: readonly StoredRow[]): MaybePromise<StoredRow[]> {
    return this.runner.insert(on, atomically, model, rows, this.#insertOf);
  }

  /** The model's INSERT, prepared on first use (a bound function: no closure per call). */
  readonly #insertOf = (model: ModelMeta): I => {
    const key = String(model.id);
    return this.#inserts.find(key) ?? this.#inserts.add(key, this.runner.prepareInsert(model, this.#builder));
  };

  /**
   * Creates what is missing, in one transaction: tables (referenced ones first), then their
   * missing columns and indexes, then the foreign keys that name a table created after theirs
   * (see referencesMadeLater).
   */
  applySchema(atomically: Atomically<H>, models: readonly ModelMeta[]): MaybePromise<void> {
    return atomically((on) => {
      checkDerivedNames(models);
      // Refuses a schema that cannot hold Ommi's tables before anything is created (see Tables.schema).
      void this.#builder.tables.schema;
      const ordered = referencedFirst(models);
      const later = referencesMadeLater(this.#builder.dialect, ordered);
      return after(this.runner.beforeSchema?.(on), () =>
        after(
          eachInTurn(ordered, (model) => this.#createOrComplete(on, model, later)),
          () => eachInTurn([...later], (reference) => this.#addForeignKeyOnce(on, reference)),
        ),
      );
    });
  }

  #createOrComplete(on: H, model: ModelMeta, later: ReadonlySet<Reference>): MaybePromise<void> {
    const { tables } = this.#builder;
    return after(this.#execute(on, createTable(tables, model, later)), () =>
      after(this.runner.columnsOf(on, tables.nameOf(model)), (has) =>
        after(this.#indexesOf(on, model), (hasIndex) => eachInTurn(completeTable(tables, model, has, later, hasIndex), (statement) => this.#execute(on, statement))),
      ),
    );
  }

  /**
   * Which of the model's indexes its table has, where the database cannot say IF NOT EXISTS
   * (see SqlDialect.indexCount): each counted by name. Elsewhere none is looked up.
   */
  #indexesOf(on: H, model: ModelMeta): MaybePromise<((index: string) => boolean) | undefined> {
    const { tables } = this.#builder;
    const { indexCount } = tables.dialect;
    if (!indexCount) return undefined;
    const found = new Set<string>();
    const counted = eachInTurn(indexNamesOf(tables, model), (index) =>
      after(this.#count(on, model, indexCount(tables.nameOf(model), index)), (count) => {
        if (count > 0) found.add(index);
      }),
    );
    return after(counted, () => (index: string) => found.has(index));
  }

  /** Adds the reference's foreign key unless its table has a constraint of that name: it was made on an earlier start. */
  #addForeignKeyOnce(on: H, reference: Reference): MaybePromise<void> {
    const { tables } = this.#builder;
    const count = tables.dialect.constraintCount?.(tables.nameOf(reference.model), foreignKeyName(reference));
    if (!count) return undefined;
    return after(this.#count(on, reference.model, count), (found) => (found > 0 ? undefined : this.#execute(on, addForeignKey(tables, reference))));
  }

  /** Runs a statement that counts (a catalog query), its values bound as constants of the compiled statement. */
  #count(on: H, model: ModelMeta, statement: SQL): MaybePromise<number> {
    const { sql: text, params } = this.#builder.dialect.toQuery(statement);
    const compiled = new CompiledStatement(text, params, new Map());
    return this.runner.count(on, this.runner.prepare(compiled, "count", model), []);
  }

  /** Drops the models' tables (those that refer to others first, cycles uncoupled) in one transaction, then forgets their statements. */
  deleteSchema(atomically: Atomically<H>, models: readonly ModelMeta[]): MaybePromise<void> {
    const { tables } = this.#builder;
    const ordered = referencedFirst(models);
    const drops = [...ordered].reverse().map((model) => dropTable(tables, model));
    const dropped = atomically((on) => after(this.#uncoupleCycles(on, ordered), () => eachInTurn(drops, (statement) => this.#execute(on, statement))));
    return after(dropped, () => this.#forgetStatements());
  }

  /**
   * What lets the tables of cycles of references be dropped one by one (see uncoupleCycles). Where
   * the database has no IF EXISTS (see SqlDialect.indexCount), a foreign key is dropped only where
   * its table has it.
   */
  #uncoupleCycles(on: H, ordered: readonly ModelMeta[]): MaybePromise<void> {
    const { tables } = this.#builder;
    const { dialect } = tables;
    if (!dialect.indexCount || !dialect.constraintCount) return eachInTurn(uncoupleCycles(tables, ordered), (statement) => this.#execute(on, statement));
    return eachInTurn(cycleClosing(ordered), (reference) => {
      const count = dialect.constraintCount?.(tables.nameOf(reference.model), foreignKeyName(reference));
      return count ? after(this.#count(on, reference.model, count), (found) => (found > 0 ? this.#execute(on, dropForeignKey(tables, reference)) : undefined)) : undefined;
    });
  }

  /** Forgets every statement kept, e.g. after tables were dropped: each is prepared again on first use. */
  #forgetStatements(): void {
    this.#statements.clear();
    this.#inserts.clear();
    this.#raw.clear();
    this.#upserts.clear();
  }

  /**
   * Hands every statement to `observer` from now on, or stops (undefined), by running them through
   * an observing runner (observed-runner.ts) or the plain one: unobserved, nothing is added to any
   * statement's path. Statements kept so far are forgotten, to be prepared again, and so described,
   * through the observing runner.
   */
  observe(observer: StatementObserver | undefined): void {
    this.runner = observer ? observedRunner(this.#plain, observer) : this.#plain;
    this.#forgetStatements();
  }

  #execute(on: H, statement: SQL): MaybePromise<void> {
    const { sql: text, params } = this.#builder.dialect.toQuery(statement);
    return this.runner.execute(on, text, params);
  }
}
