import type { FieldMeta, ModelMeta } from "./model/meta.js";
import type { PreparedQuery } from "./query/prepare.js";
import type { StatementObserver } from "./observe/statement.js";
import type { RawStatement } from "./query/raw.js";

/** A row as drivers take and give it: field names (not column names) to JavaScript values. */
export type StoredRow = Record<string, unknown>;

/**
 * The fields an update sets, and their values (already validated). A value may be an
 * `IncrementNode` (numeric fields only, never a key): the database adds its amount to the stored
 * value in the update itself, and a null stored value stays null.
 */
export interface PreparedPatch {
  readonly fields: readonly FieldMeta[];
  readonly values: readonly unknown[];
}

/** What an upsert does with a row whose `on` fields equal those of a stored row. */
export interface UpsertConflict {
  /**
   * The fields that find the stored row: all of the model's key fields, or one `Unique` field.
   * A row with a null (or left out) `on` value matches no stored row, as in a SQL unique index,
   * and is inserted.
   */
  readonly on: readonly FieldMeta[];
  /**
   * The fields of the stored row to set to the row's values (never a key or an `on` field), or
   * "none" to leave the stored row as it is. An empty list leaves it as it is too, but gives it
   * back, which "none" does not.
   */
  readonly update: readonly FieldMeta[] | "none";
}

/**
 * The raw operations a database offers. Drivers return plain values or throw `OmmiError`
 * subclasses; they never build results. The same operations run inside a transaction.
 */
export interface DriverSession {
  /**
   * Stores the rows and returns them with generated values filled in. Several rows are stored
   * all or none when the driver declares `atomicBatches`, and always inside a transaction;
   * otherwise Ommi does not call it with more than one row outside a transaction.
   */
  add(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]>;
  fetch(query: PreparedQuery): Promise<StoredRow[]>;
  count(query: PreparedQuery): Promise<number>;
  /** Returns the number of rows changed. */
  update(query: PreparedQuery, patch: PreparedPatch): Promise<number>;
  /**
   * `update` that gives the changed rows as they are after it, in no particular order. Present
   * when the driver declares `updateReturning`.
   */
  updateReturning?(query: PreparedQuery, patch: PreparedPatch): Promise<StoredRow[]>;
  /**
   * Stores each row, or changes the stored row it matches (see UpsertConflict), all or none as
   * `add` does. Returns, at each row's position, the row as stored now (generated keys filled
   * in), or undefined for a matched row that "none" left as it was. No two rows have equal `on`
   * values (Ommi checked). Present when the driver declares `upsert`.
   */
  upsert?(model: ModelMeta, rows: readonly StoredRow[], conflict: UpsertConflict): Promise<(StoredRow | undefined)[]>;
  /** Returns the number of rows deleted. */
  delete(query: PreparedQuery): Promise<number>;
  /** Creates what is missing for these models (tables, columns, indexes); never drops anything. */
  applySchema(models: readonly ModelMeta[]): Promise<void>;
  /** Drops these models' tables and everything in them. */
  deleteSchema(models: readonly ModelMeta[]): Promise<void>;
  /**
   * Runs a statement the user wrote (`db.sql`), present when the driver declares `rawSql`. Table
   * tokens are the model's schema-qualified table, column tokens the field's quoted column, value
   * tokens bound parameters (never text). With `model`, each row is mapped by column name to the
   * model's fields and decoded as `fetch` decodes them (a field without a column, or with two, is a
   * QueryError); without, rows are the columns' names to the values the client gives (two columns
   * of one name are a QueryError). A statement that gives no result (a write) gives no rows.
   */
  raw?(statement: RawStatement, model?: ModelMeta): Promise<StoredRow[]>;
  /**
   * Makes one query shape ready for many calls (`find(...).prepare()`): what `fetch`, `count`,
   * `update` and `delete` would find for `query` each time (its statement, its row mapper) is
   * found once. Optional: without it, Ommi calls `fetch` and the others with each call's values.
   */
  prepare?(query: PreparedQuery): PreparedOperations;
}

/**
 * The operations of one query shape, made ready by `DriverSession.prepare`. Each call gives the
 * values of the query's `Param`s (as `PreparedQuery.values` would hold them: same length, same
 * meaning) and does what the session's operation does for the query with those values: the same
 * waiting, errors, refusals and timeout. A limit or offset given per call is in the values: the
 * query's node has the first call's (a limit of 1 without offset stays 1, and an offset stays
 * above 0, on every call). Unlike the session's operations, each may give its value itself where
 * the database answered at once (SQLite), and then throws its failure rather than rejecting:
 * a prepared call is a bind and a step, and a promise more would be a good part of its cost.
 */
