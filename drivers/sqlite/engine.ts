import type Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import type { PreparedPatch, StoredRow } from "../../src/kit/driver.js";
import type { ModelMeta } from "../../src/kit/driver.js";
import type { PreparedQuery } from "../../src/kit/driver.js";
import type { CompiledStatement } from "../sql/compiled.js";
import { checkDerivedNames, completeTable, createTable, dropTable, generatedKey, referencedFirst } from "../sql/ddl.js";
import { createRowRunner, type RowRunner } from "../sql/row-runner.js";
import { RowMappers } from "../sql/row-mapper.js";
import { StatementSet, type StatementKind } from "../sql/statement-set.js";
import { StatementCache } from "../sql/statement-cache.js";
import { StatementBuilder } from "../sql/statements.js";
import { sqliteDialect } from "./dialect.js";

/** A statement compiled for one query shape and prepared once on the connection. */
interface Prepared {
  readonly compiled: CompiledStatement;
  readonly statement: Database.Statement<unknown[]>;
}

/**
 * The schema every statement names Ommi's tables in: the database file itself. Unqualified, a
 * name would find a TEMP table of the same name first (SQLite searches `temp` before `main`).
 */
const SCHEMA = "main";

/**
 * The synchronous work on one better-sqlite3 connection: statements compiled once per query
 * shape and kept prepared, rows mapped by one generated mapper per model.
 */
export class SQLiteEngine {
  readonly #builder = new StatementBuilder(sqliteDialect, () => SCHEMA);
  readonly #statements = new StatementSet<Prepared>(this.#builder, (compiled, kind, model) => this.#prepare(compiled, kind, model));
  readonly #inserts = new StatementCache<{ statement: Database.Statement<unknown[]>; runRow: RowRunner }>();
  // With safeIntegers on (bigint fields), every INTEGER column comes back as a bigint.
  readonly #mappers = new RowMappers((model) => (hasBigint(model) ? { ...sqliteDialect.decode, integer: Number } : sqliteDialect.decode));

  constructor(readonly db: Database.Database) {}

  fetch(query: PreparedQuery): StoredRow[] {
    if (query.node.limit === 1 && !query.offset) return this.#fetchFirst(query);
    const { compiled, statement } = this.#statements.select(query);
    return this.#mappers.mapAll(query.node.model, statement.all(...compiled.bind(query.values)) as unknown[][]);
  }

  /** At most one row: the statement is stepped once (see StatementBuilder.selectFirst). */
  #fetchFirst(query: PreparedQuery): StoredRow[] {
    const { compiled, statement } = this.#statements.first(query);
    const row = statement.get(...compiled.bind(query.values)) as unknown[] | undefined;
    return row ? [this.#mappers.of(query.node.model)(row)] : [];
  }

  count(query: PreparedQuery): number {
    const { compiled, statement } = this.#statements.count(query);
    return Number(statement.get(...compiled.bind(query.values)));
  }

  update(query: PreparedQuery, patch: PreparedPatch): number {
    const { compiled, statement } = this.#statements.update(query, patch);
    return statement.run(...compiled.bind(query.values, patch.values)).changes;
  }

  delete(query: PreparedQuery): number {
    const { compiled, statement } = this.#statements.delete(query);
    return statement.run(...compiled.bind(query.values)).changes;
  }

  /**
   * One prepared single-row INSERT, run for every row inside one transaction (a savepoint when
   * one is open): with SQLite in-process, that is as fast as a multi-row statement and never
   * meets the bound-parameter limit. Generated keys come from `lastInsertRowid`.
   */
  add(model: ModelMeta, rows: readonly StoredRow[]): StoredRow[] {
    const { statement, runRow } = this.#inserts.get(String(model.id), () => ({
      statement: this.db.prepare<unknown[]>(this.#builder.insert(model).text),
      runRow: createRowRunner(model.fields, sqliteDialect.encode),
    }));
    const generated = generatedKey(model)?.name;
    this.db.transaction(() => {
      for (const row of rows) {
        const { lastInsertRowid } = runRow(statement, row);
        if (generated && row[generated] === undefined) row[generated] = Number(lastInsertRowid);
      }
    })();
    return rows as StoredRow[];
  }

  applySchema(models: readonly ModelMeta[]): void {
    checkDerivedNames(models);
    const { tables } = this.#builder;
    this.db.transaction(() => {
      for (const model of referencedFirst(models)) {
        this.#execute(createTable(tables, model));
        const existing = new Set(this.#columnsOf(model).map((name) => name.toLowerCase()));
        for (const statement of completeTable(tables, model, (column) => existing.has(column.toLowerCase()))) this.#execute(statement);
      }
    })();
  }

  /**
   * The columns the model's table has. The PRAGMA statement, not the pragma_table_info()
   * function: a table of that name would hide the function, and the statement names the schema.
   */
  #columnsOf(model: ModelMeta): string[] {
    const { schema, name } = this.#builder.tables.nameOf(model);
    const { sql: text } = sqliteDialect.toQuery(sql`PRAGMA ${sql.identifier(schema)}.table_info(${sql.identifier(name)})`);
    return this.db.prepare(text).all().map((column) => (column as { name: string }).name);
  }

  deleteSchema(models: readonly ModelMeta[]): void {
    const { tables } = this.#builder;
    this.db.transaction(() => {
      for (const model of referencedFirst(models).reverse()) this.#execute(dropTable(tables, model));
    })();
    this.#statements.clear();
    this.#inserts.clear();
  }

  #execute(statement: SQL): void {
    const { sql: text, params } = sqliteDialect.toQuery(statement);
    this.db.prepare(text).run(...params);
  }

  /** Prepares a compiled statement once, set up for how its results are read. */
  #prepare(compiled: CompiledStatement, kind: StatementKind, model: ModelMeta): Prepared {
    const statement = this.db.prepare<unknown[]>(compiled.text);
    if (kind === "select" || kind === "first") statement.raw(true);
    if (kind === "count") statement.pluck(true);
    if ((kind === "select" || kind === "first" || kind === "count") && hasBigint(model)) statement.safeIntegers(true);
    return { compiled, statement };
  }
}

function hasBigint(model: ModelMeta): boolean {
  return model.fields.some((field) => field.type === "bigint");
}

