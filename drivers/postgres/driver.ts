import type { BeginOptions, Driver, DriverCapabilities, DriverSession, IsolationLevel, PreparedPatch, StoredRow, TransactionSession } from "../../src/kit/driver.js";
import { ConnectionError, QueryError, TransactionError, type OmmiError } from "../../src/kit/driver.js";
import type { ModelMeta } from "../../src/kit/driver.js";
import type { PreparedQuery } from "../../src/kit/driver.js";
import { timeoutProblem } from "../../src/kit/driver.js";
import { PostgreSQLEngine, type Atomically, type Connection } from "./engine.js";
import { fromPostgresError } from "./errors.js";
import { refuseNulInPatch, refuseNulInQuery, refuseNulInRows } from "./nul.js";
import { checkOptions, DEFAULT_CONNECT_TIMEOUT, ISOLATION_LEVELS, postgresJsOptions, type PostgreSQLOptions } from "./options.js";
import { Pool } from "./pool.js";
import { postgresOverOwnSockets } from "./socket.js";
import { withWholeResults } from "./sparse-results.js";
import { TransactionScope } from "./transaction-scope.js";

/** Seconds `close()` lets running queries finish before it cuts the connections. */
const CLOSE_TIMEOUT = 5;

const CAPABILITIES: DriverCapabilities = Object.freeze({
  transactions: true, savepoints: true, atomicBatches: true, statementTimeout: true, transactionLockTimeout: true,
});

/** `ms`, once it is known to be a whole number of milliseconds in range (it is spelled into SQL). */
function checkedTimeout(ms: number, name = "timeout"): number {
  const problem = timeoutProblem(name, ms);
  if (problem) throw new QueryError(problem);
  return ms;
}

/** What the driver and its transactions share. */
interface Shared {
  readonly engine: PostgreSQLEngine;
  readonly pool: Pool;
  readonly schema: string | undefined;
  readonly isolation: IsolationLevel | undefined;
}

/** Operations shared by the driver (on the pool) and its transactions (on the connection each holds). */
abstract class PostgreSQLSession implements DriverSession {
  constructor(protected readonly shared: Shared) {}

  /** The connection this session's statements run on. */
  protected abstract connection(): Connection | Promise<Connection>;

  /** Runs `work` in one transaction: a new one for the driver, the open one for a transaction. */
  protected abstract readonly atomically: Atomically;

  /** Called when an operation of this session failed, with the error it fails with. */
  protected failed(_error: OmmiError): void {}

  /** The operation's promise, as the session waits for it (a transaction also watches its connection). */
  protected settles<T>(work: Promise<T>): Promise<T> {
    return work;
  }

  /**
   * Runs `work` with a statement timeout of `ms` milliseconds (`find(...).timeout(ms)`): set as
   * the server's statement_timeout around it, so the server itself stops the statement.
   */
  protected abstract limited<T>(connection: Connection, ms: number, work: (connection: Connection) => Promise<T>): Promise<T>;

  async #run<T>(doing: string, work: (connection: Connection) => Promise<T>, timeout?: number): Promise<T> {
    try {
      const pending = this.connection();
      const connection = pending instanceof Promise ? await pending : pending;
      return await this.settles(timeout === undefined ? work(connection) : this.limited(connection, checkedTimeout(timeout), work));
    } catch (error) {
      const failure = fromPostgresError(error, doing, this.shared.pool.where);
      this.failed(failure);
      throw failure;
    }
  }

  // Values PostgreSQL cannot hold are refused before anything is sent, so they doom no transaction.
  add(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]> {
    refuseNulInRows(model, rows);
    return this.#run(`adding ${model.name}`, (connection) => this.shared.engine.add(connection, this.atomically, model, rows as StoredRow[]));
  }
  fetch(query: PreparedQuery): Promise<StoredRow[]> {
    refuseNulInQuery(query);
    return this.#run(`finding ${query.node.model.name}`, (connection) => this.shared.engine.fetch(connection, query), query.timeout);
  }
  count(query: PreparedQuery): Promise<number> {
    refuseNulInQuery(query);
    return this.#run(`counting ${query.node.model.name}`, (connection) => this.shared.engine.count(connection, query), query.timeout);
  }
  update(query: PreparedQuery, patch: PreparedPatch): Promise<number> {
    refuseNulInQuery(query);
    refuseNulInPatch(query.node.model, patch);
    return this.#run(`updating ${query.node.model.name}`, (connection) => this.shared.engine.update(connection, query, patch), query.timeout);
  }
  delete(query: PreparedQuery): Promise<number> {
    refuseNulInQuery(query);
    return this.#run(`deleting ${query.node.model.name}`, (connection) => this.shared.engine.delete(connection, query), query.timeout);
  }
  applySchema(models: readonly ModelMeta[]): Promise<void> {
    const { engine, schema } = this.shared;
    return this.#run("creating tables", () => this.atomically((connection) => engine.applySchema(connection, schema, models)));
  }
  deleteSchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#run("dropping tables", () => this.atomically((connection) => this.shared.engine.deleteSchema(connection, models)));
  }
}

