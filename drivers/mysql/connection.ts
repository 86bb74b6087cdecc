import type { Pool, PoolConnection as Mysql2Connection } from "mysql2/promise";
import { ConnectionError, QueryError, TransactionError, type BeginOptions, type IsolationLevel, type OmmiError } from "../../src/kit/driver.js";
import type { Atomically, DriverConnection, TransactionConnection } from "../sql/connection.js";
import type { MaybePromise } from "../sql/maybe-promise.js";
import { inOwnTransaction } from "../sql/own-transaction.js";
import { fromMySQLError } from "./errors.js";
import { ISOLATION_LEVELS } from "./options.js";

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
  ) {}

  blocked(): undefined {
    return undefined;
  }

  run<T>(work: (on: Queryable) => MaybePromise<T>): MaybePromise<T> {
    return work(this.pool);
  }

  readonly atomically: Atomically<Queryable> = inOwnTransaction(() => this.begin());

  error(error: unknown, doing: string): OmmiError {
    return fromMySQLError(error, doing, this.where);
  }

  async begin({ isolation = this.isolation }: BeginOptions = {}): Promise<MySQLTransaction> {
    if (isolation && !(isolation in ISOLATION_LEVELS)) throw new QueryError(`${JSON.stringify(isolation)} is not an isolation level (${Object.keys(ISOLATION_LEVELS).join(", ")})`);
    let connection: Mysql2Connection | undefined;
    try {
      connection = await this.pool.getConnection();
      // Without GLOBAL or SESSION, the level holds for the next transaction only.
      if (isolation) await connection.query(`SET TRANSACTION ISOLATION LEVEL ${ISOLATION_LEVELS[isolation]}`);
      await connection.query("START TRANSACTION");
      return new MySQLTransaction(this, new TransactionHold(connection), undefined);
    } catch (error) {
      connection?.release();
      throw this.error(error, "beginning a transaction");
    }
  }

  /** Lets running queries finish, then closes every connection. */
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The connection a transaction holds, shared with its savepoints: whether it was lost, and savepoint names. */
class TransactionHold {
  lost = false;
  #savepoints = 0;

  constructor(readonly connection: Mysql2Connection) {}

  nextSavepoint(): string {
    return `ommi_savepoint_${++this.#savepoints}`;
  }

  /** Gives the connection back to the pool, or closes it when it was lost (nothing more can run on it). */
  release(): void {
    if (this.lost) this.connection.destroy();
    else this.connection.release();
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

  blocked(): undefined {
    return undefined;
  }

  run<T>(work: (on: Queryable) => MaybePromise<T>): MaybePromise<T> {
    if (this.hold.lost) throw this.#lost();
    return work(this.hold.connection);
  }

  /** The shared transaction dooms the whole of it when a statement fails, so partial work never commits. */
  readonly atomically: Atomically<Queryable> = (work) => (this.hold.lost ? Promise.reject(this.#lost()) : work(this.hold.connection));

  error(error: unknown, doing: string): OmmiError {
    return this.driver.error(error, doing);
  }

  lostError(): ConnectionError | undefined {
    return this.hold.lost ? this.#lost() : undefined;
  }

  markLost(): void {
    this.hold.lost = true;
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
      if (this.savepointName === undefined) this.hold.release();
      throw this.#lost();
    }
    if (this.savepointName !== undefined) return this.#statement(`RELEASE SAVEPOINT ${this.savepointName}`, "committing a nested transaction");
    try {
      await this.#statement("COMMIT", "committing");
    } catch (error) {
      const failure = error instanceof ConnectionError ? error : new TransactionError(`The transaction could not commit: ${(error as Error).message}`, { cause: error });
      throw failure;
    } finally {
      this.hold.release();
    }
  }

  async rollback(): Promise<void> {
    if (this.savepointName !== undefined) {
      if (!this.hold.lost) await this.#statement(`ROLLBACK TO SAVEPOINT ${this.savepointName}`, "rolling back a nested transaction");
      return;
    }
    try {
      // A lost connection has nothing left to roll back: the server did it when the connection went.
      if (!this.hold.lost) await this.#statement("ROLLBACK", "rolling back");
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
    } finally {
      this.hold.release();
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
