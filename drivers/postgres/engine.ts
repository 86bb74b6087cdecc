import type { SQL } from "drizzle-orm";
import type postgres from "postgres";
import type { PreparedPatch, StoredRow } from "../../src/kit/driver.js";
import { SchemaError } from "../../src/kit/driver.js";
import { quote } from "../../src/kit/driver.js";
import type { ModelMeta } from "../../src/kit/driver.js";
import type { PreparedQuery } from "../../src/kit/driver.js";
import type { CompiledStatement } from "../sql/compiled.js";
import { checkDerivedNames, completeTable, createTable, dropTable, generatedKey, referencedFirst } from "../sql/ddl.js";
import { RowMappers } from "../sql/row-mapper.js";
import { StatementSet } from "../sql/statement-set.js";
import { StatementCache } from "../sql/statement-cache.js";
import { StatementBuilder } from "../sql/statements.js";
import { postgresDialect, quoteIdentifier } from "./dialect.js";
import { insertRows } from "./insert.js";

/** A pooled connection or one reserved for a transaction: either runs statements. */
export type Connection = postgres.Sql;

/** Runs work in one transaction on one connection (the session's own, when it is one already). */
export type Atomically = <T>(work: (connection: Connection) => Promise<T>) => Promise<T>;

/** Named prepared statements: parsed and planned once per connection, then bound and run. */
const PREPARED = { prepare: true } as const;

/** Runs a compiled statement with one call's values, already encoded for the wire (hence the cast). */
function run(connection: Connection, compiled: CompiledStatement, values: readonly unknown[], patch?: readonly unknown[]) {
  return connection.unsafe(compiled.text, compiled.bind(values, patch) as postgres.ParameterOrJSON<never>[], PREPARED);
}

/** Rows per INSERT statement: bounds one message's size; the parameter count does not grow with rows. */
const ROWS_PER_INSERT = 10_000;

/**
 * The schema of Ommi's tables: the one the options name, or else a function that gives the
 * connection's `current_schema()` once the server has answered (null when no schema on its
 * search_path exists). Every statement names it (see Tables): never left to the search path.
 */
export type SchemaSource = string | (() => string | null | undefined);

const NAME_A_SCHEMA = 'name one with PostgreSQLDriver.connect({ schema: "app" }) (createModels() creates it)';

/**
 * PostgreSQL's own schemas: pg_catalog, pg_toast, pg_temp_N... (it lets nobody else create a
 * schema whose name begins with pg_), and information_schema. Ommi's tables never go there: a
 * model named pg_class in pg_catalog would be the catalog itself.
 */
function isSystemSchema(name: string): boolean {
  return name.startsWith("pg_") || name === "information_schema";
}

function schemaFrom(source: SchemaSource): string {
  const schema = typeof source === "string" ? source : source();
  if (schema === undefined) throw new Error("the current schema is known only once the server has answered");
  if (schema === null) {
    throw new SchemaError(`PostgreSQL gives this connection no current schema (no schema on its search_path exists), so Ommi does not know where its tables are: ${NAME_A_SCHEMA}`);
  }
  if (isSystemSchema(schema)) {
    const whose = typeof source === "string" ? "The schema option names" : "This connection's current schema (the first on its search_path) is";
    throw new SchemaError(`${whose} ${quote(schema)}, a schema of PostgreSQL's own, which cannot hold Ommi's tables: ${NAME_A_SCHEMA}`);
  }
  return schema;
}

/**
 * The statements Ommi runs on PostgreSQL, on whichever connection a session gives: compiled
 * once per query shape (the text is the same for every connection, and postgres.js prepares
 * it once on each), rows mapped by one generated mapper per model.
 */
export class PostgreSQLEngine {
  readonly #builder: StatementBuilder;
  // postgres.js prepares statements itself, per connection: what is kept is the compiled text.
  readonly #statements: StatementSet<CompiledStatement>;
  readonly #inserts = new StatementCache<CompiledStatement>();
  readonly #mappers = new RowMappers(() => postgresDialect.decode);

  /** Nothing is asked of `schema` until the first statement is built, after the server has answered. */
  constructor(schema: SchemaSource) {
    this.#builder = new StatementBuilder(postgresDialect, () => schemaFrom(schema));
    this.#statements = new StatementSet<CompiledStatement>(this.#builder, (compiled) => compiled);
  }

  async fetch(connection: Connection, query: PreparedQuery): Promise<StoredRow[]> {
    const rows = await run(connection, this.#statements.select(query), query.values).values();
    return this.#mappers.mapAll(query.node.model, rows as unknown[][]);
  }

  async count(connection: Connection, query: PreparedQuery): Promise<number> {
    const [row] = await run(connection, this.#statements.count(query), query.values).values();
    return Number((row as unknown[])[0]);
  }

  async update(connection: Connection, query: PreparedQuery, patch: PreparedPatch): Promise<number> {
    return (await run(connection, this.#statements.update(query, patch), query.values, patch.values)).count;
  }

  async delete(connection: Connection, query: PreparedQuery): Promise<number> {
    return (await run(connection, this.#statements.delete(query), query.values)).count;
  }

  /** Stores the rows (several statements run in one transaction) and fills in generated keys. */
  async add(connection: Connection, atomically: Atomically, model: ModelMeta, rows: StoredRow[]): Promise<StoredRow[]> {
    if (rows.length === 0) return rows;
    const compiled = this.#inserts.get(String(model.id), () => insertRows(model, this.#builder.tables));
    const key = generatedKey(model);
    const insert = async (on: Connection, start: number) => {
      const chunk = rows.slice(start, start + ROWS_PER_INSERT);
      const columns = model.fields.map((field) => chunk.map((row) => row[field.name]));
      const keys = await run(on, compiled, columns).values();
      if (key) chunk.forEach((row, index) => (row[key.name] = Number((keys[index] as unknown[])[0])));
    };
    if (rows.length <= ROWS_PER_INSERT) await insert(connection, 0);
    else {
      await atomically(async (on) => {
        for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await insert(on, start);
      });
    }
    return rows;
  }

  /** Creates what is missing, in one transaction; an advisory lock keeps two processes starting at once from racing. */
  async applySchema(connection: Connection, schema: string | undefined, models: readonly ModelMeta[]): Promise<void> {
    checkDerivedNames(models);
    const { tables } = this.#builder;
    // Refuses a schema that cannot hold Ommi's tables before anything is created (see schemaFrom).
    const target = tables.schema;
    await connection.unsafe("SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('ommi.applySchema'))");
    if (schema !== undefined) await connection.unsafe(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    for (const model of referencedFirst(models)) {
      await this.#execute(connection, createTable(tables, model));
      const existing = await connection.unsafe<{ name: string }[]>(
        "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2",
        [target, model.name],
      );
      // Quoted identifiers: PostgreSQL column names are case-sensitive.
      const names = new Set(existing.map((column) => column.name));
      for (const statement of completeTable(tables, model, (column) => names.has(column))) await this.#execute(connection, statement);
    }
  }

  async deleteSchema(connection: Connection, models: readonly ModelMeta[]): Promise<void> {
    const { tables } = this.#builder;
    for (const model of referencedFirst(models).reverse()) await this.#execute(connection, dropTable(tables, model));
    this.#statements.clear();
    this.#inserts.clear();
  }

  async #execute(connection: Connection, statement: SQL): Promise<void> {
    const { sql: text, params } = postgresDialect.toQuery(statement);
    await connection.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
  }
}
