import type { ModelMeta, PreparedPatch, PreparedQuery, RawStatement, StoredRow, UpsertConflict } from "../../src/kit/driver.js";
import type { CompiledStatement } from "./compiled.js";
import type { Atomically } from "./connection.js";
import type { Encode, TableName, ValueCodecs } from "./dialect.js";
import type { MaybePromise } from "./maybe-promise.js";
import type { RawResult } from "./raw.js";
import type { StatementKind } from "./statement-set.js";
import type { StatementBuilder } from "./statements.js";

/**
 * Values a database cannot take, refused before anything is sent (PostgreSQL: text with U+0000),
 * so the refusal dooms no transaction. Each throws; none is needed where the database takes all.
 */
export interface Refusals {
  rows?(model: ModelMeta, rows: readonly StoredRow[]): void;
  query?(query: PreparedQuery): void;
  patch?(model: ModelMeta, patch: PreparedPatch): void;
  raw?(statement: RawStatement): void;
}

/**
 * How one SQL database runs statements: the half of the per-dialect seam that the shared engine
 * (engine.ts) runs on. Each dialect's runner.ts implements it. `H` is what statements run on
 * (see connection.ts), `P` what is kept for a compiled statement, `I` what is kept for a model's
 * INSERT. Methods return values synchronously where the database works so (SQLite).
 */
export interface StatementRunner<H, P, I> {
  /** What is kept for a statement compiled for one query shape: a prepared statement, or the compiled text. */
  prepare(compiled: CompiledStatement, kind: StatementKind, model: ModelMeta): P;
  /** Every row of a select (or an UPDATE ... RETURNING, with its `patch`), each an array of column values in field order. */
  rows(on: H, statement: P, values: readonly unknown[], patch?: readonly unknown[]): MaybePromise<unknown[][]>;
  /**
   * The first row of a `first` statement (a select without LIMIT), or undefined. Present where
   * reading one row that way is cheaper than a LIMIT 1 (see StatementBuilder.selectFirst):
   * `fetch` then uses it for every query of `limit 1` without offset.
   */
  firstRow?(on: H, statement: P, values: readonly unknown[]): MaybePromise<unknown[] | undefined>;
  count(on: H, statement: P, values: readonly unknown[]): MaybePromise<number>;
  /** Runs an update or delete: the number of rows it changed. */
  changes(on: H, statement: P, values: readonly unknown[], patch?: readonly unknown[]): MaybePromise<number>;
  /** What is kept for a model's INSERT. */
  prepareInsert(model: ModelMeta, builder: StatementBuilder): I;
  /**
   * Stores the rows, all or none, and writes generated keys into them; `insertOf` gives the
   * model's INSERT (prepared on first use). The rows are returned.
   */
  insert(on: H, atomically: Atomically<H>, model: ModelMeta, rows: readonly StoredRow[], insertOf: (model: ModelMeta) => I): MaybePromise<StoredRow[]>;
  /** What is kept for a model's upsert of one conflict shape (see drivers/sql/upsert.ts). */
  prepareUpsert(model: ModelMeta, conflict: UpsertConflict, builder: StatementBuilder): I;
  /**
   * Upserts the rows, all or none; `upsertOf` gives the statement (prepared on first use). Gives,
   * at each row's position, its stored columns in field order, or undefined where DO NOTHING kept
   * the stored row.
   */
  upsert(
    on: H,
    atomically: Atomically<H>,
    model: ModelMeta,
    rows: readonly StoredRow[],
    conflict: UpsertConflict,
    upsertOf: (model: ModelMeta, conflict: UpsertConflict) => I,
  ): MaybePromise<(unknown[] | undefined)[]>;
  /** The SQL text of what prepareInsert or prepareUpsert kept, for what observes statements (observed-runner.ts). */
  insertText?(kept: I): string;
  /** Runs a schema statement (CREATE, ALTER, DROP) with its parameters. */
  execute(on: H, text: string, params: readonly unknown[]): MaybePromise<void>;
  /** Whether the table has a column of a name, as the database compares column names. */
  columnsOf(on: H, table: TableName): MaybePromise<(column: string) => boolean>;
  /** Runs first in `applySchema`'s transaction (PostgreSQL: a lock against a racing process, and the schema). */
  beforeSchema?(on: H): MaybePromise<void>;
  /**
   * What is kept for a statement the user wrote (`db.sql`), compiled once per template; `model`,
   * when given, is the model its rows are mapped to (read as that model's fetches are read).
   */
  prepareRaw(compiled: CompiledStatement, model: ModelMeta | undefined): P;
  /** Runs it: the result's column names, and its rows as arrays (none for a statement that gives no rows). */
  rawResult(on: H, statement: P, values: readonly unknown[]): MaybePromise<RawResult>;
  /** How stored values of a model's fields read back (the dialect's, adjusted to how the client returns them). */
  decoders(model: ModelMeta): ValueCodecs<Encode | undefined>;
  readonly refusals?: Refusals;
}
