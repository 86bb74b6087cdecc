import type postgres from "postgres";
import { ConnectionError, QueryError, TransactionError, timeoutProblem, type BeginOptions, type IsolationLevel, type OmmiError } from "../../src/kit/driver.js";
import type { Atomically, DriverConnection, TransactionConnection } from "../sql/connection.js";
import type { MaybePromise } from "../sql/maybe-promise.js";
import { inOwnTransaction } from "../sql/own-transaction.js";
import { isolationSql } from "../sql/pool-options.js";
import { fromPostgresError } from "./errors.js";
import type { Pool } from "./pool.js";
import { withWholeResults } from "./sparse-results.js";
import { TransactionScope } from "./transaction-scope.js";

/** What statements run on: the pool, a transaction's own `sql`, or a timed call's transaction. */
export type Queryable = postgres.Sql;

/** Seconds `close()` lets running queries finish before it cuts the connections. */
const CLOSE_TIMEOUT = 5;

/** `ms`, once it is known to be a whole number of milliseconds in range (it is spelled into SQL). */
function checkedTimeout(ms: number, name = "timeout"): number {
  const problem = timeoutProblem(name, ms);
  if (problem) throw new QueryError(problem);
  return ms;
}

/**
 * The driver's way to PostgreSQL: a pool of connections, each call on whichever is free. A
 * transaction takes one connection of its own for its whole life, so other calls go on meanwhile
 * (on the other connections), as PostgreSQL allows.
 */
export class PoolConnection implements DriverConnection<Queryable> {
  /** PostgreSQL aborts a transaction in which a statement failed: its commit rolls back. */
  readonly abortsFailedTransactions = true;

  constructor(
    private readonly pool: Pool,
    /** The isolation level of transactions that do not choose one. */
    private readonly isolation: IsolationLevel | undefined,
  ) {}

  /** Calls never wait for one another: the pool queues them. */
  blocked(): undefined {
    return undefined;
  }

  run<T>(work: (on: Queryable) => MaybePromise<T>, timeout: number | undefined): MaybePromise<T> {
    const pending = this.pool.connection();
    return pending instanceof Promise ? pending.then((sql) => this.#runOn(sql, work, timeout)) : this.#runOn(pending, work, timeout);
  }

  #runOn<T>(sql: Queryable, work: (on: Queryable) => MaybePromise<T>, timeout: number | undefined): MaybePromise<T> {
    return timeout === undefined ? work(sql) : this.#limited(sql, checkedTimeout(timeout), work);
  }

  /**
   * A statement timeout for one call (`find(...).timeout(ms)`): a transaction of its own, whose
   * statement_timeout is set first, so the server itself stops the statement.
   */
  #limited<T>(sql: Queryable, ms: number, work: (on: Queryable) => MaybePromise<T>): Promise<T> {
    return sql.begin(async (tx) => {
      await tx.unsafe(`SET LOCAL statement_timeout = ${ms}`);
      return work(withWholeResults(tx) as unknown as Queryable);
    }) as Promise<T>;
  }

  readonly atomically: Atomically<Queryable> = inOwnTransaction(() => this.begin());

  error(error: unknown, doing: string): OmmiError {
    return fromPostgresError(error, doing, this.pool.where);
  }

  async begin({ isolation = this.isolation, statementTimeout, lockTimeout }: BeginOptions = {}): Promise<PostgresTransaction> {
    const { pool } = this;
    try {
      const level = isolation && isolationSql(isolation);
      // Checked numbers only: SET takes no bound parameters, so the limits are spelled into it.
      const settings = [
        ...(statementTimeout === undefined ? [] : [`SET LOCAL statement_timeout = ${checkedTimeout(statementTimeout, "statementTimeout")}`]),
        ...(lockTimeout === undefined ? [] : [`SET LOCAL lock_timeout = ${checkedTimeout(lockTimeout, "lockTimeout")}`]),
      ];
      const options = level ? `isolation level ${level}` : "";
      const sql = await pool.connection();
      const scope = await TransactionScope.begin(sql, options, pool.where, withWholeResults);
      const transaction = new PostgresTransaction(this, scope, false, statementTimeout);
      if (settings.length > 0) await transaction.configure(settings.join("; "));
      return transaction;
    } catch (error) {
      throw fromPostgresError(error, "beginning a transaction", pool.where);
    }
  }

  /** Lets running queries finish (for a few seconds at most), then closes every connection. */
  async close(): Promise<void> {
    await this.pool.end(CLOSE_TIMEOUT);
  }
}

