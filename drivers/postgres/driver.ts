import postgres from "postgres";
import type { BeginOptions, Driver, DriverSession, IsolationLevel, PreparedPatch, StoredRow, TransactionSession } from "../../src/driver.js";
import { ConnectionError, QueryError, TransactionError } from "../../src/errors.js";
import type { ModelMeta } from "../../src/model/meta.js";
import type { PreparedQuery } from "../../src/query/prepare.js";
import { PostgreSQLEngine, type Atomically, type Connection } from "./engine.js";
import { fromPostgresError } from "./errors.js";
import { checkOptions, DEFAULT_CONNECT_TIMEOUT, ISOLATION_LEVELS, postgresJsOptions, type PostgreSQLOptions } from "./options.js";
import { Pool } from "./pool.js";
import { ReservedConnection } from "./reserved.js";

/** Seconds `close()` lets running queries finish before it cuts the connections. */
const CLOSE_TIMEOUT = 5;

/** What the driver and its transactions share. */
interface Shared {
  readonly engine: PostgreSQLEngine;
  readonly pool: Pool;
  readonly schema: string | undefined;
  readonly isolation: IsolationLevel | undefined;
}

/** Operations shared by the driver (on the pool) and its transactions (on their reserved connection). */
abstract class PostgreSQLSession implements DriverSession {
  constructor(protected readonly shared: Shared) {}

  /** The connection this session's statements run on. */
  protected abstract connection(): Connection | Promise<Connection>;

  /** Runs `work` in one transaction: a new one for the driver, the open one for a transaction. */
  protected abstract readonly atomically: Atomically;

  abstract begin(options?: BeginOptions): Promise<TransactionSession>;

  async #run<T>(doing: string, work: (connection: Connection) => Promise<T>): Promise<T> {
    try {
      const pending = this.connection();
      return await work(pending instanceof Promise ? await pending : pending);
    } catch (error) {
      throw fromPostgresError(error, doing, this.shared.pool.where);
    }
  }

  add(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]> {
    return this.#run(`adding ${model.name}`, (connection) => this.shared.engine.add(connection, this.atomically, model, rows as StoredRow[]));
  }
  fetch(query: PreparedQuery): Promise<StoredRow[]> {
    return this.#run(`finding ${query.node.model.name}`, (connection) => this.shared.engine.fetch(connection, query));
  }
  count(query: PreparedQuery): Promise<number> {
    return this.#run(`counting ${query.node.model.name}`, (connection) => this.shared.engine.count(connection, query));
  }
  update(query: PreparedQuery, patch: PreparedPatch): Promise<number> {
    return this.#run(`updating ${query.node.model.name}`, (connection) => this.shared.engine.update(connection, query, patch));
  }
  delete(query: PreparedQuery): Promise<number> {
    return this.#run(`deleting ${query.node.model.name}`, (connection) => this.shared.engine.delete(connection, query));
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
    const create = () => (options.url === undefined ? postgres(settings) : postgres(options.url, settings));
    let pool: Pool;
    try {
      pool = new Pool(create, options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT);
    } catch {
      // Only a malformed url gets here; the parser's error repeats the url, password and all, so it is not kept.
      return Promise.reject(new ConnectionError("PostgreSQL options: url is not a valid connection URL (postgres://user:password@host:port/database)"));
    }
    return Promise.resolve(new PostgreSQLDriver({ engine: new PostgreSQLEngine(), pool, schema: options.schema, isolation: options.isolation }));
  }

  protected connection(): Connection | Promise<Connection> {
    return this.shared.pool.connection();
  }

  protected readonly atomically: Atomically = async (work) => {
    const transaction = await this.#open();
    let value;
    try {
      value = await work(transaction.reserved.sql);
    } catch (error) {
      await transaction.rollback().catch(() => undefined);
      throw error;
    }
    await transaction.commit();
    return value;
  };

  begin(options?: BeginOptions): Promise<TransactionSession> {
    return this.#open(options?.isolation);
  }

  async #open(isolation = this.shared.isolation): Promise<PostgreSQLTransaction> {
    const { pool } = this.shared;
    try {
      if (isolation && !(isolation in ISOLATION_LEVELS)) throw new QueryError(`${JSON.stringify(isolation)} is not an isolation level (${Object.keys(ISOLATION_LEVELS).join(", ")})`);
      const begin = isolation ? `BEGIN ISOLATION LEVEL ${ISOLATION_LEVELS[isolation]}` : "BEGIN";
      return new PostgreSQLTransaction(this.shared, await ReservedConnection.open(() => pool.reserve(), begin), 0);
    } catch (error) {
      throw fromPostgresError(error, "beginning a transaction", pool.where);
    }
  }

  /** Lets running queries finish (for a few seconds at most), then closes every connection. */
  async close(): Promise<void> {
    await this.shared.pool.end(CLOSE_TIMEOUT);
  }
}

