import Database from "better-sqlite3";
import { ConnectionError, timeoutProblem, type DriverCapabilities } from "../../src/kit/driver.js";
import { SqlDriver } from "../sql/driver.js";
import { SqlEngine, type Engine } from "../sql/engine.js";
import { SQLiteConnection } from "./connection.js";
import { sqliteDialect } from "./dialect.js";
import { EventLoopTurns } from "./event-loop-turns.js";
import { registerFunctions } from "./functions.js";
import type { SQLiteOptions } from "./options.js";
import { SQLiteRunner } from "./runner.js";

/**
 * Milliseconds of busy SQLite work after which operations let the event loop run its timers and
 * I/O (see EventLoopTurns): the longest they wait, plus the operation running at that moment.
 * A turn costs a few microseconds of CPU (tens on a loaded machine), so at 4 ms turns cost well
 * under 1% of throughput; at 1 ms they cost several percent (measured with
 * .scratch/event-loop/measure.ts).
 */
const EVENT_LOOP_BUDGET_MS = 4;

const CAPABILITIES: DriverCapabilities = Object.freeze({
  transactions: true, savepoints: true, serializedWrites: true, atomicBatches: true, foreignKeys: true, sharedNamespace: true,
  rawSql: true,
  upsert: true, updateReturning: true, increments: true,
});

/**
 * The schema every statement names Ommi's tables in: the database file itself. Unqualified, a
 * name would find a TEMP table of the same name first (SQLite searches `temp` before `main`).
 */
const SCHEMA = "main";

/**
 * SQLite through better-sqlite3, on one connection. SQLite runs one writer at a time, so while
 * a transaction is open the driver's other operations wait for it to end (see SQLiteConnection).
 */
export class SQLiteDriver extends SqlDriver<Database.Database> {
  readonly name = "sqlite";
  /** One connection: other operations wait while a transaction is open (see `Ommi.transaction`). */
  readonly capabilities = CAPABILITIES;

  /** Made by connect(): the entry (index.ts) publishes this class with an abstract constructor, which a private one would not fit. */
  constructor(engine: Engine<Database.Database>, connection: SQLiteConnection) {
    super(engine, connection);
  }

  /** Opens (creating if needed) the database file, or an in-memory database for ":memory:". */
  static connect(options: SQLiteOptions): Promise<SQLiteDriver> {
    const { lockTimeout, busyTimeout } = options;
    const problem = lockTimeout === undefined ? undefined : timeoutProblem("lockTimeout", lockTimeout);
    if (problem) return Promise.reject(new ConnectionError(`SQLite options: ${problem}`));
    if (lockTimeout !== undefined && busyTimeout !== undefined && lockTimeout !== busyTimeout) {
      return Promise.reject(new ConnectionError("SQLite options: give lockTimeout or busyTimeout (its former name), not both"));
    }
    try {
      const db = new Database(options.filename, { readonly: options.readonly ?? false, timeout: lockTimeout ?? busyTimeout ?? 5000 });
      if (options.filename !== ":memory:" && !options.readonly) db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      registerFunctions(db);
      return Promise.resolve(new SQLiteDriver(new SqlEngine(sqliteDialect, () => SCHEMA, new SQLiteRunner(db)), new SQLiteConnection(db, new EventLoopTurns(EVENT_LOOP_BUDGET_MS))));
    } catch (error) {
      return Promise.reject(new ConnectionError(`Could not open SQLite database ${JSON.stringify(options.filename)}: ${String(error)}`, { cause: error }));
    }
  }
}
