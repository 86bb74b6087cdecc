import type { ModelMeta, PreparedPatch, PreparedQuery, StoredRow } from "../../src/kit/driver.js";
import type { CompiledStatement } from "./compiled.js";
import type { Atomically } from "./connection.js";
import type { Encode, TableName, ValueCodecs } from "./dialect.js";
import type { MaybePromise } from "./maybe-promise.js";
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
  /** Every row of a select, each an array of column values in field order. */
  rows(on: H, statement: P, values: readonly unknown[]): MaybePromise<unknown[][]>;
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
  /** Runs a schema statement (CREATE, ALTER, DROP) with its parameters. */
  execute(on: H, text: string, params: readonly unknown[]): MaybePromise<void>;
  /** Whether the table has a column of a name, as the database compares column names. */
  columnsOf(on: H, table: TableName): MaybePromise<(column: string) => boolean>;
  /** Runs first in `applySchema`'s transaction (PostgreSQL: a lock against a racing process, and the schema). */
  beforeSchema?(on: H): MaybePromise<void>;
  /** How stored values of a model's fields read back (the dialect's, adjusted to how the client returns them). */
  decoders(model: ModelMeta): ValueCodecs<Encode | undefined>;
  readonly refusals?: Refusals;
}
