import type Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import type { PreparedPatch, StoredRow } from "../../src/driver.js";
import type { ModelMeta } from "../../src/model/meta.js";
import type { PreparedQuery } from "../../src/query/prepare.js";
import type { CompiledStatement } from "../sql/compiled.js";
import { completeTable, createTable, dropTable, generatedKey, referencedFirst } from "../sql/ddl.js";
import { createRowRunner, type RowRunner } from "../sql/row-runner.js";
import { createRowMapper, type RowMapper } from "../sql/row-mapper.js";
import { StatementCache } from "../sql/statement-cache.js";
import { StatementBuilder } from "../sql/statements.js";
import { sqliteDialect } from "./dialect.js";

/** A statement compiled for one query shape and prepared once on the connection. */
interface Prepared {
  readonly compiled: CompiledStatement;
  readonly statement: Database.Statement<unknown[]>;
}

/**
 * The synchronous work on one better-sqlite3 connection: statements compiled once per query
 * shape and kept prepared, rows mapped by one generated mapper per model.
 */
export class SQLiteEngine {
  readonly #builder = new StatementBuilder(sqliteDialect);
  // One cache per kind of statement, keyed by the query's shape as it is: no key built per call.
  readonly #statements = {
    select: new StatementCache<Prepared>(),
    first: new StatementCache<Prepared>(),
    count: new StatementCache<Prepared>(),
    update: new StatementCache<Prepared>(),
    delete: new StatementCache<Prepared>(),
  };
  readonly #inserts = new StatementCache<{ statement: Database.Statement<unknown[]>; runRow: RowRunner }>();
  readonly #mappers = new Map<ModelMeta, RowMapper>();

  constructor(readonly db: Database.Database) {}

  fetch(query: PreparedQuery): StoredRow[] {
    if (query.node.limit === 1 && !query.offset) return this.#fetchFirst(query);
    const { compiled, statement } = this.#prepare(this.#statements.select, query.key, query.node.model, () => this.#builder.select(query), "rows");
    const rows = statement.all(...compiled.bind(query.values)) as unknown[][];
    const map = this.#mapper(query.node.model);
    const result = new Array<StoredRow>(rows.length);
    for (let index = 0; index < rows.length; index++) result[index] = map(rows[index] as unknown[]);
    return result;
  }

  /** At most one row: the statement is stepped once (see StatementBuilder.selectFirst). */
  #fetchFirst(query: PreparedQuery): StoredRow[] {
    const { compiled, statement } = this.#prepare(this.#statements.first, query.key, query.node.model, () => this.#builder.selectFirst(query), "rows");
    const row = statement.get(...compiled.bind(query.values)) as unknown[] | undefined;
    return row ? [this.#mapper(query.node.model)(row)] : [];
  }

  count(query: PreparedQuery): number {
    const { compiled, statement } = this.#prepare(this.#statements.count, query.key, query.node.model, () => this.#builder.count(query), "value");
    return Number(statement.get(...compiled.bind(query.values)));
  }

  update(query: PreparedQuery, patch: PreparedPatch): number {
    const key = `${patch.fields.map((field) => field.index).join(",")}:${query.key}`;
    const { compiled, statement } = this.#prepare(this.#statements.update, key, query.node.model, () => this.#builder.update(query, patch), "run");
    return statement.run(...compiled.bind(query.values, patch.values)).changes;
  }

  delete(query: PreparedQuery): number {
    const { compiled, statement } = this.#prepare(this.#statements.delete, query.key, query.node.model, () => this.#builder.delete(query), "run");
    return statement.run(...compiled.bind(query.values)).changes;
  }

  /**
   * One prepared single-row INSERT, run for every row inside one transaction (a savepoint when
   * one is open): with SQLite in-process, that is as fast as a multi-row statement and never
   * meets the bound-parameter limit. Generated keys come from `lastInsertRowid`.
   */
  add(model: ModelMeta, rows: readonly StoredRow[]): StoredRow[] {
    const { statement, runRow } = this.#inserts.get(`insert:${model.id}`, () => ({
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
    this.db.transaction(() => {
      for (const model of referencedFirst(models)) {
        this.#execute(createTable(sqliteDialect, model));
        const existing = new Set(
          (this.db.prepare("SELECT name FROM pragma_table_info(?)").pluck().all(model.name) as string[]).map((name) => name.toLowerCase()),
        );
        for (const statement of completeTable(sqliteDialect, model, (column) => existing.has(column.toLowerCase()))) this.#execute(statement);
      }
    })();
  }

  deleteSchema(models: readonly ModelMeta[]): void {
    this.db.transaction(() => {
      for (const model of referencedFirst(models).reverse()) this.#execute(dropTable(model));
    })();
    for (const cache of Object.values(this.#statements)) cache.clear();
    this.#inserts.clear();
  }

  #execute(statement: SQL): void {
    const { sql: text, params } = sqliteDialect.toQuery(statement);
    this.db.prepare(text).run(...params);
  }

  #prepare(cache: StatementCache<Prepared>, key: string, model: ModelMeta, compile: () => CompiledStatement, use: "rows" | "value" | "run"): Prepared {
    return cache.get(key, () => {
      const compiled = compile();
      const statement = this.db.prepare<unknown[]>(compiled.text);
      if (use === "rows") statement.raw(true);
      if (use === "value") statement.pluck(true);
      if (use !== "run" && hasBigint(model)) statement.safeIntegers(true);
      return { compiled, statement };
    });
  }

  #mapper(model: ModelMeta): RowMapper {
    let mapper = this.#mappers.get(model);
    if (!mapper) {
      // With safeIntegers on (bigint fields), every INTEGER column comes back as a bigint.
      const decode = hasBigint(model) ? { ...sqliteDialect.decode, integer: Number } : sqliteDialect.decode;
      this.#mappers.set(model, (mapper = createRowMapper(model, decode)));
    }
    return mapper;
  }
}

function hasBigint(model: ModelMeta): boolean {
  return model.fields.some((field) => field.type === "bigint");
}

