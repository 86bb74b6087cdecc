import type { FieldPacket, PoolConnection, ResultSetHeader } from "mysql2/promise";
import type { ModelMeta, StoredRow, UpsertConflict } from "../../src/kit/driver.js";
import type { CompiledStatement } from "../sql/compiled.js";
import type { Atomically } from "../sql/connection.js";
import { generatedKey } from "../sql/ddl.js";
import type { Encode, SqlDialect, TableName, ValueCodecs } from "../sql/dialect.js";
import type { RawResult } from "../sql/raw.js";
import { allRefusals } from "../sql/refusals.js";
import type { StatementRunner } from "../sql/runner.js";
import type { StatementBuilder } from "../sql/statements.js";
import type { Queryable } from "./connection.js";
import { quoteIdentifier } from "./dialect.js";
import { dateRangeRefusals } from "./date-range.js";
import { keyFiller } from "./generated-keys.js";
import { negativeZeroRefusals } from "./negative-zero.js";
import { wireParameters, wireStoredValues } from "./parameters.js";
import type { PreparedInsert } from "./prepared-insert.js";
import type { ServerFacts } from "./server.js";
import { prepareUpsert, upsertRows, type PreparedUpsert } from "./upsert.js";

/**
 * Rows per INSERT statement, largest first: a batch is written in statements of these sizes, so
 * a model's INSERT has at most this many shapes (each a prepared statement on the server) whatever
 * the batch sizes, and the largest stays below MySQL's 65,535 parameters for models of up to 65 fields.
 */
const CHUNK_SIZES = [1000, 100, 10, 1];

/** The most parameters one statement may have (MySQL's protocol). */
const MAX_PARAMETERS = 65_535;

type Rows = unknown[][];

/** Runs a compiled statement with one call's values on a prepared statement of the connection, rows as arrays. */
async function run(on: Queryable, text: string, params: unknown[], wire = wireParameters): Promise<[Rows | ResultSetHeader, FieldPacket[] | undefined]> {
  const [result, fields] = await on.execute({ sql: text, rowsAsArray: true }, wire(params) as never);
  return [result as Rows | ResultSetHeader, fields];
}

/**
 * A statement as the runner keeps it. `matchesPatterns` when it holds a REGEXP: MariaDB's PCRE2
 * that gives up at its match limit answers "no match" for that row with only a warning (strict
 * mode makes it an error in an UPDATE, but not in a SELECT or a DELETE). Such a statement checks
 * its warnings before its answer is believed, and a write runs in a transaction of its own, so
 * that one that gave up is rolled back.
 */
export interface MySQLStatement {
  readonly compiled: CompiledStatement;
  readonly matchesPatterns: boolean;
}

type Result = Rows | ResultSetHeader;