/** A transaction or a savepoint inside one (`nested`), on the connection its transaction holds. */
class PostgresTransaction implements TransactionConnection<Queryable> {
  constructor(
    private readonly driver: PoolConnection,
    private readonly scope: TransactionScope,
    private readonly nested: boolean,
    /** The transaction's own statement timeout, which `.timeout(ms)` calls inside it restore. */
    private readonly statementTimeout: number | undefined,
  ) {}

  /** Runs this transaction's statements. */
  get statements(): Queryable {
    return this.scope.sql as unknown as Queryable;
  }

  /** Runs SET LOCAL statements right after BEGIN; a failure ends the transaction. */
  async configure(settings: string): Promise<void> {
    try {
      await this.statements.unsafe(settings);
    } catch (error) {
      await this.rollback().catch(() => undefined);
      throw error;
    }
  }

  blocked(): undefined {
    return undefined;
  }

  run<T>(work: (on: Queryable) => MaybePromise<T>, timeout: number | undefined): Promise<T> {
    const on = this.statements;
    return this.#settles(timeout === undefined ? work(on) : this.#limited(on, checkedTimeout(timeout), work));
  }

  /**
   * A statement timeout for one call inside the transaction: set, then restored to the
   * transaction's own (or the connection's) once the call succeeded. A call that failed has
   * aborted the transaction, which can then only roll back.
   */
  async #limited<T>(on: Queryable, ms: number, work: (on: Queryable) => MaybePromise<T>): Promise<T> {
    await on.unsafe(`SET LOCAL statement_timeout = ${ms}`);
    const value = await work(on);
    await on.unsafe(this.statementTimeout === undefined ? "SET LOCAL statement_timeout TO DEFAULT" : `SET LOCAL statement_timeout = ${this.statementTimeout}`);
    return value;
  }

  /** Fails with a ConnectionError when the connection goes, even if postgres.js never settles the statement. */
  #settles<T>(work: MaybePromise<T>): Promise<T> {
    return Promise.race([work, this.scope.closed]);
  }

  /** Inside a transaction a failed statement aborts the whole of it, so partial work never commits. */
  readonly atomically: Atomically<Queryable> = async (work) => this.#settles(work(await this.#live()));

  #live(): MaybePromise<Queryable> {
    return this.scope.lost ? Promise.reject(this.scope.lostError()) : this.statements;
  }

  error(error: unknown, doing: string): OmmiError {
    return this.driver.error(error, doing);
  }

  lostError(): ConnectionError | undefined {
    return this.scope.lost ? this.scope.lostError() : undefined;
  }

  /** A statement that failed for want of a connection: the transaction's own is gone. */
  markLost(): void {
    this.scope.markLost();
  }

  /** postgres.js names its savepoints itself. */
  async savepoint(): Promise<PostgresTransaction> {
    try {
      return new PostgresTransaction(this.driver, await this.scope.savepoint(withWholeResults), true, this.statementTimeout);
    } catch (error) {
      throw this.error(error, "opening a savepoint");
    }
  }

  async commit(): Promise<void> {
    // A lost connection cannot commit: the server rolled the transaction back when it went.
    if (this.scope.lost) throw this.scope.lostError();
    const ending = await this.scope.commit();
    if (ending.ok) return;
    const failure = this.#failure(ending.error, "committing");
    if (failure instanceof ConnectionError) throw failure;
    // postgres.js rolls back instead of committing once a statement in the transaction failed.
    const what = this.nested ? "The nested transaction (savepoint)" : "The transaction";
    throw new TransactionError(`${what} was rolled back, not committed: a statement in it had failed: ${failure.message}`, { cause: failure });
  }

  async rollback(): Promise<void> {
    const ending = await this.scope.rollback();
    // A lost connection has nothing left to roll back: the server did it when the connection went.
    if (ending.ok) return;
    const failure = this.#failure(ending.error, "rolling back");
    if (!(failure instanceof ConnectionError)) throw failure;
  }

  #failure(error: unknown, doing: string): OmmiError {
    const failure = this.error(error, doing);
    if (failure instanceof ConnectionError) this.markLost();
    return failure;
  }
}
