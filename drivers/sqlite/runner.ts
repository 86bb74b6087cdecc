import type Database from "better-sqlite3";
import type { ModelMeta, StoredRow, UpsertConflict } from "../../src/kit/driver.js";
import type { CompiledStatement } from "../sql/compiled.js";
import type { Atomically } from "../sql/connection.js";
import { generatedKey } from "../sql/ddl.js";
import { valueCodecs, type Encode, type TableName, type ValueCodecs } from "../sql/dialect.js";
import { jsonDecoder } from "../sql/json/decoder.js";
import { sql } from "../sql/drizzle.js";
import type { MaybePromise } from "../sql/maybe-promise.js";
import { createRowRunner, type RowRunner } from "../sql/row-runner.js";
import type { RawResult } from "../sql/raw.js";
import type { StatementRunner } from "../sql/runner.js";
import type { StatementKind } from "../sql/statement-set.js";
import type { StatementBuilder } from "../sql/statements.js";
import { upsertOne } from "../sql/upsert.js";
import { SQLITE_DECODERS, sqliteDialect } from "./dialect.js";

/** A statement compiled for one query shape and prepared once on the connection. */
export interface Prepared {
  readonly compiled: CompiledStatement;
  readonly statement: Database.Statement<unknown[]>;
}

/** A model's single-row INSERT, prepared once, and the generated function that binds a row to it. */
export interface PreparedInsert {
  readonly statement: Database.Statement<unknown[]>;
  readonly runRow: RowRunner;
}

// With safeIntegers on (models with a bigint field), every INTEGER column comes back as a bigint.
const SAFE_INTEGER_DECODERS = valueCodecs<Encode | undefined>({ ...SQLITE_DECODERS, integer: Number }, jsonDecoder);

function hasBigint(model: ModelMeta): boolean {
  return model.fields.some((field) => field.type === "bigint");
}

/**
 * Statements on one better-sqlite3 connection, all synchronous: each prepared once and set up for
 * how its result is read (arrays of values, a plucked count), bound with spread arguments.
 */
export class SQLiteRunner implements StatementRunner<Database.Database, Prepared, PreparedInsert> {
  constructor(private readonly db: Database.Database) {}

  prepare(compiled: CompiledStatement, kind: StatementKind, model: ModelMeta): Prepared {
    const statement = this.db.prepare<unknown[]>(compiled.text);
    if (kind === "select" || kind === "first" || kind === "updateReturning") statement.raw(true);
    if (kind === "count") statement.pluck(true);
    if ((kind === "select" || kind === "first" || kind === "count" || kind === "updateReturning") && hasBigint(model)) statement.safeIntegers(true);
    return { compiled, statement };
  }

  rows(_on: Database.Database, { compiled, statement }: Prepared, values: readonly unknown[], patch?: readonly unknown[]): unknown[][] {
    return statement.all(...compiled.bind(values, patch)) as unknown[][];
  }

  /** The statement is stepped once (see StatementBuilder.selectFirst). */
  firstRow(_on: Database.Database, { compiled, statement }: Prepared, values: readonly unknown[]): unknown[] | undefined {
    return statement.get(...compiled.bind(values)) as unknown[] | undefined;
  }

  count(_on: Database.Database, { compiled, statement }: Prepared, values: readonly unknown[]): number {
    return Number(statement.get(...compiled.bind(values)));
  }

  changes(_on: Database.Database, { compiled, statement }: Prepared, values: readonly unknown[], patch?: readonly unknown[]): number {
    return statement.run(...compiled.bind(values, patch)).changes;
  }

  prepareInsert(model: ModelMeta, builder: StatementBuilder): PreparedInsert {
    return { statement: this.db.prepare<unknown[]>(builder.insert(model).text), runRow: createRowRunner(model.fields, sqliteDialect.encode) };
  }

