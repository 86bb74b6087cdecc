import type { Pool, PoolConnection as Mysql2Connection } from "mysql2/promise";
import { ConnectionError, TransactionError, type BeginOptions, type IsolationLevel, type OmmiError } from "../../src/kit/driver.js";
import type { Atomically, DriverConnection, TransactionConnection } from "../sql/connection.js";
import type { MaybePromise } from "../sql/maybe-promise.js";
import { inOwnTransaction } from "../sql/own-transaction.js";
import { isolationSql } from "../sql/pool-options.js";
import { fromMySQLError, rolledBackTransaction } from "./errors.js";
import type { Limits, SessionLimits } from "./limits.js";

/** What statements run on: the pool (any free connection), or a transaction's own connection. */
export type Queryable = Pool | Mysql2Connection;

/**
 * The driver's way to MySQL: a pool of connections, each call on whichever is free. A
 * transaction takes one connection of its own for its whole life, so other calls go on meanwhile.
 */
export class MySQLPoolConnection implements DriverConnection<Queryable> {
  /**
   * MySQL keeps a transaction open after a failed statement (a deadlock rolls it back, and the
   * error says so): the shared transaction dooms it instead, one rule on every database.
   */
  readonly abortsFailedTransactions = false;

  constructor(
    private readonly pool: Pool,
    /** The isolation level of transactions that do not choose one. */
    private readonly isolation: IsolationLevel | undefined,
    /** `host:port`, for connection errors. */
    readonly where: string,
    /** The time limits of every connection, and how a transaction changes them for a while. */
    private readonly limits: SessionLimits,
  ) {}

  blocked(): undefined {
    return undefined;
  }

  /**
   * With a timeout (`find(...).timeout(ms)`), the call runs in a transaction of its own on a
   * connection whose statement limit is set for it, and put back afterwards: the runner's
   * statements that must be all or none (a DELETE whose regex gave up) are so only in a
   * transaction. It runs at the server's isolation level, as a call outside a transaction does:
   * the driver's `isolation` is for transactions (SERIALIZABLE would make its reads lock rows).
   */
  run<T>(work: (on: Queryable) => MaybePromise<T>, timeout: number | undefined): MaybePromise<T> {
    if (timeout === undefined) return work(this.pool);
    return inOwnTransaction(() => this.#begin(undefined, { statementTimeout: timeout }))(work);
  }

  readonly atomically: Atomically<Queryable> = inOwnTransaction(() => this.begin());

  error(error: unknown, doing: string): OmmiError {
    return fromMySQLError(error, doing, this.where);
  }

  begin({ isolation = this.isolation, statementTimeout, lockTimeout }: BeginOptions = {}): Promise<MySQLTransaction> {
    return this.#begin(isolation, { statementTimeout, lockTimeout });
  }

  async #begin(isolation: IsolationLevel | undefined, { statementTimeout, lockTimeout }: Limits): Promise<MySQLTransaction> {
    const level = isolation && isolationSql(isolation);
    let hold: TransactionHold | undefined;
    try {
      hold = new TransactionHold(await this.pool.getConnection(), this.limits, { statementTimeout, lockTimeout });
      // MySQL has no limits local to a transaction: they are the session's until the hold puts them back.
      await hold.limit({ statementTimeout, lockTimeout });
      // Without GLOBAL or SESSION, the level holds for the next transaction only.
      if (level) await hold.connection.query(`SET TRANSACTION ISOLATION LEVEL ${level}`);
      await hold.connection.query("START TRANSACTION");
      return new MySQLTransaction(this, hold, undefined);
    } catch (error) {
      const failure = this.error(error, "beginning a transaction");
      if (failure instanceof ConnectionError) hold?.markLost();
      await hold?.release();
      throw failure;
    }
  }

  /** Lets running queries finish, then closes every connection. */
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * The connection a transaction holds, shared with its savepoints: whether it was lost or the
 * server rolled the transaction back, savepoint names, and the time limits it changed on the
 * connection, which it puts back before the pool has the connection again.
 */
class TransactionHold {
  lost = false;
  /** Why nothing more may run in the transaction: the server rolled all of it back, savepoints and all. */
  rolledBack: TransactionError | undefined;
  #lastFailure: OmmiError | undefined;
  #savepoints = 0;
  readonly #changed = { statementTimeout: false, lockTimeout: false };

  constructor(
    readonly connection: Mysql2Connection,
    private readonly limits: SessionLimits,
    /** The transaction's own limits: a `.timeout(ms)` call in it puts its statement limit back to this. */
    private readonly own: Limits,
  ) {}

  nextSavepoint(): string {
    return `ommi_savepoint_${++this.#savepoints}`;
  }

  markLost(): void {
    this.lost = true;
  }

