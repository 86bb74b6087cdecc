import type { FieldMeta, ModelMeta } from "./model/meta.js";
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
  /** Returns the number of rows deleted. */
  delete(query: PreparedQuery): Promise<number>;
  /** Creates what is missing for these models (tables, columns, indexes); never drops anything. */
  applySchema(models: readonly ModelMeta[]): Promise<void>;
  /** Drops these models' tables and everything in them. */
  deleteSchema(models: readonly ModelMeta[]): Promise<void>;
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
}