  /**
   * One prepared single-row INSERT, run for every row inside one transaction (a savepoint when
   * one is open): with SQLite in-process, that is as fast as a multi-row statement and never
   * meets the bound-parameter limit. Generated keys come from `lastInsertRowid`.
   */
  insert(
    _on: Database.Database,
    atomically: Atomically<Database.Database>,
    model: ModelMeta,
    rows: readonly StoredRow[],
    insertOf: (model: ModelMeta) => PreparedInsert,
  ): MaybePromise<StoredRow[]> {
    const { statement, runRow } = insertOf(model);
    const generated = generatedKey(model)?.name;
    return atomically(() => {
      for (const row of rows) {
        const { lastInsertRowid } = runRow(statement, row);
        if (generated && row[generated] === undefined) row[generated] = Number(lastInsertRowid);
      }
      return rows as StoredRow[];
    });
  }

  /** A one-row upsert that gives the row as stored (see upsertOne), bound as the INSERT is. */
  prepareUpsert(model: ModelMeta, conflict: UpsertConflict, builder: StatementBuilder): PreparedInsert {
    const statement = this.db.prepare<unknown[]>(upsertOne(builder, model, conflict).text).raw(true);
    if (hasBigint(model)) statement.safeIntegers(true);
    return { statement, runRow: createRowRunner(model.fields, sqliteDialect.encode) };
  }

  /** The one-row upsert run for every row inside one transaction (a savepoint when one is open), as insert does. */
  upsert(
    _on: Database.Database,
    atomically: Atomically<Database.Database>,
    model: ModelMeta,
    rows: readonly StoredRow[],
    conflict: UpsertConflict,
    upsertOf: (model: ModelMeta, conflict: UpsertConflict) => PreparedInsert,
  ): MaybePromise<(unknown[] | undefined)[]> {
    const { statement, runRow } = upsertOf(model, conflict);
    // The row runner runs what it is given; the upsert reads the row it returns.
    const returning = { run: (...values: unknown[]) => statement.get(...values) as unknown[] | undefined };
    // One statement is atomic by itself: a transaction around it would only cost its BEGIN and COMMIT.
    if (rows.length === 1) return [runRow(returning, rows[0] as StoredRow)];
    return atomically(() => rows.map((row) => runRow(returning, row)));
  }

  /** A statement the user wrote: read as arrays where it gives rows, with bigints kept exact for a model that has them. */
  prepareRaw(compiled: CompiledStatement, model: ModelMeta | undefined): Prepared {
    const statement = this.db.prepare<unknown[]>(compiled.text);
    if (statement.reader) statement.raw(true);
    if (statement.reader && model && hasBigint(model)) statement.safeIntegers(true);
    return { compiled, statement };
  }

  /** Column names are asked per run: a statement with `*` gives the columns the table has then. */
  rawResult(_on: Database.Database, { compiled, statement }: Prepared, values: readonly unknown[]): RawResult {
    const params = compiled.bind(values);
    if (!statement.reader) {
      statement.run(...params);
      return { columns: [], rows: [] };
    }
    return { columns: statement.columns().map((column) => column.name), rows: statement.all(...params) as unknown[][] };
  }

  insertText({ statement }: PreparedInsert): string {
    return statement.source;
  }

  execute(on: Database.Database, text: string, params: readonly unknown[]): void {
    on.prepare(text).run(...params);
  }

  /**
   * The PRAGMA statement, not the pragma_table_info() function: a table of that name would hide
   * the function, and the statement names the schema. SQLite compares names ignoring ASCII case.
   */
  columnsOf(on: Database.Database, { schema, name }: TableName): (column: string) => boolean {
    const { sql: text } = sqliteDialect.toQuery(sql`PRAGMA ${sql.identifier(schema)}.table_info(${sql.identifier(name)})`);
    const existing = new Set(on.prepare(text).all().map((column) => (column as { name: string }).name.toLowerCase()));
    return (column) => existing.has(column.toLowerCase());
  }

  decoders(model: ModelMeta): ValueCodecs<Encode | undefined> {
    return hasBigint(model) ? SAFE_INTEGER_DECODERS : sqliteDialect.decode;
  }
}
