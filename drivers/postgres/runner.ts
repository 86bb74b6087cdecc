import type postgres from "postgres";
import type { ModelMeta, StoredRow, UpsertConflict } from "../../src/kit/driver.js";
import type { CompiledStatement } from "../sql/compiled.js";
import type { Atomically } from "../sql/connection.js";
import { generatedKey } from "../sql/ddl.js";
import type { Encode, TableName, ValueCodecs } from "../sql/dialect.js";
import type { RawResult } from "../sql/raw.js";
import type { Refusals, StatementRunner } from "../sql/runner.js";
import type { StatementBuilder } from "../sql/statements.js";
import type { Queryable } from "./connection.js";
import { postgresDialect, quoteIdentifier } from "./dialect.js";
import { insertRows } from "./insert.js";
import { upsertRows } from "./upsert.js";
import { refuseNulInPatch, refuseNulInQuery, refuseNulInRows } from "./nul.js";
import { refuseNulInRaw } from "./raw.js";

/** Named prepared statements: parsed and planned once per connection, then bound and run. */
const PREPARED = { prepare: true } as const;

/** Runs a compiled statement with one call's values, already encoded for the wire (hence the cast). */
function run(on: Queryable, compiled: CompiledStatement, values: readonly unknown[], patch?: readonly unknown[]) {
  return on.unsafe(compiled.text, compiled.bind(values, patch) as postgres.ParameterOrJSON<never>[], PREPARED);
}

/** Rows per INSERT statement: bounds one message's size; the parameter count does not grow with rows. */
const ROWS_PER_INSERT = 10_000;

/** Values PostgreSQL cannot hold are refused before anything is sent, so they doom no transaction. */
const REFUSALS: Refusals = { rows: refuseNulInRows, query: refuseNulInQuery, patch: refuseNulInPatch, raw: refuseNulInRaw };

/**
 * Statements on PostgreSQL through postgres.js, on whichever connection a session gives: the
 * compiled text is the same for every connection, and postgres.js prepares it once on each, so
 * what is kept per query shape is the compiled statement itself.
 */
export class PostgresRunner implements StatementRunner<Queryable, CompiledStatement, CompiledStatement> {
  readonly refusals = REFUSALS;

  /** `schema`: the schema the options name, created by applySchema when missing. */
  constructor(private readonly schema: string | undefined) {}

  prepare(compiled: CompiledStatement): CompiledStatement {
    return compiled;
  }

  rows(on: Queryable, statement: CompiledStatement, values: readonly unknown[], patch?: readonly unknown[]): Promise<unknown[][]> {
    return run(on, statement, values, patch).values() as Promise<unknown[][]>;
  }

  async count(on: Queryable, statement: CompiledStatement, values: readonly unknown[]): Promise<number> {
    const [row] = await run(on, statement, values).values();
    return Number((row as unknown[])[0]);
  }

  async changes(on: Queryable, statement: CompiledStatement, values: readonly unknown[], patch?: readonly unknown[]): Promise<number> {
    return (await run(on, statement, values, patch)).count;
  }

  prepareInsert(model: ModelMeta, builder: StatementBuilder): CompiledStatement {
    return insertRows(model, builder.tables);
  }

  /** Stores the rows (several statements run in one transaction) and fills in generated keys. */
  async insert(
    on: Queryable,
    atomically: Atomically<Queryable>,
    model: ModelMeta,
    rows: readonly StoredRow[],
    insertOf: (model: ModelMeta) => CompiledStatement,
  ): Promise<StoredRow[]> {
    if (rows.length === 0) return rows as StoredRow[];
    const compiled = insertOf(model);
    const key = generatedKey(model);
    const insert = async (into: Queryable, start: number) => {
      const chunk = rows.slice(start, start + ROWS_PER_INSERT);
      const columns = model.fields.map((field) => chunk.map((row) => row[field.name]));
      const keys = await run(into, compiled, columns).values();
      if (key) chunk.forEach((row, index) => (row[key.name] = Number((keys[index] as unknown[])[0])));
    };
    if (rows.length <= ROWS_PER_INSERT) await insert(on, 0);
    else {
      await atomically(async (into) => {
        for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await insert(into, start);
      });
    }
    return rows as StoredRow[];
  }

  /** A statement the user wrote: prepared on each connection as Ommi's own are (one text per template, so their number is bounded). */
  prepareRaw(compiled: CompiledStatement): CompiledStatement {
    return compiled;
  }

  async rawResult(on: Queryable, statement: CompiledStatement, values: readonly unknown[]): Promise<RawResult> {
    const rows = (await run(on, statement, values).values()) as unknown[][] & { readonly columns?: readonly { readonly name: string }[] };
    return { columns: rows.columns?.map((column) => column.name) ?? [], rows };
  }

  prepareUpsert(model: ModelMeta, conflict: UpsertConflict, builder: StatementBuilder): CompiledStatement {
    return upsertRows(model, conflict, builder.tables);
  }

  /** Upserts the rows (several statements run in one transaction, as insert does); each result row says its input position. */
  async upsert(
    on: Queryable,
    atomically: Atomically<Queryable>,
    model: ModelMeta,
    rows: readonly StoredRow[],
    conflict: UpsertConflict,
    upsertOf: (model: ModelMeta, conflict: UpsertConflict) => CompiledStatement,
  ): Promise<(unknown[] | undefined)[]> {
    const stored = new Array<unknown[] | undefined>(rows.length);
    if (rows.length === 0) return stored;
    const compiled = upsertOf(model, conflict);
    const width = model.fields.length;
    const upsert = async (into: Queryable, start: number) => {
      const chunk = rows.slice(start, start + ROWS_PER_INSERT);
      const columns = model.fields.map((field) => chunk.map((row) => row[field.name]));
      for (const row of (await run(into, compiled, columns).values()) as unknown[][]) {
        // ORDINALITY counts from 1; the model's columns follow the position.
        stored[start + Number(row[0]) - 1] = row.slice(1, width + 1);
      }
    };
    if (rows.length <= ROWS_PER_INSERT) await upsert(on, 0);
    else {
      await atomically(async (into) => {
        for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await upsert(into, start);
      });
    }
    return stored;
  }

  insertText(kept: CompiledStatement): string {
    return kept.text;
  }

  async execute(on: Queryable, text: string, params: readonly unknown[]): Promise<void> {
    await on.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
  }

  /** Quoted identifiers: PostgreSQL column names are case-sensitive. */
  async columnsOf(on: Queryable, { schema, name }: TableName): Promise<(column: string) => boolean> {
    const existing = await on.unsafe<{ name: string }[]>(
      "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2",
      [schema, name],
    );
    const names = new Set(existing.map((column) => column.name));
    return (column) => names.has(column);
  }

  /** An advisory lock keeps two processes that start at once from racing; the schema the options name is created. */
  async beforeSchema(on: Queryable): Promise<void> {
    await on.unsafe("SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('ommi.applySchema'))");
    if (this.schema !== undefined) await on.unsafe(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)}`);
  }

  decoders(): ValueCodecs<Encode | undefined> {
    return postgresDialect.decode;
  }
}