  /**
   * A statement of the transaction failed. After a deadlock the server has rolled back the whole
   * transaction and runs what follows on the connection outside of any: code that caught the
   * failure of a savepoint and went on would commit half its work, or none of what came before.
   * So every later call in it fails, and so does its commit.
   */
  failed(error: unknown, failure: OmmiError): void {
    const rolledBack = rolledBackTransaction(error);
    const reason = rolledBack === "earlier" ? (this.#lastFailure ?? failure) : failure;
    this.#lastFailure = failure;
    if (rolledBack === undefined || this.rolledBack) return;
    this.rolledBack = new TransactionError(`The server rolled back the whole transaction, savepoints and all, so nothing more of it runs or commits: ${reason.message}`, { cause: reason });
  }

  /** Sets the limits given on the connection (the others stay as they are). */
  async limit(limits: Limits): Promise<void> {
    const statement = this.limits.set(limits);
    if (statement === undefined) return;
    await this.connection.query(statement);
    if (limits.statementTimeout !== undefined) this.#changed.statementTimeout = true;
    if (limits.lockTimeout !== undefined) this.#changed.lockTimeout = true;
  }

  /** Sets the statement limit of one call: `ms`, or, with none, the transaction's own again. */
  async limitStatements(ms: number | undefined): Promise<void> {
    const limit = ms ?? this.own.statementTimeout;
    if (limit !== undefined) return this.limit({ statementTimeout: limit });
    const restore = this.limits.restore({ statementTimeout: true, lockTimeout: false });
    if (restore !== undefined) await this.connection.query(restore);
    this.#changed.statementTimeout = false;
  }

  /**
   * Gives the connection back to the pool with the limits it had, or closes it when it was lost
   * or they cannot be put back (nothing may run under a transaction's limits afterwards).
   */
  async release(): Promise<void> {
    if (this.lost) return this.connection.destroy();
    const restore = this.limits.restore(this.#changed);
    if (restore !== undefined) {
      try {
        await this.connection.query(restore);
      } catch {
        return this.connection.destroy();
      }
    }
    this.connection.release();
  }
}

/** A transaction, or a savepoint (`savepoint` names it) inside one, on the connection its transaction holds. */
class MySQLTransaction implements TransactionConnection<Queryable> {
  constructor(
    private readonly driver: MySQLPoolConnection,
    private readonly hold: TransactionHold,
    private readonly savepointName: string | undefined,
  ) {}

  get statements(): Queryable {
    return this.hold.connection;
  }

  blocked(): Promise<never> | undefined {
    return this.hold.rolledBack ? Promise.reject(this.hold.rolledBack) : undefined;
  }

  run<T>(work: (on: Queryable) => MaybePromise<T>, timeout: number | undefined): MaybePromise<T> {
    if (this.hold.lost) throw this.#lost();
    return timeout === undefined ? work(this.hold.connection) : this.#limited(timeout, work);
  }

  /**
   * A statement limit for one call inside the transaction: set, then put back to the
   * transaction's own once the call succeeded. A call that failed has doomed the transaction,
   * whose end puts every limit back.
   */
  async #limited<T>(ms: number, work: (on: Queryable) => MaybePromise<T>): Promise<T> {
    await this.hold.limitStatements(ms);
    const value = await work(this.hold.connection);
    await this.hold.limitStatements(undefined);
    return value;
  }

  /** The shared transaction dooms the whole of it when a statement fails, so partial work never commits. */
  readonly atomically: Atomically<Queryable> = (work) => (this.hold.lost ? Promise.reject(this.#lost()) : work(this.hold.connection));

  error(error: unknown, doing: string): OmmiError {
    const failure = this.driver.error(error, doing);
    this.hold.failed(error, failure);
    return failure;
  }

  lostError(): ConnectionError | undefined {
    return this.hold.lost ? this.#lost() : undefined;
  }

  markLost(): void {
    this.hold.markLost();
  }

  #lost(): ConnectionError {
    return new ConnectionError(`The connection to MySQL at ${this.driver.where} was lost; the server rolled the transaction back`);
  }

  async savepoint(): Promise<MySQLTransaction> {
    const name = this.hold.nextSavepoint();
    await this.#statement(`SAVEPOINT ${name}`, "opening a savepoint");
    return new MySQLTransaction(this.driver, this.hold, name);
  }

  async commit(): Promise<void> {
    if (this.hold.lost) {
      if (this.savepointName === undefined) await this.hold.release();
      throw this.#lost();
    }
    if (this.hold.rolledBack) {
      if (this.savepointName === undefined) await this.hold.release();
      throw this.hold.rolledBack;
    }
    if (this.savepointName !== undefined) return this.#statement(`RELEASE SAVEPOINT ${this.savepointName}`, "committing a nested transaction");
    try {
      await this.#statement("COMMIT", "committing");
    } catch (error) {
      const failure = error instanceof ConnectionError ? error : new TransactionError(`The transaction could not commit: ${(error as Error).message}`, { cause: error });
      throw failure;
    } finally {
      await this.hold.release();
    }
  }

  async rollback(): Promise<void> {
    if (this.savepointName !== undefined) {
      if (this.hold.lost || this.hold.rolledBack) return;
      try {
        await this.#statement(`ROLLBACK TO SAVEPOINT ${this.savepointName}`, "rolling back a nested transaction");
      } catch (error) {
        // A savepoint that no longer exists: the server rolled back everything (noted by failed()), the savepoint's work too.
        if (!this.hold.rolledBack) throw error;
      }
      return;
    }
    try {
      // A lost connection has nothing left to roll back: the server did it when the connection went.
      if (!this.hold.lost) await this.#statement("ROLLBACK", "rolling back");
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
    } finally {
      await this.hold.release();
    }
  }

  /** Runs a statement that ends or opens a transaction (names are Ommi's own, never the user's). */
  async #statement(text: string, doing: string): Promise<void> {
    try {
      await this.hold.connection.query(text);
    } catch (error) {
      const failure = this.error(error, doing);
      if (failure instanceof ConnectionError) this.markLost();
      throw failure;
    }
  }
}