export interface PreparedOperations {
  fetch(values: readonly unknown[]): StoredRow[] | Promise<StoredRow[]>;
  count(values: readonly unknown[]): number | Promise<number>;
  update(values: readonly unknown[], patch: PreparedPatch): number | Promise<number>;
  delete(values: readonly unknown[]): number | Promise<number>;
}

/** How strictly a transaction is kept apart from concurrent ones (SQL's isolation levels). */
export type IsolationLevel = "read committed" | "repeatable read" | "serializable";

export interface BeginOptions {
  /** The database's default when left out. Databases that always serialise transactions (SQLite) ignore it. */
  readonly isolation?: IsolationLevel;
  /**
   * Milliseconds each statement of the transaction may run; the database stops it after that
   * (TimeoutError, limit "statement"). A whole number from 1 up, checked before it gets here; only
   * given to drivers whose capabilities include `statementTimeout`.
   */
  readonly statementTimeout?: number;
  /**
   * Milliseconds a statement of the transaction may wait for a lock (TimeoutError, limit "lock").
   * Checked as statementTimeout is; only given to drivers with `transactionLockTimeout`.
   */
  readonly lockTimeout?: number;
}

/**
 * What differs between databases, declared by each driver. The interface layer reads it, so
 * that asking a database for what it cannot do is a clear, documented error before anything
 * runs, never a surprise. A capability left out is one the driver does not have.
 */
export interface DriverCapabilities {
  /** `begin()` opens a transaction: its operations commit or roll back together. */
  readonly transactions?: boolean;
  /** A transaction's `savepoint()` opens a nested transaction (`tx.transaction(...)`). */
  readonly savepoints?: boolean;
  /**
   * The database runs one session at a time (one connection, as with SQLite): while a
   * transaction is open, the driver's other operations wait for it to end. Ommi then refuses,
   * rather than deadlocks on, a call to the outer database from inside that transaction's callback.
   */
  readonly serializedWrites?: boolean;
  /**
   * `add` stores several rows all or none outside a transaction too. Without it, Ommi stores
   * several rows in a transaction of their own, and refuses them when there are no transactions.
   */
  readonly atomicBatches?: boolean;
  /**
   * The database can stop a statement that runs too long: `transaction(fn, { statementTimeout })`
   * and `find(...).timeout(ms)` (a PreparedQuery's `timeout`).
   */
  readonly statementTimeout?: boolean;
  /** A transaction can have a lock timeout of its own: `transaction(fn, { lockTimeout })`. */
  readonly transactionLockTimeout?: boolean;
  /**
   * `ReferenceTo` fields are foreign keys the database enforces: storing a row that refers to a
   * row that does not exist is a ConstraintError. Without it (MongoDB), references join relations
   * and conditions across models, and nothing checks them on write.
   */
  readonly foreignKeys?: boolean;
  /**
   * The names the driver derives for indexes and constraints share one namespace with table names
   * (a SQL schema's), so models whose derived names would be equal are a ModelError at
   * `createModels()`. Without it, each table's index names are its own (MongoDB's collections).
   */
  readonly sharedNamespace?: boolean;
  /** `upsert()` stores rows or changes the stored rows they match (`db.upsert`). Without it, `db.upsert` fails with a QueryError. */
  readonly upsert?: boolean;
  /** `updateReturning()` gives the rows an update changed (`update(patch, { returning: true })`). Without it, that fails with a QueryError. */
  readonly updateReturning?: boolean;
  /**
   * `update` takes `IncrementNode` values (see PreparedPatch). Without it, an update with
   * `increment()` fails with a QueryError: a driver written before increments would store the node.
   */
  readonly increments?: boolean;
  /** `raw()` runs SQL the user wrote (`db.sql`). Without it, `db.sql` fails with a QueryError. */
  readonly rawSql?: boolean;
}

/** An open transaction, or a savepoint inside one. */
export interface TransactionSession extends DriverSession {
  /** Opens a savepoint: a nested transaction that keeps this one's isolation. Present when the driver declares `savepoints`. */
  savepoint?(): Promise<TransactionSession>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface Driver extends DriverSession {
  /** The database's name, for messages: "sqlite", "postgres", "mongodb". */
  readonly name: string;
  /** What this database can do beyond the operations every driver has. */
  readonly capabilities: DriverCapabilities;
  /** Starts a transaction. Present when the driver declares `transactions`. */
  begin?(options?: BeginOptions): Promise<TransactionSession>;
  close(): Promise<void>;
  /**
   * From now on, hands every statement the driver and its transactions run to `observer`
   * (src/observe/statement.ts); undefined stops. Ommi calls it only when a logger, a slow-query
   * threshold or tracing asks for it. Optional: a driver without it is simply not observed.
   */
  observe?(observer: StatementObserver | undefined): void;
}