async function runStatement(on: Queryable, { compiled, matchesPatterns }: MySQLStatement, params: unknown[]): Promise<Result> {
  if (!matchesPatterns) return (await run(on, compiled.text, params))[0];
  if (!("getConnection" in on)) return runChecked(on, compiled.text, params);
  // The warnings are a connection's, of its last statement: both run on one connection.
  const connection = await on.getConnection();
  try {
    if (!compiled.text.startsWith("DELETE")) return await runChecked(connection, compiled.text, params);
    await connection.query("START TRANSACTION");
    try {
      const result = await runChecked(connection, compiled.text, params);
      await connection.query("COMMIT");
      return result;
    } catch (error) {
      await connection.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    connection.release();
  }
}

/** Runs the statement, then throws the regex engine's error if it gave up on any row. */
async function runChecked(connection: PoolConnection, text: string, params: unknown[]): Promise<Result> {
  const [result] = await run(connection, text, params);
  // A write's result counts its warnings; a read's does not say (mysql2 does not pass it on).
  if (!Array.isArray(result) && result.warningStatus === 0) return result;
  const [warnings] = await connection.query({ sql: "SHOW WARNINGS", rowsAsArray: true });
  const gaveUp = (warnings as unknown[][]).find((warning) => warning[1] === REGEXP_ERROR);
  if (gaveUp) throw Object.assign(new Error(String(gaveUp[2])), { errno: REGEXP_ERROR });
  return result;
}

/** ER_REGEXP_ERROR: MariaDB's PCRE2 failed on a row (its match limit, or its stack). */
const REGEXP_ERROR = 1139;

/**
 * Statements on MySQL through mysql2, on whichever connection a session gives: mysql2 prepares a
 * statement's text once on each connection (execute), so what is kept per query shape is the
 * compiled statement itself.
 */
export class MySQLRunner implements StatementRunner<Queryable, MySQLStatement, PreparedInsert> {
  /** What MySQL and MariaDB cannot hold, refused before anything is sent: a float's -0, a date outside DATETIME's range. */
  readonly refusals = allRefusals(negativeZeroRefusals, dateRangeRefusals);

  constructor(
    private readonly dialect: SqlDialect,
    /** The driver's server (known before any statement is prepared, see server.ts). */
    private readonly server: () => ServerFacts,
  ) {}

  prepare(compiled: CompiledStatement): MySQLStatement {
    return { compiled, matchesPatterns: compiled.text.includes(" REGEXP ") };
  }

  async rows(on: Queryable, statement: MySQLStatement, values: readonly unknown[], patch?: readonly unknown[]): Promise<Rows> {
    return (await runStatement(on, statement, statement.compiled.bind(values, patch))) as Rows;
  }

  async count(on: Queryable, statement: MySQLStatement, values: readonly unknown[]): Promise<number> {
    const [row] = await this.rows(on, statement, values);
    return Number((row as unknown[])[0]);
  }

  /** Rows the statement matched, as PostgreSQL and SQLite count them (see `affectedRows` vs `changedRows`). */
  async changes(on: Queryable, statement: MySQLStatement, values: readonly unknown[], patch?: readonly unknown[]): Promise<number> {
    return ((await runStatement(on, statement, statement.compiled.bind(values, patch))) as ResultSetHeader).affectedRows;
  }

  prepareInsert(model: ModelMeta, builder: StatementBuilder): PreparedInsert {
    const row = builder.insert(model);
    // The one-row statement ends with its values, `(?, ?, ...)`: repeated for several rows.
    const at = row.text.lastIndexOf(" (");
    const key = generatedKey(model);
    const returning = key && this.server().insertReturning;
    return { row, head: row.text.slice(0, at + 1), values: row.text.slice(at + 1), tail: returning ? ` RETURNING ${quoteIdentifier(key.column)}` : "" };
  }

  /**
   * Stores the rows in multi-row INSERTs (several run in one transaction) and fills in generated
   * keys: from INSERT ... RETURNING (MariaDB 10.5 and later), which gives them in the rows' order,
   * or from the first key each INSERT generated (MySQL 8, see generated-keys.ts).
   */
  async insert(on: Queryable, atomically: Atomically<Queryable>, model: ModelMeta, rows: readonly StoredRow[], insertOf: (model: ModelMeta) => PreparedInsert): Promise<StoredRow[]> {
    if (rows.length === 0) return rows as StoredRow[];
    const insert = insertOf(model);
    const keys = keyFiller(generatedKey(model), rows, this.server());
    const sizes = keys.rowByRow ? [1] : CHUNK_SIZES.filter((size) => size * model.fields.length <= MAX_PARAMETERS);
    const write = async (into: Queryable) => {
      for (let start = 0; start < rows.length; ) {
        const size = sizes.find((candidate) => candidate <= rows.length - start) ?? 1;
        const chunk = rows.slice(start, start + size);
        const params = chunk.flatMap((row) => insert.row.bind(model.fields.map((field) => row[field.name])));
        const text = `${insert.head}${Array.from({ length: size }, () => insert.values).join(", ")}${insert.tail}`;
        const [result] = await run(into, text, params, wireStoredValues);
        keys.fill(chunk, result);
        start += size;
      }
    };
    // One statement is atomic by itself: a transaction around it would only cost its BEGIN and COMMIT.
    if (sizes.includes(rows.length)) await write(on);
    else await atomically(write);
    return rows as StoredRow[];
  }

  /** The model's upsert for one conflict shape: its INSERT, and the statements that find, update and read a row (see upsert.ts). */
  prepareUpsert(model: ModelMeta, conflict: UpsertConflict, builder: StatementBuilder): PreparedInsert {
    return prepareUpsert(model, conflict, builder, this.prepareInsert(model, builder));
  }

  /** Each row found by its `on` fields, then inserted or updated, and read back: all in one transaction (see upsert.ts). */
  upsert(
    _on: Queryable,
    atomically: Atomically<Queryable>,
    model: ModelMeta,
    rows: readonly StoredRow[],
    conflict: UpsertConflict,
    upsertOf: (model: ModelMeta, conflict: UpsertConflict) => PreparedInsert,
  ): Promise<(unknown[] | undefined)[]> {
    // What prepareUpsert made for this shape (the engine keeps inserts and upserts as one type).
    const upsert = upsertOf(model, conflict) as PreparedUpsert;
    const facts = this.server();
    return Promise.resolve(atomically((into) => upsertRows(async (text, params) => (await run(into, text, params))[0], model, rows, upsert, facts)));
  }

  insertText(kept: PreparedInsert): string {
    return kept.row.text;
  }

  /** The user's own SQL is run as written: its warnings are theirs to read. */
  prepareRaw(compiled: CompiledStatement): MySQLStatement {
    return { compiled, matchesPatterns: false };
  }

  async rawResult(on: Queryable, { compiled }: MySQLStatement, values: readonly unknown[]): Promise<RawResult> {
    const [result, fields] = await run(on, compiled.text, compiled.bind(values));
    if (!Array.isArray(result)) return { columns: [], rows: [] };
    return { columns: (fields ?? []).map((field) => field.name), rows: result };
  }

  /** Schema statements go unprepared (MySQL prepares no DDL of some kinds); their values are Ommi's own constants. */
  async execute(on: Queryable, text: string, params: readonly unknown[]): Promise<void> {
    await on.query(text, params as never);
  }

  /** MySQL compares column names ignoring case. */
  async columnsOf(on: Queryable, { schema, name }: TableName): Promise<(column: string) => boolean> {
    const [rows] = await on.query({ sql: "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", rowsAsArray: true }, [schema, name]);
    const names = new Set((rows as unknown[][]).map((row) => String(row[0]).toLowerCase()));
    return (column) => names.has(column.toLowerCase());
  }

  decoders(): ValueCodecs<Encode | undefined> {
    return this.dialect.decode;
  }
}
