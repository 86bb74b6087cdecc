import type { BeginOptions, ConnectionError, OmmiError } from "../../src/kit/driver.js";
import type { MaybePromise } from "./maybe-promise.js";

// How sessions reach a SQL database: the half of the per-dialect seam that the shared session,
// driver and transaction (session.ts, driver.ts, transaction.ts) run on. Each dialect's
// connection.ts implements it; runner.ts is the other half, how statements run. `H` is what a
// session's statements run on: better-sqlite3's Database, or a postgres.js `sql`.

/**
 * Runs `work` all or none: in a transaction of its own for the driver, and within the open one
 * (SQLite: a savepoint) for a transaction. `work` is synchronous on SQLite.
 */
export type Atomically<H> = <T>(work: (on: H) => MaybePromise<T>) => MaybePromise<T>;

/** One session's way to the database: the driver's own, or an open transaction's. */
export interface SessionConnection<H> {
  /**
   * Undefined when a call may run now; otherwise what to wait for before asking again. SQLite
   * runs one session at a time: the driver's calls wait for an open transaction, and every
   * call for the event loop's turn after a long busy stretch. Asked again after every wait, and
   * the call then runs at once (in the same turn), so nothing can begin in between.
   */
  blocked(): Promise<unknown> | undefined;
  /**
   * Runs `work` on this session's statements, now or once it has a connection (PostgreSQL
   * waits for its pool), synchronously where the database is (SQLite). With `timeout`
   * (milliseconds, `find(...).timeout(ms)`; only with the statementTimeout capability), the
   * database stops the statement past it.
   */
  run<T>(work: (on: H) => MaybePromise<T>, timeout: number | undefined): MaybePromise<T>;
  readonly atomically: Atomically<H>;
  /** The database's error as an Ommi error; `doing` names the operation ("finding Book"). */
  error(error: unknown, doing: string): OmmiError;
}

/** The driver's own connection (SQLite's one connection, PostgreSQL's pool): opens transactions. */
export interface DriverConnection<H> extends SessionConnection<H> {
  /**
   * Whether the database itself aborts a transaction in which a statement failed, so that its
   * later statements fail and its commit rolls back (PostgreSQL). Otherwise the shared
   * transaction does the same (see SqlTransaction.failed): one rule on every database.
   */
  readonly abortsFailedTransactions: boolean;
  /** Begins a transaction; called once `blocked()` is clear. Errors are Ommi errors already. */
  begin(options: BeginOptions | undefined): MaybePromise<TransactionConnection<H>>;
  /** Lets an open transaction finish and running statements end, then closes. */
  close(): Promise<void>;
}

/**
 * An open transaction, or a savepoint inside one. Its session (SqlTransaction) keeps the state
 * every database shares: ended, doomed by a failure, lost; this ends it on the database. What
 * it throws is an Ommi error already.
 */
export interface TransactionConnection<H> extends SessionConnection<H> {
  /** Opens a savepoint inside this one; `name` is unique among the open ones (where the database takes a name). */
  savepoint(name: string): MaybePromise<TransactionConnection<H>>;
  /** Commits (releases the savepoint); called once, and never after a failure the session itself doomed it with. */
  commit(): MaybePromise<void>;
  /** Rolls back (to the savepoint); called once. */
  rollback(): MaybePromise<void>;
  /** The error for a connection that was lost (the database rolled the transaction back), or undefined while it is not. */
  lostError(): ConnectionError | undefined;
  /** A call failed because the connection is gone: nothing more is sent on it. */
  markLost(): void;
}
