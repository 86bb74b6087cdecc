import type { FieldMeta } from "./model/field.js";
import type { ModelMeta } from "./model/meta.js";
import type { PreparedQuery } from "./query/prepare.js";

/** A row as drivers take and give it: field names (not column names) to JavaScript values. */
export type StoredRow = Record<string, unknown>;

/** The fields an update sets, and their values (already validated). */
export interface PreparedPatch {
  readonly fields: readonly FieldMeta[];
  readonly values: readonly unknown[];
}

/**
 * The raw operations a database offers. Drivers return plain values or throw `OmmiError`
 * subclasses; they never build results. The same operations run inside a transaction.
 */
export interface DriverSession {
  /** Stores the rows in one atomic step (all or none) and returns them with generated values filled in. */
  add(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]>;
  fetch(query: PreparedQuery): Promise<StoredRow[]>;
  count(query: PreparedQuery): Promise<number>;
  /** Returns the number of rows changed. */
  update(query: PreparedQuery, patch: PreparedPatch): Promise<number>;
  /** Returns the number of rows deleted. */
  delete(query: PreparedQuery): Promise<number>;
  /** Creates what is missing for these models (tables, columns, indexes); never drops anything. */
  applySchema(models: readonly ModelMeta[]): Promise<void>;
  /** Drops these models' tables and everything in them. */
  deleteSchema(models: readonly ModelMeta[]): Promise<void>;
  /** Starts a transaction, or a savepoint inside one (which keeps its transaction's isolation). */
  begin(options?: BeginOptions): Promise<TransactionSession>;
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
 * What a driver can do beyond the operations every driver has. The interface layer reads it, so
 * that asking a database for what it cannot do is a clear QueryError before anything runs.
 */
export interface DriverCapabilities {
  /**
   * The database can stop a statement that runs too long: `transaction(fn, { statementTimeout })`
   * and `find(...).timeout(ms)` (a PreparedQuery's `timeout`).
   */
  readonly statementTimeout?: boolean;
  /** A transaction can have a lock timeout of its own: `transaction(fn, { lockTimeout })`. */
  readonly transactionLockTimeout?: boolean;
}

export interface TransactionSession extends DriverSession {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface Driver extends DriverSession {
  /** The database's name, for messages: "sqlite", "postgres", "mongodb". */
  readonly name: string;
  /**
   * True when an open transaction makes the driver's other operations wait for it (one
   * connection, as with SQLite). Ommi then refuses, rather than deadlocks on, a call to the
   * outer database from inside that transaction's own callback.
   */
  readonly serializesTransactions?: boolean;
  /** What it can do beyond the common operations; nothing more when left out. */
  readonly capabilities?: DriverCapabilities;
  close(): Promise<void>;
}
