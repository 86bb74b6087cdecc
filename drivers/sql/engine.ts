import type { ModelMeta, PreparedPatch, PreparedQuery, Reference, StoredRow } from "../../src/kit/driver.js";
import type { Atomically } from "./connection.js";
import { CompiledStatement } from "./compiled.js";
import { checkDerivedNames, completeTable, createTable, dropTable, referencedFirst } from "./ddl.js";
import { addForeignKey, foreignKeyName, referencesMadeLater, uncoupleCycles } from "./foreign-keys.js";
import type { SqlDialect } from "./dialect.js";
import type { SQL } from "./drizzle.js";
import { after, eachInTurn, type MaybePromise } from "./maybe-promise.js";
import { RowMappers } from "./row-mapper.js";
import type { Refusals, StatementRunner } from "./runner.js";
import { StatementCache } from "./statement-cache.js";
import { StatementSet } from "./statement-set.js";
import { StatementBuilder } from "./statements.js";
import { unionRefusals } from "./union-refusal.js";

/** What a session asks of the engine: every operation, on the statements `on` its turn gave it. */
export interface Engine<H> {
  readonly refusals: Refusals;
  add(on: H, atomically: Atomically<H>, model: ModelMeta, rows: readonly StoredRow[]): MaybePromise<StoredRow[]>;
  fetch(on: H, query: PreparedQuery): MaybePromise<StoredRow[]>;
  count(on: H, query: PreparedQuery): MaybePromise<number>;
  update(on: H, query: PreparedQuery, patch: PreparedPatch): MaybePromise<number>;
  delete(on: H, query: PreparedQuery): MaybePromise<number>;
  applySchema(atomically: Atomically<H>, models: readonly ModelMeta[]): MaybePromise<void>;
  deleteSchema(atomically: Atomically<H>, models: readonly ModelMeta[]): MaybePromise<void>;
}

/**
 * The statements Ommi runs on a SQL database, over its runner (runner.ts): each compiled once per
 * query shape and kept in the form the database runs it, each model's INSERT likewise, rows
 * mapped by one generated mapper per model. Works synchronously where the runner does (SQLite).
 */
export class SqlEngine<H, P, I> implements Engine<H> {
  readonly refusals: Refusals;
  readonly #builder: StatementBuilder;
  readonly #statements: StatementSet<P>;
  readonly #inserts = new StatementCache<I>();
  readonly #mappers: RowMappers;

  /** `schemaOf` names the schema of every table; it is asked once, when the first statement is built. */
  constructor(
    dialect: SqlDialect,
    schemaOf: () => string,
    private readonly runner: StatementRunner<H, P, I>,
  ) {
    this.refusals = withSharedRefusals(runner.refusals ?? {});
    this.#builder = new StatementBuilder(dialect, schemaOf);
    this.#statements = new StatementSet<P>(this.#builder, (compiled, kind, model) => runner.prepare(compiled, kind, model));
    this.#mappers = new RowMappers((model) => runner.decoders(model));
  }

  fetch(on: H, query: PreparedQuery): MaybePromise<StoredRow[]> {
    const { runner } = this;
    const { model } = query.node;
    if (runner.firstRow && query.node.limit === 1 && !query.offset) {
      const row = runner.firstRow(on, this.#statements.first(query), query.values);
      return row instanceof Promise ? row.then((first) => this.#one(model, first)) : this.#one(model, row);
    }
    // Mapped without a callback where the rows are there already: this is the hot path.
    const rows = runner.rows(on, this.#statements.select(query), query.values);
    return rows instanceof Promise ? rows.then((all) => this.#mappers.mapAll(model, all)) : this.#mappers.mapAll(model, rows);
  }

  #one(model: ModelMeta, row: unknown[] | undefined): StoredRow[] {
    return row ? [this.#mappers.of(model)(row)] : [];
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
      after(this.runner.columnsOf(on, tables.nameOf(model)), (has) => eachInTurn(completeTable(tables, model, has, later), (statement) => this.#execute(on, statement))),
    );
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
    const statements = [...uncoupleCycles(tables, ordered), ...[...ordered].reverse().map((model) => dropTable(tables, model))];
    const dropped = atomically((on) => eachInTurn(statements, (statement) => this.#execute(on, statement)));
    return after(dropped, () => {
      this.#statements.clear();
      this.#inserts.clear();
    });
  }

  #execute(on: H, statement: SQL): MaybePromise<void> {
    const { sql: text, params } = this.#builder.dialect.toQuery(statement);
    return this.runner.execute(on, text, params);
  }
}

/** The runner's own refusals (the database's), after those of every SQL database (see union-refusal.ts). */
function withSharedRefusals(own: Refusals): Refusals {
  return {
    rows: (model, rows) => {
      unionRefusals.rows(model, rows);
      own.rows?.(model, rows);
    },
    patch: (model, patch) => {
      unionRefusals.patch(model, patch);
      own.patch?.(model, patch);
    },
    query: (query) => own.query?.(query),
  };
}