/** A transaction (depth 0) or a savepoint inside one (depth 1, 2, ...), on its reserved connection. */
class PostgreSQLTransaction extends PostgreSQLSession implements TransactionSession {
  #ended = false;

  constructor(
    shared: Shared,
    readonly reserved: ReservedConnection,
    private readonly depth: number,
  ) {
    super(shared);
  }

  protected connection(): Connection | Promise<Connection> {
    if (this.#ended) return Promise.reject(new TransactionError("This transaction has ended"));
    if (this.reserved.lost) return Promise.reject(this.#lostError());
    return this.reserved.sql;
  }

  /** Inside a transaction a failed statement aborts the whole of it, so partial work never commits. */
  protected readonly atomically: Atomically = async (work) => work(await this.connection());

  /** A savepoint: it keeps the transaction's isolation level, so it takes no options. */
  async begin(): Promise<TransactionSession> {
    await this.connection();
    await this.#control(`SAVEPOINT ommi_${this.depth + 1}`, "opening a savepoint");
    return new PostgreSQLTransaction(this.shared, this.reserved, this.depth + 1);
  }

  commit(): Promise<void> {
    return this.#end(this.depth === 0 ? ["COMMIT"] : [`RELEASE SAVEPOINT ommi_${this.depth}`], "committing", { failIfLost: true });
  }

  rollback(): Promise<void> {
    const savepoint = `ommi_${this.depth}`;
    const statements = this.depth === 0 ? ["ROLLBACK"] : [`ROLLBACK TO SAVEPOINT ${savepoint}`, `RELEASE SAVEPOINT ${savepoint}`];
    // A lost connection has nothing left to roll back: the server did it when the connection went.
    return this.#end(statements, "rolling back", { failIfLost: false });
  }

  async #end(statements: readonly string[], doing: string, { failIfLost }: { failIfLost: boolean }): Promise<void> {
    if (this.#ended) throw new TransactionError("This transaction has ended");
    this.#ended = true;
    try {
      if (this.reserved.lost) {
        if (failIfLost) throw this.#lostError();
        return;
      }
      for (const statement of statements) {
        const result = await this.#control(statement, doing);
        // COMMIT of a transaction in which a statement failed succeeds, but rolls back: say so.
        if (statement === "COMMIT" && result.command === "ROLLBACK") {
          throw new TransactionError("The transaction was rolled back, not committed: a statement in it had failed");
        }
      }
    } finally {
      if (this.depth === 0) this.reserved.release();
    }
  }

  async #control(statement: string, doing: string): Promise<postgres.RowList<postgres.Row[]>> {
    try {
      return await this.reserved.sql.unsafe(statement);
    } catch (error) {
      throw fromPostgresError(error, doing, this.shared.pool.where);
    }
  }

  #lostError(): ConnectionError {
    return new ConnectionError(`The connection of this transaction to PostgreSQL at ${this.shared.pool.where} was lost; the server rolled the transaction back`);
  }
}
