import type { FieldPacket, ResultSetHeader } from "mysql2/promise";
import { QueryError, type ModelMeta, type StoredRow } from "../../src/kit/driver.js";
import type { CompiledStatement } from "../sql/compiled.js";
import type { Atomically } from "../sql/connection.js";
import { generatedKey } from "../sql/ddl.js";
import type { Encode, TableName, ValueCodecs } from "../sql/dialect.js";
import type { RawResult } from "../sql/raw.js";
import type { StatementRunner } from "../sql/runner.js";
import type { StatementBuilder } from "../sql/statements.js";
import type { Queryable } from "./connection.js";
import { mysqlDialect, quoteIdentifier } from "./dialect.js";
import { wireParameters } from "./parameters.js";

/** A model's INSERT: its one-row statement (text and how a row binds), and the generated key it returns, if any. */
export interface PreparedInsert {
  readonly row: CompiledStatement;
  /** `INSERT ... (columns) VALUES` without the values, and ` RETURNING key` or nothing. */
  readonly head: string;
  readonly tail: string;
  /** The text of one row's values: `(?, ?, ...)`. */
  readonly values: string;
}

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
async function run(on: Queryable, text: string, params: unknown[]): Promise<[Rows | ResultSetHeader, FieldPacket[] | undefined]> {
  const [result, fields] = await on.execute({ sql: text, rowsAsArray: true }, wireParameters(params) as never);
  return [result as Rows | ResultSetHeader, fields];
}

async function rowsOf(on: Queryable, compiled: CompiledStatement, values: readonly unknown[], patch?: readonly unknown[]): Promise<Rows> {
  const [rows] = await run(on, compiled.text, compiled.bind(values, patch));
  return rows as Rows;
}

/**
 * Statements on MySQL through mysql2, on whichever connection a session gives: mysql2 prepares a
 * statement's text once on each connection (execute), so what is kept per query shape is the
 * compiled statement itself.
 */
export class MySQLRunner implements StatementRunner<Queryable, CompiledStatement, PreparedInsert> {
  prepare(compiled: CompiledStatement): CompiledStatement {
    return compiled;
  }

  rows(on: Queryable, statement: CompiledStatement, values: readonly unknown[], patch?: readonly unknown[]): Promise<Rows> {
    return rowsOf(on, statement, values, patch);
  }

  async count(on: Queryable, statement: CompiledStatement, values: readonly unknown[]): Promise<number> {
    const [row] = await rowsOf(on, statement, values);
    return Number((row as unknown[])[0]);
  }

  /** Rows the statement matched, as PostgreSQL and SQLite count them (see `affectedRows` vs `changedRows`). */
  async changes(on: Queryable, statement: CompiledStatement, values: readonly unknown[], patch?: readonly unknown[]): Promise<number> {
    const [result] = await run(on, statement.text, statement.bind(values, patch));
    return (result as ResultSetHeader).affectedRows;
  }

  prepareInsert(model: ModelMeta, builder: StatementBuilder): PreparedInsert {
    const row = builder.insert(model);
    // The one-row statement ends with its values, `(?, ?, ...)`: repeated for several rows.
    const at = row.text.lastIndexOf(" (");
    const key = generatedKey(model);
    return { row, head: row.text.slice(0, at + 1), values: row.text.slice(at + 1), tail: key ? ` RETURNING ${quoteIdentifier(key.column)}` : "" };
  }

  /**
   * Stores the rows in multi-row INSERTs (several run in one transaction) and fills in generated
   * keys from INSERT ... RETURNING (MariaDB 10.5 and later), which gives them in the rows' order.
   */
  async insert(on: Queryable, atomically: Atomically<Queryable>, model: ModelMeta, rows: readonly StoredRow[], insertOf: (model: ModelMeta) => PreparedInsert): Promise<StoredRow[]> {
    if (rows.length === 0) return rows as StoredRow[];
    const insert = insertOf(model);
    const key = generatedKey(model);
    const sizes = CHUNK_SIZES.filter((size) => size * model.fields.length <= MAX_PARAMETERS);
    const write = async (into: Queryable) => {
      for (let start = 0; start < rows.length; ) {
        const size = sizes.find((candidate) => candidate <= rows.length - start) ?? 1;
        const chunk = rows.slice(start, start + size);
        const params = chunk.flatMap((row) => insert.row.bind(model.fields.map((field) => row[field.name])));
        const text = `${insert.head}${Array.from({ length: size }, () => insert.values).join(", ")}${insert.tail}`;
        const [result] = await run(into, text, params);
        if (key) chunk.forEach((row, index) => (row[key.name] = Number(((result as Rows)[index] as unknown[])[0])));
        start += size;
      }
    };
    // One statement is atomic by itself: a transaction around it would only cost its BEGIN and COMMIT.
    if (sizes.includes(rows.length)) await write(on);
    else await atomically(write);
    return rows as StoredRow[];
  }

  prepareUpsert(model: ModelMeta): PreparedInsert {
    throw new QueryError(`upsert of ${model.name} is not supported by the MySQL driver yet`);
  }

  upsert(): Promise<(unknown[] | undefined)[]> {
    return Promise.reject(new QueryError("upsert is not supported by the MySQL driver yet"));
  }

  insertText(kept: PreparedInsert): string {
    return kept.row.text;
  }

  prepareRaw(compiled: CompiledStatement): CompiledStatement {
    return compiled;
  }

  async rawResult(on: Queryable, statement: CompiledStatement, values: readonly unknown[]): Promise<RawResult> {
    const [result, fields] = await run(on, statement.text, statement.bind(values));
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
    return mysqlDialect.decode;
  }
}
