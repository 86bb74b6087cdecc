import mysql from "mysql2/promise";
import { ConnectionError, type DriverCapabilities } from "../../src/kit/driver.js";
import { SqlDriver } from "../sql/driver.js";
import { SqlEngine, type Engine } from "../sql/engine.js";
import { MySQLPoolConnection, type Queryable } from "./connection.js";
import { mysqlDialect } from "./dialect.js";
import { checkOptions, type MySQLOptions } from "./options.js";
import { MySQLRunner } from "./runner.js";
import { databaseOf, mysql2Options, SESSION_SETTINGS } from "./settings.js";

const CAPABILITIES: DriverCapabilities = Object.freeze({
  transactions: true, savepoints: true, atomicBatches: true, foreignKeys: true, sharedNamespace: true,
  rawSql: true, increments: true,
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
  constructor(engine: Engine<Queryable>, connection: MySQLPoolConnection) {
    super(engine, connection);
  }

  /**
   * A driver for the database the options name. Nothing is contacted yet: a server that cannot
   * be reached, or refuses the credentials, fails the first operation with a ConnectionError.
   */
  static connect(options: MySQLOptions = {}): Promise<MySQLDriver> {
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
    // Every new connection is set up before its first statement (statements on one connection run in
    // order). One that cannot be set up is closed, so that nothing runs under the server's defaults:
    // the statement waiting for it fails with a ConnectionError instead.
    pool.pool.on("connection", (connection) => {
      connection.query(SESSION_SETTINGS, (error) => {
        if (error) connection.destroy();
      });
    });
    const schema = database;
    const engine = new SqlEngine(mysqlDialect, () => schema, new MySQLRunner());
    return Promise.resolve(new MySQLDriver(engine, new MySQLPoolConnection(pool, options.isolation, `${settings.host}:${settings.port}`)));
  }
}