/**
 * PostgreSQL through postgres.js, on a pool of connections. Statements run as named prepared
 * statements with bound values. A transaction takes one connection of its own for its whole
 * life, so other operations go on meanwhile (on the other connections), as PostgreSQL allows.
 */
export class PostgreSQLDriver extends PostgreSQLSession implements Driver {
  readonly name = "postgres";
  /** A pool of connections: transactions run beside other operations; the server stops statements and lock waits at the limits it is given. */
  readonly capabilities = CAPABILITIES;

  private constructor(shared: Shared) {
    super(shared);
  }

  /**
   * A driver for the database the options name. Nothing is contacted yet: a server that cannot
   * be reached, or refuses the credentials, fails the first operation with a ConnectionError.
   */
  static connect(options: PostgreSQLOptions = {}): Promise<PostgreSQLDriver> {
    const problem = checkOptions(options);
    if (problem) return Promise.reject(new ConnectionError(`PostgreSQL options: ${problem}`));
    const settings = postgresJsOptions(options);
    // Ommi's own sockets and whole results work around postgres.js 3.4 faults (socket.ts, sparse-results.ts).
    const create = () => withWholeResults(postgresOverOwnSockets(options.url, settings));
    let pool: Pool;
    try {
      pool = new Pool(create, options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT);
    } catch {
      // Only a malformed url gets here; the parser's error repeats the url, password and all, so it is not kept.
      return Promise.reject(new ConnectionError("PostgreSQL options: url is not a valid connection URL (postgres://user:password@host:port/database)"));
    }
    return Promise.resolve(new PostgreSQLDriver({ engine: new PostgreSQLEngine(options.schema ?? (() => pool.currentSchema)), pool, schema: options.schema, isolation: options.isolation }));
  }

  protected connection(): Connection | Promise<Connection> {
    return this.shared.pool.connection();
  }

  protected readonly atomically: Atomically = async (work) => {
    const transaction = await this.#open();
    let value;
    try {
      value = await work(transaction.statements);
    } catch (error) {
      await transaction.rollback().catch(() => undefined);
      throw error;
    }
    await transaction.commit();
    return value;
  };

  begin(options?: BeginOptions): Promise<TransactionSession> {
    return this.#open(options);
  }

  async #open({ isolation = this.shared.isolation, statementTimeout, lockTimeout }: BeginOptions = {}): Promise<PostgreSQLTransaction> {
    const { pool } = this.shared;
    try {
      if (isolation && !(isolation in ISOLATION_LEVELS)) throw new QueryError(`${JSON.stringify(isolation)} is not an isolation level (${Object.keys(ISOLATION_LEVELS).join(", ")})`);
      // Checked numbers only: SET takes no bound parameters, so the limits are spelled into it.
      const settings = [
        ...(statementTimeout === undefined ? [] : [`SET LOCAL statement_timeout = ${checkedTimeout(statementTimeout, "statementTimeout")}`]),
        ...(lockTimeout === undefined ? [] : [`SET LOCAL lock_timeout = ${checkedTimeout(lockTimeout, "lockTimeout")}`]),
      ];
      const options = isolation ? `isolation level ${ISOLATION_LEVELS[isolation]}` : "";
      const sql = await pool.connection();
      const scope = await TransactionScope.begin(sql, options, pool.where, withWholeResults);
      const transaction = new PostgreSQLTransaction(this.shared, scope, 0, statementTimeout);
      if (settings.length > 0) await transaction.configure(settings.join("; "));
      return transaction;
    } catch (error) {
      throw fromPostgresError(error, "beginning a transaction", pool.where);
    }
  }

  /** A statement timeout for one call: a transaction of its own, whose statement_timeout is set first. */
  protected limited<T>(connection: Connection, ms: number, work: (connection: Connection) => Promise<T>): Promise<T> {
    return connection.begin(async (tx) => {
      await tx.unsafe(`SET LOCAL statement_timeout = ${ms}`);
      return work(withWholeResults(tx) as unknown as Connection);
    }) as Promise<T>;
  }

  /** Lets running queries finish (for a few seconds at most), then closes every connection. */
  async close(): Promise<void> {
    await this.shared.pool.end(CLOSE_TIMEOUT);
  }
}

