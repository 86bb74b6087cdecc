import mysql from "mysql2/promise";
import { ConnectionError, type DriverCapabilities } from "../../src/kit/driver.js";
import { SqlDriver } from "../sql/driver.js";
import { SqlEngine, type Engine } from "../sql/engine.js";
import { MySQLPoolConnection, type Queryable } from "./connection.js";
import { mysqlDialect } from "./dialect.js";
import { checkOptions, type MySQLOptions } from "./options.js";
import { MySQLRunner } from "./runner.js";
import { detectServer, ServerDetection, type ServerChoice } from "./server.js";
import { SessionLimits } from "./limits.js";
import { databaseOf, mysql2Options, sessionSettings } from "./settings.js";

const CAPABILITIES: DriverCapabilities = Object.freeze({
  transactions: true, savepoints: true, atomicBatches: true, statementTimeout: true, transactionLockTimeout: true, foreignKeys: true, sharedNamespace: true,
  rawSql: true, increments: true, upsert: true,
});

/**
 * MySQL and MariaDB through mysql2, on a pool of connections. Statements run as prepared
 * statements with bound values. A transaction takes one connection of its own for its whole
 * life, so other operations go on meanwhile (on the other connections).
 */
export class MySQLDriver extends SqlDriver<Queryable> {
  readonly name = "mysql";
  readonly capabilities = CAPABILITIES;

  /** Made by connect(): the entry (index.ts) publishes this class with an abstract constructor, which a private one would not fit. */
  constructor(
    engine: Engine<Queryable>,
    connection: MySQLPoolConnection,
    private readonly server: ServerDetection,
  ) {
    super(engine, connection);
  }

  /**
   * Until the driver knows which server it talks to (MariaDB or MySQL 8, see server.ts), every
   * call first waits for it to ask: statements are written for that server. A server that
   * cannot be reached, or is too old, fails the call with a ConnectionError, and the next call asks again.
   */
  protected override blocked(): Promise<unknown> | undefined {
    return this.server.pending() ?? super.blocked();
  }

  /**
   * A driver for the database the options name. Nothing is contacted yet: a server that cannot
   * be reached, or refuses the credentials, fails the first operation with a ConnectionError.
   */
  static connect(options: MySQLOptions = {}): Promise<MySQLDriver> {
    return connectMySQL(options);
  }
}

/**
 * MySQLDriver.connect, and what tests alone may add: `choice.asMySQL` makes a driver on MariaDB
 * take MySQL 8's ways wherever MariaDB takes them too (see server.ts), so that they are tested
 * on a MariaDB server. Not part of the published entry.
 */
export function connectMySQL(options: MySQLOptions = {}, choice: ServerChoice = {}): Promise<MySQLDriver> {
  const problem = checkOptions(options);
  if (problem) return Promise.reject(new ConnectionError(`MySQL options: ${problem}`));
  let database: string | undefined;
  let settings: mysql.PoolOptions;
  try {
    database = databaseOf(options);
    if (database === undefined) return Promise.reject(new ConnectionError("MySQL options: name the database (database, or the url's path), which holds Ommi's tables"));
    settings = mysql2Options(options, database);
  } catch {
    // Only a malformed url gets here; the parser's error repeats the url, password and all, so it is not kept.
    return Promise.reject(new ConnectionError("MySQL options: url is not a valid connection URL (mysql://user:password@host:port/database)"));
  }
  const pool = mysql.createPool(settings);
  const limits = new SessionLimits(options);
  const setup = sessionSettings(limits);
  // Every new connection is set up before its first statement (statements on one connection run in
  // order). One that cannot be set up is closed, so that nothing runs under the server's defaults:
  // the statement waiting for it fails with a ConnectionError instead.
  pool.pool.on("connection", (connection) => {
    connection.query(setup, (error) => {
      if (error) connection.destroy();
    });
  });
  const schema = database;
  const where = `${settings.host}:${settings.port}`;
  const server = new ServerDetection(() => detectServer(pool, where, choice));
  const facts = () => server.facts;
  const dialect = mysqlDialect(facts);
  const engine = new SqlEngine(dialect, () => schema, new MySQLRunner(dialect, facts));
  return Promise.resolve(new MySQLDriver(engine, new MySQLPoolConnection(pool, options.isolation, where, limits), server));
}
