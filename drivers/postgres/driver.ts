import { ConnectionError, type DriverCapabilities } from "../../src/kit/driver.js";
import { SqlDriver } from "../sql/driver.js";
import { SqlEngine, type Engine } from "../sql/engine.js";
import { PoolConnection, type Queryable } from "./connection.js";
import { postgresDialect } from "./dialect.js";
import { DEFAULT_CONNECT_TIMEOUT } from "../sql/pool-options.js";
import { checkOptions, type PostgreSQLOptions } from "./options.js";
import { Pool } from "./pool.js";
import { PostgresRunner } from "./runner.js";
import { schemaFrom } from "./schema.js";
import { postgresJsOptions } from "./settings.js";
import { postgresOverOwnSockets } from "./socket.js";
import { withWholeResults } from "./sparse-results.js";

const CAPABILITIES: DriverCapabilities = Object.freeze({
  transactions: true, savepoints: true, atomicBatches: true, statementTimeout: true, transactionLockTimeout: true, foreignKeys: true, sharedNamespace: true,
  rawSql: true,
  upsert: true, updateReturning: true, increments: true,
});

/**
 * PostgreSQL through postgres.js, on a pool of connections. Statements run as named prepared
 * statements with bound values. A transaction takes one connection of its own for its whole
 * life, so other operations go on meanwhile (on the other connections), as PostgreSQL allows.
 */
export class PostgreSQLDriver extends SqlDriver<Queryable> {
  readonly name = "postgres";
  /** A pool of connections: transactions run beside other operations; the server stops statements and lock waits at the limits it is given. */
  readonly capabilities = CAPABILITIES;

  /** Made by connect(): the entry (index.ts) publishes this class with an abstract constructor, which a private one would not fit. */
  constructor(engine: Engine<Queryable>, connection: PoolConnection) {
    super(engine, connection);
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
    // Nothing is asked of the schema until the first statement is built, after the server has answered.
    const schema = options.schema ?? (() => pool.currentSchema);
    const engine = new SqlEngine(postgresDialect, () => schemaFrom(schema), new PostgresRunner(options.schema));
    return Promise.resolve(new PostgreSQLDriver(engine, new PoolConnection(pool, options.isolation)));
  }
}