/** A transaction (depth 0) or a savepoint inside one (depth 1, 2, ...), on the connection its transaction holds. */
class PostgreSQLTransaction extends PostgreSQLSession implements TransactionSession {
  #ended = false;

  constructor(
    shared: Shared,
    private readonly scope: TransactionScope,
    private readonly depth: number,
    /** The transaction's own statement timeout, which `.timeout(ms)` calls inside it restore. */
    private readonly statementTimeout: number | undefined,
  ) {
    super(shared);
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

  /**
   * A statement timeout for one call inside the transaction: set, then restored to the
   * transaction's own (or the connection's) once the call succeeded. A call that failed has
   * aborted the transaction, which can then only roll back.
   */
  protected async limited<T>(connection: Connection, ms: number, work: (connection: Connection) => Promise<T>): Promise<T> {
    await connection.unsafe(`SET LOCAL statement_timeout = ${ms}`);
    const value = await work(connection);
    await connection.unsafe(this.statementTimeout === undefined ? "SET LOCAL statement_timeout TO DEFAULT" : `SET LOCAL statement_timeout = ${this.statementTimeout}`);
    return value;
  }

  /** Runs this transaction's statements (for `atomically` work). */
  get statements(): Connection {
    return this.scope.sql as unknown as Connection;
  }

  protected connection(): Connection | Promise<Connection> {
    if (this.#ended) return Promise.reject(new TransactionError("This transaction has ended"));
    if (this.scope.lost) return Promise.reject(this.scope.lostError());
    return this.statements;
  }

  /** Inside a transaction a failed statement aborts the whole of it, so partial work never commits. */
  protected readonly atomically: Atomically = async (work) => this.settles(work(await this.connection()));

  /** A statement that failed for want of a connection: the transaction's own is gone. */
  protected override failed(error: OmmiError): void {
    if (error instanceof ConnectionError) this.scope.markLost();
  }

  /** Fails with a ConnectionError when the connection goes, even if postgres.js never settles the statement. */
  protected override settles<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.scope.closed]);
  }

  /** A savepoint: it keeps the transaction's isolation level, so it takes no options. */
  async savepoint(): Promise<TransactionSession> {
    await this.connection();
    try {
      return new PostgreSQLTransaction(this.shared, await this.scope.savepoint(withWholeResults), this.depth + 1, this.statementTimeout);
    } catch (error) {
      const failure = fromPostgresError(error, "opening a savepoint", this.shared.pool.where);
      this.failed(failure);
      throw failure;
    }
  }

  async commit(): Promise<void> {
    this.#end();
    // A lost connection cannot commit: the server rolled the transaction back when it went.
    if (this.scope.lost) throw this.scope.lostError();
    const ending = await this.scope.commit();
    if (ending.ok) return;
    const failure = fromPostgresError(ending.error, "committing", this.shared.pool.where);
    this.failed(failure);
    if (failure instanceof ConnectionError) throw failure;
    // postgres.js rolls back instead of committing once a statement in the transaction failed.
    const what = this.depth === 0 ? "The transaction" : "The nested transaction (savepoint)";
    throw new TransactionError(`${what} was rolled back, not committed: a statement in it had failed: ${failure.message}`, { cause: failure });
  }

  async rollback(): Promise<void> {
    this.#end();
    const ending = await this.scope.rollback();
    // A lost connection has nothing left to roll back: the server did it when the connection went.
    if (ending.ok) return;
    const failure = fromPostgresError(ending.error, "rolling back", this.shared.pool.where);
    this.failed(failure);
    if (!(failure instanceof ConnectionError)) throw failure;
  }

  #end(): void {
    if (this.#ended) throw new TransactionError("This transaction has ended");
    this.#ended = true;
  }
}
